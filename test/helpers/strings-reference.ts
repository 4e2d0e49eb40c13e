// The strings extractor as it was first written (one linear pass over every byte, no skipping),
// kept as the oracle that src/sources/strings.ts (a skip loop) must agree with, run for run.
// Changed only to take the cut length (MAX_RUN_CHARS) as a parameter, so tests can cut runs often.
import type { StringRun } from '../../src/sources/strings.js';

/** Printable ASCII and tab: 1 in this table. Newline and carriage return end a run (runs become lines). */
const PRINTABLE = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) PRINTABLE[b] = 1;
PRINTABLE[0x09] = 1;

/**
 * A longer run is cut into runs of this many characters, so memory stays bounded by it whatever the
 * file (a rule's match is at most a session token's 16,384 characters; a key cut at a cut is the limit).
 */
const MAX_RUN_CHARS = 1024 * 1024;

/** Below the call-stack limit of String.fromCharCode(...codes). */
const FLUSH_CHARS = 4096;

/**
 * A UTF-16LE run being gathered, character by character (they are rare in most binaries: a printable
 * byte then a NUL). Codes become a string every FLUSH_CHARS, so one enormous run builds no huge array.
 */
class WideRun {
  maxRun = MAX_RUN_CHARS;
  start = -1;
  private length = 0;
  private parts: string[] = [];
  private codes: number[] = [];

  constructor(private readonly min: number) {}

  add(code: number, at: number, out: StringRun[]): void {
    if (this.length >= this.maxRun) this.end(out);
    if (this.start === -1) this.start = at;
    this.codes.push(code);
    this.length++;
    if (this.codes.length >= FLUSH_CHARS) this.flush();
  }

  /** Ends the run: it is handed to `out` when long enough. */
  end(out: StringRun[]): void {
    if (this.start === -1) return;
    if (this.length >= this.min) {
      this.flush();
      out.push({ offset: this.start, width: 2, text: this.parts.join('') });
    }
    this.start = -1;
    this.length = 0;
    // Emptied in place: most runs end after a character or two (a C string's last byte and its NUL).
    if (this.parts.length > 0) this.parts = [];
    this.codes.length = 0;
  }

  private flush(): void {
    if (this.codes.length === 0) return;
    this.parts.push(String.fromCharCode(...this.codes));
    this.codes.length = 0;
  }
}

/** Finds runs in bytes given in order (push), ending with end(); runs come out sorted by offset. */
export class ReferenceStrings {
  /** The ASCII run open: its offset in the file (-1: none), and its text in earlier chunks. */
  private asciiStart = -1;
  private asciiCarried = '';
  /** UTF-16LE runs at even and at odd offsets. */
  private readonly wide: [WideRun, WideRun];
  /** Offset in the file of the next byte pushed. */
  private at = 0;
  /** The byte before the next one pushed (a UTF-16 character may straddle two chunks); a NUL at the start. */
  private prev = 0;
  private pending: StringRun[] = [];

  constructor(private readonly min: number, private readonly maxRun = MAX_RUN_CHARS) {
    this.wide = [new WideRun(min), new WideRun(min)];
    for (const w of this.wide) w.maxRun = maxRun;
  }

  /**
   * Feeds the next bytes; returns the runs that can no longer change order with a later one (those
   * starting before every run still open), sorted by offset.
   */
  push(bytes: Uint8Array): StringRun[] {
    const out = this.pending;
    const base = this.at;
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The hot loop (every byte of every binary): state in locals, a call only where a run ends.
    const [even, odd] = this.wide;
    let prev = this.prev;
    let asciiStart = this.asciiStart;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (PRINTABLE[b] === 1) {
        if (asciiStart === -1) asciiStart = base + i;
        else if (base + i - asciiStart >= this.maxRun) {
          this.asciiStart = asciiStart;
          this.endAscii(chunk, base, i, out);
          asciiStart = base + i;
        }
      } else if (asciiStart !== -1) {
        this.asciiStart = asciiStart;
        this.endAscii(chunk, base, i, out);
        asciiStart = -1;
      }
      // A UTF-16LE character ends here if the byte before is printable and this one a NUL.
      const wide = ((base + i - 1) & 1) === 0 ? even : odd;
      if (b === 0 && PRINTABLE[prev] === 1) wide.add(prev, base + i - 1, out);
      else if (wide.start !== -1) wide.end(out);
      prev = b;
    }
    this.prev = prev;
    this.asciiStart = asciiStart;
    // An ASCII run still open keeps its text so far: the chunk is not kept.
    if (asciiStart !== -1) this.asciiCarried += chunk.toString('latin1', Math.max(0, asciiStart - base), chunk.length);
    this.at += chunk.length;
    return this.ready();
  }

  /** The runs still open, ended: the last of the input. */
  end(): StringRun[] {
    if (this.asciiStart !== -1) this.endAscii(Buffer.alloc(0), this.at, 0, this.pending);
    for (const run of this.wide) run.end(this.pending);
    const out = this.pending.sort(byOffset);
    this.pending = [];
    return out;
  }

  /** Ends the ASCII run open at chunk index `stop`. */
  private endAscii(chunk: Buffer, base: number, stop: number, out: StringRun[]): void {
    const from = Math.max(0, this.asciiStart - base);
    const length = this.asciiCarried.length + stop - from;
    if (length >= this.min) out.push({ offset: this.asciiStart, width: 1, text: this.asciiCarried + chunk.toString('latin1', from, stop) });
    this.asciiStart = -1;
    this.asciiCarried = '';
  }

  private ready(): StringRun[] {
    const open = Math.min(this.asciiStart === -1 ? Infinity : this.asciiStart, ...this.wide.map((r) => (r.start === -1 ? Infinity : r.start)));
    this.pending.sort(byOffset);
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.offset < open) n++;
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return out;
  }
}

const byOffset = (a: StringRun, b: StringRun): number => a.offset - b.offset;

/** Every run of a whole file, fed in chunks of `size` bytes (default: whole); `maxRun` as in StringsExtractor. */
export function referenceStrings(bytes: Uint8Array, min: number, size = bytes.length || 1, maxRun = MAX_RUN_CHARS): StringRun[] {
  const x = new ReferenceStrings(min, maxRun);
  const out: StringRun[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...x.push(bytes.subarray(i, i + size)));
  out.push(...x.end());
  return out;
}
