// A file whose name is not valid UTF-8 is opened by its bytes and scanned like any other, and reported
// with each stray byte as \xHH, the same in folder, staged and history scans and in every format.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { credentials, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { runCli } from './helpers/cli.js';
import { pathFromBytes } from '../src/sources/path-bytes.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { scanStaged } from '../src/git/staged.js';
import { scanHistory } from '../src/git/history.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules do not load');
const rules = loaded.rules;
const keys = new Keys(4040);
const CREDS = credentials(keys.keyId(), keys.secret());

/** `bad<0xff>name.env` and `dir<0xfe>` as bytes. */
const BAD_FILE = Buffer.concat([Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('name.env')]);
const BAD_DIR = Buffer.concat([Buffer.from('dir'), Buffer.from([0xfe])]);
const at = (root: string, ...names: Buffer[]): Buffer => Buffer.concat([Buffer.from(root), ...names.flatMap((n) => [Buffer.from('/'), n])]);

/** Writes the file, or says why this file system cannot hold such a name (macOS, some mounts). */
function writeBad(path: Buffer, content: string): boolean {
  try {
    writeFileSync(path, content);
    return true;
  } catch (err) {
    console.log(`  (skipped: this file system refuses a non-UTF-8 name: ${(err as Error).message})`);
    return false;
  }
}

const names = suite('file names that are not UTF-8');

names('pathFromBytes: UTF-8 as is, every other byte as \\xHH', () => {
  assert.is(pathFromBytes(Buffer.from('café/ü.env')), 'café/ü.env');
  assert.is(pathFromBytes(BAD_FILE), 'bad\\xffname.env');
  // A truncated sequence, a surrogate, an overlong form: each byte escaped, the valid rest kept.
  assert.is(pathFromBytes(Buffer.from([0x61, 0xe2, 0x82, 0x62, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xc3, 0xa9])), 'a\\xe2\\x82b\\xed\\xa0\\x80\\xc0\\xafé');
});

names('a folder scan opens them by their bytes and reports them escaped (text and JSON)', async () => {
  const root = makeTree({});
  try {
    if (!writeBad(at(root, BAD_FILE), CREDS)) return;
    mkdirSync(at(root, BAD_DIR));
    writeFileSync(at(root, BAD_DIR, Buffer.from('k.env')), credentials(keys.keyId(), keys.secret()));
    const json = await runCli(['scan', root, '--format', 'json']);
    assert.is(json.code, 1, json.stderr);
    const out = JSON.parse(json.stdout) as { findings: { path: string }[]; errors: unknown[] };
    assert.equal(out.errors, []);
    assert.equal([...new Set(out.findings.map((f) => f.path))].sort(), ['bad\\xffname.env', 'dir\\xfe/k.env']);
    const text = await runCli(['scan', root]);
    assert.ok(text.stdout.includes('bad\\xffname.env\n'), text.stdout);
    const github = await runCli(['scan', root, '--format', 'github']);
    assert.ok(github.stdout.includes('file=bad\\xffname.env'), github.stdout);
  } finally {
    removeTree(root);
  }
});

names('staged and history scans report them in the same form (an added file and a modified one)', async () => {
  const repo = Repo.init();
  try {
    if (!writeBad(at(repo.dir, BAD_FILE), '# nothing yet\n')) return;
    repo.add();
    repo.commit('empty file with a bad name');
    writeFileSync(at(repo.dir, BAD_FILE), `# nothing yet\n${CREDS}`);
    writeFileSync(at(repo.dir, BAD_FILE.subarray(0, 4)), CREDS); // `bad\xff`, a new file
    repo.add();
    const staged = await scanStaged({ cwd: repo.dir, rules, maxFileSize: 1 << 20 });
    if (!staged.ok) throw new Error(staged.message);
    assert.equal([...new Set(staged.findings.map((f) => f.path))].sort(), ['bad\\xff', 'bad\\xffname.env']);
    repo.commit('keys');
    const history = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1 << 20, threads: 1 });
    if (!history.ok) throw new Error(history.message);
    assert.equal([...new Set(history.findings.map((f) => f.path))].sort(), ['bad\\xff', 'bad\\xffname.env']);
  } finally {
    repo.cleanup();
  }
});

names.run();
