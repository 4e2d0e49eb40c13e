// The AWS provider's enrichment (its Provider.loadEnricher), loaded only when a scan found AWS keys:
// canary keys are marked (offline, always) and graded low, and with --verify each credential is checked
// with AWS STS (src/verify) and its findings re-graded (a live root key becomes `root`, with the
// root-user remediation).
import type { Finding } from '../../types.js';
import type { VerifyOptions } from '../../verify/verify.js';
import type { EnrichOutcome } from '../types.js';

/** Marks canaries, and verifies when `verify` is given. Mutates the findings it is given (all AWS). */
export async function enrichAwsFindings(findings: Finding[], verify: VerifyOptions | undefined): Promise<EnrichOutcome> {
  if (findings.length === 0) return { ok: true };
  // The canary list itself is read only once a key ID decodes to an account (canary.ts).
  const { findCanaries, keyIdOfFinding } = await import('./canary.js');
  const canaries = findCanaries(findings);
  for (const f of findings) {
    const keyId = keyIdOfFinding(f);
    const canary = keyId === undefined ? undefined : canaries.get(keyId);
    if (canary) {
      // A decoy is not a credential anyone can use without setting off its alarm: low, as --verify grades it (root.ts).
      f.canary = { service: canary.service, source: canary.source };
      f.severity = 'low';
    }
  }
  if (verify === undefined) return { ok: true };
  const { verifyFindings, verificationsByFingerprint } = await import('../../verify/verify.js');
  const { remediationFor, severityFor } = await import('../../verify/root.js');
  const outcome = await verifyFindings(findings, verify);
  if (!outcome.ok) return outcome;
  const byFingerprint = verificationsByFingerprint(findings, outcome.results);
  for (const f of findings) {
    const v = byFingerprint.get(f.fingerprint);
    if (v === undefined) continue;
    const { canary: _canary, ...verification } = v;
    f.verification = verification;
    f.severity = severityFor(v, f.severity);
    f.remediation = remediationFor(v, f.remediation);
  }
  return { ok: true };
}
