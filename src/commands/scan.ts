// `keyhound scan [paths..]`: files, folders and standard input.
import { globProblem } from '../glob.js';
import { pathsScan } from '../run.js';
import { orchestrate } from '../scan/orchestrate.js';
import { parseSize } from '../size.js';
import { fail, type Io } from './io.js';
import { archiveOptions, checkReportArgs, decodeOptions, deliver, parseJobs, startProgress, verifyOptions, type ReportArgs } from './report.js';

export interface ScanArgs extends ReportArgs {
  paths: string[];
  include: string[];
  exclude: string[];
  gitignore: boolean;
  maxFileSize?: string;
  binaryStrings?: boolean;
  jobs?: string;
}

export async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const problem = await checkReportArgs(args);
  if (problem !== undefined) return fail(io, problem);
  const maxFileSize = args.maxFileSize === undefined ? undefined : parseSize(args.maxFileSize);
  if (args.maxFileSize !== undefined && maxFileSize === undefined) {
    return fail(io, `--max-file-size: "${args.maxFileSize}" is not a size (try 500KB, 10MiB or a number of bytes)`);
  }
  for (const [flag, globs] of [['--include', args.include], ['--exclude', args.exclude]] as const) {
    for (const glob of globs) {
      const bad = globProblem(glob);
      if (bad !== undefined) return fail(io, `${flag} "${glob}" is not a valid glob: ${bad}`);
    }
  }
  const jobs = parseJobs(args.jobs);
  if (!jobs.ok) return fail(io, jobs.message);
  const progress = await startProgress(args, io);
  const { source, options } = pathsScan({
    paths: args.paths,
    cwd: io.cwd,
    include: args.include,
    exclude: args.exclude,
    gitignore: args.gitignore,
    maxFileSize,
    binaryStrings: args.binaryStrings,
    redact: args.redact,
    configFile: args.config,
    baselineFile: args.baseline,
    suppress: args.suppress,
    reportUnusedIgnores: args.reportUnusedIgnores,
    verify: verifyOptions(args, io),
    stdin: io.stdin,
    onProgress: progress?.update,
    threads: jobs.threads,
    ...archiveOptions(args),
    ...decodeOptions(args),
  });
  const outcome = await orchestrate(source, options);
  progress?.stop();
  if (!outcome.ok) return fail(io, outcome.messages);
  return deliver({ result: outcome.result, rules: outcome.rules, baseDir: outcome.base, defaultFormat: outcome.defaults.format }, args, io);
}
