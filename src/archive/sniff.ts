// What kind of container a file's first bytes say it is, and the limits on opening one. Loads no
// library: every scan asks this of every file, and the pre-commit path must stay light; the readers
// (open.ts) are loaded only when a container is met.

export type ContainerKind = 'zip' | 'gzip' | 'tar';

/** By magic, not by name: a .jar, .whl, .docx or a renamed file is a zip all the same. */
export function containerKind(head: Uint8Array): ContainerKind | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // POSIX ustar and GNU tar both put "ustar" at offset 257 of the first header.
  if (head.length >= 512 && head[257] === 0x75 && head[258] === 0x73 && head[259] === 0x74 && head[260] === 0x61 && head[261] === 0x72) return 'tar';
  return undefined;
}

/** How far containers are opened; every limit hit is an `archive-limit` warning naming the entry. */
export interface ArchiveLimits {
  /** Containers opened one inside another (a .tar.gz is two: the gzip, then the tar). */
  maxDepth: number;
  /** Uncompressed bytes read out of one top-level file, all levels together. */
  maxBytes: number;
  /** Uncompressed bytes per byte of the top-level file, once past RATIO_FREE_BYTES: a decompression bomb. */
  maxRatio: number;
  /** Entries looked at in one top-level file, all levels together. */
  maxEntries: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxDepth: 5, maxBytes: 256 * MiB, maxRatio: 100, maxEntries: 100_000 };
/** Small archives compress text far better than 100:1 (a page of one repeated line); the ratio applies past this. */
export const RATIO_FREE_BYTES = 4 * MiB;

/** What entryName changes: `%`, a backslash, an empty, `.` or `..` segment, a leading `/`. */
const NEEDS_ESCAPING = /[%\\]|\/\/|^\/|(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * An entry's name as it is shown after `!/`: only a name, never a path anything is written to. `..`
 * segments, a leading `/` and `%` itself are percent-encoded, so that `a.zip!/../../evil` cannot read
 * as a path outside the archive; backslashes (DOS-made zips) become `/`.
 */
export function entryName(raw: string): string {
  // Most names have nothing to escape (a jar's 10,000 class files): returned as they are.
  if (raw !== '' && !NEEDS_ESCAPING.test(raw)) return raw;
  const parts = raw.replace(/%/g, '%25').replace(/\\/g, '/').split('/');
  const shown = parts.map((p) => (p === '..' ? '%2E%2E' : p === '.' ? '%2E' : p));
  if (shown[0] === '') shown[0] = '%2F';
  return shown.filter((p, i) => p !== '' || i === shown.length - 1).join('/');
}
