// The base64 decoder (issue 14): a base64 value that decodes to TEXT is replaced by that text, so
// the detector reads `AWS_SECRET_ACCESS_KEY: <plain secret>` where a Kubernetes Secret wrote its
// base64, and the lines of a whole credentials file where a script or cloud-init kept it encoded
// (on one line, or wrapped at 60/64/76 in a heredoc or a YAML block scalar).
//
// What decodes to bytes is left alone: an AWS secret (40 base64 characters), a session token, a
// hash, an image or font in a data: URI, a certificate, a JWT's signature. Those are most of the
// base64 runs in real files, and the stage calls us around every long one, so a candidate is
// rejected from its first block (PROBE_CHARS) before the rest of it is even looked at.
//
// A plain key is never traded away: a 40-character secret or a session token decodes to random
// bytes (30 printable ones by chance: about 1e-13), and a run holding a key ID cannot decode to
// text at all (`AKIA` at a group's start decodes to a NUL; at the other offsets, to a control
// character or a lone UTF-8 continuation byte, bar one offset whose next bytes are nearly all
// controls again).
import type { Decoder, Edit } from './types.js';
import { isSourceMap } from './markers.js';

/** How far past `to` a construct that starts before `to` may run (a blob wrapped over lines). */
const LOOK_PAST = 64 * 1024;
/**
 * The longest construct decoded (of the input, indentation counted): 4 MiB, far more than any
 * credentials file; a longer one (a bundle's source map) is left alone to bound the memory an edit
 * and its origins take.
 */
const MAX_BLOCK = 4 << 20;
/** Decoded text shorter than this is left alone: too little to tell text from chance. */
const MIN_BYTES = 8;
/**
 * Shortest line taken as a wrapped blob's width (base64(1) wraps at 76, PEM at 64, some at 60):
 * shorter lines of one length are more often a list of values, which must not be glued together.
 */
const MIN_WRAP = 40;
/**
 * Decoded text shorter than this needs more evidence (see shortOk): a word of 12 letters is valid
 * base64, and its 9 bytes are printable more often than one would think.
 */
const SHORT_BYTES = 24;
/** Characters decoded first to reject a run cheaply (a multiple of 4: 48 bytes). */
const PROBE_CHARS = 64;

/** Character classes over ASCII: 1 a letter or digit, 2 `+` or `/`, 3 `-` or `_` (URL-safe). */
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) CLASS[c] = 1;
  else if (ch === '+' || ch === '/') CLASS[c] = 2;
  else if (ch === '-' || ch === '_') CLASS[c] = 3;
}

/**
 * What may stand right before a value (its name's `=` or `:`, a quote, a bracket, an indentation)
 * and right after it. `.` is in neither: a JWT's parts and a file name are not values of their own.
 */
const LEFT = new Uint8Array(128);
const RIGHT = new Uint8Array(128);
for (const c of ' \t\r\n"\'`=:,([{>|;') LEFT[c.charCodeAt(0)] = 1;
for (const c of ' \t\r\n"\'`,;)]}<|&\\') RIGHT[c.charCodeAt(0)] = 1;
const isIn = (set: Uint8Array, code: number): boolean => code < 128 && set[code] === 1;

const isB64 = (code: number): boolean => code < 128 && CLASS[code] !== 0;

/** The end of the run of base64 characters (no padding) from `at`, looking no further than `limit`. */
function runEnd(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && isB64(text.charCodeAt(i))) i++;
  return i;
}

/** After a run ending at `at`: the end of its `=` padding (two at most). */
function padEnd(text: string, at: number): number {
  let i = at;
  while (i < at + 2 && text.charCodeAt(i) === 61 /* = */) i++;
  return i;
}

const rightOk = (text: string, at: number): boolean => at >= text.length || isIn(RIGHT, text.charCodeAt(at));

/** The offset after the end of line at `at` (`\n` or `\r\n`), or -1 when `at` is not at one. */
function afterEol(text: string, at: number): number {
  let i = at;
  // Spaces an editor left at the end of a wrapped line.
  while (i < at + 16 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === 10) return i + 1;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return -1;
}

const isBlank = (code: number): boolean => code === 32 || code === 9;

/**
 * Is the run [at, end) a line of a wrapped blob that starts above it: alone on its line, under a
 * line that ends with an unpadded run at least as long (and MIN_WRAP at least)? Such a line is
 * the construct above's, decoded with it (or rejected with it), never on its own.
 */
function continuesBlob(text: string, at: number, end: number): boolean {
  let i = at;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text.charCodeAt(i - 1) !== 10) return false;
  let e = i - 1;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  for (let n = 0; n < 16 && e > 0 && isBlank(text.charCodeAt(e - 1)); n++) e--;
  const need = Math.max(end - at, MIN_WRAP);
  let s = e;
  while (s > 0 && e - s < need && isB64(text.charCodeAt(s - 1))) s--;
  return e - s >= need;
}

/** A candidate: [start, end) of the input, and the input ranges its base64 characters are in. */
interface Block {
  start: number;
  end: number;
  /** [start, end) of each line's characters, padding included. */
  chunks: [number, number][];
}

/**
 * Is `bytes[0, n)` text: UTF-8 with no control character but tab and line breaks, and a letter or
 * digit? `partial` (a probe, the start of a longer text) lets a multi-byte character be cut at the
 * end and asks for no letter yet.
 */
function isText(bytes: Uint8Array, n: number, partial: boolean): boolean {
  let alnum = false;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b < 0x20 ? b !== 9 && b !== 10 && b !== 13 : b === 0x7f) return false;
      if (!alnum && CLASS[b] === 1) alnum = true;
      i++;
      continue;
    }
    const len = utf8Length(bytes, i, n);
    if (len === 0) return false;
    if (len < 0) return partial;
    i += len;
  }
  return partial || alnum;
}

/**
 * The length of the well-formed UTF-8 character at `i` that is not a C1 control (U+0080-U+009F),
 * 0 when it is malformed, -1 when it is cut by `n`.
 */
function utf8Length(bytes: Uint8Array, i: number, n: number): number {
  const b = bytes[i]!;
  let len: number;
  let min: number;
  let cp: number;
  if (b >= 0xc2 && b <= 0xdf) [len, min, cp] = [2, 0xa0, b & 0x1f];
  else if (b >= 0xe0 && b <= 0xef) [len, min, cp] = [3, 0x800, b & 0x0f];
  else if (b >= 0xf0 && b <= 0xf4) [len, min, cp] = [4, 0x10000, b & 0x07];
  else return 0;
  for (let k = 1; k < len; k++) {
    if (i + k >= n) return -1;
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

/**
 * A short value is taken only as an encoder writes it: a length that is a multiple of 4 (padding
 * counted), a digit or `+/=` among its characters (an identifier like `Instantiated` has none; the
 * base64 of text nearly always has one), and ASCII text once decoded.
 */
function shortOk(chars: string, bytes: Uint8Array): boolean {
  if (bytes.length >= SHORT_BYTES) return true;
  if (chars.length % 4 !== 0 || !/[0-9+/=]/.test(chars)) return false;
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

/** Decode `chars` (base64 characters of one alphabet, padding at most at the end). */
const decodeChars = (chars: string): Buffer => Buffer.from(chars, 'base64');

/** The 6-bit value of each base64 character of either alphabet. */
const VALUE = new Uint8Array(128);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let v = 0; v < 64; v++) VALUE[ALPHABET.charCodeAt(v)] = v;
VALUE[45 /* - */] = 62;
VALUE[95 /* _ */] = 63;

/** The probe's bytes, reused: it runs on every candidate, most of which are rejected. */
const PROBE = new Uint8Array((PROBE_CHARS / 4) * 3);

/**
 * Decode the `n` base64 characters at `at` (no padding among them) into PROBE, by hand: a Buffer
 * for each of a file's thousands of candidates costs more than the test itself.
 */
function decodeProbe(text: string, at: number, n: number): number {
  let bits = 0;
  let count = 0;
  let out = 0;
  for (let i = at; i < at + n; i++) {
    bits = (bits << 6) | VALUE[text.charCodeAt(i)]!;
    count += 6;
    if (count >= 8) {
      count -= 8;
      PROBE[out++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** Does the start of the run at `at` (up to PROBE_CHARS of it) decode to text? */
function probe(text: string, at: number, end: number): boolean {
  const bytes = PROBE.subarray(0, decodeProbe(text, at, Math.min(end - at, PROBE_CHARS)));
  const plain = asciiOfUtf16(bytes) ?? bytes;
  // Partial even when the run is shorter: a wrapped blob's first line goes on below.
  return isText(plain, plain.length, true);
}

/**
 * The lines of a blob wrapped at `width` that follow its first line: full lines of `width`
 * characters (any indentation), then one shorter line. That last line may be a word after the blob
 * (`EOF`, `done`): editOf tries the block without it when the whole does not decode.
 */
function wrappedLines(text: string, block: Block, width: number, limit: number): void {
  let at = afterEol(text, block.end);
  while (at !== -1 && at < limit) {
    let i = at;
    while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const end = runEnd(text, i, Math.min(limit, i + width + 1));
    // A blob that runs past the look-past limit is not decoded in part: it is left alone.
    if (end === limit && limit < text.length) block.chunks.length = 0;
    if (block.chunks.length === 0) return;
    const padded = padEnd(text, end);
    if (end === i || end - i > width || !rightOk(text, padded)) return;
    block.chunks.push([i, padded]);
    block.end = padded;
    if (end - i < width || padded > end) return;
    at = afterEol(text, end);
  }
}

/** The block that starts with the run [at, end), or undefined when it runs past `limit`. */
function blockAt(text: string, at: number, end: number, limit: number): Block | undefined {
  const padded = padEnd(text, end);
  const block: Block = { start: at, end: padded, chunks: [[at, padded]] };
  if (padded === end && end - at >= MIN_WRAP) wrappedLines(text, block, end - at, limit);
  return block.chunks.length > 0 ? block : undefined;
}

/** The base64 characters of a block, or undefined when they are not one valid encoding. */
function charsOf(text: string, block: Block): string | undefined {
  const chars = block.chunks.map(([a, b]) => text.slice(a, b)).join('');
  const body = chars.replace(/=+$/, '');
  if (body.length % 4 === 1 || (body.length < chars.length && chars.length % 4 !== 0)) return undefined;
  // Wrapped output comes from a tool, and tools pad: a blob of lines that does not end a group
  // took a word after it (`fi`) for its last line.
  if (block.chunks.length > 1 && chars.length % 4 !== 0) return undefined;
  // One alphabet: a run with both `+/` and `-_` is an identifier or a path, not an encoding.
  if (/[+/]/.test(body) && /[-_]/.test(body)) return undefined;
  return chars;
}

/**
 * UTF-16LE of ASCII (PowerShell's `-EncodedCommand`, .NET's Encoding.Unicode): every second byte
 * is 0. Its ASCII bytes, or undefined when `bytes` is not that.
 */
function asciiOfUtf16(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 4 || bytes[1] !== 0 || bytes[3] !== 0) return undefined;
  const out = new Uint8Array(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) {
    if (bytes[2 * i + 1] !== 0) return undefined;
    out[i] = bytes[2 * i]!;
  }
  return out;
}

/**
 * The byte from which a block's text must be ASCII: where its last line starts when that line is
 * short and unpadded, so that a word after a blob (`esac` decodes to `zƜ`) is not taken for its
 * end; past the end otherwise.
 */
function tailFrom(block: Block): number {
  const { chunks } = block;
  if (chunks.length < 2) return Infinity;
  const [a, b] = chunks[chunks.length - 1]!;
  const width = chunks[0]![1] - chunks[0]![0];
  if (b - a >= width) return Infinity;
  let before = 0;
  for (let i = 0; i < chunks.length - 1; i++) before += chunks[i]![1] - chunks[i]![0];
  return Math.floor((before * 3) / 4);
}

/** The text `chars` decode to, and whether it was UTF-16 (two bytes a character); undefined for bytes. */
function textOf(chars: string, asciiFrom: number): { decoded: string; wide: boolean } | undefined {
  const bytes = decodeChars(chars);
  for (let i = asciiFrom; i < bytes.length; i++) if (bytes[i]! >= 0x80) return undefined;
  const ascii = asciiOfUtf16(bytes);
  if (ascii !== undefined && bytes.length % 2 !== 0) return undefined;
  const plain = ascii ?? bytes;
  if (plain.length < MIN_BYTES || !shortOk(chars, plain) || !isText(plain, plain.length, false)) return undefined;
  return { decoded: Buffer.from(plain).toString(ascii === undefined ? 'utf8' : 'latin1'), wide: ascii !== undefined };
}

/**
 * The decoded text of `block` with, for each of its characters, the input offset of the first
 * encoded character that carries bits of its first byte (char 4g + k%3 for byte k of group g);
 * undefined when it is not text.
 */
function decodeBlock(text: string, block: Block, chars: string): { out: string; origins: Uint32Array } | undefined {
  const got = textOf(chars, tailFrom(block));
  if (got === undefined) return undefined;
  const { decoded, wide } = got;
  // A value written with `echo x | base64` carries echo's newline: the value is the line before it.
  const oneLine = /^[^\n]*\r?\n$/.test(decoded);
  const body = oneLine ? decoded.replace(/\r?\n$/, '') : decoded;
  if (body.length < MIN_BYTES) return undefined;
  // A decoded file starts on a line of its own, so its first line is not read as the rest of
  // the line that held the blob (`cloud: [default]`).
  const lineStart = block.start === 0 || /[\r\n][ \t]*$/.test(text.slice(Math.max(0, block.start - 256), block.start));
  const prefix = body.includes('\n') && !lineStart ? '\n' : '';
  const out = prefix + body;
  const origins = new Uint32Array(out.length);
  if (prefix) origins[0] = block.start;
  originsOf(body, wide, charPositions(block, chars.length), origins, prefix.length);
  return { out, origins };
}

/** Fill `origins` from `at` with the input offset of each character of `body` (see decodeBlock). */
function originsOf(body: string, wide: boolean, pos: Uint32Array, origins: Uint32Array, at: number): void {
  let k = 0;
  for (let j = 0; j < body.length; j++) {
    const code = body.charCodeAt(j);
    origins[at + j] = pos[4 * Math.floor(k / 3) + (k % 3)]!;
    if (wide) k += 2;
    // The second half of a surrogate pair shares the 4 bytes of the first.
    else if (code >= 0xd800 && code <= 0xdbff && j + 1 < body.length) {
      origins[at + ++j] = origins[at + j - 1]!;
      k += 4;
    } else k += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
}

/** The input offset of each base64 character of the block. */
function charPositions(block: Block, count: number): Uint32Array {
  const pos = new Uint32Array(count);
  let n = 0;
  for (const [a, b] of block.chunks) for (let i = a; i < b; i++) pos[n++] = i;
  return pos;
}

/**
 * The edit for the block, or for the block without its last line when that line is shorter (a
 * word after the blob), or undefined when neither decodes to text.
 */
function editOf(text: string, block: Block): Edit | undefined {
  const edit = editOfWhole(text, block);
  if (edit !== undefined || block.chunks.length < 2) return edit;
  const chunks = block.chunks.slice(0, -1);
  return editOfWhole(text, { start: block.start, end: chunks[chunks.length - 1]![1], chunks });
}

function editOfWhole(text: string, block: Block): Edit | undefined {
  const chars = charsOf(text, block);
  if (chars === undefined) return undefined;
  const decoded = decodeBlock(text, block, chars);
  if (decoded === undefined) return undefined;
  return { start: block.start, end: block.end, text: decoded.out, origins: decoded.origins };
}

/** Runs shorter than this are not looked at: their text would be under MIN_BYTES. */
const MIN_RUN = 11;

/** The edit for the run [at, end), or undefined when it is not a value that decodes to text. */
function editAt(text: string, at: number, end: number, limit: number): Edit | undefined {
  if (at > 0 && !isIn(LEFT, text.charCodeAt(at - 1))) return undefined;
  if (isSourceMap(text, at)) return undefined;
  if (!rightOk(text, padEnd(text, end)) || (end === limit && limit < text.length)) return undefined;
  if (!probe(text, at, end) || continuesBlob(text, at, end)) return undefined;
  const cap = Math.min(limit, at + MAX_BLOCK);
  if (end >= cap && cap < text.length) return undefined;
  const block = blockAt(text, at, end, cap);
  return block === undefined ? undefined : editOf(text, block);
}

export const base64Decoder: Decoder = {
  name: 'base64',
  edits(text: string, from: number, to: number): Edit[] {
    const edits: Edit[] = [];
    const stop = Math.min(to, text.length);
    const limit = Math.min(text.length, stop + LOOK_PAST);
    let i = Math.max(0, from);
    // A run that starts before `from` is another region's construct: its tail is not ours.
    if (i > 0 && isB64(text.charCodeAt(i - 1))) i = runEnd(text, i, stop);
    while (i < stop) {
      if (!isB64(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const at = i;
      const end = runEnd(text, at, limit);
      const edit = end - at >= MIN_RUN ? editAt(text, at, end, limit) : undefined;
      if (edit !== undefined) edits.push(edit);
      i = edit?.end ?? end;
    }
    return edits;
  },
};
