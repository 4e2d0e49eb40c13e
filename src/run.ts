// `keyhound scan` as a function: files, folders and standard input through the one orchestrator.
// Returns values (a result, or the problems that stopped it); only bin.ts touches the process.
import type { VerifyOptions } from './verify/verify.js';
import type { CompiledRule } from './rules/load.js';
import { orchestrate, type OrchestrateOptions, type Orchestrated } from './scan/orchestrate.js';
import { PathsSource } from './sources/paths.js';
import { DEFAULT_MAX_FILE_SIZE } from './size.js';
import type { ParallelAbove } from './pool/batches.js';
import type { ScanResult, SkipCounts, Stats } from './types.js';

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
  /** Default: the configuration's defaults.archives, else true. */
  archives?: boolean;
  maxArchiveDepth?: number;
  /** Scan binaries through their printable strings; by default the configuration's defaults.binaryStrings, else true. */
  binaryStrings?: boolean;
  /** Layers of encoding undone around keys (0: none); by default the configuration's defaults.maxDecodeDepth, else 3. */
  maxDecodeDepth?: number;
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
  /** Every file seen and not scanned, with the reason. */
  onSkip?: (path: string, reason: keyof SkipCounts) => void;
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

/** A scan's result for code: no exit code, no default flags (those are the CLI's, in src/commands). */
export type ScanOutcome =
  | {
      ok: true;
      /** Findings redacted unless `redact: false`, sorted by path, line and column. */
      result: ScanResult;
      /** The rules in force (built-in and the configuration's): reporters describe them. */
      rules: CompiledRule[];
      /** The absolute folder finding paths are relative to (the repository's top level; see README). */
      base: string;
    }
  | { ok: false; messages: string[] };

/** The source and orchestrator options for `scan` (the command adds its own delivery). */
export function pathsScan(options: Partial<ScanOptions> & Pick<ScanOptions, 'paths'>): { source: PathsSource; options: OrchestrateOptions } {
  const opts: ScanOptions = { ...DEFAULT_OPTIONS, ...options };
  return {
    source: new PathsSource({ paths: opts.paths, include: opts.include, exclude: opts.exclude, gitignore: opts.gitignore, stdin: opts.stdin, cwd: opts.cwd }),
    options: {
      configFile: opts.configFile,
      baselineFile: opts.baselineFile,
      suppress: opts.suppress,
      rules: opts.rules,
      maxFileSize: opts.maxFileSize,
      archives: opts.archives,
      maxArchiveDepth: opts.maxArchiveDepth,
      defaultMaxFileSize: DEFAULT_MAX_FILE_SIZE,
      binaryStrings: opts.binaryStrings,
      maxDecodeDepth: opts.maxDecodeDepth,
      redact: opts.redact,
      reportUnusedIgnores: opts.reportUnusedIgnores,
      verify: opts.verify,
      threads: opts.threads,
      parallelAbove: opts.parallelAbove,
      onProgress: opts.onProgress,
      onSkip: opts.onSkip,
    },
  };
}

/** Scans files, folders and standard input ('-'), as `keyhound scan` does, with the same defaults. */
export async function scan(options: Partial<ScanOptions> & Pick<ScanOptions, 'paths'>): Promise<ScanOutcome> {
  const { source, options: o } = pathsScan(options);
  return forLibrary(await orchestrate(source, o));
}

/** The orchestrator's outcome without what only the command line uses. */
export function forLibrary(done: Orchestrated): ScanOutcome {
  return done.ok ? { ok: true, result: done.result, rules: done.rules, base: done.base } : done;
}
