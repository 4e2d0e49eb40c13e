// Opt-in verification (--verify): is a key pair found in the scan live, and whose is it?
//
// Each credential (access key ID + secret, plus the session token of a temporary key) is sent once to
// STS GetCallerIdentity, the one AWS call that needs no permission and changes nothing. It answers with
// the caller's ARN (live), or an error that says why the key is not usable (invalid). Canary keys are
// never sent. Requests are signed with Signature Version 4 by @smithy/signature-v4 (the AWS SDK's own
// signer), loaded only here, when there is something to verify: a plain scan never loads it and never
// opens a connection.
//
// Findings must be unredacted: verify first, then redact (src/filter/redact.ts).
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { accountIdOf } from '../providers/aws/keys.js';
import type { Finding } from '../types.js';
import { VERSION } from '../version.js';
import { pairNearest, type Placed } from '../detect/pair.js';
import { canaryOf, isKeyIdFinding, pairIsKeyId, type Canary } from '../providers/aws/canary.js';
import { AWS_PROVIDER, SESSION_TOKEN } from '../providers/aws/index.js';
import { checkEndpoint, regionOf } from './endpoint.js';
import { post, proxyFor, TimeoutError, type HttpReply } from './http.js';
import { classifyResponse, GET_CALLER_IDENTITY_BODY, type PrincipalType } from './sts.js';

export type { PrincipalType } from './sts.js';
export type VerificationStatus = 'live' | 'invalid' | 'unknown' | 'canary';

export interface Verification {
  status: VerificationStatus;
  /** From STS for live keys; decoded from the key ID for canaries. */
  accountId?: string;
  arn?: string;
  principalType?: PrincipalType;
  userId?: string;
  /** Why a key is invalid or unknown, or which service a canary belongs to. */
  reason?: string;
  /** For canaries: the service and the source that lists its account. */
  canary?: Canary;
}

export interface VerifyOptions {
  /** --verify-endpoint; default https://sts.amazonaws.com/. Must be loopback or AWS STS unless allowRemoteEndpoint. */
  endpoint?: string;
  allowRemoteEndpoint?: boolean;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
  /** Per request, including any proxy tunnel; default 10 000 ms. */
  timeoutMs?: number;
  /** Extra tries after throttling or a 5xx answer; default 2 (3 tries in all). */
  retries?: number;
  /** First backoff delay, doubled per retry (with jitter); default 500 ms. A Retry-After header wins, up to 5 s. */
  retryDelayMs?: number;
  /** Where proxy variables are read from; default process.env. */
  env?: Record<string, string | undefined>;
}

export type VerifyOutcome = { ok: true; results: Map<string, Verification> } | { ok: false; message: string };

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 5_000;

/** A session token within this many lines of a temporary (ASIA) key ID, in the same file, is its token. */
export const TOKEN_WITHIN_LINES = 10;

const isSessionTokenFinding = (f: Finding): boolean => f.provider === AWS_PROVIDER && f.part === SESSION_TOKEN;

/** One credential to verify: a unique (key ID, secret, session token), and every finding that holds part of it. */
export interface Credential {
  keyId: string;
  /** Undefined for a key ID found without a secret (it can still be a canary). */
  secret?: string;
  sessionToken?: string;
  findings: Finding[];
}

/** Secrets and tokens as a request needs them: %2F, %2B and %3D (URL-encoded in query strings) decoded. */
function unescapeSecret(s: string): string {
  return /%(?:2[FfBb]|3[Dd])/.test(s) ? s.replace(/%2[Ff]/g, '/').replace(/%2[Bb]/g, '+').replace(/%3[Dd]/g, '=') : s;
}

/** Masked by redactFindings (or by hand): cannot be verified. */
const isRedacted = (s: string): boolean => /[*…]/.test(s);

interface Occurrence {
  keyId: string;
  secret?: string;
  path: string;
  line: number;
  findings: Finding[];
}

/**
 * The credentials among the findings. A key ID and its secret come from `pair` (on either half); a
 * temporary (ASIA) key ID takes the nearest free session-token finding within TOKEN_WITHIN_LINES lines
 * in the same file (the earlier one on a tie; see sessionTokens). Identical (key ID, secret, token) triples are merged.
 */
export function collectCredentials(findings: readonly Finding[]): Credential[] {
  const occurrences = new Map<string, Occurrence>();
  const add = (keyId: string, secret: string | undefined, path: string, line: number, f: Finding): void => {
    const key = [path, line, keyId, secret ?? ''].join('\0');
    const occ = occurrences.get(key) ?? { keyId, secret, path, line, findings: [] };
    occ.findings.push(f);
    occurrences.set(key, occ);
  };
  for (const f of findings) {
    if (isKeyIdFinding(f)) add(f.value, f.pair?.value, f.path, f.line, f);
    else if (pairIsKeyId(f)) add(f.pair!.value, f.value, f.pair!.path, f.pair!.line, f);
  }
  const tokenOf = sessionTokens([...occurrences.values()].filter((occ) => occ.keyId.startsWith('ASIA') && occ.secret !== undefined), findings.filter(isSessionTokenFinding));
  const credentials = new Map<string, Credential>();
  for (const occ of occurrences.values()) {
    const token = tokenOf.get(occ);
    const secret = occ.secret === undefined ? undefined : unescapeSecret(occ.secret);
    const sessionToken = token === undefined ? undefined : unescapeSecret(token.value);
    const key = [occ.keyId, secret ?? '', sessionToken ?? ''].join('\0');
    const cred = credentials.get(key) ?? { keyId: occ.keyId, secret, sessionToken, findings: [] };
    if (sessionToken === undefined) delete cred.sessionToken;
    if (secret === undefined) delete cred.secret;
    for (const f of [...occ.findings, ...(token ? [token] : [])]) if (!cred.findings.includes(f)) cred.findings.push(f);
    credentials.set(key, cred);
  }
  return [...credentials.values()];
}

/**
 * The session token of each temporary key: the pairing the detector uses (detect/pair.ts), per file,
 * by line; each key takes the nearest free token within TOKEN_WITHIN_LINES lines (the earlier on a tie).
 */
function sessionTokens(keys: readonly Occurrence[], tokens: readonly Finding[]): Map<Occurrence, Finding> {
  const out = new Map<Occurrence, Finding>();
  const placed = <T extends { line: number }>(items: readonly T[]): (Placed & { item: T })[] =>
    items.map((item) => ({ item, start: item.line, end: item.line, line: item.line })).sort((a, b) => a.line - b.line);
  for (const path of new Set(keys.map((k) => k.path))) {
    const pairs = pairNearest(placed(tokens.filter((t) => t.path === path)), placed(keys.filter((k) => k.path === path)), TOKEN_WITHIN_LINES);
    for (const [key, token] of pairs) out.set(key.item, token.item);
  }
  return out;
}

/** When one key ID was verified with several secrets or tokens, the most telling result stands for it. */
const RANK: Record<VerificationStatus, number> = { invalid: 0, unknown: 1, live: 2, canary: 3 };

/**
 * Verifies every credential among the findings (see collectCredentials) against STS, at most once per
 * (key ID, secret, token), and returns a result per access key ID:
 * - canary: a key of a known canary service (data/aws/canary-accounts.yml): never sent, whatever else;
 * - live / invalid / unknown: STS's answer (see sts.ts for each error code);
 * - unknown without a request: a redacted secret, an ASIA key ID without a session token nearby, or an
 *   ABIA/ACCA credential (not usable with Signature Version 4).
 * Key IDs found without a secret have no entry unless they are canaries.
 * Fails (ok: false) only on a bad endpoint; per-key problems are results.
 */
export async function verifyFindings(findings: Finding[], opts: VerifyOptions = {}): Promise<VerifyOutcome> {
  const endpoint = checkEndpoint(opts.endpoint, opts.allowRemoteEndpoint === true);
  if (!endpoint.ok) return endpoint;
  const url = endpoint.url;
  const env = opts.env ?? process.env;
  let proxy: URL | undefined;
  try {
    proxy = proxyFor(url, env);
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }

  const results = new Map<string, Verification>();
  const record = (keyId: string, v: Verification): void => {
    const prev = results.get(keyId);
    if (prev === undefined || RANK[v.status] > RANK[prev.status]) results.set(keyId, v);
  };

  const toSend: Array<Credential & { secret: string }> = [];
  for (const cred of collectCredentials(findings)) {
    const canary = canaryOf(cred.keyId);
    if (canary) {
      record(cred.keyId, { status: 'canary', accountId: accountIdOf(cred.keyId), canary, reason: `canary token of ${canary.service}: not sent to AWS, using it would alert whoever planted it` });
      continue;
    }
    if (cred.secret === undefined) continue;
    const skip = unverifiable(cred.keyId, cred.secret, cred.sessionToken);
    if (skip !== undefined) record(cred.keyId, { status: 'unknown', reason: skip });
    else toSend.push({ ...cred, secret: cred.secret });
  }
  if (toSend.length === 0) return { ok: true, results };

  const { SignatureV4 } = await import('@smithy/signature-v4');
  const settings: Settings = {
    url,
    proxy,
    timeoutMs: positive(opts.timeoutMs, DEFAULT_TIMEOUT_MS),
    retries: Math.max(0, Math.floor(opts.retries ?? DEFAULT_RETRIES)),
    retryDelayMs: Math.max(0, opts.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS),
    makeSigner: (cred) =>
      new SignatureV4({
        service: 'sts',
        region: regionOf(url),
        sha256: NodeSha256,
        credentials: { accessKeyId: cred.keyId, secretAccessKey: cred.secret, ...(cred.sessionToken ? { sessionToken: cred.sessionToken } : {}) },
      }),
  };
  await pool(toSend, Math.max(1, Math.floor(positive(opts.concurrency, DEFAULT_CONCURRENCY))), async (cred) => {
    record(cred.keyId, await verifyOne(cred, settings));
  });
  return { ok: true, results };
}

const positive = (n: number | undefined, fallback: number): number => (n !== undefined && Number.isFinite(n) && n > 0 ? n : fallback);

/** Why a credential cannot be checked without sending something meaningless, or undefined. */
function unverifiable(keyId: string, secret: string, token: string | undefined): string | undefined {
  if (isRedacted(keyId) || isRedacted(secret) || (token !== undefined && isRedacted(token))) {
    return 'the finding is redacted: verify before redacting';
  }
  if (keyId.startsWith('ABIA') || keyId.startsWith('ACCA')) {
    return `${keyId.slice(0, 4)} credentials cannot be checked with GetCallerIdentity`;
  }
  if (keyId.startsWith('ASIA') && token === undefined) {
    return `temporary (ASIA) key without a session token within ${TOKEN_WITHIN_LINES} lines: it cannot be checked without one`;
  }
  return undefined;
}

interface Signable {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

interface Signer {
  sign(request: Signable): Promise<{ headers: Record<string, string> }>;
}

interface Settings {
  url: URL;
  proxy: URL | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  makeSigner: (cred: { keyId: string; secret: string; sessionToken?: string }) => Signer;
}

async function verifyOne(cred: { keyId: string; secret: string; sessionToken?: string }, s: Settings): Promise<Verification> {
  const signer = s.makeSigner(cred);
  for (let attempt = 0; ; attempt++) {
    let reply: HttpReply;
    try {
      reply = await send(signer, s);
    } catch (err) {
      return { status: 'unknown', reason: err instanceof TimeoutError ? `timeout: ${err.message}` : `network error: ${describe(err)}` };
    }
    const outcome = classifyResponse(reply.status, reply.body);
    switch (outcome.kind) {
      case 'live':
        return { status: 'live', accountId: outcome.accountId, arn: outcome.arn, principalType: outcome.principalType, userId: outcome.userId };
      case 'invalid':
        return { status: 'invalid', reason: outcome.reason };
      case 'unknown':
        return { status: 'unknown', reason: outcome.reason };
      case 'retry':
        if (attempt >= s.retries) return { status: 'unknown', reason: `${outcome.reason}; gave up after ${attempt + 1} tries` };
        await sleep(backoff(attempt + 1, s.retryDelayMs, reply.retryAfter));
    }
  }
}

async function send(signer: Signer, s: Settings): Promise<HttpReply> {
  const { url } = s;
  const request: Signable = {
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: GET_CALLER_IDENTITY_BODY,
  };
  if (url.port !== '') request.port = Number(url.port);
  const signed = await signer.sign(request);
  const headers: Record<string, string> = { ...signed.headers, 'user-agent': `keyhound/${VERSION}`, accept: 'text/xml' };
  return post(url, headers, GET_CALLER_IDENTITY_BODY, { timeoutMs: s.timeoutMs, proxy: s.proxy });
}

/** Exponential backoff with jitter (50–100% of base·2^(attempt-1)); Retry-After wins; never over 5 s. */
function backoff(attempt: number, baseMs: number, retryAfterSeconds: number | undefined): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS);
  const ceiling = baseMs * 2 ** (attempt - 1);
  return Math.min(ceiling / 2 + Math.random() * (ceiling / 2), MAX_RETRY_DELAY_MS);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  return typeof e.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

/** Runs `fn` over `items`, at most `n` at a time. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/**
 * The verification for each finding, by fingerprint: key-ID findings, the secrets paired with them and
 * the session tokens attached to temporary keys all get their key ID's result. Call it on the same
 * (unredacted) findings passed to verifyFindings; fingerprints survive redaction, so reporters can look
 * results up on redacted copies.
 */
export function verificationsByFingerprint(findings: readonly Finding[], results: ReadonlyMap<string, Verification>): Map<string, Verification> {
  const out = new Map<string, Verification>();
  for (const cred of collectCredentials(findings)) {
    const v = results.get(cred.keyId);
    if (v === undefined) continue;
    for (const f of cred.findings) {
      const prev = out.get(f.fingerprint);
      if (prev === undefined || RANK[v.status] > RANK[prev.status]) out.set(f.fingerprint, v);
    }
  }
  return out;
}

/**
 * SHA-256 and HMAC-SHA-256 from node:crypto, in the shape @smithy/signature-v4 takes (what
 * @smithy/hash-node provides; the signer itself does all of the SigV4 work).
 */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(this.secret));
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
