// A tolerant lexer for the concatenation decoder: it cuts code of any C-like, Python, PHP, Go or
// shell-ish language into string literals, words, brackets, operators, newlines and comments, well
// enough to tell a string literal from a quote inside a comment, another string or a regex literal.
// It never fails: what it cannot read (a string that does not close, a block comment that runs past
// the limit) becomes an `opaque` token, which ends any concatenation around it, so a misreading only
// means "left alone".

export type TokenKind =
  | 'str' // a quoted literal: "…", '…', `…`, """…"""
  | 'word' // an identifier, keyword or number
  | 'regex' // a JavaScript regex literal: an operand that is not a string
  | 'punct' // an operator run (+, ., =, =>, &&, …), or a single ',' or ';' or other character
  | 'open' // ( [ {
  | 'close' // ) ] }
  | 'nl' // whitespace holding at least one newline
  | 'comment' // # …, // …, /* … */, a Markdown fence line
  | 'opaque' // what could not be read, to the end of its line, or to the limit
  | 'end'; // the end of the text

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The quote of a str; the character of an open/close; the text of a punct or word. */
  readonly text: string;
  /**
   * A str only: a literal whose characters are exactly its value, on one line: no escape, no quote
   * of any kind, no interpolation (`$`, `#{`), no prefix (f"…", @"…", b'…') or suffix touching it.
   * Only these are joined: whatever else they mean in one language or another, it is not a key.
   */
  readonly plain: boolean;
}

/** A piece longer than this is not joined (keys are short; a huge literal is data, not a split key). */
const MAX_PIECE = 8192;

/** Characters that run together into one operator token. '/' and '#' are handled apart (comments). */
const OPERATOR_CHARS = '+-*%=<>!&|^~?:.@';

/** Words after which a '/' starts a regex literal rather than a division. */
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await', 'delete', 'throw', 'new', 'instanceof']);

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c >= 0x80;
}

const isWordAt = (text: string, at: number): boolean => at >= 0 && at < text.length && isWordCode(text.charCodeAt(at));

export class Lexer {
  private at: number;
  /** The last token that is not a newline or comment: decides whether '/' is a division or a regex. */
  private previous: Token | undefined;

  constructor(
    private readonly text: string,
    start: number,
    /** The lexer reads nothing at or after this offset; a construct cut by it is opaque. */
    private readonly limit: number,
  ) {
    this.at = start;
  }

  next(): Token {
    const token = this.read();
    if (token.kind !== 'nl' && token.kind !== 'comment') this.previous = token;
    return token;
  }

  private read(): Token {
    const { text, limit } = this;
    let at = this.at;
    let sawNewline = false;
    const blankStart = at;
    while (at < limit) {
      const c = text.charCodeAt(at);
      if (c === 10) sawNewline = true;
      else if (c === 92 && this.lineJoin(at) > 0) {
        // A backslash-newline outside a literal joins two lines into one (Python, Ruby, C):
        // `KEY = "abc" \` / `"def"` is one line's implicit concatenation.
        at += this.lineJoin(at);
        continue;
      } else if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) break;
      at++;
    }
    if (sawNewline) return this.take('nl', blankStart, at, '\n');
    if (at >= limit) return this.take(at >= text.length ? 'end' : 'opaque', at, at, '');
    const ch = text[at]!;
    // C's `#define NAME "a" "b"` is code, read on: one word, `#define`.
    if (ch === '#' && text.startsWith('define', at + 1) && !isWordCode(text.charCodeAt(at + 7))) return this.take('word', at, at + 7, '#define');
    if (ch === '#' || (ch === '/' && text[at + 1] === '/')) return this.take('comment', at, this.lineEnd(at), ch);
    if (ch === '/' && text[at + 1] === '*') return this.blockComment(at);
    if (ch === '/') return this.regexAllowed() ? this.regex(at) : this.take('punct', at, at + 1, '/');
    if (ch === '"' || ch === "'") return this.string(at);
    // r'…', u'…', b'…' (Python), @"…" (C#): the prefix is kept out of the way, the literal read.
    if ('rRuUbB@'.includes(ch) && (text[at + 1] === '"' || text[at + 1] === "'") && !isWordAt(text, at - 1)) return this.string(at + 1);
    if (ch === '`') return text.startsWith('```', at) ? this.take('comment', at, this.lineEnd(at), ch) : this.backtick(at);
    const code = text.charCodeAt(at);
    if (isWordCode(code)) {
      let end = at + 1;
      while (end < limit && isWordCode(text.charCodeAt(end))) end++;
      return this.take('word', at, end, text.slice(at, end));
    }
    if (ch === '(' || ch === '[' || ch === '{') return this.take('open', at, at + 1, ch);
    if (ch === ')' || ch === ']' || ch === '}') return this.take('close', at, at + 1, ch);
    if (OPERATOR_CHARS.includes(ch)) {
      let end = at + 1;
      while (end < limit && OPERATOR_CHARS.includes(text[end]!)) end++;
      return this.take('punct', at, end, text.slice(at, end));
    }
    return this.take('punct', at, at + 1, ch);
  }

  /** The length of a backslash-newline at `at` (2, or 3 with a CR), else 0. */
  private lineJoin(at: number): number {
    const { text } = this;
    if (text[at + 1] === '\n') return 2;
    return text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 0;
  }

  private string(at: number): Token {
    const { text } = this;
    const quote = text[at]!;
    return text[at + 1] === quote && text[at + 2] === quote ? this.tripleString(at, quote) : this.quoted(at, quote);
  }

  private take(kind: TokenKind, start: number, end: number, text: string, plain = false): Token {
    this.at = end;
    return { kind, start, end, text, plain };
  }

  /** The offset of the newline ending the line holding `at` (or the limit). */
  private lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at);
    return nl === -1 || nl > this.limit ? this.limit : nl;
  }

  private blockComment(at: number): Token {
    const close = this.text.indexOf('*/', at + 2);
    if (close === -1 || close + 2 > this.limit) return this.take('opaque', at, this.limit, '');
    return this.take('comment', at, close + 2, '/*');
  }

  /** After an operand (a word, a literal, a closing bracket) '/' divides; elsewhere it opens a regex. */
  private regexAllowed(): boolean {
    const p = this.previous;
    if (p === undefined) return true;
    if (p.kind === 'punct' || p.kind === 'open') return true;
    return p.kind === 'word' && REGEX_KEYWORDS.has(p.text);
  }

  /** A regex literal ends on its line at a '/' that is not escaped and not inside a [class]. */
  private regex(at: number): Token {
    const { text } = this;
    const end = this.lineEnd(at);
    let inClass = false;
    for (let i = at + 1; i < end; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        let j = i + 1;
        while (j < end && isWordAt(text, j)) j++;
        return this.take('regex', at, j, '/');
      }
    }
    return this.take('opaque', at, end, '');
  }

  /** A "…" or '…' literal: it ends at its quote on the same line, or it is opaque to the line's end. */
  private quoted(at: number, quote: string): Token {
    const { text, limit } = this;
    let plain = !this.touched(at);
    for (let i = at + 1; i < limit; i++) {
      const c = text[i]!;
      if (c === quote) return this.finishString(at, i + 1, quote, plain);
      if (c === '\n') break;
      if (c === '\\') {
        // An escape (or a backslash-newline inside the literal): the value is not the text as written.
        plain = false;
        i++;
        continue;
      }
      if (!plainChar(text, i)) plain = false;
    }
    return this.take('opaque', at, this.lineEnd(at), '');
  }

  /** A `…` literal (Go raw string, JavaScript template): it may span lines, which makes it not plain. */
  private backtick(at: number): Token {
    const { text, limit } = this;
    let plain = !this.touched(at);
    for (let i = at + 1; i < limit; i++) {
      const c = text[i]!;
      if (c === '`') return this.finishString(at, i + 1, '`', plain);
      if (c === '\\') {
        plain = false;
        i++;
        continue;
      }
      if (c === '\n' || !plainChar(text, i)) plain = false;
    }
    return this.take('opaque', at, limit, '');
  }

  /** A Python triple-quoted literal: never plain (docstrings), only skipped whole. */
  private tripleString(at: number, quote: string): Token {
    const close = quote.repeat(3);
    const { text, limit } = this;
    for (let i = at + 3; i < limit; i++) {
      if (text[i] === '\\') i++;
      else if (text.startsWith(close, i)) return i + 3 <= limit ? this.take('str', at, i + 3, quote) : this.take('opaque', at, limit, '');
    }
    return this.take('opaque', at, limit, '');
  }

  private finishString(start: number, end: number, quote: string, plain: boolean): Token {
    // A word touching the closing quote (a C++ suffix, a shell word glued on) changes the value.
    const ok = plain && !isWordAt(this.text, end) && end - start - 2 <= MAX_PIECE;
    return this.take('str', start, end, quote, ok);
  }

  /**
   * A prefix touching the opening quote that changes the value: f"…", $"…", L"…", a word's apostrophe.
   * Not one of r'…', u'…', b'…' (Python) or @"…" (C#): with plain characters, their value is as written.
   */
  private touched(at: number): boolean {
    const { text } = this;
    if (!isWordAt(text, at - 1) && text[at - 1] !== '@') return false;
    return !('rRuUbB@'.includes(text[at - 1]!) && !isWordAt(text, at - 2) && text[at - 2] !== '@');
  }
}

/** A character that stands for itself in every language's string literal (no quote, escape, interpolation). */
function plainChar(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '"' || c === "'" || c === '`' || c === '\\' || c === '$' || c === '\n' || c === '\r') return false;
  return !(c === '#' && text[i + 1] === '{');
}
