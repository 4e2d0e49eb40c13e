#!/usr/bin/env node
// The executable: the only module that touches `process`.
import module from 'node:module';

// On Node >= 22.1, V8 keeps the compiled code of keyhound's modules between runs (in the OS temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): every pre-commit run starts faster. Node 20 has
// no compile cache, and this is a no-op there. It must run before the CLI is imported, hence the
// dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./cli.js');

// `keyhound scan . | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
