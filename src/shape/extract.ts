// Candidate extraction: where in a text (or in UTF-8/ASCII bytes, before any decoding) a token of each
// shape may be. One skip loop per set of "run characters" (a shape's alphabet, plus `%` and hex digits
// when escapes count): a run of at least `step` such characters contains one of every step-th
// positions, so only those are looked at until one lands on a run character; only then is the run
// around it found and split into tokens. Every alphabet is ASCII, so a multibyte UTF-8 sequence (every
// byte >= 0x80) and the character it decodes to are both outside every run: bytes and their decoded
// text give the same runs, at different offsets.
//
// What a candidate is (what rules rely on, see README "Writing rules"): the text is split into units
// (an alphabet character, or with escapes a URL escape of / or + such as %2F, or %252F with `twice`)
// and other tokens (any other character; a `%` with two hex digits is one token of three characters).
// A run is a maximal sequence of units. Without prefixes, a candidate is a run of min..max units,
// with up to `padding` `=` (%3D, %253D) after it; with prefixes, it is an occurrence of a prefix inside
// a run up to the end of the run, of min..max units from the prefix.
import type { Shape } from './shape.js';

/** Where a token of a shape may be: [start, end) in the text's (or the bytes') offsets. */
export interface Candidate {
  start: number;
  end: number;
}

/** The text being read: characters of a string or bytes, by offset. */
interface Source {
  n: number;
  at: (i: number) => number;
  /** Where `literal` first occurs in [from, y), or -1 (a native search of that part only). */
  indexIn: (literal: string, from: number, y: number) => number;
}

interface Member {
  /** Index into ShapeFinder.shapes. */
  index: number;
  shape: Shape;
}

/** The shapes that split text into the same units. */
interface UnitClass {
  alphabet: Uint8Array;
  escapes: 0 | 1 | 2;
  plain: Member[];
  prefixed: Member[];
  /** Every run character but `%` is in the alphabet: a segment without `%` is one run. */
  whole: boolean;
}

/** The shapes whose runs are made of the same characters: one skip loop finds them all. */
interface Group {
  /** run[c] = 1 where character c can be part of a run (its alphabet, `%` and hex digits with escapes). */
  run: Uint8Array;
  /** The fewest characters any of its shapes' tokens has. */
  step: number;
  classes: UnitClass[];
}

const PERCENT = 37;
const EQUALS = 61;

/** hex[c] = 1 for 0-9, A-F, a-f. */
const HEX = new Uint8Array(128);
for (const c of '0123456789ABCDEFabcdef') HEX[c.charCodeAt(0)] = 1;

/** Finds the candidates of a set of shapes; made once per rule set (see shapeFinderFor). */
export class ShapeFinder {
  /** Statistics for tests and benches: segments looked at (a run of run characters around a sample). */
  segments = 0;
  private readonly groups: Group[] = [];

  constructor(readonly shapes: readonly Shape[]) {
    const byRun = new Map<string, Group>();
    shapes.forEach((shape, index) => {
      const run = new Uint8Array(65536);
      for (let c = 0; c < 128; c++) if (shape.alphabet[c] === 1 || (shape.escapes > 0 && (c === PERCENT || HEX[c] === 1))) run[c] = 1;
      const runKey = [...run.subarray(0, 128)].join('');
      let group = byRun.get(runKey);
      if (group === undefined) byRun.set(runKey, (group = { run, step: shape.min, classes: [] }));
      group.step = Math.min(group.step, shape.min);
      const classKey = (c: UnitClass): boolean => c.escapes === shape.escapes && c.alphabet.every((v, i) => v === shape.alphabet[i]);
      let cls = group.classes.find(classKey);
      if (cls === undefined) group.classes.push((cls = { alphabet: shape.alphabet, escapes: shape.escapes, plain: [], prefixed: [], whole: false }));
      (shape.prefixes.length > 0 ? cls.prefixed : cls.plain).push({ index, shape });
    });
    this.groups = [...byRun.values()];
    for (const group of this.groups) {
      for (const cls of group.classes) cls.whole = [...group.run.subarray(0, 128)].every((v, c) => v === 0 || c === PERCENT || cls.alphabet[c] === 1);
    }
  }

  /** Every candidate of every shape in `text`, per shape (sorted by start). */
  inString(text: string): Candidate[][] {
    const out = this.shapes.map((): Candidate[] => []);
    const src: Source = {
      n: text.length,
      at: (i) => text.charCodeAt(i),
      indexIn: (lit, from, y) => {
        const at = text.slice(from, y).indexOf(lit);
        return at === -1 ? -1 : from + at;
      },
    };
    for (const group of this.groups) {
      const { run, step } = group;
      const n = text.length;
      // The skip loop: positions before q are done; a run of >= step characters from q on covers q + step - 1.
      for (let q = 0; ; ) {
        const x = q + step - 1;
        if (x >= n) break;
        if (run[text.charCodeAt(x)] !== 1) {
          q = x + 1;
          continue;
        }
        // Whether the segment holds a `%`: without one, it is a single run for most classes.
        let pct = text.charCodeAt(x) === PERCENT;
        let s = x;
        // Bounds first: a read past either end of the text would leave V8's fast path.
        while (s > q) {
          const c = text.charCodeAt(s - 1);
          if (run[c] !== 1) break;
          if (c === PERCENT) pct = true;
          s--;
        }
        let y = x + 1;
        while (y < n) {
          const c = text.charCodeAt(y);
          if (run[c] !== 1) break;
          if (c === PERCENT) pct = true;
          y++;
        }
        if (y - s >= step) this.segment(src, group, s, y, pct, out);
        q = y + 1;
      }
    }
    return out.map(sortByStart);
  }

  /**
   * The candidates of every shape in or reaching into `ranges` (sorted, disjoint) of `text`, per
   * shape: each range is widened to the ends of the runs it cuts, so each candidate is one that
   * inString(text) gives, and every one of those that meets a range is there. Text between ranges
   * is not read (a decoded view is read only near its changes), and no character is read twice.
   */
  inRanges(text: string, ranges: readonly [number, number][]): Candidate[][] {
    const out = this.shapes.map((): Candidate[] => []);
    const n = text.length;
    let done = 0;
    for (let i = 0; i < ranges.length; ) {
      let a = Math.max(ranges[i]![0], done);
      let b = Math.min(n, Math.max(a, ranges[i]![1]));
      i++;
      while (a > done && this.inAnyRun(text.charCodeAt(a - 1))) a--;
      for (;;) {
        // `=` too: a token's padding, which belongs to the candidate it ends.
        while (b < n && (this.inAnyRun(text.charCodeAt(b)) || text.charCodeAt(b) === EQUALS)) b++;
        if (i >= ranges.length || ranges[i]![0] > b) break;
        b = Math.min(n, Math.max(b, ranges[i]![1]));
        i++;
      }
      this.inString(text.slice(a, b)).forEach((list, k) => {
        for (const c of list) out[k]!.push({ start: c.start + a, end: c.end + a });
      });
      done = b;
    }
    return out;
  }

  /** Whether character code `c` can be part of a run of any shape (a cut there would split a run). */
  private inAnyRun(c: number): boolean {
    for (const group of this.groups) if (group.run[c] === 1) return true;
    return false;
  }

  /** Every candidate of every shape in UTF-8 or ASCII `bytes`, per shape, in byte offsets. */
  inBytes(bytes: Uint8Array, stopAtFirst = false): Candidate[][] {
    const out = this.shapes.map((): Candidate[] => []);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const src: Source = {
      n: bytes.length,
      at: (i) => bytes[i]!,
      indexIn: (lit, from, y) => {
        const at = buf.subarray(from, y).indexOf(lit, 0, 'latin1');
        return at === -1 ? -1 : from + at;
      },
    };
    // An indexed loop, not for-of: leaving a for-of early (stopAtFirst) closes its iterator, a path V8's
    // optimized code had no feedback for, and threw that code away each time (25 times a scan of the
    // npm tree, each a ~17 ms compile again).
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g]!;
      const { run, step } = group;
      const n = bytes.length;
      for (let q = 0; ; ) {
        const x = q + step - 1;
        if (x >= n) break;
        if (run[bytes[x]!] !== 1) {
          q = x + 1;
          continue;
        }
        let pct = bytes[x] === PERCENT;
        let s = x;
        while (s > q) {
          const c = bytes[s - 1]!;
          if (run[c] !== 1) break;
          if (c === PERCENT) pct = true;
          s--;
        }
        let y = x + 1;
        while (y < n) {
          const c = bytes[y]!;
          if (run[c] !== 1) break;
          if (c === PERCENT) pct = true;
          y++;
        }
        if (y - s >= step && this.segment(src, group, s, y, pct, out) && stopAtFirst) return out;
        q = y + 1;
      }
    }
    return out.map(sortByStart);
  }

  /** Whether UTF-8 or ASCII `bytes` hold any candidate of any shape (stops at the first). */
  anyInBytes(bytes: Uint8Array): boolean {
    return this.inBytes(bytes, true).some((list) => list.length > 0);
  }

  /** The candidates in the segment [s, y) of run characters; whether there was one. */
  private segment(src: Source, group: Group, s: number, y: number, pct: boolean, out: Candidate[][]): boolean {
    this.segments++;
    let found = false;
    for (const cls of group.classes) {
      if (cls.plain.length > 0) {
        const onRun = (start: number, end: number, units: number): void => {
          for (const { index, shape } of cls.plain) {
            if (units < shape.min || units > shape.max) continue;
            out[index]!.push({ start, end: padded(src, end, shape) });
            found = true;
          }
        };
        if (!pct && cls.whole) onRun(s, y, y - s);
        else forEachRun(src, cls, s, y, onRun);
      }
      for (const { index, shape } of cls.prefixed) {
        for (const prefix of shape.prefixes) {
          for (let p = src.indexIn(prefix, s, y); p !== -1; p = src.indexIn(prefix, p + 1, y)) {
            const { end, units } = unitsFrom(src, cls, p, y, shape.max);
            if (units < shape.min || units > shape.max) continue;
            out[index]!.push({ start: p, end: padded(src, end, shape) });
            found = true;
          }
        }
      }
    }
    return found;
  }
}

/**
 * The length of the unit at `i` (1 for an alphabet character, 3 or 5 for a URL escape that counts),
 * or minus the length of the other token there (-3 for another %XX escape, -1 for any other character).
 * `y` bounds the segment: an escape never runs past it (its characters are all run characters).
 */
function tokenAt(src: Source, cls: UnitClass, i: number, y: number): number {
  const c = src.at(i);
  if (c === PERCENT && cls.escapes > 0 && i + 2 < y && HEX[src.at(i + 1)] === 1 && HEX[src.at(i + 2)] === 1) {
    const a = src.at(i + 1);
    const b = src.at(i + 2) | 0x20;
    if (a === 0x32 && (b === 0x66 || b === 0x62)) return 3; // %2F %2B
    if (cls.escapes === 2 && a === 0x32 && src.at(i + 2) === 0x35 && i + 4 < y && src.at(i + 3) === 0x32) {
      const d = src.at(i + 4) | 0x20;
      if (d === 0x66 || d === 0x62) return 5; // %252F %252B
    }
    return -3;
  }
  return c < 128 && cls.alphabet[c] === 1 ? 1 : -1;
}

/** Calls `onRun` for every run of units in [s, y): its offsets and its length in units. */
function forEachRun(src: Source, cls: UnitClass, s: number, y: number, onRun: (start: number, end: number, units: number) => void): void {
  let start = -1;
  let units = 0;
  for (let i = s; i < y; ) {
    const len = tokenAt(src, cls, i, y);
    if (len > 0) {
      if (start === -1) {
        start = i;
        units = 0;
      }
      units++;
      i += len;
    } else {
      if (start !== -1) onRun(start, i, units);
      start = -1;
      i -= len;
    }
  }
  if (start !== -1) onRun(start, y, units);
}

/** The units from `p` on, to the end of the run or one past `max`: where they end, and how many. */
function unitsFrom(src: Source, cls: UnitClass, p: number, y: number, max: number): { end: number; units: number } {
  let units = 0;
  let i = p;
  while (i < y && units <= max) {
    const len = tokenAt(src, cls, i, y);
    if (len < 0) break;
    units++;
    i += len;
  }
  return { end: i, units };
}

/** `end` moved past up to shape.padding `=` (or %3D, and %253D with `twice`) right after it. */
function padded(src: Source, end: number, shape: Shape): number {
  for (let k = 0; k < shape.padding && end < src.n; k++) {
    if (src.at(end) === EQUALS) {
      end++;
      continue;
    }
    if (shape.escapes === 0 || src.at(end) !== PERCENT) break;
    if (isEscapeOf(src, end, '3d')) end += 3;
    else if (shape.escapes === 2 && isEscapeOf(src, end, '253d')) end += 5;
    else break;
  }
  return end;
}

/** Whether `%` at `i` is followed by `hex` (lower case given; any case in the text). */
function isEscapeOf(src: Source, i: number, hex: string): boolean {
  if (i + hex.length >= src.n) return false;
  for (let k = 0; k < hex.length; k++) if ((src.at(i + 1 + k) | 0x20) !== hex.charCodeAt(k)) return false;
  return true;
}

function sortByStart(list: Candidate[]): Candidate[] {
  // Runs come in order; prefixed candidates come prefix by prefix.
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return list.sort((a, b) => a.start - b.start);
  return list;
}
