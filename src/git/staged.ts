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
import type { CompiledRule } from '../rules/load.js';
import type { Finding, ScanError, Stats } from '../types.js';
import { isFileMode, MODE_SUBMODULE, MODE_SYMLINK, parseAddedLines, parseRaw, ZERO_SHA, type AddedLines, type RawEntry } from './diff.js';
import { CatFile, findRepo, gitMessage, runGit, type GitResult, type ObjectData, type RepoLookup } from './repo.js';

/**
 * The git processes of a staged scan, started before the rules are loaded so that git works on the
 * other core while Node compiles the detector. Every one runs from the caller's folder: diff paths are
 * relative to the top level whatever the folder (diff.relative, which would change that, is turned
 * off), and `diff --cached` without a commit compares with HEAD, or with the empty tree while there
 * are no commits yet. Pass it to scanStaged, or close() it.
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
  /** The detector and friends, loading while git works. */
  modules: Promise<Modules>;
  close(): void;
}

type Modules = [typeof import('../scan/content.js'), typeof import('../pipeline.js'), typeof import('../sources/decode.js')];
const loadModules = (): Promise<Modules> => Promise.all([import('../scan/content.js'), import('../pipeline.js'), import('../sources/decode.js')]);

export function startStaged(cwd: string): StagedStart {
  const common = ['--cached', '--no-ext-diff', '--no-textconv', '--find-renames', '--'];
  const diff = (args: string[]) => runGit(['-c', 'diff.relative=false', 'diff', ...args, ...common], { cwd });
  const repo = findRepo(cwd);
  const raw = diff(['--raw', '-z', '--no-abbrev', '--ignore-submodules=none']);
  const cat = CatFile.batch(cwd);
  const modules = loadModules();
  modules.catch(() => {}); // a broken install is reported where scanStaged awaits it, not as unhandled
  let patch: Promise<GitResult> | undefined;
  return {
    repo,
    raw,
    patch: () => (patch ??= diff(['-U0', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=MRC'])),
    cat,
    modules,
    close: () => cat.close(),
  };
}

export interface StagedOptions {
  /** Anywhere inside the work tree. */
  cwd: string;
  rules: CompiledRule[];
  /** Report every finding in the staged content of changed files, not only those on added lines. */
  allLines?: boolean;
  /** Bytes; larger staged blobs are not read and come back as 'too-large' errors. */
  maxFileSize: number;
  /** The git processes, if already started (startStaged with the same cwd); closed here. */
  start?: StagedStart;
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

export async function scanStaged(opts: StagedOptions): Promise<StagedResult> {
  const started = Date.now();
  const start = opts.start ?? startStaged(opts.cwd);
  const { cat } = start;
  try {
    const [found, raw] = await Promise.all([start.repo, start.raw]);
    if (!found.ok) return found;
    if (found.repo.topLevel === undefined) {
      return {
        ok: false,
        message: found.repo.bare
          ? `${opts.cwd} is a bare repository: it has no index; run keyhound staged in a work tree`
          : `${opts.cwd} is inside the git directory; run keyhound staged in the work tree`,
      };
    }
    if (raw.code !== 0) return { ok: false, message: `git diff --cached failed: ${gitMessage(raw)}` };
    let added: Promise<Map<string, AddedLines>> | undefined;
    const addedLines = opts.allLines ? undefined : () => (added ??= start.patch().then((patch) => {
      if (patch.code !== 0) throw new PatchError(`git diff --cached failed: ${gitMessage(patch)}`);
      return parseAddedLines(patch.stdout);
    }));
    return await scanEntries(opts, cat, parseRaw(raw.stdout), addedLines, await start.modules, started);
  } catch (err) {
    if (err instanceof PatchError) return { ok: false, message: err.message };
    return { ok: false, message: `reading staged files failed: ${(err as Error).message}` };
  } finally {
    cat.close();
  }
}

class PatchError extends Error {}

/** `addedLines`: the added lines of every modified, renamed or copied file; undefined with allLines. */
async function scanEntries(opts: StagedOptions, cat: CatFile, entries: RawEntry[], addedLines: (() => Promise<Map<string, AddedLines>>) | undefined, modules: Modules, started: number): Promise<StagedResult> {
  // Loaded by startStaged, not at the top: git is running before the detector is compiled.
  const [{ scanContent, tooLarge }, { emptyStats }, { decode }] = modules;
  const stats = emptyStats();
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const submodules: string[] = [];
  const toScan: RawEntry[] = [];
  for (const entry of entries) {
    if (entry.status === 'D' || entry.status === 'U' || ZERO_SHA.test(entry.newSha)) continue;
    if (entry.newMode === MODE_SUBMODULE) submodules.push(entry.path);
    else if (entry.newMode === MODE_SYMLINK) stats.skipped.symlink++;
    else if (isFileMode(entry.newMode)) toScan.push(entry);
  }
  // Blobs are asked for a group at a time (one write to git per group), the next group while this
  // one is scanned: at most two groups of blobs are in memory.
  const reads: (Promise<ObjectData | undefined> | undefined)[] = [];
  const askGroup = (group: number): void => {
    for (let i = group * READ_GROUP; i < Math.min(toScan.length, (group + 1) * READ_GROUP); i++) {
      const read = cat.request(toScan[i]!.newSha, opts.maxFileSize);
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
      errors.push({ path: entry.path, kind: 'not-found', message: `staged blob ${entry.newSha} is missing from the object database` });
      continue;
    }
    if (blob.content === undefined) {
      errors.push(tooLarge(entry.path, blob.size, opts.maxFileSize, stats));
      continue;
    }
    let hits = scanContent(entry.path, blob.content, opts.rules, stats, errors);
    if (addedLines !== undefined && hits.length > 0) hits = await newOnly(hits, entry, addedLines, cat, opts.maxFileSize, decode);
    findings.push(...hits);
  }
  stats.errors = errors.length;
  stats.findings = findings.length;
  return { ok: true, findings, errors, stats: { ...stats, durationMs: Date.now() - started }, submodules };
}

/**
 * The findings the commit introduces: on an added line (for a file git diffs as binary but that
 * decodes as text, every line counts), and with a secret that is not already in the HEAD version.
 */
async function newOnly(hits: Finding[], entry: RawEntry, addedLines: () => Promise<Map<string, AddedLines>>, cat: CatFile, maxFileSize: number, decode: typeof import('../sources/decode.js').decode): Promise<Finding[]> {
  // The patch covers modified, renamed and copied files (--diff-filter=MRC): asked for only for them.
  const lines = entry.status === 'A' || entry.status === 'T' ? undefined : (await addedLines()).get(entry.path);
  const wholeFileNew = entry.status === 'A' || entry.status === 'T' || lines === 'binary';
  const onAdded = wholeFileNew ? hits : hits.filter((f) => lines !== undefined && touches(lines as Set<number>, f.line, f.endLine));
  if (onAdded.length === 0 || ZERO_SHA.test(entry.oldSha) || entry.status === 'A') return onAdded;
  const before = await cat.request(entry.oldSha, maxFileSize);
  if (before?.content === undefined) return onAdded;
  const decoded = decode(before.content);
  if (decoded.binary) return onAdded;
  return onAdded.filter((f) => !decoded.text.includes(f.secret));
}

function touches(lines: Set<number>, from: number, to: number): boolean {
  for (let n = from; n <= to; n++) if (lines.has(n)) return true;
  return false;
}
