// Calls that join a list of string literals with an empty separator, as a data table: one row a
// call's shape, so that another language is one more row. A row is read token by token (the
// concatenation lexer's tokens, newlines and comments skipped), and joins only when the whole shape
// is there: every piece a plain literal (a variable among them fails the row), the separator empty
// (another separator fails it), and a format string made only of one placeholder a piece.
import type { Token } from './lexer.js';
import type { TokenStream } from './tokens.js';

/** A list of more pieces than this is left alone (a split key has a handful). */
const MAX_PIECES = 256;

/**
 * A call's shape, steps separated by blanks:
 * - `word` or `a|b|c`: a word (an identifier or keyword), one of these;
 * - `.` `!` `@` `-` `::` `:` `,` `=` `%` `/`: that operator; `(` `[` `{` `)` `]` `}`: that bracket;
 * - `""`: an empty separator (`""`, `''`, `string.Empty`);
 * - `L,` `L;` `L_`: two or more plain literals separated by commas (a trailing one allowed before a
 *   closing bracket), by semicolons (F#) or by blanks only (Clojure, Go templates);
 * - `F%s` `F{}`: a format literal of that placeholder once for each piece of the list that follows;
 * - `S:text`: a string literal whose value is `text` (JSON's `"Fn::Join"`);
 * - `A`: two or more `append(literal)` calls, each on its line or after a `;` (Kotlin's buildString);
 * - `?` ... `/?`: optional; once its first step is there, all of it must be (`.mkString(",")` fails);
 * - `$`: lookahead, no token taken: the end of a line or statement, or a closing bracket.
 */
interface Row {
  /** The language or tool, for the reader of this table. */
  readonly lang: string;
  readonly shape: string;
  /** The row starts with a bracketed list: only where an operand may start (not a call's or an index's bracket). */
  readonly operand?: boolean;
}

export const LIST_JOINS: readonly Row[] = [
  { lang: 'Elixir', shape: 'Enum . join ( [ L, ] ? , "" /? )' },
  { lang: 'Lua', shape: 'table . concat ( { L, } ? , "" /? )' },
  { lang: 'R', shape: 'paste0 ( L, )' },
  { lang: 'R', shape: 'paste ( L, , sep = "" )' },
  { lang: 'Rust', shape: '[ L, ] . concat ( )', operand: true },
  { lang: 'Rust', shape: 'concat ! ( L, )' },
  { lang: 'Rust', shape: 'format ! ( F{} , L, )' },
  { lang: 'Swift', shape: '[ L, ] . joined ( ? separator : "" /? )', operand: true },
  { lang: 'Kotlin', shape: 'listOf|arrayOf|setOf|mutableListOf ( L, ) . joinToString ( "" )' },
  { lang: 'Kotlin', shape: 'listOf|arrayOf|setOf|mutableListOf ( L, ) . joinToString ( separator = "" )' },
  { lang: 'Kotlin', shape: 'buildString { A }' },
  { lang: 'Kotlin', shape: 'buildString ( ) { A }' },
  { lang: 'Scala', shape: 'Seq|List|Array|Vector ( L, ) . mkString ? ( "" ) /?' },
  { lang: 'PowerShell', shape: '- join @ ( L, )' },
  { lang: 'PowerShell', shape: '- join ( L, )' },
  { lang: 'PowerShell', shape: '@ ( L, ) - join ""' },
  { lang: 'PowerShell', shape: '( L, ) - join ""', operand: true },
  { lang: 'F#', shape: 'String . concat "" [ L; ]' },
  { lang: 'Clojure', shape: '( str L_ )' },
  { lang: 'Clojure', shape: '( string|clojure . string / join [ L_ ] )' },
  { lang: 'Perl', shape: 'join "" , L, $' },
  { lang: 'CloudFormation YAML', shape: '! Join [ "" , [ L, ] ]' },
  { lang: 'CloudFormation YAML, Pulumi YAML', shape: 'Fn|fn :: Join|join : [ "" , [ L, ] ]' },
  { lang: 'CloudFormation JSON', shape: '{ S:Fn::Join : [ "" , [ L, ] ] }' },
  { lang: 'CloudFormation JSON', shape: 'S:Fn::Join : [ "" , [ L, ] ]' },
  { lang: 'AWS CDK', shape: 'cdk|core . Fn . join ( "" , [ L, ] )' },
  { lang: 'AWS CDK', shape: 'Fn . join ( "" , [ L, ] )' },
  { lang: 'Helm, Go templates', shape: 'printf F%s L_' },
  { lang: 'Go', shape: 'fmt . Sprintf ( F%s , L, )' },
  { lang: 'Java', shape: 'String . format ( F%s , L, )' },
];

type Step =
  | { kind: 'word'; words: ReadonlySet<string> }
  | { kind: 'punct' | 'open' | 'close'; text: string }
  | { kind: 'empty' }
  | { kind: 'list'; by: ',' | ';' | '_' }
  | { kind: 'format'; unit: string }
  | { kind: 'str'; value: string }
  | { kind: 'appends' }
  | { kind: 'optional'; steps: Step[] }
  | { kind: 'end' };

interface Compiled {
  readonly row: Row;
  readonly steps: Step[];
}

function compile(shape: string): Step[] {
  const root: Step[] = [];
  const stack: Step[][] = [root];
  for (const part of shape.split(' ')) {
    const into = stack[stack.length - 1]!;
    if (part === '?') {
      const group: Step[] = [];
      into.push({ kind: 'optional', steps: group });
      stack.push(group);
    } else if (part === '/?') stack.pop();
    else if (part === '""') into.push({ kind: 'empty' });
    else if (part === 'L,' || part === 'L;' || part === 'L_') into.push({ kind: 'list', by: part[1] as ',' | ';' | '_' });
    else if (part === 'F%s' || part === 'F{}') into.push({ kind: 'format', unit: part.slice(1) });
    else if (part.startsWith('S:')) into.push({ kind: 'str', value: part.slice(2) });
    else if (part === 'A') into.push({ kind: 'appends' });
    else if (part === '$') into.push({ kind: 'end' });
    else if ('([{'.includes(part)) into.push({ kind: 'open', text: part });
    else if (')]}'.includes(part)) into.push({ kind: 'close', text: part });
    else if (/^\w/.test(part)) into.push({ kind: 'word', words: new Set(part.split('|')) });
    else into.push({ kind: 'punct', text: part });
  }
  return root;
}

/** The rows by the key of their first step's token (`word:Enum`, `punct:!`, `open:[`, `str`). */
const BY_FIRST = new Map<string, Compiled[]>();
for (const row of LIST_JOINS) {
  const steps = compile(row.shape);
  const first = steps[0]!;
  const keys = first.kind === 'word' ? [...first.words].map((w) => `word:${w}`) : first.kind === 'punct' || first.kind === 'open' ? [`${first.kind}:${first.text}`] : ['str'];
  for (const key of keys) BY_FIRST.set(key, [...(BY_FIRST.get(key) ?? []), { row, steps }]);
}

function keyOf(t: Token): string {
  if (t.kind === 'word' || t.kind === 'punct' || t.kind === 'open') return `${t.kind}:${t.text}`;
  return t.kind === 'str' ? 'str' : '';
}

/** The pieces of a list join starting at token `i`, and the token index after it. */
export interface ListJoin {
  pieces: Token[];
  next: number;
}

/**
 * The first row whose shape is whole at token `i`. `operandAllowed`: an expression may start there
 * (a `[` or `(` after an operator, an opening bracket, `return`), for the rows that start with a list.
 */
export function listJoinAt(text: string, stream: TokenStream, i: number, operandAllowed: boolean): ListJoin | undefined {
  const rows = BY_FIRST.get(keyOf(stream.get(i)));
  if (rows === undefined) return undefined;
  for (const { row, steps } of rows) {
    if (row.operand === true && !operandAllowed) continue;
    const state: State = { pieces: [], format: undefined };
    const next = matchSteps(text, stream, i, steps, state, true);
    if (next === undefined || state.pieces.length < 2) continue;
    if (state.format !== undefined && state.format !== state.pieces.length) continue;
    return { pieces: state.pieces, next };
  }
  return undefined;
}

interface State {
  pieces: Token[];
  /** The placeholders of the format literal, if the shape has one. */
  format: number | undefined;
}

/** The token index after `steps` matched from `at` (`first`: `at` is the first token itself, no trivia before it). */
function matchSteps(text: string, stream: TokenStream, at: number, steps: readonly Step[], state: State, first: boolean): number | undefined {
  let next = at;
  for (let n = 0; n < steps.length; n++) {
    const step = steps[n]!;
    if (step.kind === 'optional') {
      const mark = state.pieces.length;
      const head = matchStep(text, stream, n === 0 && first ? next : stream.skipTrivia(next).index, step.steps[0]!, state);
      if (head === undefined) {
        state.pieces.length = mark;
        continue;
      }
      const rest = matchSteps(text, stream, head, step.steps.slice(1), state, false);
      if (rest === undefined) return undefined;
      next = rest;
      continue;
    }
    const from = n === 0 && first ? next : stream.skipTrivia(next).index;
    const after = matchStep(text, stream, from, step, state);
    if (after === undefined) return undefined;
    next = after;
  }
  return next;
}

const isPlain = (t: Token): boolean => t.kind === 'str' && t.plain;
const inner = (text: string, t: Token): string => text.slice(t.start + 1, t.end - 1);

/** The token index after one step matched at token `at` (trivia already skipped), or undefined. */
function matchStep(text: string, stream: TokenStream, at: number, step: Step, state: State): number | undefined {
  const t = stream.get(at);
  switch (step.kind) {
    case 'word':
      return t.kind === 'word' && step.words.has(t.text) ? at + 1 : undefined;
    case 'punct':
    case 'open':
    case 'close':
      return t.kind === step.kind && t.text === step.text ? at + 1 : undefined;
    case 'empty':
      return emptyAt(stream, at);
    case 'str':
      return isPlain(t) && inner(text, t) === step.value ? at + 1 : undefined;
    case 'format': {
      if (!isPlain(t)) return undefined;
      const value = inner(text, t);
      const count = value.length / step.unit.length;
      if (count < 2 || value !== step.unit.repeat(count)) return undefined;
      state.format = count;
      return at + 1;
    }
    case 'end':
      return t.kind === 'nl' || t.kind === 'end' || t.kind === 'comment' || t.kind === 'close' || (t.kind === 'punct' && t.text === ';') ? at : undefined;
    case 'list':
      return list(stream, at, step.by, state.pieces);
    case 'appends':
      return appends(stream, at, state.pieces);
    case 'optional':
      return undefined;
  }
}

/** The token index after an empty separator at `at` (`""`, `''`, `string.Empty`), or undefined. */
function emptyAt(stream: TokenStream, at: number): number | undefined {
  const t = stream.get(at);
  if (t.kind === 'str' && t.plain && t.end - t.start === 2) return at + 1;
  if (t.kind !== 'word' || (t.text !== 'string' && t.text !== 'String')) return undefined;
  const dot = stream.skipTrivia(at + 1).index;
  if (stream.get(dot).kind !== 'punct' || stream.get(dot).text !== '.') return undefined;
  const word = stream.skipTrivia(dot + 1).index;
  return stream.get(word).kind === 'word' && stream.get(word).text === 'Empty' ? word + 1 : undefined;
}

/** Plain literals from `at`, separated by `by`: the token index after the last (and after a trailing comma before a closing bracket). */
function list(stream: TokenStream, at: number, by: ',' | ';' | '_', pieces: Token[]): number | undefined {
  let index = at;
  for (;;) {
    const t = stream.get(index);
    if (!isPlain(t) || pieces.length >= MAX_PIECES) return undefined;
    pieces.push(t);
    const after = stream.skipTrivia(index + 1).index;
    const sep = stream.get(after);
    if (by === '_') {
      if (!isPlain(sep)) return index + 1;
      index = after;
      continue;
    }
    if (sep.kind !== 'punct' || sep.text !== by) return index + 1;
    const piece = stream.skipTrivia(after + 1).index;
    const u = stream.get(piece);
    if (u.kind === 'close') return after + 1;
    if (!isPlain(u)) return index + 1;
    index = piece;
  }
}

/** `append(literal)` calls from `at`, each followed by a `;` or a line end. */
function appends(stream: TokenStream, at: number, pieces: Token[]): number | undefined {
  let index = at;
  let count = 0;
  for (;;) {
    const name = stream.get(index);
    if (name.kind !== 'word' || name.text !== 'append') return count >= 2 ? index : undefined;
    const open = stream.skipTrivia(index + 1).index;
    if (stream.get(open).kind !== 'open' || stream.get(open).text !== '(') return undefined;
    const arg = stream.skipTrivia(open + 1).index;
    if (!isPlain(stream.get(arg)) || pieces.length >= MAX_PIECES) return undefined;
    const close = stream.skipTrivia(arg + 1).index;
    if (stream.get(close).kind !== 'close' || stream.get(close).text !== ')') return undefined;
    pieces.push(stream.get(arg));
    count++;
    let end = close + 1;
    const semi = stream.get(end);
    if (semi.kind === 'punct' && semi.text === ';') end++;
    else if (semi.kind !== 'nl' && semi.kind !== 'comment' && !(semi.kind === 'close' && semi.text === '}')) return undefined;
    index = stream.skipTrivia(end).index;
  }
}
