// Parsers for git's diff output: `--raw -z` entries (modes, object names, status, paths, taken byte
// for byte), and the hunk headers of a `-U0` patch (which lines of each new file are added).

import { pathFromBytes } from '../sources/path-bytes.js';

/** One line of `git diff --raw -z`. */
export interface RawEntry {
  oldMode: string;
  newMode: string;
  oldSha: string;
  newSha: string;
  /** A, C, D, M, R, T, U or X. */
  status: string;
  /** The path before (for renames and copies, the source); otherwise the same as `path`. */
  oldPath: string;
  path: string;
}

export const ZERO_SHA = /^0+$/;
export const MODE_SUBMODULE = '160000';
export const MODE_SYMLINK = '120000';
export const isFileMode = (mode: string): boolean => mode.startsWith('100');

/**
 * Parses `:<old mode> <new mode> <old sha> <new sha> <status>` followed by one path, or two for
 * renames and copies. `tokens` are the NUL-separated fields; the meta token may start with a newline
 * (as it does after a commit header in `git log -z`).
 */
export function parseRawMeta(token: string): Omit<RawEntry, 'oldPath' | 'path'> | undefined {
  const m = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(token);
  if (m === null) return undefined;
  return { oldMode: m[1]!, newMode: m[2]!, oldSha: m[3]!, newSha: m[4]!, status: m[5]! };
}

/** Every entry of `git diff --raw -z` output. */
export function parseRaw(out: Buffer): RawEntry[] {
  const tokens = splitNul(out);
  const entries: RawEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const meta = parseRawMeta(tokens[i]!.toString('latin1'));
    if (meta === undefined) continue;
    const first = pathFromBytes(tokens[++i] ?? Buffer.alloc(0));
    const twoPaths = meta.status === 'R' || meta.status === 'C';
    const second = twoPaths ? pathFromBytes(tokens[++i] ?? Buffer.alloc(0)) : first;
    entries.push({ ...meta, oldPath: first, path: second });
  }
  return entries;
}

export function splitNul(buf: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  for (let nul = buf.indexOf(0, at); nul !== -1; nul = buf.indexOf(0, at)) {
    parts.push(buf.subarray(at, nul));
    at = nul + 1;
  }
  if (at < buf.length) parts.push(buf.subarray(at));
  return parts;
}

/** Added line numbers of one new file, or 'binary' when git showed no text diff for it. */
export type AddedLines = Set<number> | 'binary';

/**
 * The added line numbers of each new path in a `git diff -U0 --src-prefix=a/ --dst-prefix=b/` patch.
 * Hunk bodies are skipped by count (a `+` line may itself look like a header). The new path comes from
 * `rename to`/`copy to`, else `+++ b/…`, else the `diff --git` line; quoted paths are unquoted.
 */
export function parseAddedLines(patch: Buffer): Map<string, AddedLines> {
  const added = new Map<string, AddedLines>();
  let path: string | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let at = 0;
  while (at < patch.length) {
    let nl = patch.indexOf(10, at);
    if (nl === -1) nl = patch.length;
    const first = patch[at];
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk: '-' and '+' lines count down; '\ No newline at end of file' does not.
      if (first === 0x2d) oldLeft--;
      else if (first === 0x2b) newLeft--;
      at = nl + 1;
      continue;
    }
    const line = patch.subarray(at, nl).toString('latin1');
    at = nl + 1;
    if (line.startsWith('diff --git ')) {
      path = headerNewPath(line.slice('diff --git '.length));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      path = unquotePath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('+++ ')) {
      const name = unquotePath(line.slice(4).replace(/\t$/, ''));
      if (name.startsWith('b/')) path = name.slice(2);
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (m === null || path === undefined) continue;
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      const start = Number(m[2]);
      newLeft = m[3] === undefined ? 1 : Number(m[3]);
      let lines = added.get(path);
      if (lines === undefined || lines === 'binary') added.set(path, (lines = new Set()));
      for (let n = start; n < start + newLeft; n++) lines.add(n);
    } else if (line.startsWith('Binary files ') && path !== undefined) {
      added.set(path, 'binary');
    }
  }
  return added;
}

/** The new path from `a/<old> b/<new>` (each part possibly quoted); undefined if it cannot be told. */
function headerNewPath(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, 0);
    const b = rest.slice(end + 2);
    const name = unquotePath(b);
    return name.startsWith('b/') ? name.slice(2) : undefined;
  }
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "b/');
    return start === -1 ? undefined : unquotePath(rest.slice(start + 1)).slice(2);
  }
  // Unquoted `a/P b/P`: the same path twice (a rename names its paths in `rename to` instead).
  const len = (rest.length - 5) / 2;
  if (!Number.isInteger(len) || !rest.startsWith('a/')) return undefined;
  const p = rest.slice(2, 2 + len);
  return rest.slice(2 + len) === ` b/${p}` ? latin1ToUtf8(p) : undefined;
}

function closingQuote(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git prints it in patch headers (the line taken as latin1, so one char per byte): either
 * raw bytes, or C-quoted with backslash and octal escapes. Returns the path as keyhound reports it
 * (path-bytes.ts: UTF-8, other bytes as \xHH), the same string parseRaw gives for it.
 */
export function unquotePath(s: string): string {
  if (!s.startsWith('"')) return latin1ToUtf8(s);
  const bytes: number[] = [];
  const end = closingQuote(s, 0);
  for (let i = 1; i < end; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const next = s[++i] ?? '';
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return pathFromBytes(Buffer.from(bytes));
}

const latin1ToUtf8 = (s: string): string => pathFromBytes(Buffer.from(s, 'latin1'));
