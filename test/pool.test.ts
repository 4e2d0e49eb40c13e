// Worker threads change how fast a scan runs, never what it finds: the same inputs scanned in one
// thread and in a pool give the same findings, errors, counts and commit attribution.
import { suite } from 'uvu';
import { availableParallelism } from 'node:os';
import * as assert from 'uvu/assert';
import { credentials, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scan, type ScanOutcome } from '../src/run.js';
import { scanHistory } from '../src/git/history.js';
import { BatchScanner } from '../src/pool/batches.js';
import { ScanPool } from '../src/pool/pool.js';
import type { ScanTask } from '../src/pool/tasks.js';
import type { ScanResult } from '../src/types.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules do not load');
const rules: CompiledRule[] = loaded.rules;
/** Starts the pool at once, so that even a small test input is scanned by workers. */
const ALWAYS = { bytes: 0, tasks: 0 };

/** A tree of many small files, some with keys, one binary, one unreadable path. */
function sampleTree(keys: Keys): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 300; i++) {
    const dir = `d${i % 7}`;
    files[`${dir}/f${i}.txt`] = i % 23 === 0 ? `# config ${i}\n${credentials(keys.keyId(), keys.secret())}` : `line ${i}\n`.repeat(i % 50);
  }
  files['bin/blob.dat'] = new Uint8Array([1, 2, 0, 3, 4]);
  return files;
}

function comparable(outcome: ScanOutcome): Omit<ScanResult, 'stats'> & { stats: Omit<ScanResult['stats'], 'durationMs'> } {
  if (!outcome.ok) throw new Error(outcome.messages.join('\n'));
  const { durationMs: _ignored, ...stats } = outcome.result.stats;
  return { ...outcome.result, stats };
}

const folder = suite('worker pool: folder scans');

folder('one thread and a pool of two give the same result', async () => {
  const root = makeTree(sampleTree(new Keys(601)));
  try {
    const one = comparable(await scan({ paths: [root], threads: 1 }));
    const pool = comparable(await scan({ paths: [root], threads: 2, parallelAbove: ALWAYS }));
    assert.ok(one.findings.length >= 20, `expected findings, got ${one.findings.length}`);
    assert.is(one.stats.binariesScanned, 1, 'the binary is scanned through its strings');
    assert.equal(pool, one);
  } finally {
    removeTree(root);
  }
});

folder('a file that cannot be read is an error in the pool too, and the rest is scanned', async () => {
  const keys = new Keys(602);
  const root = makeTree({ 'a.env': credentials(keys.keyId(), keys.secret()), 'b.txt': 'x'.repeat(5000) });
  try {
    const r = comparable(await scan({ paths: [root], threads: 2, parallelAbove: ALWAYS, maxFileSize: 1000 }));
    assert.is(r.findings.length, 2);
    assert.equal(r.errors.map((e) => `${e.kind}:${e.path}`), ['too-large:b.txt']);
    assert.is(r.stats.skipped.tooLarge, 1);
  } finally {
    removeTree(root);
  }
});

folder.run();

const history = suite('worker pool: history scans');

history('one thread and a pool of two attribute every key to the same commit', async () => {
  const keys = new Keys(603);
  const repo = Repo.init();
  try {
    for (let c = 0; c < 12; c++) {
      const files: Record<string, string> = { [`notes/n${c}.txt`]: `note ${c}\n`.repeat(c + 1) };
      if (c % 3 === 0) files[`env/k${c}.env`] = credentials(keys.keyId(), keys.secret());
      // The same key again later in another file: reported once, at its first commit.
      if (c === 7) files['env/copy.env'] = `# copied\n${credentials(keys.keyId(), keys.secret())}`;
      repo.commitFiles(`commit ${c}`, files);
    }
    const one = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1 << 20, threads: 1 });
    const pool = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1 << 20, threads: 2, parallelAbove: ALWAYS });
    if (!one.ok || !pool.ok) throw new Error('history scan failed');
    assert.ok(one.findings.length >= 8);
    const key = (f: (typeof one.findings)[number]): string => `${f.path}:${f.line}:${f.ruleId}:${f.commit?.sha}:${f.atHead}`;
    assert.equal(pool.findings.map(key), one.findings.map(key));
    assert.equal({ ...pool.stats, durationMs: 0 }, { ...one.stats, durationMs: 0 });
  } finally {
    repo.cleanup();
  }
});

history.run();

const batches = suite('worker pool: batches and failures');

batches('outcomes come back in the order tasks were added, whatever thread finished first', async () => {
  const scanner = new BatchScanner<number>({ rules, limits: { maxFileSize: 1 << 30, streamAbove: Infinity } }, 2, ALWAYS);
  const keys = new Keys(604);
  const order: number[] = [];
  try {
    for (let i = 0; i < 500; i++) {
      // Uneven sizes, so that batches take different times.
      const text = i % 50 === 0 ? 'filler line\n'.repeat(20000) + credentials(keys.keyId(), keys.secret()) : `n ${i}\n`;
      const task: ScanTask = { kind: 'bytes', path: `f${i}`, bytes: Buffer.from(text) };
      for (const [item] of await scanner.add(i, task, text.length)) order.push(item);
    }
    for (const [item] of await scanner.finish()) order.push(item);
    assert.is(scanner.workers, 2);
  } finally {
    await scanner.close();
  }
  assert.equal(order, Array.from({ length: 500 }, (_, i) => i));
});

batches('threads are capped at the cores: --jobs 200 on a small machine starts one worker per core', async () => {
  const scanner = new BatchScanner<number>({ rules, limits: { maxFileSize: 1 << 20, streamAbove: Infinity } }, 200, ALWAYS);
  try {
    for (let i = 0; i < 200; i++) await scanner.add(i, { kind: 'bytes', path: `f${i}`, bytes: Buffer.from(`n ${i}\n`) }, 4);
    await scanner.finish();
    assert.is(scanner.workers, availableParallelism());
  } finally {
    await scanner.close();
  }
});

batches('a worker that fails rejects its batch with a message instead of hanging', async () => {
  const pool = ScanPool.start({ rules, limits: { maxFileSize: 1 << 20, streamAbove: Infinity } }, 1);
  try {
    // A task that throws is that task's warning (test/isolation.test.ts); a batch that is not a list fails the batch.
    const bad = null as unknown as ScanTask[];
    await pool.run(bad).then(
      () => assert.unreachable('should have failed'),
      (err: Error) => assert.match(err.message, /^a scan worker failed: /),
    );
    // The worker survives a failed batch: the next one is scanned.
    const [outcome] = await pool.run([{ kind: 'bytes', path: 'ok.txt', bytes: Buffer.from('hello\n') }]);
    assert.equal(outcome, { kind: 'scanned', bytes: 6, findings: [] });
  } finally {
    await pool.close();
  }
});

batches.run();
