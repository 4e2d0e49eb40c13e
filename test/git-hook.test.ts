import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, git, gitRun, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { DEFAULT_HOOK_COMMAND, HOOK_BEGIN, HOOK_END, installHook, uninstallHook } from '../src/git/hook.js';

const test = suite('git hook');

const read = (p: string) => readFileSync(p, 'utf8');
const isExecutable = (p: string) => (statSync(p).mode & 0o111) === 0o111;
const FOREIGN = '#!/usr/bin/env bash\nset -e\necho "linting"\nexec true\n';

test('a fresh repository: created, executable, our block with the default command', async () => {
  const repo = Repo.init();
  try {
    const r = await installHook({ cwd: repo.dir });
    const path = join(repo.dir, '.git/hooks/pre-commit');
    assert.equal(r, { ok: true, path, action: 'created' });
    assert.ok(isExecutable(path));
    const text = read(path);
    assert.ok(text.startsWith(`#!/bin/sh\n${HOOK_BEGIN}\n`));
    assert.ok(text.includes(`\n${DEFAULT_HOOK_COMMAND} || exit $?\n${HOOK_END}\n`));
    assert.match(DEFAULT_HOOK_COMMAND, /node_modules\/\.bin\/keyhound staged; else npx --no-install keyhound staged; fi$/);
  } finally {
    repo.cleanup();
  }
});

test('installing twice is idempotent; a new command replaces the old one in place', async () => {
  const repo = Repo.init();
  try {
    const first = await installHook({ cwd: repo.dir });
    const path = join(repo.dir, '.git/hooks/pre-commit');
    const once = read(path);
    assert.equal(await installHook({ cwd: repo.dir }), first);
    assert.is(read(path), once);
    await installHook({ cwd: repo.dir, command: 'node ./bin/keyhound.js staged' });
    const text = read(path);
    assert.is(text.split(HOOK_BEGIN).length, 2);
    assert.ok(text.includes('\nnode ./bin/keyhound.js staged || exit $?\n'));
    assert.not.ok(text.includes(DEFAULT_HOOK_COMMAND));
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
    // Again: still one block, same file.
    assert.equal(await installHook({ cwd: repo.dir, append: true }), appended);
    assert.equal(await installHook({ cwd: repo.dir }), appended);
    assert.is(read(path), text);
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
    assert.match((r as { message: string }).message, /is not a shell script \(#!\/usr\/bin\/env python3\); add ".*keyhound staged.*" to it yourself/);
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

const rmrf = (p: string): void => rmSync(p, { recursive: true, force: true });

test.run();
