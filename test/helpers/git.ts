// Real git repositories in temporary folders, isolated from the machine's git configuration: importing
// this module points HOME (and XDG_CONFIG_HOME) at a temporary folder, sets GIT_CONFIG_NOSYSTEM, and
// drops GIT_* variables a surrounding git (a hook running the tests) may have set. Every commit gets
// a fixed, increasing date, so history order and dates are the same on every run.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

for (const name of Object.keys(process.env)) if (name.startsWith('GIT_')) delete process.env[name];
const HOME = mkdtempSync(join(tmpdir(), 'keyhound-git-home-'));
process.env.HOME = HOME;
process.env.XDG_CONFIG_HOME = join(HOME, '.config');
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.on('exit', () => rmSync(HOME, { recursive: true, force: true }));

/** Base of the commit dates: 2024-01-01T00:00:00Z; each commit is one minute after the previous one. */
const EPOCH = Date.UTC(2024, 0, 1) / 1000;
let clock = 0;

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git in `cwd`; throws on failure unless `allowFail` (test setup should never fail silently). */
export function git(cwd: string, args: string[], opts: { env?: Record<string, string>; allowFail?: boolean; input?: string } = {}): string {
  const r = gitRun(cwd, args, opts);
  if (r.code !== 0 && !opts.allowFail) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}

export function gitRun(cwd: string, args: string[], opts: { env?: Record<string, string>; input?: string } = {}): GitRun {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...opts.env }, input: opts.input });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export class Repo {
  private constructor(readonly dir: string) {}

  /** A new repository with branch main and a local identity; bare with `bare: true`. */
  static init(opts: { bare?: boolean } = {}): Repo {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-git-'));
    git(dir, ['init', '-q', '-b', 'main', ...(opts.bare ? ['--bare'] : [])]);
    const repo = new Repo(dir);
    repo.identity();
    return repo;
  }

  /** A repository made by `git clone <args> <source> <new dir>`. */
  static clone(source: string, args: string[]): Repo {
    const parent = mkdtempSync(join(tmpdir(), 'keyhound-git-clone-'));
    const dir = join(parent, 'clone');
    git(parent, ['clone', '-q', ...args, source, dir]);
    const repo = new Repo(dir);
    repo.identity();
    return repo;
  }

  private identity(): void {
    this.git('config', 'user.name', 'Ada Lovelace');
    this.git('config', 'user.email', 'ada@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return git(this.dir, args);
  }

  write(rel: string, content: string | Uint8Array): this {
    const abs = join(this.dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  remove(rel: string): this {
    unlinkSync(join(this.dir, rel));
    return this;
  }

  executable(rel: string): this {
    chmodSync(join(this.dir, rel), 0o755);
    return this;
  }

  add(...paths: string[]): this {
    this.git('add', '-A', '--', ...(paths.length > 0 ? paths : ['.']));
    return this;
  }

  /** Commits what is staged (an empty commit is allowed) and returns the new commit's SHA. */
  commit(message: string, opts: { author?: string; email?: string } = {}): string {
    const date = `${EPOCH + 60 * ++clock} +0000`;
    const env: Record<string, string> = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    if (opts.author) env.GIT_AUTHOR_NAME = opts.author;
    if (opts.email) env.GIT_AUTHOR_EMAIL = opts.email;
    git(this.dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', message], { env });
    return this.rev('HEAD');
  }

  /** Writes, stages and commits files in one step. */
  commitFiles(message: string, files: Record<string, string | Uint8Array>, opts: { author?: string; email?: string } = {}): string {
    for (const [rel, content] of Object.entries(files)) this.write(rel, content);
    this.add(...Object.keys(files));
    return this.commit(message, opts);
  }

  rev(name: string): string {
    return this.git('rev-parse', '--verify', name);
  }

  /** The ISO 8601 author date git reports for a commit, as the scanner should. */
  authorDate(sha: string): string {
    return this.git('show', '-s', '--format=%aI', sha);
  }

  merge(branch: string, message: string): string {
    const date = `${EPOCH + 60 * ++clock} +0000`;
    git(this.dir, ['merge', '-q', '--no-ff', '-m', message, branch], { env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    return this.rev('HEAD');
  }

  cleanup(): void {
    rmSync(this.dir.endsWith('/clone') ? dirname(this.dir) : this.dir, { recursive: true, force: true });
  }
}

/** An AWS credentials-file snippet (key ID and secret on consecutive lines), for tests that need a key. */
export function credentials(id: string, secret: string): string {
  return `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`;
}
