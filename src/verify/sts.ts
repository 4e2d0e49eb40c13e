// What an STS GetCallerIdentity answer means: the XML parsed, the outcome classified, the principal
// named from its ARN. Pure functions, no I/O.

export type PrincipalType = 'root' | 'iam-user' | 'assumed-role' | 'federated-user' | 'other';

/** The form body of the call, as the AWS CLI and SDKs send it (Query protocol). */
export const GET_CALLER_IDENTITY_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/** One HTTP exchange, classified. `retry` outcomes are retried with backoff before becoming `unknown`. */
export type StsOutcome =
  | { kind: 'live'; arn: string; accountId: string; userId: string; principalType: PrincipalType }
  | { kind: 'invalid'; code: string; reason: string }
  | { kind: 'retry'; code: string; reason: string }
  | { kind: 'unknown'; code?: string; reason: string };

/**
 * Error codes and what they say about the credential. Anything unlisted is `unknown`: keyhound does not
 * call a key dead on an answer it does not understand.
 *
 * - InvalidClientTokenId: no such access key ID (never existed, deleted), a session token that is not
 *   valid, or a temporary key sent without its token. AWS says "The security token included in the
 *   request is invalid."
 * - SignatureDoesNotMatch: the key ID exists but the secret does not match it (wrong, truncated, or a
 *   different key's secret). The pair found is not usable; the ID alone still points at a real key.
 *   Exception: "Signature expired"/"not yet current" messages mean the local clock is off: unknown.
 * - ExpiredToken: temporary credentials that were real but have expired.
 * - AccessDenied: GetCallerIdentity needs no permission and cannot be denied by a policy (STS API
 *   reference), so a denial means AWS refused the key itself: the IAM guide says requests with an
 *   inactive (deactivated) key "fail with the error access denied". Not usable as found, but the key
 *   still exists and can be reactivated: delete it.
 * - InvalidAccessKeyId: the S3-style spelling of InvalidClientTokenId, from STS-compatible endpoints.
 */
const INVALID: Record<string, string> = {
  InvalidClientTokenId: 'AWS does not recognise the key ID (deleted, never existed) or its session token',
  InvalidAccessKeyId: 'AWS does not recognise the key ID',
  SignatureDoesNotMatch: 'the key ID exists, but the secret found with it does not match',
  ExpiredToken: 'the temporary credentials have expired',
  AccessDenied: 'AWS refused the key (an inactive access key); it still exists and can be reactivated: delete it',
};

/** Throttling and transient server faults: retried with backoff, then `unknown`. */
const RETRY_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalError',
  'InternalServerError',
]);

/** The text of the first <name>…</name> element, XML entities decoded. */
function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? decodeXml(m[1]!.trim()) : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (_, dec?: string, hex?: string, name?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

/** root for `arn:<partition>:iam::<account>:root`, else what the resource part says. */
export function principalTypeOf(arn: string): PrincipalType {
  const m = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:(.+)$/.exec(arn);
  if (!m) return 'other';
  const [, service, resource] = m as unknown as [string, string, string];
  if (service === 'iam' && resource === 'root') return 'root';
  if (service === 'iam' && resource.startsWith('user/')) return 'iam-user';
  if (service === 'sts' && resource.startsWith('assumed-role/')) return 'assumed-role';
  if (service === 'sts' && resource.startsWith('federated-user/')) return 'federated-user';
  return 'other';
}

/** Classifies one STS answer by HTTP status and body. */
export function classifyResponse(status: number, body: string): StsOutcome {
  if (status === 200) {
    const arn = element(body, 'Arn');
    const accountId = element(body, 'Account');
    const userId = element(body, 'UserId');
    if (body.includes('GetCallerIdentityResult') && arn && accountId && userId !== undefined) {
      return { kind: 'live', arn, accountId, userId, principalType: principalTypeOf(arn) };
    }
    return { kind: 'unknown', reason: 'STS answered 200 without a GetCallerIdentity result (not an STS endpoint?)' };
  }
  const code = element(body, 'Code');
  const message = element(body, 'Message') ?? '';
  if (code === 'SignatureDoesNotMatch' && /signature expired|not yet current/i.test(message)) {
    return { kind: 'unknown', code, reason: "the local clock is off by more than AWS allows (15 minutes): fix it and verify again" };
  }
  if (code === 'RequestExpired') return { kind: 'unknown', code, reason: 'the local clock is off by more than AWS allows: fix it and verify again' };
  if (code !== undefined && INVALID[code] !== undefined) return { kind: 'invalid', code, reason: `${code}: ${INVALID[code]}` };
  if ((code !== undefined && RETRY_CODES.has(code)) || status === 429 || status >= 500) {
    return { kind: 'retry', code: code ?? `HTTP ${status}`, reason: `STS is throttling or unavailable (${code ?? `HTTP ${status}`})` };
  }
  if (code !== undefined) return { kind: 'unknown', code, reason: `STS error ${code} (HTTP ${status})` };
  return { kind: 'unknown', reason: `unexpected HTTP ${status} from the endpoint (not an STS answer)` };
}
