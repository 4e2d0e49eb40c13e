import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { cannotRunAsNobody, runCli, spawnCli } from './helpers/cli.js';
import { validate } from './helpers/sarif-schema.js';

const k = new Keys(100);
const ID = k.keyId();
const SECRET = k.secret();
const leaky = () => makeTree({
  '.aws/credentials': `[default]\naws_access_key_id = ${ID}\naws_secret_access_key = ${SECRET}\n`,
  'README.md': '# nothing here\n',
});

const exits = suite('exit codes');

exits('0 when clean, 1 with findings, --exit-code N to choose', async () => {
  const clean = makeTree({ 'a.txt': 'hello' });
  const dirty = leaky();
  try {
    assert.is((await runCli(['scan', clean])).code, 0);
    assert.is((await runCli(['scan', dirty])).code, 1);
    assert.is((await runCli(['scan', dirty, '--exit-code', '3'])).code, 3);
  } finally {
    removeTree(clean);
    removeTree(dirty);
  }
});

exits('2 with a one-line error for usage mistakes and missing paths, never a stack trace', async () => {
  for (const argv of [
    ['scan', '--format', 'xml'],
    ['scan', '--bogus'],
    ['scan', '--max-file-size', 'huge'],
    ['scan', '--exit-code', '300'],
    ['scan', '--jobs', '0'],
    ['scan', '--jobs', '1000'],
    ['history', '-j', '257'],
    ['scan', '-j', 'many'],
    ['history', '--jobs', '1.5'],
    ['scan', '/no/such/dir'],
    [],
  ]) {
    const r = await runCli(argv);
    assert.is(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /^keyhound: /, argv.join(' '));
    assert.not.match(r.stderr, /\n\s+at /, 'stack trace');
  }
});

exits('--help and --version print to stdout and exit 0; --help lists every flag', async () => {
  const help = await runCli(['scan', '--help']);
  assert.is(help.code, 0);
  for (const flag of ['--format', '--output', '--include', '--exclude', '--no-gitignore', '--max-file-size', '--jobs', '--no-redact', '--exit-code', '--no-progress', '--quiet']) {
    assert.ok(help.stdout.includes(flag.replace('--no-', '--')) , flag);
  }
  assert.match((await runCli(['--version'])).stdout, /^\d+\.\d+\.\d+/);
});

exits('--jobs 1 and --jobs 2 give the same report', async () => {
  const strip = (stdout: string): unknown => {
    const report = JSON.parse(stdout) as { stats: { durationMs?: number } };
    delete report.stats.durationMs;
    return report;
  };
  const one = await runCli(['scan', 'fixtures', '--format', 'json', '--jobs', '1']);
  const two = await runCli(['scan', 'fixtures', '--format', 'json', '-j', '2']);
  assert.is(one.code, 1, one.stderr);
  assert.is(two.code, 1, two.stderr);
  assert.equal(strip(two.stdout), strip(one.stdout));
});

exits('--exclude and --include take one glob each and leave the paths alone', async () => {
  const dir = leaky();
  try {
    const out = JSON.parse((await runCli(['scan', '--exclude', '.aws', dir, '--format', 'json'])).stdout);
    assert.is(out.stats.filesScanned, 1);
    assert.is(out.stats.skipped.excluded, 1);
    const both = JSON.parse((await runCli(['scan', '--include', '**/credentials', '--include', '*.md', dir, '--format', 'json'])).stdout);
    assert.is(both.stats.filesScanned, 2);
  } finally {
    removeTree(dir);
  }
});

exits.run();

const formats = suite('formats');

formats('text groups by file, masks the secret, and explains what to do', async () => {
  const dir = leaky();
  try {
    const r = await runCli(['scan', dir]);
    assert.ok(r.stdout.includes('.aws/credentials\n'));
    assert.not.ok(r.stdout.includes(SECRET));
    assert.ok(r.stdout.includes(SECRET.slice(0, 4)) && r.stdout.includes('What to do:'));
    assert.match(r.stdout, /2 findings in 1 file \(2 critical\)/);
    assert.not.match(r.stdout, /\u001b\[/, 'no colour when not a terminal');
  } finally {
    removeTree(dir);
  }
});

formats('colour on a terminal, never with NO_COLOR', async () => {
  const dir = leaky();
  try {
    assert.match((await runCli(['scan', dir], { tty: true })).stdout, /\u001b\[/);
    assert.not.match((await runCli(['scan', dir], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
  } finally {
    removeTree(dir);
  }
});

formats('control characters in file names and content are escaped in text output', async () => {
  const dir = makeTree({ [`evil\u001b[2Jname.env`]: `\u001b]0;pwned\u0007 AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  try {
    const r = await runCli(['scan', dir]);
    assert.not.ok(r.stdout.includes('\u001b'), 'raw escape reached the terminal');
    assert.ok(r.stdout.includes('evil\\x1b[2Jname.env'));
  } finally {
    removeTree(dir);
  }
});

formats('json: version 2 with findings, stats and errors; redacted unless --no-redact', async () => {
  const dir = leaky();
  try {
    const out = JSON.parse((await runCli(['scan', dir, '--format', 'json'])).stdout);
    assert.is(out.version, 2);
    assert.equal(out.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`), ['aws-access-key-id:2', 'aws-secret-access-key:3']);
    assert.is(out.stats.filesScanned, 2);
    assert.equal(out.errors, []);
    assert.not.ok(JSON.stringify(out).includes(SECRET));
    const clear = JSON.parse((await runCli(['scan', dir, '--format', 'json', '--no-redact'])).stdout);
    assert.is(clear.findings[1].value, SECRET);
    assert.equal([clear.findings[0].label, clear.findings[1].label], ['access key ID', 'secret access key']);
  } finally {
    removeTree(dir);
  }
});

formats('github: one workflow command per finding', async () => {
  const dir = leaky();
  try {
    const lines = (await runCli(['scan', dir, '--format', 'github'])).stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.is(lines.length, 2);
    assert.match(lines[0]!, /^::error file=\.aws\/credentials,line=2,/);
  } finally {
    removeTree(dir);
  }
});

formats('sarif: a 2.1.0 log with the rules and one result per finding', async () => {
  const dir = leaky();
  try {
    const log = JSON.parse((await runCli(['scan', dir, '--format', 'sarif'])).stdout) as { version: string; runs: { tool: { driver: { rules: unknown[] } }; results: unknown[] }[] };
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors));
    assert.is(log.version, '2.1.0');
    assert.ok(log.runs[0].tool.driver.rules.length >= 5);
    assert.is(log.runs[0].results.length, 2);
  } finally {
    removeTree(dir);
  }
});

formats('--output writes the report to a file and nothing to stdout', async () => {
  const dir = leaky();
  try {
    const file = join(dir, 'report.json');
    const r = await runCli(['scan', join(dir, '.aws'), '--format', 'json', '--output', file]);
    assert.is(r.stdout, '');
    assert.is(JSON.parse(readFileSync(file, 'utf8')).findings.length, 2);
    const bad = await runCli(['scan', dir, '--output', join(dir, 'no/such/dir/out.txt')]);
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /^keyhound: --output .*out\.txt: /);
  } finally {
    removeTree(dir);
  }
});

formats('--quiet prints the findings only', async () => {
  const dir = leaky();
  try {
    const r = await runCli(['scan', dir, '--quiet']);
    assert.ok(r.stdout.includes('.aws/credentials'));
    assert.not.ok(r.stdout.includes('What to do') || r.stdout.includes('scanned'));
    assert.is((await runCli(['scan', makeTree({ a: 'x' }), '--quiet'])).stdout, '');
  } finally {
    removeTree(dir);
  }
});

formats('- reads standard input', async () => {
  const r = await runCli(['scan', '-', '--format', 'json'], { stdin: `export AWS_SECRET_ACCESS_KEY=${SECRET}\n` });
  assert.is(r.code, 1);
  assert.is(JSON.parse(r.stdout).findings[0].path, '<stdin>');
});

formats.run();

const processLevel = suite('as a process');

processLevel('a closed pipe (| head -1) ends quietly', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`f${i}.env`] = `AWS_ACCESS_KEY_ID=${k.keyId()}\nAWS_SECRET_ACCESS_KEY=${k.secret()}\n`;
  const dir = makeTree(files);
  try {
    const r = spawnCli([], { shell: `set -o pipefail; "$KEYHOUND_NODE" "$KEYHOUND_BIN" scan '${dir}' --no-progress | head -1; echo "status=\${PIPESTATUS[0]}" >&2` });
    assert.is(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.not.match(r.stderr, /Error|EPIPE|at /);
    assert.match(r.stderr, /status=1/);
  } finally {
    removeTree(dir);
  }
});

processLevel('standard input through a real pipe', () => {
  const r = spawnCli(['scan', '-', '--format', 'json'], { input: `aws_access_key_id = ${ID}\n` });
  assert.is(r.code, 1, r.stderr);
  assert.is(JSON.parse(r.stdout).findings[0].line, 1);
});

processLevel('an unreadable file is a warning and the scan goes on (run as an unprivileged user)', () => {
  const why = spawnSync('setpriv', ['--version']).status !== 0 ? 'setpriv is not installed' : cannotRunAsNobody();
  if (why !== undefined) {
    console.log(`  (skipped the unreadable-file run: ${why})`);
    return;
  }
  const dir = leaky();
  try {
    writeFileSync(join(dir, 'locked.env'), `AWS_SECRET_ACCESS_KEY=${k.secret()}`);
    chmodSync(join(dir, 'locked.env'), 0o000);
    chmodSync(dir, 0o755);
    const r = spawnCli(['scan', dir, '--format', 'json'], { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] });
    assert.is(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.errors.map((e: { kind: string; path: string }) => `${e.kind}:${e.path}`), ['permission:locked.env']);
    assert.is(out.findings.length, 2);
  } finally {
    removeTree(dir);
  }
});

processLevel.run();
