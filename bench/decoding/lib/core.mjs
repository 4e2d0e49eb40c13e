// The decoding corpus' building blocks: a text builder that records where each planted value's
// written form starts, the per-file context handed to templates, and the encoders.
//
// Labels cannot be found by searching the finished text for the value (the value is written
// base64-encoded, escaped, cut in pieces...), so a template marks the offset where the written
// form of each value starts, and the generator turns offsets into 1-based lines. The test
// (test/decoding-corpus.test.ts) checks those lines independently by decoding the files.
import { createRng, createKeys, ALPHABETS } from '../../eval/lib/random.mjs';

export const KINDS = ['access-key-id', 'secret-access-key', 'session-token'];
/** Classes of labelled values; `plain` is the control: a key written as is, in a file of another class. */
export const CLASSES = ['encoded', 'split', 'name-apart', 'plain'];
/** Classes of the hard-negative files (negatives.json). */
export const NEGATIVE_CLASSES = ['framework-secret', 'base64-blob', 'debug-log-ids', 'arn-name', 'other-cloud', 'placeholder-words'];

/** Text built piece by piece; `put` records a planted value at the offset its written form starts. */
export class Doc {
  constructor() {
    this.text = '';
    this.marks = [];
  }
  add(...parts) {
    for (const p of parts) this.text += p;
    return this;
  }
  /** Write `written` (the value as it appears: encoded, split, or the value itself) and mark its start. */
  put(mark, written = mark.value) {
    this.marks.push({ ...mark, offset: this.text.length });
    this.text += written;
    return this;
  }
  /** Append another Doc's text (already transformed by the caller) with its marks moved by `map`. */
  embed(text, marks, map) {
    const base = this.text.length;
    for (const m of marks) this.marks.push({ ...m, offset: base + map(m.offset) });
    this.text += text;
    return this;
  }
}

export function createContext(seed) {
  const rng = createRng(seed);
  const keys = createKeys(rng);
  const B64 = ALPHABETS.B64;
  const ctx = {
    rng,
    keys,
    pick: rng.pick,
    int: rng.int,
    chance: rng.chance,
    region: keys.region,
    account: keys.accountId,
    b64: keys.b64,
    alnum: keys.alnum,
    hex: keys.hex,
    /** A key ID (AKIA, or ASIA for temporary credentials). */
    id: (temp = false) => (temp ? keys.tempKeyId() : keys.accessKeyId('AKIA')),
    /** A secret access key; with `needs`, one holding each of those characters (so an encoding changes it). */
    secret(needs = '') {
      for (;;) {
        const s = keys.secretKey();
        if ([...needs].every((c) => s.includes(c))) return s;
      }
    },
    /** An STS session token (300-700 base64 characters, most with a real STS prefix). */
    token(needs = '') {
      for (;;) {
        const t = keys.sessionToken();
        if ([...needs].every((c) => t.includes(c))) return t;
      }
    },
    /** A 40-character run of base64 characters that is NOT an AWS secret (a negative). */
    b64run: (n = 40) => {
      for (;;) {
        const s = rng.str(B64, n);
        if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
      }
    },
    /** A label mark: kind, value, class and form (how it is written). */
    m: (kind, value, cls, form) => ({ kind, value, class: cls, form }),
  };
  return ctx;
}

// ---- encoders -------------------------------------------------------------------------------

export const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/**
 * Base64 of a whole Doc, optionally wrapped at `wrap` characters per line (each line after the
 * first prefixed by `indent`), like `base64` (76) or `base64 -w0` (no wrap).
 * Returns { text, marks } with each mark moved to the encoded character that holds the first bits
 * of the value's first byte (the inner text is ASCII, so one character is one byte).
 */
export function base64Doc(inner, { wrap = 0, indent = '', form = 'base64-file' } = {}) {
  if (/[^\x00-\x7f]/.test(inner.text)) throw new Error('base64Doc: inner text must be ASCII');
  const flat = b64(inner.text);
  const at = (p) => Math.floor(p / 3) * 4 + (p % 3);
  if (!wrap) return { text: flat, marks: inner.marks.map((mk) => ({ ...mk, form, offset: at(mk.offset) })) };
  const lines = [];
  for (let i = 0; i < flat.length; i += wrap) lines.push(flat.slice(i, i + wrap));
  const text = lines.join('\n' + indent);
  const pos = (e) => Math.floor(e / wrap) * (wrap + 1 + indent.length) + (e % wrap);
  return { text, marks: inner.marks.map((mk) => ({ ...mk, form, offset: pos(at(mk.offset)) })) };
}

/**
 * Quoted-printable (RFC 2045) of a Doc's text: `=` and non-ASCII as `=XX`, lines longer than 76
 * cut by a soft line break `=` + eol. Returns { text, marks } with marks moved to the output.
 */
export function quotedPrintableDoc(inner, { eol = '\r\n', form = 'quoted-printable' } = {}) {
  const src = inner.text;
  const map = new Array(src.length + 1);
  let out = '';
  let col = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\n') {
      map[i] = out.length;
      out += eol;
      col = 0;
      continue;
    }
    const code = c.charCodeAt(0);
    const enc = c === '=' || code > 126 || (code < 32 && c !== '\t') ? `=${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
    if (col + enc.length > 75) {
      out += '=' + eol;
      col = 0;
    }
    map[i] = out.length;
    out += enc;
    col += enc.length;
  }
  return { text: out, marks: inner.marks.map((mk) => ({ ...mk, form, offset: map[mk.offset] })) };
}

/** JSON string escapes as some serializers write them: `/` as `\/` (PHP), `+` as `\u002B` (System.Text.Json). */
export const jsonEscape = (s, { slash = true, plus = true } = {}) =>
  s.replace(/[/+]/g, (c) => (c === '/' ? (slash ? '\\/' : '/') : plus ? '\\u002B' : '+'));

/** HTML character references, decimal or hex, as saved pages and templating engines write them. */
export const htmlEscape = (s, style = 'dec') =>
  s.replace(/[/+=]/g, (c) => (style === 'hex' ? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};` : `&#${c.charCodeAt(0)};`));

/** Percent-encoding of the characters a secret or token can hold that URLs reserve. */
export const urlEncode = (s) => s.replace(/[/+=]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Cut a value into `n` pieces of at least 3 characters, at random places. */
export function pieces(ctx, value, n) {
  for (;;) {
    const cuts = [];
    for (let i = 0; i < n - 1; i++) cuts.push(ctx.int(3, value.length - 3));
    const at = [0, ...cuts.sort((a, b) => a - b), value.length];
    if (at.some((x, i) => i > 0 && x - at[i - 1] < 3)) continue;
    return at.slice(1).map((x, i) => value.slice(at[i], x));
  }
}
