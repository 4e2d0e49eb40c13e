// The SARIF 2.1.0 reporter, shaped for GitHub code scanning: one run, every active rule, one result
// per finding. Region snippets are never emitted: they would carry the secret past redaction.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ArtifactLocation,
  Invocation,
  Location as SarifLocation,
  Log,
  Notification,
  PhysicalLocation,
  ReportingDescriptor,
  Result,
  Run,
} from 'sarif';
import { isFailure, type Finding, type Location, type ScanError, type Severity } from '../types.js';
import { SHALLOW_NOTE, decodedNote, type ReportContext, type Reporter, type RuleInfo } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/keyhound/keyhound';
/** The base every result URI is relative to; defined in originalUriBaseIds when a root is known. */
export const SRCROOT = '%SRCROOT%';
/** Versioned so a change to how fingerprints are computed can ship under a new key. */
export const FINGERPRINT_KEY = 'keyhound/v1';
/** The id of the pair's location in relatedLocations, which the message links to. */
const PAIR_LOCATION_ID = 1;

/** SARIF level and GitHub's security-severity score (a string holding a number from 0.0 to 10.0). */
const SEVERITY: Record<Severity, { level: Result.level; score: string }> = {
  root: { level: 'error', score: '10.0' },
  critical: { level: 'error', score: '9.5' },
  high: { level: 'error', score: '8.0' },
  medium: { level: 'warning', score: '5.5' },
  low: { level: 'note', score: '3.0' },
};

export const sarif: Reporter = (result, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const run: Run = {
    tool: { driver: { name: ctx.toolName, version: ctx.toolVersion, informationUri: INFORMATION_URI, rules: ctx.rules.map(ruleDescriptor) } },
    invocations: [invocation(result.errors)],
    results: result.findings.map((f) => toResult(f, ruleIndex, ctx)),
    columnKind: 'utf16CodeUnits',
  };
  const base = srcRoot(ctx);
  if (base !== undefined) run.originalUriBaseIds = { [SRCROOT]: base };
  if (ctx.vcs?.repositoryUri !== undefined) {
    run.versionControlProvenance = [{ repositoryUri: ctx.vcs.repositoryUri, revisionId: ctx.vcs.revisionId, branch: ctx.vcs.branch, mappedTo: { uriBaseId: SRCROOT } }];
  }
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
};

/** "aws-access-key-id" → "AwsAccessKeyId": SARIF wants a readable identifier distinct from the id. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptor(rule: RuleInfo): ReportingDescriptor {
  const sev = SEVERITY[rule.severity];
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: sev.level },
    properties: { 'security-severity': sev.score, tags: ruleTags(rule), precision: 'high' },
  };
  if (rule.references.length > 0) descriptor.helpUri = rule.references[0];
  return descriptor;
}

/** CWE-798 (use of hard-coded credentials) is the tag GitHub groups secret findings under. */
function ruleTags(rule: RuleInfo): string[] {
  const tags = ['security', 'secret', 'external/cwe/cwe-798'];
  if (rule.provider !== undefined) tags.push(rule.provider);
  return tags;
}

function helpText(rule: RuleInfo): string {
  if (rule.references.length === 0) return rule.remediation;
  return `${rule.remediation}\n\nReferences:\n${rule.references.map((r) => `- ${r}`).join('\n')}`;
}

/** Rule text is prose written for terminals; escape what Markdown would otherwise render as markup. */
function helpMarkdown(rule: RuleInfo): string {
  const body = rule.remediation.replace(/[\\`*_[\]<>]/g, '\\$&');
  if (rule.references.length === 0) return body;
  return `${body}\n\n**References**\n\n${rule.references.map((r) => `- <${r}>`).join('\n')}`;
}

function toResult(f: Finding, ruleIndex: Map<string, number>, ctx: ReportContext): Result {
  const out: Result = {
    ruleId: f.ruleId,
    level: SEVERITY[f.severity].level,
    message: { text: resultMessage(f, ctx.rules) },
    locations: [{ physicalLocation: physicalLocation(f) }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: resultProperties(f),
  };
  // A finding from a rule the context does not list (should not happen) still reports, unindexed.
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  if (f.pair) out.relatedLocations = [pairLocation(f, ctx.rules)];
  return out;
}

function resultProperties(f: Finding): Record<string, string | boolean> {
  const props: Record<string, string | boolean> = { severity: f.severity };
  if (f.keyType !== undefined) props.keyType = f.keyType;
  if (f.accountId !== undefined) props.accountId = f.accountId;
  if (f.decoded !== undefined) props.decoded = f.decoded.join(',');
  if (f.commit !== undefined) {
    props.commit = f.commit.sha;
    props.commitAuthor = f.commit.author;
    props.commitDate = f.commit.date;
  }
  if (f.beforeShallowBoundary) props.beforeShallowBoundary = true;
  if (f.atHead !== undefined) props.atHead = f.atHead;
  if (f.canary !== undefined) props.canary = f.canary.service;
  if (f.verification !== undefined) {
    props.verified = f.verification.status;
    if (f.verification.arn !== undefined) props.arn = f.verification.arn;
    if (f.verification.principalType !== undefined) props.principalType = f.verification.principalType;
  }
  return props;
}

/**
 * E.g. "AWS access key ID AKIA****…1234 (long-term access key, account 123456789012), paired with
 * [AWS secret access key at .env:3](1)". The secret is used as the finding carries it (already redacted).
 */
function resultMessage(f: Finding, rules: RuleInfo[]): string {
  const details = [f.keyType, f.accountId !== undefined ? `account ${f.accountId}` : undefined, f.decoded !== undefined ? decodedNote(f.decoded) : undefined].filter((d) => d !== undefined);
  let text = `${f.title} ${f.value}`;
  if (details.length > 0) text += ` (${details.join(', ')})`;
  if (f.pair) text += `, paired with [${escapeLinkText(pairLabel(f, rules))}](${PAIR_LOCATION_ID})`;
  if (f.beforeShallowBoundary) text += `; ${SHALLOW_NOTE}`;
  return `${text}.`;
}

function pairLabel(f: Finding, rules: RuleInfo[]): string {
  const pair = f.pair!;
  const title = rules.find((r) => r.id === pair.ruleId)?.title ?? pair.ruleId;
  return `${title} at ${pair.path}${pair.offset !== undefined ? ` offset ${pair.offset}` : `:${pair.line}`}`;
}

/** SARIF §3.11.6: in a plain-text embedded link, literal `[`, `]` and `\` in the link text are backslash-escaped. */
function escapeLinkText(s: string): string {
  return s.replace(/[\\[\]]/g, '\\$&');
}

function pairLocation(f: Finding, rules: RuleInfo[]): SarifLocation {
  return {
    id: PAIR_LOCATION_ID,
    physicalLocation: physicalLocation(f.pair!),
    message: { text: `${pairLabel(f, rules)}: ${f.pair!.value}` },
  };
}

/** No `snippet` in the region, on purpose (see the module comment). */
function physicalLocation(loc: Location): PhysicalLocation {
  return {
    artifactLocation: artifactLocation(loc.path),
    // A binary scanned through its strings has no lines: its region is a byte range (SARIF §3.30.2).
    region: loc.offset !== undefined ? { byteOffset: loc.offset, byteLength: loc.byteLength ?? 0 } : { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn },
  };
}

function artifactLocation(path: string): ArtifactLocation {
  // Scan errors can name an absolute path (a root outside the tree); it cannot be made relative to SRCROOT.
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: relativeUri(path), uriBaseId: SRCROOT };
}

/** Characters RFC 3986 allows unescaped in a path segment (pchar), except `:` which needs care. */
const SEGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=@]/;

/**
 * A relative POSIX path as a URI reference: each segment percent-encodes what a path segment cannot
 * hold (space, `%`, `#`, `?`, `\`, non-ASCII as UTF-8). `:` is kept except in the first segment, where
 * "a:b/c" would read as the scheme "a".
 */
export function relativeUri(path: string): string {
  return path
    .split('/')
    .map((segment, i) => encodeSegment(segment, i === 0))
    .join('/');
}

function encodeSegment(segment: string, first: boolean): string {
  let out = '';
  for (const ch of segment) {
    if (SEGMENT_SAFE.test(ch) || (ch === ':' && !first)) out += ch;
    else out += percentEncode(ch);
  }
  return out;
}

/** UTF-8 percent-encoding of one code point; a lone surrogate (not valid UTF-16) becomes U+FFFD. */
function percentEncode(ch: string): string {
  try {
    return encodeURIComponent(ch);
  } catch {
    return '%EF%BF%BD';
  }
}

/**
 * What %SRCROOT% stands for: the --sarif-base-uri given, else only a description. A report is usually
 * uploaded (GitHub code scanning maps %SRCROOT% to the checkout itself), and the folder it was made in
 * (`file:///home/ana/src/app/`) says who and where for nothing; SARIF allows a base with no `uri`
 * (3.14.14: an artifactLocation whose properties are all optional). Standard input alone has no base.
 */
export function srcRoot(ctx: Pick<ReportContext, 'roots' | 'sarifBaseUri'>): ArtifactLocation | undefined {
  if (ctx.sarifBaseUri !== undefined) return { uri: ctx.sarifBaseUri };
  if (!ctx.roots.some((r) => r !== '-')) return undefined;
  return { description: { text: 'The base of the scan: the top level of the git repository scanned (outside a repository, the working directory); result paths are relative to it.' } };
}

/**
 * executionSuccessful stays true when files could not be read: GitHub code scanning treats false as an
 * "unsuccessful execution" and does not process the run's results at all (github/codeql-action#1316,
 * #1393), so one unreadable file would hide every finding. What was not scanned is said per file
 * instead: a failure (unreadable, not found, a scan that failed) is an `error` notification, a policy
 * skip (too large, an archive limit) a `warning`.
 */
function invocation(errors: ScanError[]): Invocation {
  return { executionSuccessful: true, toolExecutionNotifications: errors.map(notification) };
}

function notification(e: ScanError): Notification {
  return {
    level: isFailure(e) ? 'error' : 'warning',
    message: { text: e.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path) } }],
    properties: { kind: e.kind },
  };
}
