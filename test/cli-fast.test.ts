// The pre-commit fast path (issue 6): plain `keyhound staged` command lines are parsed by hand, without
// yargs, and the staged scan loads only what it uses. The hand parser must agree with yargs on every
// command line it accepts, and leave every other one to yargs (help, usage errors, odd forms).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, parseStagedFast } from '../src/cli.js';
import { COMMAND_FLAGS, camel, type Flag } from '../src/flags.js';
import { BIN, runCli } from './helpers/cli.js';
import { Repo, credentials } from './helpers/git.js';
import { Keys } from './helpers/keys.js';

/** The checkout (or package) the built BIN belongs to: dist/src/bin.js → ../.. */
const PACKAGE_ROOT = join(dirname(BIN), '..', '..');

/** The fields runStaged reads: every flag of staged's table (flags.ts), camelCase as yargs gives them. */
const STAGED_FLAGS: [string, Flag][] = Object.entries(COMMAND_FLAGS.staged);
const STAGED_FIELDS = STAGED_FLAGS.map(([name]) => camel(name));
const pick = (args: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(STAGED_FIELDS.map((f) => [f, args[f]]));

const FAST = [
  ['staged'],
  ['staged', '--no-progress'],
  ['staged', '--format', 'json'],
  ['staged', '-f', 'sarif', '-o', 'out.sarif'],
  ['staged', '--format=github', '--quiet'],
  ['staged', '-q', '--no-redact', '--exit-code', '3'],
  ['staged', '--exit-code', '0', '--all-lines', '--max-file-size', '500KB'],
  ['staged', '--exit-code=300'], // out of range: the command says so, as it does after yargs
  ['staged', '--max-file-size', 'huge'],
  ['staged', '--max-file-size', '1e3'],
  ['staged', '--output', '123', '--config', 'true'],
  ['staged', '-c', 'conf.yml', '--baseline', 'b.json', '--report-unused-ignores', '--no-suppress'],
  ['staged', '--baseline-write', 'new.json', '--no-quiet', '--progress', '--redact'],
  ['staged', '--verify', '--verify-endpoint', 'http://127.0.0.1:9/', '--verify-allow-remote-endpoint'],
  ['staged', '--no-verify', '--no-all-lines', '--no-report-unused-ignores', '--no-verify-allow-remote-endpoint'],
  ['staged', '--output=a=b', '--config=c d.yml'],
  ['staged', '-f', 'sarif', '--sarif-base-uri', 'https://github.com/o/r/blob/main/'],
  ['staged', '--sarif-base-uri=no slash'],
];

const TO_YARGS = [
  [],
  ['scan'],
  ['history'],
  ['hook', 'install'],
  ['staged', '--help'],
  ['staged', '-h'],
  ['staged', '--version'],
  ['staged', '--bogus'],
  ['staged', 'extra'],
  ['staged', '--'],
  ['staged', '-'],
  ['staged', '--format', 'xml'],
  ['staged', '--format'],
  ['staged', '--format', ''],
  ['staged', '--format='],
  ['staged', '--output', '-'],
  ['staged', '--exit-code', 'abc'],
  ['staged', '--exit-code', '-1'],
  ['staged', '--exit-code', '1.5'],
  ['staged', '--quiet', '--quiet'],
  ['staged', '-q', '--quiet'],
  ['staged', '--redact', '--no-redact'],
  ['staged', '--output', 'a', '--output', 'b'],
  ['staged', '--quiet', 'false'],
  ['staged', '--quiet=false'],
  ['staged', '--no-format', 'json'],
  ['staged', '--allLines'],
  ['staged', '-qf', 'json'],
  ['staged', '--include', 'x'],
  ['staged', '-fjson'],
  ['staged', '--exit-code'],
  ['staged', '--output='],
  ['staged', '-v'],
  ['stage'],
];

const agree = suite('staged fast path and yargs agree');

agree('plain staged command lines are parsed by hand, to what yargs gives', async () => {
  for (const argv of FAST) {
    const fast = parseStagedFast(argv);
    assert.ok(fast, `not on the fast path: ${argv.join(' ')}`);
    const slow = await parseArgs(argv);
    assert.is(slow.kind, 'run', `yargs refused: ${argv.join(' ')}`);
    if (slow.kind !== 'run') continue;
    assert.is(slow.command, 'staged');
    assert.equal(pick(fast), pick(slow.args), argv.join(' '));
  }
});

/** A value each type of flag takes as it is (no conversion, no check left to yargs). */
const sampleValues = (flag: Flag): string[] => flag.choices !== undefined ? [...flag.choices] : flag.type === 'number' ? ['0', '7', '255'] : ['some value', 'x=y'];

/** Every way to write each of staged's flags: long, --flag=value, short alias, --no-flag; from the table. */
function commandLinesPerFlag(): { flag: string; argv: string[] }[] {
  const lines: { flag: string; argv: string[] }[] = [];
  for (const [name, flag] of STAGED_FLAGS) {
    const spell = [`--${name}`, ...(flag.alias !== undefined ? [`-${flag.alias}`] : [])];
    if (flag.type === 'boolean') {
      for (const s of spell) lines.push({ flag: name, argv: ['staged', s] });
      lines.push({ flag: name, argv: ['staged', `--no-${name}`] });
    } else {
      for (const v of sampleValues(flag)) {
        for (const s of spell) lines.push({ flag: name, argv: ['staged', s, v] });
        lines.push({ flag: name, argv: ['staged', `--${name}=${v}`] });
      }
    }
  }
  return lines;
}

agree('every flag of the table, every spelling: the hand parser gives what yargs gives', async () => {
  const lines = commandLinesPerFlag();
  assert.ok(lines.length >= 2 * STAGED_FLAGS.length, 'the table gave no command lines: the test is broken');
  const covered = new Set<string>();
  for (const { flag, argv } of lines) {
    const slow = await parseArgs(argv);
    assert.is(slow.kind, 'run', `yargs refused: ${argv.join(' ')}`);
    if (slow.kind !== 'run') continue;
    const fast = parseStagedFast(argv);
    // A list flag (repeatable) is yargs's to collect; every other flag is on the fast path.
    if (new Map(STAGED_FLAGS).get(flag)?.type === 'strings') {
      assert.is(fast, undefined, argv.join(' '));
      continue;
    }
    assert.ok(fast, `not on the fast path: ${argv.join(' ')}`);
    assert.equal(pick(fast), pick(slow.args), argv.join(' '));
    covered.add(flag);
  }
  // Both parsers know the same fields: nothing yargs gives for staged is missing from the table.
  const slow = await parseArgs(['staged']);
  assert.is(slow.kind, 'run');
  if (slow.kind !== 'run') return;
  const yargsFields = Object.keys(slow.args).filter((k) => !['_', '$0', '--'].includes(k) && !k.includes('-') && k.length > 1);
  assert.equal(yargsFields.filter((k) => !STAGED_FIELDS.includes(k)), [], 'fields yargs gives that the table does not have');
  // Defaults: with no flag, the hand parser sets each default as yargs does.
  const fast = parseStagedFast(['staged'])!;
  for (const [name] of STAGED_FLAGS) assert.equal(fast[camel(name)], slow.args[camel(name)], `default of --${name}`);
  assert.ok(STAGED_FLAGS.filter(([, f]) => f.default !== undefined).every(([name]) => fast[camel(name)] !== undefined));
  assert.equal([...covered].sort(), STAGED_FLAGS.filter(([, f]) => f.type !== 'strings').map(([n]) => n).sort());
});

agree('everything else goes to yargs: help, version, usage errors, odd forms', async () => {
  for (const argv of TO_YARGS) assert.is(parseStagedFast(argv), undefined, argv.join(' '));
});

agree('same exit codes and messages either way', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-fast-'));
  try {
    // Through main (fast path) and through yargs + the command (what main did before the fast path).
    for (const argv of [['staged', '--exit-code', '300'], ['staged', '--max-file-size', 'huge'], ['staged', '--verify-endpoint', 'http://127.0.0.1:9/'], ['staged']]) {
      assert.ok(parseStagedFast(argv));
      const viaMain = await runCli(argv, { cwd: dir });
      const slow = await parseArgs(argv);
      assert.is(slow.kind, 'run');
      if (slow.kind !== 'run') continue;
      const { runStaged } = await import('../src/commands/git.js');
      let stdout = '';
      let stderr = '';
      const code = await runStaged(slow.args as never, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir });
      assert.is(viaMain.code, 2, argv.join(' '));
      assert.equal({ code, stdout, stderr }, viaMain, argv.join(' '));
    }
    // Usage errors still come from yargs, with its message.
    const bad = await runCli(['staged', '--format', 'xml'], { cwd: dir });
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /^keyhound: Invalid values:/);
    const help = await runCli(['staged', '--help'], { cwd: dir });
    assert.is(help.code, 0);
    assert.match(help.stdout, /--all-lines/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

agree.run();

const lean = suite('keyhound staged loads only what it uses');

/**
 * Runs the real executable with a preload that records every module resolved (ESM, through a loader
 * hook) and every CommonJS module in require's cache at exit. Deterministic: names, not timings.
 */
function loadedModules(args: string[], cwd: string): { code: number; stdout: string; stderr: string; loaded: string[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'keyhound-loads-'));
  try {
    const log = join(tmp, 'loaded.txt');
    writeFileSync(log, '');
    const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}`;
    const preload = join(tmp, 'preload.mjs');
    writeFileSync(preload, `import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(createRequire(import.meta.url).cache).map((f) => 'cjs:' + f + '\\n').join('')));
`);
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const loaded = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, loaded };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The decoders' code (require()d by src/decode/index.ts when a marker says yes: in require's cache). */
const DECODER_CODE = [/\/decode\/(structure|base64|split|escapes\/(json|html|url|quoted-printable))\.js$/, /\/decode\/split\/(concatenation|shell|ruby|yaml-join|lexer|calls|continuation)\.js$/];

/** Modules the pre-commit path has no use for, when nothing is found and the report is text. */
const NOT_ON_STAGED_PATH = [
  /node_modules\/yargs/, /node_modules\/cliui/, /node_modules\/ora\//, /node_modules\/yaml\//, /node_modules\/@smithy\//, /node_modules\/ignore\//,
  /node_modules\/(micromatch|picomatch)\//, /\/pool\/(pool|batches)\.js$/, /^node:(worker_threads|crypto)$/, /\/scan\/(stream|read-file)\.js$/, /\/sources\/text-reader\.js$/,
  /node_modules\/recheck/,
  // The archive readers and yauzl load only when a staged file is a container (sniff.ts is light).
  /node_modules\/(yauzl|pend)\//, /\/archive\/(scan|readers)\.js$/, /^node:zlib$/,
  /\/report\/(sarif|json|github)\.js$/, /\/verify\/(verify|http|sts|endpoint|root|canary)\.js$/, /\/filter\/baseline\.js$/,
  /\/sources\/files\.js$/, /\/src\/run\.js$/, /\/ui\/progress\.js$/, /\/git\/(history|hook)\.js$/, /^node:(net|http|https|tls)$/,
  // Every decoder's code (issue 14) loads only when its marker says yes in a region around a trigger.
  ...DECODER_CODE,
];

lean('a clean staged scan, text format: no yargs, ora, yaml, AWS SDK, other reporters or verifier', () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('initial', { 'README.md': '# app\n' });
    for (let i = 0; i < 5; i++) repo.write(`src/file${i}.txt`, `line of text ${i}\n`.repeat(100));
    repo.write('README.md', '# app\n\nMore words.\n').add('.');
    const r = loadedModules(['staged'], repo.dir);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /No secrets found/);
    assert.ok(r.loaded.some((u) => u.endsWith('/git/staged.js')), 'the hook saw nothing: the test is broken');
    assert.ok(r.loaded.some((u) => u.endsWith('/report/text.js')));
    for (const pattern of NOT_ON_STAGED_PATH) {
      const hits = r.loaded.filter((u) => pattern.test(u));
      assert.equal(hits, [], `loaded on the staged path: ${pattern}`);
    }
  } finally {
    repo.cleanup();
  }
});

lean('with findings and --format json: the JSON reporter, still no yargs or SARIF', () => {
  const k = new Keys(606);
  const repo = Repo.init();
  try {
    repo.write('config/credentials', credentials(k.keyId(), k.secret())).add('.');
    const r = loadedModules(['staged', '--format', 'json'], repo.dir);
    assert.is(r.code, 1, r.stderr);
    assert.is((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length, 2);
    assert.ok(r.loaded.some((u) => u.endsWith('/report/json.js')));
    // A plain key beside its name: the structure decoder's marker says yes (a random 40-character run),
    // no other decoder's does, and only its code is loaded.
    assert.ok(r.loaded.some((u) => u.endsWith('/decode/structure.js')), 'the structure decoder, loaded on demand, is not seen: the test is broken');
    assert.equal(r.loaded.filter((u) => DECODER_CODE.some((p) => p.test(u)) && !u.endsWith('/decode/structure.js')), [], 'decoders whose markers said no');
    // A key ID was found, so the canary list is read: from the JSON the build writes, not the YAML.
    for (const pattern of [/node_modules\/yargs/, /node_modules\/ora\//, /node_modules\/@smithy\//, /node_modules\/yaml\//, /node_modules\/(micromatch|picomatch)\//, /\/report\/(sarif|text|github)\.js$/, /\/verify\/(verify|http|sts)\.js$/, /^node:(net|http|https|tls|worker_threads)$/]) {
      assert.equal(r.loaded.filter((u) => pattern.test(u)), [], `loaded: ${pattern}`);
    }
  } finally {
    repo.cleanup();
  }
});

lean('rule sources newer than the built JSON (as npm unpacks a package): the JSON is still used, no YAML parser', () => {
  // npm does not keep file times when it unpacks a package, so the freshness check is by content.
  const sources = [join(PACKAGE_ROOT, 'rules/aws.yml'), join(PACKAGE_ROOT, 'data/aws/canary-accounts.yml')];
  const times = sources.map((f) => statSync(f));
  const k = new Keys(608);
  const repo = Repo.init();
  try {
    const later = new Date(Date.now() + 3600_000);
    for (const f of sources) utimesSync(f, later, later);
    repo.write('config/credentials', credentials(k.keyId(), k.secret())).add('.');
    const r = loadedModules(['staged', '--format', 'json'], repo.dir);
    assert.is(r.code, 1, r.stderr);
    assert.equal(r.loaded.filter((u) => /node_modules\/yaml\//.test(u)), [], 'the YAML parser was loaded: the built JSON was judged stale');
  } finally {
    sources.forEach((f, i) => utimesSync(f, times[i]!.atime, times[i]!.mtime));
    repo.cleanup();
  }
});

/** The git processes a run of the real executable starts (GIT_TRACE logs one line per git command). */
function gitProcesses(args: string[], cwd: string): { code: number; commands: string[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'keyhound-trace-'));
  try {
    const trace = join(tmp, 'trace.txt');
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_TRACE: trace } });
    const lines = readFileSync(trace, 'utf8').split('\n');
    return { code: r.status ?? -1, commands: lines.flatMap((l) => /trace: built-in: git ([a-z-]+)/.exec(l)?.slice(1) ?? []).sort() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

lean('three git processes for a staged scan; the -U0 diff only when a modified file has findings', () => {
  const k = new Keys(607);
  const repo = Repo.init();
  try {
    repo.commitFiles('initial', { 'app.env': 'A=1\n', 'README.md': '# app\n' });
    repo.write('app.env', 'A=2\n').write('new.txt', 'hello\n').add('.');
    const clean = gitProcesses(['staged'], repo.dir);
    assert.is(clean.code, 0);
    assert.equal(clean.commands, ['cat-file', 'diff', 'rev-parse']);
    repo.write('app.env', `A=2\n${credentials(k.keyId(), k.secret())}`).add('.');
    const dirty = gitProcesses(['staged'], repo.dir);
    assert.is(dirty.code, 1);
    assert.equal(dirty.commands, ['cat-file', 'diff', 'diff', 'rev-parse']);
  } finally {
    repo.cleanup();
  }
});

lean.run();

const command = suite('the command bin.ts sets V8 flags by');

command('is the first argument that names a command, whatever flags and values come before it', async () => {
  const { commandName, COMMANDS } = await import('../src/command-name.js');
  assert.is(commandName(['scan', '.']), 'scan');
  assert.is(commandName(['-c', 'keyhound.yml', 'scan', '.']), 'scan', 'a flag value before the command');
  assert.is(commandName(['--config', 'cfg.yml', 'history', 'origin/main..HEAD']), 'history');
  assert.is(commandName(['scan', 'history', 'staged']), 'scan', 'paths named like commands come after it');
  assert.is(commandName(['--version']), undefined);
  assert.is(commandName(['./scan']), undefined);
  // every command yargs knows is one of them
  const { stdout } = await runCli(['--help']);
  for (const name of ['scan', 'staged', 'history', 'hook', 'rules']) {
    assert.ok(COMMANDS.has(name), name);
    assert.ok(new RegExp(`keyhound ${name}\\b`).test(stdout), `--help lists ${name}`);
  }
});

command.run();
