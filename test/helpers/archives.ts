// Archives built at test time (nothing binary is committed): zips with fflate, gzip with node's zlib,
// tar with a ustar header writer.
import { zipSync } from 'fflate';
import { gzipSync } from 'node:zlib';

type Files = Record<string, string | Uint8Array>;
const bytes = (c: string | Uint8Array): Uint8Array => (typeof c === 'string' ? new TextEncoder().encode(c) : c);

/** A zip; `store`: entries kept uncompressed (level 0). */
export function zip(files: Files, store = false): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, c]) => [name, bytes(c)])), { level: store ? 0 : 6 });
}

export const gz = (c: string | Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes(c)));

/** A ustar archive of regular files (names up to 100 bytes). */
export function tar(files: Files): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, c] of Object.entries(files)) {
    const body = bytes(c);
    const header = new Uint8Array(512);
    const put = (at: number, s: string) => header.set(new TextEncoder().encode(s), at);
    put(0, name);
    put(100, '0000644\0');
    put(108, '0000000\0');
    put(116, '0000000\0');
    put(124, body.length.toString(8).padStart(11, '0') + '\0');
    put(136, '00000000000\0');
    put(148, '        ');
    put(156, '0');
    put(257, 'ustar\0');
    put(263, '00');
    let sum = 0;
    for (const b of header) sum += b;
    put(148, sum.toString(8).padStart(6, '0') + '\0 ');
    parts.push(header, body, new Uint8Array((512 - (body.length % 512)) % 512));
  }
  parts.push(new Uint8Array(1024));
  return Buffer.concat(parts);
}
