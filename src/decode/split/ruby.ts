// Ruby's word arrays joined with no separator: `%w[abc def].join`, `%w(abc def).join('')`,
// `%W{abc def}.join("")`, the words on one line or one a line, the `.join` after the closing
// delimiter or at the start of the next line. Read from the text, not by the code lexer: a word of a
// word array is any run of characters but blanks (`/`, `+`, `#` are no operators or comments there).
// A word with a backslash (an escaped blank) or `#{` in %W, a nested delimiter, a separator other
// than '' or "", an argument (`.join sep`, `.join $,`), or a call after the join that changes the
// value leaves it alone.
import type { Edit } from '../types.js';
import { crossesKeyRun, joinedLiteral } from './runs.js';

/** A word array of more words than this, or a longer word, is left alone. */
const MAX_WORDS = 256;
const MAX_WORD = 8192;
/** How far past `to` a word array that starts before it may be read. */
const LOOKAHEAD = 8192;

const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>', '|': '|' };
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** Calls after a join that keep its value. */
const KEEPING = new Set(['freeze', 'to_s', 'dup']);

export function wordArrayEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const limit = Math.min(text.length, to + LOOKAHEAD);
  for (let at = text.indexOf('%', from); at !== -1 && at < to; ) {
    const read = wordArray(text, at, limit);
    if (read.edit !== undefined) edits.push(read.edit);
    // What was read is not read again from inside (a failed array's words, a joined array).
    at = text.indexOf('%', Math.max(at + 1, read.end));
  }
  return edits;
}

/** The edit for a joined word array at `at` (a '%'), if there is one, and how far the text was read. */
function wordArray(text: string, at: number, limit: number): { edit?: Edit; end: number } {
  const kind = text[at + 1];
  const open = text[at + 2];
  if ((kind !== 'w' && kind !== 'W') || open === undefined || !(open in CLOSER)) return { end: at + 1 };
  // After an operand, '%' is a modulo (`x %w[0]` is rare, `n%w(1)` is not Ruby's array).
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (isWordCode(before) || before === 41 || before === 93 || before === 125 || before === 34 || before === 39) return { end: at + 1 };
  const close = CLOSER[open]!;
  const words: [number, number][] = [];
  let i = at + 3;
  for (;;) {
    while (i < limit && isSpace(text[i]!)) i++;
    if (i >= limit) return { end: i };
    if (text[i] === close) break;
    const start = i;
    while (i < limit && !isSpace(text[i]!) && text[i] !== close) {
      const c = text[i]!;
      if (c === '\\' || (c === open && open !== close) || (kind === 'W' && c === '#' && text[i + 1] === '{')) return { end: i };
      i++;
    }
    if (i - start > MAX_WORD || words.length >= MAX_WORDS) return { end: i };
    words.push([start, i]);
  }
  const after = joinAfter(text, i + 1, limit);
  if (after === -1 || words.length < 2 || !crossesKeyRun(text, words)) return { end: i + 1 };
  return { edit: joinedLiteral(text, words, at, after), end: after };
}

/**
 * The end of `.join`, `.join('')`, `.join("")` or `.join()` right after the array (the '.' may start
 * the next line), or -1: not a join, a separator or an argument, or a call after it that changes the
 * value (`.join.reverse`, `.join[0, 4]`).
 */
function joinAfter(text: string, at: number, limit: number): number {
  let i = skip(text, at, limit, true);
  if (!text.startsWith('.join', i) || isWordCode(text.charCodeAt(i + 5))) return -1;
  i += 5;
  let j = skip(text, i, limit, false);
  if (text[j] === '(') {
    j = skip(text, j + 1, limit, true);
    if (emptyString(text, j)) j = skip(text, j + 2, limit, true);
    if (text[j] !== ')') return -1;
    i = j + 1;
  } else if (emptyString(text, j)) {
    i = j + 2;
  } else if (j < limit && (isWordCode(text.charCodeAt(j)) || text[j] === '$' || text[j] === ':' || text[j] === '"' || text[j] === "'")) {
    return -1; // `.join sep`, `.join $,`, `.join ','`
  }
  const next = skip(text, i, limit, false);
  if (text[next] === '[') return -1;
  if (text[next] === '.' && text[next + 1] !== '.') {
    let e = next + 1;
    while (e < limit && isWordCode(text.charCodeAt(e))) e++;
    if (!KEEPING.has(text.slice(next + 1, e))) return -1;
  }
  return i;
}

function emptyString(text: string, at: number): boolean {
  const c = text[at];
  return (c === '"' || c === "'") && text[at + 1] === c;
}

/** The offset of the first character at or after `at` that is not a blank (nor a line end, with `lines`). */
function skip(text: string, at: number, limit: number, lines: boolean): number {
  let i = at;
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || (lines && (text[i] === '\n' || text[i] === '\r')))) i++;
  return i;
}


// ---------------------------------------------------------------------------------------------
// Perl's `join('', qw(abc def))` and `join '', qw/abc def/`: a quoted-word list joined with an empty
// separator (its words are literal: qw does not interpolate). A nested delimiter, another separator,
// or anything after the list but the call's `)` (or, without parentheses, a `;` or the line end)
// leaves it alone.

const QW_JOIN = /\bjoin\s*(\(\s*)?(['"])\2\s*,\s*qw\s*([[({<\/|])/g;
const QW_CLOSER: Record<string, string> = { ...CLOSER, '/': '/' };

export function qwJoinEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const limit = Math.min(text.length, to + LOOKAHEAD);
  const re = new RegExp(QW_JOIN.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const open = m[3]!;
    const close = QW_CLOSER[open]!;
    const words: [number, number][] = [];
    let i = m.index + m[0].length;
    let ok = true;
    for (;;) {
      while (i < limit && isSpace(text[i]!)) i++;
      if (i >= limit) {
        ok = false;
        break;
      }
      if (text[i] === close) break;
      const start = i;
      while (i < limit && !isSpace(text[i]!) && text[i] !== close) {
        if (text[i] === open && open !== close) ok = false;
        i++;
      }
      if (!ok || i - start > MAX_WORD || words.length >= MAX_WORDS) {
        ok = false;
        break;
      }
      words.push([start, i]);
    }
    if (!ok) {
      re.lastIndex = Math.max(re.lastIndex, i);
      continue;
    }
    let end = skip(text, i + 1, limit, m[1] !== undefined);
    if (m[1] !== undefined) {
      if (text[end] !== ')') continue;
      end++;
    } else if (end < limit && text[end] !== ';' && text[end] !== '\n' && text[end] !== '\r' && text[end] !== ')') {
      continue;
    } else {
      end = i + 1;
    }
    if (words.length < 2 || !crossesKeyRun(text, words)) continue;
    edits.push(joinedLiteral(text, words, m.index, end));
    re.lastIndex = end;
  }
  return edits;
}

