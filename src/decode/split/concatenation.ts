// String pieces joined in code, replaced by one literal holding the joined value:
//   "abc" + "def"     (C-like languages, JavaScript, Java, C#, Kotlin, Go backticks; across lines
//                      with the + at the end or the start of a line)
//   'abc' . 'def'     (PHP)
//   "abc" "def"       (Python and C implicit concatenation; across lines only inside parentheses)
//   "".join(["abc", "def"])   ["abc", "def"].join('')
//   new StringBuilder().append("abc").append("def").toString()   sb.append("abc"); sb.append("def");
// The literal keeps the first piece's quote, so a rule still reads `secret = "abcdef"`, and each of
// its characters points at its place in its piece (a key reports the line of its first piece).
// Only literal pieces are joined, and only where the language would join them before anything else
// touches them (no tighter operator on either side). Only joins that make a run of key characters
// across pieces are proposed: joining "Hello, " + "world" helps no rule.
import type { Edit } from '../types.js';
import type { Token } from './lexer.js';
import { TokenStream } from './tokens.js';
import { listJoinAt } from './calls.js';
import { crossesKeyRun, joinedLiteral, linesBefore } from './runs.js';

/** How far past `to` a construct that starts before it may be read. */
const LOOKAHEAD = 8192;
/** How far before `from` the lexer may start: a few lines, for the context of the region's first construct. */
const LOOKBEHIND = 4096;
const CONTEXT_LINES = 3;
/** A construct of more pieces than this is left alone: a split key has a handful. */
const MAX_PIECES = 256;
/** Brackets deeper than this are not tracked (the context check then fails: left alone). */
const MAX_DEPTH = 256;

/**
 * A chain's link: implicit concatenation, or one of OPERATORS, the operators that join two string
 * literals in some language: `+` (C-like), `.` (PHP), `..` (Lua), `<>` (Elixir), `++` (Haskell, Zig),
 * `^` (OCaml), `&` (VB.NET; ` _` continues its line), `||` (SQL), `*` (Julia), `~` (Jinja, D).
 * Another language is one more entry; `+` and `.` carry their precedence rules (looseBefore), the
 * others are joined only where nothing but an assignment, a bracket or a comma stands around them.
 */
type Link = string;
const OPERATORS = new Set(['+', '.', '..', '<>', '++', '^', '&', '||', '*', '~']);

/** What the recognizer knows of the code before the current token. */
interface Context {
  /** The last token that is not a newline or comment. */
  previous: Token | undefined;
  /** The one before it: Go's `import (` holds one path a line, which is no concatenation. */
  beforePrevious: Token | undefined;
  /** A newline between `previous` and the current token. */
  newline: boolean;
  /** `previous` is the first token of its line (or of a block or statement): Groovy's `password "a" + "b"`. */
  previousStartsLine: boolean;
  /** Open brackets since the lexer's start; undefined once a mismatch or an opaque token made it unknown. */
  brackets: string[] | undefined;
}

export function concatenationEdits(text: string, from: number, to: number): Edit[] {
  const stream = new TokenStream(text, linesBefore(text, from, CONTEXT_LINES, LOOKBEHIND), Math.min(text.length, to + LOOKAHEAD));
  const ctx: Context = { previous: undefined, beforePrevious: undefined, newline: false, previousStartsLine: false, brackets: [] };
  const edits: Edit[] = [];
  for (let i = 0; ; ) {
    stream.release(i);
    const t = stream.get(i);
    if (t.kind === 'end' || t.start >= to || (t.kind === 'opaque' && t.start === t.end)) break;
    // Constructs before `from` are read as well (so one that runs into the region is passed over
    // whole, as a call over the whole text would), but only the ones starting in [from, to) kept.
    const found = recognize(text, stream, i, ctx);
    if (found !== undefined) {
      const edit = found.edit;
      if (edit !== undefined && edit.start >= from && edit.start < to) edits.push(edit);
      // Everything read is passed over whole: a piece of a construct left alone is not tried again.
      ctx.beforePrevious = undefined;
      ctx.previous = stream.get(found.next - 1);
      ctx.newline = false;
      ctx.previousStartsLine = false;
      i = found.next;
      continue;
    }
    advance(ctx, t);
    i++;
  }
  return edits;
}

/** The context after token `t`. */
function advance(ctx: Context, t: Token): void {
  if (t.kind === 'nl') {
    ctx.newline = true;
    return;
  }
  if (t.kind === 'comment') return;
  const p = ctx.previous;
  ctx.previousStartsLine = p === undefined || ctx.newline || (p.kind === 'open' && p.text === '{') || (p.kind === 'punct' && p.text === ';');
  ctx.beforePrevious = ctx.previous;
  ctx.previous = t;
  ctx.newline = false;
  const stack = ctx.brackets;
  if (t.kind === 'opaque') ctx.brackets = undefined;
  else if (stack !== undefined && t.kind === 'open') {
    if (stack.length < MAX_DEPTH) stack.push(t.text);
    else ctx.brackets = undefined;
  } else if (stack !== undefined && t.kind === 'close') {
    if (stack[stack.length - 1] === OPENER[t.text]) stack.pop();
    else ctx.brackets = undefined;
  }
}

const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

interface Found {
  /** The edit, or undefined for a construct read and left alone. */
  edit: Edit | undefined;
  /** The token index after the construct. */
  next: number;
}

function recognize(text: string, stream: TokenStream, i: number, ctx: Context): Found | undefined {
  const t = stream.get(i);
  const call = listJoinAt(text, stream, i, arrayLiteralAllowed(ctx));
  if (call !== undefined) return { edit: joinedEdit(text, call.pieces, t.start, stream.get(call.next - 1).end), next: call.next };
  if (t.kind === 'open' && t.text === '[' && arrayLiteralAllowed(ctx)) return arrayJoin(text, stream, i);
  if (t.kind === 'word') return builderChain(text, stream, i, ctx) ?? appendStatements(text, stream, i, ctx) ?? callJoin(text, stream, i, ctx);
  if (t.kind !== 'str' || !t.plain) return undefined;
  if (t.end - t.start === 2 && ctx.previous?.kind !== 'str') {
    const join = separatorJoin(text, stream, i);
    if (join !== undefined) return join;
  }
  return concatCall(text, stream, i) ?? chain(text, stream, i, ctx);
}

// ---------------------------------------------------------------------------------------------
// "a" + "b", 'a' . 'b', "a" "b"

interface Chain {
  pieces: Token[];
  link: Link;
  /** For each piece after the first: a newline between it and the piece before. */
  newlines: boolean[];
  /** The token index after the last piece. */
  next: number;
}

/** The longest run of plain literals from token i, linked by one kind of link. */
function readChain(stream: TokenStream, i: number): Chain | undefined {
  const pieces = [stream.get(i)];
  const newlines: boolean[] = [];
  let link: Link | undefined;
  let next = i + 1;
  let count = 1;
  // A chain of more than MAX_PIECES is still read to its end (it is left alone whole), keeping none.
  for (;; count++) {
    if (count > MAX_PIECES) {
      pieces.length = 1;
      newlines.length = 0;
    }
    stream.release(next);
    const gap = skipGap(stream, next);
    const t = stream.get(gap.index);
    if (link !== 'implicit' && t.kind === 'punct' && OPERATORS.has(t.text) && (link === undefined || link === t.text)) {
      const after = skipGap(stream, gap.index + 1);
      const piece = stream.get(after.index);
      if (piece.kind !== 'str' || !piece.plain) break;
      link = t.text;
      pieces.push(piece);
      newlines.push(gap.newline || after.newline);
      next = after.index + 1;
      continue;
    }
    if ((link === undefined || link === 'implicit') && t.kind === 'str' && t.plain) {
      const before = pieces[pieces.length - 1]!;
      // 'it''s' is one YAML/SQL literal with a doubled quote, not two pieces.
      if (t.start === before.end && t.text === before.text) break;
      link = 'implicit';
      pieces.push(t);
      newlines.push(gap.newline);
      next = gap.index + 1;
      continue;
    }
    break;
  }
  if (link === undefined) return undefined;
  if (count > MAX_PIECES) return { pieces: [], link, newlines: [], next };
  return { pieces, link, newlines, next };
}

/** skipTrivia, and VB's ` _` before a line end (a line continued: `"a" & _`). */
function skipGap(stream: TokenStream, i: number): { index: number; newline: boolean } {
  const gap = stream.skipTrivia(i);
  const t = stream.get(gap.index);
  if (t.kind !== 'word' || t.text !== '_') return gap;
  const after = stream.skipTrivia(gap.index + 1);
  return after.newline ? after : gap;
}

function chain(text: string, stream: TokenStream, i: number, ctx: Context): Found | undefined {
  const c = readChain(stream, i);
  if (c === undefined) return undefined;
  const pieces = c.link === 'implicit' ? implicitPieces(stream, c, ctx) : operatorPieces(stream, c, ctx);
  // Left alone for what follows it ("x" + "a".concat("b")): its last piece is read again, as the
  // start of what follows (once: a chain read from it has no link before its '.').
  // (A chain ends with its last piece, so that piece is the token before `next`.)
  if (pieces.length < 2) return { edit: undefined, next: c.pieces.length > 1 ? c.next - 1 : c.next };
  return { edit: joinedEdit(text, pieces, pieces[0]!.start, pieces[pieces.length - 1]!.end), next: c.next };
}

/** Operators that bind no tighter than + (or PHP's .), by their last character, may stand before the first piece. */
const LOOSE_BEFORE = '=([{,:;?<>&|^';
/** Words a chain may follow on its line: `return "a" + "b"`, PHP `echo 'a' . 'b'`. */
const WORDS_BEFORE = new Set(['return', 'yield', 'await', 'echo', 'print', 'case', 'else', 'then', 'do', 'in', 'of', 'and', 'or', 'not']);
/** Words a chain may be followed by: Python's `"a" + "b" if x else y`, `in`, `for`, and the like. */
const WORDS_AFTER = new Set(['if', 'else', 'and', 'or', 'in', 'not', 'is', 'for', 'as', 'instanceof', 'then', 'xor', 'end', 'do']);
/** Words that start a line and print or run their arguments as words: `echo "a" + "b"` prints the plus. */
const COMMANDS = new Set(['echo', 'print', 'printf', 'puts', 'say', 'export', 'set', 'local', 'declare', 'readonly']);

/** The pieces of a + or . chain that the language joins first; none when something binds tighter after it. */
function operatorPieces(stream: TokenStream, c: Chain, ctx: Context): Token[] {
  if (!looseAfter(stream.get(c.next), c.link, stream, c.next)) return [];
  // After a tighter operator (x * "a" + "b"), the first piece belongs to it; the rest still join.
  return looseBefore(ctx, c.link) ? c.pieces : c.pieces.slice(1);
}

function looseBefore(ctx: Context, link: Link): boolean {
  const p = ctx.previous;
  if (p === undefined) return true;
  if (link !== '+' && link !== '.') return looseBeforeOther(ctx, p, link);
  // Groovy (Gradle's `password "a" + "b"`), Ruby: a call without parentheses takes the joined value.
  if (link === '+' && p.kind === 'word' && ctx.previousStartsLine && !ctx.newline && !COMMANDS.has(p.text) && !WORDS_AFTER.has(p.text)) return true;
  if (ctx.newline) {
    // A line ending in a tighter operator carries it over to this line.
    return !(p.kind === 'punct' && '-*/%.!~'.includes(p.text[p.text.length - 1]!) && !(link === '.' && p.text === '.'));
  }
  if (p.kind === 'open' || (p.kind === 'close' && p.text === '}')) return true;
  // sh's `echo "a" + "b"` prints the plus; PHP's `echo 'a' . 'b'` joins.
  if (p.kind === 'word') return WORDS_BEFORE.has(p.text) && (p.text !== 'echo' || link === '.');
  if (p.kind !== 'punct') return false;
  if (link === '.' && p.text === '.') return true;
  const last = p.text[p.text.length - 1]!;
  if (last === '+') return link === '+';
  return LOOSE_BEFORE.includes(last);
}

/**
 * Before a chain of another operator: a line start, an assignment (`=`, `:=`, R's `<-`, `=>`), an
 * opening bracket (Jinja's `{{`), a comma or `;`, a keyword like `return`, or the same operator.
 */
function looseBeforeOther(ctx: Context, p: Token, link: Link): boolean {
  if (p.kind === 'open' || (p.kind === 'close' && p.text === '}')) return true;
  if (p.kind === 'word') return (WORDS_BEFORE.has(p.text) && p.text !== 'echo' && p.text !== 'print') || p.text === 'SELECT' || p.text === 'select' || elixirAttribute(ctx, link);
  if (p.kind !== 'punct') return ctx.newline;
  if (p.text === link || p.text === '<-' || p.text === '=>' || p.text === ':=') return true;
  const last = p.text[p.text.length - 1]!;
  if (ctx.newline) return !'-*/%.!~+&|^<>'.includes(last);
  return last === '=' ? !/[<>!=]=$/.test(p.text) || p.text === '=' : ',;:'.includes(last);
}

/** Elixir's module attribute takes its value after a space: `@secret_key "a" <> "b"`. */
function elixirAttribute(ctx: Context, link: Link): boolean {
  const b = ctx.beforePrevious;
  return link === '<>' && b !== undefined && b.kind === 'punct' && b.text === '@';
}

/** What follows the last piece of a + or . chain: a newline, the end of a statement, or a looser operator. */
function looseAfter(t: Token, link: Link, stream: TokenStream, index: number): boolean {
  if (link !== '+' && link !== '.') return looseAfterOther(t, link, stream, index);
  if (t.kind === 'comment') return looseAfter(stream.get(index + 1), link, stream, index + 1);
  if (t.kind === 'nl' || t.kind === 'end' || t.kind === 'close') return true;
  if (t.kind === 'word') return WORDS_AFTER.has(t.text);
  if (t.kind !== 'punct') return false;
  const s = t.text;
  if (s === ',' || s === ';') return true;
  if (link === '.' && s === '.') return true;
  if (s.startsWith('!=')) return true;
  // PHP 8 gives + and - precedence over '.'.
  if (link === '.' && (s[0] === '+' || s[0] === '-')) return false;
  return '+-=<>&|^?:'.includes(s[0]!);
}

/** After a chain of another operator: a line end, a closing bracket, `,` `;`, the same operator (before a variable), a comparison. */
function looseAfterOther(t: Token, link: Link, stream: TokenStream, index: number): boolean {
  if (t.kind === 'comment') return looseAfterOther(stream.get(index + 1), link, stream, index + 1);
  if (t.kind === 'nl' || t.kind === 'end' || t.kind === 'close') return true;
  if (t.kind === 'word') return WORDS_AFTER.has(t.text) || (t.text === '_' && stream.get(index + 1).kind === 'nl');
  if (t.kind !== 'punct') return false;
  return t.text === link || t.text === ',' || t.text === ';' || t.text === '==' || t.text === '!=' || t.text === '=';
}

/** Implicit concatenation is made by the lexer of Python and C: only its context is checked. */
function implicitPieces(stream: TokenStream, c: Chain, ctx: Context): Token[] {
  const firstBreak = c.newlines.indexOf(true);
  if (firstBreak !== -1 && implicitStart(ctx) && inBrackets(ctx) && closesBrackets(stream, c.next)) return c.pieces;
  // C, C++, Dart, Erlang read adjacent literals across lines too: after an assignment, up to the end
  // of the statement (`;`, Erlang's `,` or `.` at a line end). Not after a YAML or JSON key's `:`, nor a
  // list's dash or comma: there each line is a value of its own.
  if (firstBreak !== -1 && afterAssignment(ctx) && statementEnd(stream, c.next)) return c.pieces;
  // Across lines outside brackets, Python ends the statement: only the first line's pieces join.
  const pieces = firstBreak === -1 ? c.pieces : c.pieces.slice(0, firstBreak + 1);
  if (pieces.length < 2 || !implicitStart(ctx)) return [];
  if (firstBreak !== -1) return pieces;
  return implicitEnd(stream.get(c.next)) ? pieces : [];
}

/**
 * The first piece follows a plain assignment's `=` (or `:=`), on its line or at the end of the line
 * before (`const String KEY =` and the pieces below it; Python refuses a line that ends in `=`).
 */
function afterAssignment(ctx: Context): boolean {
  const p = ctx.previous;
  return p !== undefined && p.kind === 'punct' && (p.text === '=' || p.text === ':=');
}

/** Right after the last piece: `;`, or `,` or `.` that end their line. */
function statementEnd(stream: TokenStream, next: number): boolean {
  const t = stream.get(next);
  if (t.kind !== 'punct') return false;
  if (t.text === ';') return true;
  if (t.text !== ',' && t.text !== '.') return false;
  const after = stream.get(next + 1);
  return after.kind === 'nl' || after.kind === 'end' || after.kind === 'comment';
}

/**
 * After the last piece on its line: not `=` (shell's `"k"="v"  "k2"="v2"`) nor `:` (a key of JSON or
 * YAML written after a value, a comma missing); Python's `"a" "b" % x` or `.format()` are fine.
 */
function implicitEnd(t: Token): boolean {
  if (t.kind === 'opaque') return false;
  if (t.kind !== 'punct') return true;
  return !(t.text[0] === ':' || (t.text[0] === '=' && !t.text.startsWith('==')));
}

/** `x = "a" "b"`, `f("a" "b")`, `["a" "b"]`, `{"k": "a" "b"}`, `return "a" "b"`, `#define K "a" "b"`: not a shell's `echo "a" "b"`. */
function implicitStart(ctx: Context): boolean {
  const p = ctx.previous;
  if (p === undefined || p.kind === 'open') return true;
  // C's `#define NAME "a" "b"` (the lexer reads `#define` as one word).
  if (p.kind === 'word') return p.text === 'return' || p.text === 'yield' || ctx.beforePrevious?.text === '#define';
  if (p.kind !== 'punct') return false;
  const last = p.text[p.text.length - 1]!;
  // `"a" + "b" "c"` is "a" + "bc": the lexer joins before any operator. Erlang's and Ruby's `=>`.
  return last === '=' || last === ':' || last === ',' || p.text === '+' || p.text === '=>';
}

/**
 * The first piece opens a bracket, or is inside one opened since the lexer's start (after a comma,
 * `name=`, `"key":`): there Python (and C, in its parentheses and initializers) reads across lines.
 * Not Go's `import (`, which holds one path a line.
 */
function inBrackets(ctx: Context): boolean {
  const p = ctx.previous;
  if (p === undefined) return false;
  if (p.kind === 'open') return !(p.text === '(' && ctx.beforePrevious?.kind === 'word' && ctx.beforePrevious.text === 'import');
  const stack = ctx.brackets;
  return stack !== undefined && stack.length > 0;
}

/** After the last piece, past newlines and comments: a closing bracket or a comma (not a JSON key's ':'). */
function closesBrackets(stream: TokenStream, next: number): boolean {
  const t = stream.get(stream.skipTrivia(next).index);
  return t.kind === 'close' || (t.kind === 'punct' && t.text === ',');
}

// ---------------------------------------------------------------------------------------------
// "".join(["a", "b"]) and ["a", "b"].join('')

/** Plain literals (at least `min`) separated by commas (a trailing comma allowed) up to the bracket that closes `open`. */
function readList(stream: TokenStream, i: number, close: string, min = 2): { pieces: Token[]; next: number } | undefined {
  const pieces: Token[] = [];
  let at = i;
  for (;;) {
    const t = stream.get(stream.skipTrivia(at).index);
    at = stream.skipTrivia(at).index + 1;
    if (t.kind === 'close' && t.text === close) return pieces.length >= min ? { pieces, next: at } : undefined;
    if (t.kind !== 'str' || !t.plain || pieces.length >= MAX_PIECES) return undefined;
    pieces.push(t);
    const sep = stream.get(stream.skipTrivia(at).index);
    if (sep.kind === 'punct' && sep.text === ',') at = stream.skipTrivia(at).index + 1;
    else if (!(sep.kind === 'close' && sep.text === close)) return undefined;
  }
}

/** `<token> ... ` matches a fixed sequence of tokens (kind and text), skipping newlines and comments. */
function expect(stream: TokenStream, i: number, kind: Token['kind'], text: string): number | undefined {
  const at = stream.skipTrivia(i).index;
  const t = stream.get(at);
  return t.kind === kind && t.text === text ? at + 1 : undefined;
}

/** Python: '' or "" then .join( then [ or ( then plain literals, then ] or ), then ). */
function separatorJoin(text: string, stream: TokenStream, i: number): Found | undefined {
  let at = expect(stream, i + 1, 'punct', '.');
  if (at !== undefined) at = expect(stream, at, 'word', 'join');
  if (at !== undefined) at = expect(stream, at, 'open', '(');
  if (at === undefined) return undefined;
  const open = stream.get(stream.skipTrivia(at).index);
  if (open.kind !== 'open' || open.text === '{') return undefined;
  const list = readList(stream, stream.skipTrivia(at).index + 1, open.text === '[' ? ']' : ')');
  if (list === undefined) return undefined;
  const end = expect(stream, list.next, 'close', ')');
  if (end === undefined) return undefined;
  return { edit: joinedEdit(text, list.pieces, stream.get(i).start, stream.get(end - 1).end), next: end };
}

/** JavaScript: [ plain literals ] .join( '' or "" ). */
function arrayJoin(text: string, stream: TokenStream, i: number): Found | undefined {
  const list = readList(stream, i + 1, ']');
  if (list === undefined) return undefined;
  let at = expect(stream, list.next, 'punct', '.');
  if (at !== undefined) at = expect(stream, at, 'word', 'join');
  if (at !== undefined) at = expect(stream, at, 'open', '(');
  if (at === undefined) return undefined;
  const sepAt = stream.skipTrivia(at).index;
  const sep = stream.get(sepAt);
  if (sep.kind !== 'str' || !sep.plain || sep.end - sep.start !== 2) return undefined;
  const end = expect(stream, sepAt + 1, 'close', ')');
  if (end === undefined) return undefined;
  return { edit: joinedEdit(text, list.pieces, stream.get(i).start, stream.get(end - 1).end), next: end };
}

/** JavaScript and Java: "a".concat("b", "c"), and chained, "a".concat("b").concat("c"). */
function concatCall(text: string, stream: TokenStream, i: number): Found | undefined {
  const pieces = [stream.get(i)];
  let next = i + 1;
  for (;;) {
    let at = expect(stream, next, 'punct', '.');
    if (at !== undefined) at = expect(stream, at, 'word', 'concat');
    if (at !== undefined) at = expect(stream, at, 'open', '(');
    if (at === undefined) break;
    const list = readList(stream, at, ')', 1);
    if (list === undefined || pieces.length + list.pieces.length > MAX_PIECES) break;
    pieces.push(...list.pieces);
    next = list.next;
  }
  if (pieces.length < 2) return undefined;
  return { edit: joinedEdit(text, pieces, pieces[0]!.start, stream.get(next - 1).end), next };
}

// ---------------------------------------------------------------------------------------------
// Calls that join literals with an empty separator: PHP `implode('', ['a', 'b'])`, `implode(['a', 'b'])`,
// `join('', array('a', 'b'))`; Java `String.join("", "a", "b")`; C#
// `string.Join("", "a", "b")`, `String.Join(string.Empty, new[] { "a", "b" })`, `string.Concat("a", "b")`;
// Go `strings.Join([]string{"a", "b"}, "")`; Terraform `join("", ["a", "b"])`.

/** The classes whose static join or concat is called by name. */
const QUALIFIERS = new Set(['String', 'string', 'strings']);
const QUALIFIED_CALLS = new Set(['join', 'Join', 'Concat']);

/** The call's pieces and the token index after its `)`. */
type Joined = { pieces: Token[]; next: number };

function callJoin(text: string, stream: TokenStream, i: number, ctx: Context): Found | undefined {
  const first = stream.get(i);
  let name = first.text;
  let at = i + 1;
  if (QUALIFIERS.has(name)) {
    const dot = expect(stream, at, 'punct', '.');
    const word = dot === undefined ? undefined : stream.skipTrivia(dot).index;
    if (word === undefined || stream.get(word).kind !== 'word' || !QUALIFIED_CALLS.has(stream.get(word).text)) return undefined;
    name = stream.get(word).text;
    at = word + 1;
  } else if ((name !== 'join' && name !== 'implode') || (ctx.previous?.kind === 'punct' && /(?:\.|->|::)$/.test(ctx.previous.text))) {
    // (bare: Terraform's join(), PHP's implode() and join(); `x.join(`, `$c->implode(` are methods of something else)
    return undefined;
  }
  const open = expect(stream, at, 'open', '(');
  if (open === undefined) return undefined;
  let joined: Joined | undefined;
  if (name === 'Concat') joined = readList(stream, open, ')');
  else if (first.text === 'strings') joined = goJoin(stream, open);
  else if (name === 'implode') joined = listOnly(stream, open) ?? separatorFirst(stream, open);
  else joined = separatorFirst(stream, open);
  if (joined === undefined) return undefined;
  return { edit: joinedEdit(text, joined.pieces, first.start, stream.get(joined.next - 1).end), next: joined.next };
}

/** The token index after an empty separator at `i` (`""`, `''`, `string.Empty`), or undefined. */
function emptySeparator(stream: TokenStream, i: number): number | undefined {
  const at = stream.skipTrivia(i).index;
  const t = stream.get(at);
  if (t.kind === 'str' && t.plain && t.end - t.start === 2) return at + 1;
  if (t.kind !== 'word' || (t.text !== 'string' && t.text !== 'String')) return undefined;
  const dot = expect(stream, at + 1, 'punct', '.');
  return dot === undefined ? undefined : expect(stream, dot, 'word', 'Empty');
}

/** `"", "a", "b")`, `"", ["a", "b"])`, `"", new[] { "a", "b" })`, from after the `(`. */
function separatorFirst(stream: TokenStream, open: number): Joined | undefined {
  const sep = emptySeparator(stream, open);
  const comma = sep === undefined ? undefined : expect(stream, sep, 'punct', ',');
  if (comma === undefined) return undefined;
  const at = stream.skipTrivia(comma).index;
  const t = stream.get(at);
  if (t.kind === 'str') return readList(stream, at, ')');
  const array = phpArray(stream, at);
  if (array !== undefined) {
    const end = expect(stream, array.next, 'close', ')');
    return end === undefined ? undefined : { pieces: array.pieces, next: end };
  }
  let listOpen = at;
  if (t.kind === 'word' && t.text === 'new') {
    // new[] { or new string[] {: the array's type, then its initializer
    for (listOpen = at + 1; listOpen < at + 6 && !(stream.get(listOpen).kind === 'open' && stream.get(listOpen).text === '{'); listOpen++);
  }
  const bracket = stream.get(listOpen);
  if (bracket.kind !== 'open' || (bracket.text !== '[' && bracket.text !== '{')) return undefined;
  const list = readList(stream, listOpen + 1, bracket.text === '[' ? ']' : '}');
  const end = list === undefined ? undefined : expect(stream, list.next, 'close', ')');
  return end === undefined ? undefined : { pieces: list!.pieces, next: end };
}

/** PHP's `array('a', 'b')` at `at` (the word `array`): its literals and the token index after its `)`. */
function phpArray(stream: TokenStream, at: number): Joined | undefined {
  const t = stream.get(at);
  if (t.kind !== 'word' || t.text !== 'array') return undefined;
  const open = expect(stream, at + 1, 'open', '(');
  return open === undefined ? undefined : readList(stream, open, ')');
}

/** PHP's one-argument `implode(['a', 'b'])` or `implode(array('a', 'b'))` (the separator is ''), from after the `(`. */
function listOnly(stream: TokenStream, open: number): Joined | undefined {
  const at = stream.skipTrivia(open).index;
  const t = stream.get(at);
  const list = t.kind === 'open' && t.text === '[' ? readList(stream, at + 1, ']') : phpArray(stream, at);
  const end = list === undefined ? undefined : expect(stream, list.next, 'close', ')');
  return end === undefined ? undefined : { pieces: list!.pieces, next: end };
}

/** Go: `[]string{"a", "b"}, "")`, from after the `(`. */
function goJoin(stream: TokenStream, open: number): Joined | undefined {
  let at = expect(stream, open, 'open', '[');
  if (at !== undefined) at = expect(stream, at, 'close', ']');
  if (at !== undefined) at = expect(stream, at, 'word', 'string');
  if (at !== undefined) at = expect(stream, at, 'open', '{');
  const list = at === undefined ? undefined : readList(stream, at, '}');
  let end = list === undefined ? undefined : expect(stream, list.next, 'punct', ',');
  if (end !== undefined) end = emptySeparator(stream, end);
  if (end !== undefined) end = expect(stream, end, 'close', ')');
  return end === undefined ? undefined : { pieces: list!.pieces, next: end };
}

/** '[' opens an array literal (not an index) after an operator, an opening bracket or `return`. */
function arrayLiteralAllowed(ctx: Context): boolean {
  const p = ctx.previous;
  if (p === undefined || p.kind === 'open' || p.kind === 'punct') return true;
  return p.kind === 'word' && (p.text === 'return' || p.text === 'yield' || p.text === 'await');
}

// ---------------------------------------------------------------------------------------------
// Java, C#, Kotlin: a StringBuilder fed literals, `new StringBuilder().append("a").append("b").toString()`
// (one call a line too), and `sb.append("a"); sb.append("b");` statements in a row.

const BUILDERS = new Set(['StringBuilder', 'StringBuffer']);
const APPENDS = new Set(['append', 'Append']);
const TO_STRINGS = new Set(['toString', 'ToString']);

/**
 * `new StringBuilder()` (or `StringBuilder()`, Kotlin; `("a")` or a capacity inside), then
 * `.append(literal)` calls, then `.toString()` or not: replaced whole by the joined literal. An append
 * of anything but one literal leaves the chain alone, and so does another call after it (`.reverse()`,
 * `.insert(0, x)`): the value is not the pieces run together.
 */
function builderChain(text: string, stream: TokenStream, i: number, ctx: Context): Found | undefined {
  const first = stream.get(i);
  let at: number | undefined = i + 1;
  if (first.text === 'new') {
    const name = stream.skipTrivia(at).index;
    if (stream.get(name).kind !== 'word' || !BUILDERS.has(stream.get(name).text)) return undefined;
    at = name + 1;
  } else if (!BUILDERS.has(first.text) || ctx.previous?.text === 'new' || (ctx.previous?.kind === 'punct' && ctx.previous.text.endsWith('.'))) {
    return undefined;
  }
  at = expect(stream, at, 'open', '(');
  if (at === undefined) return undefined;
  const pieces: Token[] = [];
  const argAt = stream.skipTrivia(at).index;
  const arg = stream.get(argAt);
  if (arg.kind === 'str' && arg.plain) pieces.push(arg);
  else if (!(arg.kind === 'word' && /^[0-9]+$/.test(arg.text)) && !(arg.kind === 'close' && arg.text === ')')) return undefined;
  at = arg.kind === 'close' ? argAt + 1 : expect(stream, argAt + 1, 'close', ')');
  const calls = at === undefined ? undefined : appendCalls(stream, at, pieces);
  if (calls === undefined || pieces.length < 2) return undefined;
  // A chain longer than a key's pieces is passed over whole (read once), left alone.
  if (pieces.length > MAX_PIECES) return { edit: undefined, next: calls };
  let end = calls;
  const toString = afterDot(stream, calls);
  if (toString !== undefined && toString.kind === 'word' && TO_STRINGS.has(toString.word.text)) {
    let after = expect(stream, toString.index + 1, 'open', '(');
    if (after !== undefined) after = expect(stream, after, 'close', ')');
    if (after === undefined) return undefined;
    end = after;
  }
  // Another call after the chain changes the value (or is not the string): left alone.
  if (afterDot(stream, end) !== undefined) return undefined;
  return { edit: joinedEdit(text, pieces, first.start, stream.get(end - 1).end), next: end };
}

/** The word after a `.` at `at` (past newlines and comments), if a `.` is there. */
function afterDot(stream: TokenStream, at: number): { kind: 'word'; word: Token; index: number } | undefined {
  const dot = expect(stream, at, 'punct', '.');
  if (dot === undefined) return undefined;
  const index = stream.skipTrivia(dot).index;
  const word = stream.get(index);
  return word.kind === 'word' ? { kind: 'word', word, index } : undefined;
}

/**
 * `.append(literal)` calls from `at`, their literals added to `pieces`: the token index after the last
 * one, or undefined when one holds anything but a single literal (a variable, `append(s, 0, 2)`).
 * Stops before a `.` that is not an append.
 */
function appendCalls(stream: TokenStream, at: number, pieces: Token[]): number | undefined {
  let next = at;
  for (;;) {
    stream.release(next);
    const call = afterDot(stream, next);
    if (call === undefined || !APPENDS.has(call.word.text)) return next;
    const open = expect(stream, call.index + 1, 'open', '(');
    if (open === undefined) return undefined;
    const argAt = stream.skipTrivia(open).index;
    const arg = stream.get(argAt);
    if (arg.kind !== 'str' || !arg.plain) return undefined;
    const close = expect(stream, argAt + 1, 'close', ')');
    if (close === undefined) return undefined;
    pieces.push(arg);
    next = close;
  }
}

/**
 * `sb.append("a"); sb.append("b");` (or `sb.Append(...).Append(...);`): statements in a row that
 * append literals to the same receiver, each ended by a `;` (Python's `parts.append("a")` builds a
 * list, which only "".join() makes a string). The literals are joined from the first to the last,
 * `sb.append("ab");` left in the view; a statement that appends anything else ends the row.
 */
function appendStatements(text: string, stream: TokenStream, i: number, ctx: Context): Found | undefined {
  const p = ctx.previous;
  const statementStart = p === undefined || ctx.newline || (p.kind === 'punct' && p.text === ';') || (p.kind === 'open' && p.text === '{') || (p.kind === 'close' && p.text === '}');
  if (!statementStart) return undefined;
  const receiver = receiverPath(stream, i);
  const pieces: Token[] = [];
  let next: number | undefined;
  for (let at = receiver.end; ; ) {
    const mark = pieces.length;
    const calls = appendCalls(stream, at, pieces);
    const semi = calls === undefined || calls === at ? undefined : expect(stream, calls, 'punct', ';');
    if (semi === undefined) {
      pieces.length = mark;
      break;
    }
    next = semi;
    const r = stream.skipTrivia(semi).index;
    const path = receiverPath(stream, r);
    if (path.text !== receiver.text) break;
    at = path.end;
  }
  if (next === undefined || pieces.length < 2) return undefined;
  // A row longer than a key's pieces is passed over whole (read once), left alone.
  if (pieces.length > MAX_PIECES) return { edit: undefined, next };
  return { edit: joinedEdit(text, pieces, pieces[0]!.start, pieces[pieces.length - 1]!.end), next };
}

/** A receiver from word `i`: `sb`, `this.sb`, `self.buffer.sb` (words joined by dots, up to an `.append`); its text and the index after it. */
function receiverPath(stream: TokenStream, i: number): { text: string; end: number } {
  const first = stream.get(i);
  if (first.kind !== 'word') return { text: '', end: i };
  let text = first.text;
  let end = i + 1;
  for (let n = 0; n < 4; n++) {
    const dot = stream.get(end);
    const word = stream.get(end + 1);
    if (dot.kind !== 'punct' || dot.text !== '.' || word.kind !== 'word' || APPENDS.has(word.text)) break;
    text += `.${word.text}`;
    end += 2;
  }
  return { text, end };
}

// ---------------------------------------------------------------------------------------------

/** Replace [start, end) by one literal of the pieces' values, each character pointing at its piece. */
function joinedEdit(text: string, pieces: readonly Token[], start: number, end: number): Edit | undefined {
  const spans = pieces.map((t): [number, number] => [t.start + 1, t.end - 1]);
  if (!crossesKeyRun(text, spans)) return undefined;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  return joinedLiteral(text, spans, start, end, first.text, first.start, last.end - 1);
}
