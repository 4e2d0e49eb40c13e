// Canary (honey) AWS keys: real keys, made powerless, whose every use alerts whoever planted them.
// They are recognised offline from the account ID encoded in the key ID (keys.ts) and the published
// accounts of canary services (data/aws/canary-accounts.yml), and are never sent to AWS.
// Loaded lazily (enrich.ts): only once there are AWS findings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { accountIdOf } from './keys.js';
import { textDigest } from '../../rules/digest.js';
import type { Finding } from '../../types.js';
import { AWS_PROVIDER, KEY_ID, KEY_ID_SHAPE } from './index.js';

export interface Canary {
  /** The service the account belongs to, e.g. "Thinkst Canarytokens (canarytokens.org)". */
  service: string;
  /** Where the account was published as that service's. */
  source: string;
}

/** data/aws/canary-accounts.yml in the package (dist/src/providers/aws/ → data/aws/). */
export const CANARY_ACCOUNTS_FILE = fileURLToPath(new URL('../../../../data/aws/canary-accounts.yml', import.meta.url));

/**
 * The same list as JSON, written by `npm run build` (scripts/build-rules.mjs): loading the YAML parser
 * costs ~50 ms, paid by every pre-commit run that finds a key ID. A missing JSON, or one built from
 * another version of the YAML (compared by content digest), falls back to the YAML, the source.
 */
export const CANARY_ACCOUNTS_JSON = fileURLToPath(new URL('../../../canary-accounts.json', import.meta.url));

let accounts: Map<string, Canary> | undefined;

/**
 * The canary accounts by account ID, read once. The file ships with keyhound, so a malformed one is a
 * bug: it throws, naming the entry. Read only once a key ID decodes to an account.
 */
export function canaryAccounts(): ReadonlyMap<string, Canary> {
  accounts ??= readBuiltCanaryAccounts() ?? parseCanaryAccounts(readFileSync(CANARY_ACCOUNTS_FILE, 'utf8'), CANARY_ACCOUNTS_FILE);
  return accounts;
}

function readBuiltCanaryAccounts(): Map<string, Canary> | undefined {
  try {
    const built = JSON.parse(readFileSync(CANARY_ACCOUNTS_JSON, 'utf8')) as { digest?: string; accounts: [string, Canary][] };
    if (built.digest !== textDigest(readFileSync(CANARY_ACCOUNTS_FILE, 'utf8'))) return undefined;
    return new Map(built.accounts);
  } catch {
    return undefined; // not built yet: the YAML is the source anyway
  }
}

/** Parses the canary-accounts YAML; exported for tests. Throws on any malformed entry. */
export function parseCanaryAccounts(text: string, shown = 'canary-accounts.yml'): Map<string, Canary> {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const doc = parse(text) as { accounts?: unknown } | null;
  const list = doc?.accounts;
  if (!Array.isArray(list)) throw new Error(`${shown}: must have an "accounts:" list`);
  const out = new Map<string, Canary>();
  list.forEach((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `${shown}: accounts[${i}]`;
    if (typeof e.account !== 'string' || !/^\d{12}$/.test(e.account)) throw new Error(`${where}: "account" must be a quoted 12-digit string`);
    if (typeof e.service !== 'string' || e.service.trim() === '') throw new Error(`${where}: "service" is required`);
    if (typeof e.source !== 'string' || !/^https:\/\//.test(e.source)) throw new Error(`${where}: "source" must be an https URL`);
    if (out.has(e.account)) throw new Error(`${where}: account ${e.account} is listed twice`);
    out.set(e.account, { service: e.service, source: e.source });
  });
  return out;
}

/** The canary service whose account issued this key ID, or undefined (also for IDs that encode no account). */
export function canaryOf(keyId: string): Canary | undefined {
  const account = accountIdOf(keyId);
  return account === undefined ? undefined : canaryAccounts().get(account);
}

/**
 * Whether a finding is an AWS access key ID: by its part (any rule of provider aws, part key-id), or
 * for a finding made without one (by a library user, an older baseline) by its key type.
 */
export const isKeyIdFinding = (f: Pick<Finding, 'provider' | 'part' | 'keyType'>): boolean => (f.provider === AWS_PROVIDER && f.part === KEY_ID) || f.keyType !== undefined;

/** Whether a finding's pair is an AWS access key ID (the partner of a secret access key). */
export function pairIsKeyId(f: Pick<Finding, 'provider' | 'pair'>): boolean {
  if (f.pair === undefined) return false;
  // A pair made without a part (by a library user, or an older baseline): by the ID's shape.
  if (f.pair.part === undefined) return KEY_ID_SHAPE.test(f.pair.value);
  return f.pair.part === KEY_ID && (f.provider ?? AWS_PROVIDER) === AWS_PROVIDER;
}

/**
 * The access key ID a finding is about: its own secret for a key-ID finding, its partner's for a
 * secret access key paired with an ID. Needs unredacted findings (redacted IDs decode to nothing).
 */
export function keyIdOfFinding(f: Finding): string | undefined {
  if (isKeyIdFinding(f)) return f.value;
  if (pairIsKeyId(f)) return f.pair!.value;
  return undefined;
}

/** The canary service behind a finding (a key ID, or a secret paired with one), offline. */
export function canaryOfFinding(f: Finding): Canary | undefined {
  const keyId = keyIdOfFinding(f);
  return keyId === undefined ? undefined : canaryOf(keyId);
}

/**
 * Offline canary marking, with or without --verify: every key ID among the findings (their own or a
 * paired secret's) that belongs to a canary service, by key ID. Makes no network request. Call it
 * before redaction; a finding's key ID is then `keyIdOfFinding(f)`.
 */
export function findCanaries(findings: readonly Finding[]): Map<string, Canary> {
  const out = new Map<string, Canary>();
  for (const f of findings) {
    const keyId = keyIdOfFinding(f);
    if (keyId === undefined || out.has(keyId)) continue;
    const canary = canaryOf(keyId);
    if (canary) out.set(keyId, canary);
  }
  return out;
}
