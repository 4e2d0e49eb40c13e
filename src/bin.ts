#!/usr/bin/env node
// The executable: the only module that touches `process`.
import module from 'node:module';
import v8 from 'node:v8';
import { commandName } from './command-name.js';

// How hot a function must get before V8 optimizes it. The default (~66 KB of bytecode run) suits a
// long-lived page; a scan is a few seconds of a few hot loops in each thread, and with it V8 compiled
// functions early, met a path their first feedback had not seen, threw the code away and compiled
// again: on the bench's npm tree, 331 compiles with two threads, on compiler threads that compete with
// the scan's on a 2-core machine. 300 KB halves the compiles and saves ~0.5 s of CPU per run there
// (README, "What decoding costs"); the work is the same. Only for `scan` and `history`: a pre-commit
// run lasts 0.2 s, in which optimizing early pays (~7 ms). A value the user gives wins.
const command = commandName(process.argv.slice(2));
const budgetGiven = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.includes('interrupt-budget');
if ((command === 'scan' || command === 'history') && !budgetGiven) v8.setFlagsFromString('--interrupt-budget=300000');

/**
 * The last resort: an error nothing else caught (a bug) ends the run with one line on stderr and exit 2,
 * never a stack trace and never exit 1 (which says "findings"). KEYHOUND_DEBUG=1 adds the stack.
 */
function internalError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const stack = process.env.KEYHOUND_DEBUG === '1' && err instanceof Error && err.stack !== undefined ? `${err.stack}\n` : '';
  try {
    process.stderr.write(`keyhound: internal error: ${message.split('\n')[0]}\n${stack}`);
  } finally {
    process.exit(2);
  }
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

// On Node >= 22.1, V8 keeps the compiled code of keyhound's modules between runs (in the OS temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): every pre-commit run starts faster. Node 20 has
// no compile cache, and this is a no-op there. It must run before the CLI is imported, hence the
// dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `keyhound scan . | head` closes the pipe early: stop quietly. Any other failure to write the report
// (a full disk behind a pipe) is one line and exit 2.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`keyhound: cannot write the report to standard output: ${err.message}\n`);
  process.exit(2);
});

try {
  const { main } = await import('./cli.js');
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
} catch (err) {
  internalError(err);
}
