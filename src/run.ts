// One scan from start to finish: load rules and configuration, walk the sources, detect, redact,
// sort. Returns values (a result, or the problems that stopped it); only bin.ts touches the process.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, normalize, relative, sep } from 'node:path';
import { emptyStats, finish, prepare, type Prepared } from './pipeline.js';
import type { Config } from './config.js';
import type { VerifyOptions } from './verify/verify.js';
import type { CompiledRule } from './rules/load.js';
import { scanContent, tooLarge } from './sources/content.js';
import { walkTree, fsError, type WalkEvent, type WalkOptions } from './sources/files.js';
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
  /** How standard input is read for the path '-' (injected by tests). */
  readStdin?: () => Promise<Uint8Array>;
  onProgress?: (stats: Readonly<Stats>) => void;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

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

/** Files read and scanned at once: enough to overlap disk reads with scanning. */
const CONCURRENCY = 16;

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
  for (const root of roots.roots) await state.scanRoot(root, roots.roots.length > 1);
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

/** Accumulates findings, errors and counts while the roots are scanned. */
class ScanState {
  readonly findings: Finding[] = [];
  readonly errors: ScanError[] = [];
  readonly stats: Stats = emptyStats();
  private readonly rules: CompiledRule[];

  constructor(private readonly opts: ScanOptions & { maxFileSize: number }, private readonly prepared: Prepared) {
    this.rules = prepared.rules;
  }

  async scanRoot(root: Root, prefixPaths: boolean): Promise<void> {
    const rules = this.rules;
    if (root.kind === 'stdin') {
      const bytes = await (this.opts.readStdin ?? readAllStdin)();
      return this.scanBytes('<stdin>', bytes, rules);
    }
    if (root.kind === 'file') {
      const path = normalize(root.given).split('\\').join('/');
      return this.scanFile({ type: 'file', path, abs: root.given, size: 0 }, rules);
    }
    const prefix = prefixPaths ? `${normalize(root.given).split('\\').join('/').replace(/\/$/, '')}/` : '';
    const walkOpts: WalkOptions = { ...this.opts, allowPaths: [...this.prepared.config.allowPaths, ...ownConfigPath(root.given, this.prepared)] };
    const pending = new Set<Promise<void>>();
    for await (const event of walkTree(root.given, walkOpts)) {
      const task = this.handle(event, prefix, rules).finally(() => pending.delete(task));
      pending.add(task);
      if (pending.size >= CONCURRENCY) await Promise.race(pending);
    }
    await Promise.all(pending);
  }

  private async handle(event: WalkEvent, prefix: string, rules: CompiledRule[]): Promise<void> {
    if (event.type === 'skip') this.stats.skipped[event.reason]++;
    else if (event.type === 'error') {
      if (event.error.kind === 'too-large') this.stats.skipped.tooLarge++;
      this.addError({ ...event.error, path: prefix + event.error.path });
    }
    else await this.scanFile({ ...event, path: prefix + event.path }, rules);
  }

  private async scanFile(file: Extract<WalkEvent, { type: 'file' }>, rules: CompiledRule[]): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.abs);
    } catch (err) {
      return this.addError(fsError(file.path, err));
    }
    // The file may have grown since the walker's stat.
    if (bytes.length > this.opts.maxFileSize) return this.addError(tooLarge(file.path, bytes.length, this.opts.maxFileSize, this.stats));
    this.scanBytes(file.path, bytes, rules);
  }

  private scanBytes(path: string, bytes: Uint8Array, rules: CompiledRule[]): void {
    this.findings.push(...scanContent(path, bytes, rules, this.stats));
    this.opts.onProgress?.(this.stats);
  }

  private addError(error: ScanError): void {
    this.errors.push(error);
    this.stats.errors = this.errors.length;
  }
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The configuration file in use, as a path inside `root`: it is keyhound's own file, and its custom
 * rules' examples are key-shaped on purpose, so it is not scanned (it is counted as allowlisted).
 */
function ownConfigPath(root: string, prepared: Prepared): string[] {
  const file = prepared.config.file;
  if (file === undefined) return [];
  const rel = relative(root, file).split(sep).join('/');
  return rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? [] : [rel];
}
