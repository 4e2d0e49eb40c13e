// The JSON reporter: a stable, versioned document for scripts and other tools.
// Key order is fixed on purpose so diffs of two reports line up; lineText is left out (text output only).
import { partLabel } from '../providers/index.js';
import type { Finding, Location, PairRef } from '../types.js';
import type { Reporter } from './types.js';

/** Bump when a consumer would have to change: renamed or removed keys, changed meanings. */
export const JSON_REPORT_VERSION = 2;

export const json: Reporter = (result) => {
  const doc = {
    version: JSON_REPORT_VERSION,
    findings: result.findings.map(findingObject),
    stats: result.stats,
    errors: result.errors,
    ...(result.unusedIgnores ? { unusedIgnores: result.unusedIgnores } : {}),
    ...(result.skipped ? { skipped: result.skipped } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
};

/** A finding with keys in documented order; optional keys are absent rather than null. */
function findingObject(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...byteRange(f),
    // `value`, not `secret` (version 1): an access key ID is not a secret. `label` says what it is.
    value: f.value,
    fingerprint: f.fingerprint,
    label: partLabel(f),
  };
  if (f.provider !== undefined) out.provider = f.provider;
  if (f.part !== undefined) out.part = f.part;
  if (f.keyType !== undefined) out.keyType = f.keyType;
  if (f.accountId !== undefined) out.accountId = f.accountId;
  if (f.decoded !== undefined) out.decoded = [...f.decoded];
  if (f.pair !== undefined) out.pair = pairObject(f.pair, f.provider);
  if (f.commit !== undefined) out.commit = { ...f.commit };
  if (f.beforeShallowBoundary) out.beforeShallowBoundary = true;
  if (f.atHead !== undefined) out.atHead = f.atHead;
  if (f.inlineAllow !== undefined) out.inlineAllow = f.inlineAllow;
  if (f.canary !== undefined) out.canary = { ...f.canary };
  if (f.verification !== undefined) out.verification = { ...f.verification };
  out.remediation = f.remediation;
  return out;
}

/** A binary scanned through its strings: where the value is in the file, in bytes. */
function byteRange(loc: Location): Record<string, number> {
  return loc.offset === undefined ? {} : { offset: loc.offset, byteLength: loc.byteLength ?? 0 };
}

function pairObject(p: PairRef, provider: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: p.ruleId,
    path: p.path,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    ...byteRange(p),
    value: p.value,
    label: partLabel({ provider, part: p.part }),
  };
  if (p.part !== undefined) out.part = p.part;
  return out;
}
