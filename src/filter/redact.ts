// Masks secrets before any reporter sees them, keeping enough to recognise a key you own.
import { CONTEXT_CHARS } from '../detect/lines.js';
import type { Finding, Location } from '../types.js';

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

/** A secret and where it is: a finding's own, or its pair's. */
type Span = Pick<Location, 'line' | 'column' | 'endLine' | 'endColumn'> & { secret: string };

/** Orders positions (line, column); columns count from 1 on each line. */
const before = (aLine: number, aColumn: number, bLine: number, bColumn: number): boolean => aLine < bLine || (aLine === bLine && aColumn < bColumn);

/**
 * Copies of the findings with every secret masked: their own, their pair's, and in each line of text
 * every secret of the same file whose place overlaps it (a line can hold an ID and a secret, or two keys).
 *
 * A lineText is at most CONTEXT_CHARS on each side of its secret on one line, so only the secrets
 * found in that window can be in it: they are found by binary search in the file's secrets sorted
 * by position, O(n log n) in the findings of a file where every secret against every line was O(n²).
 */
export function redactFindings(findings: readonly Finding[]): Finding[] {
  const spansByPath = new Map<string, Span[]>();
  for (const f of findings) {
    const spans = spansByPath.get(f.path) ?? [];
    spans.push(f);
    if (f.pair && f.pair.path === f.path) spans.push(f.pair);
    spansByPath.set(f.path, spans);
  }
  for (const spans of spansByPath.values()) spans.sort((a, b) => a.line - b.line || a.column - b.column);
  return findings.map((f) => {
    let lineText = f.lineText;
    const inWindow = new Set([f.secret, ...overlapping(spansByPath.get(f.path)!, f).map((s) => s.secret)]);
    // Longest first: a token that contains a 40-character secret is masked whole.
    for (const secret of [...inWindow].sort((a, b) => b.length - a.length)) lineText = lineText.replaceAll(secret, maskOf(secret));
    const out: Finding = { ...f, secret: maskOf(f.secret), lineText };
    if (f.pair) out.pair = { ...f.pair, secret: maskOf(f.pair.secret) };
    return out;
  });
}

/**
 * The spans (sorted by start) that overlap f's lineText window: from CONTEXT_CHARS before its start
 * to CONTEXT_CHARS after its end. Found spans of one file do not overlap each other (the detector
 * keeps one of overlapping matches), so only the span just before the first one starting in the
 * window can reach into it; the walk back stops at the first span that ends before the window.
 */
function overlapping(spans: readonly Span[], f: Finding): Span[] {
  const fromLine = f.line;
  const fromColumn = Math.max(1, f.column - CONTEXT_CHARS);
  const toLine = f.endLine;
  const toColumn = f.endColumn + CONTEXT_CHARS;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(spans[mid]!.line, spans[mid]!.column, fromLine, fromColumn)) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let i = lo - 1; i >= 0 && before(fromLine, fromColumn, spans[i]!.endLine, spans[i]!.endColumn); i--) out.push(spans[i]!);
  for (let i = lo; i < spans.length && before(spans[i]!.line, spans[i]!.column, toLine, toColumn); i++) out.push(spans[i]!);
  return out;
}
