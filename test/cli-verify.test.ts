// Issue 5, end to end through the CLI: --verify against a local STS stand-in on 127.0.0.1 that checks
// every signature. A root key becomes `root` with the root remediation, an invalid pair `low`, a
// canary is never sent, and without --verify no request is made at all.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { keyIdForAccount } from '../src/providers/aws/keys.js';
import { ROOT_REMEDIATION } from '../src/verify/root.js';
import { Keys } from './helpers/keys.js';
import { runCli } from './helpers/cli.js';
import { startStsServer, type Identity } from './helpers/sts-server.js';
import { makeTree, removeTree } from './helpers/tmp.js';

interface Report {
  findings: { ruleId: string; path: string; severity: string; remediation: string; canary?: { service: string }; verification?: { status: string; arn?: string; principalType?: string } }[];
}

const k = new Keys(500);
const root = { id: keyIdForAccount('AKIA', 111122223333n, k.random), secret: k.secret() };
const user = { id: keyIdForAccount('AKIA', 444455556666n, k.random), secret: k.secret() };
const wrong = { id: keyIdForAccount('AKIA', 777788889999n, k.random), secret: k.secret() };
const canary = { id: keyIdForAccount('AKIA', 992382622183n, k.random), secret: k.secret() }; // canarytokens.org

const identities = new Map<string, Identity>([
  [root.id, { secret: root.secret, arn: 'arn:aws:iam::111122223333:root', account: '111122223333', userId: '111122223333' }],
  [user.id, { secret: user.secret, arn: 'arn:aws:iam::444455556666:user/deploy', account: '444455556666', userId: 'AIDAEXAMPLEUSERID' }],
  // The stand-in knows this key with another secret: the signature will not match.
  [wrong.id, { secret: k.secret(), arn: 'arn:aws:iam::777788889999:user/x', account: '777788889999', userId: 'AIDAX' }],
]);

const credentials = (c: { id: string; secret: string }): string => `[default]\naws_access_key_id = ${c.id}\naws_secret_access_key = ${c.secret}\n`;

const verify = suite('--verify');

verify('root key → severity root with the root remediation; IAM user → critical; wrong secret → invalid; canary never sent', async () => {
  const sts = await startStsServer(identities);
  const dir = makeTree({ 'root.ini': credentials(root), 'user.ini': credentials(user), 'wrong.ini': credentials(wrong), 'canary.ini': credentials(canary) });
  try {
    const r = await runCli(['scan', dir, '--format', 'json', '--verify', '--verify-endpoint', sts.url]);
    assert.is(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    const byPath = (p: string) => report.findings.filter((f) => f.path === p);
    for (const f of byPath('root.ini')) {
      assert.is(f.severity, 'root');
      assert.is(f.verification?.principalType, 'root');
      assert.is(f.remediation, ROOT_REMEDIATION);
    }
    assert.equal(byPath('user.ini').map((f) => [f.severity, f.verification?.status, f.verification?.arn]), [
      ['critical', 'live', 'arn:aws:iam::444455556666:user/deploy'],
      ['critical', 'live', 'arn:aws:iam::444455556666:user/deploy'],
    ]);
    assert.equal(byPath('wrong.ini').map((f) => [f.severity, f.verification?.status]), [['low', 'invalid'], ['low', 'invalid']]);
    assert.ok(byPath('canary.ini').every((f) => /canarytokens/.test(f.canary?.service ?? '')));
    assert.is(sts.countFor(canary.id), 0, 'a canary key was sent to STS');
    assert.is(sts.countFor(root.id), 1, 'each pair is verified once');
    assert.equal(sts.requests.flatMap((q) => q.problems), []);
    const text = await runCli(['scan', dir, '--verify', '--verify-endpoint', sts.url]);
    assert.match(text.stdout, /verified LIVE: ROOT USER KEY arn:aws:iam::111122223333:root/);
    assert.match(text.stdout, /DECOY/);
  } finally {
    await sts.close();
    removeTree(dir);
  }
});

verify('without --verify no request reaches the server, and canaries are still marked offline', async () => {
  const sts = await startStsServer(identities);
  const dir = makeTree({ 'root.ini': credentials(root), 'canary.ini': credentials(canary) });
  try {
    const report = JSON.parse((await runCli(['scan', dir, '--format', 'json'])).stdout) as Report;
    assert.is(sts.requests.length, 0);
    assert.ok(report.findings.every((f) => f.verification === undefined));
    assert.ok(report.findings.filter((f) => f.path === 'canary.ini').every((f) => f.canary !== undefined));
    assert.ok(report.findings.filter((f) => f.path === 'root.ini').every((f) => f.severity === 'critical'));
  } finally {
    await sts.close();
    removeTree(dir);
  }
});

verify('a canary key is reported as a decoy first, and low, not critical, in every format (no --verify)', async () => {
  const dir = makeTree({ 'canary.ini': credentials(canary) });
  try {
    const json = JSON.parse((await runCli(['scan', dir, '--format', 'json'])).stdout) as Report;
    assert.equal(json.findings.map((f) => f.severity), ['low', 'low']);
    const out = (await runCli(['scan', dir])).stdout;
    assert.not.match(out, /critical/);
    assert.not.match(out, /a usable credential/);
    const heads = out.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));
    assert.is(heads.length, 2, out);
    for (const head of heads) assert.match(head, /^ {2}\d+:\d+ +low +DECOY \(canary token\): AWS /, head);
    // The line after the source line says what a decoy is, before anything else.
    const facts = out.split('\n').filter((l) => l.includes(' · fingerprint '));
    for (const f of facts) assert.match(f, /^ +canary token of .*canarytokens.*: planted to detect leaks; using it alerts whoever planted it/, f);
    const gh = (await runCli(['scan', dir, '--format', 'github'])).stdout;
    assert.match(gh, /^::notice .*::Canary token \(decoy\)/m);
  } finally {
    removeTree(dir);
  }
});

verify('a remote --verify-endpoint is refused without the second flag; the flags need --verify', async () => {
  const dir = makeTree({ 'a.ini': credentials(user) });
  try {
    const remote = await runCli(['scan', dir, '--verify', '--verify-endpoint', 'https://sts.example.test/']);
    assert.is(remote.code, 2);
    assert.match(remote.stderr, /^keyhound: .*verify-allow-remote-endpoint/);
    const alone = await runCli(['scan', dir, '--verify-endpoint', 'http://127.0.0.1:1/']);
    assert.is(alone.code, 2);
    assert.match(alone.stderr, /only apply with --verify/);
  } finally {
    removeTree(dir);
  }
});

verify.run();
