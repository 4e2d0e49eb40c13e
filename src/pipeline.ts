// What every scan mode (folder, staged, history) shares: before the scan, the rules, configuration,
// ignore file and baseline, all validated together; after it, suppression, redaction and sorting.
import { join } from 'node:path';
import { CONFIG_FILE, loadConfig, loadConfigFile, type Config } from './config.js';
import { IGNORE_FILE, loadIgnoreFile } from './filter/ignore-file.js';
import { redactFindings } from './filter/redact.js';
import { suppress, type Suppressions } from './filter/suppress.js';
import { applyConfig } from './rules/customize.js';
import { loadBuiltinRules, type CompiledRule } from './rules/load.js';
import { formatProblem } from './rules/schema.js';
import type { Finding, ScanError, ScanResult, SkippedPath, Stats } from './types.js';
import { enrichFindings } from './verify/enrich.js';
import type { VerifyOptions } from './verify/verify.js';

export interface PrepareOptions {
  /** Where .keyhound.yml and .keyhoundignore are looked for. */
  rootDir: string;
  /** --config: a file that must exist, instead of rootDir/.keyhound.yml. */
  configFile?: string;
  baselineFile?: string;
  /** False with --no-suppress. */
  suppress: boolean;
  /** Replaces the built-in rules (tests, library users). */
  rules?: CompiledRule[];
}

export interface Prepared {
  rules: CompiledRule[];
  config: Config;
  suppressions: Suppressions;
  /** The .keyhoundignore read (or looked for): keyhound's own file, not scanned. */
  ignoreFile: string;
}

export type PrepareResult = { ok: true; prepared: Prepared } | { ok: false; messages: string[] };

/** Loads and validates everything a scan needs; every problem in every file is reported at once. */
export async function prepare(opts: PrepareOptions): Promise<PrepareResult> {
  const builtin = opts.rules ? { ok: true as const, rules: opts.rules } : loadBuiltinRules();
  if (!builtin.ok) return { ok: false, messages: builtin.problems.map(formatProblem) };
  const ignoreFile = join(opts.rootDir, IGNORE_FILE);
  const [config, ignore, baseline] = await Promise.all([
    opts.configFile !== undefined ? loadConfigFile(opts.configFile, true) : loadConfig(opts.rootDir),
    loadIgnoreFile(ignoreFile),
    // The baseline reader is loaded only with --baseline.
    opts.baselineFile !== undefined ? import('./filter/baseline.js').then((m) => m.loadBaseline(opts.baselineFile!)) : { ok: true as const, fingerprints: new Set<string>() },
  ]);
  const messages = [config, ignore, baseline].flatMap((r) => (r.ok ? [] : r.problems));
  if (!config.ok || !ignore.ok || !baseline.ok) return { ok: false, messages };
  const rules = applyConfig(builtin.rules, { ...config.config, file: config.config.file ?? join(opts.rootDir, CONFIG_FILE) });
  if (!rules.ok) return { ok: false, messages: rules.problems };
  const suppressions: Suppressions = { enabled: opts.suppress, ignore: ignore.entries, baseline: baseline.fingerprints };
  return { ok: true, prepared: { rules: rules.rules, config: config.config, suppressions, ignoreFile } };
}

export function emptyStats(): Stats {
  return {
    filesScanned: 0,
    binariesScanned: 0,
    bytesScanned: 0,
    findings: 0,
    skipped: { binary: 0, tooLarge: 0, symlink: 0, gitignored: 0, excluded: 0, allowlisted: 0 },
    suppressed: { inline: 0, ignoreFile: 0, baseline: 0 },
    errors: 0,
    durationMs: 0,
  };
}

export interface FinishOptions {
  redact: boolean;
  reportUnusedIgnores: boolean;
  /** Date.now() when the scan started. */
  started: number;
  /** --verify: check each credential with AWS STS (the only network traffic keyhound makes). */
  verify?: VerifyOptions;
}

export type FinishOutcome = { ok: true; result: ScanResult } | { ok: false; messages: string[] };

/**
 * Suppresses, sorts, marks canaries (and verifies, when asked) and redacts the raw findings of any
 * scan mode, and completes the stats. Verification needs the secrets, so it runs before redaction.
 */
export async function finish(raw: { findings: Finding[]; errors: ScanError[]; stats: Stats }, prepared: Prepared, opts: FinishOptions): Promise<FinishOutcome> {
  const { kept, counts, unusedIgnores } = suppress([...raw.findings].sort(byPlace), prepared.suppressions);
  const enriched = await enrichFindings(kept, opts.verify);
  if (!enriched.ok) return { ok: false, messages: [enriched.message] };
  // Redaction also drops lineSecrets, the detector's note of where secrets lie in lineText: no reporter needs it.
  const findings = opts.redact ? redactFindings(kept) : kept.map(({ lineSecrets: _, ...f }) => f);
  const errors = [...raw.errors].sort((a, b) => compare(a.path, b.path));
  const { skippedPaths = [], ...counted } = raw.stats;
  const stats: Stats = { ...counted, findings: findings.length, suppressed: counts, errors: errors.length, durationMs: Date.now() - opts.started };
  const skipped = namedSkips(skippedPaths);
  const result: ScanResult = opts.reportUnusedIgnores ? { findings, errors, stats, unusedIgnores, skipped } : { findings, errors, stats, skipped };
  return { ok: true, result };
}

/** Each skipped path once (history meets a path in many commits), in path order. */
function namedSkips(paths: SkippedPath[]): SkippedPath[] {
  const once = new Map(paths.map((s) => [`${s.reason}\0${s.path}`, s]));
  return [...once.values()].sort((a, b) => compare(a.path, b.path) || compare(a.reason, b.reason));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: Finding, b: Finding): number =>
  compare(a.path, b.path) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId);
