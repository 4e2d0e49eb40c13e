// File-system errors (and the size cap) as values a user can act on; its own module so that worker threads can use it
// without loading the walker and its gitignore matcher.
import type { ScanError } from '../types.js';

/** A file-system error as a value the user can act on. */
export function fsError(path: string, err: unknown): ScanError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { path, kind: 'permission', message: 'permission denied' };
  if (code === 'ENOENT') return { path, kind: 'not-found', message: 'no such file or directory' };
  return { path, kind: 'unreadable', message: (err as Error).message };
}

/** Content over --max-file-size: reported as a warning, never silently dropped. */
export function tooLargeError(path: string, size: number, maxFileSize: number, what = ''): ScanError {
  return { path, kind: 'too-large', message: `not scanned: ${what}${size} bytes is over --max-file-size (${maxFileSize} bytes)` };
}

/** Input of unknown size (stdin, a FIFO, a device) that went on past --max-file-size: its start was scanned. */
export function truncatedError(path: string, maxFileSize: number): ScanError {
  return { path, kind: 'too-large', message: `only the first ${maxFileSize} bytes were scanned: it goes on past --max-file-size (${maxFileSize} bytes)` };
}
