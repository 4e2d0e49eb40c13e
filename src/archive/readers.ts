// The container readers, each giving one entry's bytes at a time. zip: fflate reads the central
// directory and inflates (never hand-written inflate); gzip: node's zlib, which stops at a given output
// size; tar: a header reader (tar is 512-byte headers and plain bytes, nothing to decompress).
import { unzipSync } from 'fflate';
import { gunzipSync } from 'node:zlib';

export interface Entry {
  name: string;
  bytes: Uint8Array;
}

/** What the walker decides for an entry before it is decompressed (declared sizes: they may lie). */
export type Admit = (name: string, declaredSize: number, compressedSize: number) => boolean;

/** Entries decompressed per pass: the memory held at once, besides the archive itself. */
const ZIP_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * A zip's file entries in directory order. fflate inflates what its filter accepts, all at once, into
 * buffers of the DECLARED size (a lying size truncates, it never grows): so each pass accepts entries
 * up to ZIP_BATCH_BYTES and the next pass starts after them, keeping memory bounded. Directory
 * parsing is repeated per pass, which is cheap next to inflating.
 */
export function* zipEntries(data: Uint8Array, admit: Admit): Generator<Entry> {
  let done = 0;
  for (;;) {
    let index = 0;
    let bytes = 0;
    let full = false;
    const names: string[] = [];
    const files = unzipSync(data, {
      filter(f) {
        const i = index++;
        if (i < done || full) return false;
        // A duplicate name would overwrite its twin in fflate's result: it waits for the next pass.
        if ((names.length > 0 && bytes + f.originalSize > ZIP_BATCH_BYTES) || names.includes(f.name)) {
          full = true;
          return false;
        }
        done = i + 1;
        if (f.name.endsWith('/') || !admit(f.name, f.originalSize, f.size)) return false;
        if (f.compression !== 0 && f.compression !== 8) throw new Error(`entry ${f.name} uses compression method ${f.compression}, which is not supported`);
        names.push(f.name);
        bytes += f.originalSize;
        return true;
      },
    });
    for (const name of names) yield { name, bytes: files[name]! };
    if (!full) return;
  }
}

/** A gzip's content (every member), or a RangeError once it would pass `maxBytes`. */
export function gunzip(data: Uint8Array, maxBytes: number): Uint8Array {
  return gunzipSync(data, { maxOutputLength: Math.max(1, maxBytes) });
}

/** True for the error gunzip throws when the content is larger than allowed. */
export const isTooLarge = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';

const BLOCK = 512;

/** A tar's regular files, in order: names from ustar's prefix, a GNU long name ('L') or a pax path ('x'). */
export function* tarEntries(data: Uint8Array, admit: Admit): Generator<Entry> {
  let at = 0;
  let longName: string | undefined;
  while (at + BLOCK <= data.length) {
    const header = data.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return;
    if (!checksumOk(header)) throw new Error(`bad tar header at byte ${at}`);
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const start = at + BLOCK;
    const end = start + size;
    if (end > data.length) throw new Error(`truncated: entry at byte ${at} ends past the end`);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
    const body = data.subarray(start, end);
    if (type === 'L') {
      longName = cString(body);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(body) ?? longName;
      continue;
    }
    const name = longName ?? ustarName(header);
    longName = undefined;
    if ((type === '0' || type === '\0' || type === '7') && admit(name, size, size)) yield { name, bytes: body };
  }
  if (at < data.length) throw new Error('truncated: the archive ends inside a header');
}

function checksumOk(header: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return octal(header.subarray(148, 156)) === sum;
}

/** An octal number field, or GNU's base-256 form (first byte 0x80) for sizes over 8 GiB. */
function octal(field: Uint8Array): number {
  if ((field[0]! & 0x80) !== 0) return field.subarray(1).reduce((n, b) => n * 256 + b, 0);
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8) || 0;
}

function cString(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return Buffer.from(bytes.buffer, bytes.byteOffset, nul < 0 ? bytes.length : nul).toString('utf8');
}

function ustarName(header: Uint8Array): string {
  const name = cString(header.subarray(0, 100));
  const prefix = cString(header.subarray(345, 500));
  return prefix === '' ? name : `${prefix}/${name}`;
}

/** The `path` record of a pax extended header ("LEN path=VALUE\n" records). */
function paxPath(body: Uint8Array): string | undefined {
  const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8'));
  return m?.[1];
}
