// `keyhound staged`: the keys a commit would add, read from the index (so partially staged files, as
// `git add -p` leaves them, are judged by what is staged, not by the working tree). Built to run as a
// pre-commit hook: three git processes, all started at once (rev-parse, diff --raw, and one cat-file
// --batch that every blob is read through) before the detector is even loaded, and no history walk.
// A fourth (diff -U0, which lines are added) runs only when a modified, renamed or copied file has
// findings: most commits have none, and each git process costs the hook ~5-10 ms.
//
// What counts: a finding on a line the commit adds. A key already in HEAD that merely moves (another
// line, re-indented, the file renamed) is not new: a finding whose secret occurs anywhere in the HEAD
// version of the same file (for a rename or copy, its source) is dropped. `allLines` reports every
// finding in the staged content of the changed files instead.
import { blobText, holds } from './blob-text.js';
import type { CompiledRule } from '../rules/load.js';
import type { BaseLookup, BlobItem, Source, SourceContext, SourceEvent } from '../scan/source.js';
import { SourceFailure } from '../scan/source.js';
import { tooLargeError } from '../sources/fs-error.js';
import type { Finding, ScanError, Stats } from '../types.js';
import { isFileMode, MODE_SUBMODULE, MODE_SYMLINK, parseAddedLines, parseRaw, ZERO_SHA, type AddedLines, type RawEntry } from './diff.js';
import { CatFile, findRepo, gitMessage, runGit, type GitResult, type ObjectData, type RepoLookup } from './repo.js';

/**
 * The git processes of a staged scan, started before the rules are loaded so that git works on the
 * other core while Node compiles the detector. Every one runs from the caller's folder: diff paths are
 * relative to the top level whatever the folder (diff.relative, which would change that, is turned
 * off), and `diff --cached` without a commit compares with HEAD, or with the empty tree while there
 * are no commits yet. Give it to StagedSource, or close() it.
 */
export interface StagedStart {
  repo: Promise<RepoLookup>;
  raw: Promise<GitResult>;
  /**
   * The -U0 patch, started on the first call. Only modified, renamed and copied files need line
   * numbers (every line of an added file is new), and only when they have findings.
   */
  patch(): Promise<GitResult>;
  cat: CatFile;
  close(): void;
}

export function startStaged(cwd: string): StagedStart {
  const common = ['--cached', '--no-ext-diff', '--no-textconv', '--find-renames', '--'];
  const diff = (args: string[]) => runGit(['-c', 'diff.relative=false', 'diff', ...args, ...common], { cwd });
  const repo = findRepo(cwd);
  const raw = diff(['--raw', '-z', '--no-abbrev', '--ignore-submodules=none']);
  const cat = CatFile.batch(cwd);
  let patch: Promise<GitResult> | undefined;
  return {
    repo,
    raw,
    patch: () => (patch ??= diff(['-U0', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=MRC'])),
    cat,
    close: () => cat.close(),
  };
}

export interface StagedSourceOptions {
  /** Anywhere inside the work tree. */
  cwd: string;
  /** Report every finding in the staged content of changed files, not only those on added lines. */
  allLines?: boolean;
  /** The git processes, if already started (startStaged with the same cwd); closed with the source. */
  start?: StagedStart;
}

export interface StagedOptions extends StagedSourceOptions {
  rules: CompiledRule[];
  /** Bytes; larger staged blobs are not read and come back as 'too-large' errors. */
  maxFileSize: number;
  /** Binary blobs scanned through their printable strings (default true). */
  binaryStrings?: boolean;
}

export type StagedResult =
  | {
      ok: true;
      /** Unredacted; paths relative to the repository's top level, with '/'. */
      findings: Finding[];
      errors: ScanError[];
      stats: Stats;
      /** Staged submodule changes (gitlinks), not scanned: the submodule is its own repository. */
      submodules: string[];
    }
  | { ok: false; message: string };

/** Blobs requested from cat-file at once. */
const READ_GROUP = 16;

/** A staged blob: `previous` is the HEAD version (or a rename's source) when the file existed. */
export interface StagedItem extends BlobItem {
  status: RawEntry['status'];
}

/** The staged changes as a source: each added, modified, renamed or copied file's staged blob. */
export class StagedSource implements Source<StagedItem> {
  readonly mode = 'staged';
  readonly failurePrefix = 'reading staged files failed';
  /** Staged submodule changes (gitlinks), not scanned: the submodule is its own repository. */
  readonly submodules: string[] = [];
  private readonly start: StagedStart;
  private maxFileSize = Infinity;
  private added?: Promise<Map<string, AddedLines>>;

  /** Starts the git processes at once (unless `opts.start` already did). */
  constructor(private readonly opts: StagedSourceOptions) {
    this.start = opts.start ?? startStaged(opts.cwd);
  }

  async base(): Promise<BaseLookup> {
    const found = await this.start.repo;
    if (!found.ok) return { ok: false, messages: [found.message] };
    if (found.repo.topLevel === undefined) {
      const where = found.repo.bare ? 'is a bare repository: it has no index' : 'is inside the git directory';
      return { ok: false, messages: [`${this.opts.cwd} ${where}; run keyhound staged in ${found.repo.bare ? 'a' : 'the'} work tree`] };
    }
    return { ok: true, dir: found.repo.topLevel };
  }

  async *events(ctx: SourceContext): AsyncGenerator<SourceEvent<StagedItem>> {
    this.maxFileSize = ctx.maxFileSize;
    const raw = await this.start.raw;
    if (raw.code !== 0) throw new SourceFailure(`git diff --cached failed: ${gitMessage(raw)}`);
    const toScan: RawEntry[] = [];
    for (const entry of parseRaw(raw.stdout)) {
      if (entry.status === 'D' || entry.status === 'U' || ZERO_SHA.test(entry.newSha)) continue;
      if (entry.newMode === MODE_SUBMODULE) this.submodules.push(entry.path);
      else if (entry.newMode === MODE_SYMLINK) yield { type: 'skip', reason: 'symlink', path: entry.path };
      else if (!isFileMode(entry.newMode)) continue;
      else {
        const skip = ctx.skipPath(entry.path);
        if (skip !== undefined) yield { type: 'skip', reason: skip, path: entry.path };
        else toScan.push(entry);
      }
    }
    // Blobs are asked for a group at a time (one write to git per group), the next group while this
    // one is scanned: at most two groups of blobs are in memory.
    const { cat } = this.start;
    const reads: (Promise<ObjectData | undefined> | undefined)[] = [];
    const askGroup = (group: number): void => {
      for (let i = group * READ_GROUP; i < Math.min(toScan.length, (group + 1) * READ_GROUP); i++) {
        const read = cat.request(toScan[i]!.newSha, ctx.maxFileSize);
        read.catch(() => {}); // handled where it is awaited; a read never awaited must not be unhandled
        reads[i] = read;
      }
    };
    askGroup(0);
    for (let i = 0; i < toScan.length; i++) {
      const entry = toScan[i]!;
      if (i % READ_GROUP === 0) askGroup(i / READ_GROUP + 1);
      const blob = await reads[i]!;
      reads[i] = undefined;
      if (blob === undefined) {
        yield { type: 'error', error: { path: entry.path, kind: 'not-found', message: `staged blob ${entry.newSha} is missing from the object database` } };
      } else if (blob.content === undefined) {
        yield { type: 'error', error: tooLargeError(entry.path, blob.size, ctx.maxFileSize) };
      } else {
        const item: StagedItem = { kind: 'blob', path: entry.path, oid: entry.newSha, size: blob.size, status: entry.status };
        if (!ZERO_SHA.test(entry.oldSha)) item.previous = entry.oldSha;
        yield { type: 'item', item, content: blob.content };
      }
    }
  }

  /**
   * The findings the commit introduces: on an added line (for a file git diffs as binary but that
   * decodes as text, every line counts), and with a secret that is not already in the HEAD version.
   */
  async postFilter(item: StagedItem, hits: Finding[]): Promise<Finding[]> {
    if (this.opts.allLines) return hits;
    const wholeFileNew = item.status === 'A' || item.status === 'T';
    // The patch covers modified, renamed and copied files (--diff-filter=MRC): asked for only for them.
    const lines = wholeFileNew ? undefined : (await this.addedLines()).get(item.path);
    const onAdded = wholeFileNew || lines === 'binary' ? hits : hits.filter((f) => lines !== undefined && touches(lines as Set<number>, f.line, f.endLine));
    if (onAdded.length === 0 || item.previous === undefined || item.status === 'A') return onAdded;
    const before = await this.start.cat.request(item.previous, this.maxFileSize);
    if (before?.content === undefined) return onAdded;
    const text = await blobText(before.content, this.maxFileSize);
    const already = await Promise.all(onAdded.map((f) => holds(text, f)));
    return onAdded.filter((_, i) => !already[i]);
  }

  close(): void {
    this.start.close();
  }

  /** The added lines of every modified, renamed or copied file, from one `git diff -U0`. */
  private addedLines(): Promise<Map<string, AddedLines>> {
    return (this.added ??= this.start.patch().then((patch) => {
      if (patch.code !== 0) throw new SourceFailure(`git diff --cached failed: ${gitMessage(patch)}`);
      return parseAddedLines(patch.stdout);
    }));
  }
}

/** The staged changes scanned with `rules`, unredacted, without configuration or archives: the tests' entry (the library's is api.ts scanStaged). */
export async function scanStaged(opts: StagedOptions): Promise<StagedResult> {
  const source = new StagedSource(opts);
  try {
    const base = await source.base();
    if (!base.ok) return { ok: false, message: base.messages[0]! };
    // Loaded here, not at the top: git is running before the detector is compiled.
    const { runSource } = await import('../scan/orchestrate.js');
    const r = await runSource(source, { rules: opts.rules, maxFileSize: opts.maxFileSize, binaryStrings: opts.binaryStrings, threads: 1 });
    if (!r.ok) return r;
    return { ok: true, findings: r.findings, errors: r.errors, stats: r.stats, submodules: source.submodules };
  } finally {
    source.close();
  }
}

function touches(lines: Set<number>, from: number, to: number): boolean {
  for (let n = from; n <= to; n++) if (lines.has(n)) return true;
  return false;
}

