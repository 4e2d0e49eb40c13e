// Encoders, and where an encoded key lands in the encoded text.

export const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/** Wrap a string at `width` characters. */
export function wrap(s, width) {
  const out = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

/**
 * base64 of `text` wrapped at `width` (0: one line), and for each value the 0-based index of the wrapped
 * line holding the base64 character that carries the value's first bit.
 */
export function b64Located(text, values, width = 0) {
  const enc = b64(text);
  const lines = width ? wrap(enc, width) : [enc];
  const bytes = Buffer.from(text, 'utf8');
  const at = values.map((v) => {
    const p = bytes.indexOf(Buffer.from(v, 'utf8'));
    if (p < 0) throw new Error(`value not in base64 source text`);
    const idx = Math.floor((p * 8) / 6);
    return width ? Math.floor(idx / width) : 0;
  });
  return { enc, lines, at };
}

export const jsonSlash = (v) => v.replaceAll('/', '\\/');
export const jsonPlus = (v) => v.replaceAll('+', '\\u002B').replaceAll('=', '\\u003D');
export const jsonPlusLower = (v) => v.replaceAll('+', '\\u002b').replaceAll('/', '\\u002f');
export const htmlDec = (v) => v.replace(/[+/=]/g, (c) => `&#${c.charCodeAt(0)};`);
export const htmlHex = (v) => v.replace(/[+/=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
export const htmlNamed = (v) => v.replace(/[+/=]/g, (c) => ({ '+': '&plus;', '/': '&sol;', '=': '&equals;' })[c]);
export const url = (v) => encodeURIComponent(v);

/**
 * Quoted-printable (RFC 2045) of text lines with soft breaks at 76. Returns the encoded lines and, for
 * each value, the 0-based index of the encoded line holding the value's first character.
 */
export function qpLocated(srcLines, values) {
  const out = [];
  const starts = [];
  let flat = '';
  const mapLine = []; // source char offset in `flat` -> encoded line index
  for (const src of srcLines) {
    let cur = '';
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      const code = c.charCodeAt(0);
      const last = i === src.length - 1;
      let e = c;
      if (c === '=' || code > 126 || (code < 32 && c !== '\t') || (last && (c === ' ' || c === '\t'))) e = '=' + code.toString(16).toUpperCase().padStart(2, '0');
      if (cur.length + e.length > 75) { out.push(cur + '='); cur = ''; }
      mapLine.push(out.length);
      cur += e;
    }
    mapLine.push(out.length); // the line break
    out.push(cur);
    flat += src + '\n';
  }
  for (const v of values) {
    const p = flat.indexOf(v);
    if (p < 0) throw new Error('value not in quoted-printable source');
    starts.push(mapLine[p]);
  }
  return { lines: out, at: starts };
}

// Forms added for holdout4.
/** ESAPI/OWASP-style HTML escaping: lower-case hex references for + / =. */
export const htmlHexLower = (v) => v.replace(/[+/=]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
/** Gson's HTML-safe default: = as \u003d (lower case). */
export const jsonGson = (v) => v.replaceAll('=', '\\u003d');
/** A credentials file in the shared-file INI layout. */
export const credsIni = (id, secret, profile = 'default', token = null) =>
  `[${profile}]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n${token ? `aws_session_token = ${token}\n` : ''}`;
