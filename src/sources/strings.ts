// The printable strings of a binary file, as `strings` finds them: runs of printable ASCII, and runs
// of printable ASCII stored as UTF-16LE (a character then a NUL, at either alignment: Windows and .NET
// binaries, Java class constants in some tools, registry exports). Each run becomes one line of text,
// in file order, so a name and its value stored together in a binary are still next to each other
// for the detector, and each line knows the byte offset it came from.
//
// Fast because most bytes are never looked at: a run is kept only when it has at least `min`
// characters, so a kept run always covers one of the bytes at every `min`-th position. The scan looks
// at those bytes only (a skip loop) and, where one is printable, extends around it to the run's real
// ends. On random data (a compressed file, an image) that reads about a quarter of the bytes; on
// class files and executables, a third to a half. Three such passes (ASCII, UTF-16LE at even and at
// odd offsets), each linear, no allocation but the strings kept. The extractor can be fed chunk by
// chunk (a streamed binary): a run open at a chunk's end is carried into the next one.

/**
 * Shortest run kept. The smallest thing a rule matches is a 20-character key ID, but a key's name on
 * the line above it (`[default]`, `aws_access_key_id`) is evidence too, so runs far shorter than 20 are
 * kept; below 8, random bytes start to dominate: a byte of random data is printable with probability
 * ~0.37, so a run of 8 starts at ~1 byte in 3,000 (at 4, as `strings` has it: ~1 in 50), and the text
 * handed to the detector from an image or a compressed file stays ~1% of its size.
 */
export const MIN_STRING_CHARS = 8;

/** One printable run: where it starts in the file, how wide a character is there, its text. */
export interface StringRun {
  offset: number;
  width: 1 | 2;
  text: string;
}

/** Printable ASCII and tab: 1 in this table. Newline and carriage return end a run (runs become lines). */
const PRINTABLE = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) PRINTABLE[b] = 1;
PRINTABLE[0x09] = 1;

/**
 * A longer run is cut into runs of this many characters, so memory stays bounded by it whatever the
 * file (a rule's match is at most a session token's 16,384 characters; a key cut at a cut is the limit).
 */
const MAX_RUN_CHARS = 1024 * 1024;

/**
 * Buffer's own decoders, called directly: Buffer.prototype.toString checks its arguments and looks the
 * encoding up on each call, a third of the cost of the ~10 ASCII bytes of a typical run (they exist on
 * every Buffer, undocumented; the fallback keeps this correct if they ever go).
 */
type Decoders = Buffer & { latin1Slice?: (start: number, end: number) => string; ucs2Slice?: (start: number, end: number) => string };
const direct = (Buffer.prototype as Decoders).latin1Slice !== undefined && (Buffer.prototype as Decoders).ucs2Slice !== undefined;
const latin1 = direct ? (b: Buffer, start: number, end: number): string => (b as Decoders).latin1Slice!(start, end) : (b: Buffer, start: number, end: number): string => b.toString('latin1', start, end);
const utf16 = direct ? (b: Buffer, start: number, end: number): string => (b as Decoders).ucs2Slice!(start, end) : (b: Buffer, start: number, end: number): string => b.toString('utf16le', start, end);

/**
 * A run still open at the end of a chunk: where it starts in the file, its characters so far (text
 * carried from earlier chunks; the chunk itself is not kept).
 */
interface OpenRun {
  start: number;
  text: string;
}

/** Finds runs in bytes given in order (push), ending with end(); runs come out sorted by offset. */
export class StringsExtractor {
  private ascii: OpenRun | undefined;
  /** UTF-16LE runs open, by the parity of their offset. */
  private readonly wide: [OpenRun | undefined, OpenRun | undefined] = [undefined, undefined];
  /** Offset in the file of the next byte pushed. */
  private at = 0;
  /** The byte before the next one pushed (a UTF-16 character may straddle two chunks); a NUL at the start. */
  private prev = 0;
  private pending: StringRun[] = [];
  /** The run an extend*() left open at the chunk's end. */
  private carried: OpenRun | undefined;

  /** `maxRun`: MAX_RUN_CHARS, smaller only in tests (to cut runs often). */
  constructor(
    private readonly min = MIN_STRING_CHARS,
    private readonly maxRun = MAX_RUN_CHARS,
  ) {
    if (!Number.isInteger(min) || min < 1 || !Number.isInteger(maxRun) || maxRun < min) throw new RangeError(`strings: minimum length ${min}, maximum ${maxRun}`);
  }

  /**
   * Feeds the next bytes; returns the runs that can no longer change order with a later one (those
   * starting before every run still open), sorted by offset.
   */
  push(bytes: Uint8Array): StringRun[] {
    if (bytes.length > 0) {
      const chunk = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.ascii = this.asciiRuns(chunk, this.ascii);
      this.wide[0] = this.wideRuns(chunk, 0, this.wide[0]);
      this.wide[1] = this.wideRuns(chunk, 1, this.wide[1]);
      this.prev = chunk[chunk.length - 1]!;
      this.at += chunk.length;
      // Each pass gives its runs in order: merged here (sorting a few sorted stretches is linear).
      if (this.pending.length > 1) this.pending.sort(byOffset);
    }
    return this.ready();
  }

  /** The runs still open, ended: the last of the input. */
  end(): StringRun[] {
    const open: [OpenRun | undefined, 1 | 2][] = [[this.ascii, 1], [this.wide[0], 2], [this.wide[1], 2]];
    for (const [run, width] of open) if (run !== undefined && run.text.length >= this.min) this.pending.push({ offset: run.start, width, text: run.text });
    this.ascii = this.wide[0] = this.wide[1] = undefined;
    const out = this.pending.sort(byOffset);
    this.pending = [];
    return out;
  }

  /**
   * The runs of printable bytes in `chunk`, `open` the run carried from the chunk before (it reached
   * that chunk's end). Returns the run open at this chunk's end.
   */
  private asciiRuns(chunk: Buffer, open: OpenRun | undefined): OpenRun | undefined {
    const n = chunk.length;
    const min = this.min;
    // Invariant: the byte before `lo` is not printable.
    let lo = 0;
    if (open !== undefined) {
      const e = this.extendAscii(chunk, open.start, 0, 0, open.text);
      if (e === n) return this.carried;
      lo = e + 1;
    }
    for (let probe = lo + min - 1; probe < n; probe = lo + min - 1) {
      if (PRINTABLE[chunk[probe]!] === 0) {
        // No run of `min` fits in lo..probe: skip past it.
        lo = probe + 1;
        continue;
      }
      let s = probe;
      while (s > lo && PRINTABLE[chunk[s - 1]!] === 1) s--;
      // Most hits are in short runs (random bytes, a class file's short names): told here, without a call.
      let e = probe + 1;
      const enough = s + min < n ? s + min : n;
      while (e < enough && PRINTABLE[chunk[e]!] === 1) e++;
      if (e < enough) {
        lo = e + 1;
        continue;
      }
      e = this.extendAscii(chunk, this.at + s, s, e, '');
      if (e === n) return this.carried;
      lo = e + 1;
    }
    // After the last probe: a run reaching the end may go on in the next chunk.
    let s = n;
    while (s > lo && PRINTABLE[chunk[s - 1]!] === 1) s--;
    return s < n ? { start: this.at + s, text: latin1(chunk, s, n) } : undefined;
  }

  /**
   * The run starting at `start` in the file, whose bytes in this chunk start at index `first` (its
   * text in earlier chunks: `before`), known printable up to index `from`: extended to its end, cut
   * every MAX_RUN_CHARS characters, the pieces long enough pushed. Returns the index of the byte
   * that ends it, or the chunk's length (the run is then in `carried`).
   */
  private extendAscii(chunk: Buffer, start: number, first: number, from: number, before: string): number {
    const n = chunk.length;
    let i = from;
    for (;;) {
      const full = first + this.maxRun - before.length;
      const stop = full < n ? full : n;
      while (i < stop && PRINTABLE[chunk[i]!] === 1) i++;
      if (i === n) {
        this.carried = { start, text: before + latin1(chunk, first, n) };
        return n;
      }
      if (i === full && PRINTABLE[chunk[i]!] === 1) {
        this.pending.push({ offset: start, width: 1, text: before + latin1(chunk, first, i) });
        [start, first, before] = [this.at + i, i, ''];
        continue;
      }
      if (before.length + i - first >= this.min) this.pending.push({ offset: start, width: 1, text: before + latin1(chunk, first, i) });
      return i;
    }
  }

  /**
   * The runs of UTF-16LE characters (a printable byte at chunk index j, a NUL at j + 1) whose j has
   * the given parity in the file, `open` the run carried from the chunk before. The character that
   * straddles the chunks (j = -1: the previous chunk's last byte, this one's first) is told first.
   */
  private wideRuns(chunk: Buffer, parity: 0 | 1, open: OpenRun | undefined): OpenRun | undefined {
    // The last j whose character can be told in this chunk (its NUL is in it).
    const last = chunk.length - 2;
    const reach = 2 * (this.min - 1);
    // Invariant: no character at lo - 2, or it is the open run's last.
    let lo = 0;
    if (((this.at - 1) & 1) === parity) {
      const char = PRINTABLE[this.prev] === 1 && chunk[0] === 0;
      if (char && open !== undefined && open.text.length < this.maxRun) {
        open.text += String.fromCharCode(this.prev);
      } else {
        if (open !== undefined && open.text.length >= this.min) this.pending.push({ offset: open.start, width: 2, text: open.text });
        open = char ? { start: this.at - 1, text: String.fromCharCode(this.prev) } : undefined;
      }
      lo = 1;
    }
    if (open !== undefined) {
      const e = this.extendWide(chunk, open.start, lo, lo, open.text);
      if (e > last) return this.carried;
      lo = e + 2;
    }
    for (let probe = lo + reach; probe <= last; probe = lo + reach) {
      if (PRINTABLE[chunk[probe]!] === 0 || chunk[probe + 1] !== 0) {
        lo = probe + 2;
        continue;
      }
      let s = probe;
      while (s > lo && PRINTABLE[chunk[s - 2]!] === 1 && chunk[s - 1] === 0) s -= 2;
      let e = probe + 2;
      const enough = s + 2 * this.min <= last ? s + 2 * this.min : last + 1;
      while (e < enough && PRINTABLE[chunk[e]!] === 1 && chunk[e + 1] === 0) e += 2;
      if (e < enough) {
        lo = e + 2;
        continue;
      }
      e = this.extendWide(chunk, this.at + s, s, e, '');
      if (e > last) return this.carried;
      lo = e + 2;
    }
    // After the last probe: a run reaching `last` may go on in the next chunk.
    let end = lo;
    while (end <= last) end += 2;
    let s = end;
    while (s > lo && PRINTABLE[chunk[s - 2]!] === 1 && chunk[s - 1] === 0) s -= 2;
    return s < end ? { start: this.at + s, text: utf16(chunk, s, end) } : undefined;
  }

  /**
   * The UTF-16LE run starting at `start` in the file, whose characters in this chunk start at index
   * `first` (those of earlier chunks: `before`), known to be characters up to index `from`: extended
   * to its end, cut every MAX_RUN_CHARS characters, the pieces long enough pushed. Returns the index
   * of the first j that is not a character, or past the chunk's last (the run is then in `carried`).
   */
  private extendWide(chunk: Buffer, start: number, first: number, from: number, before: string): number {
    const last = chunk.length - 2;
    let i = from;
    for (;;) {
      const full = first + 2 * (this.maxRun - before.length);
      const stop = full <= last ? full : last + 1;
      while (i < stop && PRINTABLE[chunk[i]!] === 1 && chunk[i + 1] === 0) i += 2;
      if (i > last) {
        this.carried = { start, text: before + utf16(chunk, first, i) };
        return i;
      }
      if (i === full && PRINTABLE[chunk[i]!] === 1 && chunk[i + 1] === 0) {
        this.pending.push({ offset: start, width: 2, text: before + utf16(chunk, first, i) });
        [start, first, before] = [this.at + i, i, ''];
        continue;
      }
      if (before.length + (i - first) / 2 >= this.min) this.pending.push({ offset: start, width: 2, text: before + utf16(chunk, first, i) });
      return i;
    }
  }

  private ready(): StringRun[] {
    let open = Infinity;
    for (const run of [this.ascii, this.wide[0], this.wide[1]]) if (run !== undefined && run.start < open) open = run.start;
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.offset < open) n++;
    if (n === 0) return [];
    const out = n === this.pending.length ? this.pending : this.pending.slice(0, n);
    this.pending = n === this.pending.length ? [] : this.pending.slice(n);
    return out;
  }
}

const byOffset = (a: StringRun, b: StringRun): number => a.offset - b.offset;

/** Every run of a whole file, in file order. */
export function extractStrings(bytes: Uint8Array, min = MIN_STRING_CHARS): StringRun[] {
  const x = new StringsExtractor(min);
  const out = x.push(bytes);
  out.push(...x.end());
  return out;
}

/** A binary's strings as the detector sees them: one a line, in file order. */
export function stringsText(bytes: Uint8Array): string {
  return extractStrings(bytes).map((r) => r.text).join('\n');
}
