// What a command needs from the outside world, so that commands never touch `process` themselves.
import { escapeControl } from '../report/escape.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  /** `columns`: the terminal's width, for the spinner. */
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  /** Standard input (tests inject one); default process.stdin. */
  stdin?: AsyncIterable<Uint8Array>;
  /** The working directory commands run in (git commands look for the repository from here). */
  cwd?: string;
}

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/**
 * Prints a one-line (per problem) error and returns the error exit code. Messages quote paths and file
 * content (a .keyhoundignore line, a folder's name): control characters are escaped, so a message stays
 * one line and cannot drive the terminal.
 */
export function fail(io: Io, messages: string | string[]): number {
  for (const m of [messages].flat()) io.stderr.write(`keyhound: ${escapeControl(m)}\n`);
  return EXIT.error;
}
