// The PRNG, the makers of synthetic keys, and the file/label registry of the holdout5 corpus.
// Nothing here is a real credential: every value is drawn from a seeded PRNG at run time.

export const CLASSES = ['encoded', 'split', 'name-apart', 'plain'];
export const NEG_CLASSES = [
  'neg-other-framework-secret',
  'neg-base64-blob',
  'neg-debug-ids',
  'neg-secretsmanager-arn',
  'neg-other-cloud',
  'neg-placeholder-words',
];

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** xoshiro128**: the same on every platform for a seed (holdout4 uses sfc32; other constants here). */
function xoshiro128ss(a, b, c, d) {
  return () => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = (d << 11) | (d >>> 21);
    return (r >>> 0) / 4294967296;
  };
}

/** One file being written: its lines, its labels (1-based lines) and its hard-negative classes. */
export class Doc {
  constructor(path, crlf = false) {
    this.path = path;
    this.lines = [];
    this.labels = [];
    this.negatives = [];
    this.crlf = crlf;
  }
  /** Append lines (a string may hold several, split on \n); returns the 1-based number of the first. */
  add(...chunks) {
    const first = this.lines.length + 1;
    for (const c of chunks) this.lines.push(...String(c).split('\n'));
    return first;
  }
  get next() { return this.lines.length + 1; }
  /** Label `value` at `line`; `evidence` must be on that line (null: only a decoder can say). */
  label(line, kind, value, cls, form, evidence = value) {
    this.labels.push({ line, kind, value, class: cls, form, evidence });
    return this;
  }
  /** Add one line holding `value` and label it there. */
  put(text, kind, value, cls, form, evidence = value) {
    const n = this.add(text);
    return this.label(n, kind, value, cls, form, evidence);
  }
  neg(cls) { if (!this.negatives.includes(cls)) this.negatives.push(cls); return this; }
  text() { return this.lines.join(this.crlf ? '\r\n' : '\n') + (this.crlf ? '\r\n' : '\n'); }
}

export class Gen {
  constructor(seed) {
    this.rand = xoshiro128ss(0x9e3779b9, 0x7f4a7c15, 0xf39cc060 ^ (seed >>> 0), (seed >>> 0) + 0x5bd1e995);
    for (let i = 0; i < 24; i++) this.rand();
    this.files = [];
    this.used = new Set();
  }
  int(lo, hi) { return lo + Math.floor(this.rand() * (hi - lo + 1)); }
  pick(arr) { return arr[Math.floor(this.rand() * arr.length)]; }
  chance(p) { return this.rand() < p; }
  str(n, chars) { let s = ''; for (let i = 0; i < n; i++) s += chars[Math.floor(this.rand() * chars.length)]; return s; }
  hex(n) { return this.str(n, '0123456789abcdef'); }
  alnum(n) { return this.str(n, ALNUM); }
  b64(n) { return this.str(n, B64_CHARS); }
  upper(n) { return this.str(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'); }
  uuid() { return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`; }
  fresh(make) {
    for (;;) { const v = make(); if (v && !this.used.has(v)) { this.used.add(v); return v; } }
  }
  /** AKIA/ASIA + 16 of [A-Z2-7], never ending in EXAMPLE. */
  keyId(prefix = 'AKIA') {
    return this.fresh(() => { const v = prefix + this.str(16, ID_CHARS); return v.endsWith('EXAMPLE') ? '' : v; });
  }
  /**
   * 40 of [A-Za-z0-9+/] with an upper, a lower and a digit; `sym` forces a + and a / away from both
   * ends (forms that only show on those characters); otherwise most secrets hold one anyway.
   */
  secret(sym = false) {
    return this.fresh(() => {
      const v = this.b64(40);
      const ok = /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)
        && (sym ? /\+/.test(v) && /\//.test(v) && /^[A-Za-z0-9].*[A-Za-z0-9]$/.test(v) : /[+/]/.test(v) || this.chance(0.15));
      return ok && !/^(AKIA|ASIA)/.test(v) ? v : '';
    });
  }
  /** An STS session token: a known prefix, 300-700 base64 characters in all, with + and /. */
  token(endEq = this.chance(0.25)) {
    return this.fresh(() => {
      const pre = this.pick(['IQoJb3JpZ2luX2VjE', 'FwoGZXIvYXdzE']);
      const n = this.int(300, 700) - pre.length - (endEq ? 1 : 0);
      const v = pre + this.b64(n) + (endEq ? '=' : '');
      return /\+/.test(v) && /\//.test(v) ? v : '';
    });
  }
  doc(path, crlf = false) {
    if (this.files.some((f) => f.path === path)) throw new Error(`duplicate path ${path}`);
    const d = new Doc(path, crlf);
    this.files.push(d);
    return d;
  }
  /** Cut a value into n pieces (each at least 3 characters), at random places. */
  cut(v, n = this.int(2, 4)) {
    for (;;) {
      const at = [];
      for (let i = 1; i < n; i++) at.push(this.int(3, v.length - 3));
      at.sort((x, y) => x - y);
      const pts = [0, ...at, v.length];
      const parts = [];
      for (let i = 0; i < n; i++) parts.push(v.slice(pts[i], pts[i + 1]));
      if (parts.every((p) => p.length >= 3)) return parts;
    }
  }
  // Noise that makes files look lived-in (other names than holdout4's).
  region() { return this.pick(['us-east-1', 'us-west-2', 'eu-central-1', 'eu-west-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1', 'ap-northeast-2']); }
  app() { return this.pick(['pixelpost', 'orders', 'mailer', 'reports', 'thumbnailer', 'billing', 'search-indexer', 'uploads', 'crm-sync', 'metrics', 'kiosk', 'backoffice']); }
  org() { return this.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'piedpiper', 'vandelay', 'stark']); }
  bucket() { return `${this.org()}-${this.app()}-${this.pick(['prod', 'staging', 'dev', 'assets', 'exports'])}`; }
  person() { return this.pick(['alex', 'maria', 'jun', 'fatima', 'pedro', 'chloe', 'arjun', 'nina', 'bjorn', 'zoe', 'hassan', 'mei']); }
  date() { return `2026-${String(this.int(1, 11)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`; }
  time() { return `${String(this.int(0, 23)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}`; }
  ts() { return `${this.date()}T${this.time()}.${String(this.int(0, 999)).padStart(3, '0')}Z`; }
  epoch() { return this.int(1767225600, 1795000000); }
  acct() { return String(this.int(100000000000, 999999999999)); }
  ip() { return `10.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`; }
  user() { return this.pick(['deploy-bot', 's3-uploader', 'ci-runner', 'backup-svc', 'terraform', 'jenkins', 'app-prod', 'data-pipeline']); }
}
