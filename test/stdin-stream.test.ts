// Standard input, FIFOs and devices have no size to check beforehand (and /dev/zero no end): they are
// streamed through the windowed scanner like large files, and read no further than --max-file-size.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { credentials } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { BIN } from './helpers/cli.js';
import { scan } from '../src/run.js';
import type { ScanError } from '../src/types.js';

const keys = new Keys(3030);
const ID = keys.keyId();
const SECRET = keys.secret();
const LATE_ID = keys.keyId();

/** Endless text (a key pair first), 64 KiB a chunk; counts the bytes handed out. */
function endless(): { chunks: AsyncIterable<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const filler = Buffer.from('filler line with nothing in it\n'.repeat(2114)); // ~64 KiB
  async function* gen(): AsyncGenerator<Uint8Array> {
    const first = Buffer.from(credentials(ID, SECRET));
    pulled += first.length;
    yield first;
    for (;;) {
      pulled += filler.length;
      yield filler;
    }
  }
  return { chunks: gen(), pulled: () => pulled };
}

const stdin = suite('stdin: streamed, with --max-file-size');

stdin('endless standard input is read up to --max-file-size, scanned, and a warning says so', async () => {
  const input = endless();
  const max = 1024 * 1024;
  const r = await scan({ paths: ['-'], stdin: input.chunks, maxFileSize: max, threads: 1 });
  if (!r.ok) throw new Error(r.messages.join('\n'));
  assert.equal(r.result.findings.map((f) => f.ruleId).sort(), ['aws-access-key-id', 'aws-secret-access-key']);
  assert.equal(r.result.errors, [{ path: '<stdin>', kind: 'too-large', message: `only the first ${max} bytes were scanned: it goes on past --max-file-size (${max} bytes)` }] satisfies ScanError[]);
  assert.is(r.result.stats.bytesScanned, max);
  // Bounded: it stopped pulling one chunk past the limit.
  assert.ok(input.pulled() <= max + 2 * 65536, `pulled ${input.pulled()} bytes`);
});

stdin('standard input within the limit is scanned whole, with no warning; a key past the limit is not read', async () => {
  const text = `${'x = 1\n'.repeat(1000)}${credentials(ID, SECRET)}`;
  const r = await scan({ paths: ['-'], stdin: toAsync([Buffer.from(text)]), threads: 1 });
  if (!r.ok) throw new Error(r.messages.join('\n'));
  assert.is(r.result.findings.length, 2);
  assert.equal(r.result.errors, []);
  const cut = await scan({ paths: ['-'], stdin: toAsync([Buffer.from(`key = ${ID}\n${'y'.repeat(5000)}\nkey = ${LATE_ID}\n`)]), maxFileSize: 1000, threads: 1 });
  if (!cut.ok) throw new Error(cut.messages.join('\n'));
  assert.equal(cut.result.findings.map((f) => f.value.slice(-4)), [ID.slice(-4)]);
  assert.equal(cut.result.errors.map((e) => e.kind), ['too-large']);
});

async function* toAsync(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

stdin.run();

const devices = suite('devices and FIFOs named on the command line');

devices('keyhound scan /dev/zero and scan - < /dev/zero end at once (binary), whatever --max-file-size', () => {
  if (!existsSync('/dev/zero')) {
    console.log('  (skipped: no /dev/zero here)');
    return;
  }
  for (const shell of [`node "${BIN}" scan /dev/zero --max-file-size 200MB`, `node "${BIN}" scan - --max-file-size 200MB < /dev/zero`]) {
    const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8', timeout: 120_000 });
    assert.is(r.status, 0, `${shell}: ${r.stderr} ${r.error?.message ?? ''}`);
    assert.match(r.stdout, /skipped: 1 binary/);
  }
});

devices('a FIFO is streamed: a key in it is found; an endless one is cut at --max-file-size with a warning', async () => {
  if (spawnSync('mkfifo', ['--version']).error !== undefined) {
    console.log('  (skipped: no mkfifo here)');
    return;
  }
  const root = makeTree({});
  const fifo = join(root, 'pipe');
  spawnSync('mkfifo', [fifo]);
  try {
    const writer = spawn('sh', ['-c', `printf '%s' "$0" > "$1"`, credentials(ID, SECRET), fifo], { stdio: 'ignore' });
    const found = await scan({ paths: [fifo], threads: 1 });
    writer.kill();
    if (!found.ok) throw new Error(found.messages.join('\n'));
    assert.is(found.result.findings.length, 2);
    const endlessWriter = spawn('sh', ['-c', 'yes "filler line" > "$0"', fifo], { stdio: 'ignore' });
    const cut = await scan({ paths: [fifo], maxFileSize: 100_000, threads: 1 });
    endlessWriter.kill();
    if (!cut.ok) throw new Error(cut.messages.join('\n'));
    assert.equal(cut.result.errors.map((e) => `${e.kind}:${e.message.slice(0, 35)}`), ['too-large:only the first 100000 bytes were sc']);
    assert.is(cut.result.stats.bytesScanned, 100_000);
  } finally {
    removeTree(root);
  }
});

devices.run();
