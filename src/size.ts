// Human sizes for --max-file-size: "500KB", "10MiB", "1g", or a number of bytes; and the size limits
// themselves, in one place, for the code and the --help text alike.

const MiB = 1024 * 1024;
/** scan: files above this size are streamed: a whole read would hold the bytes and their text at once. */
export const STREAM_ABOVE = 8 * MiB;
/** scan: --max-file-size when neither the flag nor defaults.maxFileSize says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 100 * MiB;
/** staged and history read each blob whole: a lower default. */
export const DEFAULT_MAX_BLOB_SIZE = 10 * MiB;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** Bytes for a size string (units are powers of 1024: KB = KiB), or undefined if it is not a size. */
export function parseSize(input: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(input);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** "8MiB", "500KiB" or "123 bytes": a size as --max-file-size would take it back. */
export function formatSize(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB}MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024}KiB`;
  return `${bytes} bytes`;
}
