// The split decoders' markers (see Decoder.marker): cheap tests, without lexing or reading lines, that
// a region may hold a join of code, of shell words, of word arrays or of a YAML template. They sit
// apart from the decoders (concatenation.ts, shell.ts, ruby.ts, yaml-join.ts) so that the stage can
// test a region without loading those: a decoder's code is loaded only when its marker says yes
// (src/decode/index.ts). A marker may say yes for nothing, never no where its decoder joins.
import { isKeyChar, MIN_RUN } from './runs.js';

/** Whether a region may hold a join of any kind (see concatenationMarker, shellMarker, wordArrayMarker, qwJoinMarker, yamlJoinMarker). */
export function joinMarker(text: string): boolean {
  return concatenationMarker(text) || wordArrayMarker(text) || shellMarker(text) || qwJoinMarker(text) || yamlJoinMarker(text);
}

// ---------------------------------------------------------------------------------------------
// Code (concatenation.ts): whether a region may hold a join that decoder proposes, without lexing it.

const isQuote = (c: number): boolean => c === 34 || c === 39 || c === 96;
/**
 * What may stand between two pieces: blanks and line ends, a backslash (Python's line joining), the
 * characters of OPERATORS (`+ . < > ^ & | * ~`) and VB's `_`; `,` and `;` in a join's list.
 */
const GAP = new Set([...' \t\n\r\\+.<>^&|*~_'].map((c) => c.charCodeAt(0)));
const isGap = (c: number, commas: boolean): boolean => GAP.has(c) || (commas && (c === 44 || c === 59));
/** A string prefix before an opening quote: C#'s `@`, PHP's or C#'s `$`, Python's r u b f (two at most). */
const isPrefix = (c: number): boolean => c === 64 || c === 36 || 'rubfRUBF'.includes(String.fromCharCode(c));

/** A quote followed by what may stand between two pieces and another quote (found natively; checked by openingAfter). */
const CUT = /["'`](?=[\s+.\\<>^&|*~_]*(?:concat\(\s*)?[@$]?[rubfRUBF]{0,2}["'`]|\)\s*(?:;\s*)?(?:(?:[A-Za-z_$][\w$.]*\s*)?\.\s*)?[aA]ppend\s*\(\s*["'`])/g;
const CUT_OR_COMMA = /["'`](?=[\s+.,;\\<>^&|*~_]*(?:concat\(\s*)?[@$]?[rubfRUBF]{0,2}["'`]|\)\s*(?:;\s*)?(?:(?:[A-Za-z_$][\w$.]*\s*)?\.\s*)?[aA]ppend\s*\(\s*["'`])/g;
/** What stands between two pieces appended to a StringBuilder: `").append("`, `");\n  sb.Append("`. */
const APPEND_GAP = /\)\s*(?:;\s*)?(?:(?:[A-Za-z_$][\w$.]*\s*)?\.\s*)?[aA]ppend\s*\(\s*/y;
/**
 * A call that joins a list of pieces: `"".join(`, `[...].join(''`, `.concat(`, `String.join(`, `string.Concat(` (whose arguments are a list too),
 * and the calls of calls.ts: `.joined(`, `.joinToString(`, `.mkString`, `paste0(`, `Sprintf(`, `format!(`, `!Join`, `Fn::Join:`, `-join`.
 */
const LIST_JOIN_WORD = '(?:[jJ]oin(?:ed|ToString)?|[cC]oncat|implode|mkString|paste0?|Sprintf|format)';
/**
 * ...used as a call, not as a word of prose ("the format of", "join the"): after `.`, `!`, `:`, `-` or
 * `/` (`.mkString`, `!Join`, `Fn::Join`, `-join`, `string/join`), or before a bracket, a quote, `@` or
 * `:` (`format!(`, `join '', …`, `-join @(`, `String.concat "" [`, `Fn::Join:`). Documentation that says
 * "format" made every comma of a JSON model's lists a cut (botocore: ~110 regions lexed for nothing).
 * Written with the word first and the character before it checked behind (the word's `\w+` back to
 * it): the same matches as `[.!:\-/]WORD\b|\bWORD…`, whose two starts made the search stop at every
 * punctuation mark and word start, in half the time on an SDK model's regions.
 */
export const LIST_JOIN = new RegExp(`\\b${LIST_JOIN_WORD}(?:!?\\s*[(\\[{"'\`@:]|\\b(?<=[.!:\\-/]\\w+))`);

/**
 * Whether `text` may hold a join that concatenationEdits proposes: two quotes with only a gap (and a
 * string prefix, or `.concat(`; or a StringBuilder's `").append("`) between them, a key character on each side, and a run of MIN_RUN
 * key characters across such places (a piece made only of key characters carries the run to the
 * next); commas count as a gap only where a list is joined. A JSON list of names (`"AccessKeyId",
 * "SecretAccessKey"`) has the quotes and the run but no join. Says no only where the decoder has
 * nothing to join: a run that crosses a cut has key characters on both sides of every cut it crosses.
 */
export function concatenationMarker(text: string): boolean {
  const commas = LIST_JOIN.test(text);
  const cut = commas ? CUT_OR_COMMA : CUT;
  // `carried`: the run that ends at the closing quote at `carriedTo` (the last piece, all key characters).
  let carried = 0;
  let carriedTo = -1;
  cut.lastIndex = 1;
  for (let m = cut.exec(text); m !== null; m = cut.exec(text)) {
    const q = m.index;
    if (q === 0 || !isKeyChar(text.charCodeAt(q - 1))) continue;
    const open = openingAfter(text, q + 1, commas);
    if (open === -1 || !isKeyChar(text.charCodeAt(open + 1))) continue;
    if (!operatorMayJoin(text, q, open, carriedTo === q)) continue;
    let left = carriedTo === q ? carried : 0;
    if (left === 0) for (let i = q - 1; i >= 0 && isKeyChar(text.charCodeAt(i)); i--) left++;
    let i = open + 1;
    while (i < text.length && isKeyChar(text.charCodeAt(i))) i++;
    const run = left + i - (open + 1);
    if (run >= MIN_RUN) return true;
    [carried, carriedTo] = i < text.length && isQuote(text.charCodeAt(i)) ? [run, i] : [0, -1];
    cut.lastIndex = open + 1;
  }
  return false;
}

/** The operators of OPERATORS other than `+` and `.` (which the gap's other rules cover), as the marker sees them. */
const OTHER_OPERATORS = new Set(['<>', '^', '&', '||', '*', '~']);
const isOperatorChar = (c: number): boolean => c === 60 || c === 62 || c === 94 || c === 38 || c === 124 || c === 42 || c === 126;

/**
 * Whether the gap between the closing quote `q` and the opening quote `open` may be a link the decoder
 * joins: the characters of `< > ^ & | * ~` in it must spell one operator (`"a" | "b"`, a TypeScript
 * union, is no join), and a chain of such an operator is not joined on a line that is a comment for
 * the lexer (`//` or `#` first, or ` * //` in a block comment: the SDKs document enumerations as
 * `// Type: "user" || "device"`, thousands of times). `carried`: the chain started at an earlier cut.
 */
function operatorMayJoin(text: string, q: number, open: number, carried: boolean): boolean {
  let op = '';
  for (let k = q + 1; k < open; k++) if (isOperatorChar(text.charCodeAt(k))) op += text[k];
  if (op === '') return true;
  if (!OTHER_OPERATORS.has(op)) return false;
  return carried || !commentLine(text, q);
}

/** Whether the line holding `at` starts (after blanks) with `//` or `#`, or with `*` then `//`. */
function commentLine(text: string, at: number): boolean {
  const i = afterBlanks(text, text.lastIndexOf('\n', at - 1) + 1, at);
  if (text.startsWith('//', i) || text.charCodeAt(i) === 35 /* # */) return true;
  return text.charCodeAt(i) === 42 /* * */ && text.startsWith('//', afterBlanks(text, i + 1, at));
}

/** The first offset from `i` (before `end`) that is not a blank or a tab. */
function afterBlanks(text: string, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** The opening quote of a piece after the closing quote before `at` (a gap, `.concat(`, `).append(`, a prefix), or -1. */
function openingAfter(text: string, at: number, commas: boolean): number {
  let i = at;
  APPEND_GAP.lastIndex = at;
  if (APPEND_GAP.test(text)) return isQuote(text.charCodeAt(APPEND_GAP.lastIndex)) ? APPEND_GAP.lastIndex : -1;
  while (i < text.length && isGap(text.charCodeAt(i), commas)) i++;
  if (text.startsWith('concat(', i) && text.charCodeAt(i - 1) === 46) {
    i += 7;
    while (i < text.length && isGap(text.charCodeAt(i), commas)) i++;
  }
  for (let n = 0; n < 2 && i < text.length && isPrefix(text.charCodeAt(i)); n++) i++;
  return i < text.length && isQuote(text.charCodeAt(i)) ? i : -1;
}

// ---------------------------------------------------------------------------------------------
// Shell words (shell.ts): whether a region may hold a word that module joins, without reading its lines.

/** A shell quote (`"` or `'`). */
export const isQuoteCode = (c: number): boolean => c === 34 || c === 39;

/** `NAME+=` at a line's start (after blanks). */
const APPEND = /^[ \t]*[A-Za-z0-9_-]+\+=/m;

/**
 * Whether `text` may hold a glued word or an append that shellEdits joins: a `NAME+=` at a line's
 * start, or a run of MIN_RUN key characters that passes through quotes standing between two key
 * characters (`c""d`, `c'"d`, `c"d`; after a '=' two quotes or more at least: `KEY="…` is no cut).
 * A cut of a joined word is such a place: its parts touch, and the run crosses it.
 */
export function shellMarker(text: string): boolean {
  if (text.includes('+=') && APPEND.test(text)) return true;
  return gluedRun(text, '"') || gluedRun(text, "'");
}

/**
 * Whether a `quote` with a key character before it starts a cut of a run of MIN_RUN key characters.
 * The quotes are found natively (a character loop over every region, or a regex that looks behind
 * each quote, cost 20-30 ms of the npm tree's scan); each cut is then read with the run it is part of.
 */
function gluedRun(text: string, quote: string): boolean {
  for (let q = text.indexOf(quote, 1); q !== -1; q = text.indexOf(quote, q + 1)) {
    if (!isKeyChar(text.charCodeAt(q - 1))) continue;
    const end = gluedEnd(text, q);
    if (end === -1) continue;
    if (keyCharsBetween(text, gluedStart(text, q), end) >= MIN_RUN) return true;
    q = end - 1;
  }
  return false;
}

/**
 * The end of the glued run through the quotes at `q` (a key character before them, one after), or -1
 * when they are no cut: after a '=' one quote opens a value (`KEY="…`), two or more may glue (`=""x`).
 */
function gluedEnd(text: string, q: number): number {
  let i = q;
  for (;;) {
    let j = i;
    while (j < text.length && isQuoteCode(text.charCodeAt(j))) j++;
    if (j === i || j >= text.length || !isKeyChar(text.charCodeAt(j)) || (text.charCodeAt(i - 1) === 61 && j - i < 2)) return i === q ? -1 : i;
    i = j;
    while (i < text.length && isKeyChar(text.charCodeAt(i))) i++;
  }
}

/** The start of the glued run that reaches the cut at `q`: back over key characters and the cuts before. */
function gluedStart(text: string, q: number): number {
  let i = q;
  for (;;) {
    while (i > 0 && isKeyChar(text.charCodeAt(i - 1))) i--;
    // a cut before: quotes with a key character before them (and the '=' rule), ending where the run starts
    let k = i;
    while (k > 0 && isQuoteCode(text.charCodeAt(k - 1))) k--;
    if (k === i || k === 0 || !isKeyChar(text.charCodeAt(k - 1)) || (text.charCodeAt(k - 1) === 61 && i - k < 2)) return i;
    i = k;
  }
}

/** Key characters in [from, to) of `text`. */
function keyCharsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isKeyChar(text.charCodeAt(i))) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Word arrays and quoted-word lists (ruby.ts), CloudFormation's and Pulumi's joins (yaml-join.ts).

/** A word array's start: whether a region may hold one that wordArrayEdits joins (its `.join` follows it). */
const WORD_ARRAY = /%[wW][[({<|]/;

export function wordArrayMarker(text: string): boolean {
  return WORD_ARRAY.test(text) && text.includes('.join');
}

/** Perl's `join('', qw(…))`: whether a region may hold one that qwJoinEdits joins. */
export function qwJoinMarker(text: string): boolean {
  return text.includes('qw') && /\bjoin\s*\(?\s*(['"])\1\s*,\s*qw\s*[[({<\/|]/.test(text);
}

/** A CloudFormation `!Join` or a `Fn::Join:` key: whether a region may hold a join yamlJoinEdits reads. */
export function yamlJoinMarker(text: string): boolean {
  return /!Join\b|\b[Ff]n::[Jj]oin:/.test(text);
}
