// One file's or blob's bytes to findings, counted in the stats: shared by the folder, staged and
// history scans, in the main thread or a worker, so that binary detection, decoding and counting
// are the same everywhere.
import { detectWith } from '../detect/detector.js';
import type { Candidate } from '../shape/extract.js';
import type { CompiledRule } from '../rules/load.js';
import { countSkip, type Finding, type ScanError, type Stats } from '../types.js';
import { isAscii } from 'node:buffer';
import { decode, sniffEncoding } from '../sources/decode.js';
import { shapePlanOf } from '../detect/windows.js';
import { hasTrigger } from '../decode/stage.js';
import { scanBinaryBytes } from './binary.js';
import { tooLargeError } from '../sources/fs-error.js';
import { containerKind, type ArchiveLimits } from '../archive/sniff.js';

export { tooLargeError };

/**
 * What scanning one file or blob gave: a value that crosses a worker boundary (structured clone) and
 * is counted into the stats by the thread that owns them.
 */
export type ContentOutcome =
  /**
   * `warning`: scanned only in part (stdin or a device longer than --max-file-size). `warnings`: about
   * entries of an archive (a limit hit, a corrupt archive), naming each. `binary`: a binary scanned
   * through its printable strings. `binaries`: entries of an archive that are binaries and were not
   * scanned (--no-binary-strings), each counted as a skipped binary as a file would be.
   */
  | { kind: 'scanned'; bytes: number; findings: Finding[]; warning?: ScanError; warnings?: ScanError[]; binary?: true; binaries?: string[] }
  | { kind: 'binary'; path: string }
  | { kind: 'error'; error: ScanError };

/** How content is scanned, besides the rules (the same in every thread). */
export interface ContentOptions {
  /** Binaries are scanned through their printable strings (absent: true); false: skipped and counted as binary. */
  binaryStrings?: boolean;
  /** --max-decode-depth: layers of encoding undone (absent: MAX_DECODE_DEPTH; 0: none). */
  decodeDepth?: number;
}

/**
 * Findings in `bytes` (unredacted); a binary gives those in its strings, or none without
 * `binaryStrings`. Never throws: whatever goes wrong while decoding or detecting (a regex that
 * overflows the stack on a pathological token, a bug) is this file's warning, and the scan goes on
 * with the next one.
 */
export function scanBytes(path: string, bytes: Uint8Array, rules: readonly CompiledRule[], opts: ContentOptions = {}): ContentOutcome {
  try {
    const detectOpts = { decodeDepth: opts.decodeDepth };
    const candidates = candidatesInBytes(bytes, rules, opts.decodeDepth !== 0);
    if (candidates === 'none') return { kind: 'scanned', bytes: bytes.length, findings: [] };
    contentCounts.decoded++;
    const decoded = decode(bytes);
    if (decoded.binary && opts.binaryStrings === false) return { kind: 'binary', path };
    if (decoded.binary) return { kind: 'scanned', bytes: bytes.length, findings: scanBinaryBytes(path, bytes, rules, detectOpts), binary: true };
    // As many characters as bytes: every byte became one character (ASCII, or a byte that is not
    // UTF-8 and became U+FFFD), so offsets in the bytes are offsets in the text.
    const same = candidates !== undefined && decoded.text.length === bytes.length;
    return { kind: 'scanned', bytes: bytes.length, findings: detectWith({ path, text: decoded.text }, rules, same ? candidates : undefined, detectOpts) };
  } catch (err) {
    return { kind: 'error', error: scanFailed(path, err) };
  }
}

/** Files decoded, and files found to have no candidates and so never decoded (for tests: counts, not time). */
export const contentCounts = { decoded: 0, withoutCandidates: 0 };

/**
 * The candidates of the rules' shapes in UTF-8 (or ASCII) bytes, or 'none' for text in which no
 * shape and no trigger of the decoding stage (src/decode/stage.ts) occurs: with every rule shaped it
 * has no findings, so it is neither decoded nor detected.
 * Bytes give the same runs as their decoded text (every shape is ASCII; every byte of a multibyte
 * sequence, and what it decodes to, is outside every alphabet). Undefined for bytes that are not
 * all ASCII (a binary, scanned through its strings; UTF-8 with multibyte characters, whose offsets
 * differ) and for UTF-16 text: those are decoded first and their candidates found in the text.
 */
function candidatesInBytes(bytes: Uint8Array, rules: readonly CompiledRule[], decoding: boolean): Candidate[][] | 'none' | undefined {
  const plan = shapePlanOf(rules);
  if (plan.finder.shapes.length === 0 || sniffEncoding(bytes) !== 'utf-8') return undefined;
  // Not ASCII (UTF-8 text with a multibyte character, or a binary): byte offsets are not the text's,
  // so the candidates are found again in the text (or in a binary's strings). The bytes only answer
  // whether there is one, stopping at the first: a full pass here was a third of the shape pass's
  // time on the bench's trees, for nothing.
  if (!isAscii(bytes)) {
    if (!plan.allShaped || plan.finder.anyInBytes(bytes)) return undefined;
    return decoding && hasTrigger(bytes) ? undefined : noCandidates();
  }
  const candidates = plan.finder.inBytes(bytes);
  if (!plan.allShaped || candidates.some((list) => list.length > 0)) return candidates;
  // No candidate, but perhaps a key cut in pieces or escaped beside its name: decoded and scanned.
  if (decoding && hasTrigger(bytes)) return candidates;
  return noCandidates();
}

/** A file with no candidate and no trigger: counted, and neither decoded nor detected. */
function noCandidates(): 'none' {
  contentCounts.withoutCandidates++;
  return 'none';
}

/** The archive scanner (and its zip library), loaded with the first container met: most scans meet none. */
let archiveScanner: Promise<typeof import('../archive/scan.js')> | undefined;

/**
 * scanBytes, with a container (zip, gzip, tar, by their first bytes) opened and its entries scanned
 * when `archives` is given: BEFORE the binary test, which every archive would fail. Never throws.
 */
export async function scanContent(path: string, bytes: Uint8Array, rules: readonly CompiledRule[], limits: ContentOptions & { maxFileSize: number; archives?: ArchiveLimits }): Promise<ContentOutcome> {
  const kind = limits.archives === undefined ? undefined : containerKind(bytes);
  if (kind === undefined) return scanBytes(path, bytes, rules, limits);
  try {
    const { scanArchive } = await (archiveScanner ??= import('../archive/scan.js'));
    return await scanArchive(path, bytes, kind, rules, limits.archives!, limits.maxFileSize, limits);
  } catch (err) {
    return { kind: 'error', error: scanFailed(path, err) };
  }
}

/** The warning for a file whose scan threw: its path and what went wrong, in one line. */
export function scanFailed(path: string, err: unknown): ScanError {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { path, kind: 'scan-failed', message: `not scanned: the scan failed (${message.split('\n')[0]})` };
}

/** Counts an outcome into the stats and returns its findings; an error goes to `errors`. */
export function countOutcome(outcome: ContentOutcome, stats: Stats, errors: ScanError[]): Finding[] {
  if (outcome.kind === 'binary') {
    countSkip(stats, 'binary', outcome.path);
    return [];
  }
  if (outcome.kind === 'error') {
    if (outcome.error.kind === 'too-large') countSkip(stats, 'tooLarge', outcome.error.path);
    errors.push(outcome.error);
    stats.errors = errors.length;
    return [];
  }
  stats.filesScanned++;
  if (outcome.binary) stats.binariesScanned++;
  for (const path of outcome.binaries ?? []) countSkip(stats, 'binary', path);
  stats.bytesScanned += outcome.bytes;
  for (const warning of [outcome.warning ?? [], outcome.warnings ?? []].flat()) errors.push(warning);
  stats.errors = errors.length;
  return outcome.findings;
}
