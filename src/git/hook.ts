// `keyhound hook install|uninstall`: a pre-commit hook that runs `keyhound staged`. Our lines live in
// a marked block, so installing again replaces the block (idempotent), uninstalling removes exactly
// it, and a hook someone else wrote is only changed with --append.
//
// The hooks folder is what git itself uses: `git rev-parse --git-path hooks` honours core.hooksPath
// and, in a linked worktree, points at the main repository's hooks.
//
// With --append, the block goes right after the existing hook's shebang line, not at its end: hooks
// often end in `exec …` or `exit 0` (the pre-commit framework's does), which would skip anything
// added after them. The block ends with `|| exit $?`, so the rest of the hook still runs when no key
// is found, and the commit stops when one is.
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepo, gitPath } from './repo.js';

export const HOOK_BEGIN = '# >>> keyhound >>>';
export const HOOK_END = '# <<< keyhound <<<';
/**
 * The project's own keyhound when it is installed (hooks run at the top of the work tree), else npx:
 * npx alone adds ~0.5 s to every commit (measured: 0.67 s against 0.18 s for the direct call).
 */
export const DEFAULT_HOOK_COMMAND = 'if [ -x node_modules/.bin/keyhound ]; then node_modules/.bin/keyhound staged; else npx --no-install keyhound staged; fi';
const SHEBANG = '#!/bin/sh';

export interface InstallHookOptions {
  cwd: string;
  /** Add our block to a pre-commit hook that exists and is not ours. */
  append?: boolean;
  /** The command the hook runs; default DEFAULT_HOOK_COMMAND. One line. */
  command?: string;
}

export type InstallHookResult = { ok: true; path: string; action: 'created' | 'appended' } | { ok: false; message: string };

/** 'removed': our block was taken out of a hook that does more; 'deleted': the hook was only ours; 'absent': nothing to remove. */
export type UninstallHookResult = { ok: true; path: string; action: 'removed' | 'deleted' | 'absent' } | { ok: false; message: string };

export async function installHook(opts: InstallHookOptions): Promise<InstallHookResult> {
  const command = (opts.command ?? DEFAULT_HOOK_COMMAND).trim();
  if (command === '' || /[\r\n]/.test(command)) return { ok: false, message: 'the hook command must be a single, non-empty line' };
  const where = await hookFile(opts.cwd);
  if (!where.ok) return where;
  const { path } = where;
  const existing = await readText(path);
  if (existing.error !== undefined) return { ok: false, message: `cannot read ${path}: ${existing.error}` };
  const block = hookBlock(command);
  let text: string;
  let action: 'created' | 'appended';
  if (existing.text === undefined) {
    text = `${SHEBANG}\n${block}`;
    action = 'created';
  } else if (findBlock(existing.text) !== undefined) {
    const { before, after } = findBlock(existing.text)!;
    text = before + block + after;
    action = onlyShebang(before + after) ? 'created' : 'appended';
  } else {
    if (!opts.append) {
      return { ok: false, message: `${path} already exists and was not written by keyhound; run keyhound hook install --append to add keyhound to it` };
    }
    const lines = existing.text.split('\n');
    const shebang = lines[0]!.startsWith('#!') ? lines[0]! : undefined;
    if (shebang !== undefined && !/\b(sh|bash|zsh|dash|ksh|ash)\b/.test(shebang)) {
      return { ok: false, message: `${path} is not a shell script (${shebang}); add "${command}" to it yourself` };
    }
    text = shebang === undefined ? `${SHEBANG}\n${block}${existing.text}` : `${shebang}\n${block}${lines.slice(1).join('\n')}`;
    action = 'appended';
  }
  try {
    await mkdir(where.dir, { recursive: true });
    if (text !== existing.text) await writeFile(path, text);
    const mode = (await stat(path)).mode & 0o7777;
    if ((mode & 0o111) !== 0o111) await chmod(path, mode | 0o755);
  } catch (err) {
    return { ok: false, message: `cannot write ${path}: ${(err as Error).message}` };
  }
  return { ok: true, path, action };
}

export async function uninstallHook(opts: { cwd: string }): Promise<UninstallHookResult> {
  const where = await hookFile(opts.cwd);
  if (!where.ok) return where;
  const { path } = where;
  const existing = await readText(path);
  if (existing.error !== undefined) return { ok: false, message: `cannot read ${path}: ${existing.error}` };
  const found = existing.text === undefined ? undefined : findBlock(existing.text);
  if (found === undefined) return { ok: true, path, action: 'absent' };
  const rest = found.before + found.after;
  try {
    if (onlyShebang(rest)) {
      await rm(path, { force: true });
      return { ok: true, path, action: 'deleted' };
    }
    await writeFile(path, rest);
  } catch (err) {
    return { ok: false, message: `cannot write ${path}: ${(err as Error).message}` };
  }
  return { ok: true, path, action: 'removed' };
}

/** The block, ending in a newline. */
export function hookBlock(command: string): string {
  return [
    HOOK_BEGIN,
    '# Stops the commit if it adds an AWS key. Added by `keyhound hook install`; removed by',
    '# `keyhound hook uninstall`; `git commit --no-verify` skips it once.',
    `${command} || exit $?`,
    HOOK_END,
    '',
  ].join('\n');
}

/** The text before our block and after it (from the first begin marker to the next end marker, whole lines). */
function findBlock(text: string): { before: string; after: string } | undefined {
  const begin = lineStart(text, text.indexOf(HOOK_BEGIN));
  if (begin === -1) return undefined;
  const endMarker = text.indexOf(HOOK_END, begin);
  if (endMarker === -1) return undefined;
  const nl = text.indexOf('\n', endMarker);
  return { before: text.slice(0, begin), after: nl === -1 ? '' : text.slice(nl + 1) };
}

function lineStart(text: string, at: number): number {
  if (at === -1) return -1;
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Nothing but a shebang line and blank lines. */
function onlyShebang(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length === 0 || (lines.length === 1 && lines[0]!.startsWith('#!'));
}

async function readText(path: string): Promise<{ text?: string; error?: string }> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { error: (err as Error).message };
  }
}

async function hookFile(cwd: string): Promise<{ ok: true; path: string; dir: string } | { ok: false; message: string }> {
  const found = await findRepo(cwd);
  if (!found.ok) return found;
  if (found.repo.topLevel === undefined) {
    return { ok: false, message: found.repo.bare ? `${cwd} is a bare repository: commits are not made there, so a pre-commit hook would never run` : `${cwd} is inside the git directory; run this in the work tree` };
  }
  // A relative core.hooksPath is relative to where hooks run: the top level of the work tree.
  const dir = await gitPath(found.repo.topLevel, 'hooks');
  if (!dir.ok) return dir;
  return { ok: true, path: join(dir.path, 'pre-commit'), dir: dir.path };
}
