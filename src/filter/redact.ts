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
 * every secret found anywhere in the same file (a line can hold an ID and a secret, or two keys).
 */
export function redactFindings(findings: readonly Finding[]): Finding[] {
  const secretsByPath = new Map<string, Set<string>>();
  for (const f of findings) {
    const set = secretsByPath.get(f.path) ?? new Set<string>();
    set.add(f.secret);
    if (f.pair) set.add(f.pair.secret);
    secretsByPath.set(f.path, set);
  }
  return findings.map((f) => {
    let lineText = f.lineText;
    const longestFirst = [...secretsByPath.get(f.path)!].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) lineText = lineText.split(secret).join(maskOf(secret));
    const out: Finding = { ...f, secret: maskOf(f.secret), lineText };
    if (f.pair) out.pair = { ...f.pair, secret: maskOf(f.pair.secret) };
    return out;
  });
}
