// The decoding stage (issue 14): where a file may hold a key that was changed on its way in (encoded,
// split, its name written away from it), decoders propose edits that undo it, and the detector reads
// the resulting view as well as the file. Decoders run only in regions around triggers: a word a
// credential's name or key ID holds (secret, AKIA, ...) or a long base64 run, a few lines each way.
// Everywhere else the file costs only the search for those words, so a tree without them (most code)
// pays close to nothing.
import { View } from './view.js';
import { MARKER_SLACK, type Decoder, type Edit } from './types.js';

/** Rounds of decoding at most: a layer undone per round (a JSON string escaped twice, escapes inside base64). */
export const MAX_DECODE_DEPTH = 3;

/**
 * Lines above and below a trigger that its region takes, and at most this many characters each way:
 * a name is a line or two from its value (above it, or below it in CloudFormation parameter files),
 * a value cut in pieces runs a few lines down from its name, and a secret built in pieces is often
 * built first, a few lines above the key ID it is used with (`sb.append("…");` lines, then
 * `new BasicAWSCredentials("AKIA…", sb.toString())`).
 */
const LINES_ABOVE = 6;
const LINES_BELOW = 6;
const REGION_CHARS = 1024;

// The words that start a region (see triggerSpots), matched as written: the part every AWS secret's
// name holds (aws_secret_access_key, SecretAccessKey, SECRET; a Kubernetes `kind: Secret`) and the
// prefixes of key IDs (`"AKIA" + "…"`). A key hidden in text still sits by its name or a key ID, or is
// inside a long base64 run (whole encoded files), which the caller gives as `runs`.

/** The word every other trigger is part of (in some case): a text without it, in any case, holds none of them. */
export const SECRET_WORD = 'secret';

/**
 * A decoder reads a region with this much text on each side (unless it asks for more), and no more: a construct that starts in
 * the region may end past it (a wrapped base64 blob is in regions of its own, one per long line), and
 * a decoder that looked at the whole text for each region would make the stage quadratic.
 */
const LOOK_AROUND = 1024;

/** Regions closer than this are read as one (fewer calls, each with its own look around). */
const MERGE_GAP = 1024;

/**
 * A key ID encoded on its own in base64 (`QUtJQ…` is `AKIA…`, `QVNJQ…` is `ASIA…`): shorter than a long
 * run, and in a file that may name nothing (Android's `new String(Base64.decode("QUtJQ…", …))`).
 */
const BASE64_KEY_IDS = ['QUtJQ', 'QVNJQ'];

/** triggerSpots' needles as bytes, for hasTrigger. */
const TAILS = [Buffer.from('cret'), Buffer.from('CRET')];
const PAIRS = [Buffer.from('KI'), Buffer.from('SI')];
const BASE64_KEY_ID_BYTES = BASE64_KEY_IDS.map((id) => Buffer.from(id));

/**
 * Whether UTF-8 bytes hold a trigger: a file without any candidate of the rules' shapes is scanned
 * all the same when it does, since a key cut in pieces or escaped is no candidate until decoded.
 * triggerSpots' search, on the bytes themselves with needles made once: most files are read only
 * here and by the shape pass, and a latin1 copy of each to search as a string took twice as long.
 */
export function hasTrigger(bytes: Uint8Array): boolean {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < 2; k++) {
    const lead = k === 0 ? 101 /* e */ : 69; /* E */
    const tail = TAILS[k]!;
    for (let at = buffer.indexOf(tail, 1); at !== -1; at = buffer.indexOf(tail, at + 4)) if (buffer[at - 1] === lead) return true;
  }
  for (let k = 0; k < 2; k++) {
    const pair = PAIRS[k]!;
    for (let at = buffer.indexOf(pair, 1); at !== -1; at = buffer.indexOf(pair, at + 1)) {
      if (buffer[at - 1] !== 65 /* A */) continue;
      const next = buffer[at + 2];
      if (next === 65 /* A */ || next === 34 || next === 39 || next === 96 /* a quote */) return true;
    }
  }
  return buffer.indexOf(BASE64_KEY_ID_BYTES[0]!) !== -1 || buffer.indexOf(BASE64_KEY_ID_BYTES[1]!) !== -1;
}

/**
 * [start, end) of each trigger in `text`, flat and in no particular order (with `first`, the first
 * found only): `ecret` and `ECRET`, AKIA and ASIA, a key ID's prefix cut by a quote (`"AKI" +
 * "A…"`), and a key ID's base64 (BASE64_KEY_IDS). Each is searched by a rarer letter than its first
 * and the letters around it checked (`cret` then the `e` before it; `KI`, `SI` then the `A`): a
 * native search runs from its needle's first letter, and `e` and `A` stop it far more often (a
 * quarter to a half less time than a search per word, or one regular expression, over the bench's
 * trees). No callback: a hot search given several was compiled again for each. `secretWord` false:
 * the caller knows the text holds no `secret` in any case (the rules' keyword test), and only key
 * IDs are looked for (the `ecret` of another word, `decretal`, is then not one).
 */
export function triggerSpots(text: string, first = false, secretWord = true): number[] {
  const spots: number[] = [];
  for (let k = 0; k < (secretWord ? 2 : 0); k++) {
    const tail = k === 0 ? 'cret' : 'CRET';
    const lead = k === 0 ? 101 /* e */ : 69; /* E */
    for (let at = text.indexOf(tail, 1); at !== -1; at = text.indexOf(tail, at + 4)) {
      if (text.charCodeAt(at - 1) !== lead) continue;
      spots.push(at - 1, at + 4);
      if (first) return spots;
    }
  }
  return keyIdSpots(text, first, spots);
}

/** triggerSpots' key ID prefixes, added to `spots`. */
function keyIdSpots(text: string, first: boolean, spots: number[]): number[] {
  for (let k = 0; k < 2; k++) {
    const pair = k === 0 ? 'KI' : 'SI';
    for (let at = text.indexOf(pair, 1); at !== -1; at = text.indexOf(pair, at + 1)) {
      if (text.charCodeAt(at - 1) !== 65 /* A */) continue;
      const next = text.charCodeAt(at + 2);
      if (next === 65 /* A */) spots.push(at - 1, at + 3);
      else if (next === 34 || next === 39 || next === 96 /* a quote */) spots.push(at - 1, at + 2);
      else continue;
      if (first) return spots;
    }
  }
  for (const id of BASE64_KEY_IDS) {
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 5)) {
      spots.push(at, at + 5);
      if (first) return spots;
    }
  }
  return spots;
}

/** A view grows at most by this much over its file (names inserted by the structure decoder). */
const MAX_GROWTH = 1 << 20;

/**
 * The view of `text` with every decoder's edits applied in regions around triggers and `runs`
 * ([start, end) of long base64 runs), up to MAX_DECODE_DEPTH rounds; undefined when nothing decoded.
 * `triggers`: triggerSpots(text), when the caller has them already (searched once).
 */
export function decodedView(text: string, decoders: readonly Decoder[], runs: readonly [number, number][] = [], depth = MAX_DECODE_DEPTH, triggers?: readonly number[]): View | undefined {
  if (decoders.length === 0 || depth <= 0) return undefined;
  let regions = regionsOf(text, runs, triggers);
  if (regions.length === 0) return undefined;
  let view: View | undefined;
  const reach = reachOf(decoders);
  for (let round = 0; round < depth && regions.length > 0; round++) {
    let changed: [number, number][] = [];
    for (const decoder of decoders) {
      const current = view?.text ?? text;
      const next = View.of(view ?? text, decoder.name, editsIn(decoder, current, regions));
      if (next === undefined || next.text.length > text.length + MAX_GROWTH) continue;
      regions = regions.map(([a, b]) => next.fromParent(a, b));
      changed = changed.map(([a, b]) => next.fromParent(a, b));
      for (const range of next.editedRanges()) changed.push(range);
      view = next;
    }
    regions = nearChanges(regions, changed, reach);
  }
  return view;
}

/** The farthest any of the decoders reads around a region (its lookAround, or LOOK_AROUND). */
function reachOf(decoders: readonly Decoder[]): number {
  let reach = LOOK_AROUND;
  for (const d of decoders) reach = Math.max(reach, d.lookAround ?? LOOK_AROUND);
  return reach;
}

/**
 * What the next round reads: the parts of the regions within `reach` of a change this round made (a
 * layer undone, whose output another decoder may read: escapes inside a decoded base64 value, a name
 * decoded a few lines from its value). Elsewhere the text is as this round read it, and read again
 * would give the same nothing; a file whose triggers make it one region (an SDK model that says
 * `Secret` every few lines) is read again only around its few edits, not whole. No change: none, and
 * the rounds end.
 */
function nearChanges(regions: readonly [number, number][], changed: [number, number][], reach: number): [number, number][] {
  if (changed.length === 0) return [];
  changed.sort((x, y) => x[0] - y[0]);
  const windows: [number, number][] = [];
  for (const [a, b] of changed) {
    const last = windows[windows.length - 1];
    if (last !== undefined && a - reach <= last[1]) last[1] = Math.max(last[1], b + reach);
    else windows.push([a - reach, b + reach]);
  }
  const out: [number, number][] = [];
  let w = 0;
  for (const [a, b] of regions) {
    while (w < windows.length && windows[w]![1] <= a) w++;
    for (let k = w; k < windows.length && windows[k]![0] < b; k++) out.push([Math.max(a, windows[k]![0]), Math.min(b, windows[k]![1])]);
  }
  return out;
}

/**
 * A decoder's edits in every region, in order; one that overlaps the one before is dropped. The
 * decoder is given the region's text with LOOK_AROUND on each side, so what it reads is bounded by
 * the regions, whatever it does.
 */
function editsIn(decoder: Decoder, text: string, regions: readonly [number, number][]): Edit[] {
  const all: Edit[] = [];
  let end = 0;
  for (const [from, to] of regions) {
    if (decoder.marker !== undefined && !hasMarker(decoder.marker, text, from, to)) continue;
    const reach = decoder.lookAround ?? LOOK_AROUND;
    const a = Math.max(0, from - reach);
    const b = Math.min(text.length, to + reach);
    for (const edit of decoder.edits(text.slice(a, b), from - a, to - a)) {
      const moved = shifted(edit, a);
      if (moved.start < end) continue;
      all.push(moved);
      end = moved.end;
    }
  }
  return all;
}

/** Whether `marker` occurs in [from, to + MARKER_SLACK) of `text`. */
function hasMarker(marker: RegExp | ((text: string) => boolean), text: string, from: number, to: number): boolean {
  const part = text.slice(from, Math.min(text.length, to + MARKER_SLACK));
  return typeof marker === 'function' ? marker(part) : marker.test(part);
}

/** An edit of a slice that starts at `by`, as an edit of the whole text. */
function shifted(edit: Edit, by: number): Edit {
  if (by === 0) return edit;
  const moved: Edit = { start: edit.start + by, end: edit.end + by, text: edit.text };
  if (edit.origins !== undefined) moved.origins = edit.origins.map((o) => o + by);
  return moved;
}

/**
 * Sorted, disjoint regions: a few lines around every trigger word, and each run as it is (what is
 * around a base64 run is read in the next round, once it is decoded).
 */
export function regionsOf(text: string, runs: readonly [number, number][], triggers: readonly number[] = triggerSpots(text)): [number, number][] {
  const spots = triggerRegions(text, triggers);
  if (runs.length === 0) return spots;
  for (const run of runs) spots.push([run[0], run[1]]);
  spots.sort((a, b) => a[0] - b[0]);
  const regions: [number, number][] = [];
  for (const [start, end] of spots) {
    const last = regions[regions.length - 1];
    if (last !== undefined && start <= last[1] + MERGE_GAP) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  return regions;
}

/**
 * The triggers' regions, merged: each trigger with LINES_ABOVE lines above and LINES_BELOW below (at
 * most REGION_CHARS each way), regions closer than MERGE_GAP made one. Where triggers crowd (an SDK
 * model says `SecretString` a thousand times), lines are counted once a region, not once a trigger:
 * the start above a trigger only moves down as triggers do, and so does the end below, so a trigger
 * that starts within MERGE_GAP of the region's last trigger joins it without counting, and the end is
 * counted from the region's last trigger. The same regions as counting around each.
 */
function triggerRegions(text: string, flat: readonly number[]): [number, number][] {
  const order: number[] = [];
  for (let k = 0; k < flat.length; k += 2) order.push(k);
  order.sort((a, b) => flat[a]! - flat[b]!);
  const regions: [number, number][] = [];
  let start = -1;
  let lastEnd = -1; // the furthest trigger end of the open region, its lines below not yet counted
  for (const k of order) {
    const [s, e] = [flat[k]!, flat[k + 1]!];
    if (start >= 0 && s <= lastEnd + MERGE_GAP) {
      lastEnd = Math.max(lastEnd, e);
      continue;
    }
    const before = linesBefore(text, s);
    if (start >= 0) {
      const end = linesAfter(text, lastEnd);
      if (before <= end + MERGE_GAP) {
        lastEnd = Math.max(lastEnd, e);
        continue;
      }
      regions.push([start, end]);
    }
    [start, lastEnd] = [before, e];
  }
  if (start >= 0) regions.push([start, linesAfter(text, lastEnd)]);
  return regions;
}

/**
 * The start of the line LINES_ABOVE lines above `at`, but no more than REGION_CHARS before it. Reads
 * only those characters: a search for a newline that is not there would run to the start of the text,
 * once per trigger on a megabyte-long line.
 */
function linesBefore(text: string, at: number): number {
  const floor = Math.max(0, at - REGION_CHARS);
  const near = text.slice(floor, at);
  let i = near.length;
  for (let n = 0; n <= LINES_ABOVE; n++) {
    const nl = near.lastIndexOf('\n', i - 1);
    if (nl < 0) return floor;
    i = nl;
  }
  return floor + i + 1;
}

/** The end of the line LINES_BELOW lines below `at`, but no more than REGION_CHARS after it (reading only those). */
function linesAfter(text: string, at: number): number {
  const near = text.slice(at, Math.min(text.length, at + REGION_CHARS));
  let i = 0;
  for (let n = 0; n <= LINES_BELOW; n++) {
    const nl = near.indexOf('\n', i);
    if (nl < 0) return at + near.length;
    i = nl + 1;
  }
  return at + i;
}
