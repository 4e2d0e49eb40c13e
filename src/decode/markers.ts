// Markers for the decoders that need more than a regex: cheap tests that a region may hold what a
// decoder undoes, run before the decoder reads it (see Decoder.marker). A marker may say yes where the
// decoder then finds nothing; it must never say no where the decoder would find something.

/** base64 (standard and URL-safe) digit values, -1 for other characters. */
const SIXBIT = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (SIXBIT[c.charCodeAt(0)] = i));
SIXBIT['-'.charCodeAt(0)] = 62;
SIXBIT['_'.charCodeAt(0)] = 63;

/** BASE64[c] = 1 for the characters of both base64 alphabets. */
const BASE64 = Uint8Array.from(SIXBIT, (v) => (v >= 0 ? 1 : 0));

/**
 * Calls `visit(start, end)` for each run of at least `length` characters in `inRun` (a table of ASCII
 * codes), in order, until it returns true (then true). A skip loop: it looks at one character in
 * `length` until one is in the alphabet, since a run that long holds one of every length-th positions,
 * and reads each run around such a character once.
 */
export function someRun(text: string, inRun: Uint8Array, length: number, visit: (start: number, end: number) => boolean): boolean {
  const n = text.length;
  const member = (i: number): boolean => inRun[text.charCodeAt(i)] === 1;
  for (let x = length - 1; x < n; ) {
    if (!member(x)) {
      x += length;
      continue;
    }
    let s = x;
    while (s > 0 && member(s - 1)) s--;
    let e = x + 1;
    while (e < n && member(e)) e++;
    if (e - s >= length && visit(s, e)) return true;
    x = e + length;
  }
  return false;
}

/**
 * A marker: whether `text` holds a run of `length` characters of `alphabet` (ASCII characters), or
 * with `mixed` one that also has a digit, a capital and a small letter, as a random key does.
 */
export function runMarker(alphabet: string, length: number, mixed = false): (text: string) => boolean {
  const inRun = new Uint8Array(128);
  for (const c of alphabet) inRun[c.charCodeAt(0)] = 1;
  return (text) => hasRun(text, inRun, length, mixed);
}

/**
 * someRun for a marker: whether some run qualifies, with its own loop rather than a callback (a
 * marker runs on every region of every file; someRun given several callbacks is compiled for each).
 */
function hasRun(text: string, inRun: Uint8Array, length: number, mixed: boolean): boolean {
  const n = text.length;
  // c < 128 first: an index past the table's end would throw V8's compiled loop away (out of bounds)
  const member = (c: number): boolean => c < 128 && inRun[c] === 1;
  for (let x = length - 1; x < n; ) {
    if (!member(text.charCodeAt(x))) {
      x += length;
      continue;
    }
    let s = x;
    while (s > 0 && member(text.charCodeAt(s - 1))) s--;
    let e = x + 1;
    while (e < n && member(text.charCodeAt(e))) e++;
    if (e - s >= length && (!mixed || isMixed(text, s, e))) return true;
    x = e + length;
  }
  return false;
}

/**
 * Whether [s, e) of `text` has a digit, a capital and a small letter: a random key of 30 or more
 * characters has all three (one in a thousand of 40 has no digit), an identifier
 * (`describeDBClusterParameterGroups`) or a path rarely does.
 */
function isMixed(text: string, s: number, e: number): boolean {
  let seen = 0;
  for (let i = s; i < e && seen !== 7; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) seen |= 1;
    else if (c >= 65 && c <= 90) seen |= 2;
    else if (c >= 97 && c <= 122) seen |= 4;
  }
  return seen === 7;
}

/** The fewest characters of a base64 value the decoder takes (a 20-character key ID is 28). */
const MIN_RUN = 16;

/**
 * Whether `text` holds a run of MIN_RUN or more base64 characters whose first 8 decode to 6 bytes of
 * ASCII text: encoded text starts so (the decoder wants text; text that starts with a non-ASCII
 * character is not read), a random secret or a hash does about 1 time in 600, so the decoder reads few
 * of the thousands of long runs in minified code and SDK models.
 */
export function base64TextMarker(text: string): boolean {
  // someRun's skip loop, inlined for the same reason as hasRun's
  const n = text.length;
  for (let x = MIN_RUN - 1; x < n; ) {
    if (!isBase64At(text, x)) {
      x += MIN_RUN;
      continue;
    }
    let s = x;
    while (s > 0 && isBase64At(text, s - 1)) s--;
    let e = x + 1;
    while (e < n && isBase64At(text, e)) e++;
    if (e - s >= MIN_RUN && startsAsText(text, s)) return true;
    x = e + MIN_RUN;
  }
  return false;
}

/** Whether the 6 bytes that the 8 base64 characters at `at` encode are text-like. */
function startsAsText(text: string, at: number): boolean {
  for (let g = 0; g < 2; g++) {
    let bits = 0;
    for (let k = 0; k < 4; k++) bits = (bits << 6) | SIXBIT[text.charCodeAt(at + g * 4 + k)]!;
    if (!isTextByte((bits >> 16) & 255) || !isTextByte((bits >> 8) & 255) || !isTextByte(bits & 255)) return false;
  }
  return true;
}

/** ASCII text (NUL too: UTF-16LE text, PowerShell's -EncodedCommand, is every other byte). */
function isTextByte(byte: number): boolean {
  return (byte >= 32 && byte < 127) || byte === 9 || byte === 10 || byte === 13 || byte === 0;
}

/** The shortest base64 run read as a possible encoded file or value on its own (a 30-byte text). */
const RUN = 40;

/**
 * Long base64 runs as a shape (src/shape): the shape pass that finds the rules' candidates finds
 * them too, in the same skip loop (see base64RunsAround). URL escapes count as units, as in the AWS
 * secret rules' shape, which this is then the same as.
 */
export const LONG_RUN_SHAPE = { alphabet: 'base64', escapes: 'once', min: RUN, before: 0, after: 0 } as const;

/**
 * The runs base64Runs gives, from the candidates of LONG_RUN_SHAPE (sorted by start): each candidate
 * is widened to the run of both base64 alphabets around it, and split where a URL escape stood. Reads
 * only around candidates. A run that has `-` or `_` at least every 40 characters holds no candidate
 * and is not found: base64 of ASCII text has those (URL-safe 62 and 63) only for `>`, `?` and `~`.
 */
export function base64RunsAround(text: string, candidates: readonly { start: number; end: number }[]): [number, number][] {
  const bounds = base64RunBounds(text, candidates);
  const runs: [number, number][] = [];
  for (let k = 0; k < bounds.length; k += 2) runs.push([bounds[k]!, bounds[k + 1]!]);
  return runs;
}

/** Whether the character at `i` of `text` is in either base64 alphabet (false outside the text). */
function isBase64At(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && BASE64[c] === 1;
}

/**
 * base64RunsAround's runs as flat [start, end, start, end, ...]. It runs once per file over tens of
 * thousands of candidates (an SDK's models, a bundle), so it is kept small and plain, for the JIT's
 * sake as much as the loop's: no callback, `%` looked for once per file (the next one after the
 * candidate) rather than in a copy of each candidate, and the rare case in a function of its own (a
 * hot loop with several rarely taken paths was recompiled once per path first taken, at ~40 ms a time).
 */
function base64RunBounds(text: string, candidates: readonly { start: number; end: number }[]): number[] {
  const bounds: number[] = [];
  let done = 0;
  let percent = candidates.length === 0 ? -1 : text.indexOf('%');
  for (let k = 0; k < candidates.length; k++) {
    const { start, end } = candidates[k]!;
    if (end <= done) continue;
    if (percent !== -1 && percent < start) percent = text.indexOf('%', start);
    // Most candidates are a run as they are: no base64 character on either side and no escape inside.
    if (start >= done && !isBase64At(text, start - 1) && !isBase64At(text, end) && (percent === -1 || percent >= end)) {
      bounds.push(start, end);
      done = end;
    } else {
      done = widenedRuns(text, Math.max(start, done), end, done, bounds);
    }
  }
  return bounds;
}

/**
 * The runs of a candidate widened to the base64 run around it (not before `done`), split where a URL
 * escape stood, as base64Runs would give them, added to `bounds`; returns where the widened run ends.
 */
function widenedRuns(text: string, from: number, end: number, done: number, bounds: number[]): number {
  let a = from;
  while (a > done && isBase64At(text, a - 1)) a--;
  let b = end;
  while (b < text.length && isBase64At(text, b)) b++;
  for (let i = a; i < b; ) {
    while (i < b && !isBase64At(text, i)) i++;
    const s = i;
    while (i < b && isBase64At(text, i)) i++;
    if (i - s >= RUN) bounds.push(s, i);
  }
  return b;
}

/**
 * textRuns(text, base64RunsAround(text, candidates)), without a list of every run in between: a
 * minified bundle or an SDK's models have thousands, nearly all dropped.
 */
export function textRunsAround(text: string, candidates: readonly { start: number; end: number }[]): [number, number][] {
  const bounds = base64RunBounds(text, candidates);
  const kept: [number, number][] = [];
  for (let k = 0; k < bounds.length; ) {
    const start = bounds[k]!;
    let end = bounds[k + 1]!;
    k += 2;
    while (k < bounds.length && bounds[k]! - end <= BLOB_GAP && allSpace(text, end, bounds[k]!)) {
      end = bounds[k + 1]!;
      k += 2;
    }
    if (end - start >= MIN_RUN && startsAsText(text, start) && !isSourceMap(text, start)) kept.push([start, end]);
  }
  return kept;
}

/**
 * Every run of RUN or more base64 characters (standard or URL-safe) in `text`: where an encoded file
 * or value may be. A skip loop that looks at one character in RUN until one is in the alphabet, so a
 * text costs about a fortieth of a read; the same whatever rules are loaded.
 */
export function base64Runs(text: string): [number, number][] {
  const runs: [number, number][] = [];
  someRun(text, BASE64, RUN, (start, end) => {
    runs.push([start, end]);
    return false;
  });
  return runs;
}

/** Whether [from, to) of `text` is only blanks and line ends. */
function allSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 11 && c !== 12) return false;
  }
  return true;
}

/** Characters between two lines of one wrapped base64 blob at most (a line end and its indentation). */
const BLOB_GAP = 16;

/**
 * The base64 runs worth a region: runs one blob apart at most (a wrapped blob's lines) are taken
 * together, and a blob is kept when its first run starts as text does (startsAsText) and is not an
 * inline source map (which the decoder leaves alone: its megabytes would be a region for nothing). The thousands of
 * long runs in minified code, SDK models and lockfiles start as random bytes and are not read.
 */
export function textRuns(text: string, runs: readonly [number, number][]): [number, number][] {
  const kept: [number, number][] = [];
  for (let i = 0; i < runs.length; ) {
    const [start] = runs[i]!;
    let end = runs[i]![1];
    let j = i + 1;
    while (j < runs.length && runs[j]![0] - end <= BLOB_GAP && allSpace(text, end, runs[j]![0])) end = runs[j++]![1];
    if (end - start >= MIN_RUN && startsAsText(text, start) && !isSourceMap(text, start)) kept.push([start, end]);
    i = j;
  }
  return kept;
}

/**
 * What stands before an inline source map's base64 (`//# sourceMappingURL=data:application/json;
 * charset=utf-8;base64,`): the map is not decoded. It holds the code of the file it sits in, which is
 * scanned as written, and it is the largest text-like base64 in real trees (2.5 MB in one bundle of
 * the bench's npm tree, a quarter of the stage's cost there).
 */
const SOURCE_MAP_BEFORE = /sourceMappingURL=data:[^\s,]{0,100};base64,$/;

/** Whether the run at `at` is an inline source map's (see SOURCE_MAP_BEFORE). */
export function isSourceMap(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === 44 /* , */ && SOURCE_MAP_BEFORE.test(text.slice(Math.max(0, at - 140), at));
}
