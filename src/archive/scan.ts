// Scans a container's entries as files: each entry's bytes go through scanBytes (decode, detect,
// inline allows) exactly as a file's would, located as `outer.zip!/inner.jar!/config/app.properties`.
// Containers inside are opened in turn, to --max-archive-depth. Everything read out of one top-level
// file shares one budget (bytes, ratio to the file's size, entries): a bomb ends in a warning naming
// the entry, never in unbounded memory. Loaded only when a container is met (it loads the readers).
import type { CompiledRule } from '../rules/load.js';
import { scanBytes, type ContentOptions, type ContentOutcome } from '../scan/content.js';
import { decode } from '../sources/decode.js';
import { stringsText } from '../sources/strings.js';
import type { Finding, ScanError } from '../types.js';
import { gunzip, isTooLarge, tarEntries, zipEntries, type Entry } from './readers.js';
import { containerKind, entryName, RATIO_FREE_BYTES, type ArchiveLimits, type ContainerKind } from './sniff.js';

/** A container's findings and the warnings about its entries; `bytes`: the uncompressed bytes scanned. */
export async function scanArchive(path: string, bytes: Uint8Array, kind: ContainerKind, rules: readonly CompiledRule[], limits: ArchiveLimits, maxFileSize: number, content: ContentOptions = {}): Promise<ContentOutcome> {
  const findings: Finding[] = [];
  const binaries: string[] = [];
  let scanned = 0;
  const walk = new Walk(limits, maxFileSize, bytes.length, (entryPath, entryBytes) => {
    const outcome = scanBytes(entryPath, entryBytes, rules, content);
    if (outcome.kind === 'scanned') {
      scanned += outcome.bytes;
      for (const finding of outcome.findings) findings.push(finding);
    } else if (outcome.kind === 'error') {
      walk.warnings.push(outcome.error);
    } else {
      binaries.push(outcome.path);
    }
  });
  await walk.open(path, bytes, kind, 1);
  return { kind: 'scanned', bytes: scanned, findings, warnings: walk.warnings, ...(binaries.length > 0 ? { binaries } : {}) };
}

/**
 * The text of every entry (a binary entry's printable strings), within the same limits: what a staged
 * change to an archive is compared with, so that a key already in the committed version is not new.
 */
export async function archiveText(bytes: Uint8Array, kind: ContainerKind, limits: ArchiveLimits, maxFileSize: number): Promise<string> {
  const texts: string[] = [];
  const walk = new Walk(limits, maxFileSize, bytes.length, (_path, entryBytes) => {
    const decoded = decode(entryBytes);
    texts.push(decoded.binary ? stringsText(entryBytes) : decoded.text);
  });
  await walk.open('', bytes, kind, 1);
  return texts.join('\n');
}

/** What is done with each entry that is not itself a container. */
type Leaf = (path: string, bytes: Uint8Array) => void;

class Walk {
  readonly warnings: ScanError[] = [];
  /** Uncompressed bytes read so far, all levels together. */
  private out = 0;
  private entries = 0;
  /** Set once the whole file's budget is spent: nothing more is read from it. */
  private stopped = false;
  private readonly maxOut: number;

  constructor(
    private readonly limits: ArchiveLimits,
    private readonly maxFileSize: number,
    topSize: number,
    private readonly leaf: Leaf,
  ) {
    this.maxOut = Math.min(limits.maxBytes, Math.max(RATIO_FREE_BYTES, topSize * limits.maxRatio));
  }

  async open(path: string, bytes: Uint8Array, kind: ContainerKind, depth: number): Promise<void> {
    if (depth > this.limits.maxDepth) return this.warn(path, `not opened: a ${kind} nested deeper than --max-archive-depth (${this.limits.maxDepth})`);
    try {
      if (kind === 'gzip') return await this.gzip(path, bytes, depth);
      // A tar entry is a slice of bytes already counted (the file, or what a gzip gave): only a zip's inflate adds.
      const admit = (name: string, size: number): boolean => this.admit(`${path}!/${entryName(name)}`, size, kind === 'zip');
      const entries = kind === 'zip' ? zipEntries(bytes, admit) : tarEntries(bytes, admit);
      for await (const entry of entries) {
        await this.entry(`${path}!/${entryName(entry.name)}`, entry, depth);
        if (this.stopped) return;
      }
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.warnings.push({ path, kind: 'archive-corrupt', message: `${kind} archive could not be read to its end (${why.split('\n')[0]}); the entries before that were scanned` });
    }
  }

  /** A gzip is one stream: its content keeps the file's path (`app.log.gz:3:1`, `backup.tar.gz!/home/.aws/credentials`). */
  private async gzip(path: string, bytes: Uint8Array, depth: number): Promise<void> {
    const room = Math.min(this.maxOut - this.out, this.maxFileSize);
    let content: Uint8Array;
    try {
      content = gunzip(bytes, room);
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      if (room < this.maxFileSize) this.overBudget(path, `over ${room} bytes uncompressed`);
      else this.warn(path, `not scanned: over --max-file-size (${this.maxFileSize} bytes) uncompressed`);
      return;
    }
    this.out += content.length;
    await this.entry(path, { name: '', bytes: content }, depth);
  }

  private async entry(path: string, entry: Entry, depth: number): Promise<void> {
    const inner = containerKind(entry.bytes);
    if (inner !== undefined) return this.open(path, entry.bytes, inner, depth + 1);
    this.leaf(path, entry.bytes);
  }

  /**
   * Before an entry is decompressed: is there room for it (its declared size) in the budget? A zip
   * entry cannot inflate past its declared size (readers.ts), so counting that bounds the real output.
   */
  private admit(path: string, size: number, inflates: boolean): boolean {
    if (this.stopped) return false;
    if (++this.entries > this.limits.maxEntries) {
      this.stopped = true;
      this.warn(path, `not scanned, nor any entry after it: more than ${this.limits.maxEntries} entries`);
      return false;
    }
    // The budget first: a bomb is named as one even when its entry is also over --max-file-size.
    if (inflates && this.out + size > this.maxOut) return this.overBudget(path, `${size} bytes uncompressed`);
    if (size > this.maxFileSize) {
      this.warn(path, `not scanned: ${size} bytes uncompressed is over --max-file-size (${this.maxFileSize} bytes)`);
      return false;
    }
    if (!inflates) return true;
    this.out += size;
    return true;
  }

  private overBudget(path: string, what: string): false {
    this.stopped = true;
    const ratio = this.maxOut < this.limits.maxBytes ? `${this.limits.maxRatio} times the archive's size, a decompression bomb?` : `the ${this.limits.maxBytes} bytes read out of one archive at most`;
    this.warn(path, `not scanned, nor any entry after it: ${what} would pass ${ratio}`);
    return false;
  }

  private warn(path: string, message: string): void {
    this.warnings.push({ path, kind: 'archive-limit', message });
  }
}
