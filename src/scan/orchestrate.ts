// The one scan loop, for every mode. A Source (source.ts) yields located content; this module runs
//
//   prepare (rules, .keyhound.yml, .keyhoundignore, baseline, found at the source's base)
//   → path filters (the configuration's allowlist and keyhound's own files, before anything is read)
//   → scan content (in this thread, or a worker pool once the scan is large)
//   → the source's post-filter (staged: added lines; history: the introducing commit)
//   → suppress, enrich, redact, sort (pipeline.ts finish)
//
// and returns a result as a value. Commands turn arguments into options and deliver the result.
import { isAbsolute, relative, sep } from 'node:path';
import type { Config } from '../config.js';
import { matchesAny } from '../glob.js';
import { emptyStats, finish, prepare, type Prepared } from '../pipeline.js';
import type { ParallelAbove } from '../pool/batches.js';
import type { CompiledRule } from '../rules/load.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../archive/sniff.js';
import { STREAM_ABOVE } from '../size.js';
import { countSkip, type Finding, type ScanError, type ScanResult, type SkipCounts, type Stats } from '../types.js';
import type { VerifyOptions } from '../verify/verify.js';
import { countOutcome, type ContentOutcome } from './content.js';
import { InlineScanner, type ContentScanner, type Done } from '../pool/tasks.js';
import { SourceFailure, type Item, type Source, type SourceContext } from './source.js';

export interface RunOptions {
  rules: readonly CompiledRule[];
  /** Bytes: larger content is not read and is reported as too large. */
  maxFileSize: number;
  /** Containers (zip, gzip, tar) are opened within these limits; undefined: never opened. */
  archives?: ArchiveLimits;
  /** Binaries are scanned through their printable strings (default true); false: skipped as binary. */
  binaryStrings?: boolean;
  /** Layers of encoding undone around keys (default MAX_DECODE_DEPTH; 0: none). */
  decodeDepth?: number;
  /** Files larger than this are streamed in bounded memory; default STREAM_ABOVE. */
  streamAbove?: number;
  /** Scan threads; 1 scans in this thread only. Default: one per core, once the scan is large. */
  threads?: number;
  /** When worker threads start (tests and tuning); default PARALLEL_ABOVE. */
  parallelAbove?: ParallelAbove;
  onProgress?: (stats: Readonly<Stats>) => void;
  /** Every file seen and not scanned, with the reason (for a list of skipped files). */
  onSkip?: (path: string, reason: keyof SkipCounts) => void;
  /** The path filters; default none. */
  skipPath?: SourceContext['skipPath'];
  allowPaths?: readonly string[];
  ownFiles?: readonly string[];
}

/** Unredacted findings, as the source's post-filter kept them, with the counts and warnings. */
export interface RawResult {
  findings: Finding[];
  errors: ScanError[];
  stats: Stats;
  /** Scan-wide caveats (a shallow clone, objects missing from a partial clone). */
  warnings: string[];
}

export type RunOutcome = ({ ok: true } & RawResult) | { ok: false; message: string };

/**
 * Scans everything `source` yields, without configuration or suppression: the scan loop itself (the
 * library's and the tests' entry for one source with given rules). The caller closes the source.
 */
export async function runSource<I extends Item>(source: Source<I>, opts: RunOptions): Promise<RunOutcome> {
  const started = Date.now();
  const loop = new ScanLoop(source, opts, await scannerFor<I>(opts));
  try {
    await loop.run();
  } catch (err) {
    return { ok: false, message: err instanceof SourceFailure || source.failurePrefix === undefined ? (err as Error).message : `${source.failurePrefix}: ${(err as Error).message}` };
  } finally {
    await loop.close();
  }
  const { findings, errors, stats, warnings } = loop;
  stats.errors = errors.length;
  stats.findings = findings.length;
  stats.durationMs = Date.now() - started;
  return { ok: true, findings, errors, stats, warnings };
}

/** Threads are started only where more than one is allowed; one thread never loads the pool. */
async function scannerFor<I>(opts: RunOptions): Promise<ContentScanner<I>> {
  const ctx = { rules: opts.rules, limits: { maxFileSize: opts.maxFileSize, streamAbove: opts.streamAbove ?? STREAM_ABOVE, archives: opts.archives, binaryStrings: opts.binaryStrings ?? true, decodeDepth: opts.decodeDepth } };
  if (opts.threads === 1) return new InlineScanner<I>(ctx);
  const { BatchScanner } = await import('../pool/batches.js');
  return new BatchScanner<I>(ctx, opts.threads, opts.parallelAbove);
}

class ScanLoop<I extends Item> {
  readonly findings: Finding[] = [];
  readonly errors: ScanError[] = [];
  readonly warnings: string[] = [];
  readonly stats: Stats = emptyStats();

  constructor(private readonly source: Source<I>, private readonly opts: RunOptions, private readonly scanner: ContentScanner<I>) {}

  async run(): Promise<void> {
    const ctx: SourceContext = {
      maxFileSize: this.opts.maxFileSize,
      skipPath: this.opts.skipPath ?? (() => undefined),
      allowPaths: this.opts.allowPaths ?? [],
      ownFiles: this.opts.ownFiles ?? [],
    };
    for await (const event of this.source.events(ctx)) {
      if (event.type === 'item') {
        await this.scan(event.item, event.content);
      } else if (event.type === 'skip') {
        countSkip(this.stats, event.reason, event.path);
        this.opts.onSkip?.(event.path, event.reason);
      } else if (event.type === 'warning') {
        this.warnings.push(event.message);
      } else {
        // Counted as an outcome, so a too-large input is counted as skipped too.
        countOutcome({ kind: 'error', error: event.error }, this.stats, this.errors);
        this.progress();
      }
    }
    await this.record(await this.scanner.finish());
    await this.source.complete?.(this.findings);
  }

  close(): Promise<void> {
    return this.scanner.close();
  }

  private async scan(item: I, content: Uint8Array | undefined): Promise<void> {
    if (item.kind === 'file') return this.record(await this.scanner.add(item, { kind: 'file', path: item.path, abs: item.abs }, item.size));
    if (item.kind === 'blob' || item.kind === 'bytes') {
      if (content === undefined) throw new Error(`the source gave no content for ${item.path}`);
      return this.record(await this.scanner.add(item, { kind: 'bytes', path: item.path, bytes: content }, content.length));
    }
    // A stream cannot cross to a worker: what is in flight is handed back first, to keep the order.
    await this.record(await this.scanner.finish());
    const { scanSource } = await import('./read-file.js');
    // Standard input that is binary is not scanned through its strings: like a device, it may never end.
    await this.record([[item, await scanSource(item.path, item.source, this.opts.rules, { maxFileSize: this.opts.maxFileSize, binaryStrings: false, decodeDepth: this.opts.decodeDepth })]]);
  }

  /** Outcomes arrive in the order items were yielded: the source's post-filter sees them in that order. */
  private async record(done: Done<I>[]): Promise<void> {
    if (done.length === 0) return;
    for (const [item, outcome] of done) {
      let hits = countOutcome(labelled(outcome, item.label), this.stats, this.errors);
      if (hits.length > 0 && this.source.postFilter !== undefined) hits = await this.source.postFilter(item, hits);
      for (const f of hits) this.findings.push(f);
    }
    this.progress();
  }

  private progress(): void {
    this.stats.findings = this.findings.length;
    this.opts.onProgress?.(this.stats);
  }
}

/** A warning about a blob names it and where it was added: the path alone may have many versions. */
function labelled(outcome: ContentOutcome, label: string | undefined): ContentOutcome {
  if (label === undefined) return outcome;
  const named = (e: ScanError): ScanError => ({ ...e, message: `${label}: ${e.message}` });
  if (outcome.kind === 'error') return { kind: 'error', error: named(outcome.error) };
  // An archive's warnings (a limit hit, a corrupt entry) name the blob too.
  if (outcome.kind === 'scanned' && outcome.warnings !== undefined) return { ...outcome, warnings: outcome.warnings.map(named) };
  return outcome;
}

export interface OrchestrateOptions {
  /** --config: a file that must exist, instead of .keyhound.yml at the base. */
  configFile?: string;
  baselineFile?: string;
  /** False with --no-suppress: inline allows, .keyhoundignore and the baseline are ignored. */
  suppress: boolean;
  /** Replaces the built-in rules (tests, library users); the configuration's are added. */
  rules?: CompiledRule[];
  /** Bytes; by default the configuration's defaults.maxFileSize, else `defaultMaxFileSize`. */
  maxFileSize?: number;
  defaultMaxFileSize: number;
  /** False with --no-archives; by default the configuration's defaults.archives, else true. */
  archives?: boolean;
  /** --max-archive-depth; by default the configuration's defaults.maxArchiveDepth, else DEFAULT_ARCHIVE_LIMITS'. */
  maxArchiveDepth?: number;
  /** --binary-strings / --no-binary-strings; by default the configuration's defaults.binaryStrings, else true. */
  binaryStrings?: boolean;
  /** --max-decode-depth; by default the configuration's defaults.maxDecodeDepth, else MAX_DECODE_DEPTH. */
  maxDecodeDepth?: number;
  redact: boolean;
  reportUnusedIgnores: boolean;
  /** --verify: check each credential found; undefined: no network traffic at all. */
  verify?: VerifyOptions;
  threads?: number;
  parallelAbove?: ParallelAbove;
  onProgress?: (stats: Readonly<Stats>) => void;
  onSkip?: RunOptions['onSkip'];
}

/**
 * `base`: the folder paths are relative to. `defaults`: the configuration's default flags, for a
 * command to apply where no flag was given. `rules`: the rules in force (reporters describe them).
 */
export type Orchestrated =
  | { ok: true; result: ScanResult; rules: CompiledRule[]; base: string; defaults: Config['defaults'] }
  | { ok: false; messages: string[] };

/** Runs one source through the whole pipeline. The source is closed here (close() may be called twice), whatever happens. */
export async function orchestrate<I extends Item>(source: Source<I>, opts: OrchestrateOptions): Promise<Orchestrated> {
  const started = Date.now();
  try {
    const base = await source.base();
    if (!base.ok) return base;
    const ready = await prepare({ rootDir: base.dir, configFile: opts.configFile, baselineFile: opts.baselineFile, suppress: opts.suppress, rules: opts.rules });
    if (!ready.ok) return ready;
    const prepared = ready.prepared;
    const maxFileSize = opts.maxFileSize ?? prepared.config.defaults.maxFileSize ?? opts.defaultMaxFileSize;
    const ownFiles = ownFilesIn(base.dir, prepared);
    const raw = await runSource(source, {
      rules: prepared.rules,
      maxFileSize,
      archives: archiveLimits(opts, prepared.config.defaults),
      binaryStrings: opts.binaryStrings ?? prepared.config.defaults.binaryStrings ?? true,
      decodeDepth: opts.maxDecodeDepth ?? prepared.config.defaults.maxDecodeDepth,
      threads: opts.threads,
      parallelAbove: opts.parallelAbove,
      onProgress: opts.onProgress,
      onSkip: opts.onSkip,
      skipPath: pathFilter(prepared.config.allowPaths, ownFiles),
      allowPaths: prepared.config.allowPaths,
      ownFiles,
    });
    // Released before suppression and reporting, not after: git's readers exit while those run.
    await source.close();
    if (!raw.ok) return { ok: false, messages: [raw.message] };
    const warnings: ScanError[] = raw.warnings.map((message) => ({ path: '.', kind: 'other', message }));
    const done = await finish({ findings: raw.findings, errors: [...warnings, ...raw.errors], stats: raw.stats }, prepared, { redact: opts.redact, reportUnusedIgnores: opts.reportUnusedIgnores, started, verify: opts.verify });
    if (!done.ok) return done;
    return { ok: true, result: done.result, rules: prepared.rules, base: base.dir, defaults: prepared.config.defaults };
  } finally {
    await source.close();
  }
}

/** The archive limits in force: flags first, then .keyhound.yml's defaults; undefined when archives are off. */
function archiveLimits(opts: OrchestrateOptions, defaults: Config['defaults']): ArchiveLimits | undefined {
  const depth = opts.maxArchiveDepth ?? defaults.maxArchiveDepth ?? DEFAULT_ARCHIVE_LIMITS.maxDepth;
  if (!(opts.archives ?? defaults.archives ?? true) || depth < 1) return undefined;
  return { ...DEFAULT_ARCHIVE_LIMITS, maxDepth: depth };
}

/** The path filters every source applies before reading: the configuration's allowlist, keyhound's own files. */
export function pathFilter(allowPaths: readonly string[], ownFiles: readonly string[]): (path: string) => keyof SkipCounts | undefined {
  const own = new Set(ownFiles);
  return (path) => (own.has(path) || matchesAny(path, allowPaths) ? 'allowlisted' : undefined);
}

/**
 * keyhound's own files, as paths inside `base`: the configuration file in use (its custom rules'
 * examples are key-shaped on purpose) and the .keyhoundignore read (it holds fingerprints, not
 * secrets). They are not scanned (they are counted as allowlisted).
 */
function ownFilesIn(base: string, prepared: Prepared): string[] {
  const inside = (file: string): string[] => {
    const rel = relative(base, file).split(sep).join('/');
    return rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? [] : [rel];
  };
  return [prepared.config.file, prepared.ignoreFile].flatMap((file) => (file === undefined ? [] : inside(file)));
}
