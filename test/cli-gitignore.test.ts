// .gitignore files are honoured only inside a git work tree, as git and ripgrep do: a `.git` directory
// or file in the folder scanned or a parent, or in a folder below it (a repository inside a plain folder).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insideWorkTree, walkTree, type WalkEvent } from '../src/sources/files.js';
import { runCli } from './helpers/cli.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const test = suite('.gitignore only inside a git work tree');

async function walked(root: string, gitignore = true): Promise<{ files: string[]; ignored: string[] }> {
  const events: WalkEvent[] = [];
  for await (const e of walkTree(root, { include: [], exclude: [], allowPaths: [], gitignore, maxFileSize: 1 << 20 })) events.push(e);
  return {
    files: events.flatMap((e) => (e.type === 'file' ? [e.path] : [])),
    ignored: events.flatMap((e) => (e.type === 'skip' && e.reason === 'gitignored' ? [e.path] : [])),
  };
}

const TREE = { '.gitignore': 'secret.env\nbuild/\n', 'secret.env': 'x\n', 'build/out.js': 'x\n', 'app.js': 'x\n' };

/** The temporary folder itself must not be in a repository, or "outside a repository" cannot be tested here. */
const tmpInRepo = insideWorkTree(tmpdir());

test('outside any repository: .gitignore is an ordinary file, everything is scanned', async () => {
  if (tmpInRepo) return console.log(`  skipped: the temporary folder ${tmpdir()} is inside a git work tree`);
  const root = makeTree(TREE);
  try {
    assert.not.ok(insideWorkTree(root));
    assert.equal(await walked(root), { files: ['.gitignore', 'app.js', 'build/out.js', 'secret.env'], ignored: [] });
    // End to end: a key in the "ignored" file is found.
    const k = new Keys(1201);
    const dir = makeTree({ '.gitignore': 'secret.env\n', 'secret.env': `AWS_ACCESS_KEY_ID=${k.keyId()}\n` });
    try {
      const r = await runCli(['scan', dir, '--format', 'json']);
      assert.is(r.code, 1, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path), ['secret.env']);
    } finally {
      removeTree(dir);
    }
  } finally {
    removeTree(root);
  }
});

for (const [how, marker] of [['a .git directory', { '.git/HEAD': 'ref: refs/heads/main\n' }], ['a .git file (worktree, submodule)', { '.git': 'gitdir: /elsewhere/.git/worktrees/x\n' }]] as const) {
  test(`in a work tree marked by ${how}: honoured at the root and when a subfolder is scanned`, async () => {
    const root = makeTree({ ...marker, ...TREE, 'sub/.gitignore': 'local.txt\n', 'sub/local.txt': 'x\n', 'sub/kept.txt': 'x\n' });
    try {
      assert.ok(insideWorkTree(root));
      assert.equal(await walked(root), { files: ['.gitignore', 'app.js', 'sub/.gitignore', 'sub/kept.txt'], ignored: ['build', 'secret.env', 'sub/local.txt'] });
      assert.equal(await walked(join(root, 'sub')), { files: ['.gitignore', 'kept.txt'], ignored: ['local.txt'] });
      assert.equal((await walked(root, false)).ignored, [], '--no-gitignore');
    } finally {
      removeTree(root);
    }
  });
}

test('a repository inside a plain folder: only the .gitignore files inside the repository count', async () => {
  if (tmpInRepo) return console.log(`  skipped: the temporary folder ${tmpdir()} is inside a git work tree`);
  const root = makeTree({ '.gitignore': '*.txt\n', 'a.txt': 'x\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.gitignore': 'b.txt\n', 'repo/b.txt': 'x\n', 'repo/c.txt': 'x\n' });
  try {
    assert.equal(await walked(root), { files: ['.gitignore', 'a.txt', 'repo/.gitignore', 'repo/c.txt'], ignored: ['repo/b.txt'] });
  } finally {
    removeTree(root);
  }
});

test.run();
