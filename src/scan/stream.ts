// Large files in bounded memory: the file is read through a byte source and decoded as it is read, and
// the text is scanned in windows, each an owned region (a chunk) with context on both sides, so that a
// match near a chunk boundary sees what it would see in the whole file. Each finding is kept only by
// the window that owns its start, then moved to its place in the file, so the result equals detect()
// on the whole decoded text (see the limit below).
//
// The limit: a window holds the overlap (stretched to whole lines, see CONTEXT_STRETCH) on each side of
// its chunk, and nothing further. Evidence further than that from a key at a chunk boundary is not
// seen: a key ID several lines from its secret where those lines are longer than overlap/withinLines, a
// `requires.pattern` name more than the overlap away on one enormous line, an inline-allow marker on
// the same line but more than the overlap away, or a keyword that gates a rule occurring only outside
// the window. A match longer than 16 × the overlap (a 1 MiB token by default) is cut at the window end.
import { detect, type DetectOptions } from '../detect/detector.js';
import { FingerprintNumbers } from '../detect/fingerprint-numbers.js';
import { scanBinaryStream } from './binary.js';
import { LineIndex } from '../detect/lines.js';
import { nameStartOf, pairCredentials, pairRefOf, type Hit } from '../detect/pair.js';
import type { CompiledRule } from '../rules/load.js';
import { fileSource, LimitedSource, type ByteSource } from '../sources/byte-source.js';
import { countNewlines, TextReader } from '../sources/text-reader.js';
import type { Finding, Location } from '../types.js';

export interface StreamedScan {
  binary: boolean;
  /** A binary scanned through its printable strings (StreamOptions.binaryStrings). */
  strings?: boolean;
  /** Bytes read: the file's size, or what was read before it was found binary (or maxBytes). */
  bytes: number;
  /** Unredacted, as detect() returns them for the whole text. */
  findings: Finding[];
  /** The input went on past maxBytes: only its first maxBytes bytes were scanned. */
  truncated: boolean;
}

export interface StreamOptions {
  /** Characters each window owns (bytes, for ASCII). */
  chunkBytes?: number;
  /** Context on each side of a chunk; at least MIN_OVERLAP. */
  overlapBytes?: number;
  /** Stop reading after this many bytes (--max-file-size for inputs of unknown size: stdin, a FIFO, a device). */
  maxBytes?: number;
  /** A binary is scanned through its printable strings (absent: true; false: binary, no findings). */
  binaryStrings?: boolean;
  /** --max-decode-depth (absent: the detector's default). */
  decodeDepth?: number;
}

const DEFAULT_CHUNK = 8 * 1024 * 1024;
const DEFAULT_OVERLAP = 64 * 1024;
/** Below this a finding's lineText (CONTEXT_CHARS = 120 on each side) could not be the whole file's. */
const MIN_OVERLAP = 256;
/** Largest single read; a window's text is gathered from several. */
const MAX_READ = 1024 * 1024;
/** The before/after context may stretch to this many overlaps to hold the lines evidence needs. */
const CONTEXT_STRETCH = 4;
/** A finding ending this close to a window's end may have been cut: the window grows and is rescanned. */
const TAIL_CHARS = 128;
/** ... up to this many overlaps after the chunk. */
const TAIL_STRETCH = 16;

/** Scans the file at `abs` (reported as `path`) window by window; same findings as detect() on the whole text. */
export async function scanFileStreaming(path: string, abs: string, rules: readonly CompiledRule[], opts: StreamOptions = {}): Promise<StreamedScan> {
  return scanStream(path, await fileSource(abs), rules, opts);
}

/**
 * Scans whatever `source` yields, window by window, as scanFileStreaming does a file. Memory is
 * bounded by the window (chunk plus context), whatever the input's length; with `maxBytes` the input
 * is read no further than that, and `truncated` says whether it went on.
 */
export async function scanStream(path: string, source: ByteSource, rules: readonly CompiledRule[], opts: StreamOptions = {}): Promise<StreamedScan> {
  const limited = new LimitedSource(source, opts.maxBytes ?? Infinity);
  try {
    const chunk = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK);
    const overlap = Math.max(MIN_OVERLAP, opts.overlapBytes ?? DEFAULT_OVERLAP);
    const reader = new TextReader(limited, Math.min(chunk, MAX_READ));
    if (!(await reader.start())) {
      if (opts.binaryStrings === false) return { binary: true, bytes: reader.bytes, findings: [], truncated: false };
      const { findings, bytes } = await scanBinaryStream(path, reader.head, limited, rules, { decodeDepth: opts.decodeDepth });
      return { binary: true, strings: true, bytes, findings, truncated: limited.truncated };
    }
    const scan = new WindowedScan(path, rules, reader, chunk, overlap, { decodeDepth: opts.decodeDepth });
    const findings = await scan.run();
    return { binary: false, bytes: reader.bytes, findings: pairAll(findings, scan.places, rules), truncated: limited.truncated };
  } finally {
    await source.close?.();
  }
}

/** One window: its text spans [start, end) of the whole text, and it owns the findings that start in [from, to). */
interface Window {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** Where a finding is in the whole text, for pairing: absolute offsets, and where its name starts. */
interface Place {
  start: number;
  end: number;
  nameStart?: number;
}

class WindowedScan {
  private readonly findings: Finding[] = [];
  /** places[i] is where findings[i] is. */
  readonly places: Place[] = [];
  private readonly kinds: Map<string, CompiledRule>;
  /** Occurrences of each base fingerprint so far, to number repeats as detect() does over the whole text. */
  private readonly numbers = new FingerprintNumbers();
  /** Lines of context the evidence of a finding at a chunk boundary may need (pairing is redone on the whole file). */
  private readonly contextLines: number;

  constructor(
    private readonly path: string,
    private readonly rules: readonly CompiledRule[],
    private readonly reader: TextReader,
    private readonly chunk: number,
    private readonly overlap: number,
    private readonly detectOpts: DetectOptions = {},
  ) {
    this.contextLines = Math.max(0, ...rules.map((r) => r.requires?.withinLines ?? 0)) + 2;
    this.kinds = new Map(rules.map((r) => [r.id, r]));
  }

  async run(): Promise<Finding[]> {
    const r = this.reader;
    for (let from = 0; ; ) {
      await r.fill(from + this.chunk + this.overlap * CONTEXT_STRETCH);
      const to = Math.min(from + this.chunk, r.end);
      await this.scanWindow(from, to);
      if (r.eof && to >= r.end) return this.findings;
      // Keep only what the next window's before-context can reach.
      r.drop(Math.max(r.base, to - this.overlap * CONTEXT_STRETCH));
      from = to;
    }
  }

  /** Scans the window owning [from, to), growing its after-context while a finding may run past its end. */
  private async scanWindow(from: number, to: number): Promise<void> {
    const start = this.windowStart(from);
    for (let minEnd = to; ; ) {
      const window: Window = { start, end: this.windowEnd(to, minEnd), from, to };
      const owned = this.ownedFindings(window);
      const atEnd = this.reader.eof && window.end >= this.reader.end;
      if (!owned.cut || atEnd || window.end - to >= this.overlap * TAIL_STRETCH) return this.keep(owned.findings, owned.places, window);
      minEnd = window.end + Math.max(this.overlap, window.end - to);
      await this.reader.fill(minEnd);
    }
  }

  /** detect() on the window; the findings it owns, and whether one of them ends so near the end that it may be cut. */
  private ownedFindings(w: Window): { findings: Finding[]; places: Place[]; cut: boolean } {
    const text = this.slice(w.start, w.end);
    const lines = new LineIndex(text);
    const findings: Finding[] = [];
    const places: Place[] = [];
    let cut = false;
    for (const f of detect({ path: this.path, text }, this.rules, this.detectOpts)) {
      const start = lines.offsetOf(f.line, f.column);
      const end = lines.offsetOf(f.endLine, f.endColumn);
      if (w.start + start < w.from || w.start + start >= w.to) continue;
      findings.push(f);
      // The name is at most NAME_CHARS before the finding: inside the window's before-context.
      const nameStart = nameStartOf(text, start, this.kindOf(f.ruleId));
      places.push({ start: w.start + start, end: w.start + end, nameStart: nameStart === undefined ? undefined : w.start + nameStart });
      if (w.start + end > w.end - TAIL_CHARS) cut = true;
    }
    return { findings, places, cut };
  }

  private kindOf(ruleId: string): CompiledRule | undefined {
    return this.kinds.get(ruleId);
  }

  /** Moves the window's findings to their place in the file and renumbers repeated fingerprints. */
  private keep(found: Finding[], places: Place[], w: Window): void {
    const { newlines, column } = this.positionOf(w.start);
    const move = <T extends Location>(loc: T): T => ({
      ...loc,
      line: loc.line + newlines,
      column: loc.line === 1 ? loc.column + column : loc.column,
      endLine: loc.endLine + newlines,
      endColumn: loc.endLine === 1 ? loc.endColumn + column : loc.endColumn,
    });
    for (const f of found) {
      const moved = move(f);
      moved.fingerprint = this.numbers.next(f.fingerprint);
      this.findings.push(moved);
    }
    for (const place of places) this.places.push(place);
  }

  /** Newlines before absolute offset `at`, and how far `at` is into its line. */
  private positionOf(at: number): { newlines: number; column: number } {
    const r = this.reader;
    const before = this.slice(r.base, at);
    const last = before.lastIndexOf('\n');
    return { newlines: r.newlinesBefore + countNewlines(before), column: at - (last === -1 ? r.lineStartBefore : r.base + last + 1) };
  }

  /**
   * Where the window owning text from `from` starts: `contextLines` lines back (at least the overlap,
   * at most CONTEXT_STRETCH overlaps), moved forward to a line start (or at least a non-token character)
   * when one is near, so the window does not begin inside a token and fake a boundary there.
   */
  private windowStart(from: number): number {
    const min = Math.max(this.reader.base, from - this.overlap * CONTEXT_STRETCH);
    const candidate = Math.max(min, Math.min(from - this.overlap, this.linesBefore(from, min)));
    return candidate <= 0 ? 0 : this.cutAfter(candidate, candidate + this.overlap / 2, 'first');
  }

  /** The start of the line `contextLines` lines above the one holding `at`, or `min` if that is further. */
  private linesBefore(at: number, min: number): number {
    const r = this.reader;
    let nl = at;
    for (let i = 0; i <= this.contextLines; i++) {
      const found = nl - 1 < r.base ? -1 : r.text.lastIndexOf('\n', nl - 1 - r.base);
      if (found === -1 || r.base + found < min) return min;
      nl = r.base + found;
    }
    return nl + 1;
  }

  /**
   * Where the window owning text up to `to` ends: `contextLines` lines on and at least the overlap
   * (up to CONTEXT_STRETCH overlaps), and at least `minEnd`; moved back to a line end when one is near.
   */
  private windowEnd(to: number, minEnd: number): number {
    const r = this.reader;
    const max = Math.min(r.end, Math.max(to + this.overlap * CONTEXT_STRETCH, minEnd));
    let linesOn = to;
    for (let i = 0; i <= this.contextLines && linesOn < max; i++) {
      const nl = r.text.indexOf('\n', linesOn - r.base);
      linesOn = nl === -1 ? r.end : r.base + nl + 1;
    }
    const candidate = Math.min(max, Math.max(to + this.overlap, linesOn, minEnd));
    if (r.eof && candidate >= r.end) return r.end;
    return this.cutAfter(candidate - this.overlap / 2, candidate, 'last');
  }

  /**
   * A position in [lo, hi] just after a newline, else just after a character no token contains, else
   * `hi` (end) or `lo` (start). Searches only [lo, hi): never the rest of an enormous line.
   */
  private cutAfter(lo: number, hi: number, which: 'first' | 'last'): number {
    const r = this.reader;
    const a = Math.max(r.base, Math.floor(lo) - 1);
    const b = Math.min(r.end, Math.floor(hi));
    const part = r.text.slice(a - r.base, b - r.base);
    for (const re of [/\n/g, /[^A-Za-z0-9/+%=_.\-]/g]) {
      const at = which === 'first' ? firstIndex(re, part) : lastIndex(re, part);
      if (at !== -1) return a + at + 1;
    }
    return which === 'first' ? Math.max(r.base, Math.floor(lo)) : b;
  }

  private slice(start: number, end: number): string {
    return this.reader.text.slice(start - this.reader.base, end - this.reader.base);
  }
}

/**
 * Pairs IDs and secrets over the whole file, as detect() does: on one long line every ID is at distance
 * 0 lines from every secret, so who pairs with whom is a chain along the line that no window sees whole.
 * Pairing reads rule kinds, lines, offsets and names, and the windows give the whole file's findings
 * in order with their places in the whole text.
 */
function pairAll(findings: Finding[], places: readonly Place[], rules: readonly CompiledRule[]): Finding[] {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const hits: Hit[] = findings.map((f, i) => ({ rule: ruleById.get(f.ruleId)!, value: f.value, line: f.line, ...places[i]! }));
  const indexOf = new Map(hits.map((h, i) => [h, i]));
  const pairs = pairCredentials(hits);
  for (const [i, f] of findings.entries()) {
    const partner = pairs.get(hits[i]!);
    delete f.pair;
    f.severity = partner ? 'critical' : hits[i]!.rule.severity;
    if (partner === undefined) continue;
    const p = findings[indexOf.get(partner)!]!;
    f.pair = pairRefOf(p);
  }
  return findings;
}

function firstIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return re.exec(text)?.index ?? -1;
}

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m.index;
  return last;
}
