// The git binary, driven through node:child_process: one-shot commands whose output is collected,
// the repository's layout, and long-lived `git cat-file --batch` / `--batch-check` readers that many
// objects are read through without a process each. Arguments are always an argv array, never a shell
// string. Nothing here throws for an expected condition (not a repository, git missing, a bad
// revision): those come back as values with a one-line message.
import { spawn, type ChildProcess } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { markMovable } from '../pool/transfer.js';

export interface GitResult {
  /** The exit code; -1 when git could not be started (see `stderr`). */
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitOptions {
  cwd: string;
  /** Written to git's standard input, which is then closed. */
  input?: string | Buffer;
}

/**
 * The environment of every git child: the caller's (so GIT_INDEX_FILE, GIT_DIR and friends set by git
 * for a hook are honoured) plus settings that keep git from prompting, from taking optional locks (a
 * pre-commit hook runs while the committing git holds index.lock), and from fetching a partial
 * clone's missing blobs one by one over the network.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };
}

/**
 * Spawns git; the process is returned even when it failed to start (its 'error' event says why).
 * With `stdin: 'ignore'` git reads /dev/null and no pipe (a socket in Node) is set up for it.
 */
export function spawnGit(args: readonly string[], cwd: string, opts: { stdin?: 'pipe' | 'ignore' } = {}): ChildProcess {
  return spawn('git', args, { cwd, env: gitEnv(), stdio: [opts.stdin ?? 'pipe', 'pipe', 'pipe'], windowsHide: true });
}

/** Runs `git <args>` in `cwd` and collects its output. Never throws. */
export function runGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  return new Promise((done) => {
    const child = spawnGit(args, opts.cwd, { stdin: opts.input === undefined ? 'ignore' : 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let failed: string | undefined;
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      failed = startError(e, opts.cwd);
    });
    child.on('close', (code) => {
      done({ code: failed !== undefined ? -1 : (code ?? -1), stdout: Buffer.concat(out), stderr: failed ?? Buffer.concat(err).toString('utf8') });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // git may exit before reading its input; the exit code says why.
      child.stdin.end(opts.input);
    }
  });
}

function startError(e: NodeJS.ErrnoException, cwd: string): string {
  if (e.code === 'ENOENT') return `cannot run git (is it installed and on PATH?), or ${cwd} does not exist`;
  return `cannot run git: ${e.message}`;
}

/** The first line of git's error output without its `fatal: `/`error: ` prefix, for a user message. */
export function gitMessage(result: Pick<GitResult, 'stderr' | 'code'>, fallback = 'git failed'): string {
  const line = result.stderr.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  if (line === undefined) return `${fallback} (exit code ${result.code})`;
  return line.replace(/^(fatal|error|warning):\s*/, '');
}

export interface RepoInfo {
  /** Absolute path of the work tree's top level; undefined in a bare repository or inside .git. */
  topLevel?: string;
  /** Absolute path of the git directory. */
  gitDir: string;
  bare: boolean;
  shallow: boolean;
  /** Where commands that need a repository should run: the top level, else the git directory. */
  root: string;
}

export type RepoLookup = { ok: true; repo: RepoInfo } | { ok: false; message: string };

/** Finds the repository `cwd` is in, in one git process. */
export async function findRepo(cwd: string): Promise<RepoLookup> {
  // --show-toplevel last: outside a work tree (bare, inside .git) it fails after the others printed.
  const r = await runGit(['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository', '--show-toplevel'], { cwd });
  const lines = r.stdout.toString('utf8').split('\n');
  if (r.code === -1) return { ok: false, message: r.stderr };
  if (lines.length < 4 || lines[0] === '') {
    return { ok: false, message: `${cwd}: ${gitMessage(r, 'not a git repository')}` };
  }
  const gitDir = lines[0]!;
  const bare = lines[1] === 'true';
  const shallow = lines[2] === 'true';
  const top = r.code === 0 && lines[3] !== '' ? resolve(cwd, lines[3]!) : undefined;
  return { ok: true, repo: { topLevel: top, gitDir, bare, shallow, root: top ?? gitDir } };
}

/** The commit HEAD points at, or undefined when the branch has no commits yet (or HEAD is broken). */
export async function resolveHead(cwd: string): Promise<string | undefined> {
  const r = await runGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd });
  const sha = r.stdout.toString('utf8').trim();
  return r.code === 0 && sha !== '' ? sha : undefined;
}

/** `git rev-parse --git-path <name>`, made absolute (a relative core.hooksPath is relative to `cwd`). */
export async function gitPath(cwd: string, name: string): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const r = await runGit(['rev-parse', '--git-path', name], { cwd });
  const out = r.stdout.toString('utf8').replace(/\n$/, '');
  if (r.code !== 0 || out === '') return { ok: false, message: `${cwd}: ${gitMessage(r, 'not a git repository')}` };
  return { ok: true, path: isAbsolute(out) ? out : resolve(cwd, out) };
}

/**
 * git maps pack files into memory in windows of up to 1 GiB, up to 8 GiB in all, and a reader of every
 * blob touches most of the pack: on botocore's history (a 493 MB pack) `cat-file --batch` peaked at
 * 692 MB resident. Smaller windows bound it (254 MB) at no measurable cost in time; the delta-base
 * cache keeps its default, as shrinking it cost 15% more CPU. `git log --raw` over the history gets
 * the same caps.
 */
export const PACK_MEMORY_CAPS = ['-c', 'core.packedGitLimit=128m', '-c', 'core.packedGitWindowSize=32m'];

/**
 * Tighter caps for the processes of a whole-history scan, which run side by side (the commit walk and
 * several blob readers): each maps its own pack windows and keeps its own delta-base cache, and the
 * sum is what the 300 MB bound on the process tree covers. Measured alone on botocore's history
 * (13,370 commits; 47k blobs, 7.7 GB, read in commit order; CPU seconds and peak resident memory):
 * `cat-file --batch` 16.2 s / 248 MB with PACK_MEMORY_CAPS, 16.9 s / 164 MB with 32m windows, 18.4 s
 * / 85 MB with a 32m delta-base cache too, 22.7 s / 55 MB with everything at 16m; `log --raw` 2.3 s /
 * 205 MB with PACK_MEMORY_CAPS, 2.5 s / 45 MB with everything at 16m (its delta cache only holds trees).
 */
export const HISTORY_READER_CAPS = ['-c', 'core.packedGitLimit=32m', '-c', 'core.packedGitWindowSize=8m', '-c', 'core.deltaBaseCacheLimit=32m'];
export const HISTORY_LOG_CAPS = ['-c', 'core.packedGitLimit=16m', '-c', 'core.packedGitWindowSize=4m', '-c', 'core.deltaBaseCacheLimit=16m'];

/** An object as `git cat-file --batch-check` describes it. */
export interface ObjectInfo {
  sha: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  size: number;
}

/** An object read through `git cat-file --batch`; `content` is absent when it was over `maxSize`. */
export interface ObjectData extends ObjectInfo {
  content?: Buffer;
}

/** How a CatFile reader runs. */
export interface CatFileOptions {
  /** git -c settings (memory caps) placed before `cat-file`; default PACK_MEMORY_CAPS. */
  caps?: readonly string[];
  /**
   * Bytes of content read and handed out but not yet release()d, above which git's output is no
   * longer read (so git stops until the reader catches up): backpressure for a caller that pipelines
   * many requests. Default: no limit (callers that do not release()).
   */
  holdLimit?: number;
  /** Contents may be moved to a scan worker (pool/transfer.ts): the caller never reads them after handing them on. */
  movable?: boolean;
}

interface Pending {
  maxSize: number;
  resolve: (value: ObjectData | undefined) => void;
  reject: (err: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` (or `--batch-check`) process. Requests are written at once and
 * answered in order, so callers may issue many before awaiting any (pipelining); each resolves to the
 * object, or undefined when the name does not resolve (`missing`, `ambiguous`, a submodule entry).
 * A request may name any object (`<sha>`, `HEAD:<path>`) but not contain a newline.
 *
 * Content over a request's `maxSize` is skipped as it streams past, never buffered. If the process
 * dies, pending and later requests reject with an Error (an unexpected condition, not a user error).
 */
export class CatFile {
  private readonly child: ChildProcess;
  private readonly pending: Pending[] = [];
  private failure?: Error;
  private closed = false;
  private stderr = '';
  /** Requests not yet written to git. */
  private outbox = '';
  // Parser state: the header being read, or the body of the current object.
  private header: Buffer[] = [];
  private body?: { info: ObjectInfo; remaining: number; parts: Buffer[] | undefined; pending: Pending };
  /** Bytes of the newline that ends each body still to skip. */
  private trailer = 0;
  /** Content bytes handed out and not yet released (see CatFileOptions.holdLimit). */
  private held = 0;
  private paused = false;
  private readonly holdLimit: number;
  private readonly movable: boolean;

  private constructor(
    cwd: string,
    private readonly withContent: boolean,
    opts: CatFileOptions = {},
  ) {
    this.holdLimit = opts.holdLimit ?? Number.POSITIVE_INFINITY;
    this.movable = opts.movable === true;
    this.child = spawnGit([...(opts.caps ?? PACK_MEMORY_CAPS), 'cat-file', withContent ? '--batch' : '--batch-check'], cwd);
    this.child.on('error', (e: NodeJS.ErrnoException) => this.fail(new Error(startError(e, cwd))));
    this.child.stdin!.on('error', (e) => this.fail(e));
    this.child.stderr!.on('data', (c: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += c.toString('utf8');
    });
    this.child.stdout!.on('data', (c: Buffer) => this.onData(c));
    this.child.on('close', (code) => {
      if (this.pending.length > 0 || !this.closed) {
        this.fail(new Error(`git cat-file exited (${code ?? 'signal'}) ${gitMessage({ stderr: this.stderr, code: code ?? -1 }, '')}`.trim()));
      }
    });
  }

  /** A `git cat-file --batch` reader: contents and sizes. */
  static batch(cwd: string, opts: CatFileOptions = {}): CatFile {
    return new CatFile(cwd, true, opts);
  }

  /** A `git cat-file --batch-check` reader: types and sizes only (content is never read). */
  static batchCheck(cwd: string): CatFile {
    return new CatFile(cwd, false);
  }

  /** Type and size (and with --batch, the content when at most `maxSize` bytes). */
  request(name: string, maxSize = Number.POSITIVE_INFINITY): Promise<ObjectData | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('git cat-file reader is closed'));
    if (name.includes('\n')) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.pending.push({ maxSize, resolve, reject });
      this.outbox += `${name}\n`;
      if (this.outbox.length === name.length + 1) process.nextTick(() => this.flush());
    });
  }

  /**
   * Requests made in one turn of the event loop go to git in one write: a write per request cost
   * ~0.1 ms each (a system call and a wake-up of git), more than reading a small blob.
   */
  private flush(): void {
    if (this.outbox === '' || this.failure) return;
    const text = this.outbox;
    this.outbox = '';
    this.child.stdin!.write(text);
    if (this.closed) this.child.stdin!.end();
  }

  /**
   * The caller is done with an object's content (it may still hold it: the count is of what this
   * reader lets pile up). Below the hold limit again, git's output is read again.
   */
  release(data: ObjectData | undefined): void {
    if (data?.content === undefined) return;
    this.held -= data.size;
    if (this.paused && this.held <= this.holdLimit) {
      this.paused = false;
      this.child.stdout!.resume();
    }
  }

  /** The content of an object (an empty Buffer for a missing one; use request() to tell them apart). */
  async read(name: string): Promise<Buffer> {
    const data = await this.request(name);
    return data?.content ?? Buffer.alloc(0);
  }

  /** Type and size of an object, or undefined if it does not exist. */
  async info(name: string): Promise<ObjectInfo | undefined> {
    const data = await this.request(name, -1);
    return data && { sha: data.sha, type: data.type, size: data.size };
  }

  /** Ends the process once the requests already made are answered. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Stopped at its hold limit, git would wait forever to write what nobody will read: end it.
    if (this.paused) return this.fail(new Error('git cat-file reader is closed'));
    if (this.outbox === '') this.child.stdin!.end();
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const p of this.pending.splice(0)) p.reject(err);
    if (this.body) this.body.pending.reject(err);
    this.body = undefined;
    this.child.stdin!.destroy();
    if (this.child.exitCode === null) this.child.kill();
  }

  private onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.failure) {
      if (this.trailer > 0) {
        this.trailer--;
        at++;
        continue;
      }
      if (this.body) {
        const take = Math.min(this.body.remaining, chunk.length - at);
        if (this.body.parts) this.body.parts.push(chunk.subarray(at, at + take));
        this.body.remaining -= take;
        at += take;
        if (this.body.remaining === 0) this.finishBody();
        continue;
      }
      const nl = chunk.indexOf(10, at);
      if (nl === -1) {
        this.header.push(chunk.subarray(at));
        return;
      }
      this.header.push(chunk.subarray(at, nl));
      at = nl + 1;
      const line = Buffer.concat(this.header).toString('utf8');
      this.header = [];
      this.onHeader(line);
    }
  }

  private onHeader(line: string): void {
    const pending = this.pending.shift();
    if (pending === undefined) return this.fail(new Error(`git cat-file: unexpected output "${line.slice(0, 80)}"`));
    const m = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/.exec(line);
    if (m === null) {
      // `<name> missing`, `<name> ambiguous`, `<sha> submodule`: nothing follows.
      pending.resolve(undefined);
      return;
    }
    const info: ObjectInfo = { sha: m[1]!, type: m[2] as ObjectInfo['type'], size: Number(m[3]) };
    if (!this.withContent) {
      pending.resolve(info);
      return;
    }
    const keep = info.size <= pending.maxSize;
    this.body = { info, remaining: info.size, parts: keep ? [] : undefined, pending };
    if (info.size === 0) this.finishBody();
  }

  private finishBody(): void {
    const { info, parts, pending } = this.body!;
    this.body = undefined;
    this.trailer = 1;
    if (parts === undefined) return pending.resolve(info);
    // Its own memory (not a slice of a shared pool), so that it can be moved to a worker, not copied.
    const content = Buffer.allocUnsafeSlow(info.size);
    let at = 0;
    for (const part of parts) at += part.copy(content, at);
    if (this.movable) markMovable(content);
    this.held += info.size;
    if (this.held > this.holdLimit && !this.paused) {
      this.paused = true;
      this.child.stdout!.pause();
    }
    pending.resolve({ ...info, content });
  }
}

/** Reads a child's standard output as NUL-separated tokens, with backpressure (for `-z` output). */
export async function* nulTokens(stream: Readable): AsyncGenerator<Buffer> {
  let rest: Buffer | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    for (let nul = buf.indexOf(0, at); nul !== -1; nul = buf.indexOf(0, at)) {
      yield buf.subarray(at, nul);
      at = nul + 1;
    }
    rest = at < buf.length ? Buffer.from(buf.subarray(at)) : undefined;
  }
  if (rest && rest.length > 0) yield rest;
}
