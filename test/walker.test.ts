import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/sources/decode.js';
import { walkTree, type WalkEvent, type WalkOptions } from '../src/sources/files.js';
import { scan } from '../src/run.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const OPTS: WalkOptions = { include: [], exclude: [], allowPaths: [], gitignore: true, maxFileSize: 1024 * 1024 };

async function walk(root: string, opts: Partial<WalkOptions> = {}): Promise<WalkEvent[]> {
  const events: WalkEvent[] = [];
  for await (const e of walkTree(root, { ...OPTS, ...opts })) events.push(e);
  return events;
}
const filesOf = (events: WalkEvent[]) => events.filter((e) => e.type === 'file').map((e) => (e as { path: string }).path);
const skipsOf = (events: WalkEvent[]) => events.filter((e) => e.type === 'skip').map((e) => `${(e as { reason: string }).reason}:${(e as { path: string }).path}`);

const walker = suite('walker');

walker('includes dotfiles and dot-folders, skips .git, and lists in sorted order', async () => {
  const root = makeTree({ '.env': 'A=1', '.aws/credentials': 'x', 'b.txt': 'b', 'a/z.txt': 'z', '.git/config': 'c' });
  try {
    assert.equal(filesOf(await walk(root)), ['.aws/credentials', '.env', 'a/z.txt', 'b.txt']);
  } finally {
    removeTree(root);
  }
});

walker('honours nested .gitignore files with git precedence, unless gitignore is off', async () => {
  const root = makeTree({
    '.git/HEAD': 'ref: refs/heads/main\n', // .gitignore files count only in a git work tree (test/cli-gitignore.test.ts)
    '.gitignore': '*.log\nbuild/\n',
    'app.log': 'x',
    'build/out.js': 'x',
    'sub/.gitignore': '!keep.log\nsecret.txt\n',
    'sub/keep.log': 'x',
    'sub/secret.txt': 'x',
    'sub/ok.txt': 'x',
  });
  try {
    const events = await walk(root);
    assert.equal(filesOf(events), ['.gitignore', 'sub/.gitignore', 'sub/keep.log', 'sub/ok.txt']);
    assert.equal(skipsOf(events), ['gitignored:app.log', 'gitignored:build', 'gitignored:sub/secret.txt']);
    assert.is(filesOf(await walk(root, { gitignore: false })).length, 7);
  } finally {
    removeTree(root);
  }
});

walker('--include and --exclude take micromatch globs; a bare name matches at any depth', async () => {
  const root = makeTree({ 'src/a.ts': 'x', 'src/b.js': 'x', 'node_modules/m/index.js': 'x', 'deep/node_modules/n.js': 'x' });
  try {
    assert.equal(filesOf(await walk(root, { exclude: ['node_modules'] })), ['src/a.ts', 'src/b.js']);
    assert.equal(filesOf(await walk(root, { include: ['**/*.ts'] })), ['src/a.ts']);
    assert.equal(filesOf(await walk(root, { exclude: ['src/**', '**/node_modules/**'] })), []);
    assert.equal(filesOf(await walk(root, { include: ['src/*.js', '*.ts'] })), ['src/a.ts', 'src/b.js']);
    assert.equal(filesOf(await walk(root, { exclude: ['src/a.ts', 'node_modules/**', 'deep/**'] })), ['src/b.js']);
  } finally {
    removeTree(root);
  }
});

walker('symlinks are never followed: loops and links out of the tree are skipped, broken ones reported', async () => {
  const root = makeTree({ 'real/file.txt': 'x' });
  try {
    symlinkSync(join(root, 'real'), join(root, 'real/loop'));
    symlinkSync('/etc', join(root, 'outside'));
    symlinkSync(join(root, 'nope'), join(root, 'broken'));
    const events = await walk(root);
    assert.equal(filesOf(events), ['real/file.txt']);
    assert.equal(skipsOf(events), ['symlink:outside', 'symlink:real/loop']);
    const errors = events.filter((e) => e.type === 'error').map((e) => (e as { error: { path: string; kind: string } }).error);
    assert.equal(errors.map((e) => `${e.kind}:${e.path}`), ['broken-symlink:broken']);
  } finally {
    removeTree(root);
  }
});

walker('a file over the size cap is reported, not silently dropped', async () => {
  const root = makeTree({ 'big.txt': 'x'.repeat(2000), 'small.txt': 'x' });
  try {
    const events = await walk(root, { maxFileSize: 1000 });
    assert.equal(filesOf(events), ['small.txt']);
    const [err] = events.filter((e) => e.type === 'error');
    assert.match(JSON.stringify(err), /too-large.*big\.txt|big\.txt.*too-large/);
  } finally {
    removeTree(root);
  }
});

walker.run();

const decoding = suite('decode');

decoding('a NUL byte near the start means binary', () => {
  assert.equal(decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), { binary: true });
});

decoding('invalid UTF-8 becomes U+FFFD without hiding the text around it', () => {
  const bytes = Buffer.concat([Buffer.from('key='), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' AKIA')]);
  const out = decode(bytes);
  assert.ok(!out.binary && out.text.startsWith('key=') && out.text.endsWith(' AKIA') && out.text.includes('\ufffd'));
});

decoding('UTF-16 files with a byte-order mark are decoded, not called binary', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id = AKIA', 'utf16le')]);
  assert.equal(decode(bytes), { binary: false, text: 'id = AKIA' });
});

decoding.run();

const pipeline = suite('scan (walker + detector)');

pipeline('binary files and unreadable files are counted, and the scan goes on', async () => {
  const k = new Keys(20);
  const root = makeTree({ 'bin.dat': Buffer.from([0, 1, 2, 3]), 'a/.env': `AWS_ACCESS_KEY_ID=${k.keyId()}\n`, 'locked/x.txt': 'x' });
  try {
    chmodSync(join(root, 'locked'), 0o000);
    const outcome = await scan({ paths: [root] });
    assert.ok(outcome.ok);
    if (!outcome.ok) return;
    assert.equal(outcome.result.findings.map((f) => f.path), ['a/.env']);
    // The binary is scanned through its strings (it has none); without them it is skipped as binary.
    assert.is(outcome.result.stats.skipped.binary, 0);
    assert.is(outcome.result.stats.binariesScanned, 1);
    const off = await scan({ paths: [root], binaryStrings: false });
    assert.ok(off.ok && off.result.stats.skipped.binary === 1 && off.result.stats.binariesScanned === 0);
    // Root reads anything; elsewhere the locked folder must be a permission warning.
    if (process.getuid?.() !== 0) assert.equal(outcome.result.errors.map((e) => `${e.kind}:${e.path}`), ['permission:locked']);
  } finally {
    chmodSync(join(root, 'locked'), 0o755);
    removeTree(root);
  }
});

pipeline('a path that does not exist stops the scan before it starts, naming the path', async () => {
  const outcome = await scan({ paths: ['/definitely/not/here'] });
  assert.equal(outcome, { ok: false, messages: ['/definitely/not/here: no such file or directory'] });
});

pipeline('several roots prefix their paths; a single file is shown as given', async () => {
  const k = new Keys(21);
  const a = makeTree({ 'x.env': `AWS_ACCESS_KEY_ID=${k.keyId()}` });
  const b = makeTree({ 'y.env': `AWS_ACCESS_KEY_ID=${k.keyId()}` });
  try {
    mkdirSync(join(a, 'empty'));
    const many = await scan({ paths: [a, b] });
    assert.ok(many.ok && many.result.findings.every((f) => f.path.startsWith('/')));
    const one = await scan({ paths: [join(b, 'y.env')] });
    assert.ok(one.ok && one.result.findings[0]!.path === join(b, 'y.env'));
  } finally {
    removeTree(a);
    removeTree(b);
  }
});

pipeline('.keyhound.yml path allowlists at the root are honoured and counted', async () => {
  const k = new Keys(22);
  const root = makeTree({ '.keyhound.yml': 'allowlist:\n  paths: ["fixtures/**"]\n', 'fixtures/a.env': `K=${k.keyId()}`, 'src/b.env': `K=${k.keyId()}` });
  try {
    const outcome = await scan({ paths: [root] });
    assert.ok(outcome.ok);
    if (!outcome.ok) return;
    assert.equal(outcome.result.findings.map((f) => f.path), ['src/b.env']);
    assert.is(outcome.result.stats.skipped.allowlisted, 2, 'fixtures/ and .keyhound.yml itself');
  } finally {
    removeTree(root);
  }
});

pipeline('an invalid .keyhound.yml stops the run with file, line and field', async () => {
  const root = makeTree({ '.keyhound.yml': 'allowlist:\n  pathz: []\n' });
  try {
    const outcome = await scan({ paths: [root] });
    assert.ok(!outcome.ok);
    if (outcome.ok) return;
    assert.match(outcome.messages[0]!, /\.keyhound\.yml:2: allowlist\.pathz: unknown field/);
  } finally {
    removeTree(root);
  }
});

pipeline.run();
