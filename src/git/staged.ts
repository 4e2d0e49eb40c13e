// `keyhound staged`: the keys a commit would add, read from the index (so partially staged files, as
// `git add -p` leaves them, are judged by what is staged, not by the working tree). Built to run as a
// pre-commit hook: four git processes, all started at once (rev-parse, diff --raw, diff -U0, and one
// cat-file --batch that every blob is read through), and no history walk.
//
// What counts: a finding on a line the commit adds. A key already in HEAD that merely moves (another
// line, re-indented, the file renamed) is not new: a finding whose secret occurs anywhere in the HEAD
// version of the same file (for a rename or copy, its source) is dropped. `allLines` reports every
// finding in the staged content of the changed files instead.
import { scanContent, tooLarge } from '../sources/content.js';
import { emptyStats } from '../pipeline.js';
import type { CompiledRule } from '../rules/load.js';
import { decode } from '../sources/decode.js';
import type { Finding, ScanError, Stats } from '../types.js';
import { isFileMode, MODE_SUBMODULE, MODE_SYMLINK, parseAddedLines, parseRaw, ZERO_SHA, type AddedLines, type RawEntry } from './diff.js';
import { CatFile, findRepo, gitMessage, runGit, type ObjectData } from './repo.js';

export interface StagedOptions {
  /** Anywhere inside the work tree. */
  cwd: string;
  rules: CompiledRule[];
  /** Report every finding in the staged content of changed files, not only those on added lines. */
  allLines?: boolean;
  /** Bytes; larger staged blobs are not read and come back as 'too-large' errors. */
  maxFileSize: number;
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
  // Everything starts at once, from the caller's folder: diff paths are relative to the top level
  // whatever the folder (diff.relative, which would change that, is turned off), and `diff --cached`
  // without a commit compares with HEAD, or with the empty tree while there are no commits yet.
  const common = ['--cached', '--no-ext-diff', '--no-textconv', '--find-renames', '--'];
  const diff = (args: string[]) => runGit(['-c', 'diff.relative=false', 'diff', ...args, ...common], { cwd: opts.cwd });
  const cat = CatFile.batch(opts.cwd);
  const [found, raw, patch] = await Promise.all([
    findRepo(opts.cwd),
    diff(['--raw', '-z', '--no-abbrev', '--ignore-submodules=none']),
    // Only modified, renamed and copied files need line numbers: every line of an added file is new.
    opts.allLines ? undefined : diff(['-U0', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=MRC']),
  ]);
  try {
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
    if (patch !== undefined && patch.code !== 0) return { ok: false, message: `git diff --cached failed: ${gitMessage(patch)}` };
    return await scanEntries(opts, cat, parseRaw(raw.stdout), patch && parseAddedLines(patch.stdout), started);
  } catch (err) {
    return { ok: false, message: `reading staged files failed: ${(err as Error).message}` };
  } finally {
    cat.close();
  }
}

async function scanEntries(opts: StagedOptions, cat: CatFile, entries: RawEntry[], added: Map<string, AddedLines> | undefined, started: number): Promise<StagedResult> {
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
    let hits = scanContent(entry.path, blob.content, opts.rules, stats);
    if (added !== undefined && hits.length > 0) hits = await newOnly(hits, entry, added.get(entry.path), cat, opts.maxFileSize);
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
async function newOnly(hits: Finding[], entry: RawEntry, lines: AddedLines | undefined, cat: CatFile, maxFileSize: number): Promise<Finding[]> {
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
