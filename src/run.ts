// One scan from start to finish: load rules and configuration, walk the sources, detect, redact,
// sort. Returns values (a result, or the problems that stopped it); only bin.ts touches the process.
import { readFile, stat } from 'node:fs/promises';
import { normalize } from 'node:path';
import { detect } from './detect/detector.js';
import { redactFindings } from './filter/redact.js';
import { CONFIG_FILE, loadConfig } from './config.js';
import { formatProblem } from './rules/schema.js';
import { loadBuiltinRules, type CompiledRule } from './rules/load.js';
import { decode } from './sources/decode.js';
import { walkTree, fsError, type WalkEvent, type WalkOptions } from './sources/files.js';
import type { Finding, ScanError, ScanResult, Stats } from './types.js';

export interface ScanOptions {
  /** Files and folders to scan; '-' is standard input. */
  paths: string[];
  include: string[];
  exclude: string[];
  gitignore: boolean;
  maxFileSize: number;
  redact: boolean;
  /** Defaults to the built-in rules. */
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
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  redact: true,
};

/** `baseDir` is the folder finding paths are relative to: the one folder scanned, else '.'. */
export type ScanOutcome = { ok: true; result: ScanResult; rules: CompiledRule[]; baseDir: string } | { ok: false; messages: string[] };

/** Files read and scanned at once: enough to overlap disk reads with scanning. */
const CONCURRENCY = 16;

export async function scan(options: Partial<ScanOptions> & Pick<ScanOptions, 'paths'>): Promise<ScanOutcome> {
  const opts: ScanOptions = { ...DEFAULT_OPTIONS, ...options };
  const rules = opts.rules ?? loadBuiltinRules();
  if (!Array.isArray(rules) && !rules.ok) return { ok: false, messages: rules.problems.map(formatProblem) };
  const active = Array.isArray(rules) ? rules : rules.rules;
  const roots = await resolveRoots(opts.paths);
  if (!roots.ok) return roots;
  const started = Date.now();
  const state = new ScanState(opts);
  for (const root of roots.roots) await state.scanRoot(root, active, roots.roots.length > 1);
  const only = roots.roots.length === 1 ? roots.roots[0]! : undefined;
  const baseDir = only?.kind === 'dir' ? only.given : '.';
  return { ok: true, result: state.finish(started), rules: active, baseDir };
}

interface Root {
  /** As the user wrote it. */
  given: string;
  kind: 'dir' | 'file' | 'stdin';
  allowPaths: string[];
}

/** Checks every path before anything is scanned: a typo is a usage error, not an empty report. */
async function resolveRoots(paths: string[]): Promise<{ ok: true; roots: Root[] } | { ok: false; messages: string[] }> {
  const roots: Root[] = [];
  const messages: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    if (given === '-') {
      roots.push({ given, kind: 'stdin', allowPaths: [] });
      continue;
    }
    try {
      const isDir = (await stat(given)).isDirectory();
      const config = isDir ? await loadConfig(given, `${normalize(given)}/${CONFIG_FILE}`) : { ok: true as const, config: { allowPaths: [] } };
      if (!config.ok) messages.push(...config.problems);
      else roots.push({ given, kind: isDir ? 'dir' : 'file', allowPaths: config.config.allowPaths });
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
  readonly stats: Stats = {
    filesScanned: 0,
    bytesScanned: 0,
    findings: 0,
    skipped: { binary: 0, tooLarge: 0, symlink: 0, gitignored: 0, excluded: 0, allowlisted: 0 },
    errors: 0,
    durationMs: 0,
  };

  constructor(private readonly opts: ScanOptions) {}

  async scanRoot(root: Root, rules: CompiledRule[], prefixPaths: boolean): Promise<void> {
    if (root.kind === 'stdin') {
      const bytes = await (this.opts.readStdin ?? readAllStdin)();
      return this.scanBytes('<stdin>', bytes, rules);
    }
    if (root.kind === 'file') {
      const path = normalize(root.given).split('\\').join('/');
      return this.scanFile({ type: 'file', path, abs: root.given, size: 0 }, rules);
    }
    const prefix = prefixPaths ? `${normalize(root.given).split('\\').join('/').replace(/\/$/, '')}/` : '';
    const walkOpts: WalkOptions = { ...this.opts, allowPaths: root.allowPaths };
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
    else if (event.type === 'error') this.addError({ ...event.error, path: prefix + event.error.path });
    else await this.scanFile({ ...event, path: prefix + event.path }, rules);
  }

  private async scanFile(file: Extract<WalkEvent, { type: 'file' }>, rules: CompiledRule[]): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.abs);
    } catch (err) {
      return this.addError(fsError(file.path, err));
    }
    if (bytes.length > this.opts.maxFileSize) {
      return this.addError({ path: file.path, kind: 'too-large', message: `not scanned: ${bytes.length} bytes is over --max-file-size (${this.opts.maxFileSize} bytes)` });
    }
    this.scanBytes(file.path, bytes, rules);
  }

  private scanBytes(path: string, bytes: Uint8Array, rules: CompiledRule[]): void {
    const decoded = decode(bytes);
    if (decoded.binary) {
      this.stats.skipped.binary++;
      return;
    }
    this.findings.push(...detect({ path, text: decoded.text }, rules));
    this.stats.filesScanned++;
    this.stats.bytesScanned += bytes.length;
    this.opts.onProgress?.(this.stats);
  }

  private addError(error: ScanError): void {
    if (error.kind === 'too-large') this.stats.skipped.tooLarge++;
    this.errors.push(error);
    this.stats.errors = this.errors.length;
  }

  finish(started: number): ScanResult {
    const sorted = this.findings.sort(byPlace);
    const findings = this.opts.redact ? redactFindings(sorted) : sorted;
    this.errors.sort((a, b) => compare(a.path, b.path));
    this.stats.findings = findings.length;
    this.stats.durationMs = Date.now() - started;
    return { findings, errors: this.errors, stats: this.stats };
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: Finding, b: Finding): number =>
  compare(a.path, b.path) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId);

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
