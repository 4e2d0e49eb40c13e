// Offsets to 1-based lines and columns within one text, computed once per fragment.
// Every method costs O(log lines) plus the length of what it returns, and what it returns is bounded
// where a line can be enormous (minified JS, a one-line JSON dump): scanning stays linear in the text.
import type { Location } from '../types.js';

/**
 * How much of a line before a hit `prefixOf` returns. The allowlist prefix regexes (rules/aws.yml,
 * `allowlist.prefixes`) are anchored with `$` and look only at the name and `=`/`:` just before the
 * secret, so the end of the prefix decides; slicing whole lines made one hit cost the line's length.
 */
export const PREFIX_CHARS = 512;

/**
 * Characters of context kept on each side of a secret for the text report (a finding's lineText).
 * Redaction relies on it: only secrets within this many characters of a finding can be in its lineText.
 */
export const CONTEXT_CHARS = 120;

export class LineIndex {
  /**
   * Offset at which each line starts; line n (1-based) starts at starts[n - 1]. Made as far as it is
   * asked for: a file whose only hits are near its start does not have its every line indexed.
   */
  private readonly starts: number[] = [0];
  /** Newlines before this offset are all in `starts`. */
  private indexed = 0;

  constructor(private readonly text: string) {}

  /** Indexes lines until one starts after `offset`, or the text ends. */
  private through(offset: number): void {
    const { text, starts } = this;
    while (this.indexed < text.length && starts[starts.length - 1]! <= offset) {
      const nl = text.indexOf('\n', this.indexed);
      if (nl === -1) this.indexed = text.length;
      else {
        starts.push(nl + 1);
        this.indexed = nl + 1;
      }
    }
  }

  /** Indexes lines until there are `count` of them (lines after the last, clamped), or the text ends. */
  private lines(count: number): void {
    while (this.indexed < this.text.length && this.starts.length < count) this.through(this.starts[this.starts.length - 1]!);
  }

  /** The number of lines (a text without a newline has one). */
  get count(): number {
    this.through(Infinity);
    return this.starts.length;
  }

  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number {
    this.through(offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The offset of a 1-based line and column: the inverse of `span`. */
  offsetOf(line: number, column: number): number {
    this.lines(line);
    return this.starts[line - 1]! + column - 1;
  }

  /** Start and end positions of [start, end); endColumn is exclusive, as SARIF has it. */
  span(start: number, end: number): Omit<Location, 'path'> {
    this.through(end);
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    return { line, column: start - this.starts[line - 1]! + 1, endLine, endColumn: end - this.starts[endLine - 1]! + 1 };
  }

  /** The text of the line holding `offset`, up to `offset`: at most PREFIX_CHARS of it. */
  prefixOf(offset: number): string {
    return this.text.slice(Math.max(this.starts[this.lineOf(offset) - 1]!, offset - PREFIX_CHARS), offset);
  }

  /** Offsets [start, end) of lines [from, to], clamped to the file. */
  rangeOfLines(from: number, to: number): [number, number] {
    // One line more than `to`: where line `to` ends; all of them when the text has fewer.
    this.lines(to + 1);
    const first = Math.max(1, from);
    const last = Math.min(this.starts.length, to);
    const end = last < this.starts.length ? this.starts[last]! : this.text.length;
    return [this.starts[first - 1]!, end];
  }

  /** The text of lines [from, to], clamped to the file. */
  textOfLines(from: number, to: number): string {
    return this.text.slice(...this.rangeOfLines(from, to));
  }

  /** The text of lines [from, to], cut to `chars` before `start` and after `end`. */
  textNear(start: number, end: number, from: number, to: number, chars: number): string {
    const [a, b] = this.rangeOfLines(from, to);
    return this.text.slice(Math.max(a, start - chars), Math.min(b, end + chars));
  }

  /** The line around [start, end), cut to `chars` on each side (an ellipsis marks a cut). */
  context(start: number, end: number, chars: number): string {
    return this.contextWindow(start, end, chars).text;
  }

  /**
   * The context of [start, end) and where it lies: the text shows [from, to) of the whole text, after
   * `lead` characters (an ellipsis when the line was cut before `from`).
   */
  contextWindow(start: number, end: number, chars: number): { text: string; from: number; to: number; lead: number } {
    this.through(start);
    const line = this.lineOf(start);
    const lineStart = this.starts[line - 1]!;
    let lineEnd = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    if (lineEnd > lineStart && this.text[lineEnd - 1] === '\r') lineEnd--;
    const from = Math.max(lineStart, start - chars);
    const to = Math.min(Math.max(lineEnd, end), end + chars);
    const lead = from > lineStart ? 1 : 0;
    return { text: (lead ? '…' : '') + this.text.slice(from, to) + (to < lineEnd ? '…' : ''), from, to, lead };
  }
}
