// One HTTP(S) POST with a deadline, directly or through the proxy the environment names.
//
// Node 20 has no public proxy support: the fetch it bundles (undici) does not expose EnvHttpProxyAgent,
// and NODE_USE_ENV_PROXY arrived only in Node 22.21/24.5. So proxies are handled here with node:http,
// the way undici's EnvHttpProxyAgent reads the environment:
//   - https URLs go through https_proxy / HTTPS_PROXY (falling back to http_proxy / HTTP_PROXY), with a
//     CONNECT tunnel and TLS to the endpoint inside it, so the proxy sees only the host name;
//   - http URLs go through http_proxy / HTTP_PROXY, as an absolute-form request;
//   - no_proxy / NO_PROXY ("*", or host names, ".domain" / "domain" suffixes, optional ":port") bypass;
//   - loopback endpoints (a local STS stand-in) never use a proxy, as Go's ProxyFromEnvironment does.
// Lower-case names win over upper-case ones, as in curl and undici.
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { isLoopbackHost } from './endpoint.js';

export interface HttpReply {
  status: number;
  body: string;
  /** Seconds, from a Retry-After header, if the server sent one. */
  retryAfter?: number;
}

export interface PostOptions {
  /** The whole exchange (proxy tunnel, connection, answer) must finish within this. */
  timeoutMs: number;
  /** Proxy to use; undefined: connect directly. See proxyFor(). */
  proxy?: URL;
}

/** Answers longer than this are cut off: an STS answer is under 1 KB. */
const MAX_BODY = 64 * 1024;

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The proxy for a URL under the given environment, or undefined to connect directly. */
export function proxyFor(url: URL, env: Record<string, string | undefined>): URL | undefined {
  const host = bareHost(url.hostname);
  if (isLoopbackHost(host)) return undefined;
  const get = (name: string): string | undefined => nonEmpty(env[name.toLowerCase()]) ?? nonEmpty(env[name.toUpperCase()]);
  const httpProxy = get('http_proxy');
  const raw = url.protocol === 'https:' ? get('https_proxy') ?? httpProxy : httpProxy;
  if (raw === undefined) return undefined;
  if (bypassed(host, url.port || (url.protocol === 'https:' ? '443' : '80'), get('no_proxy'))) return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new Error(`the proxy URL in the environment is not a URL: ${raw}`);
  }
}

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s.trim());

function bypassed(host: string, port: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  for (const item of noProxy.split(/[\s,]+/)) {
    if (item === '') continue;
    if (item === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(item);
    if (!m) continue;
    if (m[2] !== undefined && m[2] !== port) continue;
    const entry = bareHost(m[1]!).toLowerCase().replace(/^\*?\./, '');
    const h = host.toLowerCase();
    if (h === entry || (isIP(h) === 0 && h.endsWith(`.${entry}`))) return true;
  }
  return false;
}

/** A URL's hostname without IPv6 brackets, for connecting and comparing. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

/** POSTs `body` to `url` and resolves with the answer; rejects on network errors and the deadline. */
export function post(url: URL, headers: Record<string, string>, body: string, opts: PostOptions): Promise<HttpReply> {
  return new Promise<HttpReply>((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    let settled = false;
    const finish = (err: Error | undefined, reply?: HttpReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const c of cleanups) c();
      if (err) reject(err);
      else resolve(reply!);
    };
    const timer = setTimeout(() => finish(new TimeoutError(opts.timeoutMs)), opts.timeoutMs);

    const send = (request: http.ClientRequest): void => {
      cleanups.push(() => request.destroy());
      request.on('error', (err) => finish(err));
      request.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('error', (err) => finish(err));
        res.on('end', () => {
          const retryAfter = Number(res.headers['retry-after']);
          const reply: HttpReply = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY) };
          if (Number.isFinite(retryAfter) && retryAfter >= 0) reply.retryAfter = retryAfter;
          finish(undefined, reply);
        });
      });
      request.end(body);
    };

    const host = bareHost(url.hostname);
    const isHttps = url.protocol === 'https:';
    const port = Number(url.port || (isHttps ? 443 : 80));
    const allHeaders = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const proxy = opts.proxy;

    if (proxy === undefined) {
      send((isHttps ? https : http).request({ method: 'POST', host, port, path: url.pathname + url.search, headers: allHeaders, agent: false }));
    } else if (!isHttps) {
      // Plain HTTP through a proxy: the absolute URL as the request target.
      send(proxyRequest(proxy, { method: 'POST', path: url.href, headers: { ...allHeaders, ...proxyAuth(proxy) } }));
    } else {
      const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      const connect = proxyRequest(proxy, { method: 'CONNECT', path: authority, headers: { host: authority, ...proxyAuth(proxy) } });
      cleanups.push(() => connect.destroy());
      connect.on('error', (err) => finish(new Error(`proxy ${proxy.host}: ${err.message}`)));
      connect.on('connect', (res: http.IncomingMessage, socket: Socket) => {
        cleanups.push(() => socket.destroy());
        if (res.statusCode !== 200) {
          finish(new Error(`proxy ${proxy.host} refused the tunnel to ${url.host}: HTTP ${res.statusCode}`));
          return;
        }
        const secure = tls.connect({ socket, servername: isIP(host) === 0 ? host : undefined });
        cleanups.push(() => secure.destroy());
        send(https.request({ method: 'POST', host, port, path: url.pathname + url.search, headers: allHeaders, createConnection: () => secure }));
      });
      connect.end();
    }
  });
}

function proxyRequest(proxy: URL, options: http.RequestOptions): http.ClientRequest {
  const secure = proxy.protocol === 'https:';
  return (secure ? https : http).request({ ...options, host: bareHost(proxy.hostname), port: Number(proxy.port || (secure ? 443 : 80)), agent: false });
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (proxy.username === '' && proxy.password === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
