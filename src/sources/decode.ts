// Bytes to text without ever throwing: binary files are recognised, invalid UTF-8 becomes U+FFFD
// (so the bytes around it are still scanned), and UTF-16 files with a byte-order mark are decoded.
import { isAscii } from 'node:buffer';

/** How far into a file to look for a NUL byte, as git does to call a file binary. */
export const BINARY_SNIFF_BYTES = 8000;

export type Encoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'binary';

/**
 * What the start of a file says it is; the one place the whole-content decoder (decode) and the
 * streaming one (text-reader.ts) decide it. A UTF-16 byte-order mark first (UTF-16 text is full of
 * NULs), then a NUL in the first BINARY_SNIFF_BYTES bytes means binary, as git has it, unless those
 * bytes read as UTF-16 without a mark (utf16Without). What is binary may still be scanned through
 * its printable strings (src/scan/binary.ts).
 */
export function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sniffed = head.subarray(0, BINARY_SNIFF_BYTES);
  if (!sniffed.includes(0)) return 'utf-8';
  return utf16Without(sniffed) ?? 'binary';
}

/** Share of characters that must look like UTF-16 text (see utf16Without). */
const UTF16_SHARE = 0.9;

/**
 * UTF-16 text without a byte-order mark, told by its shape: mostly Latin text, so at least 90% of the
 * two-byte units are a non-NUL byte and a NUL in the same order (LE: character then NUL; BE: NUL then
 * character), and no unit is two NULs (binaries are full of those; text never has U+0000). Text in
 * other scripts without a mark is not recognised (it is then scanned through its strings, as a
 * binary); a binary that passes this test is decoded as text, which is what its bytes would give.
 */
export function utf16Without(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const units = head.length >> 1;
  if (units < 2) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    const a = head[i]!;
    const b = head[i + 1]!;
    if (a === 0 && b === 0) return undefined;
    if (b === 0) le++;
    else if (a === 0) be++;
  }
  if (le >= units * UTF16_SHARE) return 'utf-16le';
  if (be >= units * UTF16_SHARE) return 'utf-16be';
  return undefined;
}

export type Decoded = { binary: true } | { binary: false; text: string };

export function decode(bytes: Uint8Array): Decoded {
  const encoding = sniffEncoding(bytes);
  if (encoding === 'binary') return { binary: true };
  if (encoding !== 'utf-8') return { binary: false, text: new TextDecoder(encoding).decode(bytes) };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Most source files are pure ASCII, where Latin-1 decoding gives the same string and was measured
  // twice as fast as UTF-8 (the check itself is a SIMD scan). Otherwise Buffer's UTF-8 decoder
  // (~25% faster than TextDecoder here); both turn invalid bytes into U+FFFD.
  if (isAscii(buffer)) return { binary: false, text: buffer.toString('latin1') };
  const text = buffer.toString('utf8');
  return { binary: false, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
