// Every error path ends with one line on stderr and exit 2: never a stack trace, never exit 1 (which
// says "findings"): hostile configuration files, a full disk, and any bug nothing else caught.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTree, removeTree } from './helpers/tmp.js';
import { BIN, runCli, type Run } from './helpers/cli.js';

/** YAML whose aliases expand to 10^12 nodes; yaml refuses it by throwing ("Excessive alias count"). */
function aliasBomb(under: string): string {
  const lines = ['x0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) lines.push(`x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push(`${under}: [*a11]`);
  return `${lines.join('\n')}\n`;
}

function assertOneLineError(r: Run, what: string, pattern?: RegExp): void {
  assert.is(r.code, 2, `${what}: ${r.stderr}`);
  assert.is(r.stderr.trimEnd().split('\n').length, 1, `${what}: ${r.stderr}`);
  assert.match(r.stderr, /^keyhound: /, what);
  assert.not.match(r.stderr, /\n\s+at /, `${what}: stack trace`);
  if (pattern) assert.match(r.stderr, pattern, what);
}

const config = suite('hostile configuration files');

config('a YAML alias bomb in .keyhound.yml, --config or a rules file is one line and exit 2', async () => {
  const root = makeTree({ '.keyhound.yml': aliasBomb('rules'), 'other.yml': aliasBomb('allowlist'), 'rules.yml': aliasBomb('rules'), 'a.txt': 'x' });
  try {
    assertOneLineError(await runCli(['scan', root]), '.keyhound.yml', /\.keyhound\.yml: cannot be read: Excessive alias count/);
    assertOneLineError(await runCli(['scan', join(root, 'a.txt'), '--config', join(root, 'other.yml')]), '--config', /Excessive alias count/);
    assertOneLineError(await runCli(['rules', '--config', join(root, 'other.yml')]), 'rules --config', /Excessive alias count/);
    const check = await runCli(['rules', 'check', join(root, 'rules.yml')]);
    assert.is(check.code, 2);
    assert.match(check.stderr, /rules\.yml: cannot be read: Excessive alias count/);
    assert.not.match(check.stderr, /\n\s+at /);
  } finally {
    removeTree(root);
  }
});

config('a .keyhoundignore or baseline that cannot be read or parsed is one line and exit 2', async () => {
  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  const root = makeTree({ 'a.txt': 'x', 'deep.json': deep, 'nul.json': '{"version":1,"findings":[null]}' });
  mkdirSync(join(root, '.keyhoundignore'));
  try {
    assertOneLineError(await runCli(['scan', root]), '.keyhoundignore is a folder', /\.keyhoundignore: cannot read/);
    const file = join(root, 'a.txt');
    assertOneLineError(await runCli(['scan', file, '--baseline', join(root, 'deep.json')]), 'deeply nested baseline');
    assertOneLineError(await runCli(['scan', file, '--baseline', join(root, 'nul.json')]), 'baseline with a null entry');
  } finally {
    removeTree(root);
  }
});

config.run();

const disk = suite('writing the report');

disk('a full disk (> /dev/full, --output /dev/full) is one line and exit 2', () => {
  if (!existsSync('/dev/full')) {
    console.log('  (skipped: no /dev/full here)');
    return;
  }
  for (const shell of [`node "${BIN}" scan fixtures > /dev/full`, `node "${BIN}" scan fixtures --format json --output /dev/full`]) {
    const r = spawnSync('bash', ['-c', shell], { encoding: 'utf8' });
    assertOneLineError({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, shell, /ENOSPC/);
  }
});

disk.run();

const lastResort = suite('the last-resort handler in bin.ts');

/** Runs bin.js (as --version), then throws or rejects from a timer: a bug no command caught. */
function crash(kind: 'throw' | 'reject', env: Record<string, string> = {}): Run {
  const fault = kind === 'throw' ? "setTimeout(() => { throw new Error('boom\\nsecond line'); }, 10);" : "setTimeout(() => { Promise.reject(new TypeError('bang')); }, 10);";
  const code = `await import(${JSON.stringify(pathToFileURL(BIN).href)}); ${fault}`;
  // With -e, process.argv is [node, ...args]: bin.js reads argv from index 2, so 'x' is a placeholder.
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, 'x', '--version'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

lastResort('an uncaught exception or unhandled rejection: "keyhound: internal error: ..." and exit 2', () => {
  assertOneLineError(crash('throw'), 'throw', /^keyhound: internal error: boom\n$/);
  assertOneLineError(crash('reject'), 'reject', /^keyhound: internal error: bang\n$/);
});

lastResort('KEYHOUND_DEBUG=1 adds the stack', () => {
  const r = crash('throw', { KEYHOUND_DEBUG: '1' });
  assert.is(r.code, 2);
  assert.match(r.stderr, /^keyhound: internal error: boom\nError: boom\nsecond line\n\s+at /);
});

lastResort.run();

const escaping = suite('control characters in error messages');

escaping('a .keyhoundignore error names its folder and line with control characters escaped, on one line', async () => {
  const root = makeTree({});
  const folder = join(root, 'evil\u001b[2Jdir');
  try {
    mkdirSync(folder);
    writeFileSync(join(folder, '.keyhoundignore'), 'not-a-fingerprint \u001b]0;pwned\u0007\n');
    const r = await runCli(['scan', folder]);
    assertOneLineError(r, '.keyhoundignore', /evil\\x1b\[2Jdir\/\.keyhoundignore:1: "not-a-fingerprint \\x1b\]0;pwned\\x07"/);
    // eslint-disable-next-line no-control-regex
    assert.not.match(r.stderr.trimEnd(), /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  } finally {
    removeTree(root);
  }
});

escaping.run();
