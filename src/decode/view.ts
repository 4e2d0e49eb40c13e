// A view: a text with a decoder's edits applied, and the map from every offset in the view back to
// the text it was made from (its parent). Views stack (a base64 value inside a JSON string with
// escaped slashes: one view per decoder), and the map of the top one is followed down to the file.
import type { DecoderName, Edit } from './types.js';

/** A stretch of the view and where it came from: copied as is, or an edit's output. */
interface Piece {
  /** [viewStart, viewEnd) in the view; [parentStart, parentEnd) in the parent. */
  viewStart: number;
  viewEnd: number;
  parentStart: number;
  parentEnd: number;
  /** Set for an edit's output; unset for text copied unchanged. */
  edit?: Edit;
}

export class View {
  private constructor(
    readonly text: string,
    readonly parent: View | string,
    readonly decoder: DecoderName,
    private readonly pieces: readonly Piece[],
  ) {}

  /**
   * The view of `parent` with `edits` applied (sorted, not overlapping; edits that break that rule,
   * or reach outside the text, are dropped rather than trusted), or undefined when none remains.
   */
  static of(parent: View | string, decoder: DecoderName, edits: readonly Edit[]): View | undefined {
    const source = typeof parent === 'string' ? parent : parent.text;
    const pieces: Piece[] = [];
    const out: string[] = [];
    let parentAt = 0;
    let viewAt = 0;
    for (const edit of edits) {
      if (edit.start < parentAt || edit.end < edit.start || edit.end > source.length) continue;
      if (edit.origins !== undefined && edit.origins.length !== edit.text.length) continue;
      if (edit.start === edit.end && edit.text.length === 0) continue;
      if (edit.start > parentAt) {
        out.push(source.slice(parentAt, edit.start));
        pieces.push({ viewStart: viewAt, viewEnd: viewAt + edit.start - parentAt, parentStart: parentAt, parentEnd: edit.start });
        viewAt += edit.start - parentAt;
      }
      out.push(edit.text);
      pieces.push({ viewStart: viewAt, viewEnd: viewAt + edit.text.length, parentStart: edit.start, parentEnd: edit.end, edit });
      viewAt += edit.text.length;
      parentAt = edit.end;
    }
    if (pieces.length === 0) return undefined;
    if (parentAt < source.length) {
      out.push(source.slice(parentAt));
      pieces.push({ viewStart: viewAt, viewEnd: viewAt + source.length - parentAt, parentStart: parentAt, parentEnd: source.length });
    }
    return new View(out.join(''), parent, decoder, pieces);
  }

  /** The text the bottom of the stack was made from (the file's text). */
  get original(): string {
    return typeof this.parent === 'string' ? this.parent : this.parent.original;
  }

  /** The decoders of this stack, bottom first. */
  get decoders(): DecoderName[] {
    return [...(typeof this.parent === 'string' ? [] : this.parent.decoders), this.decoder];
  }

  /** The piece holding view offset `at` (the last piece for the text's end). */
  private pieceAt(at: number): Piece {
    const { pieces } = this;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.viewStart <= at) lo = mid;
      else hi = mid - 1;
    }
    return pieces[lo]!;
  }

  /** Where the character at view offset `at` came from, in the parent. */
  private toParent(at: number): number {
    const piece = this.pieceAt(at);
    const { edit } = piece;
    if (edit === undefined) return piece.parentStart + (at - piece.viewStart);
    const i = at - piece.viewStart;
    if (i >= edit.text.length) return piece.parentEnd;
    if (edit.origins !== undefined) return edit.origins[i]!;
    return edit.start + Math.floor((i * (edit.end - edit.start)) / edit.text.length);
  }

  /** The parent offset just after the character before view offset `end` (an exclusive end). */
  private endToParent(end: number): number {
    if (end === 0) return 0;
    const piece = this.pieceAt(end - 1);
    if (piece.edit === undefined || end === piece.viewEnd) return piece.edit === undefined ? piece.parentStart + (end - piece.viewStart) : piece.parentEnd;
    return Math.max(this.toParent(end), this.toParent(end - 1) + 1);
  }

  /** [start, end) of the view as offsets of the original text (the file). */
  toOriginal(start: number, end: number): [number, number] {
    let a = this.toParent(start);
    let b = Math.max(a, this.endToParent(end));
    for (let view = this.parent; typeof view !== 'string'; view = view.parent) {
      const next = view.toParent(a);
      b = Math.max(next, view.endToParent(b));
      a = next;
    }
    return [a, b];
  }

  /** [start, end) of the original text (the file) as offsets of this view. */
  fromOriginal(start: number, end: number): [number, number] {
    const [a, b] = typeof this.parent === 'string' ? [start, end] : this.parent.fromOriginal(start, end);
    return this.fromParent(a, b);
  }

  /** [start, end) of the parent as offsets of this view: the edits that touch it are taken whole. */
  fromParent(start: number, end: number): [number, number] {
    return [this.parentToView(start, false), this.parentToView(end, true)];
  }

  private parentToView(at: number, isEnd: boolean): number {
    const { pieces } = this;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.parentStart <= at) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo]!;
    if (piece.edit === undefined) return piece.viewStart + Math.min(at - piece.parentStart, piece.viewEnd - piece.viewStart);
    if (at === piece.parentStart && !isEnd) return piece.viewStart;
    return at >= piece.parentEnd || isEnd ? piece.viewEnd : piece.viewStart;
  }

  /**
   * The decoders of this stack whose edits touch [start, end) of this view, bottom first: what was
   * undone to read a value found there.
   */
  decodersTouching(start: number, end: number): DecoderName[] {
    const names: DecoderName[] = [];
    let a = start;
    let b = end;
    for (let view: View | string = this; typeof view !== 'string'; view = view.parent) {
      if (view.touches(a, b) && !names.includes(view.decoder)) names.unshift(view.decoder);
      const parentStart = view.toParent(a);
      b = Math.max(parentStart, view.endToParent(b));
      a = parentStart;
    }
    return names;
  }

  /** Whether an edit's output overlaps [start, end), or an insertion ends at its start or lies in it. */
  private touches(start: number, end: number): boolean {
    const { pieces } = this;
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid]!.viewEnd < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < pieces.length && pieces[i]!.viewStart <= end; i++) {
      const piece = pieces[i]!;
      if (piece.edit === undefined) continue;
      // An insertion (a name put before a value) touches what follows it; other edits what they overlap.
      const insertion = piece.parentStart === piece.parentEnd;
      if (insertion ? piece.viewEnd >= start && piece.viewStart <= end : piece.viewEnd > start && piece.viewStart < end) return true;
    }
    return false;
  }

  /**
   * Where the text differs from the file: every edit of the stack, as ranges of this view, sorted and
   * merged. Only values in or near them can be new to the detector.
   */
  changedRanges(): [number, number][] {
    const below = typeof this.parent === 'string' ? [] : this.parent.changedRanges().map(([a, b]) => this.fromParent(a, b));
    const all = [...below, ...this.editedRanges()].sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of all) {
      const last = merged[merged.length - 1];
      if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  }

  /** The view ranges of this view's edits, sorted. */
  editedRanges(): [number, number][] {
    return this.pieces.filter((p) => p.edit !== undefined).map((p) => [p.viewStart, p.viewEnd]);
  }
}

/** A decoder's view of `text` alone, for tests and for decoders that read their own output. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return View.of(text, 'structure', edits)?.text ?? text;
}
