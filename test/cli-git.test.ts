// Issue 3, end to end as a new user would: the hook refuses a commit that adds a key; the key,
// committed anyway and removed in the next commit, is found in history with the commit that added it;
// a range covering only the removal reports nothing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Keys } from './helpers/keys.js';
import { BIN, runCli } from './helpers/cli.js';
import { Repo, credentials, gitRun } from './helpers/git.js';
import { validate } from './helpers/sarif-schema.js';

interface Report {
  findings: { ruleId: string; path: string; line: number; commit?: { sha: string; author: string; summary: string }; atHead?: boolean; beforeShallowBoundary?: boolean }[];
}

const k = new Keys(700);
const workflow = suite('hook, commit, history');

workflow('the hook blocks the commit; history finds the key after its removal; the removal range is clean', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('initial', { 'README.md': '# app\n' });
    const install = await runCli(['hook', 'install', '--command', `"${process.execPath}" "${BIN}" staged --no-progress`], { cwd: repo.dir });
    assert.is(install.code, 0, install.stderr);
    assert.ok(existsSync(join(repo.dir, '.git/hooks/pre-commit')));

    repo.write('config/credentials', credentials(k.keyId(), k.secret())).add('config/credentials');
    const refused = gitRun(repo.dir, ['commit', '-m', 'add credentials']);
    assert.is.not(refused.code, 0, 'the commit went through');
    assert.match(refused.stdout + refused.stderr, /Commit blocked/);
    assert.match(refused.stdout + refused.stderr, /config\/credentials/);

    const forced = gitRun(repo.dir, ['commit', '--no-verify', '-q', '-m', 'add credentials anyway']);
    assert.is(forced.code, 0, forced.stderr);
    const added = repo.rev('HEAD');
    repo.git('rm', '-q', 'config/credentials');
    const removal = gitRun(repo.dir, ['commit', '-q', '-m', 'remove credentials']);
    assert.is(removal.code, 0, `the hook blocked a commit that adds no key: ${removal.stdout}${removal.stderr}`);

    const history = await runCli(['history', '--format', 'json'], { cwd: repo.dir });
    assert.is(history.code, 1, history.stderr);
    const report = JSON.parse(history.stdout) as Report;
    assert.equal(report.findings.map((f) => [f.path, f.line, f.commit?.sha, f.commit?.summary, f.atHead]), [
      ['config/credentials', 1, added, 'add credentials anyway', false],
      ['config/credentials', 2, added, 'add credentials anyway', false],
    ]);
    const text = await runCli(['history'], { cwd: repo.dir });
    assert.match(text.stdout, new RegExp(`added in ${added.slice(0, 12)} by Ada Lovelace`));
    assert.match(text.stdout, /no longer at HEAD, but still in history/);

    const range = await runCli(['history', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    assert.is(range.code, 0, range.stderr);
    assert.equal((JSON.parse(range.stdout) as Report).findings, []);
  } finally {
    repo.cleanup();
  }
});

workflow("the default hook runs the project's own node_modules/.bin/keyhound (no npx)", async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('initial', { 'README.md': '# app\n' });
    // What `npm install --save-dev keyhound` leaves behind, pointing at this build.
    repo.write('node_modules/.bin/keyhound', `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(repo.dir, 'node_modules/.bin/keyhound'), 0o755);
    const install = await runCli(['hook', 'install'], { cwd: repo.dir });
    assert.is(install.code, 0, install.stderr);
    repo.write('app.env', credentials(k.keyId(), k.secret())).add('app.env');
    const refused = gitRun(repo.dir, ['commit', '-m', 'add credentials']);
    assert.is(refused.code, 1, refused.stdout + refused.stderr);
    assert.match(refused.stdout + refused.stderr, /Commit blocked/);
  } finally {
    repo.cleanup();
  }
});

workflow('history SARIF carries the commit and the repository, and validates', async () => {
  const repo = Repo.init();
  try {
    repo.git('remote', 'add', 'origin', 'https://ci-user:s3cr3t@github.com/acme/app.git');
    repo.commitFiles('leak', { '.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` });
    const r = await runCli(['history', '--format', 'sarif'], { cwd: repo.dir });
    const log = JSON.parse(r.stdout) as { runs: { versionControlProvenance?: { repositoryUri: string; revisionId?: string }[]; results: { properties?: { commit?: string; atHead?: boolean } }[] }[] };
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors));
    const run = log.runs[0]!;
    assert.equal(run.versionControlProvenance?.map((v) => [v.repositoryUri, v.revisionId]), [['https://github.com/acme/app.git', repo.rev('HEAD')]]);
    assert.not.ok(r.stdout.includes('s3cr3t'), 'remote credentials leaked into SARIF');
    assert.is(run.results[0]!.properties?.commit, repo.rev('HEAD'));
    assert.is(run.results[0]!.properties?.atHead, true);
  } finally {
    repo.cleanup();
  }
});

workflow('outside a repository, staged and history fail with one line and exit 2', async () => {
  const dir = Repo.init().dir;
  const notRepo = join(dir, '..');
  for (const argv of [['staged'], ['history']]) {
    const r = await runCli(argv, { cwd: notRepo });
    assert.is(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /^keyhound: /);
    assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const bad = await runCli(['history', 'no-such-ref..HEAD'], { cwd: dir });
  assert.is(bad.code, 2);
});

workflow('the configuration at the repository root applies to staged scans (path allowlists, inline allows)', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('config', { '.keyhound.yml': 'allowlist:\n  paths: [fixtures/**]\n' });
    repo.write('fixtures/sample.env', `AWS_SECRET_ACCESS_KEY=${k.secret()}\n`);
    repo.write('src/a.py', `AWS_SECRET_ACCESS_KEY = "${k.secret()}"  # keyhound:allow test key\n`);
    repo.add('fixtures/sample.env', 'src/a.py');
    const r = await runCli(['staged', '--format', 'json'], { cwd: repo.dir });
    assert.is(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { stats: { suppressed: { inline: number }; skipped: { allowlisted: number } } };
    assert.is(out.stats.suppressed.inline, 1);
    assert.is(out.stats.skipped.allowlisted, 1);
  } finally {
    repo.cleanup();
  }
});

workflow('baselines and .keyhoundignore work in history and staged scans too (issue 4)', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('old leak', { 'legacy/settings.ini': credentials(k.keyId(), k.secret()) });
    const baseline = join(repo.dir, '.keyhound-baseline.json');
    const written = await runCli(['history', '--baseline-write', baseline, '--quiet'], { cwd: repo.dir });
    assert.is(written.code, 0, written.stderr);
    repo.commitFiles('new leak', { 'app/new.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}
` });
    const after = JSON.parse((await runCli(['history', '--baseline', baseline, '--format', 'json'], { cwd: repo.dir })).stdout) as Report & { stats: { suppressed: { baseline: number; ignoreFile: number } } };
    assert.equal(after.findings.map((f) => f.path), ['app/new.env']);
    assert.is(after.stats.suppressed.baseline, 2);

    const newFp = after.findings.map((f) => f as unknown as { fingerprint: string })[0]!.fingerprint;
    repo.write('.keyhoundignore', `${newFp}
`).add('.keyhoundignore');
    const ignored = JSON.parse((await runCli(['history', '--baseline', baseline, '--format', 'json'], { cwd: repo.dir })).stdout) as Report & { stats: { suppressed: { ignoreFile: number } } };
    assert.equal(ignored.findings, []);
    assert.is(ignored.stats.suppressed.ignoreFile, 1);

    repo.commitFiles('documented test key', { 'docs/example.md': `AWS_SECRET_ACCESS_KEY=${k.secret()} <!-- keyhound:allow -->\n` });
    const inline = JSON.parse((await runCli(['history', '--baseline', baseline, '--format', 'json'], { cwd: repo.dir })).stdout) as Report & { stats: { suppressed: { inline: number } } };
    assert.equal(inline.findings, []);
    assert.is(inline.stats.suppressed.inline, 1);

    repo.write('app/other.env', `AWS_SECRET_ACCESS_KEY=${k.secret()}
`).add('app/other.env');
    const staged = JSON.parse((await runCli(['staged', '--format', 'json'], { cwd: repo.dir })).stdout) as Report;
    assert.equal(staged.findings.map((f) => f.path), ['app/other.env']);
    const stagedBaseline = join(repo.dir, 'staged-baseline.json');
    assert.is((await runCli(['staged', '--baseline-write', stagedBaseline, '--quiet'], { cwd: repo.dir })).code, 0);
    assert.is((await runCli(['staged', '--baseline', stagedBaseline], { cwd: repo.dir })).code, 0);
  } finally {
    repo.cleanup();
  }
});

const revs = suite('history: revisions, dates, paths, shallow clones');

revs('several revisions, A..B, --since/--until and -- PATHS reach git log; options posing as revisions or paths are refused', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('one', { 'a.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` }); // 2024-01-01T00:01
    repo.commitFiles('two', { 'b.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` }); // 00:02
    repo.commitFiles('three', { 'c/c.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` }); // 00:03
    const paths = async (...argv: string[]): Promise<string[]> => {
      const r = await runCli(['history', '-f', 'json', ...argv], { cwd: repo.dir });
      assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')}: ${r.stderr}`);
      return (JSON.parse(r.stdout) as Report).findings.map((f) => f.path).sort();
    };
    assert.equal(await paths(), ['a.env', 'b.env', 'c/c.env']);
    assert.equal(await paths('HEAD~1..HEAD'), ['c/c.env']);
    assert.equal(await paths('HEAD~2..HEAD'), ['b.env', 'c/c.env']);
    // Several revisions combine as git log combines them: reachable from any positive one, from no ^negative one.
    assert.equal(await paths('HEAD~1', '^HEAD~2'), ['b.env']);
    assert.equal(await paths('HEAD~2', 'HEAD~1'), ['a.env', 'b.env']);
    assert.equal(await paths('--since', '2099-01-01'), []);
    assert.equal(await paths('--until', '2000-01-01'), []);
    assert.equal(await paths('--', 'c'), ['c/c.env']);
    assert.equal(await paths('HEAD~1', '--', 'a.env', 'b.env'), ['a.env', 'b.env']);
    const option = await runCli(['history', '--', '--since=2099-01-01'], { cwd: repo.dir });
    assert.is(option.code, 2);
    assert.match(option.stderr, /^keyhound: '--since=2099-01-01' after -- is a path, not an option: put options before --/);
    const bad = await runCli(['history', 'HEAD', 'nope..HEAD'], { cwd: repo.dir });
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /^keyhound: bad revision range 'HEAD nope\.\.HEAD'/);
    assert.not.match(bad.stderr, /shallow/);
  } finally {
    repo.cleanup();
  }
});

revs('a shallow clone: a key from before the boundary is "commit unknown" in every format, and a range past the boundary says the clone is shallow', async () => {
  const origin = Repo.init();
  let clone: Repo | undefined;
  try {
    origin.commitFiles('old key', { 'a.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` }, { author: 'Old Author' });
    origin.commitFiles('unrelated', { 'b.txt': 'b\n' }, { author: 'Tip Author' });
    const tip = origin.commitFiles('new key', { 'c.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` }, { author: 'Tip Author' });
    clone = Repo.clone(`file://${origin.dir}`, ['--depth', '2']);
    const json = JSON.parse((await runCli(['history', '-f', 'json'], { cwd: clone.dir })).stdout) as Report;
    const [old, added] = [json.findings.find((f) => f.path === 'a.env')!, json.findings.find((f) => f.path === 'c.env')!];
    assert.is(old.commit, undefined, 'the boundary commit is blamed');
    assert.is(old.beforeShallowBoundary, true);
    assert.is(added.commit?.sha, tip, 'a key added inside the clone keeps its commit');
    assert.is(added.beforeShallowBoundary, undefined);
    const text = (await runCli(['history'], { cwd: clone.dir })).stdout;
    assert.match(text, /introduced before the shallow boundary \(commit unknown\)/);
    assert.not.match(text, /by Tip Author on [^\n]*: unrelated/);
    const gh = (await runCli(['history', '-f', 'github'], { cwd: clone.dir })).stdout;
    assert.match(gh, /file=a\.env.*introduced before the shallow boundary \(commit unknown\)/);
    const log = JSON.parse((await runCli(['history', '-f', 'sarif'], { cwd: clone.dir })).stdout) as { runs: { results: { message: { text: string }; properties: Record<string, unknown>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const result = log.runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'a.env')!;
    assert.is(result.properties.beforeShallowBoundary, true);
    assert.is(result.properties.commit, undefined);
    assert.match(result.message.text, /introduced before the shallow boundary \(commit unknown\)/);

    const past = await runCli(['history', 'HEAD~3..HEAD'], { cwd: clone.dir });
    assert.is(past.code, 2);
    assert.match(past.stderr, /^keyhound: bad revision range 'HEAD~3\.\.HEAD': .*; this clone is shallow \(git rev-parse --is-shallow-repository/);
    assert.is(past.stderr.trimEnd().split('\n').length, 1);
  } finally {
    origin.cleanup();
    clone?.cleanup();
  }
});

workflow.run();
revs.run();
