// The PRNG, the synthetic key makers and the file/label registry shared by every template.
// Nothing here depends on time or on the machine: one seed gives one corpus, byte for byte.

/** sfc32: small, fast, good enough for test data, and identical on every platform. */
export function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(seed) {
    this.next = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0);
    for (let i = 0; i < 16; i++) this.next(); // let the state mix before the first draw
  }
  int(n) { return Math.floor(this.next() * n); }
  range(lo, hi) { return lo + this.int(hi - lo + 1); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[this.int(arr.length)]; }
  chars(alphabet, n) { let s = ''; for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)]; return s; }
  shuffle(arr) { const a = [...arr]; for (let i = a.length - 1; i > 0; i--) { const j = this.int(i + 1); [a[i], a[j]] = [a[j], a[i]]; } return a; }
}

export const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STS_PREFIXES = ['IQoJb3JpZ2luX2VjE', 'IQoJb3JpZ2luX2VjE', 'IQoJb3JpZ2luX2VjEN', 'FwoGZXIvYXdzE', 'IQoJb3JpZ2luX2VjEH'];

/** The four label classes of issue 14's positives. */
export const CLASSES = ['encoded', 'split', 'name-apart', 'plain'];
/** The hard-negative classes (negatives.json). */
export const NEG_CLASSES = ['neg-other-framework-secret', 'neg-base64-blob', 'neg-debug-ids', 'neg-secretsmanager-arn', 'neg-alibaba', 'neg-placeholder-words'];

export class Gen {
  constructor(seed) {
    this.seed = seed;
    this.r = new Rng(seed);
    this.files = [];
    this.used = new Set();
  }

  unique(make) {
    for (;;) { const v = make(); if (!this.used.has(v)) { this.used.add(v); return v; } }
  }

  /** An access key ID: AKIA (or ASIA) and 16 of [A-Z2-7], never ending in EXAMPLE. */
  keyId(prefix = 'AKIA') {
    return this.unique(() => {
      const v = prefix + this.r.chars(B32, 16);
      return v.endsWith('EXAMPLE') ? v.slice(0, -1) + 'Q' : v;
    });
  }

  /**
   * A 40-character secret of [A-Za-z0-9+/] with an upper-case letter, a lower-case letter and a digit.
   * `need` lists characters it must contain (an encoding that only shows on '+' or '/' needs them),
   * placed away from the ends.
   */
  secret(need = '') {
    return this.unique(() => {
      const a = this.r.chars(B64, 40).split('');
      for (const ch of need) if (!a.includes(ch)) a[this.r.range(3, 36)] = ch;
      const s = a.join('');
      if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/[0-9]/.test(s)) return '';
      for (const ch of need) if (!s.includes(ch)) return '';
      return s;
    }) || this.secret(need);
  }

  /** A session token shaped like STS's: a known prefix, then 340-880 base64 characters with '+' and '/'. */
  sessionToken() {
    return this.unique(() => {
      const p = this.r.pick(STS_PREFIXES);
      let body = this.r.chars(B64, this.r.range(340, 880));
      if (!body.includes('+')) body = body.slice(0, 20) + '+' + body.slice(21);
      if (!body.includes('/')) body = body.slice(0, 40) + '/' + body.slice(41);
      return p + body + (this.r.chance(0.2) ? '=' : '');
    });
  }

  alnum(n) { return this.r.chars(ALNUM, n); }
  b64(n) { return this.r.chars(B64, n); }
  hex(n) { return this.r.chars('0123456789abcdef', n); }
  account() { return String(this.r.range(1, 9)) + this.r.chars('0123456789', 11); }
  region() { return this.r.pick(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1']); }
  app() { return this.r.pick(['billing', 'orders', 'ingest', 'reporting', 'media', 'search', 'payments', 'catalog', 'notifier', 'etl', 'thumbnailer', 'ledger', 'checkout', 'geo', 'audit']); }
  bucket() { return `${this.r.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli', 'vandelay', 'wayne'])}-${this.app()}-${this.r.pick(['prod', 'staging', 'dev', 'backups', 'artifacts', 'logs'])}`; }
  person() { return this.r.pick(['Dana Whitfield', 'Luis Ortega', 'Priya Raman', 'Tomasz Nowak', 'Aiko Tanaka', 'Grace Mbeki', 'Oskar Lind', 'Fatima Haddad']); }
  date() { return `2026-${String(this.r.range(1, 11)).padStart(2, '0')}-${String(this.r.range(1, 28)).padStart(2, '0')}`; }
  time() { return `${String(this.r.range(0, 23)).padStart(2, '0')}:${String(this.r.range(0, 59)).padStart(2, '0')}:${String(this.r.range(0, 59)).padStart(2, '0')}`; }
  reqId() { return `${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`; }

  /** Start a file. Lines are added to it; labels point at its lines (1-based). */
  file(path, opts = {}) {
    if (this.files.some((f) => f.path === path)) throw new Error(`duplicate path ${path}`);
    // Files Windows tools write often end lines in CRLF; never shell, Dockerfiles or YAML, where a
    // '\r' after a continuation backslash would change what the file means.
    const crlfShare = [[/\.(cs|config)$/, 0.6], [/\.(java|properties)$/, 0.3], [/\.html$/, 0.3], [/^src\/.*\.json$/, 0.5]].find(([re]) => re.test(path))?.[1] ?? 0;
    const d = new Doc(path, { crlf: opts.crlf ?? this.r.chance(crlfShare) });
    this.files.push(d);
    return d;
  }
}

export class Doc {
  constructor(path, { crlf = false } = {}) {
    this.path = path;
    this.crlf = crlf;
    this.lines = [];
    this.labels = [];
    this.negatives = [];
  }

  /** The 1-based number the next added line will have. */
  get next() { return this.lines.length + 1; }

  /** Add lines (a string may hold several, split on '\n'). Returns the 1-based number of the first. */
  add(...texts) {
    const first = this.next;
    for (const t of texts) for (const l of String(t).split('\n')) this.lines.push(l);
    return first;
  }

  /**
   * Label a value. `line` is the line holding its first character (plain), the first character of its
   * encoding, or its first piece; `evidence` is the text that line must contain (the generator checks it
   * after writing; the test checks the line independently).
   */
  label(line, kind, value, cls, form, evidence = value) {
    if (!['access-key-id', 'secret-access-key', 'session-token'].includes(kind)) throw new Error(`bad kind ${kind}`);
    this.labels.push({ line, kind, value, class: cls, form, evidence });
  }

  /** Add one line holding one or more plain values, labelling each. Returns the line number. */
  addPlain(text, values) {
    const n = this.add(text);
    for (const [kind, value, cls = 'plain', form = 'plain'] of values) this.label(n, kind, value, cls, form);
    return n;
  }

  neg(cls) {
    if (!this.negatives.includes(cls)) this.negatives.push(cls);
  }

  text() {
    const eol = this.crlf ? '\r\n' : '\n';
    return this.lines.join(eol) + eol;
  }
}
