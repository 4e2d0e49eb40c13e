// `keyhound history [range]`: every key ever committed (or, with a range, the keys those commits add),
// each attributed to the commit that introduced it.
//
// One pass, streamed: `git log --raw` over the commits oldest first (parents before children), so the
// first commit in which a blob appears IS the commit that introduced it, and no per-blob history
// search is needed afterwards. The log is read as it is scanned, never collected. Every unique blob is
// read once (by object name) through one of a few `cat-file --batch` processes (decompressing blobs is
// most of git's work, and one process is one core), pipelined, with backpressure: at most a window of
// blobs is asked for ahead of the scan, and a reader whose output the scan has not caught up with is
// no longer read, so git waits instead of piling content up in memory. Only findings, the set of blob
// names seen (as bytes, oid-set.ts), and the blobs in flight are held in memory.
//
// Attribution and deduplication:
// - a blob is scanned once, for the path and commit it first appears at; the same blob later added
//   under another path (a rename, a copy) is not reported again, but that path counts for `atHead`;
// - a finding is reported once per fingerprint (provider and part, path, value): a key that stays in a file
//   through many edits is one finding, attributed to the earliest commit that has it at that path;
// - a finding whose secret is already in the file's previous version (the parent commit's blob at
//   that path) is not introduced by this commit and is dropped; this matters for ranges, where the
//   previous version is outside the scan, so a range reports the keys its commits add, not the keys
//   they carry along.
// Merges are diffed against their first parent: what a merge brings from the side branch was already
// introduced by the side branch's own commits; what the merge itself adds (conflict resolutions) is
// scanned and attributed to the merge.
import { readFile } from 'node:fs/promises';
import type { ParallelAbove } from '../pool/batches.js';
import type { CompiledRule } from '../rules/load.js';
import { SourceFailure, type BaseLookup, type BlobItem, type Source, type SourceContext, type SourceEvent } from '../scan/source.js';
import { tooLargeError } from '../sources/fs-error.js';
import { pathFromBytes } from '../sources/path-bytes.js';
import type { CommitRef, Finding, ScanError, Stats } from '../types.js';
import { blobText, holds, outerPath } from './blob-text.js';
import { isFileMode, MODE_SUBMODULE, MODE_SYMLINK, parseRawMeta, ZERO_SHA } from './diff.js';
import { OidSet } from './oid-set.js';
import { CatFile, HISTORY_LOG_CAPS, HISTORY_READER_CAPS, findRepo, gitMessage, gitPath, nulTokens, resolveHead, runGit, spawnGit, type ObjectData, type RepoInfo } from './repo.js';

export interface HistorySourceOptions {
  /** Anywhere in the work tree, or the git directory of a bare repository. */
  cwd: string;
  /** Revisions as git takes them (`origin/main..HEAD`, `HEAD~3..`, `v1.0 ^v0.9`); default: all refs. */
  range?: string;
  /** The same, one revision per item (the command line's `history A B`); wins over `range`. */
  revisions?: string[];
  /** git log --since / --until: commits by date (git's date formats). */
  since?: string;
  until?: string;
  /** Only these paths (git pathspecs, as after `git log --`). */
  paths?: string[];
  /** `git cat-file --batch` processes reading blobs side by side (tuning and tests); default READERS. */
  readers?: number;
}

export interface HistoryOptions extends HistorySourceOptions {
  rules: CompiledRule[];
  /** Bytes; larger blobs are not read and come back as 'too-large' errors. */
  maxFileSize: number;
  /** Binary blobs scanned through their printable strings (default true). */
  binaryStrings?: boolean;
  /** Called after every batch of blobs scanned. */
  onProgress?: (stats: Readonly<Stats>) => void;
  /** Scan threads; 1 scans in the main thread only. Default: one per core, for large histories. */
  threads?: number;
  /** When worker threads start (tests and tuning); default PARALLEL_ABOVE. */
  parallelAbove?: ParallelAbove;
}

export type HistoryResult =
  | {
      ok: true;
      /** Unredacted, each with `commit` and `atHead`; paths relative to the repository's top level. */
      findings: Finding[];
      errors: ScanError[];
      stats: Stats;
      /** Scan-wide caveats for the user: a shallow clone, objects missing from a partial clone. */
      warnings: string[];
      /** Paths of submodules (gitlinks) seen in the scanned commits; not scanned. */
      submodules: string[];
    }
  | { ok: false; message: string };

/** Blob readers by default (measured with 1, 2 and 3 on botocore's history: README "Speed"). */
export const READERS = 2;
/** Blobs (and skips) queued ahead of the scan, over all readers (names and metadata: a few hundred bytes each). */
const WINDOW = 1024;
/**
 * Bytes of content a reader may have read ahead of the scan before git's output stops being read. The
 * scan's own queue (batches in flight to the worker threads) is bounded separately (pool/batches.ts).
 */
const HOLD_LIMIT = 8 * 1024 * 1024;

const FORMAT = '--format=%x01%H%x00%an%x00%ae%x00%aI%x00%s';

/** A blob to scan: where and in which commit it first appeared, and the previous version's blob. */
export interface HistoryItem extends BlobItem {
  commit: CommitRef;
  /** Later paths the same blob was added at. */
  otherPaths?: Set<string>;
}

/** The history of a repository as a source: every blob, once, at the path and commit it first appears. */
export class HistorySource implements Source<HistoryItem> {
  readonly mode = 'history';
  readonly failurePrefix = 'reading git history failed';
  /** Paths of submodules (gitlinks) seen in the scanned commits; not scanned. */
  private readonly submoduleSet = new Set<string>();
  private repo?: Promise<Awaited<ReturnType<typeof findRepo>>>;
  /** Blob readers (each blob goes to the one its path picks). */
  private readers: CatFile[] = [];
  /**
   * The reader of previous versions and HEAD's files (textOf): a blob reader cannot answer it, as its
   * answer would wait behind the blobs asked for ahead of the scan, which wait for the scan, which
   * waits for the answer. Started with the others, while this process is small: a child forked later
   * briefly shows (and, in a sum over the process tree, counts) the whole parent's resident memory.
   */
  private lookup?: CatFile;
  /** The commit HEAD points at, resolved when the scan starts (for the same reason). */
  private head?: Promise<string | undefined>;
  private log?: ReturnType<typeof spawnGit>;
  private maxFileSize = Infinity;
  /** Commits whose parents are beyond a shallow clone's boundary: git log shows them adding every file. */
  private boundary = new Set<string>();
  /** Fingerprints reported: a key is reported once, at its earliest commit. */
  private readonly reported = new Set<string>();
  /** The blob each kept finding came from (its other paths decide atHead). */
  private readonly itemOf = new Map<Finding, HistoryItem>();
  /** Blobs with findings, by name, to record other paths they are added at (for atHead). */
  private readonly withFindings = new Map<string, HistoryItem>();

  constructor(private readonly opts: HistorySourceOptions) {}

  get submodules(): string[] {
    return [...this.submoduleSet].sort();
  }

  private found(): Promise<Awaited<ReturnType<typeof findRepo>>> {
    return (this.repo ??= findRepo(this.opts.cwd));
  }

  async base(): Promise<BaseLookup> {
    const found = await this.found();
    return found.ok ? { ok: true, dir: found.repo.root } : { ok: false, messages: [found.message] };
  }

  async *events(ctx: SourceContext): AsyncGenerator<SourceEvent<HistoryItem>> {
    this.maxFileSize = ctx.maxFileSize;
    const [found, version] = await Promise.all([this.found(), gitVersion(this.opts.cwd)]);
    if (!found.ok) throw new SourceFailure(found.message);
    const repo: RepoInfo = found.repo;
    const root = repo.root;
    this.head = resolveHead(root);
    const revs = await revisions(root, this.opts, repo.shallow);
    if (!revs.ok) throw new SourceFailure(revs.message);
    this.boundary = new Set(repo.shallow ? await shallowBoundary(root) : []);
    if (repo.shallow) yield { type: 'warning', message: await shallowWarning(root, [...this.boundary]) };

    const diffMerges = atLeast(version, 2, 31) ? ['--diff-merges=first-parent'] : ['-m'];
    const log = (this.log = spawnGit(
      [...HISTORY_LOG_CAPS, 'log', '-z', '--raw', '--no-abbrev', '--no-renames', '--root', ...diffMerges, '--date-order', '--reverse', '--no-color', '--no-show-signature', '--no-ext-diff', '--ignore-submodules=none', FORMAT, ...revs.args, '--', ...(this.opts.paths ?? [])],
      root,
    ));
    let logErr = '';
    let logStartError: string | undefined;
    log.stderr!.on('data', (c: Buffer) => {
      if (logErr.length < 4096) logErr += c.toString('utf8');
    });
    log.on('error', (e) => (logStartError = `cannot run git: ${e.message}`));
    const logExit = new Promise<number>((done) => log.on('close', (code) => done(code ?? -1)));
    log.stdin!.end();
    const count = Math.max(1, Math.min(16, Math.floor(this.opts.readers ?? READERS)));
    this.readers = Array.from({ length: count }, () => CatFile.batch(root, { caps: HISTORY_READER_CAPS, holdLimit: HOLD_LIMIT, movable: true }));
    this.lookup = CatFile.batch(root, { caps: HISTORY_READER_CAPS });

    let missing = 0;
    for await (const event of this.read(this.blobItems(log, ctx), ctx.maxFileSize)) {
      if (event === 'missing') missing++;
      else yield event;
    }
    const code = await logExit;
    if (logStartError !== undefined) throw new SourceFailure(logStartError);
    if (code !== 0) throw new SourceFailure(`git log failed: ${gitMessage({ stderr: logErr, code })}`);
    if (missing > 0) {
      yield { type: 'warning', message: `${missing} blob${missing === 1 ? ' is' : 's are'} missing from the object database (a partial clone?) and not scanned; fetch them or scan a full clone` };
    }
  }

  /**
   * What a commit introduces: a finding is reported once per fingerprint (the first, oldest commit
   * wins: items come oldest first), and not when its secret is already in the file's previous version.
   */
  async postFilter(item: HistoryItem, found: Finding[]): Promise<Finding[]> {
    const hits = found.filter((f) => !this.reported.has(f.fingerprint));
    if (hits.length === 0) return [];
    const before = item.previous === undefined ? undefined : await this.textOf(item.previous);
    const kept: Finding[] = [];
    for (const finding of hits) {
      if (before !== undefined && (await holds(before, finding))) continue;
      this.reported.add(finding.fingerprint);
      // A boundary commit's parents are not in the clone: the key may be older, and its author
      // is not to be blamed for it. Say so instead of naming a commit.
      if (this.boundary.has(item.commit.sha)) finding.beforeShallowBoundary = true;
      else finding.commit = { ...item.commit };
      kept.push(finding);
      this.itemOf.set(finding, item);
      this.withFindings.set(item.oid, item);
    }
    return kept;
  }

  /**
   * atHead: is the secret still in the file at HEAD (at its path, or another path the same blob was
   * added at, such as a rename's new name)?
   */
  async complete(findings: Finding[]): Promise<void> {
    if (findings.length === 0) return;
    const head = await this.head;
    const headText = new Map<string, Promise<string | undefined>>();
    const atHead = (path: string): Promise<string | undefined> => {
      let text = headText.get(path);
      // A key inside an archive (`lib/app.jar!/config/app.properties`) is looked for in the archive at HEAD.
      if (text === undefined) headText.set(path, (text = head === undefined ? Promise.resolve(undefined) : this.textOf(`${head}:${outerPath(path)}`)));
      return text;
    };
    await Promise.all(
      findings.map(async (finding) => {
        const paths = [finding.path, ...(this.itemOf.get(finding)?.otherPaths ?? [])];
        const texts = await Promise.all(paths.map(atHead));
        const held = await Promise.all(texts.map((text) => (text === undefined ? false : holds(text, finding))));
        finding.atHead = held.includes(true);
      }),
    );
  }

  close(): void {
    for (const reader of this.readers) reader.close();
    this.lookup?.close();
    if (this.log !== undefined && this.log.exitCode === null) this.log.kill();
  }

  /** New blobs in the order commits introduce them, and the skips met on the way. */
  private async *blobItems(log: ReturnType<typeof spawnGit>, ctx: SourceContext): AsyncGenerator<HistoryItem | SourceEvent<HistoryItem>> {
    const seen = new OidSet();
    let commit: CommitRef | undefined;
    let header: string[] | undefined;
    let entry: ReturnType<typeof parseRawMeta>;
    for await (const raw of nulTokens(log.stdout!)) {
      if (header !== undefined) {
        header.push(raw.toString('utf8'));
        if (header.length === 5) {
          const [sha, author, email, date, summary] = header as [string, string, string, string, string];
          commit = { sha, author, email, date, summary };
          header = undefined;
        }
        continue;
      }
      if (entry !== undefined) {
        const meta = entry;
        entry = undefined;
        const path = pathFromBytes(raw);
        if (meta.status === 'D' || ZERO_SHA.test(meta.newSha) || commit === undefined) continue;
        if (meta.newMode === MODE_SUBMODULE) {
          this.submoduleSet.add(path);
          continue;
        }
        if (seen.has(meta.newSha)) {
          const item = this.inFlight.get(meta.newSha) ?? this.withFindings.get(meta.newSha);
          if (item !== undefined && item.path !== path) (item.otherPaths ??= new Set()).add(path);
          continue;
        }
        if (meta.newMode === MODE_SYMLINK) {
          seen.add(meta.newSha);
          yield { type: 'skip', reason: 'symlink', path };
          continue;
        }
        if (!isFileMode(meta.newMode)) {
          seen.add(meta.newSha);
          continue;
        }
        // Filtered before it is read; not marked seen, so the same blob at a path that is not
        // filtered is still scanned.
        const skip = ctx.skipPath(path);
        if (skip !== undefined) {
          yield { type: 'skip', reason: skip, path };
          continue;
        }
        seen.add(meta.newSha);
        const item: HistoryItem = { kind: 'blob', oid: meta.newSha, path, commit, size: 0, label: `blob ${meta.newSha.slice(0, 12)} (added in ${commit.sha.slice(0, 12)})` };
        if (isFileMode(meta.oldMode) && !ZERO_SHA.test(meta.oldSha)) item.previous = meta.oldSha;
        this.inFlight.set(item.oid, item);
        yield item;
        continue;
      }
      const first = raw[0] === 10 ? raw[1] : raw[0];
      if (first === 1) {
        header = [raw.toString('latin1').replace(/^\n?\x01/, '')];
      } else if (first === 0x3a) {
        entry = parseRawMeta(raw.toString('latin1'));
      }
    }
  }

  /** Blobs queued or in flight, by name, to record other paths they appear at. */
  private readonly inFlight = new Map<string, HistoryItem>();

  /**
   * Each blob with its content, in order. A blob is asked for as soon as the log names it, from the
   * reader its path picks (so the versions of a file go to one process, whose delta cache then holds
   * their bases), up to WINDOW blobs ahead of the scan; requests made together go to git in one write
   * (CatFile.flush). Events that are not blobs keep their place in the queue.
   */
  private async *read(items: AsyncIterable<HistoryItem | SourceEvent<HistoryItem>>, maxFileSize: number): AsyncGenerator<SourceEvent<HistoryItem> | 'missing'> {
    type Queued = { event: SourceEvent<HistoryItem> } | { item: HistoryItem; reader: CatFile; data: Promise<ObjectData | undefined> };
    const queue: Queued[] = [];
    let head = 0;
    const next = async function* (this: HistorySource): AsyncGenerator<SourceEvent<HistoryItem> | 'missing'> {
      const q = queue[head]!;
      queue[head++] = undefined as unknown as Queued;
      if (head > 4096 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      if ('event' in q) return yield q.event;
      const data = await q.data;
      q.reader.release(data);
      yield* this.blobEvent(q.item, data, maxFileSize);
    }.bind(this);
    for await (const x of items) {
      if ('type' in x) {
        queue.push({ event: x });
      } else {
        const reader = this.readers[pathHash(x.path) % this.readers.length]!;
        queue.push({ item: x, reader, data: settled(reader.request(x.oid, maxFileSize)) });
      }
      while (queue.length - head >= WINDOW) yield* next();
    }
    while (head < queue.length) yield* next();
  }

  private *blobEvent(item: HistoryItem, data: ObjectData | undefined, maxFileSize: number): Generator<SourceEvent<HistoryItem> | 'missing'> {
    this.inFlight.delete(item.oid);
    if (data === undefined) {
      yield 'missing';
      return;
    }
    if (data.type !== 'blob') return;
    if (data.content === undefined) {
      yield { type: 'error', error: tooLargeError(item.path, data.size, maxFileSize, `${item.label} is `) };
      return;
    }
    item.size = data.size;
    yield { type: 'item', item, content: data.content };
  }

  /** The text of a blob within the size limit, read as the scan read it (blob-text.ts). */
  private async textOf(name: string): Promise<string | undefined> {
    const data = await this.lookup!.request(name, this.maxFileSize);
    if (data?.content === undefined || data.type !== 'blob') return undefined;
    return blobText(data.content, this.maxFileSize);
  }
}

/** The history scanned with `rules`, unredacted, without configuration or archives: the tests' entry (the library's is api.ts scanHistory). */
export async function scanHistory(opts: HistoryOptions): Promise<HistoryResult> {
  const source = new HistorySource(opts);
  try {
    const base = await source.base();
    if (!base.ok) return { ok: false, message: base.messages[0]! };
    const { runSource } = await import('../scan/orchestrate.js');
    const r = await runSource(source, { rules: opts.rules, maxFileSize: opts.maxFileSize, binaryStrings: opts.binaryStrings, streamAbove: Infinity, threads: opts.threads, parallelAbove: opts.parallelAbove, onProgress: opts.onProgress });
    if (!r.ok) return r;
    return { ok: true, findings: r.findings, errors: r.errors, stats: r.stats, warnings: r.warnings, submodules: source.submodules };
  } finally {
    source.close();
  }
}

/**
 * The revision arguments for git log: all refs, or the user's revisions once git has accepted them,
 * then --since/--until. Nothing the user typed reaches git as an option: a revision or path starting
 * with '-' is refused, and dates travel glued to their flag (`--since=DATE`).
 */
async function revisions(root: string, opts: Pick<HistorySourceOptions, 'range' | 'revisions' | 'since' | 'until' | 'paths'>, shallow: boolean): Promise<{ ok: true; args: string[] } | { ok: false; message: string }> {
  const tokens = (opts.revisions ?? [opts.range ?? '']).flatMap((r) => r.trim().split(/\s+/)).filter((t) => t.length > 0);
  const shown = tokens.join(' ');
  const option = tokens.find((t) => t.startsWith('-'));
  if (option !== undefined) return { ok: false, message: `bad revision range '${shown}': '${option}' is an option, not a revision (try origin/main..HEAD; dates go in --since/--until)` };
  const path = opts.paths?.find((p) => p.startsWith('-'));
  if (path !== undefined) return { ok: false, message: `'${path}' after -- is a path, not an option: put options before -- (keyhound history --since 2024-01-01 -- src/)` };
  const dates = [['since', opts.since], ['until', opts.until]].flatMap(([flag, value]) => (value === undefined ? [] : [`--${flag}=${value}`]));
  if (tokens.length === 0) return { ok: true, args: ['--all', ...dates] };
  const r = await runGit(['rev-parse', ...tokens, '--'], { cwd: root });
  if (r.code !== 0) {
    const hint = shallow ? '; this clone is shallow (git rev-parse --is-shallow-repository says true), so commits before its boundary are missing: run git fetch --unshallow, or clone with more depth' : '';
    return { ok: false, message: `bad revision range '${shown}': ${gitMessage(r, 'unknown revision')}${hint}` };
  }
  return { ok: true, args: [...tokens, ...dates] };
}

/** The commits at a shallow clone's boundary (listed in $GIT_DIR/shallow); none when it cannot be read. */
async function shallowBoundary(root: string): Promise<string[]> {
  const file = await gitPath(root, 'shallow');
  if (!file.ok) return [];
  try {
    return (await readFile(file.path, 'utf8')).split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    return [];
  }
}

async function shallowWarning(root: string, boundary: string[]): Promise<string> {
  const fallback = 'shallow clone: history before the clone depth is not scanned; run git fetch --unshallow';
  if (boundary.length === 0) return fallback;
  const r = await runGit(['log', '--no-walk', '--date-order', '--format=%h %as', ...boundary, '--'], { cwd: root });
  const lines = r.stdout.toString('utf8').trim().split('\n').filter((l) => l.length > 0);
  if (r.code !== 0 || lines.length === 0) return fallback;
  const [short, date] = lines[0]!.split(' ');
  const more = lines.length > 1 ? ` (and ${lines.length - 1} other boundary commit${lines.length > 2 ? 's' : ''})` : '';
  return `shallow clone: history before ${date} (${short})${more} is not scanned; run git fetch --unshallow`;
}

async function gitVersion(cwd: string): Promise<number[]> {
  const r = await runGit(['version'], { cwd });
  const m = /(\d+)\.(\d+)/.exec(r.stdout.toString('utf8'));
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
}

/** The same promise, marked as handled: a reader queued ahead and never awaited (the scan stopped
 * early) must not become an unhandled rejection when the reader fails. */
function settled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** FNV-1a over a path's UTF-16 units: which reader a path's blobs go to. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const atLeast = (v: number[], major: number, minor: number): boolean => v[0]! > major || (v[0] === major && v[1]! >= minor);
