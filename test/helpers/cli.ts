// Runs the CLI in-process (main() with captured streams) or as a real child process.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], opts: { env?: Record<string, string>; tty?: boolean; stdin?: string; cwd?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
    stdin: Readable.from([Buffer.from(opts.stdin ?? '')]),
    cwd: opts.cwd,
  });
  return { code, stdout, stderr };
}

export const BIN = fileURLToPath(new URL('../../src/bin.js', import.meta.url));

export function spawnCli(args: string[], opts: { input?: string; prefix?: string[]; shell?: string; cwd?: string } = {}): Run {
  const r = opts.shell
    ? spawnSync('bash', ['-c', opts.shell], { encoding: 'utf8', env: { ...process.env, KEYHOUND_NODE: process.execPath, KEYHOUND_BIN: BIN }, cwd: opts.cwd })
    : spawnSync(opts.prefix?.[0] ?? process.execPath, [...(opts.prefix?.slice(1) ?? []), ...(opts.prefix ? [process.execPath] : []), BIN, ...args], { encoding: 'utf8', input: opts.input, cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Why keyhound cannot run here as nobody (uid 65534), or undefined when it can: tests that need an
 * unreadable file run it as nobody when they run as root (root reads anything), which needs root and a
 * checkout that nobody may read (a checkout in a private 0700 folder is not).
 */
export function cannotRunAsNobody(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root, so cannot switch to nobody';
  const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', uid: 65534, gid: 65534 });
  if (r.error !== undefined) return r.error.message;
  if (r.status !== 0) return `nobody cannot run keyhound from this checkout: ${r.stderr.split('\n').find((l) => /Error|EACCES/.test(l)) ?? r.stderr.split('\n')[0]}`;
  return undefined;
}
