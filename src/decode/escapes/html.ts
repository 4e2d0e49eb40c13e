// HTML character references (issue 14): saved CI pages and wiki exports write a key's `+`, `/` and
// `=` as `&#43;`, `&#x2F;`, `&#61;`, and the text around it with `&amp;`, `&quot;`, `&lt;`... One call
// undoes one layer: `&amp;#43;` (escaped twice) becomes `&#43;`, and the next round makes it `+`.
//
// Only references with their `;` are decoded (`&#43` followed by a letter is ambiguous), and only the
// named ones listed here: those that occur around keys and names, not the 2,000 of HTML5.
import type { Decoder, Edit } from '../types.js';
import { guarded, isCleanCodePoint } from './shared.js';

export const htmlEntityDecoder: Decoder = {
  name: 'html-entity',
  edits: guarded(htmlEdits),
};

/** Named references and their characters (names are case-sensitive in HTML; AMP, LT, GT, QUOT are legacy). */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['AMP', '&'], ['lt', '<'], ['LT', '<'], ['gt', '>'], ['GT', '>'], ['quot', '"'], ['QUOT', '"'],
  ['apos', "'"], ['nbsp', '\u00a0'], ['Tab', '\t'], ['equals', '='], ['plus', '+'], ['sol', '/'], ['bsol', '\\'],
  ['colon', ':'], ['semi', ';'], ['comma', ','], ['period', '.'], ['lowbar', '_'], ['UnderBar', '_'], ['num', '#'],
  ['percnt', '%'], ['excl', '!'], ['quest', '?'], ['commat', '@'], ['dollar', '$'], ['ast', '*'], ['midast', '*'],
  ['lpar', '('], ['rpar', ')'], ['lsqb', '['], ['rsqb', ']'], ['lbrack', '['], ['rbrack', ']'], ['lcub', '{'],
  ['rcub', '}'], ['lbrace', '{'], ['rbrace', '}'], ['verbar', '|'], ['vert', '|'], ['VerticalLine', '|'],
  ['grave', '`'], ['Hat', '^'],
]);

/** Longest reference read: `&VerticalLine;` (14) and a numeric one with a few leading zeros. */
const MAX_REF = 16;

function htmlEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  let next = from;
  const head = text.slice(0, to); // searched up to `to` only: see json.ts
  for (let i = head.indexOf('&', next); i !== -1; i = head.indexOf('&', next)) {
    const edit = referenceAt(text, i);
    if (edit !== undefined) edits.push(edit);
    next = edit?.end ?? i + 1;
  }
  return edits;
}

/** The edit for the reference starting at `at` (its `&`), or undefined when there is none to decode. */
function referenceAt(text: string, at: number): Edit | undefined {
  // A bounded look for the `;` (an unbounded indexOf per `&` would be quadratic on `&&&&…`).
  const semi = text.slice(at + 2, at + MAX_REF + 1).indexOf(';') + at + 2;
  if (semi < at + 2) return undefined;
  const body = text.slice(at + 1, semi);
  const decoded = body.startsWith('#') ? numeric(body.slice(1)) : NAMED.get(body);
  return decoded === undefined ? undefined : { start: at, end: semi + 1, text: decoded };
}

/** `43` or `x2F` as a character, when it is one a key or its name can sit beside. */
function numeric(digits: string): string | undefined {
  const hex = digits[0] === 'x' || digits[0] === 'X';
  const ok = hex ? /^[xX][0-9A-Fa-f]{1,8}$/.test(digits) : /^[0-9]{1,10}$/.test(digits);
  if (!ok) return undefined;
  const cp = hex ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
  return isCleanCodePoint(cp) ? String.fromCodePoint(cp) : undefined;
}
