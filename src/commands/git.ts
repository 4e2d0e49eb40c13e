// `keyhound staged`, `keyhound history [range]` and `keyhound hook install|uninstall`: the git commands.
// The git layer (src/git) reads the index or the history; this module runs it through the same
// configuration, suppression, redaction and reporters as a folder scan.
//
// Modules are loaded as they are needed: `keyhound staged` starts its git processes first and compiles
// the pipeline and detector while git works.
import { matchesAny } from '../glob.js';
import type { Prepared } from '../pipeline.js';
import type { RepoLookup } from '../git/repo.js';
import { DEFAULT_MAX_BLOB_SIZE, parseSize } from '../size.js';
import { countSkip, type Finding, type ScanError, type Stats } from '../types.js';
import { EXIT, fail, type Io } from './io.js';
import { checkReportArgs, deliver, parseJobs, startProgress, verifyOptions, type ReportArgs } from './report.js';

export interface StagedArgs extends ReportArgs {
  allLines: boolean;
  maxFileSize?: string;
}

export interface HistoryArgs extends ReportArgs {
  revisions?: string[];
  since?: string;
  until?: string;
  /** After `--`. */
  paths?: string[];
  maxFileSize?: string;
  jobs?: string;
}

export interface HookArgs {
  action?: string;
  append: boolean;
  command?: string;
}

type Ready = { ok: true; prepared: Prepared; root: string; maxFileSize: number } | { ok: false; code: number };

/** Checks the flags; undefined when they are fine, else the exit code (the message is printed). */
async function checkArgs(args: ReportArgs & { maxFileSize?: string }, io: Io): Promise<number | undefined> {
  const problem = await checkReportArgs(args);
  if (problem !== undefined) return fail(io, problem);
  if (args.maxFileSize !== undefined && parseSize(args.maxFileSize) === undefined) return fail(io, `--max-file-size: "${args.maxFileSize}" is not a size (try 500KB, 10MiB or a number of bytes)`);
  return undefined;
}

/** Finds the repository and loads its configuration, ignore file and baseline (from the top level). */
async function ready(args: ReportArgs & { maxFileSize?: string }, io: Io, repoLookup?: Promise<RepoLookup>): Promise<Ready> {
  const size = args.maxFileSize === undefined ? undefined : parseSize(args.maxFileSize);
  const findRepo = async () => (await import('../git/repo.js')).findRepo(io.cwd ?? '.');
  const [repo, { prepare }] = await Promise.all([repoLookup ?? findRepo(), import('../pipeline.js')]);
  if (!repo.ok) return { ok: false, code: fail(io, repo.message) };
  const prepared = await prepare({ rootDir: repo.repo.root, configFile: args.config, baselineFile: args.baseline, suppress: args.suppress });
  if (!prepared.ok) return { ok: false, code: fail(io, prepared.messages) };
  const maxFileSize = size ?? prepared.prepared.config.defaults.maxFileSize ?? DEFAULT_MAX_BLOB_SIZE;
  return { ok: true, prepared: prepared.prepared, root: repo.repo.root, maxFileSize };
}

/** Path allowlists from the configuration: the walker skips these files; for git scans, their findings. */
function dropAllowlisted(findings: Finding[], stats: Stats, prepared: Prepared): Finding[] {
  const allow = prepared.config.allowPaths;
  if (allow.length === 0) return findings;
  const dropped = new Set<string>();
  const kept = findings.filter((f) => (matchesAny(f.path, allow) ? (dropped.add(f.path), false) : true));
  for (const path of dropped) countSkip(stats, 'allowlisted', path);
  return kept;
}

export async function runStaged(args: StagedArgs, io: Io): Promise<number> {
  const started = Date.now();
  const bad = await checkArgs(args, io);
  if (bad !== undefined) return bad;
  const cwd = io.cwd ?? '.';
  // git first (repository, diffs, the blob reader), then the rules and configuration while it runs.
  const { scanStaged, startStaged } = await import('../git/staged.js');
  const start = startStaged(cwd);
  const r = await ready(args, io, start.repo);
  if (!r.ok) {
    start.close();
    return r.code;
  }
  const scanned = await scanStaged({ cwd, rules: r.prepared.rules, allLines: args.allLines, maxFileSize: r.maxFileSize, start });
  if (!scanned.ok) return fail(io, scanned.message);
  const findings = dropAllowlisted(scanned.findings, scanned.stats, r.prepared);
  const { finish } = await import('../pipeline.js');
  const done = await finish({ findings, errors: scanned.errors, stats: scanned.stats }, r.prepared, { redact: args.redact, reportUnusedIgnores: args.reportUnusedIgnores, started, verify: verifyOptions(args, io) });
  if (!done.ok) return fail(io, done.messages);
  return deliver({ result: done.result, rules: r.prepared.rules, baseDir: r.root, defaultFormat: r.prepared.config.defaults.format, mode: 'staged' }, args, io);
}

export async function runHistory(args: HistoryArgs, io: Io): Promise<number> {
  const started = Date.now();
  const bad = await checkArgs(args, io);
  if (bad !== undefined) return bad;
  const jobs = parseJobs(args.jobs);
  if (!jobs.ok) return fail(io, jobs.message);
  const r = await ready(args, io);
  if (!r.ok) return r.code;
  const progress = await startProgress(args, io);
  const { scanHistory } = await import('../git/history.js');
  const scanned = await scanHistory({ cwd: io.cwd ?? '.', rules: r.prepared.rules, revisions: args.revisions, since: args.since, until: args.until, paths: args.paths, maxFileSize: r.maxFileSize, onProgress: progress?.update, threads: jobs.threads });
  progress?.stop();
  if (!scanned.ok) return fail(io, scanned.message);
  const warnings: ScanError[] = scanned.warnings.map((message) => ({ path: '.', kind: 'other', message }));
  const findings = dropAllowlisted(scanned.findings, scanned.stats, r.prepared);
  const { finish } = await import('../pipeline.js');
  const done = await finish({ findings, errors: [...warnings, ...scanned.errors], stats: scanned.stats }, r.prepared, { redact: args.redact, reportUnusedIgnores: args.reportUnusedIgnores, started, verify: verifyOptions(args, io) });
  if (!done.ok) return fail(io, done.messages);
  const vcs = await describeRepository(r.root);
  return deliver({ result: done.result, rules: r.prepared.rules, baseDir: r.root, defaultFormat: r.prepared.config.defaults.format, mode: 'history', vcs }, args, io);
}

export async function runHook(args: HookArgs, io: Io): Promise<number> {
  const { installHook, uninstallHook } = await import('../git/hook.js');
  const cwd = io.cwd ?? '.';
  if (args.action === 'install') {
    const done = await installHook({ cwd, append: args.append, command: args.command });
    if (!done.ok) return fail(io, done.message);
    const what = { created: 'pre-commit hook installed', appended: 'added to the existing pre-commit hook', updated: 'pre-commit hook updated', unchanged: 'pre-commit hook already installed, unchanged' }[done.action];
    io.stdout.write(`keyhound: ${what}: ${done.path}\n`);
    return EXIT.clean;
  }
  if (args.action === 'uninstall') {
    const done = await uninstallHook({ cwd });
    if (!done.ok) return fail(io, done.message);
    const what = { removed: 'keyhound removed from the hook', deleted: 'hook deleted', absent: 'no keyhound hook to remove' }[done.action];
    io.stdout.write(`keyhound: ${what}: ${done.path}\n`);
    return EXIT.clean;
  }
  return fail(io, `hook: say install or uninstall (keyhound hook install [--append])`);
}

/**
 * The repository's origin URL (credentials stripped, scp-style turned into a URI) and HEAD, for SARIF's
 * versionControlProvenance. Missing pieces are left out, never guessed.
 */
async function describeRepository(root: string): Promise<{ repositoryUri?: string; revisionId?: string; branch?: string }> {
  const { runGit } = await import('../git/repo.js');
  const [url, head, branch] = await Promise.all([
    runGit(['config', '--get', 'remote.origin.url'], { cwd: root }),
    runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root }),
    runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: root }),
  ]);
  const out: { repositoryUri?: string; revisionId?: string; branch?: string } = {};
  const uri = url.code === 0 ? repositoryUri(url.stdout.toString('utf8').trim()) : undefined;
  if (uri !== undefined) out.repositoryUri = uri;
  if (head.code === 0) out.revisionId = head.stdout.toString('utf8').trim();
  if (branch.code === 0) out.branch = branch.stdout.toString('utf8').trim();
  return out;
}

/** `git@host:org/repo.git` → `ssh://host/org/repo.git`; `https://user:token@host/x` → `https://host/x`. */
export function repositoryUri(remote: string): string | undefined {
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(remote);
  if (scp) return `ssh://${scp[1]}/${scp[2]!.replace(/^\//, '')}`;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return undefined;
  }
}
