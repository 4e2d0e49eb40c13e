// The scanner for one thread: each task is scanned as it is added. BatchScanner (pool/batches.ts) has
// the same shape and moves to worker threads once a scan is large; a one-thread scan (--jobs 1, the
// pre-commit hook) uses this one and never loads the pool's modules.
import type { ContentOutcome } from './content.js';
import { runTask, type ScanTask, type TaskContext } from '../pool/tasks.js';

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
