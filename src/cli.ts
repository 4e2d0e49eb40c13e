// The command line: yargs turns arguments into a command and its options; the command modules
// (loaded on demand, so a pre-commit run never parses the folder walker or the SARIF reporter) do
// the work. Nothing here touches `process`: main() gets its streams and environment from bin.ts (or a
// test) and returns the exit code.
//
// `keyhound staged` runs before every commit, so its plain forms (`staged`, `staged --format json
// --no-progress`, ...) are parsed by hand (parseStagedFast), without loading yargs (~40 ms of module
// loading and help-text layout on every commit). Anything else (--help, a typo, an unknown or repeated
// flag, a bad value, `--flag=value` for a boolean, a stray argument) goes to yargs, which gives the
// same result or the usual message; test/cli-fast.test.ts checks that both agree.
import type { Argv } from 'yargs';
import { EXIT, fail, type Io } from './commands/io.js';
import { FORMATS, type Format } from './commands/report.js';
import type { ScanArgs } from './commands/scan.js';
import type { HistoryArgs, HookArgs, StagedArgs } from './commands/git.js';
import { VERSION } from './version.js';

export { EXIT, type Io };

const asList = (value: string | string[]): string[] => [value].flat();

/** Flags shared by every command that scans and reports. */
function reportOptions<T>(y: Argv<T>) {
  return y
    .option('format', { requiresArg: true, alias: 'f', choices: FORMATS, describe: 'Output format [default: text, or defaults.format in .keyhound.yml]' })
    .option('output', { requiresArg: true, alias: 'o', type: 'string', describe: 'Write the report to FILE instead of standard output' })
    .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets in the output (--no-redact shows them in clear)' })
    .option('exit-code', { requiresArg: true, type: 'number', default: EXIT.findings, describe: 'Exit code when findings exist' })
    .option('progress', { type: 'boolean', default: true, describe: 'Show a spinner on a terminal (--no-progress hides it)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No spinner, warnings or summary: findings only' })
    .option('config', { requiresArg: true, alias: 'c', type: 'string', describe: 'Configuration file [default: .keyhound.yml in the folder scanned]' })
    .option('baseline', { requiresArg: true, type: 'string', describe: 'Report only findings not recorded in this baseline FILE' })
    .option('baseline-write', { requiresArg: true, type: 'string', describe: 'Record the findings in a baseline FILE (no secrets in clear) and exit 0' })
    .option('report-unused-ignores', { type: 'boolean', default: false, describe: 'List .keyhoundignore entries that matched nothing' })
    .option('suppress', { type: 'boolean', default: true, describe: 'Honour inline allows, .keyhoundignore and --baseline (--no-suppress shows everything)' })
    .option('verify', { type: 'boolean', default: false, describe: 'Send each key ID + secret pair found to AWS STS GetCallerIdentity over TLS: live or not, whose (root?)' })
    .option('verify-endpoint', { requiresArg: true, type: 'string', describe: 'STS endpoint for --verify (loopback only, for testing, unless --verify-allow-remote-endpoint)' })
    .option('verify-allow-remote-endpoint', { type: 'boolean', default: false, describe: 'Allow a --verify-endpoint that is not on this machine or AWS' })
    .option('sarif-base-uri', { requiresArg: true, type: 'string', describe: 'SARIF: the absolute URI (ending in /) result paths are relative to [default: not given, so the report does not carry this machine\'s folder]' });
}

async function parser(argv: string[]) {
  const [{ default: yargs }, { DEFAULT_MAX_BLOB_SIZE, DEFAULT_MAX_FILE_SIZE, STREAM_ABOVE, formatSize }] = await Promise.all([import('yargs'), import('./size.js')]);
  return yargs(argv)
    .scriptName('keyhound')
    .usage('Find leaked AWS credentials in files, folders and standard input.')
    .command('scan [paths..]', 'Scan files and folders (default: the current folder; - reads standard input)', (y) => reportOptions(y
      .positional('paths', { type: 'string', array: true, describe: 'Files or folders to scan [default: .]; after --, names that start with - are paths too' })
      // Not `array: true`: that would swallow the paths after `--exclude GLOB`. Repeating the flag collects.
      .option('include', { requiresArg: true, type: 'string', default: [] as string[], coerce: asList, describe: 'Only scan paths matching GLOB (repeatable, micromatch syntax)' })
      .option('exclude', { requiresArg: true, type: 'string', default: [] as string[], coerce: asList, describe: 'Skip paths matching GLOB (repeatable, micromatch syntax)' })
      .option('gitignore', { type: 'boolean', default: true, describe: 'Honour .gitignore files (--no-gitignore scans ignored files too)' })
      .option('max-file-size', { requiresArg: true, type: 'string', describe: `Skip (and report) files larger than this; e.g. 500KB, 10MiB, 1GB; files over ${formatSize(STREAM_ABOVE)} are streamed [default: ${formatSize(DEFAULT_MAX_FILE_SIZE)}]` })
      .option('jobs', { requiresArg: true, alias: 'j', type: 'string', describe: 'Scan threads for a large scan; 1 = this thread only; at most 256, and never more than the cores [default: one per core]' })))
    .command('staged', 'Scan what is staged for commit (the pre-commit hook): only keys on added lines block', (y) => reportOptions(y
      .option('all-lines', { type: 'boolean', default: false, describe: 'Report every key in the staged files, not only on added lines' })
      .option('max-file-size', { requiresArg: true, type: 'string', describe: `Skip (and report) staged files larger than this [default: ${formatSize(DEFAULT_MAX_BLOB_SIZE)}]` })))
    .command('history [revisions..]', 'Scan git history: every blob reachable from all refs, or only what REVISIONS introduce', (y) => reportOptions(y
      .positional('revisions', { type: 'string', array: true, describe: 'Revisions as git log takes them: origin/main..HEAD, or HEAD~3 HEAD ^v1.0; then -- PATHS limits the scan to those paths' })
      .option('since', { requiresArg: true, type: 'string', describe: 'Only commits after DATE (git log --since: 2024-01-01, "2 weeks ago")' })
      .option('until', { requiresArg: true, type: 'string', describe: 'Only commits before DATE (git log --until)' })
      .option('max-file-size', { requiresArg: true, type: 'string', describe: `Skip (and report) blobs larger than this [default: ${formatSize(DEFAULT_MAX_BLOB_SIZE)}]` })
      .option('jobs', { requiresArg: true, alias: 'j', type: 'string', describe: 'Scan threads for a large history; 1 = this thread only; at most 256, and never more than the cores [default: one per core]' })))
    .command('hook <action>', 'Install or uninstall the git pre-commit hook', (y) => y
      .positional('action', { choices: ['install', 'uninstall'] as const, describe: 'install or uninstall' })
      .option('append', { type: 'boolean', default: false, describe: 'Add keyhound to an existing pre-commit hook instead of refusing' })
      .option('command', { requiresArg: true, type: 'string', describe: 'What the hook runs, one line; any failing part blocks the commit [default: keyhound staged, with the first keyhound found in node_modules/.bin, on PATH, or where this one is installed]' })
      .epilogue('The hook never runs npx or touches the network. KEYHOUND_SKIP=1 git commit skips it once; if keyhound is gone, it blocks the commit with one line saying how to fix it.'))
    .command('rules [action] [file]', 'List the active rules; "rules check FILE" validates a rules file and runs its examples', (y) => y
      .positional('action', { type: 'string', describe: 'check' })
      .positional('file', { type: 'string', describe: 'A rules file (same schema as rules/*.yml)' })
      .option('config', { requiresArg: true, alias: 'c', type: 'string', describe: 'Configuration file [default: ./.keyhound.yml]' })
      .option('json', { type: 'boolean', default: false, describe: 'List the rules as JSON' }))
    .demandCommand(1, 'Name a command: scan, staged, history, hook or rules')
    // What follows `--` is kept apart (args['--']): paths for history and scan, refused elsewhere.
    .parserConfiguration({ 'populate--': true })
    .strict()
    .version(VERSION)
    .alias('version', ['v', 'V'])
    .help()
    .alias('h', 'help')
    .wrap(100)
    .example([
      ['keyhound hook install', 'Before each commit: install the pre-commit hook (it runs keyhound staged)'],
      ['keyhound history origin/main..HEAD -f sarif -o keyhound.sarif', 'In CI: the commits a pull request adds, as SARIF for code scanning'],
      ['keyhound scan . --verify', 'By hand: this folder, checking with AWS whether each key found is live'],
    ])
    .epilogue(
      'Each command has its own --help (keyhound scan --help).\n' +
        'Exit codes: 0 no findings; 1 findings (see --exit-code); 2 a usage or fatal error, or nothing found but something could not be scanned (see the warnings).\n' +
        'KEYHOUND_DEBUG=1 prints the stack of an internal error.',
    );
}

/** yargs swallows a lone '-', so it travels through the parser as a token no real path can be. */
const STDIN_TOKEN = '\u0000stdin';

export type Parsed = { kind: 'exit'; code: number; output: string } | { kind: 'run'; command: string; args: Record<string, unknown> };

/** Parses the command line with yargs (every command, --help, --version and every usage error). */
export async function parseArgs(argv: string[]): Promise<Parsed> {
  const glued = gluedShortValue(argv);
  if (glued !== undefined) return { kind: 'exit', code: EXIT.error, output: `keyhound: ${glued}\nRun keyhound --help for usage.\n` };
  const escaped = argv.map((a) => (a === '-' ? STDIN_TOKEN : a));
  const y = await parser(escaped);
  return new Promise((resolve) => {
    y.parse(escaped, {}, (err: Error | undefined, args: Record<string, unknown>, output: string) => {
      // yargs spreads some messages over lines ("Invalid values:\n  Argument: ..."): one line, as every error.
      if (err) resolve({ kind: 'exit', code: EXIT.error, output: `keyhound: ${err.message.replace(/\s*\n\s*/g, ' ')}\nRun keyhound --help for usage.\n` });
      else if (output) resolve({ kind: 'exit', code: 0, output: `${output}\n` });
      else resolve({ kind: 'run', command: String((args._ as unknown[])[0]), args });
    });
  });
}

/** Short flags that take a value. */
const SHORT_WITH_VALUE = new Set(['f', 'o', 'c', 'j']);

/**
 * `-fjson`: yargs reads a group of short flags (-f -j -s -o -n) and says "format, Given: true". A value
 * glued to its short flag (starting with a letter) is refused with the spelling that works. Only before `--`.
 */
function gluedShortValue(argv: readonly string[]): string | undefined {
  for (const token of argv) {
    if (token === '--') return undefined;
    // yargs gets `-j4`, `-o/tmp/x` and `-f=json` right; a letter after the flag starts a group.
    const m = /^-([a-zA-Z])([a-zA-Z].*)$/.exec(token);
    if (m && SHORT_WITH_VALUE.has(m[1]!)) return `${token}: a short flag and its value are two words: -${m[1]} ${m[2]}`;
  }
  return undefined;
}

/** `keyhound staged`'s flags with their defaults, as yargs gives them (camelCase). */
const STAGED_BOOLEANS: Record<string, boolean> = {
  redact: true, progress: true, quiet: false, 'report-unused-ignores': false, suppress: true, verify: false, 'verify-allow-remote-endpoint': false, 'all-lines': false,
};
const STAGED_STRINGS = new Set(['format', 'output', 'config', 'baseline', 'baseline-write', 'verify-endpoint', 'max-file-size', 'sarif-base-uri']);
const SHORT: Record<string, string> = { '-q': 'quiet', '-f': 'format', '-o': 'output', '-c': 'config' };
const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The arguments of a plain `keyhound staged` command line, exactly as yargs would give them (the
 * fields commands read), or undefined to let yargs parse it: only `staged` followed by known flags,
 * each at most once, with values that need no conversion or checking beyond what is done here.
 */
export function parseStagedFast(argv: readonly string[]): Record<string, unknown> | undefined {
  if (argv[0] !== 'staged') return undefined;
  const args: Record<string, unknown> = { exitCode: EXIT.findings };
  for (const [flag, value] of Object.entries(STAGED_BOOLEANS)) args[camel(flag)] = value;
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    let name: string | undefined;
    let value: string | undefined;
    if (SHORT[token] !== undefined) name = SHORT[token];
    else if (/^--[a-z][a-z-]*[a-z]$/.test(token)) name = token.slice(2);
    else if (/^--[a-z][a-z-]*[a-z]=[^]/.test(token)) [name, value] = [token.slice(2, token.indexOf('=')), token.slice(token.indexOf('=') + 1)];
    else return undefined; // positionals, `--`, `-`, bundled short flags, camelCase flags, --help, ...
    let negated = false;
    if (STAGED_BOOLEANS[name] === undefined && name.startsWith('no-') && STAGED_BOOLEANS[name.slice(3)] !== undefined) [name, negated] = [name.slice(3), true];
    if (seen.has(name)) return undefined; // yargs makes repeated strings arrays, and has its own rules for the rest
    seen.add(name);
    if (STAGED_BOOLEANS[name] !== undefined) {
      if (value !== undefined) return undefined; // --quiet=false and the like
      args[camel(name)] = !negated;
      continue;
    }
    if (negated || (!STAGED_STRINGS.has(name) && name !== 'exit-code')) return undefined;
    if (value === undefined) {
      value = argv[++i];
      // A value that is missing, empty or looks like a flag (or a number yargs might convert) is yargs's to judge.
      if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    }
    if (name === 'exit-code') {
      if (!/^(0|[1-9][0-9]{0,2})$/.test(value)) return undefined;
      args.exitCode = Number(value);
    } else if (name === 'format' && !(FORMATS as readonly string[]).includes(value)) {
      return undefined; // yargs prints the choices
    } else {
      args[camel(name)] = value;
    }
  }
  return args;
}

/** Runs keyhound with `argv` (without node and script) and returns the process exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const fast = parseStagedFast(argv);
  const parsed: Parsed = fast !== undefined ? { kind: 'run', command: 'staged', args: fast } : await parseArgs(argv);
  if (parsed.kind === 'exit') {
    (parsed.code === 0 ? io.stdout : io.stderr).write(parsed.output);
    return parsed.code;
  }
  const { command, args } = parsed;
  const afterDashes = ((args['--'] as unknown[] | undefined) ?? []).map(String);
  if (afterDashes.length > 0 && command !== 'history' && command !== 'scan') {
    return fail(io, `${command}: unexpected arguments after --: ${afterDashes.join(' ')}`);
  }
  if (command === 'rules') {
    const { runRules } = await import('./commands/rules.js');
    return runRules(args as never, io);
  }
  if (command === 'staged' || command === 'history' || command === 'hook') {
    const git = await import('./commands/git.js');
    if (command === 'staged') return git.runStaged(args as unknown as StagedArgs, io);
    if (command === 'history') return git.runHistory({ ...(args as unknown as HistoryArgs), paths: afterDashes }, io);
    return git.runHook(args as unknown as HookArgs, io);
  }
  const { runScan } = await import('./commands/scan.js');
  // `scan -- -odd-name`: a path after `--`, never a flag. No path at all: the current folder.
  const named = [...((args.paths as string[] | undefined) ?? []), ...afterDashes];
  const paths = (named.length > 0 ? named : ['.']).map((p) => (p === STDIN_TOKEN ? '-' : p));
  return runScan({ ...(args as unknown as ScanArgs), paths, format: args.format as Format | undefined }, io);
}
