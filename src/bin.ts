#!/usr/bin/env node
// The executable: the only module that touches `process`.
import { main } from './cli.js';

// `keyhound scan . | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
