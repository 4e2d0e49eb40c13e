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
  if (task.kind === 'bytes') return scanBytes(task.path, task.bytes, ctx.rules, ctx.limits);
  const { scanFile } = await (fileScanner ??= import('../scan/read-file.js'));
  return scanFile(task, ctx.rules, ctx.limits);
}

/** Runs tasks one after another (a worker runs a batch this way); outcomes in task order. */
export async function runTasks(tasks: readonly ScanTask[], ctx: TaskContext): Promise<ContentOutcome[]> {
  const outcomes: ContentOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task, ctx));
  return outcomes;
}

// The scanner for one thread: each task is scanned as it is added. BatchScanner (batches.ts) has the
// same shape and moves to worker threads once a scan is large; a one-thread scan (--jobs 1, the
// pre-commit hook) uses this one and never loads the pool's modules.

/** An item and what scanning its content gave, handed back in the order items were added. */
export type Done<T> = [item: T, outcome: ContentOutcome];

export interface ContentScanner<T> {
  /** Adds a task (`size` in bytes, 0 if unknown); returns the outcomes that are ready, in order. */
  add(item: T, task: ScanTask, size: number): Promise<Done<T>[]>;
  /** Every outcome not yet handed back, in order. */
  finish(): Promise<Done<T>[]>;
  close(): Promise<void>;
}

export class InlineScanner<T> implements ContentScanner<T> {
  constructor(private readonly ctx: TaskContext) {}

  async add(item: T, task: ScanTask): Promise<Done<T>[]> {
    return [[item, await runTask(task, this.ctx)]];
  }

  async finish(): Promise<Done<T>[]> {
    return [];
  }

  async close(): Promise<void> {}
}
