// JSON string escapes (issue 14): `\/` (PHP's json_encode writes every slash so), `\uXXXX`
// (System.Text.Json writes `+` as \u002B, `=` as \u003D), and one layer of a string escaped twice
// (a JSON body logged inside a JSON string: `\\u002B`, `\\\/`, `\"`). Also `\xHH`, the same strings
// in JavaScript or Python source.
//
// One call undoes one layer: `\\` becomes `\` and `\"` becomes `"`, as a JSON parser would, so the
// next round reads the inner layer's escapes (`\u002B`) with its backslashes paired as written, and
// the rules read the inner document's `"SecretAccessKey":"…"` with its quotes. `\n`, `\t` and the
// other control escapes stay as written: a decoded newline would move the lines below it in the view
// and no key holds one; their backslash still pairs with the next character, so `\\n` is read right.
import type { Decoder, Edit } from '../types.js';
import { LOOK_AROUND, guarded, hexByte, hexDigit, isCleanCodePoint } from './shared.js';

export const jsonEscapeDecoder: Decoder = {
  name: 'json-escape',
  edits: guarded(jsonEdits),
};

/**
 * An escape that can hide part of a key or its name: `\/`, `\uXXXX`, or `\xHH` (JavaScript and Python
 * strings write `+` as \x2B), at any layer (`\\u002B` holds one).
 */
const KEY_ESCAPE = /\\(?:\/|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})/;

function jsonEdits(text: string, from: number, to: number): Edit[] {
  // Code is full of `\"` and `\\` that hide nothing: a region with only those gets no edits (and no view
  // for the detector to read again). Where a key may hide, its layer is undone whole, `\"` included.
  if (!KEY_ESCAPE.test(text.slice(from, to + 5))) return [];
  const edits: Edit[] = [];
  // The region may start just after a backslash: then its first character is that escape's, not a
  // construct of its own (`\\u002B` cut between its backslashes must not decode as `\u002B`).
  let next = escapedAt(text, from) ? from + 1 : from;
  // Searched in text up to `to` only, so the search for the next backslash never runs to the file's end.
  const head = text.slice(0, to);
  for (let i = head.indexOf('\\', next); i !== -1; i = head.indexOf('\\', next)) {
    const edit = escapeAt(text, i);
    if (edit !== undefined) edits.push(edit);
    // An escape not decoded still takes its character (and a \u its four digits, if it has them), so
    // the backslashes after it pair as a parser pairs them.
    next = edit?.end ?? (text.charCodeAt(i + 1) === 0x75 && hex4(text, i + 2) >= 0 ? i + 6 : i + 2);
  }
  return edits;
}

/** Whether an odd number of backslashes stands just before `at` (so `at` is an escaped character). */
function escapedAt(text: string, at: number): boolean {
  let n = 0;
  const floor = Math.max(0, at - LOOK_AROUND);
  for (let i = at - 1; i >= floor && text.charCodeAt(i) === 0x5c; i--) n++;
  return n % 2 === 1;
}

/** The edit for the escape whose backslash is at `at`, or undefined to leave it as written. */
function escapeAt(text: string, at: number): Edit | undefined {
  const c = text[at + 1];
  if (c === '\\' || c === '"' || c === '/') return { start: at, end: at + 2, text: c };
  if (c === 'x') {
    // Not JSON, but the same strings in code: only a printable ASCII character, never a byte of UTF-8.
    const byte = hexByte(text, at + 2);
    return byte >= 0x20 && byte < 0x7f ? { start: at, end: at + 4, text: String.fromCharCode(byte) } : undefined;
  }
  if (c !== 'u') return undefined;
  const cp = hex4(text, at + 2);
  if (cp < 0) return undefined;
  if (cp >= 0xd800 && cp <= 0xdbff) {
    // A character beyond the BMP is a surrogate pair: two escapes, one character; half a pair is left.
    const low = text.startsWith('\\u', at + 6) ? hex4(text, at + 8) : -1;
    return low >= 0xdc00 && low <= 0xdfff ? { start: at, end: at + 12, text: String.fromCharCode(cp, low) } : undefined;
  }
  return isCleanCodePoint(cp) ? { start: at, end: at + 6, text: String.fromCharCode(cp) } : undefined;
}

/** The value of four hex digits at `at`, or -1. */
function hex4(text: string, at: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const d = hexDigit(text.charCodeAt(at + k));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}
