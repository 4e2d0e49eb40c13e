// One scan from start to finish: load rules and configuration, walk the sources, detect, redact,
// sort. Returns values (a result, or the problems that stopped it); only bin.ts touches the process.
import { stat } from 'node:fs/promises';
import { isAbsolute, normalize, relative, sep } from 'node:path';
import { emptyStats, finish, prepare, type Prepared } from './pipeline.js';
import type { Config } from './config.js';
import type { VerifyOptions } from './verify/verify.js';
import type { CompiledRule } from './rules/load.js';
import { countOutcome } from './scan/content.js';
import { walkTree, fsError, type WalkOptions } from './sources/files.js';
import { scanSource } from './scan/read-file.js';
import { DEFAULT_MAX_FILE_SIZE, STREAM_ABOVE } from './size.js';
import { iterableSource } from './sources/byte-source.js';
import { BatchScanner, type Done, type ParallelAbove } from './pool/batches.js';
import type { ScanTask } from './pool/tasks.js';
import type { Finding, ScanError, ScanResult, Stats } from './types.js';

export interface ScanOptions {
  /** Files and folders to scan; '-' is standard input. */
  paths: string[];
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** Bytes; by default the configuration's defaults.maxFileSize, else DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
  redact: boolean;
  /** --config FILE; by default .keyhound.yml in the first folder scanned (or the working directory). */
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
 * `baseDir` is the folder finding paths are relative to: the one folder scanned, else '.'.
 * `defaults` are the configuration's default flags, for the CLI to apply where no flag was given.
 */
export type ScanOutcome =
  | { ok: true; result: ScanResult; rules: CompiledRule[]; baseDir: string; defaults: Config['defaults'] }
  | { ok: false; messages: string[] };

export async function scan(options: Partial<ScanOptions> & Pick<ScanOptions, 'paths'>): Promise<ScanOutcome> {
  const opts: ScanOptions = { ...DEFAULT_OPTIONS, ...options };
  const roots = await resolveRoots(opts.paths);
  if (!roots.ok) return roots;
  const configRoot = roots.roots.find((r) => r.kind === 'dir')?.given ?? '.';
  const ready = await prepare({ rootDir: configRoot, configFile: opts.configFile, baselineFile: opts.baselineFile, suppress: opts.suppress, rules: opts.rules });
  if (!ready.ok) return ready;
  const started = Date.now();
  const maxFileSize = opts.maxFileSize ?? ready.prepared.config.defaults.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const state = new ScanState({ ...opts, maxFileSize }, ready.prepared);
  try {
    for (const root of roots.roots) await state.scanRoot(root, roots.roots.length > 1);
    await state.drain();
    state.reportUnmatchedIncludes();
  } catch (err) {
    return { ok: false, messages: [(err as Error).message] };
  } finally {
    await state.close();
  }
  const only = roots.roots.length === 1 ? roots.roots[0]! : undefined;
  const baseDir = only?.kind === 'dir' ? only.given : '.';
  const done = await finish(state, ready.prepared, { redact: opts.redact, reportUnusedIgnores: opts.reportUnusedIgnores, started, verify: opts.verify });
  if (!done.ok) return done;
  return { ok: true, result: done.result, rules: ready.prepared.rules, baseDir, defaults: ready.prepared.config.defaults };
}

interface Root {
  /** As the user wrote it. */
  given: string;
  kind: 'dir' | 'file' | 'stdin';
}

/** Checks every path before anything is scanned: a typo is a usage error, not an empty report. */
async function resolveRoots(paths: string[]): Promise<{ ok: true; roots: Root[] } | { ok: false; messages: string[] }> {
  const roots: Root[] = [];
  const messages: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    if (given === '-') {
      roots.push({ given, kind: 'stdin' });
      continue;
    }
    try {
      roots.push({ given, kind: (await stat(given)).isDirectory() ? 'dir' : 'file' });
    } catch (err) {
      messages.push(`${given}: ${fsError(given, err).message}`);
    }
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, roots };
}

/**
 * Accumulates findings, errors and counts while the roots are scanned. Files go to a BatchScanner
 * (worker threads once the scan is large); the result is sorted afterwards.
 */
class ScanState {
  readonly findings: Finding[] = [];
  readonly errors: ScanError[] = [];
  readonly stats: Stats = emptyStats();
  private readonly scanner: BatchScanner<void>;
  /** --include globs that matched a file in a folder walked; undefined until a folder is walked. */
  private includeMatched?: Set<string>;

  constructor(private readonly opts: ScanOptions & { maxFileSize: number }, private readonly prepared: Prepared) {
    this.scanner = new BatchScanner({ rules: prepared.rules, limits: { maxFileSize: opts.maxFileSize, streamAbove: STREAM_ABOVE } }, opts.threads, opts.parallelAbove);
  }

  async scanRoot(root: Root, prefixPaths: boolean): Promise<void> {
    if (root.kind === 'stdin') {
      const source = iterableSource(this.opts.stdin ?? process.stdin);
      return this.count([[undefined, await scanSource('<stdin>', source, this.prepared.rules, this.opts.maxFileSize)]]);
    }
    if (root.kind === 'file') {
      const path = normalize(root.given).split('\\').join('/');
      return this.add({ kind: 'file', path, abs: root.given }, 0);
    }
    const prefix = prefixPaths ? `${normalize(root.given).split('\\').join('/').replace(/\/$/, '')}/` : '';
    this.includeMatched ??= new Set();
    const walkOpts: WalkOptions = { ...this.opts, allowPaths: [...this.prepared.config.allowPaths, ...ownConfigPath(root.given, this.prepared)], includeMatched: this.includeMatched };
    for await (const event of walkTree(root.given, walkOpts)) {
      if (event.type === 'skip') this.stats.skipped[event.reason]++;
      else if (event.type === 'error') this.count([[undefined, { kind: 'error', error: { ...event.error, path: prefix + event.error.path } }]]);
      else await this.add({ kind: 'file', path: prefix + event.path, abs: event.abs }, event.size);
    }
  }

  /** Waits for every file still being scanned. */
  async drain(): Promise<void> {
    this.count(await this.scanner.finish());
  }

  close(): Promise<void> {
    return this.scanner.close();
  }

  /**
   * An --include glob that matched no file in the folders walked is a warning that fails the run
   * (exit 2 when nothing is found): a typo in it would otherwise scan nothing and report "clean".
   */
  reportUnmatchedIncludes(): void {
    const matched = this.includeMatched;
    if (matched === undefined) return; // no folder walked: --include applies to folders only
    for (const glob of this.opts.include) {
      if (!matched.has(glob)) this.errors.push({ path: '.', kind: 'not-found', message: `--include ${glob} matched no file to scan` });
    }
    this.stats.errors = this.errors.length;
  }

  private async add(task: ScanTask, size: number): Promise<void> {
    this.count(await this.scanner.add(undefined, task, size));
  }

  private count(done: Done<void>[]): void {
    if (done.length === 0) return;
    for (const [, outcome] of done) this.findings.push(...countOutcome(outcome, this.stats, this.errors));
    this.opts.onProgress?.(this.stats);
  }
}

/**
 * keyhound's own files, as paths inside `root`: the configuration file in use (its custom rules'
 * examples are key-shaped on purpose) and the .keyhoundignore read (it holds fingerprints, not
 * secrets). They are not scanned (they are counted as allowlisted).
 */
function ownConfigPath(root: string, prepared: Prepared): string[] {
  const inside = (file: string): string[] => {
    const rel = relative(root, file).split(sep).join('/');
    return rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? [] : [rel];
  };
  return [prepared.config.file, prepared.ignoreFile].flatMap((file) => (file === undefined ? [] : inside(file)));
}
