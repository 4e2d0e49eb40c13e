// The command line: yargs turns arguments into a command and its options; the command modules
// (loaded on demand, so a pre-commit run never parses the folder walker or the SARIF reporter) do
// the work. Nothing here touches `process`: main() gets its streams and environment from bin.ts (or a
// test) and returns the exit code.
//
// `keyhound staged` runs before every commit, so its plain forms (`staged`, `staged --format json
// --no-progress`, ...) are parsed by hand (parseStagedFast), without loading yargs (~40 ms of module
// loading and help-text layout on every commit). Anything else (--help, a typo, an unknown or repeated
// flag, a bad value, `--flag=value` for a boolean, a stray argument) goes to yargs, which gives the
// same result or the usual message. Both parsers read one table of flags (flags.ts), and
// test/cli-fast.test.ts checks that they agree on every flag of it.
import type { Options } from 'yargs';
import { EXIT, fail, type Io } from './commands/io.js';
import type { Format } from './commands/report.js';
import type { ScanArgs } from './commands/scan.js';
import type { HistoryArgs, HookArgs, StagedArgs } from './commands/git.js';
import { COMMAND_FLAGS, camel, type Flag, type FlagTable } from './flags.js';
import { VERSION } from './version.js';

export { EXIT, type Io };

const asList = (value: string | string[]): string[] => [value].flat();

/** A flag of the table (flags.ts) as yargs takes it. */
function yargsOption(flag: Flag): Options {
  const common = { describe: flag.describe, ...(flag.alias !== undefined ? { alias: flag.alias } : {}) };
  if (flag.type === 'boolean') return { ...common, type: 'boolean', default: flag.default };
  if (flag.type === 'strings') return { ...common, requiresArg: true, type: 'string', default: [...((flag.default as readonly string[] | undefined) ?? [])], coerce: asList };
  if (flag.choices !== undefined) return { ...common, requiresArg: true, choices: [...flag.choices] };
  return { ...common, requiresArg: true, type: flag.type, ...(flag.default !== undefined ? { default: flag.default } : {}) };
}

const yargsOptions = (table: FlagTable): Record<string, Options> =>
  Object.fromEntries(Object.entries(table).map(([name, flag]) => [name, yargsOption(flag)]));

async function parser(argv: string[]) {
  const { default: yargs } = await import('yargs');
  return yargs(argv)
    .scriptName('keyhound')
    .usage('Find leaked AWS credentials in files, folders and standard input.')
    .command('scan [paths..]', 'Scan files and folders (default: the current folder; - reads standard input)', (y) => y
      .positional('paths', { type: 'string', array: true, describe: 'Files or folders to scan [default: .]; after --, names that start with - are paths too' })
      .options(yargsOptions(COMMAND_FLAGS.scan)))
    .command('staged', 'Scan what is staged for commit (the pre-commit hook): only keys on added lines block', (y) => y
      .options(yargsOptions(COMMAND_FLAGS.staged)))
    .command('history [revisions..]', 'Scan git history: every blob reachable from all refs, or only what REVISIONS introduce', (y) => y
      .positional('revisions', { type: 'string', array: true, describe: 'Revisions as git log takes them: origin/main..HEAD, or HEAD~3 HEAD ^v1.0; then -- PATHS limits the scan to those paths' })
      .options(yargsOptions(COMMAND_FLAGS.history)))
    .command('hook <action>', 'Install or uninstall the git pre-commit hook', (y) => y
      .positional('action', { choices: ['install', 'uninstall'] as const, describe: 'install or uninstall' })
      .options(yargsOptions(COMMAND_FLAGS.hook))
      .epilogue('The hook never runs npx or touches the network. KEYHOUND_SKIP=1 git commit skips it once; if keyhound is gone, it blocks the commit with one line saying how to fix it.'))
    .command('rules [action] [file]', 'List the active rules; "rules check FILE" validates a rules file and runs its examples', (y) => y
      .positional('action', { type: 'string', describe: 'check' })
      .positional('file', { type: 'string', describe: 'A rules file (same schema as rules/*.yml)' })
      .options(yargsOptions(COMMAND_FLAGS.rules)))
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

/** Short flags that take a value, from every command's table. */
const SHORT_WITH_VALUE = new Set(Object.values(COMMAND_FLAGS).flatMap((table: FlagTable) => Object.values(table).flatMap((f) => (f.alias !== undefined && f.type !== 'boolean' ? [f.alias] : []))));

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

const STAGED: FlagTable = COMMAND_FLAGS.staged;
const STAGED_SHORT = new Map<string, string>(Object.entries(STAGED).flatMap(([name, f]) => (f.alias !== undefined ? [[`-${f.alias}`, name] as const] : [])));

/**
 * The arguments of a plain `keyhound staged` command line, exactly as yargs would give them (the
 * camelCase fields commands read), or undefined to let yargs parse it: only `staged` followed by its
 * flags (flags.ts), each at most once, with values that need no conversion or checking beyond what is
 * done here. Every flag's default is set, as yargs sets it.
 */
export function parseStagedFast(argv: readonly string[]): Record<string, unknown> | undefined {
  if (argv[0] !== 'staged') return undefined;
  const args: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(STAGED)) {
    if (flag.default !== undefined) args[camel(name)] = Array.isArray(flag.default) ? [...flag.default] : flag.default;
  }
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    let name: string;
    let value: string | undefined;
    if (STAGED_SHORT.has(token)) name = STAGED_SHORT.get(token)!;
    else if (/^--[a-z][a-z-]*[a-z]$/.test(token)) name = token.slice(2);
    else if (/^--[a-z][a-z-]*[a-z]=[^]/.test(token)) [name, value] = [token.slice(2, token.indexOf('=')), token.slice(token.indexOf('=') + 1)];
    else return undefined; // positionals, `--`, `-`, bundled short flags, camelCase flags, --help, ...
    let negated = false;
    if (STAGED[name] === undefined && name.startsWith('no-') && STAGED[name.slice(3)]?.type === 'boolean') [name, negated] = [name.slice(3), true];
    const flag = STAGED[name];
    // Unknown flags, repeats (yargs makes repeated strings arrays, and has its own rules for the rest)
    // and lists (yargs collects them) are yargs's.
    if (flag === undefined || flag.type === 'strings' || seen.has(name)) return undefined;
    seen.add(name);
    if (flag.type === 'boolean') {
      if (value !== undefined) return undefined; // --quiet=false and the like
      args[camel(name)] = !negated;
      continue;
    }
    if (negated) return undefined;
    if (value === undefined) {
      value = argv[++i];
      // A value that is missing, empty or looks like a flag (or a number yargs might convert) is yargs's to judge.
      if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    }
    if (flag.choices !== undefined && !flag.choices.includes(value)) return undefined; // yargs prints the choices
    if (flag.type === 'number') {
      // Plain decimal integers only: yargs converts those the same way; 1e3, 0x10 and 1.5 are its to judge.
      if (!/^(0|[1-9][0-9]{0,8})$/.test(value)) return undefined;
      args[camel(name)] = Number(value);
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
