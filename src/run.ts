// `scan` from code: files, folders and standard input through the one orchestrator. Returns values (a
// result, or the problems that stopped it); only bin.ts touches the process.
import type { Config } from './config.js';
import type { VerifyOptions } from './verify/verify.js';
import type { CompiledRule } from './rules/load.js';
import { orchestrate } from './scan/orchestrate.js';
import { PathsSource } from './sources/paths.js';
import { DEFAULT_MAX_FILE_SIZE } from './size.js';
import type { ParallelAbove } from './pool/batches.js';
import type { ScanResult, Stats } from './types.js';

export interface ScanOptions {
  /** Files and folders to scan; '-' is standard input. */
  paths: string[];
  /** Where relative paths start; default process.cwd(). */
  cwd?: string;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** Bytes; by default the configuration's defaults.maxFileSize, else DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
  redact: boolean;
  /** --config FILE; by default .keyhound.yml at the base (the repository's top level, see PathsSource.base()). */
  configFile?: string;
  /** --baseline FILE: findings recorded there are not reported. */
  baselineFile?: string;
  /** False with --no-suppress: inline allows, .keyhoundignore and the baseline are ignored. */
  suppress: boolean;
  reportUnusedIgnores: boolean;
  /** --verify: check each credential found with AWS STS; undefined: no network traffic at all. */
  verify?: VerifyOptions;
  /** Defaults to the built-in rules (plus the configuration's). */
  rules?: CompiledRule[];
  /** Standard input, for the path '-' (injected by tests); default process.stdin. Streamed, never read whole. */
  stdin?: AsyncIterable<Uint8Array>;
  onProgress?: (stats: Readonly<Stats>) => void;
  /** --jobs: scan threads; 1 scans in the main thread only. Default: one per core, for large scans. */
  threads?: number;
  /** When worker threads start (tests and tuning); default PARALLEL_ABOVE. */
  parallelAbove?: ParallelAbove;
}

/**
 * Files over STREAM_ABOVE are streamed in chunks, so a large limit costs time, not memory; the limit
 * is there so that a stray database dump does not take minutes unannounced (it is reported).
 */
export { DEFAULT_MAX_FILE_SIZE };

export const DEFAULT_OPTIONS: Omit<ScanOptions, 'paths'> = {
  include: [],
  exclude: [],
  gitignore: true,
  redact: true,
  suppress: true,
  reportUnusedIgnores: false,
};

/**
 * `baseDir` is the folder finding paths are relative to (absolute): see PathsSource.base().
 * `defaults` are the configuration's default flags, for the CLI to apply where no flag was given.
 */
export type ScanOutcome =
  | { ok: true; result: ScanResult; rules: CompiledRule[]; baseDir: string; defaults: Config['defaults'] }
  | { ok: false; messages: string[] };

export async function scan(options: Partial<ScanOptions> & Pick<ScanOptions, 'paths'>): Promise<ScanOutcome> {
  const opts: ScanOptions = { ...DEFAULT_OPTIONS, ...options };
  const source = new PathsSource({ paths: opts.paths, include: opts.include, exclude: opts.exclude, gitignore: opts.gitignore, stdin: opts.stdin, cwd: opts.cwd });
  const done = await orchestrate(source, {
    configFile: opts.configFile,
    baselineFile: opts.baselineFile,
    suppress: opts.suppress,
    rules: opts.rules,
    maxFileSize: opts.maxFileSize,
    defaultMaxFileSize: DEFAULT_MAX_FILE_SIZE,
    redact: opts.redact,
    reportUnusedIgnores: opts.reportUnusedIgnores,
    verify: opts.verify,
    threads: opts.threads,
    parallelAbove: opts.parallelAbove,
    onProgress: opts.onProgress,
  });
  if (!done.ok) return done;
  return { ok: true, result: done.result, rules: done.rules, baseDir: done.base, defaults: done.defaults };
}
