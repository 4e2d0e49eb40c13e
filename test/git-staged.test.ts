import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { credentials, git, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scanStaged, type StagedResult } from '../src/git/staged.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const MAX = 1024 * 1024;

async function staged(cwd: string, extra: { allLines?: boolean; maxFileSize?: number; binaryStrings?: boolean } = {}): Promise<Extract<StagedResult, { ok: true }>> {
  const r = await scanStaged({ cwd, rules, maxFileSize: MAX, ...extra });
  if (!r.ok) throw new Error(`scanStaged failed: ${r.message}`);
  return r;
}
const where = (r: { findings: { path: string; line: number; ruleId: string }[] }) => r.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`);

const test = suite('git staged');

test('a new file with a key: both halves found, on the right lines, paths from the top level', async () => {
  const k = new Keys(101);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'README.md': 'hello\n' });
    repo.write('config/prod.ini', `[default]\n${credentials(id, secret)}`).add();
    mkdirSync(join(repo.dir, 'deep/er'), { recursive: true });
    for (const cwd of [repo.dir, join(repo.dir, 'deep/er')]) {
      const r = await staged(cwd);
      assert.equal(where(r), ['config/prod.ini:2:aws-access-key-id', 'config/prod.ini:3:aws-secret-access-key']);
      assert.equal(r.findings.map((f) => f.value), [id, secret]);
      assert.is(r.stats.filesScanned, 1);
      assert.is(r.stats.bytesScanned, `[default]\n${credentials(id, secret)}`.length);
    }
  } finally {
    repo.cleanup();
  }
});

test('partial staging: the index decides, not the working tree', async () => {
  const k = new Keys(102);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'app.cfg': 'name = demo\n' });
    // Staged with the key, then the key removed from the working tree only.
    repo.write('app.cfg', `name = demo\n${credentials(id, secret)}`).add();
    repo.write('app.cfg', 'name = demo\nregion = eu-west-1\n');
    assert.equal(where(await staged(repo.dir)), ['app.cfg:2:aws-access-key-id', 'app.cfg:3:aws-secret-access-key']);
    // Staged without the key, while the working tree has it.
    repo.add();
    repo.write('app.cfg', `name = demo\nregion = eu-west-1\n${credentials(id, secret)}`);
    const clean = await staged(repo.dir);
    assert.equal(clean.findings, []);
    assert.is(clean.stats.filesScanned, 1);
  } finally {
    repo.cleanup();
  }
});

test('a key added to a file that already has one: only the new key is reported', async () => {
  const k = new Keys(103);
  const old = credentials(k.keyId(), k.secret());
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'creds.ini': `[old]\n${old}\n[other]\nregion = us-east-1\n` });
    repo.write('creds.ini', `[old]\n${old}\n[other]\nregion = us-east-1\n\n[new]\n${credentials(id, secret)}`).add();
    const r = await staged(repo.dir);
    assert.equal(where(r), ['creds.ini:9:aws-access-key-id', 'creds.ini:10:aws-secret-access-key']);
    assert.equal(r.findings.map((f) => f.value), [id, secret]);
    assert.is((await staged(repo.dir, { allLines: true })).findings.length, 4);
  } finally {
    repo.cleanup();
  }
});

test('a key already in HEAD that moves or is re-indented is not new (allLines reports it)', async () => {
  const k = new Keys(104);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'settings.py': `DEBUG = False\nAWS_ACCESS_KEY_ID = "${id}"\nAWS_SECRET_ACCESS_KEY = "${secret}"\n` });
    // Moved down and re-indented into a block.
    repo.write('settings.py', `DEBUG = False\n\nclass Aws:\n    AWS_ACCESS_KEY_ID = "${id}"\n    AWS_SECRET_ACCESS_KEY = "${secret}"\n`).add();
    const r = await staged(repo.dir);
    assert.equal(r.findings, []);
    assert.is(r.stats.filesScanned, 1);
    assert.equal(where(await staged(repo.dir, { allLines: true })), ['settings.py:4:aws-access-key-id', 'settings.py:5:aws-secret-access-key']);
  } finally {
    repo.cleanup();
  }
});

test('a renamed file (also edited) carrying an old key is not new; a key added to it is', async () => {
  const k = new Keys(105);
  const old = credentials(k.keyId(), k.secret());
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'conf/a.ini': `[a]\n${old}region = x\nformat = json\n` });
    repo.git('mv', 'conf/a.ini', 'conf/b.ini');
    repo.write('conf/b.ini', `[a]\n${old}region = y\nformat = json\n`).add();
    assert.match(repo.git('diff', '--cached', '--name-status', '-M'), /^R\d+\tconf\/a\.ini\tconf\/b\.ini$/);
    const r = await staged(repo.dir);
    assert.equal(r.findings, []);
    assert.equal(where(await staged(repo.dir, { allLines: true })), ['conf/b.ini:2:aws-access-key-id', 'conf/b.ini:3:aws-secret-access-key']);
    const newId = k.keyId();
    repo.write('conf/b.ini', `[a]\n${old}region = y\nformat = json\nbackup_key = ${newId}\n`).add();
    const added = await staged(repo.dir);
    assert.equal(where(added), ['conf/b.ini:6:aws-access-key-id']);
    assert.is(added.findings[0]!.value, newId);
  } finally {
    repo.cleanup();
  }
});

test('a deleted file is not scanned', async () => {
  const k = new Keys(106);
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'old.env': credentials(k.keyId(), k.secret()), 'keep.txt': 'x\n' });
    repo.git('rm', '-q', 'old.env');
    const r = await staged(repo.dir);
    assert.equal(r.findings, []);
    assert.is(r.stats.filesScanned, 0);
  } finally {
    repo.cleanup();
  }
});

test('a binary file with a key is scanned through its strings (--no-binary-strings: skipped and counted); a symlink is skipped', async () => {
  const k = new Keys(107);
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    const creds = credentials(k.keyId(), k.secret());
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\n${creds}`)])).add();
    symlinkSync('a.txt', join(repo.dir, 'link'));
    repo.add();
    const found = await staged(repo.dir);
    assert.equal(found.findings.map((f) => [f.path, f.part, f.severity]), [['blob.bin', 'key-id', 'critical'], ['blob.bin', 'secret-key', 'critical']]);
    assert.ok(found.findings.every((f) => f.offset !== undefined && f.offset > 4));
    assert.is(found.stats.binariesScanned, 1);
    assert.is(found.stats.skipped.symlink, 1);
    // Committed, then modified: the key already in the previous version's strings is not reported again.
    repo.commit('bin');
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0, 9]), Buffer.from(`\n${creds}`)])).add();
    assert.equal((await staged(repo.dir)).findings, []);
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0, 7]), Buffer.from(`\n${credentials(k.keyId(), k.secret())}`)])).add();
    symlinkSync('a.txt', join(repo.dir, 'link2'));
    repo.add();
    const r = await staged(repo.dir, { binaryStrings: false });
    assert.equal(r.findings, []);
    assert.is(r.stats.skipped.binary, 1);
    assert.is(r.stats.skipped.symlink, 1);
    assert.is(r.stats.filesScanned, 0);
  } finally {
    repo.cleanup();
  }
});

test('a staged submodule is skipped and listed', async () => {
  const k = new Keys(108);
  const inner = Repo.init();
  const repo = Repo.init();
  try {
    inner.commitFiles('inner', { 'leak.env': credentials(k.keyId(), k.secret()) });
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    git(repo.dir, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'vendor/inner']);
    const r = await staged(repo.dir);
    assert.equal(r.findings, []);
    assert.equal(r.submodules, ['vendor/inner']);
    assert.is(r.stats.filesScanned, 1); // .gitmodules
  } finally {
    repo.cleanup();
    inner.cleanup();
  }
});

test('a repository with no commits yet: everything staged is new', async () => {
  const k = new Keys(109);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    assert.equal((await staged(repo.dir)).findings, []);
    repo.write('first.env', credentials(id, secret)).write('other.txt', 'nothing\n').add();
    const r = await staged(repo.dir);
    assert.equal(where(r), ['first.env:1:aws-access-key-id', 'first.env:2:aws-secret-access-key']);
    assert.is(r.stats.filesScanned, 2);
  } finally {
    repo.cleanup();
  }
});

test('paths with spaces and non-ASCII characters (quoted by git) are matched to their added lines', async () => {
  const k = new Keys(110);
  const id = k.keyId();
  const repo = Repo.init();
  try {
    const path = 'dir with space/ünïcødé "q".txt';
    repo.commitFiles('init', { [path]: 'line one\nline two\n' });
    repo.write(path, `line one\nline two\nkey = ${id}\n`).add();
    assert.equal(where(await staged(repo.dir)), [`${path}:3:aws-access-key-id`]);
  } finally {
    repo.cleanup();
  }
});

test('a file git treats as binary through .gitattributes (-diff) is still judged line by line against HEAD', async () => {
  const k = new Keys(111);
  const old = credentials(k.keyId(), k.secret());
  const id = k.keyId();
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { '.gitattributes': '*.env -diff\n', 'x.env': old });
    repo.write('x.env', `${old}\nextra = ${id}\n`).add();
    const r = await staged(repo.dir);
    assert.equal(r.findings.map((f) => f.value), [id]);
  } finally {
    repo.cleanup();
  }
});

test("the user's diff settings (relative, no prefix, colour, external diff, copies) change nothing", async () => {
  const k = new Keys(112);
  const old = credentials(k.keyId(), k.secret());
  const id = k.keyId();
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'sub/a.ini': `[a]\n${old}`, 'other/b.txt': 'b\n' });
    for (const [key, value] of [['diff.relative', 'true'], ['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'], ['color.ui', 'always'], ['diff.external', 'false'], ['diff.renames', 'copies'], ['core.quotePath', 'true'], ['diff.context', '5']]) {
      repo.git('config', key!, value!);
    }
    repo.write('sub/a.ini', `[a]\n${old}[b]\nkey = ${id}\n`).write('other/b.txt', `b\nkey2 = ${k.keyId()}\n`).add();
    const r = await staged(join(repo.dir, 'sub'));
    assert.equal(where(r), ['other/b.txt:2:aws-access-key-id', 'sub/a.ini:5:aws-access-key-id']);
    assert.is(r.findings[1]!.value, id);
  } finally {
    repo.cleanup();
  }
});

test('a staged blob over maxFileSize is a too-large error, not read', async () => {
  const repo = Repo.init();
  try {
    repo.write('big.txt', 'x'.repeat(5000)).write('small.txt', 'y\n').add();
    const r = await staged(repo.dir, { maxFileSize: 1000 });
    assert.equal(r.errors.map((e) => [e.path, e.kind]), [['big.txt', 'too-large']]);
    assert.match(r.errors[0]!.message, /5000 bytes/);
    assert.is(r.stats.skipped.tooLarge, 1);
    assert.is(r.stats.filesScanned, 1);
  } finally {
    repo.cleanup();
  }
});

test('outside a repository, or in a bare one: a message, not an exception', async () => {
  const dir = makeTree({ 'a.txt': 'a' });
  const bare = Repo.init({ bare: true });
  try {
    const r = await scanStaged({ cwd: dir, rules, maxFileSize: MAX });
    assert.is(r.ok, false);
    assert.match((r as { message: string }).message, /not a git repository/);
    const b = await scanStaged({ cwd: bare.dir, rules, maxFileSize: MAX });
    assert.is(b.ok, false);
    assert.match((b as { message: string }).message, /bare repository/);
    const missing = await scanStaged({ cwd: join(dir, 'nope'), rules, maxFileSize: MAX });
    assert.is(missing.ok, false);
  } finally {
    removeTree(dir);
    bare.cleanup();
  }
});

test.run();
