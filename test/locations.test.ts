// Issue 12: one key, one place. Paths are relative to the repository's top level in every mode (scan
// from anywhere, staged, history) and every format, so the fingerprint (which hashes the path) is the
// same everywhere and a baseline written at the root keeps matching; the configuration is found there.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { Repo, credentials } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

interface Report {
  findings: { path: string; line: number; ruleId: string; fingerprint: string }[];
  stats: { filesScanned: number; skipped: { allowlisted: number } };
}

const k = new Keys(1201);
const json = async (argv: string[], cwd: string): Promise<Report> => {
  const r = await runCli([...argv, '--format', 'json', '--no-progress'], { cwd });
  assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
};
const places = (r: Report): string[] => r.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}:${f.fingerprint}`);

const test = suite('locations');

test('scan ., scan sub, cd sub && scan ., staged and history: same path and fingerprint', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'README.md': '# app\n' });
    repo.write('sub/deep/prod.env', credentials(k.keyId(), k.secret())).add();
    const staged = places(await json(['staged'], repo.dir));
    assert.is(staged.length, 2);
    assert.ok(staged.every((p) => p.startsWith('sub/deep/prod.env:')), staged.join('\n'));
    repo.commit('add key');
    const runs = {
      'scan .': await json(['scan', '.'], repo.dir),
      'scan sub': await json(['scan', 'sub'], repo.dir),
      'scan sub/deep/prod.env': await json(['scan', 'sub/deep/prod.env'], repo.dir),
      'cd sub && scan .': await json(['scan', '.'], join(repo.dir, 'sub')),
      'cd sub/deep && scan ../..': await json(['scan', '../..'], join(repo.dir, 'sub/deep')),
      history: await json(['history'], repo.dir),
    };
    for (const [name, r] of Object.entries(runs)) assert.equal(places(r), staged, name);
  } finally {
    repo.cleanup();
  }
});

test('the allowlist in the root .keyhound.yml applies to scan sub; a baseline written at the root matches', async () => {
  const repo = Repo.init();
  try {
    repo.write('.keyhound.yml', 'allowlist:\n  paths: ["sub/fixtures/**"]\n');
    repo.write('sub/fixtures/a.env', credentials(k.keyId(), k.secret()));
    repo.write('sub/fixtures/more/c.env', credentials(k.keyId(), k.secret()));
    repo.write('sub/src/b.env', credentials(k.keyId(), k.secret()));
    const sub = await json(['scan', 'sub'], repo.dir);
    assert.equal(sub.findings.map((f) => f.path), ['sub/src/b.env', 'sub/src/b.env']);
    // The allowlisted folder is pruned (counted once), as in a scan of the whole repository.
    assert.is(sub.stats.skipped.allowlisted, 1);
    const whole = await json(['scan', '.'], repo.dir);
    assert.equal(whole.findings.map((f) => f.path), ['sub/src/b.env', 'sub/src/b.env']);
    assert.is(whole.stats.skipped.allowlisted, 2, 'sub/fixtures/ and .keyhound.yml');
    const baseline = join(repo.dir, 'baseline.json');
    const written = await runCli(['scan', '.', '--baseline-write', baseline, '--no-progress'], { cwd: repo.dir });
    assert.is(written.code, 0, written.stderr);
    const fromSub = await runCli(['scan', '.', '--baseline', baseline, '--format', 'json'], { cwd: join(repo.dir, 'sub') });
    assert.is(fromSub.code, 0, fromSub.stdout + fromSub.stderr);
  } finally {
    repo.cleanup();
  }
});

test('staged and history apply the allowlist before reading: an allowlisted file is skipped, not scanned', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('config', { '.keyhound.yml': 'allowlist:\n  paths: ["test/fixtures/**"]\n' });
    repo.write('test/fixtures/a.env', credentials(k.keyId(), k.secret())).add();
    const staged = await json(['staged'], repo.dir);
    assert.equal([staged.findings.length, staged.stats.filesScanned, staged.stats.skipped.allowlisted], [0, 0, 1]);
    repo.commit('fixture');
    repo.write('test/fixtures/a.env', `# edited\n${credentials(k.keyId(), k.secret())}`).add();
    repo.commit('fixture edited');
    const history = await json(['history'], repo.dir);
    // Two versions of the fixture, each skipped; .keyhound.yml (keyhound's own file) too.
    assert.equal([history.findings.length, history.stats.filesScanned, history.stats.skipped.allowlisted], [0, 0, 3]);
  } finally {
    repo.cleanup();
  }
});

test('overlapping roots scan each file once', async () => {
  const repo = Repo.init();
  try {
    repo.write('a/creds/prod.env', credentials(k.keyId(), k.secret()));
    repo.write('a/other.txt', 'nothing here\n');
    const once = await json(['scan', 'a'], repo.dir);
    const overlapping = await json(['scan', 'a', 'a/creds', './a', 'a/creds/prod.env'], repo.dir);
    assert.equal(places(overlapping), places(once));
    assert.is(overlapping.stats.filesScanned, 2);
  } finally {
    repo.cleanup();
  }
});

test('the github format names files from the repository root', async () => {
  const repo = Repo.init();
  try {
    repo.write('svc/api/prod.env', credentials(k.keyId(), k.secret()));
    const r = await runCli(['scan', 'api', '--format', 'github'], { cwd: join(repo.dir, 'svc') });
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::error file=svc\/api\/prod\.env,line=1/m);
  } finally {
    repo.cleanup();
  }
});

test('outside any repository: relative to the working directory; one outside folder: relative to it; else absolute; stdin is <stdin>', async () => {
  const top = makeTree({ 'x/y.env': credentials(k.keyId(), k.secret()) });
  const other = makeTree({ 'z.env': credentials(k.keyId(), k.secret()) });
  try {
    // makeTree folders are outside this repository (a temporary folder); if one is not, say so.
    const inside = await runCli(['scan', 'x', '--format', 'json'], { cwd: top });
    const paths = (JSON.parse(inside.stdout) as Report).findings.map((f) => f.path);
    if (paths[0] !== 'x/y.env' && !paths[0]!.endsWith('/x/y.env')) assert.unreachable(`unexpected path ${paths[0]}`);
    if (paths[0] !== 'x/y.env') {
      console.log(`  skipped: the temporary folder ${top} is inside a git repository`);
      return;
    }
    mkdirSync(join(top, 'w'));
    const outside = await json(['scan', other], join(top, 'w'));
    assert.equal(outside.findings.map((f) => f.path), ['z.env', 'z.env']);
    const both = await json(['scan', '../x', other], join(top, 'w'));
    // Two folders, neither inside the working directory nor in a repository: absolute paths.
    assert.equal(both.findings.map((f) => f.path), [join(other, 'z.env'), join(other, 'z.env'), join(top, 'x/y.env'), join(top, 'x/y.env')].sort());
    writeFileSync(join(top, 'in.txt'), credentials(k.keyId(), k.secret()));
    const stdin = await runCli(['scan', '-', '--format', 'json'], { cwd: top, stdin: credentials(k.keyId(), k.secret()) });
    assert.equal((JSON.parse(stdin.stdout) as Report).findings.map((f) => f.path), ['<stdin>', '<stdin>']);
  } finally {
    removeTree(top);
    removeTree(other);
  }
});

test.run();
