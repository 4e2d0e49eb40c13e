// The lexer's tokens as an array the recognizer can look ahead in, that forgets what it has passed
// (a whole minified file is one region for some callers: its tokens are not all kept).
import { Lexer, type Token } from './lexer.js';

export class TokenStream {
  private readonly lexer: Lexer;
  private tokens: Token[] = [];
  /** The absolute index of tokens[0]. */
  private base = 0;
  private done = false;

  constructor(text: string, start: number, limit: number) {
    this.lexer = new Lexer(text, start, limit);
  }

  /** The token at absolute index `i` (the last one, 'end' or 'opaque' at the limit, past the end). */
  get(i: number): Token {
    while (!this.done && i - this.base >= this.tokens.length) {
      const t = this.lexer.next();
      this.tokens.push(t);
      if (t.kind === 'end' || (t.kind === 'opaque' && t.start === t.end)) this.done = true;
    }
    return this.tokens[Math.min(i - this.base, this.tokens.length - 1)]!;
  }

  /** Tokens more than a few before `i` are not asked for again. */
  release(i: number): void {
    const drop = i - 16 - this.base;
    if (drop > 1024 && drop * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(drop);
      this.base += drop;
    }
  }

  /** The index of the first token at or after `i` that is not a newline or comment, and whether a newline came first. */
  skipTrivia(i: number): { index: number; newline: boolean } {
    let newline = false;
    for (;;) {
      const t = this.get(i);
      if (t.kind === 'nl') newline = true;
      else if (t.kind !== 'comment') return { index: i, newline };
      i++;
    }
  }
}
