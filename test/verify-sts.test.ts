// --verify against a local STS stand-in that checks every signature: what each STS answer becomes,
// retries, timeouts, one request per credential, none for canaries. Nothing here reaches the internet.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { keyIdForAccount } from '../src/providers/aws/keys.js';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import type { Finding } from '../src/types.js';
import { collectCredentials, verificationsByFingerprint, verifyFindings, type Verification } from '../src/verify/verify.js';
import { Keys } from './helpers/keys.js';
import { pairFindings, startStsServer, tokenFinding, type Identity, type StsStandIn } from './helpers/sts-server.js';

const k = new Keys(5005);
const ACCOUNT = '210987654321';

/** A fresh identity; the key ID encodes ACCOUNT, as a real one would. */
function identity(arn: string, behaviour: Identity['behaviour'] = 'ok', prefix = 'AKIA'): { keyId: string; id: Identity } {
  return {
    keyId: keyIdForAccount(prefix, BigInt(ACCOUNT), k.random),
    id: { secret: k.secret(), arn, account: ACCOUNT, userId: `AIDA${k.keyId('').slice(0, 17)}`, behaviour },
  };
}

const root = identity(`arn:aws:iam::${ACCOUNT}:root`);
root.id.userId = ACCOUNT;
const user = identity(`arn:aws:iam::${ACCOUNT}:user/deploy/ci-bot`);
const role = identity(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/session-1`, 'ok', 'ASIA');
role.id.sessionToken = k.sessionToken();
const federated = identity(`arn:aws:sts::${ACCOUNT}:federated-user/alice`);
const throttledOnce = identity(`arn:aws:iam::${ACCOUNT}:user/throttled`, 'throttle-once');
const throttledAlways = identity(`arn:aws:iam::${ACCOUNT}:user/always-throttled`, 'throttle-always');
const unavailable = identity(`arn:aws:iam::${ACCOUNT}:user/unavailable`, 'unavailable');
const hanging = identity(`arn:aws:iam::${ACCOUNT}:user/hangs`, 'hang');
const expired = identity(`arn:aws:sts::${ACCOUNT}:assumed-role/r/expired`, 'expired-token', 'ASIA');
expired.id.sessionToken = k.sessionToken();
const inactive = identity(`arn:aws:iam::${ACCOUNT}:user/inactive`, 'access-denied');
const all = [root, user, role, federated, throttledOnce, throttledAlways, unavailable, hanging, expired, inactive];

let sts: StsStandIn;
const fast = { retryDelayMs: 5, timeoutMs: 2000 };
const run = async (findings: Finding[], opts = {}): Promise<Map<string, Verification>> => {
  const out = await verifyFindings(findings, { endpoint: sts.url, ...fast, ...opts });
  if (!out.ok) throw new Error(out.message);
  return out.results;
};

const test = suite('verifyFindings against the STS stand-in');

test.before(async () => {
  sts = await startStsServer(new Map(all.map(({ keyId, id }) => [keyId, id])));
});
test.after(() => sts.close());
test.after.each(() => {
  for (const r of sts.requests) assert.equal(r.problems, [], `protocol problems in a request for ${r.keyId}`);
});

test('a root key is live, with its ARN, account and principal type root', async () => {
  const results = await run(pairFindings(root.keyId, root.id.secret));
  assert.equal(results.get(root.keyId), { status: 'live', accountId: ACCOUNT, arn: root.id.arn, principalType: 'root', userId: ACCOUNT });
});

test('an IAM user key is live as iam-user; a federated user as federated-user', async () => {
  const results = await run([...pairFindings(user.keyId, user.id.secret), ...pairFindings(federated.keyId, federated.id.secret, 'b.env')]);
  assert.is(results.get(user.keyId)?.status, 'live');
  assert.is(results.get(user.keyId)?.principalType, 'iam-user');
  assert.is(results.get(user.keyId)?.arn, user.id.arn);
  assert.is(results.get(federated.keyId)?.principalType, 'federated-user');
});

test('a temporary key is sent with the session token found within 10 lines (signed), and is an assumed role', async () => {
  const before = sts.requests.length;
  const findings = [...pairFindings(role.keyId, role.id.secret, 'deploy/creds', 3), tokenFinding(k.sessionToken(), 'deploy/creds', 30), tokenFinding(role.id.sessionToken!, 'deploy/creds', 9)];
  const results = await run(findings);
  assert.is(results.get(role.keyId)?.status, 'live');
  assert.is(results.get(role.keyId)?.principalType, 'assumed-role');
  const sent = sts.requests.slice(before);
  assert.is(sent.length, 1);
  assert.is(sent[0]!.headers['x-amz-security-token'], role.id.sessionToken);
  // The token's finding gets the key's verification too.
  const byFinding = verificationsByFingerprint(findings, results);
  assert.is(byFinding.get(findings[3]!.fingerprint)?.status, 'live');
  assert.is(byFinding.get(findings[2]!.fingerprint), undefined, 'a token 27 lines away is not this key\'s');
});

test('end to end from the detector: a credentials file with an ASIA key, its secret and token', async () => {
  const loaded = loadBuiltinRules();
  if (!loaded.ok) throw new Error('rules');
  const text = `[default]\naws_access_key_id = ${role.keyId}\naws_secret_access_key = ${role.id.secret}\naws_session_token = ${role.id.sessionToken}\n`;
  const findings = detect({ path: '.aws/credentials', text }, loaded.rules);
  assert.ok(findings.some((f) => f.ruleId.startsWith('aws-session-token')), 'the detector found the token');
  const results = await run(findings);
  assert.is(results.get(role.keyId)?.status, 'live');
  const byFinding = verificationsByFingerprint(findings, results);
  for (const f of findings) assert.is(byFinding.get(f.fingerprint)?.arn, role.id.arn, f.ruleId);
});

test('a temporary key with a wrong session token is invalid (InvalidClientTokenId)', async () => {
  const results = await run([...pairFindings(role.keyId, role.id.secret, 'x', 1), tokenFinding(k.sessionToken(), 'x', 3)]);
  assert.is(results.get(role.keyId)?.status, 'invalid');
  assert.match(results.get(role.keyId)!.reason!, /InvalidClientTokenId/);
});

test('a temporary key without a token nearby is unknown, and not sent', async () => {
  const before = sts.requests.length;
  const results = await run([...pairFindings(role.keyId, role.id.secret, 'y', 1), tokenFinding(role.id.sessionToken!, 'y', 12), tokenFinding(role.id.sessionToken!, 'other-file', 2)]);
  assert.is(results.get(role.keyId)?.status, 'unknown');
  assert.match(results.get(role.keyId)!.reason!, /session token/);
  assert.is(sts.requests.length, before);
});

test('an unknown key ID is invalid: InvalidClientTokenId (403)', async () => {
  const stranger = k.keyId();
  const results = await run(pairFindings(stranger, k.secret()));
  assert.is(results.get(stranger)?.status, 'invalid');
  assert.match(results.get(stranger)!.reason!, /InvalidClientTokenId/);
  assert.is(sts.requests.at(-1)!.status, 403);
});

test('a real key ID with the wrong secret is invalid: SignatureDoesNotMatch (403)', async () => {
  const results = await run(pairFindings(user.keyId, k.secret()));
  assert.is(results.get(user.keyId)?.status, 'invalid');
  assert.match(results.get(user.keyId)!.reason!, /SignatureDoesNotMatch/);
  assert.is(sts.requests.at(-1)!.code, 'SignatureDoesNotMatch');
});

test('ExpiredToken and AccessDenied (an inactive key) are invalid', async () => {
  const results = await run([...pairFindings(expired.keyId, expired.id.secret, 'e', 1), tokenFinding(expired.id.sessionToken!, 'e', 3), ...pairFindings(inactive.keyId, inactive.id.secret, 'i')]);
  assert.is(results.get(expired.keyId)?.status, 'invalid');
  assert.match(results.get(expired.keyId)!.reason!, /ExpiredToken/);
  assert.is(results.get(inactive.keyId)?.status, 'invalid');
  assert.match(results.get(inactive.keyId)!.reason!, /AccessDenied/);
});

test('throttling (400 Throttling) is retried with backoff, then succeeds', async () => {
  const results = await run(pairFindings(throttledOnce.keyId, throttledOnce.id.secret));
  assert.is(results.get(throttledOnce.keyId)?.status, 'live');
  assert.is(sts.countFor(throttledOnce.keyId), 2);
});

test('throttling that does not stop, or 503, is unknown after retries (3 tries in all)', async () => {
  const results = await run([...pairFindings(throttledAlways.keyId, throttledAlways.id.secret), ...pairFindings(unavailable.keyId, unavailable.id.secret, 'u')]);
  assert.is(results.get(throttledAlways.keyId)?.status, 'unknown');
  assert.match(results.get(throttledAlways.keyId)!.reason!, /Throttling.*3 tries/);
  assert.is(sts.countFor(throttledAlways.keyId), 3);
  assert.is(results.get(unavailable.keyId)?.status, 'unknown');
  assert.is(sts.countFor(unavailable.keyId), 3);
});

test('a server that never answers: unknown after the timeout, not retried', async () => {
  const started = Date.now();
  const results = await run(pairFindings(hanging.keyId, hanging.id.secret), { timeoutMs: 150 });
  const elapsed = Date.now() - started;
  assert.is(results.get(hanging.keyId)?.status, 'unknown');
  assert.match(results.get(hanging.keyId)!.reason!, /timeout: no answer within 150 ms/);
  assert.ok(elapsed < 1500, `took ${elapsed} ms`);
  assert.is(sts.countFor(hanging.keyId), 1);
});

test('a refused connection is unknown with a network error', async () => {
  const closed = await startStsServer(new Map());
  await closed.close();
  const out = await verifyFindings(pairFindings(user.keyId, user.id.secret), { endpoint: closed.url, timeoutMs: 2000 });
  assert.ok(out.ok);
  if (out.ok) {
    assert.is(out.results.get(user.keyId)?.status, 'unknown');
    assert.match(out.results.get(user.keyId)!.reason!, /network error: .*ECONNREFUSED/);
  }
});

test('each credential is requested once, however many findings and files hold it', async () => {
  const before = sts.countFor(user.keyId);
  const findings = [...pairFindings(user.keyId, user.id.secret, 'a.env'), ...pairFindings(user.keyId, user.id.secret, 'b/c.yml', 40), ...pairFindings(user.keyId, user.id.secret, 'a.env', 20)];
  assert.is(collectCredentials(findings).length, 1);
  const results = await run(findings);
  assert.is(results.get(user.keyId)?.status, 'live');
  assert.is(sts.countFor(user.keyId) - before, 1);
});

test('one key ID found with its secret and with a wrong one: two requests, and live wins', async () => {
  const before = sts.countFor(user.keyId);
  const results = await run([...pairFindings(user.keyId, k.secret(), 'old.env'), ...pairFindings(user.keyId, user.id.secret, 'new.env')]);
  assert.is(sts.countFor(user.keyId) - before, 2);
  assert.is(results.get(user.keyId)?.status, 'live');
});

test('secrets URL-encoded in a query string (%2F, %2B) are decoded before signing', async () => {
  const slashy = identity(`arn:aws:iam::${ACCOUNT}:user/slashy`);
  slashy.id.secret = `${slashy.id.secret.slice(0, 10)}/+${slashy.id.secret.slice(12)}`;
  const server = await startStsServer(new Map([[slashy.keyId, slashy.id]]));
  try {
    const encoded = slashy.id.secret.replace('/', '%2F').replace('+', '%2b');
    const out = await verifyFindings(pairFindings(slashy.keyId, encoded), { endpoint: server.url });
    assert.ok(out.ok && out.results.get(slashy.keyId)?.status === 'live');
  } finally {
    await server.close();
  }
});

test('canary keys make no request at all, with or without a secret', async () => {
  const before = sts.requests.length;
  const canaryId = keyIdForAccount('AKIA', 52310077262n, k.random); // 052310077262, canarytokens.org
  const loneCanary = keyIdForAccount('AKIA', 982842642351n, k.random);
  const results = await run([...pairFindings(canaryId, k.secret()), pairFindings(loneCanary, k.secret())[0]]);
  assert.is(sts.requests.length, before);
  assert.is(results.get(canaryId)?.status, 'canary');
  assert.is(results.get(canaryId)?.accountId, '052310077262');
  assert.match(results.get(canaryId)!.canary!.service, /canarytokens\.org/);
  assert.match(results.get(canaryId)!.canary!.source, /^https:\/\//);
  assert.is(results.get(loneCanary)?.status, 'canary');
});

test('nothing to verify: no request, and the signer is not needed', async () => {
  const before = sts.requests.length;
  const lone = pairFindings(user.keyId, user.id.secret)[0];
  delete lone.pair;
  const results = await run([lone]);
  assert.is(results.size, 0, 'a key ID without a secret has no entry');
  assert.is(sts.requests.length, before);
});

test('redacted findings are unknown and not sent', async () => {
  const before = sts.requests.length;
  const results = await run(pairFindings(user.keyId, `${user.id.secret.slice(0, 4)}********************************${user.id.secret.slice(-4)}`));
  assert.is(results.get(user.keyId)?.status, 'unknown');
  assert.match(results.get(user.keyId)!.reason!, /redacted/);
  assert.is(sts.requests.length, before);
});

test('at most `concurrency` requests in flight', async () => {
  const slow = Array.from({ length: 8 }, (_, i) => identity(`arn:aws:iam::${ACCOUNT}:user/slow-${i}`, 'slow'));
  for (const s of slow) s.id.delayMs = 60;
  const server = await startStsServer(new Map(slow.map(({ keyId, id }) => [keyId, id])));
  try {
    const out = await verifyFindings(slow.flatMap((s, i) => pairFindings(s.keyId, s.id.secret, `f${i}`)), { endpoint: server.url, concurrency: 3 });
    assert.ok(out.ok);
    if (out.ok) assert.ok([...out.results.values()].every((v) => v.status === 'live'));
    assert.is(server.requests.length, 8);
    assert.is(server.maxInFlight(), 3);
  } finally {
    await server.close();
  }
});

test.run();
