// The command line as a new user meets it (issue 16): flags without values, the version flags, what
// -o FILE prints, and the help texts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Where the scanner takes it from (src/scan/read-file.ts re-exports size.ts's constant).
import { STREAM_ABOVE } from '../src/scan/read-file.js';
import { VERSION } from '../src/version.js';
import { runCli } from './helpers/cli.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const k = new Keys(16);
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const flags = suite('flags');

flags('-o FILE: the one-line summary goes to standard error (not with -q); the report to the file', async () => {
  const dir = makeTree({ 'a.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` });
  const out = join(dir, 'report.json');
  try {
    const r = await runCli(['scan', dir, '--exclude', 'report.json', '-f', 'json', '-o', out]);
    assert.is(r.code, 1);
    assert.is(r.stdout, '');
    assert.is(r.stderr.split('\n').length, 2, r.stderr); // one line and its newline
    assert.match(r.stderr, /^keyhound: 1 finding in 1 file \(1 high\)\. 1 file scanned .*; report written to .*report\.json\n$/);
    assert.is((JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings.length, 1);
    const quiet = await runCli(['scan', dir, '--exclude', 'report.json', '-f', 'json', '-o', out, '-q']);
    assert.equal([quiet.code, quiet.stdout, quiet.stderr], [1, '', '']);
  } finally {
    removeTree(dir);
  }
});

flags('a flag without its value, or with an empty one, is a one-line usage error (exit 2), through yargs and the staged fast path', async () => {
  const dir = makeTree({ 'a.txt': 'nothing\n' });
  try {
    const cases = [
      ['scan', dir, '--output'], ['scan', dir, '-o'], ['scan', dir, '--output='], ['scan', dir, '--output', ''],
      ['scan', dir, '--include'], ['scan', dir, '--exclude'], ['scan', dir, '--exit-code'], ['scan', dir, '-f'], ['scan', dir, '-fjson'],
      ['scan', dir, '--config'], ['scan', dir, '--baseline'], ['scan', dir, '--max-file-size'], ['scan', dir, '-j'],
      ['staged', '--output'], ['staged', '--output='], ['staged', '-fjson'], ['staged', '--exit-code'], ['staged', '-f'],
      ['history', '--format'], ['history', '--max-file-size'],
    ];
    for (const argv of cases) {
      const r = await runCli(argv, { cwd: dir });
      const what = argv.slice(2).join(' ') || argv.join(' ');
      assert.is(r.code, 2, `${what}: ${r.stderr}`);
      assert.is(r.stdout, '', what);
      const [first, ...rest] = r.stderr.trimEnd().split('\n');
      assert.match(first!, /^keyhound: \S/, what);
      assert.ok(rest.length === 0 || (rest.length === 1 && rest[0] === 'Run keyhound --help for usage.'), `${what}: ${r.stderr}`);
    }
    const glued = await runCli(['scan', dir, '-fjson']);
    assert.match(glued.stderr, /-fjson: a short flag and its value are two words: -f json/);
    // What yargs reads right stays accepted: -j1, -o/path, -f=json.
    const ok = await runCli(['scan', dir, '-j1', `-o${join(dir, 'r.json')}`, '-f=json', '--exclude', 'r.json']);
    assert.is(ok.code, 0, ok.stderr);
  } finally {
    removeTree(dir);
  }
});

flags('-v, -V and --version print the version', async () => {
  for (const flag of ['-v', '-V', '--version']) {
    const r = await runCli([flag]);
    assert.equal([r.code, r.stdout, r.stderr], [0, `${VERSION}\n`, ''], flag);
  }
});

const help = suite('help texts');

help('scan --help and the README give the streaming threshold the code uses', async () => {
  const size = `${STREAM_ABOVE / 1024 / 1024}MiB`;
  assert.is(size, '8MiB');
  const r = await runCli(['scan', '--help']);
  const text = r.stdout.replace(/\s+/g, ' ');
  assert.ok(text.includes(`files over ${size} are streamed`), text);
  assert.not.match(text, /16MiB/);
  assert.ok(README.replace(/\s+/g, ' ').includes(`\`scan\` streams files over ${size}`), 'README --max-file-size row');
});

help('top-level --help: each command with one line, an example per mode (pre-commit, CI, by hand), and no "Docs: README.md"', async () => {
  const r = await runCli(['--help']);
  assert.is(r.code, 0);
  for (const command of ['scan', 'staged', 'history', 'hook', 'rules']) assert.match(r.stdout, new RegExp(`^ {2}keyhound ${command}\\b`, 'm'), command);
  assert.match(r.stdout, /^Examples:/m);
  assert.match(r.stdout, /keyhound hook install +Before each commit/);
  assert.match(r.stdout, /keyhound history .* +In CI/);
  assert.match(r.stdout, /keyhound scan .* +By hand/);
  assert.not.match(r.stdout, /Docs: README/);
});

flags.run();
help.run();

const readme = suite('README flag tables and --help');

const COMMANDS = ['scan', 'staged', 'history', 'hook', 'rules'] as const;
const SCANNING = ['scan', 'staged', 'history'];
/** `--no-redact` in the README is `--redact` in --help (yargs lists the flag, and says --no- negates it). */
const base = (flag: string): string => flag.replace(/^--no-/, '--');

/** Flag → the commands the README's Command line tables give it to. */
function readmeFlags(): Map<string, Set<string>> {
  const section = README.slice(README.indexOf('\n## Command line'), README.indexOf('\n## Output formats'));
  const flags = new Map<string, Set<string>>();
  for (const row of section.split('\n').filter((l) => l.startsWith('| `-'))) {
    const [first, , meaning] = row.slice(2).split(' | ');
    const only = /^((?:`\w+`(?:, | and | or )?)+) only\b/.exec(meaning ?? '');
    const names = (first!.match(/--[a-z][a-z-]*/g) ?? []).map(base);
    const commands = only ? [...only[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!) : names.some((n) => n === '--help' || n === '--version') ? [...COMMANDS] : SCANNING;
    for (const name of names) for (const c of commands) (flags.get(name) ?? flags.set(name, new Set()).get(name)!).add(c);
  }
  return flags;
}

readme('every flag each command\'s --help lists is in the README tables for that command, and no other', async () => {
  const documented = readmeFlags();
  assert.ok(documented.size > 20, `${documented.size} flags found in the README tables`);
  for (const command of COMMANDS) {
    const help = (await runCli([command, '--help'])).stdout;
    const known = new Set([...help.matchAll(/^ +(?:-\w, )*(--[a-z][a-z-]*)/gm)].map((m) => base(m[1]!)));
    assert.ok(known.has('--help') && known.size >= 3, `${command}: ${[...known]}`);
    const inReadme = new Set([...documented].filter(([, commands]) => commands.has(command)).map(([flag]) => flag));
    assert.equal([...known].sort(), [...inReadme].sort(), `${command}: --help (left) and the README tables (right) disagree`);
  }
});

readme.run();
