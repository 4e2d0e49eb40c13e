// Synthetic scan results for the reporter tests. Key-shaped strings are generated here at run time,
// never written into the repo, so secret scanners (keyhound included) have nothing to find in it.
import type { Finding, ScanError, ScanResult, Severity, Stats } from '../../src/types.js';
import type { ReportContext, RuleInfo } from '../../src/report/types.js';
import { emptyStats } from '../../src/pipeline.js';
import { prng } from './keys.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

/** Seeded (mulberry32, shared with keys.ts) so a failure reproduces. */
export const rng = prng;

export const SEED = Number(process.env.KEYHOUND_TEST_SEED ?? Date.now() % 1_000_000);

function pick(random: () => number, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** An access key ID shape: prefix + 16 base32 characters. */
export const keyId = (random: () => number, prefix = 'AKIA'): string => prefix + pick(random, BASE32, 16);
/** A secret access key shape: 40 characters of A-Za-z0-9/+. */
export const secretKey = (random: () => number): string => pick(random, BASE64ISH, 40);
export const hex = (random: () => number, n: number): string => pick(random, '0123456789abcdef', n);

/** Stand-in for the CLI's redaction: keep a little at each end, as reporters receive it. */
export const redact = (secret: string): string => `${secret.slice(0, 4)}****…${secret.slice(-4)}`;

function rule(id: string, title: string, severity: Severity, references: string[]): RuleInfo {
  return {
    id,
    title,
    description: `Description of ${title}.`,
    severity,
    provider: 'aws',
    remediation: `Rotate the credential (${id}); see *the* docs for aws_secret_access_key.`,
    references,
  };
}

/** Active rules in "rules-file order", deliberately not the order findings appear in. */
export function sampleRules(): RuleInfo[] {
  const docs = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
  return [
    rule('aws-secret-access-key', 'AWS secret access key', 'high', [docs, 'https://example.com/second']),
    rule('aws-secret-access-key-in-aws-context', 'AWS secret access key (generic name, AWS context)', 'high', [docs]),
    rule('aws-access-key-id', 'AWS access key ID', 'medium', [docs]),
    rule('aws-temporary-access-key-id', 'AWS temporary access key ID', 'low', []),
  ];
}

/** The raw (unredacted) values behind a sample, so tests can check they never leak. */
export interface Sample {
  result: ScanResult;
  ctx: ReportContext;
  raw: string[];
  /** Appears only in lineText, which no machine-readable reporter may print. */
  lineCanary: string;
  seed: number;
}

interface FindingSpec {
  ruleId: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  secret: string;
  extra?: Partial<Finding>;
}

function finding(s: FindingSpec, rules: RuleInfo[], random: () => number, lineCanary: string): Finding {
  const r = rules.find((x) => x.id === s.ruleId)!;
  return {
    ruleId: s.ruleId,
    title: r.title,
    severity: s.severity,
    path: s.path,
    line: s.line,
    column: s.column,
    endLine: s.line,
    endColumn: s.column + 20,
    value: s.secret,
    provider: 'aws',
    part: s.ruleId.includes('key-id') ? 'key-id' : s.ruleId.includes('session-token') ? 'session-token' : 'secret-key',
    fingerprint: hex(random, 16),
    lineText: `key = ${s.secret} # ${lineCanary}`,
    remediation: r.remediation,
    ...s.extra,
  };
}

export function stats(over: Partial<Stats> = {}): Stats {
  return {
    ...emptyStats(),
    filesScanned: 12,
    bytesScanned: 34_567,
    skipped: { binary: 1, tooLarge: 0, symlink: 2, gitignored: 3, excluded: 0, allowlisted: 0 },
    durationMs: 42,
    ...over,
  };
}

/**
 * Five findings covering: an ID + secret pair (critical, both directions), each other severity,
 * paths that need escaping (`,` `:` `%` space `#` non-ASCII), a title with a comma, a multi-line
 * span, and one scan error whose path and message need escaping too.
 */
export function sampleScan(opts: { redacted?: boolean; seed?: number } = {}): Sample {
  const seed = opts.seed ?? SEED;
  const random = rng(seed);
  const rules = sampleRules();
  const lineCanary = `LINE-CANARY-${hex(random, 12)}`;
  const raw = { id: keyId(random), secret: secretKey(random), temp: keyId(random, 'ASIA'), ctxSecret: secretKey(random), lone: keyId(random) };
  const shown = (s: string): string => (opts.redacted === false ? s : redact(s));
  const account = String(100_000_000_000 + Math.floor(random() * 899_999_999_999));
  const env = 'config/.env';
  const idLoc = { path: env, line: 2, column: 19, endLine: 2, endColumn: 39 };
  const secretLoc = { path: env, line: 3, column: 23, endLine: 3, endColumn: 63 };
  const specs: FindingSpec[] = [
    {
      ruleId: 'aws-access-key-id', severity: 'critical', ...idLoc, secret: shown(raw.id),
      extra: { keyType: 'long-term access key (IAM user or root user)', accountId: account, endColumn: idLoc.endColumn,
        pair: { ruleId: 'aws-secret-access-key', ...secretLoc, value: shown(raw.secret), part: 'secret-key' } },
    },
    {
      ruleId: 'aws-secret-access-key', severity: 'critical', ...secretLoc, secret: shown(raw.secret),
      extra: { endColumn: secretLoc.endColumn, pair: { ruleId: 'aws-access-key-id', ...idLoc, value: shown(raw.id), part: 'key-id' } },
    },
    {
      ruleId: 'aws-temporary-access-key-id', severity: 'low', path: 'docs/my notes#1.md', line: 7, column: 1, secret: shown(raw.temp),
      extra: { keyType: 'temporary access key (AWS STS)' },
    },
    {
      ruleId: 'aws-secret-access-key-in-aws-context', severity: 'high', path: 'src/a,b:c%d.ts', line: 10, column: 5, secret: shown(raw.ctxSecret),
      extra: { endLine: 11, endColumn: 3 },
    },
    { ruleId: 'aws-access-key-id', severity: 'medium', path: 'données/clé.txt', line: 1, column: 1, secret: shown(raw.lone) },
  ];
  const findings = specs.map((s) => finding(s, rules, random, lineCanary));
  const errors: ScanError[] = [{ path: 'locked:dir/x,y.txt', kind: 'permission', message: 'EACCES: permission denied\nwhile reading 100%' }];
  const result: ScanResult = { findings, errors, stats: stats({ findings: findings.length, errors: errors.length }) };
  const ctx: ReportContext = { rules, color: false, toolName: 'keyhound', toolVersion: '0.1.0', roots: ['.'] };
  return { result, ctx, raw: Object.values(raw), lineCanary, seed };
}

/** A result with no findings and no errors. */
export function emptyScan(): Sample {
  const ctx: ReportContext = { rules: sampleRules(), color: false, toolName: 'keyhound', toolVersion: '0.1.0', roots: ['.'] };
  return { result: { findings: [], errors: [], stats: stats() }, ctx, raw: [], lineCanary: 'none', seed: 0 };
}
