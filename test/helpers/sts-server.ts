// A local stand-in for AWS STS, on 127.0.0.1 with a port of the OS's choosing, for the --verify tests.
// It checks every request's Signature Version 4 itself (its own canonical request and HMAC chain with
// node:crypto, not the signer keyhound uses), so a request signed wrongly, or with the wrong secret,
// fails here as it would at AWS. It answers with STS's XML, and counts requests per access key ID.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Finding } from '../../src/types.js';

export type Behaviour =
  | 'ok' // 200 with the identity
  | 'throttle-once' // 400 Throttling, then 200
  | 'throttle-always' // 400 Throttling every time
  | 'unavailable' // 503 ServiceUnavailable every time
  | 'hang' // never answers
  | 'expired-token' // 403 ExpiredToken
  | 'access-denied' // 403 AccessDenied
  | 'slow'; // 200 after `delayMs`

export interface Identity {
  secret: string;
  /** Required (as X-Amz-Security-Token, signed) when set; refused when sent for a key without one. */
  sessionToken?: string;
  arn: string;
  account: string;
  userId: string;
  behaviour?: Behaviour;
  delayMs?: number;
}

export interface Recorded {
  keyId: string | undefined;
  status: number | 'no answer';
  code?: string;
  headers: IncomingMessage['headers'];
  /** Whatever the request got wrong about the protocol (not about the key): the tests expect none. */
  problems: string[];
}

export interface StsStandIn {
  url: string;
  port: number;
  requests: Recorded[];
  countFor(keyId: string): number;
  /** Most requests seen in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const sha256hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

export function successXml(id: Pick<Identity, 'arn' | 'account' | 'userId'>): string {
  return (
    `<GetCallerIdentityResponse xmlns="${XMLNS}">\n  <GetCallerIdentityResult>\n    <Arn>${id.arn}</Arn>\n` +
    `    <UserId>${id.userId}</UserId>\n    <Account>${id.account}</Account>\n  </GetCallerIdentityResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`
  );
}

export function errorXml(code: string, message: string, type = 'Sender'): string {
  return (
    `<ErrorResponse xmlns="${XMLNS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n` +
    `    <Message>${message}</Message>\n  </Error>\n  <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n</ErrorResponse>\n`
  );
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Checks one request's SigV4 signature with `secret`; returns the problem, or undefined if it is right. */
export function checkSignature(req: IncomingMessage, body: string, secret: string, region = 'us-east-1'): string | undefined {
  const m = AUTH.exec(req.headers.authorization ?? '');
  if (!m) return 'no AWS4-HMAC-SHA256 Authorization header';
  const [, , date, scopeRegion, service, signedHeaderList, signature] = m as unknown as string[];
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== date) return 'X-Amz-Date missing or not the credential scope date';
  if (scopeRegion !== region || service !== 'sts') return `credential scope ${scopeRegion}/${service}, expected ${region}/sts`;
  const signed = signedHeaderList!.split(';');
  for (const required of ['host', 'x-amz-date', ...(req.headers['x-amz-security-token'] ? ['x-amz-security-token'] : [])]) {
    if (!signed.includes(required)) return `${required} is not signed`;
  }
  const payloadHash = sha256hex(body);
  const claimed = req.headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== payloadHash) return 'X-Amz-Content-Sha256 does not match the body';
  const canonicalHeaders = signed.map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [req.method, new URL(req.url ?? '/', 'http://x').pathname, '', canonicalHeaders, signedHeaderList, payloadHash].join('\n');
  const scope = `${date}/${region}/sts/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region), 'sts'), 'aws4_request');
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(signature!, 'hex')) ? undefined : 'signature mismatch';
}

export async function startStsServer(identities: ReadonlyMap<string, Identity>): Promise<StsStandIn> {
  const requests: Recorded[] = [];
  const seen = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const leave = (): void => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('finish', leave); // handed to the OS: before the client can see it and send its next request
    res.on('close', leave);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res));
  });

  function answer(res: ServerResponse, rec: Recorded, status: number, xml: string, code?: string): void {
    rec.status = status;
    if (code) rec.code = code;
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': '01234567-89ab-cdef-0123-456789abcdef' });
    res.end(xml);
  }

  function handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const keyId = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
    const rec: Recorded = { keyId, status: 'no answer', headers: req.headers, problems: [] };
    requests.push(rec);
    if (req.method !== 'POST') rec.problems.push(`method ${req.method}`);
    if (body !== BODY) rec.problems.push(`body ${JSON.stringify(body)}`);
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) rec.problems.push('content-type');
    if (keyId === undefined) {
      rec.problems.push('no credential');
      answer(res, rec, 403, errorXml('MissingAuthenticationToken', 'Request is missing Authentication Token'), 'MissingAuthenticationToken');
      return;
    }
    const identity = identities.get(keyId);
    if (identity === undefined) {
      answer(res, rec, 403, errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.'), 'InvalidClientTokenId');
      return;
    }
    const problem = checkSignature(req, body, identity.secret);
    if (problem !== undefined) {
      if (problem !== 'signature mismatch') rec.problems.push(problem);
      answer(
        res,
        rec,
        403,
        errorXml('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'),
        'SignatureDoesNotMatch',
      );
      return;
    }
    const token = req.headers['x-amz-security-token'];
    if ((identity.sessionToken ?? '') !== (token ?? '')) {
      answer(res, rec, 403, errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.'), 'InvalidClientTokenId');
      return;
    }
    const n = (seen.get(keyId) ?? 0) + 1;
    seen.set(keyId, n);
    switch (identity.behaviour ?? 'ok') {
      case 'hang':
        return; // keep the connection open and say nothing
      case 'throttle-once':
        if (n === 1) return answer(res, rec, 400, errorXml('Throttling', 'Rate exceeded'), 'Throttling');
        break;
      case 'throttle-always':
        return answer(res, rec, 400, errorXml('Throttling', 'Rate exceeded'), 'Throttling');
      case 'unavailable':
        return answer(res, rec, 503, errorXml('ServiceUnavailable', 'Service is unavailable', 'Receiver'), 'ServiceUnavailable');
      case 'expired-token':
        return answer(res, rec, 403, errorXml('ExpiredToken', 'The security token included in the request is expired'), 'ExpiredToken');
      case 'access-denied':
        return answer(res, rec, 403, errorXml('AccessDenied', 'Access denied'), 'AccessDenied');
      case 'slow':
        setTimeout(() => answer(res, rec, 200, successXml(identity)), identity.delayMs ?? 50);
        return;
      default:
        break;
    }
    answer(res, rec, 200, successXml(identity));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    countFor: (keyId) => requests.filter((r) => r.keyId === keyId).length,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- findings for the verification tests -------------------------------------------------------
// Built by hand (each half of a pair points at the other, as the detector leaves them); keys come from
// test/helpers/keys.ts at run time.

let serial = 0;

/** The part a built-in rule finds, as the detector sets it on findings (provider aws). */
export const awsPartOf = (ruleId: string): string => (ruleId.includes('key-id') ? 'key-id' : ruleId.includes('session-token') ? 'session-token' : 'secret-key');

export function finding(ruleId: string, secret: string, path: string, line: number, extra: Partial<Finding> = {}): Finding {
  serial++;
  return {
    ruleId,
    title: ruleId,
    severity: 'high',
    value: secret,
    provider: 'aws',
    part: awsPartOf(ruleId),
    fingerprint: `${ruleId}:${path}:${line}:${serial}`,
    lineText: secret,
    remediation: '',
    path,
    line,
    column: 1,
    endLine: line,
    endColumn: secret.length + 1,
    ...extra,
  };
}

/** A key ID on `line` and its secret on the next line, each finding pointing at the other. */
export function pairFindings(keyId: string, secret: string, path = 'config/.env', line = 1): [Finding, Finding] {
  const idRule = keyId.startsWith('ASIA') ? 'aws-temporary-access-key-id' : 'aws-access-key-id';
  const id = finding(idRule, keyId, path, line, { keyType: keyId.startsWith('ASIA') ? 'temporary' : 'long-term', severity: 'critical' });
  const sec = finding('aws-secret-access-key', secret, path, line + 1, { severity: 'critical' });
  id.pair = { ruleId: sec.ruleId, value: secret, part: 'secret-key', path, line: sec.line, column: 1, endLine: sec.line, endColumn: 41 };
  sec.pair = { ruleId: idRule, value: keyId, part: 'key-id', path, line: id.line, column: 1, endLine: id.line, endColumn: 21 };
  return [id, sec];
}

export const tokenFinding = (token: string, path: string, line: number): Finding => finding('aws-session-token', token, path, line);
