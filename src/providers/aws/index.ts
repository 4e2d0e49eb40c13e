// The AWS provider: access key IDs, secret access keys and session tokens. Only the cheap parts live
// here (labels, names for pairing, key types, redaction shape), because the staged pre-commit path
// loads them; enrichment (enrich.ts: canary accounts, canary.ts, and STS verification, src/verify) is
// imported only when a scan found AWS keys.
import type { Provider } from '../types.js';
import { accountIdOf, keyTypeOf } from './keys.js';

// A name, then only separators (quotes, `=`, `:`, `</Name><Value>`) up to the value. Each regex starts
// with its literal (fast to search for); the rest of the identifier before it (`aws_`, `AWS_`) is
// taken in afterwards by nameStartOf, so the name starts where it does.
// An ID's name says key or access (aws_access_key_id, AccessKeyId, aws_key, ACCESS_KEY); `legacyId` does not.
const ID_NAME = /(?:access|key)[\w.\-]{0,30}(?:[^A-Za-z0-9]|value|name){1,40}$/i;
const SECRET_NAME = /(?:secret|private)[\w.\-]{0,30}(?:[^A-Za-z0-9]|value|name){1,40}$/i;

/** The shape of an access key ID: public enough (the console shows it) to keep its prefix and tail. */
export const KEY_ID_SHAPE = /^(?:AKIA|ASIA|ABIA|ACCA|A3T)[A-Z0-9]{16}$/;

export const AWS_PROVIDER = 'aws';
export const KEY_ID = 'key-id';
export const SECRET_KEY = 'secret-key';
export const SESSION_TOKEN = 'session-token';

export const aws: Provider = {
  id: AWS_PROVIDER,
  parts: {
    [KEY_ID]: { label: 'access key ID', name: ID_NAME },
    [SECRET_KEY]: { label: 'secret access key', name: SECRET_NAME },
    [SESSION_TOKEN]: { label: 'session token' },
  },
  // Fingerprints hashed the bare part ("the rule kind") before providers: kept, so baselines still match.
  identityOf: (part) => part,
  factsOf(part, value) {
    return part === KEY_ID ? { keyType: keyTypeOf(value), accountId: accountIdOf(value) } : undefined;
  },
  loadEnricher: async () => (await import('./enrich.js')).enrichAwsFindings,
  credentialSources: 'an AWS profile outside the repository (~/.aws/credentials), or an IAM role',
  redactionKeep: (value) => (KEY_ID_SHAPE.test(value) ? 4 : undefined),
};
