// Encoders the templates write keys through, each as the tool that really produces it does, and the
// arithmetic that says on which output line an encoded key starts.

export const base64 = (text) => Buffer.from(text, 'utf8').toString('base64');

/** Split a string into lines of `width` characters (as `base64` and `openssl base64` wrap at 76 / 64). */
export function wrap(s, width) {
  const out = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

/**
 * Where `value` starts in base64(content): the index of the base64 character holding the value's first
 * bit (its first byte starts at bit 8*offset; each character carries 6 bits), and that character plus
 * the next few as evidence. Content is ASCII here, so characters are bytes.
 */
export function base64Position(content, value) {
  const off = content.indexOf(value);
  if (off < 0) throw new Error('value not in content');
  const enc = base64(content);
  const idx = Math.floor((8 * off) / 6);
  return { enc, idx };
}

/** Line index (0-based, within the wrapped block) and evidence for a value in wrapped base64. */
export function wrappedBase64(content, value, width) {
  const { enc, idx } = base64Position(content, value);
  const lines = wrap(enc, width);
  const li = Math.floor(idx / width);
  const col = idx % width;
  return { lines, index: li, evidence: lines[li].slice(col, col + 8) };
}

/** PHP's json_encode: escapes '/' as '\/'. */
export const jsonSlashes = (s) => s.replaceAll('/', '\\/');
/** System.Text.Json's default encoder: '+' as \u002B (and HTML-sensitive characters; '/' stays). */
export const jsonUnicode = (s) => s.replaceAll('+', '\\u002B');
/** HTML entities as different page generators write them. */
export function htmlEntities(s, style) {
  const table = {
    dec: { '+': '&#43;', '/': '&#47;', '=': '&#61;' },
    hex: { '+': '&#x2B;', '/': '&#x2F;', '=': '&#x3D;' },
    mixed: { '+': '&#43;', '/': '&#x2F;', '=': '&#x3D;' },
    named: { '+': '&plus;', '/': '&sol;', '=': '&equals;' },
  }[style];
  return s.replace(/[+/=]/g, (c) => table[c]);
}
export const urlEncode = (s) => encodeURIComponent(s);

/**
 * Quoted-printable (RFC 2045) of a text, lines of at most 76 characters with '=' soft breaks, '='
 * written '=3D'. Returns the output lines and, for each input character, the output line it went to.
 */
export function quotedPrintable(text) {
  const lines = [];
  const lineOf = new Array(text.length);
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { lineOf[i] = lines.length; lines.push(cur); cur = ''; continue; }
    const enc = c === '=' ? '=3D' : c;
    if (cur.length + enc.length > 75) { lines.push(cur + '='); cur = ''; }
    lineOf[i] = lines.length;
    cur += enc;
  }
  lines.push(cur);
  return { lines, lineOf };
}

/** Cut a value into `n` pieces of at least `min` characters, at seeded positions. */
export function pieces(r, value, n, min = 5) {
  const cuts = new Set();
  while (cuts.size < n - 1) {
    const c = r.range(min, value.length - min);
    if ([...cuts].every((x) => Math.abs(x - c) >= min)) cuts.add(c);
  }
  const at = [0, ...[...cuts].sort((a, b) => a - b), value.length];
  const out = [];
  for (let i = 0; i + 1 < at.length; i++) out.push(value.slice(at[i], at[i + 1]));
  return out;
}
