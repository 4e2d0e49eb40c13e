// The decoding stage's vocabulary (issue 14): a decoder reads a text and proposes edits that undo
// what was done to a key on its way into a file (an encoding, a split, a name written away from its
// value). The edits make a view of the text (view.ts) that the detector reads as it reads any text;
// every offset in the view maps back to the file, so a finding points at the file's line and column.

/**
 * Replace [start, end) of the decoder's input with `text`. start === end inserts (a name put before
 * the value it belongs to).
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * For each character of `text`, the offset in the input it came from (absolute, in [start, end]).
   * Absent: spread evenly over [start, end), which is exact enough for one-line escapes; a decoder
   * whose output crosses lines of its input (base64 wrapped at 76) gives them, so that a key inside
   * points at the line holding its first encoded character.
   */
  origins?: Uint32Array;
}

/** The names a finding's `decoded` list uses: what was undone, in the order it was undone. */
export type DecoderName =
  | 'base64'
  | 'json-escape'
  | 'html-entity'
  | 'quoted-printable'
  | 'url'
  | 'continuation'
  | 'concatenation'
  | 'structure';

export interface Decoder {
  readonly name: DecoderName;
  /**
   * Characters on each side of a region the decoder is given (default 1 KiB, stage.ts LOOK_AROUND):
   * what it needs to read beyond the region to decide (quoted-printable looks back for its header).
   */
  readonly lookAround?: number;
  /**
   * What a region must hold for the decoder to have anything to do there (a `\/`, a `%2F`, a quote
   * then `+`): tested first on the region, a cheap search, so the decoder runs only where it may edit.
   * A marker test may say yes where there is nothing to do, never no where there is.
   */
  readonly marker?: RegExp | ((text: string) => boolean);
  /**
   * The edits for the constructs that START in [from, to) of `text`, in increasing order, not
   * overlapping. A construct may run past `to` (a base64 block wrapped over lines), but the work is
   * bounded: linear in (to - from) plus a bounded look beyond it. Never throws on any input: what
   * does not decode cleanly is left alone (no edit), never guessed.
   */
  edits(text: string, from: number, to: number): Edit[];
}

/** Characters past a region's end its marker is looked for in (a `+` on the line after the region's last piece). */
export const MARKER_SLACK = 256;
