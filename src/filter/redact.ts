// Masks secrets before any reporter sees them, keeping enough to recognise a key you own.
import type { Finding } from '../types.js';

/** Longest run of mask characters shown, so a 700-character token does not fill the terminal. */
const MAX_MASK = 32;

/**
 * Key IDs keep their 4-character prefix and last 4 characters (the prefix is the key type, and the
 * console shows IDs in full anyway); secrets and tokens keep 4 characters at each end, never more
 * than a tenth of their length per end.
 */
export function redactSecret(secret: string, isKeyId = false): string {
  const keep = isKeyId ? 4 : Math.min(4, Math.floor(secret.length / 10));
  const hidden = secret.length - 2 * keep;
  if (hidden <= 0) return '*'.repeat(secret.length);
  const mask = hidden > MAX_MASK ? `${'*'.repeat(MAX_MASK)}…` : '*'.repeat(hidden);
  return secret.slice(0, keep) + mask + secret.slice(secret.length - keep);
}

const looksLikeKeyId = (s: string): boolean => /^(?:AKIA|ASIA|ABIA|ACCA|A3T)[A-Z0-9]{16}$/.test(s);
const maskOf = (secret: string): string => redactSecret(secret, looksLikeKeyId(secret));

/**
 * Copies of the findings with every secret masked: their own, their pair's, and in each line of text
 * every secret the detector found there (a line can hold an ID and a secret, or two keys). The places
 * come from the detector (Finding.lineSecrets), so this is linear in the findings, and a secret is
 * masked even where its own finding was suppressed or reported from another version of the file.
 */
export function redactFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    const { lineSecrets, ...rest } = f;
    const out: Finding = { ...rest, secret: maskOf(f.secret), lineText: maskLineText(f.lineText, lineSecrets, [f.secret, f.pair?.secret]) };
    if (f.pair) out.pair = { ...f.pair, secret: maskOf(f.pair.secret) };
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
