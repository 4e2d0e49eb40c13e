// One bad file costs one warning: an exception while one file, blob or stdin is decoded or scanned
// names that file (and, in history, its commit), and every other file is still scanned and reported.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { credentials, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { spawnCli } from './helpers/cli.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scan } from '../src/run.js';
import { scanFile } from '../src/scan/read-file.js';
import { scanStaged } from '../src/git/staged.js';
import { scanHistory } from '../src/git/history.js';
import { BatchScanner } from '../src/pool/batches.js';
import type { ScanTask } from '../src/pool/tasks.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules do not load');
const builtin: CompiledRule[] = loaded.rules;

/** A regex that throws on text holding EXPLODE, as the engine does when a pattern overflows the stack. */
class Exploding extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    if (text.includes('EXPLODE')) throw new RangeError('Maximum call stack size exceeded (injected)');
    return super.exec(text);
  }
}
/** The built-in rules plus one that throws on EXPLODE: runs in this thread only (a worker gets a plain RegExp). */
const rules: CompiledRule[] = [...builtin, { ...builtin[0]!, id: 'test-exploding', shape: undefined, provider: undefined, part: undefined, pairs: undefined, keywords: [], allowPaths: [], requires: undefined, regex: new Exploding('(EXPLODE)', 'gd') }];

const keys = new Keys(1010);
const ID = keys.keyId();
const SECRET = keys.secret();
const CREDS = credentials(ID, SECRET);

const folder = suite('isolation: folder and file scans');

folder('a file whose scan throws is a warning naming it; the key pair in the next file is reported', async () => {
  const root = makeTree({ 'a-boom.txt': 'x = EXPLODE\n', 'b.env': CREDS });
  try {
    const r = await scan({ paths: [root], rules, threads: 1 });
    if (!r.ok) throw new Error(r.messages.join('\n'));
    assert.equal(r.result.findings.map((f) => f.path), ['b.env', 'b.env']);
    assert.equal(r.result.errors.map((e) => `${e.kind}:${e.path}`), ['scan-failed:a-boom.txt']);
    assert.match(r.result.errors[0]!.message, /Maximum call stack size exceeded \(injected\)/);
    assert.is(r.result.stats.filesScanned, 1);
  } finally {
    removeTree(root);
  }
});

folder('a streamed file whose scan throws is a warning too', async () => {
  const root = makeTree({ 'boom.txt': `${'filler\n'.repeat(1000)}EXPLODE\n` });
  try {
    const outcome = await scanFile({ path: 'boom.txt', abs: join(root, 'boom.txt') }, rules, { maxFileSize: 1 << 30, streamAbove: 0 });
    assert.is(outcome.kind, 'error');
    if (outcome.kind === 'error') assert.equal([outcome.error.kind, outcome.error.path], ['scan-failed', 'boom.txt']);
  } finally {
    removeTree(root);
  }
});

folder('standard input whose scan throws is a warning naming <stdin>; the files named with it are scanned', async () => {
  const root = makeTree({ 'b.env': CREDS });
  async function* stdin(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('x = EXPLODE\n');
  }
  try {
    const r = await scan({ paths: ['-', join(root, 'b.env')], stdin: stdin(), rules, threads: 1 });
    if (!r.ok) throw new Error(r.messages.join('\n'));
    assert.is(r.result.findings.length, 2);
    assert.equal(r.result.errors.map((e) => `${e.kind}:${e.path}`), ['scan-failed:<stdin>']);
  } finally {
    removeTree(root);
  }
});

folder('in worker threads a task that throws is its own warning, and the batch is still scanned', async () => {
  const scanner = new BatchScanner<string>({ rules: builtin, limits: { maxFileSize: 1 << 20, streamAbove: Infinity } }, 2, { bytes: 0, tasks: 0 });
  const outcomes: string[] = [];
  try {
    // Bytes that are not bytes: decoding throws, in the worker.
    const tasks: ScanTask[] = [
      { kind: 'bytes', path: 'bad', bytes: { length: 3 } as unknown as Uint8Array },
      { kind: 'bytes', path: 'good.env', bytes: Buffer.from(CREDS) },
    ];
    for (const task of tasks) for (const [item, o] of await scanner.add(task.path, task, 10)) outcomes.push(`${item}:${o.kind}:${o.kind === 'scanned' ? o.findings.length : o.kind === 'error' ? o.error.kind : ''}`);
    for (const [item, o] of await scanner.finish()) outcomes.push(`${item}:${o.kind}:${o.kind === 'scanned' ? o.findings.length : o.kind === 'error' ? o.error.kind : ''}`);
    assert.is(scanner.workers, 2);
  } finally {
    await scanner.close();
  }
  assert.equal(outcomes, ['bad:error:scan-failed', 'good.env:scanned:2']);
});

folder('a batch the pool cannot take is rescanned in this thread, where a task that throws is still its own warning', async () => {
  // `rules` holds the Exploding regex: a worker gets a plain copy, this thread the real one.
  const scanner = new BatchScanner<string>({ rules, limits: { maxFileSize: 1 << 20, streamAbove: Infinity } }, 2, { bytes: 0, tasks: 0 });
  const outcomes: string[] = [];
  const describe = ([item, o]: [string, import('../src/scan/content.js').ContentOutcome]): string =>
    `${item}:${o.kind}:${o.kind === 'scanned' ? o.findings.length : o.kind === 'error' ? o.error.kind : ''}`;
  try {
    // A function cannot be posted to a worker: pool.run() rejects and the batch falls back to this thread.
    const tasks = [
      { kind: 'bytes', path: 'boom.txt', bytes: Buffer.from('EXPLODE\n'), notCloneable: () => 0 },
      { kind: 'bytes', path: 'good.env', bytes: Buffer.from(CREDS) },
    ] as ScanTask[];
    for (const task of tasks) outcomes.push(...(await scanner.add(task.path, task, 10)).map(describe));
    outcomes.push(...(await scanner.finish()).map(describe));
    assert.is(scanner.workers, 2, 'the pool was in use');
  } finally {
    await scanner.close();
  }
  assert.equal(outcomes, ['boom.txt:error:scan-failed', 'good.env:scanned:2']);
});

/** A ~6 MiB base64 run after `aws_session_token = `: it overflowed the regex engine's stack (issue 10). */
function longToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chars = new Array<string>(6 * 1024 * 1024);
  for (let i = 0; i < chars.length; i++) chars[i] = alphabet[(i * 7919 + 13) % 64]!;
  return `aws_session_token = ${chars.join('')}\n`;
}

folder('the CLI: a 6 MiB token in one file never hides the key pair in another (exit 1)', () => {
  const root = makeTree({ 'a-token.env': longToken(), 'b.env': CREDS });
  try {
    const r = spawnCli(['scan', root, '--format', 'json']);
    assert.is(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { path: string }[]; errors: { path: string; kind: string }[] };
    assert.ok(out.findings.filter((f) => f.path === 'b.env').length === 2, r.stdout.slice(0, 2000));
    // Once the rules are bounded the token is simply scanned; until then it is a warning naming it.
    for (const e of out.errors) assert.equal([e.path, e.kind], ['a-token.env', 'scan-failed']);
  } finally {
    removeTree(root);
  }
});

folder.run();

const git = suite('isolation: staged and history');

git('staged: a staged file whose scan throws is a warning; the key pair staged beside it blocks', async () => {
  const repo = Repo.init();
  try {
    repo.write('a-boom.txt', 'EXPLODE\n').write('b.env', CREDS).add();
    const r = await scanStaged({ cwd: repo.dir, rules, maxFileSize: 1 << 20 });
    if (!r.ok) throw new Error(r.message);
    assert.equal(r.findings.map((f) => f.path), ['b.env', 'b.env']);
    assert.equal(r.errors.map((e) => `${e.kind}:${e.path}`), ['scan-failed:a-boom.txt']);
  } finally {
    repo.cleanup();
  }
});

git('history: a blob whose scan throws is a warning naming its path and commit; later keys are found', async () => {
  const repo = Repo.init();
  try {
    const boom = repo.commitFiles('boom', { 'a-boom.txt': 'EXPLODE\n' });
    repo.commitFiles('creds', { 'b.env': CREDS });
    const r = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1 << 20, threads: 1 });
    if (!r.ok) throw new Error(r.message);
    assert.equal(r.findings.map((f) => f.path), ['b.env', 'b.env']);
    assert.equal(r.errors.map((e) => `${e.kind}:${e.path}`), ['scan-failed:a-boom.txt']);
    assert.ok(r.errors[0]!.message.includes(boom.slice(0, 12)), r.errors[0]!.message);
  } finally {
    repo.cleanup();
  }
});

git('the CLI: history with a 6 MiB token blob still reports the key committed after it (exit 1)', () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('token', { 'a-token.env': longToken() });
    repo.commitFiles('creds', { 'b.env': CREDS });
    const r = spawnCli(['history', '--format', 'json'], { cwd: repo.dir });
    assert.is(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { path: string }[]; errors: { path: string; kind: string }[] };
    assert.is(out.findings.filter((f) => f.path === 'b.env').length, 2);
    for (const e of out.errors) assert.equal([e.path, e.kind], ['a-token.env', 'scan-failed']);
  } finally {
    repo.cleanup();
  }
});

git.run();
