// `keyhound staged`, `keyhound history [range]` and `keyhound hook install|uninstall`: the git commands.
// They turn arguments into options for the orchestrator (src/scan/orchestrate.ts), which runs the
// staged or history source (src/git) through the same configuration, suppression, redaction and
// reporters as a folder scan, and deliver its result.
//
// Modules are loaded as they are needed: `keyhound staged` starts its git processes first and compiles
// the pipeline and detector while git works.
import { DEFAULT_MAX_BLOB_SIZE, parseSize } from '../size.js';
import { EXIT, fail, type Io } from './io.js';
import { archiveOptions, checkReportArgs, decodeOptions, deliver, parseJobs, startProgress, verifyOptions, type ReportArgs } from './report.js';

export interface StagedArgs extends ReportArgs {
  allLines: boolean;
  maxFileSize?: string;
  binaryStrings?: boolean;
}

export interface HistoryArgs extends ReportArgs {
  revisions?: string[];
  since?: string;
  until?: string;
  /** After `--`. */
  paths?: string[];
  maxFileSize?: string;
  binaryStrings?: boolean;
  jobs?: string;
}

export interface HookArgs {
  action?: string;
  append: boolean;
  command?: string;
}

/** Checks the flags; undefined when they are fine, else the exit code (the message is printed). */
async function checkArgs(args: ReportArgs & { maxFileSize?: string }, io: Io): Promise<number | undefined> {
  const problem = await checkReportArgs(args);
  if (problem !== undefined) return fail(io, problem);
  if (args.maxFileSize !== undefined && parseSize(args.maxFileSize) === undefined) return fail(io, `--max-file-size: "${args.maxFileSize}" is not a size (try 500KB, 10MiB or a number of bytes)`);
  return undefined;
}

/** The orchestrator's options every git command shares: configuration at the repository's top level. */
function commonOptions(args: ReportArgs & { maxFileSize?: string; binaryStrings?: boolean }, io: Io) {
  return {
    configFile: args.config,
    baselineFile: args.baseline,
    suppress: args.suppress,
    maxFileSize: args.maxFileSize === undefined ? undefined : parseSize(args.maxFileSize),
    defaultMaxFileSize: DEFAULT_MAX_BLOB_SIZE,
    binaryStrings: args.binaryStrings,
    redact: args.redact,
    reportUnusedIgnores: args.reportUnusedIgnores,
    verify: verifyOptions(args, io),
    ...archiveOptions(args),
    ...decodeOptions(args),
  };
}

export async function runStaged(args: StagedArgs, io: Io): Promise<number> {
  const bad = await checkArgs(args, io);
  if (bad !== undefined) return bad;
  // git first (repository, diffs, the blob reader), then the rules and configuration while it runs.
  const { StagedSource } = await import('../git/staged.js');
  const source = new StagedSource({ cwd: io.cwd ?? '.', allLines: args.allLines });
  const { orchestrate } = await import('../scan/orchestrate.js');
  // One thread: a commit is small, and the pre-commit path never loads the worker pool.
  const done = await orchestrate(source, { ...commonOptions(args, io), threads: 1 });
  if (!done.ok) return fail(io, done.messages);
  return deliver({ result: done.result, rules: done.rules, baseDir: done.base, defaultFormat: done.defaults.format, mode: 'staged' }, args, io);
}

export async function runHistory(args: HistoryArgs, io: Io): Promise<number> {
  const bad = await checkArgs(args, io);
  if (bad !== undefined) return bad;
  const jobs = parseJobs(args.jobs);
  if (!jobs.ok) return fail(io, jobs.message);
  const [{ HistorySource }, { orchestrate }] = await Promise.all([import('../git/history.js'), import('../scan/orchestrate.js')]);
  const source = new HistorySource({ cwd: io.cwd ?? '.', revisions: args.revisions, since: args.since, until: args.until, paths: args.paths });
  // Asked before the scan, while this process is small: a git child started after it briefly shows
  // (and a sum over the process tree counts) the whole resident memory of the scan.
  const base = await source.base();
  const { describeRepository } = await import('../git/describe.js');
  const described = base.ok ? describeRepository(base.dir) : undefined;
  const progress = await startProgress(args, io);
  const done = await orchestrate(source, { ...commonOptions(args, io), threads: jobs.threads, onProgress: progress?.update });
  progress?.stop();
  if (!done.ok) return fail(io, done.messages);
  const vcs = await (described ?? describeRepository(done.base));
  return deliver({ result: done.result, rules: done.rules, baseDir: done.base, defaultFormat: done.defaults.format, mode: 'history', vcs }, args, io);
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
