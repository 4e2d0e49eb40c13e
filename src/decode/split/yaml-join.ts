// CloudFormation's and Pulumi's join in YAML, read from the text (its pieces may be plain scalars,
// which the code lexer does not read as strings):
//   Secret: !Join ['', [abc, 'def']]            Secret: !Join              Secret: !Join
//   Secret:                                       - ''                       - ''
//     Fn::Join: ["", [abc, def]]                  - - abc                    - [abc, 'def']
//   secret:                                         - def
//     fn::join: ["", ["abc", "def"]]
// The separator must be '' or "" and every piece a literal (a quoted scalar without escapes, or a
// plain scalar of one word): an `!Ref`, a `!GetAtt`, a `{ Ref: … }` or a `${…}` among them leaves the
// join alone. Quoted pieces in flow form are also read by the code lexer's call table (calls.ts).
import type { Edit } from '../types.js';
import { crossesKeyRun, joinedLiteral } from './runs.js';

/** How far past `to` a join that starts before it may be read. */
const LOOKAHEAD = 8192;
/** A join of more pieces than this is left alone. */
const MAX_PIECES = 256;

const TRIGGER = /!Join\b|\b[Ff]n::[Jj]oin:/g;

export function yamlJoinEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const limit = Math.min(text.length, to + LOOKAHEAD);
  const trigger = new RegExp(TRIGGER.source, 'g');
  trigger.lastIndex = from;
  for (let m = trigger.exec(text); m !== null && m.index < to; m = trigger.exec(text)) {
    const read = yamlJoin(text, m.index, m.index + m[0].length, limit);
    if (read === undefined) continue;
    const [pieces, end] = read;
    if (pieces.length < 2 || !crossesKeyRun(text, pieces)) continue;
    // `Name:\n  Fn::Join: …`: the joined value goes beside the name, as `Name: "…"`.
    const start = nameColon(text, m.index) ?? m.index;
    if (start < from && m.index >= from) continue;
    const edit = joinedLiteral(text, pieces, start, end);
    if (start === m.index) edits.push(edit);
    else edits.push({ start, end, text: ` ${edit.text}`, origins: Uint32Array.of(start, ...(edit.origins ?? [])) });
    trigger.lastIndex = end;
  }
  return edits;
}

/** Right after `Name:` when only a line end and indentation stand between it and `at`. */
function nameColon(text: string, at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] !== '\n') return undefined;
  i--;
  if (text[i] === '\r') i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === ':' && text[i - 1] !== ':' ? i + 1 : undefined;
}

type Range = [number, number];

/** The pieces (value ranges) and the end of a join whose trigger ends at `at`. */
function yamlJoin(text: string, start: number, at: number, limit: number): [Range[], number] | undefined {
  let i = blanks(text, at, limit);
  if (text[i] === '[') return flow(text, i, limit);
  if (text[i] === '#') i = lineEnd(text, i, limit);
  if (i < limit && text[i] !== '\n' && text[i] !== '\r') return undefined;
  return block(text, start, i, limit);
}

// ---------------------------------------------------------------------------------------------
// flow: ['', [a, 'b', "c"]]

function flow(text: string, open: number, limit: number): [Range[], number] | undefined {
  let i = space(text, open + 1, limit);
  if (!emptyQuotes(text, i)) return undefined;
  i = space(text, i + 2, limit);
  if (text[i] !== ',') return undefined;
  i = space(text, i + 1, limit);
  const list = flowList(text, i, limit);
  if (list === undefined) return undefined;
  i = space(text, list[1], limit);
  return text[i] === ']' ? [list[0], i + 1] : undefined;
}

/** A flow list of scalars at `open` (`[a, 'b', "c"]`): their value ranges and the offset after its `]`. */
function flowList(text: string, open: number, limit: number): [Range[], number] | undefined {
  if (text[open] !== '[') return undefined;
  const pieces: Range[] = [];
  let i = space(text, open + 1, limit);
  for (;;) {
    const value = flowScalar(text, i, limit);
    if (value === undefined || pieces.length >= MAX_PIECES) return undefined;
    pieces.push(value.range);
    i = space(text, value.end, limit);
    if (text[i] === ',') {
      i = space(text, i + 1, limit);
      if (text[i] === ']') break;
      continue;
    }
    if (text[i] === ']') break;
    return undefined;
  }
  return [pieces, i + 1];
}

/** A quoted scalar, or a plain one of key-ish characters, at `at`: its value's range and its end. */
function flowScalar(text: string, at: number, limit: number): { range: Range; end: number } | undefined {
  const q = quoted(text, at, limit);
  if (q !== undefined) return q;
  let i = at;
  while (i < limit && plainChar(text.charCodeAt(i)) && text[i] !== ',' && text[i] !== ']') i++;
  return i > at && startsPlain(text, at) ? { range: [at, i], end: i } : undefined;
}

// ---------------------------------------------------------------------------------------------
// block:
//   - ''
//   - - a
//     - b

function block(text: string, start: number, at: number, limit: number): [Range[], number] | undefined {
  // the separator item
  const sep = item(text, at, limit);
  if (sep === undefined || sep.indent <= indentOf(text, start) - 1 || !emptyQuotes(text, sep.value) || lineRest(text, sep.value + 2, limit) !== undefined) return undefined;
  // the list item: `- [a, b]`, `- - a` (the inner dash on the same line) or `-` alone and the inner items below
  const list = item(text, lineEnd(text, sep.value, limit), limit);
  if (list === undefined || list.indent !== sep.indent) return undefined;
  if (text[list.value] === '[') {
    const flowItems = flowList(text, list.value, limit);
    return flowItems !== undefined && lineRest(text, flowItems[1], limit) === undefined ? flowItems : undefined;
  }
  let inner: { indent: number; value: number } | undefined;
  if (text[list.value] === '-' && (text[list.value + 1] === ' ' || text[list.value + 1] === '\t')) {
    inner = { indent: list.value - lineStart(text, list.value), value: blanks(text, list.value + 1, limit) };
  } else if (list.value >= limit || text[list.value] === '\n' || text[list.value] === '\r') {
    inner = item(text, list.value, limit);
    if (inner === undefined || inner.indent <= list.indent) return undefined;
  } else {
    return undefined;
  }
  const pieces: Range[] = [];
  let end = inner.value;
  for (let it: { indent: number; value: number } | undefined = inner; it !== undefined; ) {
    const value = blockScalar(text, it.value, limit);
    if (value === undefined || pieces.length >= MAX_PIECES) return undefined;
    pieces.push(value.range);
    end = value.end;
    const next = item(text, lineEnd(text, value.end, limit), limit);
    if (next === undefined || next.indent !== inner.indent) break;
    it = next;
  }
  return [pieces, end];
}

/** The next line's sequence item (`- x`) after the line end at `at`, skipping blank lines: its dash's column and its value's offset. */
function item(text: string, at: number, limit: number): { indent: number; value: number } | undefined {
  let i = at;
  for (;;) {
    if (text[i] === '\r') i++;
    if (text[i] !== '\n') return undefined;
    const lineAt = i + 1;
    i = blanks(text, lineAt, limit);
    if (text[i] === '\n' || text[i] === '\r') continue;
    if (text[i] !== '-' || (text[i + 1] !== ' ' && text[i + 1] !== '\t' && text[i + 1] !== '\n' && text[i + 1] !== '\r')) return undefined;
    return { indent: i - lineAt, value: blanks(text, i + 1, limit) };
  }
}

/** A quoted scalar or a plain one-word scalar at `at`, then nothing but a comment to the line end. */
function blockScalar(text: string, at: number, limit: number): { range: Range; end: number } | undefined {
  let value = quoted(text, at, limit);
  if (value === undefined) {
    let i = at;
    while (i < limit && plainChar(text.charCodeAt(i))) i++;
    if (i === at || !startsPlain(text, at)) return undefined;
    value = { range: [at, i], end: i };
  }
  return lineRest(text, value.end, limit) === undefined ? value : undefined;
}

// ---------------------------------------------------------------------------------------------

/** A '…' or "…" scalar on one line, without escapes or doubled quotes: its value's range and end. */
function quoted(text: string, at: number, limit: number): { range: Range; end: number } | undefined {
  const q = text[at];
  if (q !== '"' && q !== "'") return undefined;
  for (let i = at + 1; i < limit; i++) {
    const c = text[i]!;
    if (c === q) return text[i + 1] === q ? undefined : { range: [at + 1, i], end: i + 1 };
    if (c === '\\' || c === '\n' || c === '\r' || c === '$') return undefined;
  }
  return undefined;
}

/** A plain scalar's character: a key character, or `-`, `_`, `.`, `:` (not a blank, bracket, comma, quote or comment). */
function plainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 45 || c === 95 || c === 46;
}

/** A plain scalar does not start with a tag, an anchor, an alias or an indicator. */
function startsPlain(text: string, at: number): boolean {
  return !'!&*-?:|>%@`{['.includes(text[at]!) || (text[at] === '-' && text[at + 1] !== ' ');
}

/** After a value: blanks and a comment up to the line end, else the offset of what stands there. */
function lineRest(text: string, at: number, limit: number): number | undefined {
  const i = blanks(text, at, limit);
  if (i >= limit || text[i] === '\n' || text[i] === '\r' || text[i] === '#') return undefined;
  return i;
}

function emptyQuotes(text: string, at: number): boolean {
  const c = text[at];
  return (c === '"' || c === "'") && text[at + 1] === c && text[at + 2] !== c;
}

function blanks(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function space(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

function lineEnd(text: string, at: number, limit: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl === -1 || nl > limit ? limit : nl;
  return end > at && text[end - 1] === '\r' ? end - 1 : end;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function indentOf(text: string, at: number): number {
  const s = lineStart(text, at);
  return blanks(text, s, at) - s;
}
