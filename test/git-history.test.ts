import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { credentials, git, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { runCli } from './helpers/cli.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { scanHistory, type HistoryResult } from '../src/git/history.js';
import type { Finding, Stats } from '../src/types.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const MAX = 1024 * 1024;

type Ok = Extract<HistoryResult, { ok: true }>;

async function history(cwd: string, extra: { range?: string; maxFileSize?: number; binaryStrings?: boolean; onProgress?: (s: Readonly<Stats>) => void } = {}): Promise<Ok> {
  const r = await scanHistory({ cwd, rules, maxFileSize: MAX, ...extra });
  if (!r.ok) throw new Error(`scanHistory failed: ${r.message}`);
  return r;
}
/** path:line:rule@short-sha:atHead for each finding, in a stable order. */
const summary = (r: Ok) =>
  r.findings
    .map((f) => `${f.path}:${f.line}:${f.ruleId}@${f.commit?.sha.slice(0, 7)}:${f.atHead}`)
    .sort();
const at = (f: Finding[], ruleId: string) => f.find((x) => x.ruleId === ruleId)!;

const test = suite('git history');

test('a key added in one commit and removed in the next: found, attributed to the adding commit, not at HEAD', async () => {
  const k = new Keys(201);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('Initial commit', { 'README.md': '# demo\n' });
    const added = repo.commitFiles('Add deploy config', { 'deploy/aws.ini': `[default]\n${credentials(id, secret)}` }, { author: 'Grace Hopper', email: 'grace@example.com' });
    repo.commitFiles('Remove the key again', { 'deploy/aws.ini': '[default]\n# use the instance role\n' });
    const r = await history(repo.dir);
    assert.is(r.findings.length, 2);
    const idF = at(r.findings, 'aws-access-key-id');
    assert.equal([idF.path, idF.line, idF.value, idF.atHead], ['deploy/aws.ini', 2, id, false]);
    assert.equal(idF.commit, { sha: added, author: 'Grace Hopper', email: 'grace@example.com', date: repo.authorDate(added), summary: 'Add deploy config' });
    // The helper's clock is shared by every test in the process, so only the shape of the date is fixed.
    assert.match(repo.authorDate(added), /^2024-01-01T\d\d:\d\d:00\+00:00$/);
    assert.equal(at(r.findings, 'aws-secret-access-key').commit?.sha, added);
    assert.is(r.stats.filesScanned, 3); // README, the file with the key, the file without
    assert.equal(r.warnings, []);
  } finally {
    repo.cleanup();
  }
});

test('a key still present is atHead; edited around many times it is still one finding, from its first commit', async () => {
  const k = new Keys(202);
  const id = k.keyId();
  const repo = Repo.init();
  try {
    const first = repo.commitFiles('add key', { 'app.env': `KEY_ID=${id}\n` });
    repo.commitFiles('more', { 'app.env': `KEY_ID=${id}\nDEBUG=1\n` });
    repo.commitFiles('more again', { 'app.env': `# config\nKEY_ID=${id}\nDEBUG=0\n` });
    const r = await history(repo.dir);
    assert.equal(summary(r), [`app.env:1:aws-access-key-id@${first.slice(0, 7)}:true`]);
    assert.is(r.stats.filesScanned, 3);
  } finally {
    repo.cleanup();
  }
});

test('a renamed file: reported at the path it was introduced at; atHead follows the rename', async () => {
  const k = new Keys(203);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    const added = repo.commitFiles('add', { 'old/name.ini': credentials(id, secret) });
    mkdirSync(join(repo.dir, 'new'));
    repo.git('mv', 'old/name.ini', 'new/name.ini');
    repo.commit('rename only');
    let r = await history(repo.dir);
    assert.equal(summary(r), [`old/name.ini:1:aws-access-key-id@${added.slice(0, 7)}:true`, `old/name.ini:2:aws-secret-access-key@${added.slice(0, 7)}:true`]);
    assert.is(r.stats.filesScanned, 1); // one blob, seen at two paths
    // Renamed again and edited: a new blob at a new path; the key is reported there too, from that commit.
    repo.git('mv', 'new/name.ini', 'final.ini');
    repo.write('final.ini', `[profile]\n${credentials(id, secret)}`);
    const moved = repo.add().commit('rename and edit');
    r = await history(repo.dir);
    assert.equal(summary(r), [
      `final.ini:2:aws-access-key-id@${moved.slice(0, 7)}:true`,
      `final.ini:3:aws-secret-access-key@${moved.slice(0, 7)}:true`,
      `old/name.ini:1:aws-access-key-id@${added.slice(0, 7)}:false`,
      `old/name.ini:2:aws-secret-access-key@${added.slice(0, 7)}:false`,
    ]);
  } finally {
    repo.cleanup();
  }
});

test('a key only on a side branch: found by the all-refs scan, not in a range of main', async () => {
  const k = new Keys(204);
  const id = k.keyId();
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'experiment');
    const side = repo.commitFiles('try a key', { 'exp.cfg': `key = ${id}\n` });
    repo.git('checkout', '-q', 'main');
    repo.commitFiles('main work', { 'b.txt': 'b\n' });
    assert.equal(summary(await history(repo.dir)), [`exp.cfg:1:aws-access-key-id@${side.slice(0, 7)}:false`]);
    const onMain = await history(repo.dir, { range: 'main' });
    assert.equal(onMain.findings, []);
    assert.is(onMain.stats.filesScanned, 2);
    assert.is((await history(repo.dir, { range: 'main..experiment' })).findings.length, 1);
  } finally {
    repo.cleanup();
  }
});

test('merges: a key from the side branch is attributed to its own commit; one added by the merge itself to the merge', async () => {
  const k = new Keys(205);
  const [sideId, mergeId] = [k.keyId(), k.keyId()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'shared.txt': 'one\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const side = repo.commitFiles('feature key', { 'feature.cfg': `key = ${sideId}\n` });
    repo.git('checkout', '-q', 'main');
    repo.commitFiles('main change', { 'main.txt': 'main\n' });
    const merge = repo.merge('feature', 'Merge feature');
    assert.equal(summary(await history(repo.dir)), [`feature.cfg:1:aws-access-key-id@${side.slice(0, 7)}:true`]);
    // An "evil" merge: the key appears only in the merge commit's own tree.
    repo.git('checkout', '-q', '-b', 'other', 'main~1');
    repo.commitFiles('other work', { 'other.txt': 'x\n' });
    repo.git('checkout', '-q', 'main');
    git(repo.dir, ['merge', '-q', '--no-ff', '--no-commit', 'other']);
    repo.write('shared.txt', `one\nbackup = ${mergeId}\n`).add();
    const evil = repo.commit('Merge other');
    const r = await history(repo.dir);
    assert.equal(summary(r), [`feature.cfg:1:aws-access-key-id@${side.slice(0, 7)}:true`, `shared.txt:2:aws-access-key-id@${evil.slice(0, 7)}:true`]);
    assert.ok(merge !== evil);
    // A range containing only the evil merge still reports its key, and not the side branch's.
    assert.equal(summary(await history(repo.dir, { range: `${merge}..main` })).map((s) => s.split('@')[0]), ['shared.txt:2:aws-access-key-id']);
  } finally {
    repo.cleanup();
  }
});

test('a binary blob is scanned through its strings (or skipped and counted); a blob over maxFileSize is an error with its path', async () => {
  const k = new Keys(206);
  const repo = Repo.init();
  try {
    repo.commitFiles('bin', { 'img.bin': Buffer.concat([Buffer.from([0x89, 0, 0, 1]), Buffer.from(`key = ${k.keyId()}\n`)]) });
    repo.commitFiles('big', { 'huge.log': 'z'.repeat(4000) });
    const found = await history(repo.dir, { maxFileSize: 1000 });
    assert.equal(found.findings.map((f) => [f.path, f.offset, f.commit?.summary]), [['img.bin', 10, 'bin']]);
    assert.is(found.stats.binariesScanned, 1);
    const r = await history(repo.dir, { maxFileSize: 1000, binaryStrings: false });
    assert.equal(r.findings, []);
    assert.is(r.stats.skipped.binary, 1);
    assert.is(r.stats.skipped.tooLarge, 1);
    assert.equal(r.errors.map((e) => [e.path, e.kind]), [['huge.log', 'too-large']]);
    assert.match(r.errors[0]!.message, /4000 bytes/);
  } finally {
    repo.cleanup();
  }
});

test('an empty repository: ok, no findings', async () => {
  const repo = Repo.init();
  try {
    const r = await history(repo.dir);
    assert.equal([r.findings, r.errors, r.warnings, r.stats.filesScanned], [[], [], [], 0]);
  } finally {
    repo.cleanup();
  }
});

test('a shallow clone: scanned as far as it goes, with a warning naming the boundary', async () => {
  const k = new Keys(207);
  const id = k.keyId();
  const origin = Repo.init();
  let clone: Repo | undefined;
  try {
    origin.commitFiles('one', { 'a.txt': `key = ${id}\n` });
    origin.commitFiles('two', { 'b.txt': 'b\n' });
    const tip = origin.commitFiles('three', { 'c.txt': 'c\n' });
    clone = Repo.clone(`file://${origin.dir}`, ['--depth', '1']);
    const r = await history(clone.dir);
    const short = clone.git('rev-parse', '--short', tip);
    assert.equal(r.warnings, [`shallow clone: history before 2024-01-01 (${short}) is not scanned; run git fetch --unshallow`]);
    // The key is in the boundary commit's tree, so it is found there; but that commit's parents are
    // missing, so who added it is unknown: the tip's author is not blamed.
    assert.equal(summary(r), ['a.txt:1:aws-access-key-id@undefined:true']);
    assert.is(r.findings[0]!.beforeShallowBoundary, true);
  } finally {
    origin.cleanup();
    clone?.cleanup();
  }
});

test('a bare repository (cwd is the bare repo): the same findings, HEAD still known', async () => {
  const k = new Keys(208);
  const [gone, kept] = [k.keyId(), k.keyId()];
  const origin = Repo.init();
  let bare: Repo | undefined;
  try {
    const c1 = origin.commitFiles('add both', { 'gone.txt': `key = ${gone}\n`, 'kept.txt': `key = ${kept}\n` });
    origin.git('rm', '-q', 'gone.txt');
    origin.commit('remove one');
    assert.is(origin.git('show', '-s', '--format=%H', c1), c1);
    bare = Repo.clone(origin.dir, ['--bare']);
    const r = await history(bare.dir);
    assert.equal(summary(r), [`gone.txt:1:aws-access-key-id@${c1.slice(0, 7)}:false`, `kept.txt:1:aws-access-key-id@${c1.slice(0, 7)}:true`]);
  } finally {
    origin.cleanup();
    bare?.cleanup();
  }
});

test('ranges: HEAD~1..HEAD on the removal commit finds nothing; the adding commit alone finds the key', async () => {
  const k = new Keys(209);
  const [id, secret] = [k.keyId(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'x.txt': 'x\n' });
    const added = repo.commitFiles('add', { 'k.ini': credentials(id, secret) });
    repo.commitFiles('remove', { 'k.ini': '# gone\n' });
    const removal = await history(repo.dir, { range: 'HEAD~1..HEAD' });
    assert.equal(removal.findings, []);
    assert.is(removal.stats.filesScanned, 1);
    const adding = await history(repo.dir, { range: 'HEAD~2..HEAD~1' });
    assert.equal(summary(adding), [`k.ini:1:aws-access-key-id@${added.slice(0, 7)}:false`, `k.ini:2:aws-secret-access-key@${added.slice(0, 7)}:false`]);
    assert.equal((await history(repo.dir, { range: 'HEAD..HEAD' })).findings, []);
  } finally {
    repo.cleanup();
  }
});

test('a range whose commits edit a file that already had a key reports only keys they add', async () => {
  const k = new Keys(210);
  const [oldId, newId] = [k.keyId(), k.keyId()];
  const repo = Repo.init();
  try {
    repo.commitFiles('old key', { 'cfg.ini': `a = ${oldId}\n` });
    repo.git('branch', 'base');
    repo.commitFiles('unrelated edit', { 'cfg.ini': `# note\na = ${oldId}\n` });
    const c3 = repo.commitFiles('new key', { 'cfg.ini': `# note\na = ${oldId}\nb = ${newId}\n` });
    const r = await history(repo.dir, { range: 'base..HEAD' });
    assert.equal(r.findings.map((f) => f.value), [newId]);
    assert.equal(r.findings[0]!.commit?.sha, c3);
  } finally {
    repo.cleanup();
  }
});

test("the user's log and diff settings (colour, no root diff, renames, abbreviation, decoration) change nothing", async () => {
  const k = new Keys(212);
  const id = k.keyId();
  const repo = Repo.init();
  try {
    const first = repo.commitFiles('root has the key', { 'a.cfg': `key = ${id}\n` });
    repo.git('mv', 'a.cfg', 'b.cfg');
    repo.commit('rename');
    for (const [key, value] of [['color.ui', 'always'], ['log.showRoot', 'false'], ['diff.renames', 'copies'], ['core.abbrev', '7'], ['log.decorate', 'full'], ['diff.noprefix', 'true'], ['log.date', 'relative'], ['diff.relative', 'true']]) {
      repo.git('config', key!, value!);
    }
    assert.equal(summary(await history(repo.dir)), [`a.cfg:1:aws-access-key-id@${first.slice(0, 7)}:true`]);
  } finally {
    repo.cleanup();
  }
});

test('a bad range, an option as a range, or no repository: ok:false with a message', async () => {
  const repo = Repo.init();
  const dir = makeTree({ 'a.txt': 'a' });
  try {
    repo.commitFiles('init', { 'a.txt': 'a\n' });
    const bad = await scanHistory({ cwd: repo.dir, rules, maxFileSize: MAX, range: 'nosuchbranch..HEAD' });
    assert.equal(bad, { ok: false, message: "bad revision range 'nosuchbranch..HEAD': bad revision 'nosuchbranch..HEAD'" });
    const option = await scanHistory({ cwd: repo.dir, rules, maxFileSize: MAX, range: '--output=/tmp/x' });
    assert.is(option.ok, false);
    assert.match((option as { message: string }).message, /is an option, not a revision/);
    const none = await scanHistory({ cwd: dir, rules, maxFileSize: MAX });
    assert.is(none.ok, false);
    assert.match((none as { message: string }).message, /not a git repository/);
  } finally {
    repo.cleanup();
    removeTree(dir);
  }
});

test('progress is reported as blobs are scanned, and submodules are listed, not scanned', async () => {
  const k = new Keys(211);
  const inner = Repo.init();
  const repo = Repo.init();
  try {
    inner.commitFiles('inner', { 'leak.env': `key = ${k.keyId()}\n` });
    repo.commitFiles('init', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    git(repo.dir, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'libs/inner']);
    repo.commit('add submodule');
    const seen: number[] = [];
    const r = await history(repo.dir, { onProgress: (s) => seen.push(s.filesScanned) });
    // Reported per batch of blobs: counts only grow, and the last one covers every blob.
    assert.ok(seen.length > 0);
    assert.ok(seen.every((n, i) => i === 0 || n >= seen[i - 1]!));
    assert.is(seen[seen.length - 1], 3);
    assert.equal(r.submodules, ['libs/inner']);
    assert.equal(r.findings, []);
  } finally {
    repo.cleanup();
    inner.cleanup();
  }
});

test('a key from an earlier commit on a line a later commit changed is masked in the later finding\'s line text', async () => {
  const k = new Keys(231);
  const [first, second] = [k.keyId(), k.keyId()];
  const repo = Repo.init();
  try {
    repo.commitFiles('Add a key ID', { 'app.cfg': `${' '.repeat(300)}aws_access_key_id = ${first}\n` });
    // The first ID moves 300 columns along its line and a second joins it: the first is reported at the first commit.
    repo.commitFiles('Add another', { 'app.cfg': `aws_access_key_id = ${first}; backup_access_key_id = ${second}\n` });
    const r = await runCli(['history', '--no-progress'], { cwd: repo.dir });
    assert.is(r.code, 1, r.stderr);
    assert.ok(r.stdout.includes(second.slice(-4)), r.stdout);
    assert.not.ok(r.stdout.includes(first), 'the first key ID in clear');
    assert.not.ok(r.stdout.includes(second), 'the second key ID in clear');
  } finally {
    repo.cleanup();
  }
});

test.run();
