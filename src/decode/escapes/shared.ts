// What the escape decoders (JSON, HTML, quoted-printable, URL) share: the bounds of a call, the
// characters a decoder may produce, and UTF-8 of escaped bytes.
import type { Edit } from '../types.js';

/** How far a decoder reads outside [from, to) to see the construct around it (a token, a MIME part). */
export const LOOK_AROUND = 64 * 1024;

export { clampRange, guarded } from '../guard.js';

/**
 * A code point an escape may turn into: tab, printable ASCII, or a non-control character beyond it.
 * Not line breaks or other controls: a decoded newline would move every line below it in the view
 * (rules count lines), and a NUL or an unpaired surrogate is not text a key sits in.
 */
export function isCleanCodePoint(cp: number): boolean {
  if (cp === 0x09) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp <= 0x10ffff;
}

/** The value of a hex digit's char code, or -1. */
export function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** The byte written as two hex digits at `at`, or -1. */
export function hexByte(text: string, at: number): number {
  const hi = hexDigit(text.charCodeAt(at));
  const lo = hexDigit(text.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Escaped bytes as text: valid UTF-8 whose every character is clean, or undefined. A byte sequence
 * that is not UTF-8 (Latin-1 mail, binary) is left as it was written rather than guessed at.
 */
export function utf8Text(bytes: readonly number[]): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
  for (const ch of text) if (!isCleanCodePoint(ch.codePointAt(0)!)) return undefined;
  return text;
}

/** The edits of escaped bytes: one per group of escapes that makes whole characters. */
export interface ByteEscape {
  start: number;
  end: number;
  byte: number;
}

/**
 * Edits for a run of byte escapes that follow each other (`%C3%A9`, `=E2=82=AC`): ASCII bytes one
 * edit each, and each multi-byte UTF-8 character one edit over its escapes. Bytes that do not make
 * clean UTF-8 are left alone.
 */
export function byteRunEdits(run: readonly ByteEscape[], out: Edit[]): void {
  let i = 0;
  while (i < run.length) {
    const first = run[i]!;
    const len = utf8Length(first.byte);
    if (len === 1) {
      if (isCleanCodePoint(first.byte)) out.push({ start: first.start, end: first.end, text: String.fromCharCode(first.byte) });
      i++;
      continue;
    }
    const group = run.slice(i, i + len);
    const text = len > 0 && group.length === len && adjacent(group) ? utf8Text(group.map((e) => e.byte)) : undefined;
    if (text !== undefined) {
      out.push({ start: first.start, end: group[group.length - 1]!.end, text });
      i += len;
    } else i++;
  }
}

/** Bytes of the UTF-8 character a lead byte starts: 1-4, or 0 for a byte that cannot start one. */
function utf8Length(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

function adjacent(group: readonly ByteEscape[]): boolean {
  for (let i = 1; i < group.length; i++) if (group[i]!.start !== group[i - 1]!.end) return false;
  return true;
}
