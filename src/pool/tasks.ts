// What a scan thread is asked to do, and how it does it: the same code runs in the main thread (small
// scans) and in worker threads (large ones), so results do not depend on where they ran.
import type { CompiledRule } from '../rules/load.js';
import { scanBytes, type ContentOutcome } from '../scan/content.js';
import { scanFile, type FileTask, type ReadLimits } from '../scan/read-file.js';

/** A file to read and scan, or bytes already read (a git blob). */
export type ScanTask = ({ kind: 'file' } & FileTask) | { kind: 'bytes'; path: string; bytes: Uint8Array };

export interface TaskContext {
  rules: readonly CompiledRule[];
  limits: ReadLimits;
}

export function runTask(task: ScanTask, ctx: TaskContext): Promise<ContentOutcome> | ContentOutcome {
  return task.kind === 'file' ? scanFile(task, ctx.rules, ctx.limits) : scanBytes(task.path, task.bytes, ctx.rules);
}

/** Runs tasks one after another (a worker runs a batch this way); outcomes in task order. */
export async function runTasks(tasks: readonly ScanTask[], ctx: TaskContext): Promise<ContentOutcome[]> {
  const outcomes: ContentOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task, ctx));
  return outcomes;
}
