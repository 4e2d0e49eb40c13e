// Bytes that a worker thread may be given by moving them (a transfer) instead of by a copy: marked by
// their owner, which must not use them once it has handed them on. A history blob reader owns each
// blob's memory (repo.ts); bytes from elsewhere (a caller's Buffer, a slice of a shared pool) are
// never marked, so they are copied as before.
import type { ScanTask } from './tasks.js';

const movable = new WeakSet<ArrayBuffer>();

/** Marks bytes that own their whole buffer as free to move to a worker. */
export function markMovable(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && buffer.byteLength > 0) movable.add(buffer);
}

/** The buffers of a batch that may be moved, each once. */
export function movableBuffers(tasks: readonly ScanTask[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const task of tasks) if (task.kind === 'bytes' && task.bytes.buffer instanceof ArrayBuffer && movable.has(task.bytes.buffer)) out.add(task.bytes.buffer);
  return [...out];
}

/** Whether a task's bytes were moved to a worker (and are no longer here). */
export function wasMoved(task: ScanTask): boolean {
  return task.kind === 'bytes' && task.bytes.buffer instanceof ArrayBuffer && movable.has(task.bytes.buffer) && task.bytes.buffer.byteLength === 0;
}
