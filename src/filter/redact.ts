// Masks secrets before any reporter sees them, keeping enough to recognise a key you own.
import { redactionKeep } from '../providers/index.js';
import type { Finding } from '../types.js';

/** Longest run of mask characters shown, so a 700-character token does not fill the terminal. */
const MAX_MASK = 32;

/**
 * Secrets and tokens keep 4 characters at each end, never more than a tenth of their length per end;
 * `keep` overrides that for values whose provider says more is public (an AWS key ID keeps its
 * 4-character prefix, the key type, and last 4: the console shows IDs in full anyway).
 */
export function redactSecret(secret: string, keep = Math.min(4, Math.floor(secret.length / 10))): string {
  const hidden = secret.length - 2 * keep;
  if (hidden <= 0) return '*'.repeat(secret.length);
  const mask = hidden > MAX_MASK ? `${'*'.repeat(MAX_MASK)}…` : '*'.repeat(hidden);
  return secret.slice(0, keep) + mask + secret.slice(secret.length - keep);
}

/**
 * By the value's shape, not its finding's part: the places in a line carry no part, and a value is
 * masked alike wherever it shows (its own finding, its partner's pair, a neighbour's line).
 */
const maskOf = (secret: string): string => redactSecret(secret, redactionKeep(secret));

/**
 * Copies of the findings with every secret masked: their own, their pair's, and in each line of text
 * every secret the detector found there (a line can hold an ID and a secret, or two keys). The places
 * come from the detector (Finding.lineSecrets), so this is linear in the findings, and a secret is
 * masked even where its own finding was suppressed or reported from another version of the file.
 */
export function redactFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    const { lineSecrets, ...rest } = f;
    const out: Finding = { ...rest, value: maskOf(f.value), lineText: maskLineText(f.lineText, lineSecrets, [f.value, f.pair?.value]) };
    if (f.pair) out.pair = { ...f.pair, value: maskOf(f.pair.value) };
    return out;
  });
}

/**
 * lineText with each place in `places` masked, then (for findings made without places, by a library
 * user or an older baseline) every occurrence of the finding's own secrets. Places are sorted and
 * disjoint, as the detector gives them.
 */
function maskLineText(lineText: string, places: readonly [number, number][] | undefined, secrets: readonly (string | undefined)[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of places ?? []) {
    if (start < at || end > lineText.length) continue; // not as the detector gives them: left to the search below
    out += lineText.slice(at, start) + maskOf(lineText.slice(start, end));
    at = end;
  }
  out += lineText.slice(at);
  for (const secret of secrets) if (secret) out = out.replaceAll(secret, maskOf(secret));
  return out;
}
