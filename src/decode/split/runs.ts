// What the joiners (concatenation.ts, shell.ts, ruby.ts, yaml-join.ts) share: that a run of key
// characters long enough for a key crosses one of a join's cuts, where to start reading for the
// context of a region, and the joined literal that replaces the pieces.
import type { Edit } from '../types.js';

/** A joined value must hold a run of at least this many key characters that crosses a cut (an access key ID is 20). */
export const MIN_RUN = 20;

/** The characters of keys: base64's and `=`. */
export function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}

/**
 * Whether a run of MIN_RUN or more key characters crosses from one piece to the next: `spans` are the
 * pieces' values, [start, end) in `text`, in order. Joining pieces that no key crosses would only
 * rewrite code.
 */
export function crossesKeyRun(text: string, spans: readonly (readonly [number, number])[]): boolean {
  let run = 0;
  let cut = false;
  for (let p = 0; p < spans.length; p++) {
    const [a, b] = spans[p]!;
    if (p > 0 && run > 0) cut = true;
    for (let at = a; at < b; at++) {
      if (isKeyChar(text.charCodeAt(at))) {
        run++;
        if (run >= MIN_RUN && cut) return true;
      } else {
        run = 0;
        cut = false;
      }
    }
  }
  return false;
}

/**
 * The start of the line `lines` lines above the one holding `from`, but no more than `reach`
 * characters before it (`from` itself when its own line starts further away: a long line).
 */
export function linesBefore(text: string, from: number, lines: number, reach: number): number {
  let start = text.lastIndexOf('\n', from - 1) + 1;
  if (from - start > reach) return from;
  for (let n = 0; n < lines && start > 0; n++) {
    const before = text.lastIndexOf('\n', start - 2) + 1;
    if (from - before > reach) break;
    start = before;
  }
  return start;
}

/**
 * The edit that replaces [start, end) of `text` by one literal: `quote`, the pieces' values (`spans`)
 * run together, `quote`. Each value character points at its place in its piece, the quotes at `openAt`
 * and `closeAt` (a key found in it reports its first piece's line).
 */
export function joinedLiteral(text: string, spans: readonly (readonly [number, number])[], start: number, end: number, quote = '"', openAt = start, closeAt = end - 1): Edit {
  let length = 2;
  for (const [a, b] of spans) length += b - a;
  const origins = new Uint32Array(length);
  const parts: string[] = [quote];
  origins[0] = openAt;
  let o = 1;
  for (const [a, b] of spans) {
    parts.push(text.slice(a, b));
    for (let at = a; at < b; at++) origins[o++] = at;
  }
  parts.push(quote);
  origins[o] = closeAt;
  return { start, end, text: parts.join(''), origins };
}
