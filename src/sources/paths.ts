// The source for `keyhound scan [paths..]`: files, folders (walked) and standard input ('-'). It only
// produces: each file with its place, and every file it will not scan with the reason.
//
// Where findings are reported (the base; see base() for the odd cases): paths are relative to the git
// repository the roots are in, so `scan .`, `scan sub` and `cd sub && scan .` report one key at one
// path, with one fingerprint, as `staged` and `history` do; .keyhound.yml and .keyhoundignore are read
// there. Overlapping roots (`scan a a/creds ./a`) scan each file once.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BaseLookup, FileItem, Source, SourceContext, SourceEvent, StreamItem } from '../scan/source.js';
import { iterableSource } from './byte-source.js';
import { fsError, walkTree, type WalkOptions } from './files.js';

export interface PathsOptions {
  /** Files and folders to scan; '-' is standard input. */
  paths: string[];
  /** --include/--exclude globs, relative to each folder walked. */
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** Standard input, for the path '-'; default process.stdin. Streamed, never read whole. */
  stdin?: AsyncIterable<Uint8Array>;
  /** The working directory relative paths are resolved from; default process.cwd(). */
  cwd?: string;
}

interface Root {
  /** As the user wrote it. */
  given: string;
  /** Absolute. */
  abs: string;
  kind: 'dir' | 'file' | 'stdin';
}

type Roots = { ok: true; roots: Root[]; base: string } | { ok: false; messages: string[] };

/** Standard input's name in reports. */
export const STDIN_PATH = '<stdin>';

type Event = SourceEvent<FileItem | StreamItem>;

export class PathsSource implements Source<FileItem | StreamItem> {
  readonly mode = 'scan';
  private roots?: Promise<Roots>;
  /** --include globs that matched a file in a folder walked; undefined until a folder is walked. */
  private includeMatched?: Set<string>;

  constructor(private readonly opts: PathsOptions) {}

  /** Every path is checked before anything is scanned: a typo is a usage error, not an empty report. */
  private resolved(): Promise<Roots> {
    return (this.roots ??= resolveRoots(this.opts.paths, this.opts.cwd ?? process.cwd()));
  }

  /**
   * The base, absolute:
   * - the top level of the git repository every root is in (a `.git` above it), whatever the working
   *   directory;
   * - else (no repository, or roots in different repositories) the working directory, when every root
   *   is inside it;
   * - else, for one folder outside the working directory and outside any repository, that folder;
   * - else the working directory, and what lies outside it is reported by its absolute path.
   * Standard input is `<stdin>` and plays no part.
   */
  async base(): Promise<BaseLookup> {
    const roots = await this.resolved();
    return roots.ok ? { ok: true, dir: roots.base } : roots;
  }

  async *events(ctx: SourceContext): AsyncGenerator<Event> {
    const roots = await this.resolved();
    if (!roots.ok) return;
    const kept = withoutOverlaps(roots.roots);
    // Files named on the command line that a folder also holds: scanned once, as named.
    const named = new Set(kept.filter((r) => r.kind === 'file').map((r) => placeOf(roots.base, r.abs)));
    for (const root of kept) yield* this.root(root, roots.base, named, ctx);
    yield* this.unmatchedIncludes();
  }

  close(): void {}

  private async *root(root: Root, base: string, named: Set<string>, ctx: SourceContext): AsyncGenerator<Event> {
    if (root.kind === 'stdin') {
      yield { type: 'item', item: { kind: 'stream', path: STDIN_PATH, source: iterableSource(this.opts.stdin ?? process.stdin) } };
      return;
    }
    // A file named on the command line is scanned: the path filters prune what a walk finds, never
    // what the user names (as `git add -f` adds an ignored file).
    if (root.kind === 'file') {
      yield { type: 'item', item: { kind: 'file', path: placeOf(base, root.abs), abs: root.abs, size: 0 } };
      return;
    }
    const at = placeOf(base, root.abs);
    const prefix = at === '' ? '' : `${at}/`;
    // So is a folder the allowlist covers whole (`scan fixtures` where fixtures/** is allowlisted):
    // inside it only keyhound's own files are left out. The allowlist applies inside other folders.
    const covered = prefix !== '' && (ctx.skipPath(at) !== undefined || ctx.skipPath(prefix) !== undefined);
    const own = new Set(ctx.ownFiles);
    const skipPath = covered ? (path: string) => (own.has(path) ? 'allowlisted' as const : undefined) : ctx.skipPath;
    this.includeMatched ??= new Set();
    // The walker matches globs against paths inside the folder it walks, and prunes whole folders:
    // it gets the globs that mean the same there; each file is still checked here against them all.
    const ownInside = ctx.ownFiles.flatMap((f) => (f.startsWith(prefix) ? [f.slice(prefix.length)] : []));
    const allowPaths = covered ? [] : [...ctx.allowPaths.flatMap((g) => within(g, prefix)), ...ownInside];
    const walkOpts: WalkOptions = { include: this.opts.include, exclude: this.opts.exclude, gitignore: this.opts.gitignore, maxFileSize: ctx.maxFileSize, allowPaths, includeMatched: this.includeMatched };
    for await (const event of walkTree(root.abs, walkOpts)) {
      const path = prefix + (event.type === 'error' ? event.error.path : event.path);
      if (event.type === 'skip') yield { type: 'skip', reason: event.reason, path: event.folder ? `${path}/` : path };
      else if (event.type === 'error') yield { type: 'error', error: { ...event.error, path: event.error.path === '.' && prefix !== '' ? at : path } };
      else if (named.has(path)) continue;
      else {
        const skip = prefix === '' ? undefined : skipPath(path);
        yield skip !== undefined ? { type: 'skip', reason: skip, path } : { type: 'item', item: { kind: 'file', path, abs: event.abs, size: event.size } };
      }
    }
  }

  /**
   * An --include glob that matched no file in the folders walked is a warning that fails the run
   * (exit 2 when nothing is found): a typo in it would otherwise scan nothing and report "clean".
   */
  private *unmatchedIncludes(): Generator<Event> {
    const matched = this.includeMatched;
    if (matched === undefined) return; // no folder walked: --include applies to folders only
    for (const glob of this.opts.include) {
      if (!matched.has(glob)) yield { type: 'error', error: { path: '.', kind: 'not-found', message: `--include ${glob} matched no file to scan` } };
    }
  }
}

async function resolveRoots(paths: string[], cwd: string): Promise<Roots> {
  const roots: Root[] = [];
  const messages: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    if (given === '-') {
      roots.push({ given, abs: '-', kind: 'stdin' });
      continue;
    }
    const abs = resolve(cwd, given);
    try {
      roots.push({ given, abs, kind: (await stat(abs)).isDirectory() ? 'dir' : 'file' });
    } catch (err) {
      messages.push(`${given}: ${fsError(given, err).message}`);
    }
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, roots, base: baseOf(roots, cwd) };
}

function baseOf(roots: Root[], cwd: string): string {
  const onDisk = roots.filter((r) => r.kind !== 'stdin');
  if (onDisk.length === 0) return cwd;
  const repos = new Set(onDisk.map((r) => repositoryOf(r.kind === 'dir' ? r.abs : dirname(r.abs))));
  const [repo] = repos;
  if (repos.size === 1 && repo !== undefined) return repo;
  if (onDisk.every((r) => inside(cwd, r.abs))) return cwd;
  if (onDisk.length === 1 && onDisk[0]!.kind === 'dir') return onDisk[0]!.abs;
  return cwd;
}

/** The work tree's top level above `dir` (the nearest folder holding a `.git` folder or file), if any. */
function repositoryOf(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

const inside = (base: string, abs: string): boolean => {
  const rel = relative(base, abs);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Where `abs` is reported: relative to the base with '/', or its absolute path when outside it. */
function placeOf(base: string, abs: string): string {
  const rel = inside(base, abs) ? relative(base, abs) : abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * A base-relative glob as a glob for paths inside the folder at `prefix`, where it can say the same:
 * as it is for a name glob (no '/') and a glob that starts with two stars and a slash; the rest of a
 * glob that starts with the folder's (plain) path; none otherwise (it is still checked on each file).
 */
function within(glob: string, prefix: string): string[] {
  if (prefix === '' || !glob.includes('/') || glob.startsWith('**/')) return [glob];
  if (glob.startsWith(prefix) && glob.length > prefix.length && !/[*?[\]{}()!+@]/.test(prefix)) return [glob.slice(prefix.length)];
  return [];
}

/** Drops a folder named twice, or inside another folder named: `scan a a/creds ./a` walks `a` once. */
function withoutOverlaps(roots: Root[]): Root[] {
  const dirs = roots.filter((r) => r.kind === 'dir');
  const seen = new Set<string>();
  return roots.filter((r) => {
    if (r.kind === 'stdin') return true;
    if (seen.has(r.abs)) return false;
    seen.add(r.abs);
    return r.kind === 'file' || !dirs.some((d) => d !== r && d.abs !== r.abs && inside(d.abs, r.abs));
  });
}
