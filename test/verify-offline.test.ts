// The parts of --verify that need no STS: endpoint safety, answer classification, severity and root
// remediation, proxies (with local stand-ins) and, above all, that a plain scan never touches the
// network nor loads the signer.
import { spawnSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scan } from '../src/run.js';
import { findCanaries } from '../src/providers/aws/canary.js';
import { checkEndpoint, regionOf } from '../src/verify/endpoint.js';
import { proxyFor } from '../src/verify/http.js';
import { ROOT_REMEDIATION, remediationFor, severityFor } from '../src/verify/root.js';
import { classifyResponse, principalTypeOf } from '../src/verify/sts.js';
import { verifyFindings, type Verification } from '../src/verify/verify.js';
import { keyIdForAccount } from '../src/providers/aws/keys.js';
import { Keys } from './helpers/keys.js';
import { errorXml, pairFindings, startStsServer, successXml } from './helpers/sts-server.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const k = new Keys(777);

// --- endpoint safety --------------------------------------------------------------------------

const endpoint = suite('--verify-endpoint safety');

endpoint('loopback endpoints are allowed: localhost, 127.0.0.0/8, ::1, IPv4-mapped, numeric forms', () => {
  for (const url of ['http://localhost:4566/', 'http://LOCALHOST/', 'https://127.0.0.1/', 'http://127.8.9.10:1234/sts', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://0x7f.1/']) {
    assert.ok(checkEndpoint(url).ok, url);
  }
});

endpoint('the default and AWS STS endpoints need no flag', () => {
  assert.equal(checkEndpoint(undefined), { ok: true, url: new URL('https://sts.amazonaws.com/') });
  for (const url of ['https://sts.amazonaws.com/', 'https://sts.eu-west-1.amazonaws.com/', 'https://sts-fips.us-east-1.amazonaws.com/', 'https://sts.cn-north-1.amazonaws.com.cn/', 'https://sts.us-gov-west-1.amazonaws.com/', 'https://sts.us-east-1.api.aws/']) {
    assert.ok(checkEndpoint(url).ok, url);
  }
  assert.is(regionOf(new URL('https://sts.eu-west-1.amazonaws.com/')), 'eu-west-1');
  assert.is(regionOf(new URL('https://sts.amazonaws.com/')), 'us-east-1');
  assert.is(regionOf(new URL('http://127.0.0.1:9/')), 'us-east-1');
});

endpoint('anything else is refused without --verify-allow-remote-endpoint, with a message naming the flag', () => {
  for (const url of ['https://sts.example.com/', 'http://sts.amazonaws.com/', 'https://sts.amazonaws.com.evil.test/', 'http://10.0.0.1/', 'http://128.0.0.1/', 'http://[::2]/', 'http://localhost.evil.test/', 'https://evilsts.amazonaws.com/']) {
    const check = checkEndpoint(url);
    assert.not.ok(check.ok, url);
    if (!check.ok) assert.match(check.message, /--verify-allow-remote-endpoint/);
  }
  assert.ok(checkEndpoint('https://sts.example.com/', true).ok);
});

endpoint('never: other schemes, credentials in the URL, query strings, non-URLs (even with the flag)', () => {
  for (const url of ['ftp://127.0.0.1/', 'file:///etc/passwd', 'http://user:pw@127.0.0.1/', 'http://127.0.0.1/?Action=x', 'not a url']) {
    assert.not.ok(checkEndpoint(url, true).ok, url);
  }
});

endpoint('verifyFindings refuses a remote endpoint before doing anything', async () => {
  const out = await verifyFindings(pairFindings(k.keyId(), k.secret()), { endpoint: 'https://sts.example.com/' });
  assert.is(out.ok, false);
  if (!out.ok) assert.match(out.message, /not a loopback address/);
});

endpoint.run();

// --- STS answers ------------------------------------------------------------------------------

const answers = suite('STS answers: status by HTTP status and error code');

answers('200 with a result is live; the ARN says whose key it is', () => {
  const live = classifyResponse(200, successXml({ arn: 'arn:aws:iam::123456789012:root', account: '123456789012', userId: '123456789012' }));
  assert.equal(live, { kind: 'live', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', userId: '123456789012', principalType: 'root' });
  assert.is(classifyResponse(200, '<html>hello</html>').kind, 'unknown');
});

answers('principal types from ARNs, in every partition', () => {
  const cases: Array<[string, string]> = [
    ['arn:aws:iam::123456789012:root', 'root'],
    ['arn:aws-cn:iam::123456789012:root', 'root'],
    ['arn:aws-us-gov:iam::123456789012:root', 'root'],
    ['arn:aws:iam::123456789012:user/x', 'iam-user'],
    ['arn:aws:iam::123456789012:user/path/to/x', 'iam-user'],
    ['arn:aws:sts::123456789012:assumed-role/Role/session', 'assumed-role'],
    ['arn:aws:sts::123456789012:federated-user/bob', 'federated-user'],
    ['arn:aws:iam::123456789012:role/x', 'other'],
    ['arn:aws:iam::123456789012:user/root', 'iam-user'],
    ['arn:aws:sts::123456789012:root', 'other'],
    ['garbage', 'other'],
  ];
  for (const [arn, type] of cases) assert.is(principalTypeOf(arn), type, arn);
});

answers('error codes: invalid, retried, or unknown', () => {
  const cases: Array<[number, string, string, string]> = [
    [403, 'InvalidClientTokenId', 'The security token included in the request is invalid.', 'invalid'],
    [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 'invalid'],
    [403, 'SignatureDoesNotMatch', 'Signature expired: 20200101T000000Z is now earlier than 20200101T001500Z', 'unknown'],
    [400, 'RequestExpired', 'Request has expired.', 'unknown'],
    [403, 'ExpiredToken', 'The security token included in the request is expired', 'invalid'],
    [403, 'AccessDenied', 'Access denied', 'invalid'],
    [400, 'Throttling', 'Rate exceeded', 'retry'],
    [503, 'ServiceUnavailable', 'Service is unavailable', 'retry'],
    [500, 'InternalFailure', 'oops', 'retry'],
    [400, 'OptInRequired', 'region', 'unknown'],
    [400, 'SomethingNew', 'never seen', 'unknown'],
  ];
  for (const [status, code, message, kind] of cases) assert.is(classifyResponse(status, errorXml(code, message)).kind, kind, `${status} ${code} ${message}`);
  assert.is(classifyResponse(429, '').kind, 'retry');
  assert.is(classifyResponse(502, '<html>Bad gateway</html>').kind, 'retry');
  assert.is(classifyResponse(404, '<html>Not found</html>').kind, 'unknown');
});

answers.run();

// --- severity and remediation -----------------------------------------------------------------

const severity = suite('severityFor and ROOT_REMEDIATION');

severity('a live root key ranks above critical; other live keys are critical; canaries and invalid keys low', () => {
  const v = (status: Verification['status'], principalType?: Verification['principalType']): Verification => ({ status, ...(principalType ? { principalType } : {}) });
  assert.is(severityFor(v('live', 'root')), 'root');
  assert.is(severityFor(v('live', 'iam-user'), 'medium'), 'critical');
  assert.is(severityFor(v('live', 'assumed-role'), 'high'), 'critical');
  assert.is(severityFor(v('canary'), 'critical'), 'low');
  assert.is(severityFor(v('invalid'), 'critical'), 'low');
  assert.is(severityFor(v('unknown'), 'high'), 'high');
  assert.is(severityFor(undefined, 'medium'), 'medium');
});

severity("the root remediation follows AWS's root user best practices", () => {
  for (const point of [/delete this key/i, /MFA/, /IAM role|IAM Identity Center/, /CloudTrail/, /no access keys/]) assert.match(ROOT_REMEDIATION, point);
  assert.is(remediationFor({ status: 'live', principalType: 'root' }, 'rotate'), ROOT_REMEDIATION);
  assert.is(remediationFor({ status: 'live', principalType: 'iam-user' }, 'rotate'), 'rotate');
});

severity.run();

// --- proxies ----------------------------------------------------------------------------------

const proxies = suite('proxies from the environment');

proxies('which proxy a URL uses', () => {
  const https = new URL('https://sts.amazonaws.com/');
  const http = new URL('http://sts.example.test/');
  assert.is(proxyFor(https, {})?.href, undefined);
  assert.is(proxyFor(https, { HTTPS_PROXY: 'http://proxy:3128' })?.href, 'http://proxy:3128/');
  assert.is(proxyFor(https, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' })?.host, 'lower:1');
  assert.is(proxyFor(https, { HTTP_PROXY: 'http://only-http:8080' })?.host, 'only-http:8080', 'https falls back to http_proxy, as undici does');
  assert.is(proxyFor(http, { HTTPS_PROXY: 'http://p:1' }), undefined, 'http does not use https_proxy');
  assert.is(proxyFor(http, { http_proxy: 'proxy.corp:8080' })?.href, 'http://proxy.corp:8080/', 'no scheme means http://');
  assert.is(proxyFor(https, { HTTPS_PROXY: '  ' }), undefined);
  for (const noProxy of ['*', 'amazonaws.com', '.amazonaws.com', 'sts.amazonaws.com', 'example.org, amazonaws.com', 'sts.amazonaws.com:443', '*.amazonaws.com']) {
    assert.is(proxyFor(https, { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy }), undefined, noProxy);
  }
  for (const noProxy of ['example.org', 'sts.amazonaws.com:8443', 'zonaws.com']) {
    assert.ok(proxyFor(https, { HTTPS_PROXY: 'http://p:1', no_proxy: noProxy }), noProxy);
  }
  assert.is(proxyFor(new URL('http://127.0.0.1:9/'), { HTTP_PROXY: 'http://p:1' }), undefined, 'loopback never goes through a proxy');
  assert.is(proxyFor(new URL('http://[::1]:9/'), { HTTP_PROXY: 'http://p:1' }), undefined);
});

interface TestProxy {
  url: string;
  seen: Array<{ method: string; target: string; auth?: string }>;
  close(): Promise<void>;
}

/** A forward proxy on 127.0.0.1: absolute-form requests go to `forwardPort`; CONNECT gets `connectStatus`. */
async function startProxy(forwardPort: number, connectStatus: number): Promise<TestProxy> {
  const seen: TestProxy['seen'] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method!, target: req.url!, ...(req.headers['proxy-authorization'] ? { auth: req.headers['proxy-authorization'] } : {}) });
    const { pathname } = new URL(req.url!);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host: '127.0.0.1', port: forwardPort, method: req.method, path: pathname, headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  const tunnels = new Set<Socket>();
  server.on('connect', (req, socket: Socket) => {
    tunnels.add(socket);
    seen.push({ method: 'CONNECT', target: req.url!, ...(req.headers['proxy-authorization'] ? { auth: req.headers['proxy-authorization'] } : {}) });
    // 200 then hang up: the TLS handshake inside the tunnel fails, as it would with no STS behind it.
    socket.end(`HTTP/1.1 ${connectStatus} ${connectStatus === 200 ? 'Connection Established' : 'Proxy Authentication Required'}\r\n\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy(); // upgraded: no longer the HTTP server's to close
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

proxies('an http endpoint goes through HTTP_PROXY (absolute-form), signed for its own host', async () => {
  const keyId = k.keyId();
  const secret = k.secret();
  const sts = await startStsServer(new Map([[keyId, { secret, arn: 'arn:aws:iam::123456789012:user/via-proxy', account: '123456789012', userId: 'AIDAEXAMPLEUSERID' }]]));
  const proxy = await startProxy(sts.port, 200);
  try {
    const out = await verifyFindings(pairFindings(keyId, secret), { endpoint: 'http://sts.example.test/', allowRemoteEndpoint: true, env: { HTTP_PROXY: proxy.url }, timeoutMs: 2000 });
    assert.ok(out.ok);
    if (out.ok) assert.is(out.results.get(keyId)?.arn, 'arn:aws:iam::123456789012:user/via-proxy');
    assert.equal(proxy.seen, [{ method: 'POST', target: 'http://sts.example.test/' }]);
    assert.is(sts.requests[0]!.headers.host, 'sts.example.test');
  } finally {
    await proxy.close();
    await sts.close();
  }
});

proxies('an https endpoint is tunnelled through HTTPS_PROXY with CONNECT (and proxy credentials)', async () => {
  const proxy = await startProxy(9, 200);
  try {
    const keyId = k.keyId();
    const authed = new URL(proxy.url);
    authed.username = 'user';
    authed.password = 'p%40ss';
    const out = await verifyFindings(pairFindings(keyId, k.secret()), { endpoint: 'https://sts.example.test/', allowRemoteEndpoint: true, env: { https_proxy: authed.href }, timeoutMs: 2000 });
    assert.ok(out.ok);
    assert.equal(proxy.seen, [{ method: 'CONNECT', target: 'sts.example.test:443', auth: `Basic ${Buffer.from('user:p@ss').toString('base64')}` }]);
    if (out.ok) {
      assert.is(out.results.get(keyId)?.status, 'unknown');
      assert.match(out.results.get(keyId)!.reason!, /network error/);
    }
  } finally {
    await proxy.close();
  }
});

proxies('a proxy that refuses the tunnel: unknown, saying so', async () => {
  const proxy = await startProxy(9, 407);
  try {
    const keyId = k.keyId();
    const out = await verifyFindings(pairFindings(keyId, k.secret()), { endpoint: 'https://sts.example.test/', allowRemoteEndpoint: true, env: { HTTPS_PROXY: proxy.url }, timeoutMs: 2000 });
    assert.ok(out.ok && out.results.get(keyId)?.status === 'unknown');
    if (out.ok) assert.match(out.results.get(keyId)!.reason!, /refused the tunnel to sts\.example\.test: HTTP 407/);
  } finally {
    await proxy.close();
  }
});

proxies('a loopback endpoint ignores HTTP_PROXY', async () => {
  const keyId = k.keyId();
  const secret = k.secret();
  const sts = await startStsServer(new Map([[keyId, { secret, arn: 'arn:aws:iam::123456789012:user/direct', account: '123456789012', userId: 'AIDAEXAMPLEUSERID' }]]));
  try {
    const out = await verifyFindings(pairFindings(keyId, secret), { endpoint: sts.url, env: { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' } });
    assert.ok(out.ok && out.results.get(keyId)?.status === 'live');
  } finally {
    await sts.close();
  }
});

proxies.run();

// --- a plain scan stays offline ---------------------------------------------------------------

const quiet = suite('without verifyFindings, no network');

/** Counts TCP/TLS connections opened while `fn` runs (every Node client, fetch included, goes through Socket#connect). */
async function connectionsDuring(fn: () => Promise<void>): Promise<number> {
  const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const original = proto.connect;
  let count = 0;
  proto.connect = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.connect = original;
  }
  return count;
}

function keyTree(): { dir: string; canaryId: string } {
  const canaryId = keyIdForAccount('AKIA', 52310077262n, k.random);
  const dir = makeTree({
    '.env': `AWS_ACCESS_KEY_ID=${k.keyId()}\nAWS_SECRET_ACCESS_KEY=${k.secret()}\n`,
    'canary/credentials': `[default]\naws_access_key_id = ${canaryId}\naws_secret_access_key = ${k.secret()}\n`,
    'tmp/creds': `aws_access_key_id = ${k.keyId('ASIA')}\naws_secret_access_key = ${k.secret()}\naws_session_token = ${k.sessionToken()}\n`,
  });
  return { dir, canaryId };
}

quiet('scan() of a folder full of keys, and offline canary marking, open no socket', async () => {
  const { dir, canaryId } = keyTree();
  try {
    let findings = 0;
    let canaries: string[] = [];
    const opened = await connectionsDuring(async () => {
      const out = await scan({ paths: [dir], redact: false });
      assert.ok(out.ok);
      if (!out.ok) return;
      findings = out.result.findings.length;
      canaries = [...findCanaries(out.result.findings).keys()];
    });
    assert.ok(findings >= 6, `${findings} findings`);
    assert.equal(canaries, [canaryId]);
    assert.is(opened, 0);
  } finally {
    removeTree(dir);
  }
});

quiet('the spy does see connections (verifyFindings against a local stand-in)', async () => {
  const keyId = k.keyId();
  const secret = k.secret();
  const sts = await startStsServer(new Map([[keyId, { secret, arn: 'arn:aws:iam::123456789012:user/x', account: '123456789012', userId: 'AIDAEXAMPLEUSERID' }]]));
  try {
    const opened = await connectionsDuring(async () => {
      await verifyFindings(pairFindings(keyId, secret), { endpoint: sts.url });
    });
    assert.is(opened, 1);
  } finally {
    await sts.close();
  }
});

quiet('a plain scan never loads the signer, even with the verify modules imported', () => {
  const { dir } = keyTree();
  try {
    // A resolve hook that fails every import of @smithy/*: if the scan path (or importing the verify
    // modules) loaded the signer, the child would fail. The last import shows the hook is in force.
    const hooks = `export async function resolve(s, c, next) { if (s.startsWith('@smithy/')) throw new Error('blocked ' + s); return next(s, c); }`;
    const dist = (rel: string): string => pathToFileURL(fileURLToPath(new URL(rel, import.meta.url))).href;
    const script = `
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
      const { scan } = await import(${JSON.stringify(dist('../src/run.js'))});
      const verify = await import(${JSON.stringify(dist('../src/verify/verify.js'))});
      const canary = await import(${JSON.stringify(dist('../src/providers/aws/canary.js'))});
      const out = await scan({ paths: [${JSON.stringify(dir)}], redact: false });
      const canaries = canary.findCanaries(out.result.findings).size;
      const nothing = await verify.verifyFindings([], {});
      let blocked = false;
      try { await import('@smithy/signature-v4'); } catch (e) { blocked = /blocked/.test(String(e)); }
      console.log(JSON.stringify({ ok: out.ok, findings: out.result.findings.length, canaries, nothing: nothing.ok, blocked }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 30_000 });
    assert.is(child.status, 0, child.stderr);
    const got = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    assert.equal({ ok: got.ok, canaries: got.canaries, nothing: got.nothing, blocked: got.blocked }, { ok: true, canaries: 1, nothing: true, blocked: true });
    assert.ok((got.findings as number) >= 6);
  } finally {
    removeTree(dir);
  }
});

quiet.run();
