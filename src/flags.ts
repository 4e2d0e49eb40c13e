// Every command's flags, in one table: names, short aliases, types, defaults, choices and help text.
// Both parsers read it: yargs (cli.ts, for every command, --help and usage errors) and the hand parser
// of `keyhound staged` (the pre-commit fast path, which must not load yargs). A flag added here exists
// in both, with its default, and test/cli-fast.test.ts checks them against each other flag by flag.
// Positionals stay with their commands in cli.ts. This module loads nothing heavy: it is on the staged path.
import { FORMATS } from './commands/report.js';
import { EXIT } from './commands/io.js';
import { DEFAULT_MAX_BLOB_SIZE, DEFAULT_MAX_FILE_SIZE, STREAM_ABOVE, formatSize } from './size.js';

/**
 * `boolean`: --flag and --no-flag; `string` and `number`: one value each; `strings`: repeatable, collected
 * into a list (not yargs' `array: true`, which would swallow the paths after `--exclude GLOB`).
 */
export type FlagType = 'boolean' | 'string' | 'number' | 'strings';

export interface Flag {
  type: FlagType;
  /** One letter: -f for --format. */
  alias?: string;
  /** What the command gets when the flag is not given (absent: undefined). */
  default?: boolean | number | readonly string[];
  /** The only values accepted (a string flag). */
  choices?: readonly string[];
  describe: string;
}

export type FlagTable = Readonly<Record<string, Flag>>;

const jobs = (what: string): Flag => ({ type: 'string', alias: 'j', describe: `Scan threads for a large ${what}; 1 = this thread only; at most 256, and never more than the cores [default: one per core]` });

/** No default here: absent, the configuration's defaults.binaryStrings decides, else on. */
const BINARY_STRINGS: Flag = { type: 'boolean', describe: 'Scan binary files through their printable strings (ASCII and UTF-16LE runs of 8+ characters), findings at a byte offset; --no-binary-strings skips them as binary [default: on, or defaults.binaryStrings in .keyhound.yml]' };

/** Flags shared by every command that scans and reports. */
export const REPORT_FLAGS: FlagTable = {
  format: { type: 'string', alias: 'f', choices: FORMATS, describe: 'Output format [default: text, or defaults.format in .keyhound.yml]' },
  output: { type: 'string', alias: 'o', describe: 'Write the report to FILE instead of standard output' },
  redact: { type: 'boolean', default: true, describe: 'Mask secrets in the output (--no-redact shows them in clear)' },
  'exit-code': { type: 'number', default: EXIT.findings, describe: 'Exit code when findings exist' },
  progress: { type: 'boolean', default: true, describe: 'Show a spinner on a terminal (--no-progress hides it)' },
  quiet: { type: 'boolean', alias: 'q', default: false, describe: 'No spinner, warnings or summary: findings only' },
  config: { type: 'string', alias: 'c', describe: 'Configuration file [default: .keyhound.yml in the folder scanned]' },
  baseline: { type: 'string', describe: 'Report only findings not recorded in this baseline FILE' },
  'baseline-write': { type: 'string', describe: 'Record the findings in a baseline FILE (no secrets in clear) and exit 0' },
  'report-unused-ignores': { type: 'boolean', default: false, describe: 'List .keyhoundignore entries that matched nothing' },
  suppress: { type: 'boolean', default: true, describe: 'Honour inline allows, .keyhoundignore and --baseline (--no-suppress shows everything)' },
  verify: { type: 'boolean', default: false, describe: 'Send each key ID + secret pair found to AWS STS GetCallerIdentity over TLS: live or not, whose (root?)' },
  'verify-endpoint': { type: 'string', describe: 'STS endpoint for --verify (loopback only, for testing, unless --verify-allow-remote-endpoint)' },
  'verify-allow-remote-endpoint': { type: 'boolean', default: false, describe: 'Allow a --verify-endpoint that is not on this machine or AWS' },
  'sarif-base-uri': { type: 'string', describe: "SARIF: the absolute URI (ending in /) result paths are relative to [default: not given, so the report does not carry this machine's folder]" },
  archives: { type: 'boolean', describe: 'Open zip (jar, war, whl, docx...), gzip and tar files, nested, and scan what is inside (--no-archives: scan them as binary files) [default: on, or defaults.archives in .keyhound.yml]' },
  'max-decode-depth': { type: 'string', describe: 'Undo up to N layers of encoding around keys (base64, JSON/HTML/URL escapes, quoted-printable, pieces joined in code, a name written away from its value); 0 reads files only as written [default: 3, or defaults.maxDecodeDepth in .keyhound.yml]' },
  'max-archive-depth': { type: 'string', describe: 'Open containers nested up to N deep (1: the archive itself only; a .tar.gz counts 2) [default: 5, or defaults.maxArchiveDepth in .keyhound.yml]' },
  verbose: { type: 'boolean', default: false, describe: 'Name every path not scanned and why (binary, too large, symlink, gitignored, excluded, allowlisted): after the summary in text, a "skipped" list in JSON, on standard error otherwise' },
};

/** Each command's flags (besides --help and --version), in the order --help lists them. */
export const COMMAND_FLAGS = {
  scan: {
    include: { type: 'strings', default: [], describe: 'Only scan paths matching GLOB (repeatable, micromatch syntax)' },
    exclude: { type: 'strings', default: [], describe: 'Skip paths matching GLOB (repeatable, micromatch syntax)' },
    gitignore: { type: 'boolean', default: true, describe: 'Honour .gitignore files inside a git work tree (--no-gitignore scans ignored files too; outside a repository they mean nothing)' },
    'max-file-size': { type: 'string', describe: `Skip (and report) files larger than this; e.g. 500KB, 10MiB, 1GB; files over ${formatSize(STREAM_ABOVE)} are streamed [default: ${formatSize(DEFAULT_MAX_FILE_SIZE)}]` },
    'binary-strings': BINARY_STRINGS,
    jobs: jobs('scan'),
    ...REPORT_FLAGS,
  },
  staged: {
    'all-lines': { type: 'boolean', default: false, describe: 'Report every key in the staged files, not only on added lines' },
    'max-file-size': { type: 'string', describe: `Skip (and report) staged files larger than this [default: ${formatSize(DEFAULT_MAX_BLOB_SIZE)}]` },
    'binary-strings': BINARY_STRINGS,
    ...REPORT_FLAGS,
  },
  history: {
    since: { type: 'string', describe: 'Only commits after DATE (git log --since: 2024-01-01, "2 weeks ago")' },
    until: { type: 'string', describe: 'Only commits before DATE (git log --until)' },
    'max-file-size': { type: 'string', describe: `Skip (and report) blobs larger than this [default: ${formatSize(DEFAULT_MAX_BLOB_SIZE)}]` },
    'binary-strings': BINARY_STRINGS,
    jobs: jobs('history'),
    ...REPORT_FLAGS,
  },
  hook: {
    append: { type: 'boolean', default: false, describe: 'Add keyhound to an existing pre-commit hook instead of refusing' },
    command: { type: 'string', describe: 'What the hook runs, one line; any failing part blocks the commit [default: keyhound staged, with the first keyhound found in node_modules/.bin, on PATH, or where this one is installed]' },
  },
  rules: {
    config: { type: 'string', alias: 'c', describe: 'Configuration file [default: ./.keyhound.yml]' },
    json: { type: 'boolean', default: false, describe: 'List the rules as JSON' },
  },
} as const satisfies Record<string, FlagTable>;

/** `exit-code` → `exitCode`: the name a command reads (yargs gives both). */
export const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
