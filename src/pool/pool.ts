// A pool of worker threads that scan batches of files or blobs. The caller decides what goes in a
// batch and how many are in flight; the pool sends each batch to the least busy worker. Outcomes come
// back per batch, in task order, so a caller that awaits batches in order gets a deterministic result.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContentOutcome } from '../scan/content.js';
import type { ScanTask, TaskContext } from './tasks.js';
import { movableBuffers } from './transfer.js';

export interface BatchRequest {
  id: number;
  tasks: ScanTask[];
}

export type BatchReply = { id: number; outcomes: ContentOutcome[] } | { id: number; failure: string };

interface Pending {
  resolve: (outcomes: ContentOutcome[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  failed?: Error;
}

/**
 * A worker's heap limits. V8 lets an idle-looking heap grow far past what is live: two workers scanning
 * botocore's history took the process from 243 MB (one thread) to 470 MB resident. With a limit, V8
 * collects before growing. Work for a worker is bounded (a batch, a streamed chunk, or a blob of at
 * most WORKER_MAX_BLOB bytes, see batches.ts), so it fits with room to spare.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/** Threads used when the user does not say: one per core the process may use. */
export const defaultThreads = (): number => availableParallelism();

export class ScanPool {
  private readonly slots: Slot[];
  private nextId = 0;

  private constructor(ctx: TaskContext, threads: number) {
    const url = new URL('./worker.js', import.meta.url);
    this.slots = Array.from({ length: threads }, () => this.startSlot(url, ctx));
  }

  static start(ctx: TaskContext, threads: number): ScanPool {
    return new ScanPool(ctx, Math.max(1, threads));
  }

  get threads(): number {
    return this.slots.length;
  }

  /** Scans a batch on the least busy live worker; rejects if the worker fails (a bug, not a bad file). */
  run(tasks: ScanTask[]): Promise<ContentOutcome[]> {
    const live = this.slots.filter((s) => s.failed === undefined);
    if (live.length === 0) return Promise.reject(this.slots[0]?.failed ?? new Error('no scan workers'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // Bytes their owner marked movable go without a copy (transfer.ts); others are copied.
      slot.worker.postMessage({ id, tasks } satisfies BatchRequest, Array.isArray(tasks) ? movableBuffers(tasks) : []);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private startSlot(url: URL, ctx: TaskContext): Slot {
    // Rules cross as a structured clone: plain data and RegExps, compiled again on the other side.
    const slot: Slot = { worker: new Worker(url, { workerData: ctx, resourceLimits: WORKER_HEAP }), pending: new Map() };
    slot.worker.on('message', (reply: BatchReply) => {
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ('failure' in reply) pending?.reject(new Error(`a scan worker failed: ${reply.failure.split('\n')[0]}`));
      else pending?.resolve(reply.outcomes);
    });
    const fail = (err: Error): void => {
      slot.failed ??= err;
      for (const p of slot.pending.values()) p.reject(slot.failed);
      slot.pending.clear();
    };
    slot.worker.on('error', (err) => fail(new Error(`a scan worker failed: ${err.message}`)));
    slot.worker.on('exit', (code) => fail(new Error(`a scan worker stopped (exit code ${code})`)));
    return slot;
  }
}
