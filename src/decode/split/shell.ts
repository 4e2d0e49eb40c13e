// Shell words glued from quoted parts, and bash's `+=` appends, joined as the shell joins them:
//   KEY="abc""def"   KEY='abc'"def"   KEY="abc"'def'   KEY=abc"def"   aws configure set k "abc"'def'
//   SECRET="abc"
//   SECRET+="def"          (the same name, alone on its line, within a few lines: SECRET is "abcdef")
// A shell word ends at a blank or a newline: `KEY="abc"` then `"def"` on the next line is two commands.
// Read line by line, without the token lexer (a shell word is not a sequence of tokens of other
// languages): a part with an expansion or an escape (`$x`, `\"`, a backquote) leaves the word alone,
// as does an unquoted part that is not made of key characters (`"a"+"b"` is code, `"k"="v"` a
// key=value pair), and a word is joined only where it is a shell word: the value of an assignment
// (`NAME=` or `--flag=` right before it) or an argument after another word on its line, not after
// `:` (YAML's 'it''s' is one scalar holding a quote), `,` or `(` (CSV and SQL double their quotes).
import type { Edit } from '../types.js';
import { crossesKeyRun, isKeyChar, linesBefore } from './runs.js';
import { isQuoteCode } from './markers.js';

/** A word of more parts than this is left alone (a split key has a handful); a longer part too. */
const MAX_PARTS = 256;
const MAX_PART = 8192;
/** Lines read before `from` for an assignment whose appends follow it, and how far past `to` a construct may run. */
const LOOKBEHIND_LINES = 8;
const LOOKBEHIND = 4096;
const LOOKAHEAD = 8192;
/** An append is looked for this many lines below the line before it (other commands may stand between). */
const APPEND_LINES = 4;
/**
 * The first append must start within this many characters past `to`: the stage looks for the
 * decoder's marker (a `+=`) only that far past a region (stage.ts MARKER_SLACK, 256).
 */
const APPEND_REACH = 192;

/** One part of a word: [start, end) as written (quotes included) and its value's [valueStart, valueEnd). */
interface Part {
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  /** '"', "'" or '' (unquoted). */
  quote: string;
}

/** A word's value, read from after any `NAME=`: its parts (none when it is not plain), and where it ends. */
interface Word {
  start: number;
  end: number;
  parts: Part[];
  /** Every part is a plain literal: no expansion, no escape, no character outside the key alphabet unquoted. */
  plain: boolean;
  /** The `NAME` of `NAME=` or `NAME+=` before the value, if the word is an assignment. */
  name: string | undefined;
  append: boolean;
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';
/** Characters that end a shell word (besides blanks and the line's end). */
const isMeta = (c: string): boolean => c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameCode = (c: number): boolean => isAlnum(c) || c === 95 || c === 45; // _ -
/** Words before an assignment that keep it one (`export K=…`, `declare -x K=…`). */
const DECLARERS = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);

export function shellEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const limit = Math.min(text.length, to + LOOKAHEAD);
  /** Lines up to this offset were read as appends of an assignment already: their words are not joined again. */
  let consumed = 0;
  for (let at = linesBefore(text, from, LOOKBEHIND_LINES, LOOKBEHIND); at < to && at < text.length; ) {
    const end = lineEnd(text, at, limit);
    if (at >= consumed) {
      const words = lineWords(text, at, end);
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!;
        const appended = word.name !== undefined && !word.append && statementPosition(text, words, w) ? appends(text, word, end, limit, to) : undefined;
        if (appended !== undefined) consumed = appended.end;
        if (word.start < from || word.start >= to || !word.plain) continue;
        const edit = appended !== undefined ? joinedEdit(text, word, appended.parts) : gluedWord(text, word, words, w, at);
        if (edit !== undefined) edits.push(edit);
      }
    }
    at = end + 1;
  }
  return edits;
}

/** The offset of the newline ending the line at `at` (or `limit`), reading no further than `limit`. */
function lineEnd(text: string, at: number, limit: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 || nl > limit ? limit : nl;
}

/**
 * The words of the line [start, end), up to a comment. A quote that does not close on its line ends
 * the reading of the line (a string that spans lines, an apostrophe in prose): its words so far count.
 */
function lineWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (isBlank(c) || isMeta(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    const word = readWord(text, i, end);
    if (word === undefined) break;
    words.push(word);
    i = word.end;
  }
  return words;
}

/** The word at `at`: its parts, split after a leading `NAME=` or `NAME+=`; undefined for a quote that does not close on the line. */
function readWord(text: string, at: number, end: number): Word | undefined {
  const word: Word = { start: at, end: at, parts: [], plain: true, name: undefined, append: false };
  let i = at;
  // NAME= or --flag=: the value starts after the '='.
  let n = at;
  while (n < end && isNameCode(text.charCodeAt(n))) n++;
  const append = text[n] === '+' && text[n + 1] === '=';
  if (n > at && (text[n] === '=' || append)) {
    word.name = text.slice(at, n);
    word.append = append;
    i = n + (append ? 2 : 1);
    word.start = i;
  }
  let count = 0;
  let operatorLike = false;
  while (i < end) {
    const c = text[i]!;
    if (isBlank(c) || isMeta(c)) break;
    let part: Part;
    if (c === '"' || c === "'") {
      const close = closingQuote(text, i, end);
      if (close === -1) return undefined;
      part = { start: i, end: close + 1, valueStart: i + 1, valueEnd: close, quote: c };
      if (!plainQuoted(text, i + 1, close)) word.plain = false;
    } else {
      let j = i;
      while (j < end && !isBlank(text[j]!) && !isMeta(text[j]!) && text[j] !== '"' && text[j] !== "'") j++;
      part = { start: i, end: j, valueStart: i, valueEnd: j, quote: '' };
      if (!plainUnquoted(text, i, j)) word.plain = false;
      if (!isAlnum(text.charCodeAt(i)) || !isAlnum(text.charCodeAt(j - 1))) operatorLike = true;
      // (`"abc="def`: a cut after a '=' and one quote is not one the marker sees; no key is cut so.)
      const previous = word.parts[word.parts.length - 1];
      if (previous !== undefined && text[previous.valueEnd - 1] === '=') word.plain = false;
    }
    if (part.valueEnd - part.valueStart > MAX_PART) word.plain = false;
    // Too many parts: read to the word's end (it is left alone whole), keeping none.
    if (++count > MAX_PARTS) word.plain = false;
    else word.parts.push(part);
    i = part.end;
  }
  word.end = i;
  // Beside a quoted part, an unquoted one that starts or ends with '+' or '/' is code: `x="a"+"b"`.
  if (operatorLike && word.parts.length > 1) word.plain = false;
  if (!word.plain) word.parts = [];
  return word;
}

/** The offset of the quote closing the one at `at`, on its line, or -1 (read no further than `end`). */
function closingQuote(text: string, at: number, end: number): number {
  const q = text[at]!;
  for (let i = at + 1; i < end; i++) if (text[i] === q) return i;
  return -1;
}

/** A quoted part whose characters are its value: no expansion, escape or backquote (inside '…' too: keys hold none). */
function plainQuoted(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '$' || c === '\\' || c === '`' || c === '"' || c === "'") return false;
  }
  return true;
}

/** An unquoted part made of key characters: not a pair (`"k"="v"`) or an expansion (`$x`, `\x`, `a,b`). */
function plainUnquoted(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isKeyChar(text.charCodeAt(i)) || text[i] === '=') return false;
  return true;
}

/**
 * A word of several parts, one quoted at least, joined where it is a shell word: an assignment's
 * value, or an argument after another word that ends in a letter, digit or quote (not YAML's `key:`,
 * a list's `-` or `,`, a call's `(`); an argument that starts unquoted with one or two letters is a
 * string prefix of another language (f"…", rb'…', L"…"), not a shell word.
 */
function gluedWord(text: string, word: Word, words: readonly Word[], w: number, lineStart: number): Edit | undefined {
  const { parts } = word;
  if (parts.length < 2 || !parts.some((p) => p.quote !== '')) return undefined;
  if (word.name === undefined) {
    if (w === 0) return undefined; // a command name
    const before = lastNonBlank(text, lineStart, word.start);
    const b = text.charCodeAt(before);
    if (before === -1 || !(isAlnum(b) || b === 95 || isQuoteCode(b))) return undefined;
    const first = parts[0]!;
    if (first.quote === '' && first.end - first.start <= 2) return undefined;
  }
  return joinedEdit(text, word, []);
}

function lastNonBlank(text: string, lineStart: number, at: number): number {
  let i = at - 1;
  while (i >= lineStart && isBlank(text[i]!)) i--;
  return i >= lineStart ? i : -1;
}

/** An assignment as a command of its own: the line's first word, or after `export`, `declare -x` and the like. */
function statementPosition(text: string, words: readonly Word[], w: number): boolean {
  for (let k = 0; k < w; k++) {
    const before = text.slice(words[k]!.start, words[k]!.end);
    if (!(DECLARERS.has(before) || (k > 0 && before.startsWith('-')))) return false;
  }
  // Alone on its line (a `;` or a comment after it allowed): `if …; then K+=x; fi` is not followed.
  return restOfLineEmpty(text, words[w]!.end, words.length === w + 1);
}

function restOfLineEmpty(text: string, at: number, last: boolean): boolean {
  if (!last) return false;
  let i = at;
  while (i < text.length && (isBlank(text[i]!) || text[i] === ';')) i++;
  return i >= text.length || text[i] === '\n' || text[i] === '#';
}

/**
 * The parts of the appends to `word` (an assignment `NAME=…`) on the lines below it: `NAME+=…` alone
 * on its line, each within APPEND_LINES lines of the one before; another assignment to NAME ends them.
 * Undefined when there is none, or when one is not plain (a variable appended: the value is unknown).
 */
function appends(text: string, word: Word, lineEndAt: number, limit: number, to: number): { parts: Part[]; end: number } | undefined {
  if (!word.plain || word.parts.length === 0) return undefined;
  const parts: Part[] = [];
  let end = lineEndAt;
  let at = lineEndAt + 1;
  for (let gap = 0; gap < APPEND_LINES && at < limit; gap++) {
    const e = lineEnd(text, at, limit);
    const words = lineWords(text, at, e);
    const k = words.findIndex((x) => x.name === word.name);
    if (k !== -1) {
      const next = words[k]!;
      if (!next.append || !statementPosition(text, words, k)) break; // assigned again, or appended inside a condition
      if (parts.length === 0 && next.start > to + APPEND_REACH) return undefined;
      if (!next.plain || next.parts.length === 0 || parts.length + next.parts.length + word.parts.length > MAX_PARTS) return undefined;
      parts.push(...next.parts);
      end = e;
      gap = -1;
    }
    at = e + 1;
  }
  return parts.length === 0 ? undefined : { parts, end };
}

/**
 * The word's value replaced by one holding its parts' values and `more` (appended on later lines),
 * quoted as its first part (unquoted if that is); undefined unless a key-long run crosses a cut. With
 * appends, the edit runs to the last one, the lines between kept as they are and each append's value
 * taken out (`SECRET+=""`: the next round does not append it again). Each character points at its place
 * in its part, an appended one at the word's last character: the value then maps to its first line
 * only, and a finding of a line between (a key ID) is not covered by it.
 */
function joinedEdit(text: string, word: Word, more: readonly Part[]): Edit | undefined {
  const all = more.length === 0 ? word.parts : [...word.parts, ...more];
  if (all.length < 2 || !crossesKeyRun(text, all.map((p): [number, number] => [p.valueStart, p.valueEnd]))) return undefined;
  const quote = word.parts[0]!.quote;
  const chars: string[] = [quote];
  const origins: number[] = quote === '' ? [] : [word.start];
  for (const p of all) {
    const inWord = p.start < word.end;
    chars.push(text.slice(p.valueStart, p.valueEnd));
    for (let i = p.valueStart; i < p.valueEnd; i++) origins.push(inWord ? i : word.end - 1);
  }
  if (quote !== '') {
    chars.push(quote);
    origins.push(word.end - 1);
  }
  let end = word.end;
  for (const p of more) {
    // the text from the end of the word (or the append before) to this append's value, as it is
    chars.push(text.slice(end, p.valueStart));
    for (let i = end; i < p.valueStart; i++) origins.push(i);
    end = p.valueEnd;
  }
  return { start: word.start, end, text: chars.join(''), origins: Uint32Array.from(origins) };
}
