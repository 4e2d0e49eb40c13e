// The human report: findings grouped by file, each with its masked line, then what to do and a summary.
// Everything that came from a scanned file (names and content) is escaped, so a file cannot drive the
// terminal with escape sequences.
import { partLabel, providerOf } from '../providers/index.js';
import { isFailure, type Finding, type Location, type ScanError, type ScanResult, type Severity, type Stats } from '../types.js';
import { escapeControl } from './escape.js';
import { SHALLOW_NOTE, decodedNote, type ReportContext, type Reporter } from './types.js';

type Paint = (code: string, s: string) => string;
const ANSI = { bold: '1', dim: '2', red: '31', yellow: '33', cyan: '36', magenta: '35', boldRed: '1;31' } as const;
const SEVERITY_COLOUR: Record<Severity, string> = { root: ANSI.boldRed, critical: ANSI.boldRed, high: ANSI.red, medium: ANSI.yellow, low: ANSI.cyan };

export { escapeControl };

export const text: Reporter = (result, ctx) => {
  const paint: Paint = ctx.color ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
  const out: string[] = [];
  for (const [path, findings] of groupByPath(result.findings)) {
    out.push(paint(ANSI.bold, escapeControl(path)));
    // The position column is as wide as this file's widest `line:column` (at least 8): a minified
    // file's column 59572256 would otherwise push its severity out of line with the others.
    const width = Math.max(8, ...findings.map((f) => position(f).length));
    for (const f of findings) out.push(...formatFinding(f, paint, width));
    out.push('');
  }
  if (ctx.quiet) return out.join('\n') + (out.length > 0 ? '\n' : '');
  if (result.errors.length > 0) out.push(...formatErrors(result.errors, paint), '');
  if (result.unusedIgnores && result.unusedIgnores.length > 0) {
    out.push(paint(ANSI.yellow, `Unused .keyhoundignore entries (${result.unusedIgnores.length}):`), ...result.unusedIgnores.map((u) => `  line ${u.line}: ${u.fingerprint}`), '');
  }
  if (result.findings.length > 0) out.push(...formatAdvice(result.findings, ctx), '');
  out.push(summary(result.stats, result.findings, result.errors.filter(isFailure).length, paint));
  return `${out.join('\n')}\n`;
};

function groupByPath(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.path);
    if (group === undefined) groups.set(f.path, [f]);
    else group.push(f); // not a copy per finding: that was quadratic in the findings of one file
  }
  return groups;
}

/** `line:column`, or `offset N` (bytes) in a binary scanned through its strings. */
const position = (f: Location): string => (f.offset !== undefined ? `offset ${f.offset}` : `${f.line}:${f.column}`);

function formatFinding(f: Finding, paint: Paint, width: number): string[] {
  const indent = ' '.repeat(2 + width + 1);
  const severity = paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(8));
  const title = f.canary !== undefined ? `DECOY (canary token): ${f.title}` : f.title;
  const lines = [`  ${position(f).padEnd(width)} ${severity} ${title}  ${paint(ANSI.dim, f.ruleId)}`];
  lines.push(`${indent}${paint(ANSI.dim, '│')} ${escapeControl(f.lineText.trim())}`);
  // A decoy says what it is first: the rest of the line reads differently once you know.
  const facts = f.canary !== undefined ? [`canary token of ${f.canary.service}: planted to detect leaks; using it alerts whoever planted it, so keyhound never sends it to AWS`] : [];
  facts.push(`${partLabel(f)} ${f.value}`);
  if (f.keyType !== undefined) facts.push(f.keyType);
  if (f.accountId !== undefined) facts.push(`account ${f.accountId}`);
  if (f.decoded !== undefined) facts.push(decodedNote(f.decoded));
  if (f.pair) facts.push(`pairs with ${partLabel({ provider: f.provider, part: f.pair.part })} at ${position(f.pair)} (${f.pair.ruleId})${f.canary === undefined ? ': a usable credential' : ''}`);
  if (f.inlineAllow !== undefined) facts.push(`allowed inline (${f.inlineAllow})`);
  if (f.verification !== undefined) facts.push(verificationText(f.verification));
  facts.push(`fingerprint ${f.fingerprint}`);
  lines.push(`${indent}${paint(ANSI.dim, facts.map(escapeControl).join(' · '))}`);
  if (f.commit || f.beforeShallowBoundary) {
    const where = f.atHead === false ? 'no longer at HEAD, but still in history' : f.atHead ? 'still at HEAD' : '';
    const commit = f.commit ? `added in ${f.commit.sha.slice(0, 12)} by ${f.commit.author} on ${f.commit.date.slice(0, 10)}: ${f.commit.summary}` : SHALLOW_NOTE;
    lines.push(`${indent}${paint(ANSI.dim, escapeControl([commit, where].filter(Boolean).join(' · ')))}`);
  }
  return lines;
}

function verificationText(v: NonNullable<Finding['verification']>): string {
  if (v.status === 'live') {
    const who = v.principalType === 'root' ? 'ROOT USER KEY' : (v.principalType ?? 'principal');
    return `verified LIVE: ${who}${v.arn !== undefined ? ` ${v.arn}` : ''}`;
  }
  if (v.status === 'invalid') return `verified invalid${v.reason !== undefined ? `: ${v.reason}` : ''}`;
  if (v.status === 'canary') return 'canary: not verified';
  return `not verified${v.reason !== undefined ? `: ${v.reason}` : ''}`;
}

function formatErrors(errors: ScanError[], paint: Paint): string[] {
  return [paint(ANSI.yellow, `Warnings (${errors.length}):`), ...errors.map((e) => `  ${escapeControl(e.path)}: ${escapeControl(e.message)}`)];
}

/** The remediation once per rule that fired, most severe first. */
function formatAdvice(findings: Finding[], ctx: ReportContext): string[] {
  const seen = new Set<string>();
  const lines = ['What to do:'];
  for (const rule of ctx.rules) {
    if (seen.has(rule.id) || !findings.some((f) => f.ruleId === rule.id)) continue;
    seen.add(rule.id);
    lines.push(`  ${rule.title}: ${ctx.mode === 'staged' ? notCommittedYet(rule.remediation) : rule.remediation}`);
  }
  lines.push(...modeAdvice(ctx.mode, credentialSources(findings)));
  return lines;
}

/**
 * A staged key has not been committed yet: "remove it from code and (git) history" sends the user to
 * rewrite history for nothing. The rules' remediation text is shared by every report, so the staged
 * text report words that part for the index instead.
 */
export function notCommittedYet(remediation: string): string {
  return remediation.replace(/\bfrom (?:the )?code and (?:from )?(?:git )?history\b/gi, 'from the staged files');
}

/** Where the providers of these findings keep credentials instead (an AWS profile, an IAM role). */
function credentialSources(findings: readonly Finding[]): string[] {
  const providers = new Set(findings.map((f) => f.provider));
  return [...providers].flatMap((p) => providerOf(p)?.credentialSources ?? []);
}

/** `sources`: the providers' own places for credentials, named after the environment. */
function modeAdvice(mode: ReportContext['mode'], sources: readonly string[]): string[] {
  const notReal = '  Not a real key? Add `keyhound:allow` in a comment on its line, or its fingerprint to .keyhoundignore (README: "False positives").';
  if (mode === 'staged') {
    return [
      '  Commit blocked: take the key out of the staged files (git restore --staged FILE, edit, git add), and load it',
      `  from an environment variable${sources.length > 0 ? `, ${sources.join('; ')}` : ' or a secrets manager, outside the repository'}.`,
      notReal,
      '  To commit anyway, deliberately: git commit --no-verify.',
    ];
  }
  if (mode === 'history') {
    return ['  A key removed in a later commit is still in every clone: rotate it first, then rewrite history only if you must (git filter-repo).', notReal];
  }
  return [notReal];
}

/** The summary on one line, without colour: what `-o FILE` prints on standard error. */
export function summaryLine(result: ScanResult): string {
  return summary(result.stats, result.findings, result.errors.filter(isFailure).length, (_code, s) => s).replace(/\n/g, '; ');
}

/** `failed`: inputs that could not be scanned; with none found, the run is not called clean. */
function summary(stats: Stats, findings: Finding[], failed: number, paint: Paint): string {
  const files = new Set(findings.map((f) => f.path)).size;
  const head = findings.length > 0
    ? paint(ANSI.boldRed, `${plural(findings.length, 'finding')} in ${plural(files, 'file')}${bySeverity(findings)}.`)
    : failed > 0
      ? paint(ANSI.yellow, `No secrets found in what was scanned, but ${failed} could not be scanned (see the warnings).`)
      : paint(ANSI.bold, 'No secrets found.');
  const skipped = Object.entries(stats.skipped).filter(([, n]) => n > 0).map(([why, n]) => `${n} ${skipLabel(why)}`);
  const binaries = stats.binariesScanned > 0 ? `, ${stats.binariesScanned} of them binary, through their strings` : '';
  const tail = [`${plural(stats.filesScanned, 'file')} scanned (${formatBytes(stats.bytesScanned)}${binaries}) in ${(stats.durationMs / 1000).toFixed(2)}s`];
  if (skipped.length > 0) tail.push(`skipped: ${skipped.join(', ')}`);
  if (stats.errors > 0) tail.push(plural(stats.errors, 'warning'));
  const lines = [`${head} ${paint(ANSI.dim, tail.join('; '))}`];
  const suppressed = suppressedSummary(stats);
  if (suppressed !== undefined) lines.push(paint(ANSI.dim, suppressed));
  return lines.join('\n');
}

/** "3 findings suppressed: 2 inline, 1 baseline (--no-suppress shows them)", or nothing. */
function suppressedSummary(stats: Stats): string | undefined {
  const { inline, ignoreFile, baseline } = stats.suppressed;
  const total = inline + ignoreFile + baseline;
  if (total === 0) return undefined;
  const parts = [[inline, 'inline'], [ignoreFile, '.keyhoundignore'], [baseline, 'baseline']].filter(([n]) => (n as number) > 0);
  return `${plural(total, 'finding')} suppressed: ${parts.map(([n, what]) => `${n} ${what}`).join(', ')} (--no-suppress shows them)`;
}

function bySeverity(findings: Finding[]): string {
  const order: Severity[] = ['root', 'critical', 'high', 'medium', 'low'];
  const parts = order.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return ` (${parts.map(([s, n]) => `${n} ${s}`).join(', ')})`;
}

const SKIP_LABELS: Record<string, string> = {
  binary: 'binary', tooLarge: 'too large', symlink: 'symlinks', gitignored: 'gitignored', excluded: 'excluded', allowlisted: 'allowlisted',
};
const skipLabel = (why: string): string => SKIP_LABELS[why] ?? why;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
