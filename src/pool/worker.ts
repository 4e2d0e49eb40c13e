// A scan worker thread: receives the rules once, then batches of tasks, and answers each batch with
// its outcomes in order. Runs no I/O of its own besides reading the files it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { runTasks, type ScanTask, type TaskContext } from './tasks.js';
import type { BatchReply, BatchRequest } from './pool.js';

const ctx = workerData as TaskContext;
const port = parentPort!;

port.on('message', (request: BatchRequest) => {
  void answer(request.id, request.tasks);
});

async function answer(id: number, tasks: ScanTask[]): Promise<void> {
  let reply: BatchReply;
  try {
    reply = { id, outcomes: await runTasks(tasks, ctx) };
  } catch (err) {
    // A bug, not a file problem (those are outcomes): the pool reports it and the scan fails.
    reply = { id, failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
}
