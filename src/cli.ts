// The command line: parses arguments with yargs into ScanOptions, runs the scan, writes the report.
// No scanning logic lives here, and nothing here touches `process`: main() gets its streams and
// environment from bin.ts (or a test) and returns the exit code.
import { writeFile } from 'node:fs/promises';
import yargs from 'yargs';
import { scan, type ScanOptions } from './run.js';
import type { Reporter, RuleInfo } from './report/types.js';
import type { Stats } from './types.js';
import { parseSize } from './size.js';
import { VERSION } from './version.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  readStdin?: () => Promise<Uint8Array>;
}

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface ScanArgs {
  paths: string[];
  format: Format;
  output?: string;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  maxFileSize: string;
  redact: boolean;
  exitCode: number;
  progress: boolean;
  quiet: boolean;
}

/** Runs keyhound with `argv` (without node and script) and returns the process exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = await parseArgs(argv);
  if (parsed.kind === 'exit') {
    (parsed.code === 0 ? io.stdout : io.stderr).write(parsed.output);
    return parsed.code;
  }
  return runScan(parsed.args, io);
}

const asList = (value: string | string[]): string[] => [value].flat();

type Parsed = { kind: 'exit'; code: number; output: string } | { kind: 'scan'; args: ScanArgs };

function parser(argv: string[]) {
  return yargs(argv)
    .scriptName('keyhound')
    .usage('Find leaked AWS credentials in files, folders and standard input.')
    .command('scan [paths..]', 'Scan files and folders (default: the current folder; - reads standard input)', (y) => y
      .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files or folders to scan' })
      .option('format', { alias: 'f', choices: FORMATS, default: 'text' as Format, describe: 'Output format' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the report to FILE instead of standard output' })
      // Not `array: true`: that would swallow the paths after `--exclude GLOB`. Repeating the flag collects.
      .option('include', { type: 'string', default: [] as string[], coerce: asList, describe: 'Only scan paths matching GLOB (repeatable, micromatch syntax)' })
      .option('exclude', { type: 'string', default: [] as string[], coerce: asList, describe: 'Skip paths matching GLOB (repeatable, micromatch syntax)' })
      .option('gitignore', { type: 'boolean', default: true, describe: 'Honour .gitignore files (--no-gitignore scans ignored files too)' })
      .option('max-file-size', { type: 'string', default: '10MiB', describe: 'Skip (and report) files larger than this; e.g. 500KB, 10MiB, 1GB' })
      .option('redact', { type: 'boolean', default: true, describe: 'Mask secrets in the output (--no-redact shows them in clear)' })
      .option('exit-code', { type: 'number', default: EXIT.findings, describe: 'Exit code when findings exist' })
      .option('progress', { type: 'boolean', default: true, describe: 'Show a spinner on a terminal (--no-progress hides it)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No spinner, warnings or summary: findings only' }))
    .demandCommand(1, 'Name a command: keyhound scan [paths..]')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 no findings, 1 findings (see --exit-code), 2 usage or fatal error.\nDocs: README.md');
}

/** yargs swallows a lone '-', so it travels through the parser as a token no real path can be. */
const STDIN_TOKEN = '\u0000stdin';

async function parseArgs(argv: string[]): Promise<Parsed> {
  const escaped = argv.map((a) => (a === '-' ? STDIN_TOKEN : a));
  return new Promise((resolve) => {
    parser(escaped).parse(escaped, {}, (err: Error | undefined, args: Record<string, unknown>, output: string) => {
      if (err) resolve({ kind: 'exit', code: EXIT.error, output: `keyhound: ${err.message}\nRun keyhound --help for usage.\n` });
      else if (output) resolve({ kind: 'exit', code: 0, output: `${output}\n` });
      else {
        const scanArgs = args as unknown as ScanArgs;
        scanArgs.paths = scanArgs.paths.map((p) => (p === STDIN_TOKEN ? '-' : p));
        resolve({ kind: 'scan', args: scanArgs });
      }
    });
  });
}

async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`keyhound: ${message}\n`);
    return EXIT.error;
  };
  const maxFileSize = parseSize(args.maxFileSize);
  if (maxFileSize === undefined) return fail(`--max-file-size: "${args.maxFileSize}" is not a size (try 500KB, 10MiB or a number of bytes)`);
  if (!Number.isInteger(args.exitCode) || args.exitCode < 0 || args.exitCode > 255) return fail('--exit-code must be a whole number from 0 to 255');
  const progress = await startProgress(args, io);
  const outcome = await scan({ ...toScanOptions(args, maxFileSize), readStdin: io.readStdin, onProgress: progress?.update });
  progress?.stop();
  if (!outcome.ok) return fail(outcome.messages.join('\nkeyhound: '));
  const report = await reporterFor(args.format);
  const rules: RuleInfo[] = outcome.rules;
  const color = args.format === 'text' && args.output === undefined && wantsColor(io);
  const rendered = report(outcome.result, { rules, color, quiet: args.quiet, toolName: 'keyhound', toolVersion: VERSION, roots: [outcome.baseDir] });
  if (args.output !== undefined) {
    try {
      await writeFile(args.output, rendered);
    } catch (err) {
      return fail(`--output ${args.output}: ${(err as Error).message}`);
    }
  } else {
    io.stdout.write(rendered);
  }
  return outcome.result.findings.length > 0 ? args.exitCode : EXIT.clean;
}

function toScanOptions(args: ScanArgs, maxFileSize: number): ScanOptions {
  return {
    paths: args.paths,
    include: args.include,
    exclude: args.exclude,
    gitignore: args.gitignore,
    maxFileSize,
    redact: args.redact,
  };
}

/** Reporters are loaded on demand: a text scan never parses the SARIF code. */
async function reporterFor(format: Format): Promise<Reporter> {
  switch (format) {
    case 'json': return (await import('./report/json.js')).json;
    case 'sarif': return (await import('./report/sarif.js')).sarif;
    case 'github': return (await import('./report/github.js')).github;
    default: return (await import('./report/text.js')).text;
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR overrides. */
function wantsColor(io: Io): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** The spinner runs only for a person: stderr is a terminal, not CI, not quiet or --no-progress. */
async function startProgress(args: ScanArgs, io: Io): Promise<{ update(stats: Readonly<Stats>): void; stop(): void } | undefined> {
  if (!args.progress || args.quiet || io.stderr.isTTY !== true || io.env.CI) return undefined;
  const { startSpinner } = await import('./ui/progress.js');
  return startSpinner();
}

