// Percent-encoding (issue 14): query strings, form bodies and `aws://ID:SECRET@host` URIs write a key's
// `/`, `+` and `=` as %2F, %2B, %3D, and twice-encoded ones (a URL inside a URL) as %252F. The rules
// already read %2F and %2B inside a secret; decoding makes the finding hold the key itself, undoes
// a second layer (one per round: %252F becomes %2F, then /), and turns an encoded name and its
// separators (`aws_secret_access_key%3D`, `Secret%3A+`) into text a rule reads.
//
// A token (a run between spaces and quotes) is decoded only if every `%` in it starts an escape:
// `100%` or printf's `%s` say it is not URL-encoded. A `+` is a space in a query or form body, but a
// key holds `+` too (and a hand-written URI often leaves it raw), so a raw `+` becomes a space only
// where it touches an escape (`key+%3D+value`, `…%2B+…`) in a query or form body, not in a URI's path
// or user:password: never a `+` between two characters of a key as written.
import type { Decoder, Edit } from '../types.js';
import { LOOK_AROUND, byteRunEdits, guarded, hexByte, type ByteEscape } from './shared.js';

export const urlDecoder: Decoder = {
  name: 'url',
  edits: guarded(urlEdits),
};

/** Characters that end a token: whitespace, quotes, angle brackets (a URL in text, HTML or code). */
const DELIMITER = /[\s"'`<>]/;

function urlEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  // Searched up to `to` only, never to the file's end; from 3 before `from` to 1 past `to`: an escape
  // ending at `from` or starting at `to` is not this call's, but a `+` in the region beside it is.
  const head = text.slice(0, to + 1);
  let next = Math.max(0, from - 3);
  for (let i = head.indexOf('%', next); i !== -1; i = head.indexOf('%', next)) {
    const [start, end] = tokenAround(text, i);
    if (isEncoded(text, start, end)) decodeToken(text, start, end, Math.max(from, start), to, edits);
    next = end + 1;
  }
  return edits;
}

/** [start, end) of the token holding `at`, each end looked for at most LOOK_AROUND away. */
function tokenAround(text: string, at: number): [number, number] {
  let start = at;
  const floor = Math.max(0, at - LOOK_AROUND);
  while (start > floor && !DELIMITER.test(text[start - 1]!)) start--;
  let end = at + 1;
  const ceiling = Math.min(text.length, at + LOOK_AROUND);
  while (end < ceiling && !DELIMITER.test(text[end]!)) end++;
  return [start, end];
}

/** Whether every `%` of text[start, end) starts an escape (two hex digits, inside the token). */
function isEncoded(text: string, start: number, end: number): boolean {
  const token = text.slice(start, end);
  for (let i = token.indexOf('%'); i !== -1; i = token.indexOf('%', i + 1)) {
    if (i + 2 >= token.length || hexByte(token, i + 1) < 0) return false;
  }
  return true;
}

/** The edits of the escapes (and the raw `+` beside them) of a token that start in [from, to). */
function decodeToken(text: string, start: number, end: number, from: number, to: number, edits: Edit[]): void {
  const escapes = escapesOf(text, start, end);
  const decoded: Edit[] = [];
  const mine = ownEscapes(escapes, from, to);
  for (let k = 0; k < mine.length; ) {
    let j = k + 1;
    while (j < mine.length && mine[j]!.start === mine[j - 1]!.end) j++;
    byteRunEdits(mine.slice(k, j), decoded);
    k = j;
  }
  edits.push(...withSpaces(text, escapes, decoded, Math.max(from, queryStart(text, start, end)), Math.min(end, to)));
}

/** The escapes of a token (every `%` of it starts one: isEncoded), in order; they never overlap. */
function escapesOf(text: string, start: number, end: number): ByteEscape[] {
  const escapes: ByteEscape[] = [];
  const token = text.slice(0, end);
  for (let i = token.indexOf('%', start); i !== -1; i = token.indexOf('%', i + 3)) escapes.push({ start: i, end: i + 3, byte: hexByte(text, i + 1) });
  return escapes;
}

/**
 * The escapes that start in [from, to), and the UTF-8 continuation bytes (at most 3) that finish a
 * character begun before `to`: a character cut by the region's end is decoded whole, once.
 */
function ownEscapes(escapes: readonly ByteEscape[], from: number, to: number): ByteEscape[] {
  const mine: ByteEscape[] = [];
  let extra = 0;
  for (const e of escapes) {
    if (e.start < from) continue;
    if (e.start < to) mine.push(e);
    else if (extra++ < 3 && mine.length > 0 && mine[mine.length - 1]!.end === e.start && e.byte >= 0x80 && e.byte < 0xc0) mine.push(e);
    else break;
  }
  return mine;
}

/**
 * Where `+` starts to mean a space in the token: after its `?` (a query); nowhere in a URI without
 * one (in a path or `user:password@` a `+` is a `+`, RFC 3986); anywhere in a form body (`a=b&c=d`).
 */
function queryStart(text: string, start: number, end: number): number {
  const token = text.slice(start, end);
  const query = token.indexOf('?');
  if (query !== -1) return start + query + 1;
  return token.includes('://') ? end : start;
}

/**
 * The escape edits with a space edit added for each raw `+` in [from, to) that touches an escape
 * (decoded or not: `+%0A` is a space before a line end), sorted. A `+` touches an escape when it
 * stands just before its `%` or just after its last digit.
 */
function withSpaces(text: string, escapes: readonly ByteEscape[], decoded: readonly Edit[], from: number, to: number): Edit[] {
  const touching = new Set<number>();
  for (const e of escapes) {
    if (e.start - 1 >= from && e.start - 1 < to && text[e.start - 1] === '+') touching.add(e.start - 1);
    if (e.end >= from && e.end < to && text[e.end] === '+') touching.add(e.end);
  }
  if (touching.size === 0) return [...decoded];
  const spaces: Edit[] = [...touching].map((at) => ({ start: at, end: at + 1, text: ' ' }));
  return [...decoded, ...spaces].sort((a, b) => a.start - b.start);
}
