// The decoding stage (issue 14): where a file may hold a key that was changed on its way in (encoded,
// split, its name written away from it), decoders propose edits that undo it, and the detector reads
// the resulting view as well as the file. Decoders run only in regions around triggers: a word a
// credential's name or key ID holds (secret, AKIA, ...) or a long base64 run, a few lines each way.
// Everywhere else the file costs only the search for those words, so a tree without them (most code)
// pays close to nothing.
import { View } from './view.js';
import type { Decoder } from './types.js';

/** Rounds of decoding at most: a layer undone per round (a JSON string escaped twice, escapes inside base64). */
export const MAX_DECODE_DEPTH = 3;

/** Lines on each side of a trigger that its region takes, and at most this many characters each way. */
const REGION_LINES = 8;
const REGION_CHARS = 2048;

/**
 * The words that start a region, matched as written (case-sensitively, each a native search): the
 * parts of a credential's name (aws_secret_access_key, SecretAccessKey, SECRET) and the prefixes of
 * key IDs. A key hidden in text still sits by its name, or is a key ID, or is inside a long base64
 * run (whole encoded files, Kubernetes Secrets), which the caller gives as `runs`.
 */
const TRIGGERS = ['ecret', 'ECRET', 'AKIA', 'ASIA', 'ccess_key', 'ccessKey', 'CCESS_KEY'];

/**
 * Whether UTF-8 bytes hold a trigger: a file without any candidate of the rules' shapes is scanned
 * all the same when it does, since a key cut in pieces or escaped is no candidate until decoded.
 */
export function hasTrigger(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return TRIGGERS.some((word) => buffer.includes(word, 0, 'latin1'));
}

/** A view grows at most by this much over its file (names inserted by the structure decoder). */
const MAX_GROWTH = 1 << 20;

/**
 * The view of `text` with every decoder's edits applied in regions around triggers and `runs`
 * ([start, end) of long base64 runs), up to MAX_DECODE_DEPTH rounds; undefined when nothing decoded.
 */
export function decodedView(text: string, decoders: readonly Decoder[], runs: readonly [number, number][] = [], depth = MAX_DECODE_DEPTH): View | undefined {
  if (decoders.length === 0 || depth <= 0) return undefined;
  let regions = regionsOf(text, runs);
  if (regions.length === 0) return undefined;
  let view: View | undefined;
  for (let round = 0; round < depth; round++) {
    let changed = false;
    for (const decoder of decoders) {
      const current = view?.text ?? text;
      const next = View.of(view ?? text, decoder.name, editsIn(decoder, current, regions));
      if (next === undefined || next.text.length > text.length + MAX_GROWTH) continue;
      regions = regions.map(([a, b]) => next.fromParent(a, b));
      view = next;
      changed = true;
    }
    if (!changed) break;
  }
  return view;
}

/** A decoder's edits in every region, in order; one that overlaps the one before is dropped. */
function editsIn(decoder: Decoder, text: string, regions: readonly [number, number][]): ReturnType<Decoder['edits']> {
  const all: ReturnType<Decoder['edits']> = [];
  let end = 0;
  for (const [from, to] of regions) {
    for (const edit of decoder.edits(text, from, to)) {
      if (edit.start < end) continue;
      all.push(edit);
      end = edit.end;
    }
  }
  return all;
}

/** Sorted, disjoint regions around every trigger and run. */
export function regionsOf(text: string, runs: readonly [number, number][]): [number, number][] {
  const spots: [number, number][] = [...runs];
  for (const word of TRIGGERS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) spots.push([at, at + word.length]);
  }
  if (spots.length === 0) return [];
  spots.sort((a, b) => a[0] - b[0]);
  const regions: [number, number][] = [];
  for (const [start, end] of spots) {
    const last = regions[regions.length - 1];
    // A spot inside the region before it adds nothing but its own lines after that region's end.
    if (last !== undefined && start < last[1]) {
      if (end + REGION_CHARS > last[1]) last[1] = Math.max(last[1], linesAfter(text, end));
      continue;
    }
    const region: [number, number] = [linesBefore(text, start), linesAfter(text, end)];
    if (last !== undefined && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else regions.push(region);
  }
  return regions;
}

/** The start of the line REGION_LINES lines above `at`, but no more than REGION_CHARS before it. */
function linesBefore(text: string, at: number): number {
  const floor = Math.max(0, at - REGION_CHARS);
  let i = at;
  for (let n = 0; n <= REGION_LINES && i > floor; n++) {
    const nl = text.lastIndexOf('\n', i - 1);
    if (nl < floor) return floor;
    i = nl;
  }
  return i === at ? i : Math.min(at, i + 1);
}

/** The end of the line REGION_LINES lines below `at`, but no more than REGION_CHARS after it. */
function linesAfter(text: string, at: number): number {
  const ceiling = Math.min(text.length, at + REGION_CHARS);
  let i = at;
  for (let n = 0; n <= REGION_LINES && i < ceiling; n++) {
    const nl = text.indexOf('\n', i);
    if (nl === -1 || nl >= ceiling) return ceiling;
    i = nl + 1;
  }
  return i;
}
