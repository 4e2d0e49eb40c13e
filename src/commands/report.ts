// The output half of every scanning command: the report in the chosen format, to stdout or --output,
// the baseline file when asked, the spinner while scanning, and the exit code.
import { writeFile } from 'node:fs/promises';
import type { ReportContext, Reporter, RuleInfo } from '../report/types.js';
import type { Progress, SpinnerStream } from '../ui/progress.js';
import { isFailure, MAX_NAMED_SKIPS, type ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { VerifyOptions } from '../verify/verify.js';
import { escapeControl } from '../report/escape.js';
import { EXIT, fail, type Io } from './io.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The flags every scanning command (scan, staged, history) shares. */
export interface ReportArgs {
  /** --archives / --no-archives; undefined: the configuration's default, else on. */
  archives?: boolean;
  maxArchiveDepth?: string;
  maxDecodeDepth?: string;
  format?: Format;
  output?: string;
  redact: boolean;
  exitCode: number;
  progress: boolean;
  quiet: boolean;
  config?: string;
  baseline?: string;
  baselineWrite?: string;
  reportUnusedIgnores: boolean;
  suppress: boolean;
  verify: boolean;
  verifyEndpoint?: string;
  verifyAllowRemoteEndpoint: boolean;
  sarifBaseUri?: string;
  /** Name every path not scanned, and why. */
  verbose: boolean;
}

/**
 * Checks the shared flags before any work starts. The endpoint check (node:net) is loaded only with
 * --verify: the pre-commit path loads nothing it does not use.
 */
export async function checkReportArgs(args: ReportArgs): Promise<string | undefined> {
  if (!Number.isInteger(args.exitCode) || args.exitCode < 0 || args.exitCode > 255) return '--exit-code must be a whole number from 0 to 255';
  // `--output ''` (or `--output=`): yargs has a value, but there is nothing to open.
  for (const [flag, value] of [['--output', args.output], ['--config', args.config], ['--baseline', args.baseline], ['--baseline-write', args.baselineWrite], ['--verify-endpoint', args.verifyEndpoint]] as const) {
    if (value !== undefined && value.trim() === '') return `${flag} needs a value, not an empty string`;
  }
  if (args.baseline !== undefined && args.baseline === args.baselineWrite) return '--baseline and --baseline-write name the same file; write a new baseline without --baseline';
  if (args.sarifBaseUri !== undefined) {
    const bad = sarifBaseUriProblem(args.sarifBaseUri);
    if (bad !== undefined) return `--sarif-base-uri "${args.sarifBaseUri}": ${bad}`;
  }
  if (args.maxDecodeDepth !== undefined && decodeDepth(args.maxDecodeDepth) === undefined) return `--max-decode-depth: "${args.maxDecodeDepth}" is not a depth (a whole number from 0 to ${MAX_DECODE_DEPTH_FLAG}; 0 decodes nothing)`;
  if (args.maxArchiveDepth !== undefined && archiveDepth(args.maxArchiveDepth) === undefined) return `--max-archive-depth: "${args.maxArchiveDepth}" is not a depth (a whole number from 0 to 64; 0 opens no archive)`;
  if (!args.verify && (args.verifyEndpoint !== undefined || args.verifyAllowRemoteEndpoint)) return '--verify-endpoint and --verify-allow-remote-endpoint only apply with --verify';
  if (args.verify) {
    // Refused before the scan, not after it: a typo should not cost a whole scan.
    const { checkEndpoint } = await import('../verify/endpoint.js');
    const endpoint = checkEndpoint(args.verifyEndpoint, args.verifyAllowRemoteEndpoint);
    if (!endpoint.ok) return endpoint.message;
  }
  return undefined;
}

/**
 * --sarif-base-uri: SARIF wants an absolute URI ending in `/` for a base (3.14.14), such as
 * https://github.com/org/repo/blob/main/ or file:///srv/checkout/. Undefined when it is one.
 */
export function sarifBaseUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'not an absolute URI (try https://example.com/repo/ or file:///path/to/checkout/)';
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) return 'not an absolute URI';
  if (url.search !== '' || url.hash !== '') return 'a base URI has no query or fragment';
  if (!uri.endsWith('/')) return 'a base URI must end with "/"';
  return undefined;
}

/**
 * --jobs above this is refused as a mistake. Anything from 1 up is then capped at the number of cores
 * (BatchScanner): scan threads are CPU-bound, and each costs memory (--jobs 200 used 2.3 GB).
 */
export const MAX_JOBS = 256;

/** --jobs N: a whole number of threads from 1 to MAX_JOBS (undefined when not given), or the message to show. */
export function parseJobs(jobs: string | undefined): { ok: true; threads?: number } | { ok: false; message: string } {
  if (jobs === undefined) return { ok: true };
  const threads = /^\s*\d+\s*$/.test(jobs) ? Number(jobs) : NaN;
  if (threads > MAX_JOBS) return { ok: false, message: `--jobs: ${jobs.trim()} is too many threads (at most ${MAX_JOBS}; more than the cores are not used anyway)` };
  if (threads >= 1) return { ok: true, threads };
  return { ok: false, message: `--jobs: "${jobs}" is not a number of threads (try 1, 2 or 4)` };
}

/** --max-archive-depth N as a number, or undefined when it is not a whole number from 0 to 64. */
export function archiveDepth(value: string): number | undefined {
  return /^\s*\d{1,2}\s*$/.test(value) && Number(value) <= 64 ? Number(value) : undefined;
}

/** The deepest --max-decode-depth accepted: each layer is a round over the regions that changed. */
export const MAX_DECODE_DEPTH_FLAG = 8;

/** --max-decode-depth N as a number, or undefined when it is not a whole number from 0 to MAX_DECODE_DEPTH_FLAG. */
export function decodeDepth(value: string): number | undefined {
  return /^\s*\d{1,2}\s*$/.test(value) && Number(value) <= MAX_DECODE_DEPTH_FLAG ? Number(value) : undefined;
}

/** The orchestrator's decoding option from the flags (undefined when not given: the configuration decides). */
export function decodeOptions(args: ReportArgs): { maxDecodeDepth?: number } {
  return args.maxDecodeDepth === undefined ? {} : { maxDecodeDepth: decodeDepth(args.maxDecodeDepth) };
}

/** The orchestrator's archive options from the flags (undefined where not given: the configuration decides). */
export function archiveOptions(args: ReportArgs): { archives?: boolean; maxArchiveDepth?: number } {
  return { archives: args.archives, maxArchiveDepth: args.maxArchiveDepth === undefined ? undefined : archiveDepth(args.maxArchiveDepth) };
}

/** The verification settings, or undefined without --verify (then keyhound opens no connection at all). */
export function verifyOptions(args: ReportArgs, io: Io): VerifyOptions | undefined {
  if (!args.verify) return undefined;
  return { endpoint: args.verifyEndpoint, allowRemoteEndpoint: args.verifyAllowRemoteEndpoint, env: io.env };
}

export interface Finished {
  result: ScanResult;
  rules: RuleInfo[];
  baseDir: string;
  defaultFormat?: Format;
  mode?: ReportContext['mode'];
  vcs?: ReportContext['vcs'];
}

/** Writes the report (and baseline) and returns the exit code. */
export async function deliver(done: Finished, args: ReportArgs, io: Io): Promise<number> {
  const format = args.format ?? done.defaultFormat ?? 'text';
  const report = await reporterFor(format);
  const color = format === 'text' && args.output === undefined && wantsColor(io);
  const ctx: ReportContext = { rules: done.rules, color, quiet: args.quiet, toolName: 'keyhound', toolVersion: VERSION, roots: [done.baseDir], mode: done.mode, vcs: done.vcs, sarifBaseUri: args.sarifBaseUri };
  // The list of skipped paths is unbounded (every binary file of a tree): shown only when asked for.
  const result: ScanResult = args.verbose ? { ...done.result, skipped: done.result.skipped ?? [] } : withoutSkipped(done.result);
  const rendered = report(result, ctx) + (args.verbose && format === 'text' && !args.quiet ? skippedText(result) : '');
  if (args.baselineWrite !== undefined) {
    const { renderBaseline } = await import('../filter/baseline.js');
    try {
      await writeFile(args.baselineWrite, renderBaseline(done.result.findings));
    } catch (err) {
      return fail(io, `--baseline-write ${args.baselineWrite}: ${(err as Error).message}`);
    }
  }
  if (args.output !== undefined) {
    try {
      await writeFile(args.output, rendered);
    } catch (err) {
      return fail(io, `--output ${args.output}: ${(err as Error).message}`);
    }
    // The report went to a file: the terminal still gets one line saying what it holds (as gitleaks does).
    if (!args.quiet) {
      const { summaryLine } = await import('../report/text.js');
      io.stderr.write(`keyhound: ${escapeControl(summaryLine(done.result))}; report written to ${escapeControl(args.output)}\n`);
    }
  } else {
    try {
      io.stdout.write(rendered);
    } catch (err) {
      // A file on a full disk (`> /dev/full`: ENOSPC) fails here, synchronously; a pipe fails later, in bin.ts.
      return fail(io, `cannot write the report to standard output: ${(err as Error).message}`);
    }
  }
  // SARIF and GitHub annotations have no place for it: standard error, as warnings go.
  if (args.verbose && !args.quiet && (format === 'sarif' || format === 'github')) io.stderr.write(skippedText(result).replace(/^\n/, ''));
  if (args.baselineWrite !== undefined) {
    if (!args.quiet) io.stderr.write(`keyhound: baseline written to ${args.baselineWrite}: ${done.result.findings.length} findings recorded, none in clear\n`);
    return EXIT.clean; // every finding is now accepted by the baseline just written
  }
  return exitCodeOf(done.result, args.exitCode);
}

const withoutSkipped = ({ skipped: _, ...result }: ScanResult): ScanResult => result;

/** Labels of the skip reasons, as the summary's counts say them. */
const SKIP_REASONS: Record<keyof ScanResult['stats']['skipped'], string> = {
  binary: 'binary', tooLarge: 'too large', symlink: 'symlink', gitignored: 'gitignored', excluded: 'excluded', allowlisted: 'allowlisted',
};

/** --verbose, text: each path not scanned and why, one a line, after the summary; nothing when none. */
export function skippedText(result: ScanResult): string {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return '';
  const paths = skipped.map((s) => escapeControl(s.path));
  const width = Math.min(60, Math.max(...paths.map((p) => p.length)));
  const lines = skipped.map((s, i) => `  ${paths[i]!.padEnd(width)}  ${SKIP_REASONS[s.reason]}`);
  const cut = skipped.length >= MAX_NAMED_SKIPS ? `  … the list stops at ${MAX_NAMED_SKIPS} paths (the counts in the summary are complete)\n` : '';
  return `\nNot scanned (${skipped.length}):\n${lines.join('\n')}\n${cut}`;
}

/**
 * Findings win (--exit-code, 1 by default) whatever else happened; otherwise a run in which something
 * could not be scanned (unreadable, not found, a scan that failed, an --include that matched nothing)
 * is not clean: 2. Policy skips (too large, binary, ignored, a broken link met in a folder) are not failures.
 */
export function exitCodeOf(result: ScanResult, findingsCode: number): number {
  if (result.findings.length > 0) return findingsCode;
  return result.errors.some(isFailure) ? EXIT.error : EXIT.clean;
}

/** Reporters are loaded on demand: a text scan never parses the SARIF code. */
async function reporterFor(format: Format): Promise<Reporter> {
  switch (format) {
    case 'json': return (await import('../report/json.js')).json;
    case 'sarif': return (await import('../report/sarif.js')).sarif;
    case 'github': return (await import('../report/github.js')).github;
    default: return (await import('../report/text.js')).text;
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR overrides. */
export function wantsColor(io: Io): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** The spinner runs only for a person: stderr is a terminal, not CI, not quiet or --no-progress. */
export async function startProgress(args: ReportArgs, io: Io): Promise<Progress | undefined> {
  if (!args.progress || args.quiet || io.stderr.isTTY !== true || io.env.CI) return undefined;
  const { startSpinner } = await import('../ui/progress.js');
  return startSpinner(io.stderr as SpinnerStream, { color: !io.env.NO_COLOR });
}
