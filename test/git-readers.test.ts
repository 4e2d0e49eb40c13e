// The pieces a history scan reads through: the compact set of blob names seen, the blob reader's
// backpressure (git stops writing while the scan has not caught up), and the same findings whatever
// the number of readers.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { credentials, git, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { scanHistory } from '../src/git/history.js';
import { OidSet } from '../src/git/oid-set.js';
import { CatFile, type ObjectData } from '../src/git/repo.js';
import { markMovable, movableBuffers, wasMoved } from '../src/pool/transfer.js';
import type { ScanTask } from '../src/pool/tasks.js';
import { MessageChannel } from 'node:worker_threads';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules = loaded.rules;

const test = suite('history readers');

test('OidSet: every name added is found, no other; a repeat is not added twice (SHA-1 and SHA-256 widths)', () => {
  for (const bytes of [20, 32]) {
    const set = new OidSet();
    const names = Array.from({ length: 5000 }, () => randomBytes(bytes).toString('hex'));
    for (const n of names) assert.ok(set.add(n));
    assert.is(set.size, 5000);
    for (const n of names) assert.ok(set.has(n), n);
    for (const n of names.slice(0, 100)) assert.not.ok(set.add(n));
    assert.is(set.size, 5000);
    for (let i = 0; i < 5000; i++) assert.not.ok(set.has(randomBytes(bytes).toString('hex')));
    // Names that share their first bytes (the hash) still differ.
    const a = '00000000' + '1'.repeat(bytes * 2 - 8);
    const b = '00000000' + '2'.repeat(bytes * 2 - 8);
    assert.ok(set.add(a));
    assert.not.ok(set.has(b));
    assert.ok(set.add(b));
    assert.ok(set.has(a) && set.has(b));
  }
});

test('CatFile with a hold limit: git output is not read past the limit until the caller releases; every object then arrives whole', async () => {
  const repo = Repo.init();
  const reader = CatFile.batch(repo.dir, { holdLimit: 100_000 });
  try {
    const blobs = Array.from({ length: 30 }, () => randomBytes(40_000).toString('base64')); // 53,336 bytes each
    const names = blobs.map((b) => git(repo.dir, ['hash-object', '-w', '--stdin'], { input: b }).trim());
    const done: (ObjectData | undefined)[] = [];
    const reads = names.map((n, i) => reader.request(n).then((d) => (done[i] = d)));
    // Nothing released: at most what fits under the limit, plus what one pipe read completes.
    await Promise.race([reads[29], new Promise((r) => setTimeout(r, 1500))]);
    const early = done.filter((d) => d !== undefined).length;
    assert.ok(early < 30, `all 30 objects (1.6 MB) were read past a 100 KB hold limit`);
    assert.ok(early * 53_336 <= 100_000 + 53_336 + 256 * 1024, `${early} objects read`);
    // Released one by one, in order, as a scan would: every object arrives, intact.
    for (let i = 0; i < names.length; i++) {
      const data = await reads[i]!;
      assert.is(data?.content?.toString('utf8'), blobs[i]);
      reader.release(data);
    }
  } finally {
    reader.close();
    repo.cleanup();
  }
});

test('one, two or three blob readers: the same findings, commits, atHead and stats', async () => {
  const k = new Keys(1301);
  const repo = Repo.init();
  try {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/mod${i}.py`] = `# module ${i}\nVALUE = ${i}\n`;
    repo.commitFiles('Initial commit', files);
    const pairs = Array.from({ length: 6 }, () => [k.keyId(), k.secret()] as const);
    pairs.forEach(([id, secret], i) => {
      repo.commitFiles(`Add config ${i}`, { [`conf/c${i}.ini`]: `[default]\n${credentials(id, secret)}`, [`src/mod${i}.py`]: `# module ${i} edited\nVALUE = ${i + 100}\n` });
      if (i % 2 === 0) repo.commitFiles(`Remove config ${i}`, { [`conf/c${i}.ini`]: '[default]\n' });
    });
    const shape = async (readers: number) => {
      const r = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1024 * 1024, readers, threads: 1 });
      if (!r.ok) throw new Error(r.message);
      return { findings: r.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}:${f.fingerprint}@${f.commit?.sha}:${f.atHead}`).sort(), stats: [r.stats.filesScanned, r.stats.bytesScanned] };
    };
    const one = await shape(1);
    assert.is(one.findings.length, 12);
    assert.equal(await shape(2), one);
    assert.equal(await shape(3), one);
  } finally {
    repo.cleanup();
  }
});

test('movable bytes: only buffers their owner marked, and only whole ones, are moved; a moved task says so', () => {
  const own = Buffer.allocUnsafeSlow(1000).fill(65);
  const pooled = Buffer.from('a small buffer, a slice of a shared pool');
  const slice = Buffer.allocUnsafeSlow(1000).subarray(10);
  for (const b of [own, pooled, slice]) markMovable(b);
  const tasks: ScanTask[] = [own, pooled, slice].map((bytes, i) => ({ kind: 'bytes', path: `f${i}`, bytes }));
  const moving = movableBuffers(tasks);
  assert.equal(moving, [own.buffer]);
  assert.not.ok(tasks.some(wasMoved));
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(tasks, moving);
  port1.close();
  port2.close();
  assert.equal(tasks.map(wasMoved), [true, false, false]);
  assert.is(pooled.toString().length, 40);
});

test.run();
