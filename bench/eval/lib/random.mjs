// Seeded PRNG and synthetic-credential factories for the evaluation corpus.
// Everything here is random and synthetic: no real AWS credential can come out of it
// except by astronomically unlikely chance.

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** mulberry32 seeded from a 32-bit integer derived from `seed`. */
export function createRng(seed) {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    shuffle: (arr) => {
      const a2 = arr.slice();
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
    str: (alphabet, n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
  };
  return rng;
}

/** The synthetic credential factory bound to one rng. */
export function createKeys(rng) {
  const secretOnce = () => {
    // 40 chars of [A-Za-z0-9/+]; make sure it looks like a real one (mixed classes).
    for (;;) {
      const s = rng.str(B64, 40);
      if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && !/EXAMPLE/.test(s)) return s;
    }
  };
  const idBody = () => {
    for (;;) {
      const s = rng.str(B32, 16);
      if (/[2-7]/.test(s) && !/EXAMPLE|XXXX/.test(s)) return s;
    }
  };
  const keys = {
    /** Long-term access key id (mostly AKIA, a few ABIA / ACCA). */
    accessKeyId(prefix) {
      const p = prefix || (rng.chance(0.06) ? rng.pick(['ABIA', 'ACCA']) : 'AKIA');
      return p + idBody();
    },
    tempKeyId() {
      return 'ASIA' + idBody();
    },
    secretKey: secretOnce,
    sessionToken() {
      const len = rng.int(300, 700);
      const r = rng.next();
      const head = r < 0.4 ? 'IQoJb3JpZ2luX2Vj' : r < 0.7 ? 'FwoGZXIvYXdzE' : '';
      let body = head + rng.str(B64, len - head.length);
      // realistic tokens sometimes end in padding
      if (rng.chance(0.3)) body = body.slice(0, -1) + '=';
      return body;
    },
    /** Long-term credential pair. */
    pair(prefix) {
      return { id: keys.accessKeyId(prefix), secret: secretOnce(), token: null };
    },
    /** Temporary credentials: ASIA id + secret + session token. */
    temp() {
      return { id: keys.tempKeyId(), secret: secretOnce(), token: keys.sessionToken() };
    },
    // ---- non-credential look-alikes (hard negatives) ----
    iamUniqueId() {
      return rng.pick(['AIDA', 'AROA', 'ANPA', 'AGPA', 'AIPA', 'ANVA', 'APKA']) + idBody();
    },
    gitSha: () => rng.str(HEX, 40),
    hex: (n) => rng.str(HEX, n),
    b64: (n) => rng.str(B64, n),
    alnum: (n) => rng.str(ALNUM, n),
    uuid() {
      const h = rng.str(HEX, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    jwt() {
      const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: rng.str(ALNUM, 10), iat: 1700000000 + rng.int(0, 9999999) })}.${rng.str(ALNUM + '-_', 43)}`;
    },
    integrity: () => 'sha512-' + rng.str(B64, 86) + '==',
    sha1b64: () => rng.str(B64, 27) + '=',
    accountId: () => String(rng.int(100000000000, 999999999999)),
    region: () => rng.pick(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1']),
  };
  return keys;
}

export const ALPHABETS = { B32, B64, ALNUM, HEX };
