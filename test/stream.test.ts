// Streaming scans of large files (src/scan/stream.ts): with tiny chunks and overlaps, so that every
// input crosses many window boundaries, the findings must equal detect() on the whole decoded text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scanBinaryBytes } from '../src/scan/binary.js';
import { decode } from '../src/sources/decode.js';
import { scanFileStreaming, type StreamOptions } from '../src/scan/stream.js';
import { STREAM_ABOVE } from '../src/scan/read-file.js';
import { scan } from '../src/run.js';
import type { Finding } from '../src/types.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;

/** compiled to dist/test/stream.test.js, so the repository root is two levels up */
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Chunk and overlap sizes tried on every input: tiny chunks, chunks smaller than the overlap, odd sizes. */
const SIZES: StreamOptions[] = [
  { chunkBytes: 1024, overlapBytes: 256 },
  { chunkBytes: 100, overlapBytes: 256 },
  { chunkBytes: 333, overlapBytes: 300 },
  { chunkBytes: 4096, overlapBytes: 512 },
  { chunkBytes: 64, overlapBytes: 256 },
  {},
];

const sorted = (findings: Finding[]): Finding[] =>
  [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));

/** What a whole-file scan finds: detect() on the text decode() gives, or undefined for a binary file. */
function wholeFile(bytes: Uint8Array, path: string): Finding[] | undefined {
  const decoded = decode(bytes);
  return decoded.binary ? undefined : detect({ path, text: decoded.text }, rules);
}

/** What a binary read whole gives through its strings. */
const wholeBinary = (bytes: Uint8Array, path: string): Finding[] => scanBinaryBytes(path, bytes, rules);

/** Streams `content` with every size in SIZES and checks the result against the whole-file scan. */
async function assertSameAsWhole(content: string | Uint8Array, name = 'f.txt', sizes = SIZES): Promise<Finding[]> {
  const root = makeTree({ [name]: content });
  try {
    const bytes = readFileSync(join(root, name));
    const expected = wholeFile(bytes, name);
    for (const opts of sizes) {
      const streamed = await scanFileStreaming(name, join(root, name), rules, opts);
      assert.is(streamed.binary, expected === undefined, `binary, ${JSON.stringify(opts)}`);
      assert.is(streamed.bytes, streamed.binary ? Math.min(bytes.length, streamed.bytes) : bytes.length);
      assert.equal(sorted(streamed.findings), sorted(expected ?? wholeBinary(bytes, name)), `${name} with ${JSON.stringify(opts)}`);
    }
    return expected ?? [];
  } finally {
    removeTree(root);
  }
}

/** `n` lines of harmless filler, `width` characters each. */
const filler = (n: number, width = 30): string => Array.from({ length: n }, (_, i) => `line ${i} `.padEnd(width, '.')).join('\n');

const fixtures = suite('streaming: fixtures');

fixtures('every fixture file streams to the findings of a whole-file scan', async () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else files.push(abs);
    }
  };
  walk(FIXTURES);
  assert.ok(files.length > 50);
  let found = 0;
  for (const abs of files) found += (await assertSameAsWhole(readFileSync(abs), abs.slice(FIXTURES.length))).length;
  assert.ok(found > 30, 'the fixtures hold findings to compare');
});

fixtures('the fixtures joined into one file, scanned with many boundaries', async () => {
  const cases = join(FIXTURES, 'cases');
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (!name.endsWith('.json') || dir.includes('input')) texts.push(readFileSync(abs, 'utf8'));
    }
  };
  walk(cases);
  const found = await assertSameAsWhole(texts.join('\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n'));
  assert.ok(found.length > 30);
});

fixtures.run();

const boundaries = suite('streaming: chunk boundaries');

boundaries('keys at every offset around a chunk boundary', async () => {
  const k = new Keys(101);
  for (let shift = 0; shift < 60; shift += 7) {
    const text = `${'x'.repeat(1000 + shift)}\naws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}\n${filler(5)}`;
    const found = await assertSameAsWhole(text, 'f.txt', [{ chunkBytes: 1024, overlapBytes: 256 }]);
    assert.equal(found.map((f) => f.severity), ['critical', 'critical']);
  }
});

boundaries('a key split across a chunk boundary is found once, whole', async () => {
  const k = new Keys(102);
  for (let cut = 1; cut < 20; cut += 3) {
    const id = k.keyId();
    const text = `${'y'.repeat(1024 - 'key = '.length - cut)}\nkey = ${id}\n`;
    const found = await assertSameAsWhole(text, 'f.txt', [{ chunkBytes: 1024, overlapBytes: 256 }]);
    assert.equal(found.map((f) => f.value), [id]);
  }
});

boundaries('a key ID and its secret in different chunks, within the evidence distance', async () => {
  const k = new Keys(103);
  const id = k.keyId();
  const secret = k.secret();
  // the bare secret is a finding only with the ID within 5 lines, and pairs with it
  const text = `${filler(30)}\nid: ${id}\n${filler(4, 10)}\n${secret}\n${filler(30)}`;
  for (const chunkBytes of [900, 950, 1000, 1020, 1040]) {
    const found = await assertSameAsWhole(text, 'f.txt', [{ chunkBytes, overlapBytes: 256 }]);
    assert.equal(found.map((f) => [f.ruleId, f.severity]), [['aws-access-key-id', 'critical'], ['aws-secret-access-key-near-key-id', 'critical']]);
  }
});

boundaries('the same key in many chunks: repeats numbered as in a whole-file scan', async () => {
  const k = new Keys(104);
  const id = k.keyId();
  const text = Array.from({ length: 40 }, (_, i) => `${filler(3)}\nkey${i} = ${id}`).join('\n');
  const found = await assertSameAsWhole(text);
  assert.is(found.length, 40);
  assert.ok(found[1]!.fingerprint.endsWith(':2') && found[39]!.fingerprint.endsWith(':40'));
});

boundaries('a session token longer than the overlap, starting near the end of a chunk', async () => {
  const k = new Keys(105);
  for (const pad of [700, 900, 1000]) {
    const text = `${'z'.repeat(pad)}\naws_session_token = ${k.sessionToken(1500)}\n${filler(3)}`;
    const found = await assertSameAsWhole(text, 'f.txt', [{ chunkBytes: 1024, overlapBytes: 256 }]);
    assert.is(found[0]!.value.length, 1500);
  }
});

boundaries('one-character chunks: every position is a boundary', async () => {
  const k = new Keys(114);
  const text = `[default]\r\naws_access_key_id = ${k.keyId()}\r\naws_secret_access_key = ${k.secret()}\r\n${filler(3)}\r\nkey = ${k.keyId('ASIA')} é😀`;
  const found = await assertSameAsWhole(text, 'f.txt', [{ chunkBytes: 1, overlapBytes: 256 }]);
  assert.is(found.length, 3);
});

boundaries('CRLF line ends', async () => {
  const k = new Keys(106);
  const lines = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? `aws_access_key_id = ${k.keyId()}\r\naws_secret_access_key = ${k.secret()}` : `filler ${i} ${'-'.repeat(i)}`));
  const found = await assertSameAsWhole(lines.join('\r\n'));
  assert.ok(found.length >= 16);
});

boundaries.run();

const decoding = suite('streaming: decoding');

decoding('multibyte UTF-8 characters straddling every read and chunk boundary', async () => {
  const k = new Keys(107);
  const text = Array.from({ length: 80 }, (_, i) => `${'é€😀'.repeat(i % 9)} key = ${k.keyId()} ${'ü'.repeat(i % 5)}`).join('\n');
  const found = await assertSameAsWhole(text);
  assert.is(found.length, 80);
  assert.ok(found.some((f) => f.column > 10), 'columns count UTF-16 code units after the emoji');
});

decoding('a UTF-8 byte-order mark is dropped, invalid bytes become U+FFFD', async () => {
  const k = new Keys(108);
  const body = Buffer.from(`${filler(40)}\nkey = ${k.keyId()}\n`);
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body.subarray(0, 600), Buffer.from([0xc3, 0xff, 0xe2, 0x82]), body.subarray(600)]);
  const found = await assertSameAsWhole(bytes);
  assert.is(found.length, 1);
});

decoding('UTF-16 with a byte-order mark, little- and big-endian', async () => {
  const k = new Keys(109);
  const text = `${filler(50)}\naws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}\n${filler(50)}`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  assert.is((await assertSameAsWhole(le)).length, 2);
  assert.is((await assertSameAsWhole(be)).length, 2);
});

decoding('a NUL byte in the first 8000 bytes makes the file binary; after them it does not', async () => {
  const k = new Keys(110);
  const early = Buffer.concat([Buffer.from(`key = ${k.keyId()}\n`), Buffer.from([0]), Buffer.alloc(20000, 0x61)]);
  const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0]), Buffer.from(`\nkey = ${k.keyId()}\n`)]);
  await assertSameAsWhole(early);
  assert.is((await assertSameAsWhole(late)).length, 1);
  const root = makeTree({ 'bin.dat': early });
  try {
    // Through its strings (the default), the binary's key is found at its byte offset.
    const strings = await scanFileStreaming('bin.dat', join(root, 'bin.dat'), rules, { chunkBytes: 1024, overlapBytes: 256 });
    assert.equal([strings.binary, strings.strings, strings.bytes, strings.findings.map((f) => f.offset)], [true, true, early.length, [6]]);
    const streamed = await scanFileStreaming('bin.dat', join(root, 'bin.dat'), rules, { chunkBytes: 1024, overlapBytes: 256, binaryStrings: false });
    assert.equal([streamed.binary, streamed.findings], [true, []]);
    assert.ok(streamed.bytes < early.length, 'stops reading once the file is known to be binary');
  } finally {
    removeTree(root);
  }
});

decoding('an empty file and a file without a newline', async () => {
  const k = new Keys(111);
  assert.equal(await assertSameAsWhole(''), []);
  assert.is((await assertSameAsWhole(`key = ${k.keyId()}`)).length, 1);
});

decoding.run();

const oneLine = suite('streaming: one enormous line');

oneLine('a one-line file (minified JS): columns carried across windows, pairs included', async () => {
  const k = new Keys(112);
  const parts: string[] = [];
  for (let i = 0; i < 60; i++) {
    parts.push(`var a${i}="${k.hex(30)}";`);
    if (i % 6 === 2) parts.push(`new Creds("${k.keyId()}","${k.secret()}");`);
    if (i % 10 === 5) parts.push(`aws_session_token:"${k.sessionToken(400)}",`);
  }
  const found = await assertSameAsWhole(parts.join(''), 'app.min.js');
  assert.ok(found.length >= 20);
  assert.ok(found.every((f) => f.line === 1));
  assert.ok(found.some((f) => f.pair !== undefined && f.column > 3000));
});

oneLine('a one-line JSON array of credentials', async () => {
  const k = new Keys(113);
  const items = Array.from({ length: 50 }, () => `{"AccessKeyId":"${k.keyId()}","SecretAccessKey":"${k.secret()}"}`);
  const found = await assertSameAsWhole(`[${items.join(',')}]`, 'dump.json');
  assert.is(found.length, 100);
});

oneLine.run();

const wired = suite('streaming: in a folder scan');

wired('a file over the streaming threshold is streamed by scan() and gives the same findings as a whole read', async () => {
  const k = new Keys(931);
  const filler = 'just some ordinary configuration text, line after line\n';
  const lines = Math.ceil((STREAM_ABOVE + 1024 * 1024) / filler.length);
  // A pair near the start, one straddling the first 8 MiB chunk boundary, one at the very end.
  const pair = (): string => `aws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}\n`;
  const atBoundary = Math.floor(8 * 1024 * 1024 / filler.length) - 1;
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(i === 10 || i === atBoundary ? pair() : filler);
  body.push(pair());
  const root = makeTree({ 'big.log': body.join('') });
  try {
    const size = statSync(join(root, 'big.log')).size;
    assert.ok(size > STREAM_ABOVE, 'the file must be over the threshold');
    const streamed = await scan({ paths: [root], redact: false, threads: 1 });
    const whole = detect({ path: 'big.log', text: readFileSync(join(root, 'big.log'), 'utf8') }, rules);
    if (!streamed.ok) throw new Error(streamed.messages.join('\n'));
    assert.is(streamed.result.stats.bytesScanned, size);
    assert.is(streamed.result.findings.length, 6);
    const where = (f: Finding): string => `${f.ruleId}:${f.line}:${f.column}:${f.value}:${f.fingerprint}`;
    assert.equal(streamed.result.findings.map(where), whole.map(where));
  } finally {
    removeTree(root);
  }
});

wired.run();
