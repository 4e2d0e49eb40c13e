// The strings extractor (a skip loop that looks at one byte in `min` and extends around hits) against
// the reference it replaced (test/helpers/strings-reference.ts: every byte looked at, in one pass):
// the same runs, offsets, widths and texts, and the same runs handed out by each push, on generated
// inputs built to catch the skip loop's edge cases and on real binaries.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { zipEntries } from '../src/archive/readers.js';
import { extractStrings, MIN_STRING_CHARS, StringsExtractor, type StringRun } from '../src/sources/strings.js';
import { prng } from './helpers/keys.js';
import { ReferenceStrings, referenceStrings } from './helpers/strings-reference.js';

/**
 * The same runs, or a failure naming the first that differs (uvu's diff of two arrays of thousands of
 * runs would take minutes).
 */
function sameRuns(got: readonly StringRun[], want: readonly StringRun[], what: string): void {
  const show = (r: StringRun | undefined): string => (r === undefined ? 'none' : `${r.offset}/${r.width}/${JSON.stringify(r.text.length > 60 ? `${r.text.slice(0, 60)}…(${r.text.length})` : r.text)}`);
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    const [a, b] = [got[i], want[i]];
    if (a === undefined || b === undefined || a.offset !== b.offset || a.width !== b.width || a.text !== b.text) assert.unreachable(`${what}: run ${i} is ${show(a)}, the reference has ${show(b)}`);
  }
}

/** Both extractors fed the same chunks: every push's runs and the end's must be equal. Returns the runs. */
function agree(bytes: Uint8Array, min: number, size: number, maxRun?: number, what = ''): StringRun[] {
  const fast = new StringsExtractor(min, maxRun);
  const ref = new ReferenceStrings(min, maxRun);
  const all: StringRun[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    const got = fast.push(chunk);
    sameRuns(got, ref.push(chunk), `${what} min ${min}, chunks of ${size}, push at ${i}`);
    all.push(...got);
  }
  const last = fast.end();
  sameRuns(last, ref.end(), `${what} min ${min}, chunks of ${size}, end`);
  all.push(...last);
  return all;
}

/** Bytes made of stretches likely to trip the skip loop: printable runs of every length, UTF-16LE runs, NULs, newlines, noise. */
function mixture(random: () => number, n: number): Buffer {
  const out: number[] = [];
  const printable = (): number => 0x20 + Math.floor(random() * 95);
  while (out.length < n) {
    const r = random();
    const len = Math.floor(random() * 24);
    if (r < 0.3) for (let i = 0; i < len; i++) out.push(random() < 0.05 ? 0x09 : printable());
    else if (r < 0.5) for (let i = 0; i < len; i++) out.push(printable(), 0);
    else if (r < 0.6) for (let i = 0; i < len; i++) out.push(0);
    else if (r < 0.65) out.push(0x0a, 0x0d, 0x7f, 0x80);
    else for (let i = 0; i < len; i++) out.push(Math.floor(random() * 256));
  }
  return Buffer.from(out.slice(0, n));
}

const same = suite('strings: the skip loop gives what the byte-by-byte reference gives');

same('generated mixtures of ASCII, UTF-16LE, NULs and noise: every min from 1 to 10, chunk sizes from 1 byte to whole, runs cut short', () => {
  const random = prng(1515);
  let checked = 0;
  let runs = 0;
  for (let t = 0; t < 1500; t++) {
    const bytes = mixture(random, Math.floor(random() * 500));
    const min = 1 + Math.floor(random() * 10);
    // A short cut length exercises the cutting of long runs (1 MiB in use) at and across chunk ends.
    const maxRun = random() < 0.5 ? undefined : min + Math.floor(random() * 12);
    for (const size of [bytes.length || 1, 1, 2, 3, 7, 16, 1 + Math.floor(random() * 64)]) {
      runs += agree(bytes, min, size, maxRun, `case ${t}`).length;
      checked++;
    }
  }
  assert.is(checked, 1500 * 7);
  assert.ok(runs > 10_000, `the inputs have runs to find (${runs})`);
});

same('a run of min - 1, min and min + 1 characters (ASCII, UTF-16LE at both parities) at every offset around a chunk end', () => {
  const random = prng(1516);
  const min = MIN_STRING_CHARS;
  let kept = 0;
  for (const wide of [false, true]) {
    for (const length of [min - 1, min, min + 1, 2 * min]) {
      for (let at = 0; at < 2 * min + 4; at++) {
        const text = Buffer.from('x'.repeat(length), wide ? 'utf16le' : 'latin1');
        // Non-printable, non-NUL filler (0x80+) so that nothing else makes a run.
        const filler = (k: number): Buffer => Buffer.from(Array.from({ length: k }, () => 0x80 + Math.floor(random() * 128)));
        const bytes = Buffer.concat([filler(at), text, filler(3)]);
        for (let split = 0; split <= bytes.length; split++) {
          const got = agree2(bytes, min, split);
          if (split === 0) {
            assert.equal(got.map((r) => [r.offset, r.width, r.text.length]), length >= min ? [[at, wide ? 2 : 1, length]] : [], `length ${length} at ${at}`);
            kept += got.length;
          }
        }
      }
    }
  }
  assert.is(kept, 2 * 3 * (2 * min + 4));
});

/** Two chunks split at `split`, both extractors agreeing. */
function agree2(bytes: Buffer, min: number, split: number): StringRun[] {
  const fast = new StringsExtractor(min);
  const ref = new ReferenceStrings(min);
  const got = [...fast.push(bytes.subarray(0, split)), ...fast.push(bytes.subarray(split)), ...fast.end()];
  sameRuns(got, [...ref.push(bytes.subarray(0, split)), ...ref.push(bytes.subarray(split)), ...ref.end()], `split at ${split}`);
  return got;
}

same('runs longer than the cut (1 MiB characters) are cut at the same places, whole or streamed in 1 MiB chunks', () => {
  const random = prng(1517);
  const parts: Buffer[] = [Buffer.alloc(5, 0x80), Buffer.alloc(2.5 * 1024 * 1024 + 3, 0x41), Buffer.from([0x80])];
  parts.push(Buffer.from('y'.repeat(1024 * 1024 + 9), 'utf16le'), Buffer.from([0x80, 0x80, 0x80]), mixture(random, 4096));
  const bytes = Buffer.concat(parts);
  for (const size of [bytes.length, 1024 * 1024, 65_537]) {
    const runs = agree(bytes, MIN_STRING_CHARS, size);
    assert.equal(runs.slice(0, 5).map((r) => [r.offset, r.width, r.text.length]), [
      [5, 1, 1048576],
      [1048581, 1, 1048576],
      [2097157, 1, 524291],
      [2621449, 2, 1048576],
      [4718601, 2, 9],
    ]);
  }
});

same('random bytes (an image, a compressed file) and a file of NULs', () => {
  const random = prng(1518);
  const noise = Buffer.from(Array.from({ length: 1 << 20 }, () => Math.floor(random() * 256)));
  for (const size of [noise.length, 4096, 333]) agree(noise, MIN_STRING_CHARS, size);
  assert.ok(extractStrings(noise).length > 100, 'noise has a few runs of 8');
  assert.equal(agree(Buffer.alloc(10_000), MIN_STRING_CHARS, 10_000), []);
  assert.equal(extractStrings(new Uint8Array(0)), []);
});

same('real binaries: an executable, a jar as stored and the class files inside it, whole and in chunks', async () => {
  const require = createRequire(import.meta.url);
  const found: [string, Uint8Array][] = [['node executable (first 4 MiB)', readFileSync(process.execPath).subarray(0, 4 << 20)]];
  const jar = findPackageFile(require, 'recheck-jar', 'recheck.jar');
  const exe = findPackageFile(require, 'recheck-linux-x64', 'recheck');
  if (exe !== undefined) found.push(['recheck executable (4 MiB from its middle)', readFileSync(exe).subarray(12 << 20, 16 << 20)]);
  if (jar !== undefined) {
    const bytes = readFileSync(jar);
    found.push(['recheck.jar as stored (first 4 MiB)', bytes.subarray(0, 4 << 20)]);
    const classes: Uint8Array[] = [];
    for await (const entry of zipEntries(bytes, () => classes.length < 400)) classes.push(entry.bytes);
    found.push([`${classes.length} class files from recheck.jar, one after another`, Buffer.concat(classes)]);
  } else {
    console.log('  (strings test: recheck-jar is not installed here: the jar and its class files are not compared)');
  }
  for (const [what, bytes] of found) {
    const whole = agree(bytes, MIN_STRING_CHARS, bytes.length, undefined, what);
    assert.ok(whole.length > 100, `${what}: has strings (${whole.length})`);
    agree(bytes, MIN_STRING_CHARS, 65_537, undefined, what);
    sameRuns(extractStrings(bytes), referenceStrings(bytes, MIN_STRING_CHARS), `${what}, extractStrings`);
  }
  assert.ok(found.length >= 1);
});

/** A file of an installed package (a dependency of recheck, optional per platform), or undefined. */
function findPackageFile(require: NodeRequire, name: string, file: string): string | undefined {
  try {
    const path = join(dirname(require.resolve(`${name}/package.json`)), file);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

same('the minimum length and the cut are checked', () => {
  assert.throws(() => new StringsExtractor(0), /minimum length 0/);
  assert.throws(() => new StringsExtractor(8, 4), /maximum 4/);
});

same.run();
