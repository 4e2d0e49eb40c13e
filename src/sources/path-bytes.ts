// File names are bytes on POSIX systems, and not always UTF-8 (`bad\xffname.env`, written by an old
// tool or on purpose to hide a file). keyhound opens such files by their bytes and reports them with
// each byte that is not part of valid UTF-8 written as `\xHH`, in every format: visible, stable, and
// never the U+FFFD that would make two different names look the same.
import { isUtf8 } from 'node:buffer';

/** The name for reports: valid UTF-8 as it is, any other byte as `\xHH` (lower-case hex). */
export function pathFromBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  for (let i = 0; i < buf.length; ) {
    const len = sequenceLength(buf[i]!);
    if (len > 0 && i + len <= buf.length && isUtf8(buf.subarray(i, i + len))) {
      out += buf.toString('utf8', i, i + len);
      i += len;
    } else {
      out += `\\x${buf[i]!.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** Bytes in the UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
