// Scans a stream of tasks in batches, in this thread while the scan is small and in a pool of worker
// threads once it is large, and hands the outcomes back in the order the tasks were added: the result
// of a scan never depends on which thread finished first.
import { availableParallelism } from 'node:os';
import type { ScanPool } from './pool.js';
import { runTasks, type ContentScanner, type Done, type ScanTask, type TaskContext } from './tasks.js';
import { wasMoved } from './transfer.js';
import { scanFailed, type ContentOutcome } from '../scan/content.js';

/**
 * Worker threads are started only once a scan has found this much to read: starting them costs
 * ~50 ms. `node bench/threads.mjs` (one thread against a pool started at once, 2 cores) measured the
 * pool 6x slower at 1 MB, even at ~17 MB and 20% faster from 34 MB up; the files found before the pool
 * starts are scanned here, so the threshold is the break-even point.
 */
export const PARALLEL_ABOVE: ParallelAbove = { bytes: 16 * 1024 * 1024, tasks: 2000 };

/** Worker threads start once a scan has seen more than `bytes` or more than `tasks` files or blobs. */
export interface ParallelAbove {
  bytes: number;
  tasks: number;
}
/** A batch: enough work to make a message's cost negligible, small enough to keep the threads balanced. */
const BATCH_TASKS = 64;
const BATCH_BYTES = 2 * 1024 * 1024;
/**
 * Bytes (a history blob) larger than this are scanned in this thread, in their turn: a worker's heap is
 * capped (pool.ts), and the user may raise --max-file-size as far as they like.
 */
export const WORKER_MAX_BLOB = 8 * 1024 * 1024;
/** Batches in flight per thread: one running, one waiting, so that no worker idles between messages. */
const IN_FLIGHT_PER_THREAD = 2;

export type { Done };

interface InFlight<T> {
  settled: boolean;
  promise: Promise<Done<T>[]>;
}

export class BatchScanner<T> implements ContentScanner<T> {
  private items: T[] = [];
  private tasks: ScanTask[] = [];
  private bytes = 0;
  private seenTasks = 0;
  private seenBytes = 0;
  private pool?: ScanPool;
  private readonly queue: InFlight<T>[] = [];
  private readonly threads: number;

  /**
   * `threads`: 1 scans in this thread only; default one per core, and never more than the cores: the
   * work is CPU-bound, so more threads only add memory (each worker has its own heap).
   */
  constructor(
    private readonly ctx: TaskContext,
    threads?: number,
    private readonly parallelAbove: ParallelAbove = PARALLEL_ABOVE,
  ) {
    this.threads = Math.max(1, Math.min(threads ?? availableParallelism(), availableParallelism()));
  }

  /** Adds a task (`size` in bytes, 0 if unknown); returns the outcomes that are ready, in order. */
  async add(item: T, task: ScanTask, size: number): Promise<Done<T>[]> {
    if (task.kind === 'bytes' && task.bytes.length > WORKER_MAX_BLOB) {
      await this.flush();
      this.queue.push(settledEntry(runTasks([task], this.ctx).then(([outcome]) => [[item, outcome!]])));
      return this.ready();
    }
    this.items.push(item);
    this.tasks.push(task);
    this.bytes += size;
    this.seenTasks++;
    this.seenBytes += size;
    if (this.tasks.length < BATCH_TASKS && this.bytes < BATCH_BYTES) return [];
    await this.flush();
    return this.ready();
  }

  /** Every outcome not yet handed back, in order. */
  async finish(): Promise<Done<T>[]> {
    await this.flush();
    const done: Done<T>[] = [];
    while (this.queue.length > 0) done.push(...(await this.queue.shift()!.promise));
    return done;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Worker threads in use: 0 while the scan is still small (or with one thread). */
  get workers(): number {
    return this.pool?.threads ?? 0;
  }

  private async flush(): Promise<void> {
    if (this.tasks.length === 0) return;
    const items = this.items;
    const tasks = this.tasks;
    this.items = [];
    this.tasks = [];
    this.bytes = 0;
    const pool = await this.poolIfLarge();
    // A batch whose worker died (out of its capped heap, say) is scanned again here, where the heap is
    // not capped; a bug in the scanning code then fails here too, with its own message.
    const outcomes = pool === undefined ? runTasks(tasks, this.ctx) : pool.run(tasks).catch((err: Error) => this.again(tasks, err));
    this.queue.push(settledEntry(outcomes.then((o) => o.map((outcome, i): Done<T> => [items[i]!, outcome]))));
  }

  /**
   * The batch of a worker that failed, scanned here; bytes moved to that worker (transfer.ts) went
   * with it, so each of those is a warning naming it instead of being scanned silently empty.
   */
  private async again(tasks: ScanTask[], err: Error): Promise<ContentOutcome[]> {
    const outcomes: ContentOutcome[] = [];
    for (const task of tasks) outcomes.push(wasMoved(task) ? { kind: 'error', error: scanFailed(task.path, err) } : (await runTasks([task], this.ctx))[0]!);
    return outcomes;
  }

  /** Outcomes at the head of the queue that are ready; waits for the head while too many are in flight. */
  private async ready(): Promise<Done<T>[]> {
    const done: Done<T>[] = [];
    const limit = this.pool === undefined ? 1 : this.pool.threads * IN_FLIGHT_PER_THREAD;
    while (this.queue.length > 0 && (this.queue[0]!.settled || this.queue.length >= limit)) {
      done.push(...(await this.queue.shift()!.promise));
    }
    return done;
  }

  private async poolIfLarge(): Promise<ScanPool | undefined> {
    if (this.pool !== undefined || this.threads <= 1) return this.pool;
    if (this.seenBytes <= this.parallelAbove.bytes && this.seenTasks <= this.parallelAbove.tasks) return undefined;
    const { ScanPool } = await import('./pool.js');
    return (this.pool = ScanPool.start(this.ctx, this.threads));
  }
}

/** Tracks whether a batch is done. Marked settled on success only: a failure is rethrown in its turn. */
function settledEntry<T>(promise: Promise<Done<T>[]>): InFlight<T> {
  const entry: InFlight<T> = { settled: false, promise };
  void promise.then(() => (entry.settled = true), () => undefined);
  return entry;
}
