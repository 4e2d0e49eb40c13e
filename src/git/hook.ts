// `keyhound hook install|uninstall`: a pre-commit hook that runs `keyhound staged`. Our lines live in
// a marked block, so installing again replaces the block (idempotent), uninstalling removes exactly
// it, and a hook someone else wrote is only changed with --append.
//
// The hooks folder is what git itself uses: `git rev-parse --git-path hooks` honours core.hooksPath
// and, in a linked worktree, points at the main repository's hooks.
//
// With --append, the block goes right after the existing hook's shebang line, not at its end: hooks
// often end in `exec …` or `exit 0` (the pre-commit framework's does), which would skip anything
// added after them. The block exits only when keyhound fails, so the rest of the hook still runs when
// no key is found, and the commit stops when one is.
//
// The default command runs the keyhound that installed the hook, never npx: npx may ask the registry
// on every commit, and would run whatever package has that name there. Looked for in this order: the
// repository's own node_modules/.bin (hooks run at the top of the work tree), `keyhound` on PATH, then
// the absolute paths of the node and bin.js that ran `hook install`, recorded in the hook.
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepo, gitPath } from './repo.js';

export const HOOK_BEGIN = '# >>> keyhound >>>';
export const HOOK_END = '# <<< keyhound <<<';
const SHEBANG = '#!/bin/sh';

/** The keyhound that runs `hook install`: the node executable and this package's bin.js, both absolute. */
export interface KeyhoundExecutable {
  node: string;
  script: string;
}

/** This keyhound: the node running it and the bin.js next to this module (dist/src/bin.js). */
export function thisKeyhound(): KeyhoundExecutable {
  return { node: process.execPath, script: fileURLToPath(new URL('../bin.js', import.meta.url)) };
}

/** A word for sh: single-quoted, so spaces, $ and quotes in a path stay as they are. */
export function shQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/**
 * What the hook runs by default: the first keyhound found, in the order above. When none is left, one
 * line saying how to fix it, and the commit is BLOCKED (exit 1): a secret scanner that silently stops
 * checking is worse than one that asks to be reinstalled; KEYHOUND_SKIP=1 gets past it deliberately.
 */
export function defaultHookCommand(self: KeyhoundExecutable = thisKeyhound()): string {
  const node = shQuote(self.node);
  const script = shQuote(self.script);
  const missing = `keyhound: cannot find keyhound (not in node_modules/.bin, not on PATH, not at ${self.script}): reinstall it and run \`keyhound hook install\` (README: Install), or commit with KEYHOUND_SKIP=1 to skip the check once`;
  return [
    'if [ -x node_modules/.bin/keyhound ]; then',
    '  node_modules/.bin/keyhound staged',
    'elif command -v keyhound >/dev/null 2>&1; then',
    '  keyhound staged',
    `elif [ -x ${node} ] && [ -f ${script} ]; then`,
    `  ${node} ${script} staged`,
    'else',
    `  echo ${shQuote(missing)} >&2`,
    '  exit 1',
    'fi',
  ].join('\n');
}

export interface InstallHookOptions {
  cwd: string;
  /** Add our block to a pre-commit hook that exists and is not ours. */
  append?: boolean;
  /** The command the hook runs instead of keyhound; one line. Every part of it must succeed (sh -e). */
  command?: string;
  /** The keyhound the default command falls back to; default: this one. */
  self?: KeyhoundExecutable;
}

/**
 * 'created': a new hook; 'appended': our block added to someone else's hook; 'updated': our block was
 * there and has changed (e.g. another command); 'unchanged': it was there already, exactly so.
 */
export type InstallHookAction = 'created' | 'appended' | 'updated' | 'unchanged';
export type InstallHookResult = { ok: true; path: string; action: InstallHookAction } | { ok: false; message: string };

/** 'removed': our block was taken out of a hook that does more; 'deleted': the hook was only ours; 'absent': nothing to remove. */
export type UninstallHookResult = { ok: true; path: string; action: 'removed' | 'deleted' | 'absent' } | { ok: false; message: string };

export async function installHook(opts: InstallHookOptions): Promise<InstallHookResult> {
  const custom = opts.command?.trim();
  if (custom !== undefined && (custom === '' || /[\r\n]/.test(custom))) return { ok: false, message: 'the hook command must be a single, non-empty line' };
  const command = custom ?? defaultHookCommand(opts.self);
  const where = await hookFile(opts.cwd);
  if (!where.ok) return where;
  const { path } = where;
  const existing = await readText(path);
  if (existing.error !== undefined) return { ok: false, message: `cannot read ${path}: ${existing.error}` };
  const block = hookBlock(command);
  let text: string;
  let action: InstallHookAction;
  const found = existing.text === undefined ? undefined : findBlock(existing.text);
  if (existing.text === undefined) {
    text = `${SHEBANG}\n${block}`;
    action = 'created';
  } else if (found !== undefined) {
    text = found.before + block + found.after;
    action = text === existing.text ? 'unchanged' : 'updated';
  } else {
    if (!opts.append) {
      return { ok: false, message: `${path} already exists and was not written by keyhound; run keyhound hook install --append to add keyhound to it` };
    }
    const lines = existing.text.split('\n');
    const shebang = lines[0]!.startsWith('#!') ? lines[0]! : undefined;
    if (shebang !== undefined && !/\b(sh|bash|zsh|dash|ksh|ash)\b/.test(shebang)) {
      return { ok: false, message: `${path} is not a shell script (${shebang}); add "${custom ?? 'keyhound staged'}" to it yourself` };
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

/**
 * The block, ending in a newline. The command runs in a subshell with `set -e`, so in "A; B" a failing
 * A fails the hook (a plain `A; B || exit $?` would only see B). The subshell's status is read on its
 * own line, not with `( … ) || exit`: sh ignores `set -e` inside anything on the left of `||`.
 */
export function hookBlock(command: string): string {
  return [
    HOOK_BEGIN,
    '# Stops the commit if it adds an AWS key. Added by `keyhound hook install`; removed by',
    '# `keyhound hook uninstall`; KEYHOUND_SKIP=1 or `git commit --no-verify` skips it once.',
    'if [ "${KEYHOUND_SKIP:-}" = 1 ]; then',
    "  echo 'keyhound: skipped (KEYHOUND_SKIP=1)' >&2",
    'else',
    '  (',
    '    set -e',
    ...command.split('\n').map((line) => `    ${line}`),
    '  )',
    '  keyhound_status=$?',
    '  if [ "$keyhound_status" -ne 0 ]; then exit "$keyhound_status"; fi',
    'fi',
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
