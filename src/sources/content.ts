// One file's or blob's bytes to findings, counted in the stats: shared by the folder, staged and
// history scans so that binary detection, decoding and counting are the same everywhere.
import { detect } from '../detect/detector.js';
import type { CompiledRule } from '../rules/load.js';
import type { Finding, ScanError, Stats } from '../types.js';
import { decode } from './decode.js';

/** Findings in `bytes` (unredacted); a binary file is counted as skipped and gives none. */
export function scanContent(path: string, bytes: Uint8Array, rules: readonly CompiledRule[], stats: Stats): Finding[] {
  const decoded = decode(bytes);
  if (decoded.binary) {
    stats.skipped.binary++;
    return [];
  }
  stats.filesScanned++;
  stats.bytesScanned += bytes.length;
  return detect({ path, text: decoded.text }, rules);
}

/** The warning for content over --max-file-size, counted as skipped: reported, never silently dropped. */
export function tooLarge(path: string, size: number, maxFileSize: number, stats: Stats, what = ''): ScanError {
  stats.skipped.tooLarge++;
  return { path, kind: 'too-large', message: `not scanned: ${what}${size} bytes is over --max-file-size (${maxFileSize} bytes)` };
}
