import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, git, gitRun, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { BIN, runCli } from './helpers/cli.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { notCommittedYet } from '../src/report/text.js';
import { defaultHookCommand, HOOK_BEGIN, HOOK_END, installHook, shQuote, thisKeyhound, uninstallHook } from '../src/git/hook.js';

const test = suite('git hook');

const read = (p: string) => readFileSync(p, 'utf8');
const isExecutable = (p: string) => (statSync(p).mode & 0o111) === 0o111;
const FOREIGN = '#!/usr/bin/env bash\nset -e\necho "linting"\nexec true\n';

test('a fresh repository: created, executable, our block with the default command (no npx)', async () => {
  const repo = Repo.init();
  try {
    const r = await installHook({ cwd: repo.dir });
    const path = join(repo.dir, '.git/hooks/pre-commit');
    assert.equal(r, { ok: true, path, action: 'created' });
    assert.ok(isExecutable(path));
    const text = read(path);
    assert.ok(text.startsWith(`#!/bin/sh\n${HOOK_BEGIN}\n`));
    assert.ok(text.endsWith(`${HOOK_END}\n`));
    for (const line of defaultHookCommand().split('\n')) assert.ok(text.includes(`\n    ${line}\n`), line);
    assert.not.ok(/npx|npm /.test(text), 'the hook may never reach for the registry');
    // This build's own node and bin.js, recorded for when keyhound is neither in node_modules nor on PATH.
    assert.ok(text.includes(`${shQuote(process.execPath)} ${shQuote(BIN)} staged`));
    assert.is(thisKeyhound().script, BIN);
  } finally {
    repo.cleanup();
  }
});

test('installing twice is idempotent; a new command replaces the old one in place', async () => {
  const repo = Repo.init();
  try {
    const path = join(repo.dir, '.git/hooks/pre-commit');
    assert.equal(await installHook({ cwd: repo.dir }), { ok: true, path, action: 'created' });
    const once = read(path);
    assert.equal(await installHook({ cwd: repo.dir }), { ok: true, path, action: 'unchanged' });
    assert.is(read(path), once);
    assert.equal(await installHook({ cwd: repo.dir, command: 'node ./bin/keyhound.js staged' }), { ok: true, path, action: 'updated' });
    const text = read(path);
    assert.is(text.split(HOOK_BEGIN).length, 2);
    assert.ok(text.includes('\n    node ./bin/keyhound.js staged\n'));
    assert.not.ok(text.includes('node_modules/.bin/keyhound'));
  } finally {
    repo.cleanup();
  }
});

test('an existing hook that is not ours: refused without --append; with it both run, ours first', async () => {
  const repo = Repo.init();
  try {
    const path = join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(path, FOREIGN, { mode: 0o755 });
    const refused = await installHook({ cwd: repo.dir });
    assert.is(refused.ok, false);
    assert.match((refused as { message: string }).message, /already exists and was not written by keyhound; run keyhound hook install --append/);
    assert.is(read(path), FOREIGN);
    const appended = await installHook({ cwd: repo.dir, append: true });
    assert.equal(appended, { ok: true, path, action: 'appended' });
    const text = read(path);
    assert.ok(text.startsWith(`#!/usr/bin/env bash\n${HOOK_BEGIN}\n`));
    assert.ok(text.endsWith(`${HOOK_END}\nset -e\necho "linting"\nexec true\n`));
    // Again: still one block, same file, and not reported as added.
    assert.equal(await installHook({ cwd: repo.dir, append: true }), { ok: true, path, action: 'unchanged' });
    assert.equal(await installHook({ cwd: repo.dir }), { ok: true, path, action: 'unchanged' });
    assert.is(read(path), text);
    const again = await runCli(['hook', 'install', '--append'], { cwd: repo.dir });
    assert.is(again.code, 0, again.stderr);
    assert.is(again.stdout, `keyhound: pre-commit hook already installed, unchanged: ${path}\n`);
    // Uninstalling gives the original hook back, byte for byte.
    assert.equal(await uninstallHook({ cwd: repo.dir }), { ok: true, path, action: 'removed' });
    assert.is(read(path), FOREIGN);
  } finally {
    repo.cleanup();
  }
});

test('a hook in another language is never edited', async () => {
  const repo = Repo.init();
  try {
    const path = join(repo.dir, '.git/hooks/pre-commit');
    const python = '#!/usr/bin/env python3\nprint("hi")\n';
    writeFileSync(path, python, { mode: 0o755 });
    const r = await installHook({ cwd: repo.dir, append: true });
    assert.is(r.ok, false);
    assert.match((r as { message: string }).message, /is not a shell script \(#!\/usr\/bin\/env python3\); add "keyhound staged" to it yourself/);
    assert.is(read(path), python);
  } finally {
    repo.cleanup();
  }
});

test('core.hooksPath (relative, from a subdirectory) and a linked worktree use the folder git runs hooks from', async () => {
  const repo = Repo.init();
  const worktree = join(tmpdir(), `keyhound-wt-${process.pid}-${Date.now()}`);
  try {
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    mkdirSync(join(repo.dir, 'src/deep'), { recursive: true });
    repo.git('config', 'core.hooksPath', '.githooks');
    const r = await installHook({ cwd: join(repo.dir, 'src/deep') });
    assert.equal(r, { ok: true, path: join(repo.dir, '.githooks/pre-commit'), action: 'created' });
    assert.ok(isExecutable(join(repo.dir, '.githooks/pre-commit')));
    assert.not.ok(existsSync(join(repo.dir, '.git/hooks/pre-commit')));
    repo.git('config', '--unset', 'core.hooksPath');
    repo.git('worktree', 'add', '-q', worktree);
    const wt = await installHook({ cwd: worktree });
    assert.equal(wt, { ok: true, path: join(repo.dir, '.git/hooks/pre-commit'), action: 'created' });
  } finally {
    repo.cleanup();
    rmrf(worktree);
  }
});

test('uninstall: the file goes when only ours; then there is nothing to remove', async () => {
  const repo = Repo.init();
  try {
    const path = join(repo.dir, '.git/hooks/pre-commit');
    assert.equal(await uninstallHook({ cwd: repo.dir }), { ok: true, path, action: 'absent' });
    await installHook({ cwd: repo.dir });
    assert.equal(await uninstallHook({ cwd: repo.dir }), { ok: true, path, action: 'deleted' });
    assert.not.ok(existsSync(path));
    assert.equal(await uninstallHook({ cwd: repo.dir }), { ok: true, path, action: 'absent' });
  } finally {
    repo.cleanup();
  }
});

test('no repository, a bare repository, a multi-line command: messages', async () => {
  const bare = Repo.init({ bare: true });
  const dir = join(tmpdir(), `keyhound-nogit-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const none = await installHook({ cwd: dir });
    assert.is(none.ok, false);
    assert.match((none as { message: string }).message, /not a git repository/);
    const b = await installHook({ cwd: bare.dir });
    assert.match((b as { message: string }).message, /bare repository/);
    const repo = Repo.init();
    try {
      const multi = await installHook({ cwd: repo.dir, command: 'a\nb' });
      assert.equal(multi, { ok: false, message: 'the hook command must be a single, non-empty line' });
    } finally {
      repo.cleanup();
    }
  } finally {
    bare.cleanup();
    rmrf(dir);
  }
});

test('end to end: the installed hook stops a commit that adds a key (also with commit -a) and lets others through', async () => {
  const k = new Keys(301);
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'app.ini': 'name = x\n' });
    // A stand-in for `keyhound staged` (the CLI is wired elsewhere): the library call, exit 1 on findings.
    const staged = fileURLToPath(new URL('../src/git/staged.js', import.meta.url));
    const load = fileURLToPath(new URL('../src/rules/load.js', import.meta.url));
    const script = join(repo.dir, '.git/check.mjs');
    writeFileSync(
      script,
      `import { scanStaged } from ${JSON.stringify(staged)};\nimport { loadBuiltinRules } from ${JSON.stringify(load)};\n` +
        `const r = await scanStaged({ cwd: process.cwd(), rules: loadBuiltinRules().rules, maxFileSize: 1e6 });\n` +
        `if (!r.ok) { console.error(r.message); process.exit(2); }\n` +
        `for (const f of r.findings) console.error(f.path + ':' + f.line + ' ' + f.ruleId);\nprocess.exit(r.findings.length > 0 ? 1 : 0);\n`,
    );
    await installHook({ cwd: repo.dir, command: `node ${JSON.stringify(script)}` });
    const commit = (...args: string[]) => gitRun(repo.dir, ['commit', '-q', ...args]);

    repo.write('app.ini', `name = x\n${credentials(k.keyId(), k.secret())}`);
    repo.add();
    const blocked = commit('-m', 'leak');
    assert.is(blocked.code, 1);
    assert.match(blocked.stderr, /app\.ini:2 aws-access-key-id/);
    // `commit -a` stages into a temporary index (GIT_INDEX_FILE): the hook must read that one.
    git(repo.dir, ['reset', '-q']);
    const all = commit('-a', '-m', 'leak via -a');
    assert.is(all.code, 1);
    assert.match(all.stderr, /app\.ini:3 aws-secret-access-key/);
    // A clean change goes through, with the key still unstaged in the working tree.
    writeFileSync(join(repo.dir, 'other.txt'), 'fine\n');
    repo.add('other.txt');
    assert.is(commit('-m', 'clean').code, 0);
    assert.is(repo.git('log', '--format=%s', '-1'), 'clean');
  } finally {
    repo.cleanup();
  }
});

test('--command "A; B": a failing A blocks the commit, not only a failing B', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    const commit = (msg: string) => gitRun(repo.dir, ['commit', '-q', '--allow-empty', '-m', msg]);
    await installHook({ cwd: repo.dir, command: 'echo first >&2; false; echo second >&2' });
    const blocked = commit('blocked');
    assert.is(blocked.code, 1, blocked.stderr);
    assert.is(blocked.stderr, 'first\n', 'the hook went on after the failing part');
    // git turns any failure into 1; the hook itself keeps the command's status.
    await installHook({ cwd: repo.dir, command: 'true; exit 3' });
    assert.is(spawnSync(join(repo.dir, '.git/hooks/pre-commit'), { cwd: repo.dir }).status, 3);
    await installHook({ cwd: repo.dir, command: 'true; true' });
    assert.is(commit('passes').code, 0);
  } finally {
    repo.cleanup();
  }
});

test('the default hook: node_modules/.bin, then PATH, then the recorded keyhound; gone: one line and blocked; KEYHOUND_SKIP=1', async () => {
  const k = new Keys(302);
  const repo = Repo.init();
  const tools = mkdtempSync(join(tmpdir(), 'keyhound-path-'));
  try {
    // A PATH with git and nothing else, so that no keyhound installed on this machine is found.
    const gitExe = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    mkdirSync(join(tools, 'bin'));
    symlinkSync(gitExe, join(tools, 'bin/git'));
    const env = { PATH: join(tools, 'bin') };
    const wrapper = (name: string) => `#!/bin/sh\necho 'keyhound from ${name}' >&2\nexec ${shQuote(process.execPath)} ${shQuote(BIN)} "$@"\n`;
    repo.commitFiles('init', { 'app.ini': 'name = x\n' });
    repo.write('app.ini', `name = x\n${credentials(k.keyId(), k.secret())}`).add('app.ini');
    const commit = () => {
      const r = gitRun(repo.dir, ['commit', '-q', '-m', 'leak'], { env });
      return { code: r.code, out: r.stdout + r.stderr };
    };

    assert.equal(await installHook({ cwd: repo.dir, self: { node: process.execPath, script: BIN } }), { ok: true, path: join(repo.dir, '.git/hooks/pre-commit'), action: 'created' });
    const recorded = commit();
    assert.is(recorded.code, 1, recorded.out);
    assert.match(recorded.out, /app\.ini[\s\S]*Commit blocked/);
    assert.not.match(recorded.out, /keyhound from/);
    // Nothing is committed yet: the advice is about the staged files, not about rewriting history.
    assert.match(recorded.out, /from the staged files/);
    assert.not.match(recorded.out, /history/i);

    writeFileSync(join(tools, 'bin/keyhound'), wrapper('PATH'), { mode: 0o755 });
    const onPath = commit();
    assert.is(onPath.code, 1, onPath.out);
    assert.match(onPath.out, /^keyhound from PATH\n[\s\S]*Commit blocked/);

    repo.write('node_modules/.bin/keyhound', wrapper('node_modules')).executable('node_modules/.bin/keyhound');
    const local = commit();
    assert.is(local.code, 1, local.out);
    assert.match(local.out, /^keyhound from node_modules\n[\s\S]*Commit blocked/);

    // keyhound uninstalled everywhere: one line that says how to fix it, and the commit stays blocked.
    rmrf(join(repo.dir, 'node_modules'));
    rmrf(join(tools, 'bin/keyhound'));
    const gone = join(tools, 'gone dir', 'bin.js');
    await installHook({ cwd: repo.dir, self: { node: process.execPath, script: gone } });
    const missing = commit();
    assert.is(missing.code, 1);
    assert.is(missing.out, `keyhound: cannot find keyhound (not in node_modules/.bin, not on PATH, not at ${gone}): reinstall it and run \`keyhound hook install\` (README: Install), or commit with KEYHOUND_SKIP=1 to skip the check once\n`);

    const skipped = gitRun(repo.dir, ['commit', '-q', '-m', 'skipped'], { env: { ...env, KEYHOUND_SKIP: '1' } });
    assert.is(skipped.code, 0, skipped.stderr);
    assert.is(skipped.stderr, 'keyhound: skipped (KEYHOUND_SKIP=1)\n');
    assert.is(repo.git('log', '--format=%s', '-1'), 'skipped');
  } finally {
    repo.cleanup();
    rmrf(tools);
  }
});

test("the staged report's advice never sends the user to git history, for any built-in rule", () => {
  const rules = loadBuiltinRules();
  assert.ok(rules.ok);
  const all = rules.ok ? rules.rules : [];
  assert.ok(all.some((r) => /history/.test(r.remediation)), 'no rule mentions history: this test checks nothing');
  for (const rule of all) assert.not.match(notCommittedYet(rule.remediation), /history/i, rule.id);
  assert.is(notCommittedYet('Remove it from the code and from git history, and load credentials.'), 'Remove it from the staged files, and load credentials.');
});

const rmrf = (p: string): void => rmSync(p, { recursive: true, force: true });

test.run();
