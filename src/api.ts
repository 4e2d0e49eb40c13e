// The library: every scan mode as a function that returns a value, and every reporter. Results carry
// no command-line concerns (no exit code, no default flags): see src/commands for those.
import { forLibrary, type ScanOutcome } from './run.js';
import type { CompiledRule } from './rules/load.js';
import { orchestrate, type OrchestrateOptions } from './scan/orchestrate.js';
import type { Item, Source } from './scan/source.js';
import { DEFAULT_MAX_BLOB_SIZE, DEFAULT_MAX_FILE_SIZE } from './size.js';
import { TextSource } from './sources/text.js';
import { github } from './report/github.js';
import { json } from './report/json.js';
import { sarif } from './report/sarif.js';
import { text } from './report/text.js';
import type { ReportContext, Reporter } from './report/types.js';
import type { ScanResult } from './types.js';
import { VERSION } from './version.js';

/**
 * What every library scan takes: the orchestrator's options (documented there), all optional, with the
 * command line's defaults (suppress and redact on, configuration from .keyhound.yml at the base).
 */
export type LibraryOptions = Partial<Omit<OrchestrateOptions, 'defaultMaxFileSize' | 'parallelAbove'>>;

export type { ScanOutcome };

function run<I extends Item>(source: Source<I>, opts: LibraryOptions, defaultMaxFileSize: number): Promise<ScanOutcome> {
  const options: OrchestrateOptions = { ...opts, suppress: opts.suppress ?? true, redact: opts.redact ?? true, reportUnusedIgnores: opts.reportUnusedIgnores ?? false, defaultMaxFileSize };
  return orchestrate(source, options).then(forLibrary);
}

/** Scans a string as if it were a file at `path` (default `<text>`); .keyhound.yml is looked for in `cwd`. */
export function scanString(text: string, opts: LibraryOptions & { path?: string; cwd?: string } = {}): Promise<ScanOutcome> {
  return run(new TextSource({ text, path: opts.path, cwd: opts.cwd }), opts, DEFAULT_MAX_FILE_SIZE);
}

/**
 * The keys the staged changes of the repository at `cwd` would commit (as `keyhound staged`); with
 * `allLines`, every finding in the staged content of the changed files.
 */
export async function scanStaged(opts: LibraryOptions & { cwd?: string; allLines?: boolean } = {}): Promise<ScanOutcome> {
  const { StagedSource } = await import('./git/staged.js');
  return run(new StagedSource({ cwd: opts.cwd ?? process.cwd(), allLines: opts.allLines }), { threads: 1, ...opts }, DEFAULT_MAX_BLOB_SIZE);
}

/**
 * Every key in the history of the repository at `cwd`, or the keys a range of commits adds (`range`
 * as git takes it: `origin/main..HEAD`), each with the commit that introduced it (as `keyhound history`).
 */
export async function scanHistory(opts: LibraryOptions & { cwd?: string; range?: string; since?: string; until?: string; paths?: string[] } = {}): Promise<ScanOutcome> {
  const { HistorySource } = await import('./git/history.js');
  const source = new HistorySource({ cwd: opts.cwd ?? process.cwd(), range: opts.range, since: opts.since, until: opts.until, paths: opts.paths });
  return run(source, opts, DEFAULT_MAX_BLOB_SIZE);
}

/**
 * Any Source (your own archive reader, say: see src/scan/source.ts) through the same pipeline: path
 * filters, threads, post-filter, configuration at its base, suppression, redaction.
 */
export function scanSource<I extends Item>(source: Source<I>, opts: LibraryOptions = {}): Promise<ScanOutcome> {
  return run(source, opts, DEFAULT_MAX_FILE_SIZE);
}

export const REPORTERS = { text, json, sarif, github } satisfies Record<string, Reporter>;
export type FormatName = keyof typeof REPORTERS;

export interface FormatOptions {
  /** ANSI colours in the text format; default false. */
  color?: boolean;
  /** Findings only in the text format (no advice or summary). */
  quiet?: boolean;
  /** The command the result came from: the text report's advice differs. Default 'scan'. */
  mode?: ReportContext['mode'];
  /** SARIF: what %SRCROOT% stands for (an absolute URI ending in '/'). */
  sarifBaseUri?: string;
}

/** A scan's result in a report format, as the command line writes it. */
export function formatResult(outcome: { result: ScanResult; rules: CompiledRule[] }, format: FormatName, opts: FormatOptions = {}): string {
  const ctx: ReportContext = { rules: outcome.rules, color: opts.color ?? false, quiet: opts.quiet, toolName: 'keyhound', toolVersion: VERSION, roots: ['.'], mode: opts.mode ?? 'scan', sarifBaseUri: opts.sarifBaseUri };
  return REPORTERS[format](outcome.result, ctx);
}
