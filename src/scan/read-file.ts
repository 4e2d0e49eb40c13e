// Reads one file and scans it, in whichever thread runs it. Small files are read whole with blocking
// calls: one open/fstat/read/close with no thread-pool round trip per call (measured: async reads of
// ~13,000 small files spent more time waiting than scanning). Large files are streamed in chunks, so
// memory stays bounded whatever their size.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { containerKind, type ArchiveLimits } from '../archive/sniff.js';
import type { CompiledRule } from '../rules/load.js';
import { scanContent, scanFailed, tooLargeError, type ContentOptions, type ContentOutcome } from './content.js';
import { fdSource, type ByteSource } from '../sources/byte-source.js';
import { fsError, truncatedError } from '../sources/fs-error.js';
import { scanStream } from './stream.js';

export interface FileTask {
  /** As reported. */
  path: string;
  /** As opened: bytes when the name is not valid UTF-8 (a Uint8Array once it has crossed to a worker, which fs takes too). */
  abs: string | Buffer;
}

export interface ReadLimits extends ContentOptions {
  /** --max-file-size: larger files are reported and not scanned. */
  maxFileSize: number;
  /** Files larger than this are streamed in chunks rather than read whole. */
  streamAbove: number;
  /** Containers are opened, within these limits; undefined with --no-archives. */
  archives?: ArchiveLimits;
}

/** Files above this size are streamed (defined with the other size limits, which --help shows). */
export { STREAM_ABOVE } from '../size.js';

export async function scanFile(task: FileTask, rules: readonly CompiledRule[], limits: ReadLimits): Promise<ContentOutcome> {
  let fd: number;
  try {
    fd = openSync(task.abs, 'r');
  } catch (err) {
    return { kind: 'error', error: fsError(task.path, err) };
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'error', error: { path: task.path, kind: 'unreadable', message: 'is a directory' } };
    // A FIFO or device has no size (and /dev/zero no end): it is streamed, up to --max-file-size. It
    // is only ever scanned when named on the command line; the folder walker skips them.
    // Nor is it scanned through its strings when binary: /dev/zero or /dev/urandom would be read up
    // to --max-file-size for nothing, where a binary test ends them at once.
    if (!stat.isFile()) return await scanSource(task.path, fdSource(fd), rules, { ...limits, binaryStrings: false });
    if (stat.size > limits.maxFileSize) return { kind: 'error', error: tooLargeError(task.path, stat.size, limits.maxFileSize) };
    // A large archive is read whole (up to --max-file-size): a zip's directory is at its end.
    if (stat.size > limits.streamAbove && !isContainer(fd, limits)) return await scanSource(task.path, fdSource(fd), rules, limits);
    bytes = readFileSync(fd);
  } catch (err) {
    return { kind: 'error', error: fsError(task.path, err) };
  } finally {
    closeSync(fd);
  }
  // The file may have grown since it was measured.
  if (bytes.length > limits.maxFileSize) return { kind: 'error', error: tooLargeError(task.path, bytes.length, limits.maxFileSize) };
  return scanContent(task.path, bytes, rules, limits);
}

/** Whether the file's first bytes are a container's that is to be opened. */
function isContainer(fd: number, limits: ReadLimits): boolean {
  if (limits.archives === undefined) return false;
  const head = Buffer.alloc(512);
  return containerKind(head.subarray(0, readSync(fd, head, 0, head.length, 0))) !== undefined;
}

/**
 * Streams `source` (a large file, a FIFO, a device, standard input) through the windowed scanner, up
 * to `maxFileSize` bytes: what goes on past that is not read, and is a too-large warning. Never throws.
 */
export async function scanSource(path: string, source: ByteSource, rules: readonly CompiledRule[], limits: Pick<ReadLimits, 'maxFileSize' | 'binaryStrings' | 'decodeDepth'>): Promise<ContentOutcome> {
  const { maxFileSize } = limits;
  try {
    const streamed = await scanStream(path, source, rules, { maxBytes: maxFileSize, binaryStrings: limits.binaryStrings, decodeDepth: limits.decodeDepth });
    if (streamed.binary && !streamed.strings) return { kind: 'binary', path };
    const outcome: ContentOutcome = { kind: 'scanned', bytes: streamed.bytes, findings: streamed.findings, ...(streamed.strings ? { binary: true as const } : {}) };
    return streamed.truncated ? { ...outcome, warning: truncatedError(path, maxFileSize) } : outcome;
  } catch (err) {
    // A failed system call is a file-system problem; anything else is this input's scan failing.
    return { kind: 'error', error: (err as NodeJS.ErrnoException).syscall !== undefined ? fsError(path, err) : scanFailed(path, err) };
  }
}
