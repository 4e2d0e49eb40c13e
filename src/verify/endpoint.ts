// Where verification requests may go. A signed GetCallerIdentity request does not carry the secret
// (SigV4 sends an HMAC), but it does carry the key ID and any session token, and it can be replayed to
// AWS for 15 minutes: so --verify-endpoint accepts only loopback addresses (a local stand-in, or a
// tunnel you run yourself) and AWS's own STS endpoints, unless --verify-allow-remote-endpoint is given.
import { BlockList, isIP } from 'node:net';

export const DEFAULT_ENDPOINT = 'https://sts.amazonaws.com/';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6'); // BlockList also matches IPv4-mapped ::ffff:127.x.y.z against the IPv4 rule

/** localhost, 127.0.0.0/8 or ::1 (IPv6 brackets allowed). URL parsing has already normalised 0x7f.1 and the like. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host === 'localhost.') return true;
  const family = isIP(host);
  if (family === 4) return LOOPBACK.check(host, 'ipv4');
  if (family === 6) return LOOPBACK.check(host, 'ipv6');
  return false;
}

/** AWS's STS endpoints: global, regional, FIPS, dual-stack, China and GovCloud partitions. */
const AWS_STS_HOST = /^sts(?:-fips)?(?:\.[a-z]{2}(?:-gov)?-[a-z]+-\d)?(?:\.api\.aws|\.amazonaws\.com(?:\.cn)?)$/;

/** The signing region for an endpoint: the one in a regional AWS host name, else us-east-1 (the global endpoint's). */
export function regionOf(url: URL): string {
  const m = /^sts(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\./.exec(url.hostname);
  return m ? m[1]! : 'us-east-1';
}

export type EndpointCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Parses and vets a verification endpoint (undefined: the default, AWS's global STS endpoint). */
export function checkEndpoint(endpoint: string | undefined, allowRemote = false): EndpointCheck {
  const given = endpoint ?? DEFAULT_ENDPOINT;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { ok: false, message: `--verify-endpoint: not a URL: ${given}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `--verify-endpoint: must be an http:// or https:// URL, not ${url.protocol}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: '--verify-endpoint: must not contain a user name or password' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: '--verify-endpoint: must not have a query string or fragment' };
  }
  if (isLoopbackHost(url.hostname) || allowRemote) return { ok: true, url };
  if (url.protocol === 'https:' && AWS_STS_HOST.test(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    message:
      `--verify-endpoint: ${url.host} is not a loopback address (localhost, 127.0.0.0/8, ::1) or an AWS STS endpoint. ` +
      'Verification requests carry key IDs and session tokens; pass --verify-allow-remote-endpoint to send them there anyway.',
  };
}
