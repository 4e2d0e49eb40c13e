// The data that flows through keyhound: source → detector → filter → reporter.
// Every stage speaks only these types, so no stage imports another.

/**
 * Ordered from least to most severe. `root` (a verified live root-user key) is set only by --verify:
 * a rule cannot know whose key it matched, so rules and configuration use RULE_SEVERITIES.
 */
export type Severity = 'low' | 'medium' | 'high' | 'critical' | 'root';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical', 'root'];
export type RuleSeverity = Exclude<Severity, 'root'>;
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['low', 'medium', 'high', 'critical'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** A piece of text to scan, with the path it is reported under (relative, POSIX separators). */
export interface Fragment {
  path: string;
  text: string;
}

/** A place in a file; lines and columns are 1-based, columns count UTF-16 code units (SARIF's default). */
export interface Location {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * A binary file scanned through its printable strings: where the value starts in the file, in
   * bytes (line is then the string's number among those kept, column a character in it).
   */
  offset?: number;
  /** With `offset`: the value's length in bytes (twice its characters in a UTF-16 string). */
  byteLength?: number;
}

/** The other half of a credential found close by (an AWS access key ID and its secret access key). */
export interface PairRef extends Location {
  ruleId: string;
  /** The partner's value as found (redacted along with the finding's). */
  value: string;
  /** The partner's credential part (key-id, secret-key): parts of one provider pair. */
  part?: string;
}

/** The commit a finding in git history was introduced by. */
export interface CommitRef {
  sha: string;
  author: string;
  email: string;
  /** Author date, ISO 8601. */
  date: string;
  /** First line of the commit message. */
  summary: string;
}

export interface Finding extends Location {
  ruleId: string;
  title: string;
  severity: Severity;
  /** The value found (a key ID, a secret key, a token); reporters see it redacted unless --no-redact. */
  value: string;
  /** The service whose credential this is (its rule's provider: aws, github), if any. */
  provider?: string;
  /** Which part of that credential the value is (its rule's part: key-id, secret-key, token), if any. */
  part?: string;
  /**
   * Found in decoded text: what was undone to read it, in order (base64, json-escape, html-entity,
   * quoted-printable, url, continuation, concatenation, structure). The location is the encoded or
   * split value's place in the file; `value` is the key as decoded.
   */
  decoded?: string[];
  /** Stable across runs and line moves: a hash of the part (or rule), path and value. */
  fingerprint: string;
  /** The whole line the secret starts on, for text output (redacted along with the secret). */
  lineText: string;
  /**
   * Where in lineText secrets lie ([start, end) offsets), every one the detector found in that text:
   * redaction masks these places. Internal: reporters never print it.
   */
  lineSecrets?: [number, number][];
  remediation: string;
  /** For AWS key IDs: what the prefix says the key is. */
  keyType?: string;
  /** For AWS key IDs: the 12-digit account ID decoded offline from the ID, where it encodes one. */
  accountId?: string;
  /** Set when this finding is one half of an access key ID + secret pair. */
  pair?: PairRef;
  /** History scans: the commit that introduced the secret at this path. */
  commit?: CommitRef;
  /**
   * History scans of a shallow clone: the key is in the oldest commit the clone has, whose parents are
   * missing, so the commit that introduced it is unknown (and `commit` is left out).
   */
  beforeShallowBoundary?: boolean;
  /** History scans: whether the secret is still in the file at HEAD. */
  atHead?: boolean;
  /** The inline marker (keyhound:allow, gitleaks:allow, pragma: allowlist secret) on its line, if any. */
  inlineAllow?: string;
  /** The key belongs to a canary-token service (known offline from its account ID): never verified. */
  canary?: { service: string; source: string };
  /** With --verify: what AWS STS said about the credential this finding belongs to. */
  verification?: FindingVerification;
}

/** What AWS STS GetCallerIdentity said about a credential (see src/verify). */
export interface FindingVerification {
  status: 'live' | 'invalid' | 'unknown' | 'canary';
  accountId?: string;
  arn?: string;
  principalType?: 'root' | 'iam-user' | 'assumed-role' | 'federated-user' | 'other';
  userId?: string;
  reason?: string;
}

/** A problem with one input that did not stop the scan. */
export interface ScanError {
  path: string;
  kind: 'unreadable' | 'permission' | 'broken-symlink' | 'too-large' | 'not-found' | 'scan-failed' | 'archive-limit' | 'archive-corrupt' | 'other';
  message: string;
}

/**
 * The kinds of warning that mean something the user asked for was not scanned, so a clean result
 * cannot be trusted (exit 2 when nothing was found). The others are policy: a file over
 * --max-file-size, a broken symbolic link met in a folder (there is nothing to read), a scan-wide
 * caveat such as a shallow clone ('other').
 */
export const FAILURE_KINDS: readonly ScanError['kind'][] = ['unreadable', 'permission', 'not-found', 'scan-failed'];
export const isFailure = (e: ScanError): boolean => FAILURE_KINDS.includes(e.kind);

/** Files seen but deliberately not scanned, by reason; never silently dropped. */
export interface SkipCounts {
  binary: number;
  tooLarge: number;
  symlink: number;
  gitignored: number;
  /** Matched --exclude, or not matched by --include. */
  excluded: number;
  /** Matched a path allowlist in .keyhound.yml. */
  allowlisted: number;
}

/**
 * A path not scanned, and why: a file, or a folder pruned whole (its path ends in '/'), so that a
 * gitignored node_modules/ is one entry, not one per file in it.
 */
export interface SkippedPath {
  path: string;
  reason: keyof SkipCounts;
}

/**
 * Paths named at most: the names are kept in memory for --verbose, and `--include 'src/**'` on a tree
 * of a million files would otherwise keep a million. The counts are always complete.
 */
export const MAX_NAMED_SKIPS = 100_000;

/** Counts a path not scanned in `stats.skipped`, and names it in `stats.skippedPaths` (up to MAX_NAMED_SKIPS). */
export function countSkip(stats: Stats, reason: keyof SkipCounts, path: string): void {
  stats.skipped[reason]++;
  const named = (stats.skippedPaths ??= []);
  if (named.length < MAX_NAMED_SKIPS) named.push({ path, reason });
}

/** Findings that were found but not reported, by the mechanism that suppressed them. */
export interface SuppressedCounts {
  inline: number;
  ignoreFile: number;
  baseline: number;
}

export interface Stats {
  /** Every file or blob scanned, binaries scanned through their strings included. */
  filesScanned: number;
  /** Of filesScanned, binaries scanned through their printable strings (skipped.binary: those not scanned). */
  binariesScanned: number;
  bytesScanned: number;
  findings: number;
  skipped: SkipCounts;
  /** The paths counted in `skipped`, while scanning; the result has them in ScanResult.skipped instead. */
  skippedPaths?: SkippedPath[];
  suppressed: SuppressedCounts;
  errors: number;
  durationMs: number;
}

/** An entry of .keyhoundignore that matched no finding (listed with --report-unused-ignores). */
export interface UnusedIgnore {
  fingerprint: string;
  line: number;
}

export interface ScanResult {
  findings: Finding[];
  errors: ScanError[];
  stats: Stats;
  /** Only with --report-unused-ignores. */
  unusedIgnores?: UnusedIgnore[];
  /** Every path counted in stats.skipped, once, in path order (the CLI shows them with --verbose). */
  skipped?: SkippedPath[];
}
