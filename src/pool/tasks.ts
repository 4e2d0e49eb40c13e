// What a scan thread is asked to do, and how it does it: the same code runs in the main thread (small
// scans) and in worker threads (large ones), so results do not depend on where they ran.
import type { CompiledRule } from '../rules/load.js';
import { scanBytes, type ContentOutcome } from '../scan/content.js';
import type { FileTask, ReadLimits } from '../scan/read-file.js';

/** A file to read and scan, or bytes already read (a git blob). */
export type ScanTask = ({ kind: 'file' } & FileTask) | { kind: 'bytes'; path: string; bytes: Uint8Array };

export interface TaskContext {
  rules: readonly CompiledRule[];
  limits: ReadLimits;
}

/** The file reader (and the streaming scanner behind it), loaded with the first file: git scans never read files. */
let fileScanner: Promise<typeof import('../scan/read-file.js')> | undefined;

export async function runTask(task: ScanTask, ctx: TaskContext): Promise<ContentOutcome> {
  if (task.kind === 'bytes') return scanBytes(task.path, task.bytes, ctx.rules);
  const { scanFile } = await (fileScanner ??= import('../scan/read-file.js'));
  return scanFile(task, ctx.rules, ctx.limits);
}

/** Runs tasks one after another (a worker runs a batch this way); outcomes in task order. */
export async function runTasks(tasks: readonly ScanTask[], ctx: TaskContext): Promise<ContentOutcome[]> {
  const outcomes: ContentOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task, ctx));
  return outcomes;
}
