// Binary files scanned through their printable strings, with byte offsets; UTF-16 text without a
// byte-order mark. Every input is built here; keys are synthetic (helpers/keys.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scan } from '../src/run.js';
import { scanFileStreaming } from '../src/scan/stream.js';
import { decode, sniffEncoding } from '../src/sources/decode.js';
import { extractStrings, MIN_STRING_CHARS, StringsExtractor } from '../src/sources/strings.js';
import type { Finding } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { credentials } from './helpers/git.js';
import { Keys, prng } from './helpers/keys.js';
import { validate } from './helpers/sarif-schema.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;

/** Deterministic noise, as an image's compressed pixels would be. */
function noise(n: number, seed: number): Buffer {
  const random = prng(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Scans one file in a fresh folder, unredacted. */
async function scanOne(name: string, bytes: Uint8Array, extra: { binaryStrings?: boolean } = {}) {
  const root = makeTree({ [name]: bytes });
  try {
    const outcome = await scan({ paths: [root], redact: false, threads: 1, ...extra });
    if (!outcome.ok) throw new Error(outcome.messages.join('\n'));
    return outcome.result;
  } finally {
    removeTree(root);
  }
}

const where = (f: Finding): [string | undefined, number | undefined, number | undefined] => [f.part, f.offset, f.byteLength];

const strings = suite('strings extraction');

strings('ASCII and UTF-16LE runs of 8+ characters, in file order, with their offsets; shorter runs are dropped', () => {
  const bytes = Buffer.concat([
    Buffer.from('short\0'), // 5 characters: dropped
    Buffer.from('\x01\x02first string\n'), // the newline ends the run
    Buffer.from([0xff, 0xfe, 0x03]),
    Buffer.from('wide string', 'utf16le'), // at an odd offset
    Buffer.from([0x00, 0x00, 0x7f]),
    Buffer.from('exactly8\0'),
    Buffer.from('seven77\0'),
  ]);
  const runs = extractStrings(bytes);
  assert.equal(runs.map((r) => [r.text, r.offset, r.width]), [
    ['first string', 8, 1],
    ['wide string', 24, 2],
    ['exactly8', 49, 1],
  ]);
  assert.is(bytes.subarray(24, 24 + 22).toString('utf16le'), 'wide string');
  assert.is(MIN_STRING_CHARS, 8);
});

strings('fed in chunks of any size, the runs are those of the whole (a run or a UTF-16 character split across chunks)', () => {
  const k = new Keys(1501);
  const bytes = Buffer.concat([noise(3000, 1), Buffer.from(`id ${k.keyId()}`), noise(777, 2), Buffer.from(`x${k.secret()}`, 'utf16le'), noise(1000, 3), Buffer.from('tail of the file')]);
  const whole = extractStrings(bytes);
  assert.ok(whole.some((r) => r.width === 2 && r.text.length === 41));
  for (const size of [1, 2, 3, 7, 64, 1000, 4096]) {
    const x = new StringsExtractor();
    const got = [];
    for (let i = 0; i < bytes.length; i += size) got.push(...x.push(bytes.subarray(i, i + size)));
    got.push(...x.end());
    assert.equal(got, whole, `chunks of ${size}`);
  }
});

strings('memory is bounded: a printable run longer than 1 MiB is cut into runs of at most 1 MiB', () => {
  const runs = extractStrings(Buffer.alloc(2.5 * 1024 * 1024, 0x41));
  assert.equal(runs.map((r) => [r.offset, r.text.length]), [[0, 1048576], [1048576, 1048576], [2097152, 524288]]);
});

strings.run();

const utf16 = suite('UTF-16 text without a byte-order mark');

utf16('UTF-16LE and UTF-16BE text without a BOM is decoded as text, and its key found on its line', async () => {
  const k = new Keys(1502);
  const text = `# settings\n${credentials(k.keyId(), k.secret())}`;
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.is(sniffEncoding(le), 'utf-16le');
  assert.is(sniffEncoding(be), 'utf-16be');
  assert.equal(decode(be), { binary: false, text });
  const result = await scanOne('settings.ini', le);
  assert.equal(result.findings.map((f) => [f.part, f.line, f.column, f.offset, f.severity]), [['key-id', 2, 21, undefined, 'critical'], ['secret-key', 3, 25, undefined, 'critical']]);
  assert.is(result.stats.binariesScanned, 0);
});

utf16('a binary with NULs in every other byte but also pairs of NULs is not taken for UTF-16', () => {
  const bytes = Buffer.concat([Buffer.from('abcdefgh', 'utf16le'), Buffer.from([0, 0]), Buffer.from('ijklmnop', 'utf16le')]);
  assert.is(sniffEncoding(bytes), 'binary');
  assert.is(sniffEncoding(Buffer.from('\ufeffabc', 'utf16le')), 'utf-16le', 'with a BOM, as before');
});

utf16.run();

const binaries = suite('binary files scanned through their strings');

binaries('a file with NULs and a key: found, paired, at the byte offsets of its values', async () => {
  const k = new Keys(1503);
  const [id, secret] = [k.keyId(), k.secret()];
  const bytes = Buffer.concat([Buffer.from('header\0\0\0binary\n'), Buffer.from(credentials(id, secret)), Buffer.from([0, 1, 2])]);
  const result = await scanOne('blob.dat', bytes);
  assert.equal(result.findings.map(where), [['key-id', bytes.indexOf(id), 20], ['secret-key', bytes.indexOf(secret), 40]]);
  assert.equal(result.findings.map((f) => [f.value, f.severity, f.pair?.offset]), [[id, 'critical', bytes.indexOf(secret)], [secret, 'critical', bytes.indexOf(id)]]);
  assert.is(result.stats.filesScanned, 1);
  assert.is(result.stats.binariesScanned, 1);
  assert.is(result.stats.skipped.binary, 0);
  const off = await scanOne('blob.dat', bytes, { binaryStrings: false });
  assert.equal([off.findings, off.stats.skipped.binary, off.stats.binariesScanned], [[], 1, 0]);
});

binaries('a .pyc-like file (magic number, header, marshalled strings) with a key', async () => {
  const k = new Keys(1504);
  const [id, secret] = [k.keyId(), k.secret()];
  // Python 3.11 marshal: TYPE_SHORT_ASCII_INTERNED with FLAG_REF (0xda), a length byte, the characters;
  // the constants are followed by the names tuple (`)`, a count).
  const short = (s: string): Buffer => Buffer.concat([Buffer.from([0xda, s.length]), Buffer.from(s, 'latin1')]);
  const header = Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x5f, 0x1e, 0x77, 0x66, 0x2c, 0x01, 0, 0]);
  const code = Buffer.from([0xe3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0, 0, 0, 0xf3, 0x1a, 0, 0, 0, 0x97, 0x00, 0x64, 0x00, 0x5a, 0x00]);
  const bytes = Buffer.concat([header, code, Buffer.from([0x29, 0x03]), short('AWS_ACCESS_KEY_ID'), short(id), short('AWS_SECRET_ACCESS_KEY'), short(secret), Buffer.from([0x29, 0x02, 0xda, 0x02, 0x6f, 0x73, 0x4e])]);
  const result = await scanOne('settings.cpython-311.pyc', bytes);
  assert.equal(result.findings.map(where), [['key-id', bytes.indexOf(id), 20], ['secret-key', bytes.indexOf(secret), 40]]);
  assert.ok(result.findings.every((f) => f.severity === 'critical'), 'the ID and the secret pair across strings');
});

binaries('an SQLite database with a settings table holding a key', async () => {
  const k = new Keys(1505);
  const [id, secret] = [k.keyId(), k.secret()];
  const root = makeTree({});
  try {
    const db = join(root, 'app.db');
    // A settings table holding a JSON document, as apps store their configuration. (A name column and a
    // value column side by side are stored back to back, `aws_access_key_idAKIA…`: the ID rule wants a
    // boundary before AKIA, so that layout is not found; README "Binary files", limits.)
    const json = JSON.stringify({ region: 'eu-west-1', aws_access_key_id: id, aws_secret_access_key: secret });
    const sql = `CREATE TABLE settings (name TEXT PRIMARY KEY, doc TEXT); INSERT INTO settings VALUES ('theme', 'dark'), ('aws', '${json}');`;
    const made = makeSqlite(db, sql);
    if (made !== undefined) console.log(`  (sqlite test: ${made})`);
    const bytes = readFileSync(db);
    assert.is(sniffEncoding(bytes), 'binary');
    const result = await scanOne('app.db', bytes);
    assert.equal(result.findings.map(where), [['key-id', bytes.indexOf(id), 20], ['secret-key', bytes.indexOf(secret), 40]]);
  } finally {
    removeTree(root);
  }
});

/**
 * Writes an SQLite database with sqlite3 or python3's sqlite3 module; without either, a byte-level
 * lookalike (header, zeroed pages, the record's text run as SQLite lays it out) and says why.
 */
function makeSqlite(file: string, sql: string): string | undefined {
  for (const [cmd, args] of [['sqlite3', [file, sql]], ['python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()', file, sql]]] as const) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return undefined;
    } catch {
      // next
    }
  }
  const values = [...sql.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080), Buffer.from([0x0d, 0, 0, 0, 2]), Buffer.from(values.join(''))]));
  return 'neither sqlite3 nor python3 is here: a byte-level lookalike was scanned';
}

binaries('a UTF-16LE string inside a binary: found at its byte offset, two bytes a character', async () => {
  const k = new Keys(1506);
  const id = k.keyId();
  const bytes = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), noise(501, 4), Buffer.from(`AccessKeyId=${id}`, 'utf16le'), Buffer.from([0, 0]), noise(300, 5)]);
  const result = await scanOne('tool.exe', bytes);
  const at = bytes.indexOf(Buffer.from(id, 'utf16le'));
  assert.ok(at > 500);
  assert.equal(result.findings.map(where), [['key-id', at, 40]]);
});

binaries('an image-like binary of random bytes gives no finding, and is counted as a binary scanned', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), noise(2 * 1024 * 1024, 6)]);
  const result = await scanOne('photo.png', png);
  assert.equal(result.findings, []);
  assert.equal([result.stats.filesScanned, result.stats.binariesScanned, result.errors], [1, 1, []]);
});

binaries('a streamed binary (over 8 MiB) gives the offsets a whole read gives, with keys across read boundaries', async () => {
  const k = new Keys(1507);
  const [id, secret, wide] = [k.keyId(), k.secret(), k.keyId('ASIA')];
  const MiB = 1024 * 1024;
  const bytes = noise(9 * MiB, 7);
  // The ID straddles the first 1 MiB read; a UTF-16LE ID straddles the third at an odd offset.
  const first = Buffer.from(`\0aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n\0`);
  first.copy(bytes, MiB - 30);
  Buffer.from(`\0\0${wide}`, 'utf16le').copy(bytes, 3 * MiB - 11);
  const root = makeTree({ 'core.dump': bytes });
  try {
    const streamed = await scanFileStreaming('core.dump', join(root, 'core.dump'), rules);
    assert.equal([streamed.binary, streamed.strings, streamed.bytes], [true, true, bytes.length]);
    const expected = [['key-id', bytes.indexOf(id), 20], ['secret-key', bytes.indexOf(secret), 40], ['key-id', bytes.indexOf(Buffer.from(wide, 'utf16le')), 40]];
    assert.equal(streamed.findings.map(where), expected);
    const result = await scanOne('core.dump', bytes);
    assert.equal(result.findings.map(where), expected, 'the CLI path streams it too');
  } finally {
    removeTree(root);
  }
});

binaries.run();

const formats = suite('binary findings in every format');

formats('text and github say "offset N"; JSON has offset and byteLength; SARIF a byte region, valid', async () => {
  const k = new Keys(1508);
  const [id, secret] = [k.keyId(), k.secret()];
  const bytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.from(credentials(id, secret)), Buffer.from([0])]);
  const root = makeTree({ 'app.bin': bytes });
  const [idAt, secretAt] = [bytes.indexOf(id), bytes.indexOf(secret)];
  try {
    const text = await runCli(['scan', root, '--no-progress']);
    assert.is(text.code, 1, text.stderr);
    assert.match(text.stdout, `offset ${idAt} `);
    assert.match(text.stdout, `pairs with secret access key at offset ${secretAt} `);
    assert.match(text.stdout, '1 of them binary, through their strings');
    const json = JSON.parse((await runCli(['scan', root, '-f', 'json'])).stdout) as { findings: Finding[]; stats: { binariesScanned: number } };
    assert.equal(json.findings.map((f) => [f.offset, f.byteLength, f.pair?.offset]), [[idAt, 20, secretAt], [secretAt, 40, idAt]]);
    assert.is(json.stats.binariesScanned, 1);
    const sarif = JSON.parse((await runCli(['scan', root, '-f', 'sarif'])).stdout) as { runs: { results: { locations: { physicalLocation: { region: unknown } }[] }[] }[] };
    assert.ok(validate(sarif), 'valid SARIF');
    assert.equal(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region), [{ byteOffset: idAt, byteLength: 20 }, { byteOffset: secretAt, byteLength: 40 }]);
    const github = (await runCli(['scan', root, '-f', 'github'])).stdout;
    assert.match(github, `::error file=app.bin,title=AWS access key ID::AWS access key ID AKIA`);
    assert.match(github, `at offset ${idAt}`);
    assert.not.match(github, /line=/);
    const off = await runCli(['scan', root, '--no-binary-strings', '-f', 'json']);
    assert.is(off.code, 0, off.stderr);
    assert.is((JSON.parse(off.stdout) as { stats: { skipped: { binary: number } } }).stats.skipped.binary, 1);
    writeFileSync(join(root, '.keyhound.yml'), 'defaults:\n  binaryStrings: false\n');
    assert.is((await runCli(['scan', root, '-q'])).code, 0, 'defaults.binaryStrings: false in .keyhound.yml');
    assert.is((await runCli(['scan', root, '-q', '--binary-strings'])).code, 1, 'the flag wins over the configuration');
  } finally {
    removeTree(root);
  }
});

formats.run();
