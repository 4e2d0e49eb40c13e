// A binary file scanned through its printable strings (src/sources/strings.ts): the runs, in file
// order, are the lines of a text the detector scans with the same rules, so a name next to its value
// still counts. Each finding gets the byte offset (and byte length) of its value in the file; its line
// is the string's number among the strings kept, its column a character in that string.
//
// Runs are scanned in batches of bounded text (a binary read whole, or streamed in chunks), each with
// the last few runs of the batch before as context: memory stays bounded and time linear. The limit:
// a key ID and its secret split across a batch boundary pair only from the later one's side.
import { detect, type DetectOptions } from '../detect/detector.js';
import { FingerprintNumbers } from '../detect/fingerprint-numbers.js';
import type { CompiledRule } from '../rules/load.js';
import { StringsExtractor, type StringRun } from '../sources/strings.js';
import type { ByteSource } from '../sources/byte-source.js';
import type { Finding, Location } from '../types.js';

/** Characters of string text scanned at once. */
const BATCH_CHARS = 4 * 1024 * 1024;
/** Runs of the batch before carried as context (evidence a few lines above a key), up to CONTEXT_CHARS. */
const CONTEXT_RUNS = 8;
const CONTEXT_CHARS = 64 * 1024;
/** Bytes read at once from a streamed binary. */
const READ_BYTES = 1024 * 1024;

/** Scans runs handed to it in file order, batch by batch. */
export class BinaryScan {
  readonly findings: Finding[] = [];
  private batch: StringRun[] = [];
  private batchChars = 0;
  private context: StringRun[] = [];
  /** Strings before the context: the context's first run is string number `before` + 1. */
  private before = 0;
  /** Occurrences of each base fingerprint so far, numbered over the whole file as detect() does. */
  private readonly numbers = new FingerprintNumbers();

  constructor(
    private readonly path: string,
    private readonly rules: readonly CompiledRule[],
    private readonly opts: DetectOptions = {},
  ) {}

  add(runs: readonly StringRun[]): void {
    for (const run of runs) {
      this.batch.push(run);
      this.batchChars += run.text.length + 1;
      if (this.batchChars >= BATCH_CHARS) this.flush();
    }
  }

  finish(): Finding[] {
    this.flush();
    return this.findings;
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const runs = [...this.context, ...this.batch];
    const text = runs.map((r) => r.text).join('\n');
    const at = (loc: Location): Location => place(loc, runs, this.before);
    for (const f of detect({ path: this.path, text }, this.rules, this.opts)) {
      if (f.line <= this.context.length) continue;
      const moved: Finding = { ...f, ...at(f) };
      if (f.pair) moved.pair = { ...f.pair, ...at(f.pair) };
      moved.fingerprint = this.numbers.next(f.fingerprint);
      this.findings.push(moved);
    }
    this.before += runs.length;
    this.context = lastRuns(this.batch);
    this.before -= this.context.length;
    this.batch = [];
    this.batchChars = 0;
  }
}

/** A location in the joined text of `runs` as a place in the file: string numbers and byte offsets. */
function place(loc: Location, runs: readonly StringRun[], before: number): Location {
  const start = runs[loc.line - 1]!;
  const end = runs[loc.endLine - 1]!;
  const offset = start.offset + (loc.column - 1) * start.width;
  const endOffset = end.offset + (loc.endColumn - 1) * end.width;
  return { path: loc.path, line: loc.line + before, column: loc.column, endLine: loc.endLine + before, endColumn: loc.endColumn, offset, byteLength: endOffset - offset };
}

function lastRuns(runs: readonly StringRun[]): StringRun[] {
  const out: StringRun[] = [];
  let chars = 0;
  for (let i = runs.length - 1; i >= 0 && out.length < CONTEXT_RUNS; i--) {
    chars += runs[i]!.text.length;
    if (chars > CONTEXT_CHARS) break;
    out.unshift(runs[i]!);
  }
  return out;
}

/** Findings in the strings of a binary read whole. */
export function scanBinaryBytes(path: string, bytes: Uint8Array, rules: readonly CompiledRule[], opts: DetectOptions = {}): Finding[] {
  const strings = new StringsExtractor();
  const scan = new BinaryScan(path, rules, opts);
  scan.add(strings.push(bytes));
  scan.add(strings.end());
  return scan.finish();
}

/**
 * Findings in the strings of a binary read from `source`, whose first bytes (`head`) are already read:
 * chunk by chunk, memory bounded by a chunk and a batch. Returns the bytes read in all.
 */
export async function scanBinaryStream(path: string, head: Uint8Array, source: ByteSource, rules: readonly CompiledRule[], opts: DetectOptions = {}): Promise<{ findings: Finding[]; bytes: number }> {
  const strings = new StringsExtractor();
  const scan = new BinaryScan(path, rules, opts);
  scan.add(strings.push(head));
  let bytes = head.length;
  const buf = Buffer.alloc(READ_BYTES);
  for (let n = await source.read(buf, 0, READ_BYTES); n > 0; n = await source.read(buf, 0, READ_BYTES)) {
    bytes += n;
    scan.add(strings.push(buf.subarray(0, n)));
  }
  scan.add(strings.end());
  return { findings: scan.finish(), bytes };
}
