// --verbose names every path not scanned, and why: after the summary in text, a `skipped` list in JSON
// (absent without --verbose), in every mode. A folder pruned whole is one entry, not one per file.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { countSkip, MAX_NAMED_SKIPS, type SkippedPath, type Stats } from '../src/types.js';
import { emptyStats } from '../src/pipeline.js';
import { skippedText } from '../src/commands/report.js';
import { runCli } from './helpers/cli.js';
import { Repo } from './helpers/git.js';
import { makeTree, removeTree } from './helpers/tmp.js';

interface Report {
  skipped?: SkippedPath[];
  stats: Stats;
}

const test = suite('--verbose: every skipped path named, with its reason');

const BINARY = Uint8Array.from([0x50, 0x4b, 0x00, 0x01, 0x02]);

/** The counts in stats.skipped must be the list's, reason by reason. */
function assertCountsMatch(report: Report): void {
  const byReason: Record<string, number> = {};
  for (const s of report.skipped ?? []) byReason[s.reason] = (byReason[s.reason] ?? 0) + 1;
  for (const [reason, n] of Object.entries(report.stats.skipped)) assert.is(byReason[reason] ?? 0, n, `count of ${reason}`);
}

test('scan: each reason, a gitignored folder of 200 files as one entry, JSON and text', async () => {
  const files: Record<string, string | Uint8Array> = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'node_modules/\n*.log\n',
    '.keyhound.yml': 'allowlist:\n  paths: [vendor/**, fixtures/allowed.txt]\n',
    'app.log': 'x\n',
    'app.js': 'console.log(1);\n',
    'image.png': BINARY,
    'big.txt': 'y'.repeat(4096),
    'dist/out.js': 'x\n',
    'notes.md': 'x\n',
    'vendor/lib.js': 'x\n',
    'fixtures/allowed.txt': 'x\n',
  };
  for (let i = 0; i < 200; i++) files[`node_modules/pkg${i}/index.js`] = 'x\n';
  const dir = makeTree(files);
  try {
    symlinkSync('app.js', join(dir, 'link.js'));
    const args = ['scan', dir, '--exclude', 'dist', '--exclude', '*.md', '--max-file-size', '1KB', '--no-binary-strings'];
    const expected: SkippedPath[] = [
      { path: '.keyhound.yml', reason: 'allowlisted' },
      { path: 'app.log', reason: 'gitignored' },
      { path: 'big.txt', reason: 'tooLarge' },
      { path: 'dist/', reason: 'excluded' },
      { path: 'fixtures/allowed.txt', reason: 'allowlisted' },
      { path: 'image.png', reason: 'binary' },
      { path: 'link.js', reason: 'symlink' },
      { path: 'node_modules/', reason: 'gitignored' },
      { path: 'notes.md', reason: 'excluded' },
      { path: 'vendor/', reason: 'allowlisted' },
    ];
    const json = await runCli([...args, '--verbose', '--format', 'json']);
    assert.is(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as Report;
    assert.equal(report.skipped, expected);
    assertCountsMatch(report);

    const plain = await runCli([...args, '--format', 'json']);
    assert.is((JSON.parse(plain.stdout) as Report).skipped, undefined, 'the list is only there with --verbose');
    assert.equal((JSON.parse(plain.stdout) as Report).stats.skipped, report.stats.skipped);

    const text = await runCli([...args, '--verbose']);
    assert.is(text.code, 0, text.stderr);
    const summary = text.stdout.indexOf('No secrets found');
    assert.ok(summary >= 0, text.stdout);
    const after = text.stdout.slice(summary);
    assert.match(after, `Not scanned (${expected.length}):`);
    for (const s of expected) assert.match(after, new RegExp(`\\n  ${s.path.replace(/\./g, '\\.')} +${s.reason === 'tooLarge' ? 'too large' : s.reason}\\n`));
    assert.not.match((await runCli(args)).stdout, 'Not scanned');
    assert.not.match((await runCli([...args, '--verbose', '--quiet'])).stdout, 'Not scanned', '--quiet: findings only');
  } finally {
    removeTree(dir);
  }
});

test('scan: sarif and github formats stay valid; the list goes to standard error', async () => {
  const dir = makeTree({ 'image.png': BINARY, 'a.txt': 'x\n' });
  try {
    const r = await runCli(['scan', dir, '--verbose', '--format', 'sarif', '--no-binary-strings']);
    assert.is(r.code, 0, r.stderr);
    JSON.parse(r.stdout);
    assert.match(r.stderr, /Not scanned \(1\):\n {2}image\.png {2}binary\n/);
    const quiet = await runCli(['scan', dir, '--verbose', '--quiet', '--format', 'github']);
    assert.not.match(quiet.stderr, 'Not scanned', '--quiet: findings only');
  } finally {
    removeTree(dir);
  }
});

test('staged: a staged binary file and symlink are named (on the fast path)', async () => {
  const repo = Repo.init();
  try {
    repo.write('image.png', BINARY).write('app.js', 'x\n');
    symlinkSync('app.js', join(repo.dir, 'link.js'));
    repo.add('.');
    const r = await runCli(['staged', '--verbose', '--format', 'json', '--no-binary-strings'], { cwd: repo.dir });
    assert.is(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.skipped, [{ path: 'image.png', reason: 'binary' }, { path: 'link.js', reason: 'symlink' }]);
    assertCountsMatch(report);
  } finally {
    repo.cleanup();
  }
});

test('history: a binary file changed in three commits is named once', async () => {
  const repo = Repo.init();
  try {
    for (let i = 0; i < 3; i++) repo.commitFiles(`v${i}`, { 'data/blob.bin': Uint8Array.from([...BINARY, i]), 'a.txt': `${i}\n` });
    const r = await runCli(['history', '--verbose', '--format', 'json', '--no-binary-strings'], { cwd: repo.dir });
    assert.is(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.skipped, [{ path: 'data/blob.bin', reason: 'binary' }]);
    assert.is(report.stats.skipped.binary, 3, 'the count is of blobs; the list names the path once');
  } finally {
    repo.cleanup();
  }
});

test('memory is bounded: at most MAX_NAMED_SKIPS paths are named, every one is counted, and the text says so', () => {
  const stats = emptyStats();
  for (let i = 0; i < MAX_NAMED_SKIPS + 5; i++) countSkip(stats, 'excluded', `f${i}`);
  assert.is(stats.skipped.excluded, MAX_NAMED_SKIPS + 5);
  assert.is(stats.skippedPaths?.length, MAX_NAMED_SKIPS);
  const text = skippedText({ findings: [], errors: [], stats, skipped: stats.skippedPaths });
  assert.match(text, `the list stops at ${MAX_NAMED_SKIPS} paths`);
  assert.not.match(skippedText({ findings: [], errors: [], stats, skipped: stats.skippedPaths!.slice(0, 3) }), 'stops');
});

test.run();
