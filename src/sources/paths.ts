// The source for `keyhound scan [paths..]`: files, folders (walked) and standard input ('-'). It only
// produces: each file with its place, and every file it will not scan with the reason.
import { stat } from 'node:fs/promises';
import { normalize } from 'node:path';
import type { BaseLookup, FileItem, Source, SourceContext, SourceEvent, StreamItem } from '../scan/source.js';
import { iterableSource } from './byte-source.js';
import { fsError, walkTree, type WalkOptions } from './files.js';

export interface PathsOptions {
  /** Files and folders to scan; '-' is standard input. */
  paths: string[];
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** Standard input, for the path '-'; default process.stdin. Streamed, never read whole. */
  stdin?: AsyncIterable<Uint8Array>;
}

interface Root {
  /** As the user wrote it. */
  given: string;
  kind: 'dir' | 'file' | 'stdin';
}

type Roots = { ok: true; roots: Root[] } | { ok: false; messages: string[] };

export class PathsSource implements Source<FileItem | StreamItem> {
  readonly mode = 'scan';
  private roots?: Promise<Roots>;
  /** --include globs that matched a file in a folder walked; undefined until a folder is walked. */
  private includeMatched?: Set<string>;

  constructor(private readonly opts: PathsOptions) {}

  /** Every path is checked before anything is scanned: a typo is a usage error, not an empty report. */
  private resolved(): Promise<Roots> {
    return (this.roots ??= resolveRoots(this.opts.paths));
  }

  async base(): Promise<BaseLookup> {
    const roots = await this.resolved();
    if (!roots.ok) return roots;
    return { ok: true, dir: roots.roots.find((r) => r.kind === 'dir')?.given ?? '.' };
  }

  /** The folder finding paths are relative to: the one folder scanned, else '.'. */
  async baseDir(): Promise<string> {
    const roots = await this.resolved();
    const only = roots.ok && roots.roots.length === 1 ? roots.roots[0]! : undefined;
    return only?.kind === 'dir' ? only.given : '.';
  }

  async *events(ctx: SourceContext): AsyncGenerator<SourceEvent<FileItem | StreamItem>> {
    const roots = await this.resolved();
    if (!roots.ok) return;
    for (const root of roots.roots) yield* this.root(root, roots.roots.length > 1, ctx);
    yield* this.unmatchedIncludes();
  }

  close(): void {}

  private async *root(root: Root, prefixPaths: boolean, ctx: SourceContext): AsyncGenerator<SourceEvent<FileItem | StreamItem>> {
    if (root.kind === 'stdin') {
      yield { type: 'item', item: { kind: 'stream', path: '<stdin>', source: iterableSource(this.opts.stdin ?? process.stdin) } };
      return;
    }
    if (root.kind === 'file') {
      const path = normalize(root.given).split('\\').join('/');
      yield { type: 'item', item: { kind: 'file', path, abs: root.given, size: 0 } };
      return;
    }
    const prefix = prefixPaths ? `${normalize(root.given).split('\\').join('/').replace(/\/$/, '')}/` : '';
    this.includeMatched ??= new Set();
    const walkOpts: WalkOptions = { ...this.opts, maxFileSize: ctx.maxFileSize, allowPaths: [...ctx.allowPaths, ...ctx.ownFiles], includeMatched: this.includeMatched };
    for await (const event of walkTree(root.given, walkOpts)) {
      if (event.type === 'skip') yield { type: 'skip', reason: event.reason, path: prefix + event.path };
      else if (event.type === 'error') yield { type: 'error', error: { ...event.error, path: prefix + event.error.path } };
      else yield { type: 'item', item: { kind: 'file', path: prefix + event.path, abs: event.abs, size: event.size } };
    }
  }

  /**
   * An --include glob that matched no file in the folders walked is a warning that fails the run
   * (exit 2 when nothing is found): a typo in it would otherwise scan nothing and report "clean".
   */
  private *unmatchedIncludes(): Generator<SourceEvent<FileItem | StreamItem>> {
    const matched = this.includeMatched;
    if (matched === undefined) return; // no folder walked: --include applies to folders only
    for (const glob of this.opts.include) {
      if (!matched.has(glob)) yield { type: 'error', error: { path: '.', kind: 'not-found', message: `--include ${glob} matched no file to scan` } };
    }
  }
}

async function resolveRoots(paths: string[]): Promise<Roots> {
  const roots: Root[] = [];
  const messages: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    if (given === '-') {
      roots.push({ given, kind: 'stdin' });
      continue;
    }
    try {
      roots.push({ given, kind: (await stat(given)).isDirectory() ? 'dir' : 'file' });
    } catch (err) {
      messages.push(`${given}: ${fsError(given, err).message}`);
    }
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, roots };
}
