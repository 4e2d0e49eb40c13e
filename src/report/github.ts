// The GitHub Actions reporter: one workflow command per finding and per scan error, so each shows
// as an annotation on the file, then a plain summary line for the log.
import { isFailure, type Finding, type ScanError, type Severity, type Stats } from '../types.js';
import { escapeControl } from './escape.js';
import { SHALLOW_NOTE, decodedNote, type Reporter, type RuleInfo } from './types.js';

/** GitHub has three annotation levels; critical and high both need someone to act, so both are errors. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  root: 'error',
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
};

export const github: Reporter = (result, ctx) => {
  const titles = new Map(ctx.rules.map((r: RuleInfo) => [r.id, r.title]));
  const lines = [
    ...result.findings.map((f) => findingCommand(f, titles)),
    ...result.errors.map(errorCommand),
    summary(result.findings, result.stats, result.errors.filter(isFailure).length),
  ];
  return lines.join('\n') + '\n';
};

/** Escaping for the message part (after `::`), as @actions/core's escapeData does it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also lose `:` and `,`, which would otherwise end the value or the property list. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number][], message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

function findingCommand(f: Finding, titles: Map<string, string>): string {
  const props: [string, string | number][] = [['file', escapeControl(f.path)]];
  // A binary scanned through its strings has no lines: the annotation is on the file, the message says `offset N`.
  if (f.offset === undefined) props.push(['line', f.line], ['endLine', f.endLine]);
  // GitHub only honours columns on a single-line annotation, and rejects them otherwise.
  if (f.offset === undefined && f.line === f.endLine) props.push(['col', f.column], ['endColumn', f.endColumn]);
  props.push(['title', f.title]);
  return command(COMMAND[f.severity], props, findingMessage(f, titles));
}

/** First line says what was found (the secret as the finding carries it, i.e. redacted); second, what to do. */
function findingMessage(f: Finding, titles: Map<string, string>): string {
  const details = [f.keyType, f.accountId && `account ${f.accountId}`, f.decoded && decodedNote(f.decoded)].filter(Boolean);
  let first = `${f.canary !== undefined ? `Canary token (decoy) of ${f.canary.service}, planted to detect leaks; using it alerts whoever planted it. ` : ''}${f.title} ${f.value}`;
  if (f.offset !== undefined) first += ` at offset ${f.offset}`;
  if (details.length > 0) first += ` (${details.join(', ')})`;
  if (f.pair) first += `, paired with ${titles.get(f.pair.ruleId) ?? f.pair.ruleId} at ${f.pair.path}${f.pair.offset !== undefined ? ` offset ${f.pair.offset}` : `:${f.pair.line}`}`;
  // History: which commit; the annotation lands on the file at HEAD, where the key may be long gone.
  if (f.beforeShallowBoundary) first += ` (${SHALLOW_NOTE})`;
  if (f.commit) first += ` (added in commit ${f.commit.sha.slice(0, 12)} by ${f.commit.author} on ${f.commit.date.slice(0, 10)}: ${f.commit.summary})`;
  // The first line holds the path and what rules (perhaps a scanned repository's own) say: escaped.
  return `${escapeControl(`${first} [${f.ruleId}]`)}\n${f.remediation}`;
}

function errorCommand(e: ScanError): string {
  return command('warning', [['file', escapeControl(e.path)], ['title', `keyhound: could not scan (${e.kind})`]], escapeLines(e.message));
}

/** Control characters escaped line by line: a message may span lines (%0A), a line cannot carry escapes. */
const escapeLines = (s: string): string => s.split('\n').map(escapeControl).join('\n');

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Deliberately not a workflow command: it is for people reading the log. */
function summary(findings: Finding[], stats: Stats, failed: number): string {
  const files = new Set(findings.map((f) => f.path)).size;
  const nothing = failed > 0 ? `no findings in what was scanned, but ${failed} could not be scanned` : 'no findings';
  const what = findings.length === 0 ? nothing : `${plural(findings.length, 'finding')} in ${plural(files, 'file')}`;
  const extra = [`${plural(stats.filesScanned, 'file')} scanned`];
  if (stats.binariesScanned > 0) extra.push(`${stats.binariesScanned} of them binary, through their strings`);
  if (stats.errors > 0) extra.push(plural(stats.errors, 'error'));
  return `keyhound: ${what} (${extra.join(', ')})`;
}
