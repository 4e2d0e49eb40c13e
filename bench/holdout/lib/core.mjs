// Core of the holdout generator: seeded PRNG, synthetic credential makers, hard-negative makers,
// and the file registry. Every planted value is registered here; labels are computed later by
// searching the finished files for every registered value.

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const KINDS = { id: 'access-key-id', secret: 'secret-access-key', token: 'session-token' };

// sfc32 seeded through a splitmix-style mixer: small, fast, fully deterministic.
function makeRng(seed) {
  let s = (Number(seed) >>> 0) ^ 0x9e3779b9;
  const mix = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  let a = mix(), b = mix(), c = mix(), d = mix();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

const PROJECTS = ['payments-api', 'billing-worker', 'data-lake', 'ml-pipeline', 'mobile-backend', 'infra-live',
  'ops-scripts', 'marketing-site', 'analytics', 'etl-jobs', 'media-service', 'backup-tools', 'customer-portal',
  'reporting', 'search-indexer', 'legacy-monolith', 'platform', 'shop-frontend', 'inventory', 'notifications',
  'image-resizer', 'warehouse-sync', 'partner-gateway', 'growth-experiments', 'devops-handbook', 'sre-runbooks'];
const HOMES = ['home/alice', 'home/bob', 'home/ubuntu', 'home/deploy', 'Users/carol', 'Users/dmitri', 'root', 'home/ec2-user'];
const BUCKETS = ['acme-prod-backups', 'acme-media', 'data-lake-raw', 'tmp-exports-2023', 'customer-uploads',
  'ml-artifacts', 'static-assets-prod', 'logs-archive', 'db-snapshots', 'invoices-pdf'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];
const USERS = ['alice', 'bob', 'carol', 'dmitri', 'erin', 'farid', 'grace', 'hiro', 'ines', 'jamal'];

export class Gen {
  constructor(seed) {
    this.rand = makeRng(seed);
    this.plants = new Map(); // value -> kind
    this.files = [];
    this.paths = new Set();
    this.formats = new Map(); // path -> format name
  }

  // ---- randomness ----
  int(lo, hi) { return lo + Math.floor(this.rand() * (hi - lo + 1)); }
  chance(p) { return this.rand() < p; }
  pick(arr) { return arr[Math.floor(this.rand() * arr.length)]; }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  }
  sample(arr, n) { return this.shuffle(arr).slice(0, Math.min(n, arr.length)); }
  chars(alphabet, n) { let s = ''; for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rand() * alphabet.length)]; return s; }
  order(a, b) { return this.chance(0.5) ? [a, b] : [b, a]; }

  project() { return this.pick(PROJECTS); }
  home() { return this.pick(HOMES); }
  bucket() { return this.pick(BUCKETS); }
  region() { return this.pick(REGIONS); }
  user() { return this.pick(USERS); }
  account() { return String(this.int(1, 9)) + this.chars('0123456789', 11); }
  date() { return `2024-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`; }
  time() { return `${String(this.int(0, 23)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}`; }
  epoch() { return 1700000000 + this.int(0, 30000000); }

  // ---- synthetic credentials (registered as planted) ----
  rawId(prefix = 'AKIA') { return prefix + this.chars(B32, 16); }
  rawSecret() {
    for (;;) {
      const s = this.chars(B64, 40);
      if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
    }
  }
  rawToken() {
    const len = this.int(300, 800);
    const prefix = this.pick(['IQoJb3JpZ2luX2Vj', 'IQoJb3JpZ2luX2Vj', 'IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdzE', 'FQoGZXIvYXdzE', 'AQoDYXdzE', '']);
    let body = prefix + this.chars(B64, len - prefix.length);
    body = body.slice(0, body.length - (body.length % 4));
    if (this.chance(0.25)) body = body.slice(0, -1) + '=';
    return body;
  }
  plant(value, kind) {
    if (/[\r\n]/.test(value)) throw new Error(`planted value spans lines: ${value}`);
    const prev = this.plants.get(value);
    if (prev && prev !== kind) throw new Error(`value planted with two kinds: ${value}`);
    this.plants.set(value, kind);
    return value;
  }
  id(prefix = 'AKIA') { return this.plant(this.rawId(prefix), KINDS.id); }
  asia() { return this.id('ASIA'); }
  secret() { return this.plant(this.rawSecret(), KINDS.secret); }
  token() { return this.plant(this.rawToken(), KINDS.token); }
  // A credential set; temp=true gives ASIA + session token. Values are registered on creation,
  // so every field returned must be written to some file.
  cred(temp = false) {
    return temp ? { id: this.asia(), secret: this.secret(), token: this.token() } : { id: this.id(), secret: this.secret() };
  }
  pair() { return this.cred(false); }
  // URL-encoded secret (for URIs); registers only the encoded form.
  urlSecret() {
    const raw = this.rawSecret();
    return { raw, enc: this.plant(encodeURIComponent(raw), KINDS.secret) };
  }

  // ---- quoting / layout helpers ----
  q(v, styles = ['"', "'", '']) { const s = this.pick(styles); return s + v + s; }
  tail() { return this.pick(['', '', '', ' ', '  ', '\t']); }

  // ---- hard negatives (never registered) ----
  get neg() {
    const g = this;
    return {
      docsId: () => g.pick(['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'AKIA' + g.chars(B32, 9) + 'EXAMPLE', 'ASIA' + g.chars(B32, 9) + 'EXAMPLE']),
      docsSecret: () => g.pick(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
        g.chars(B64, 30) + 'EXAMPLEKEY', g.chars(ALNUM, 33) + 'EXAMPLE']),
      placeholderId: () => g.pick(['AKIA****************', 'AKIA0000000000000000', 'AKIAXXXXXXXXXXXXXXXX', 'your-access-key',
        '<ACCESS_KEY_ID>', 'YOUR_ACCESS_KEY_ID', 'REDACTED', 'xxxxxxxxxxxxxxxxxxxx', 'AKIA...', '<AWS_ACCESS_KEY_ID>', 'AKIAxxxxxxxxxxxxxxxx']),
      placeholderSecret: () => g.pick(['<SECRET>', 'your-secret-key', 'REDACTED', 'xxxxxxxx', 'x'.repeat(40), '*'.repeat(40), 'changeme',
        '<your-aws-secret-access-key>', '0'.repeat(40), 'YOUR_SECRET_ACCESS_KEY', 'replace-me', 'abcdefghijklmnopqrstuvwxyz0123456789ABCD']),
      maskedId: () => g.pick(['AKIA************', '****************', 'AKIA' + '*'.repeat(12)]) + g.chars(B32, 4),
      maskedSecret: () => g.chars(B64, 4) + '*'.repeat(32) + g.chars(B64, 4),
      hex: (n = 40) => g.chars(HEX, n),
      b64: (n = 40) => g.chars(B64, n),
      alnum: (n) => g.chars(ALNUM, n),
      b64url: (n) => g.chars(B64URL, n),
      b32: (n) => g.chars(B32, n),
      azureKey: () => g.chars(B64, 86) + '==',
      uniqueId: (p = g.pick(['AROA', 'AIDA', 'ANPA', 'AGPA', 'AIPA'])) => p + g.chars(B32, 17),
      jwt: () => {
        const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'RS256', typ: 'JWT', kid: g.chars(HEX, 16) })}.${enc({ sub: g.chars(HEX, 24), iss: 'https://auth.example.org/', exp: g.epoch() })}.${g.chars(B64URL, 342)}`;
      },
      uuid: () => `${g.chars(HEX, 8)}-${g.chars(HEX, 4)}-4${g.chars(HEX, 3)}-${g.pick(['8', '9', 'a', 'b'])}${g.chars(HEX, 3)}-${g.chars(HEX, 12)}`,
      // base32 TOTP seed; AWS virtual MFA seeds are 64 chars. Sometimes contains "AKIA" mid-string.
      totp: (n = 32) => {
        let s = g.chars(B32, n);
        if (g.chance(0.5)) { const at = g.int(3, n - 24); s = s.slice(0, at) + 'AKIA' + s.slice(at + 4); }
        return s;
      },
      pem: (lines = 8) => Array.from({ length: lines }, () => g.chars(B64, 64)),
    };
  }

  // ---- files ----
  uniq(path) {
    if (!this.paths.has(path)) return path;
    // vary the second path segment (the repo, user or host folder): repos/app/x -> repos/app-2/x
    const parts = path.split('/');
    const at = parts.length > 2 ? 1 : 0;
    for (let i = 2; ; i++) {
      const p = parts.map((s, k) => (k === at ? `${s}-${i}` : s)).join('/');
      if (!this.paths.has(p)) return p;
    }
  }
  // opts: { fmt, eol: 'lf'|'crlf', bom: bool, enc: 'utf8'|'utf16le', messy: bool (default true) }
  file(path, content, opts = {}) {
    path = this.uniq(path);
    let lines = Array.isArray(content) ? content.flat(Infinity) : String(content).split('\n');
    if (lines.some((l) => typeof l !== 'string')) throw new Error(`non-string line in ${path}`);
    lines = lines.flatMap((l) => l.split('\n'));
    const messy = opts.messy !== false;
    if (messy && this.chance(0.2)) lines = lines.map((l) => (l && this.chance(0.15) ? l + this.pick([' ', '  ', '\t', ' \t']) : l));
    let eol = opts.eol || (messy && this.chance(0.12) ? 'crlf' : 'lf');
    const bom = opts.bom ?? (messy && this.chance(0.06));
    const text = lines.join('\n');
    this.paths.add(path);
    this.files.push({ path, text, eol, bom, enc: opts.enc || 'utf8', fmt: opts.fmt || path.split('/').pop() });
    return path;
  }
}

// Encode a generated file to bytes exactly as written.
export function encodeFile(f) {
  let text = f.eol === 'crlf' ? f.text.replace(/\n/g, '\r\n') : f.text;
  if (f.enc === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const body = Buffer.from(text, 'utf8');
  return f.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// Decode bytes back to text (for verification).
export function decodeBytes(buf) {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

export const ALPHABETS = { B32, B64, ALNUM, HEX, B64URL };
