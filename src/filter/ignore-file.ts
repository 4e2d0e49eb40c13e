// .keyhoundignore: one fingerprint per line, as printed with every finding; `#` starts a comment.
import { readFile } from 'node:fs/promises';

export const IGNORE_FILE = '.keyhoundignore';
/** Any case (a fingerprint copied from an upper-casing tool still matches); `:N` counts from 1. */
const FINGERPRINT = /^[0-9a-f]{16}(?::\d+)?$/i;

export type IgnoreFileResult = { ok: true; entries: Map<string, number> } | { ok: false; problems: string[] };

/** Fingerprint → line number; a missing file is an empty list, a malformed line an error. */
export async function loadIgnoreFile(file: string): Promise<IgnoreFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, entries: new Map() };
    return { ok: false, problems: [`${file}: cannot read: ${(err as Error).message}`] };
  }
  return parseIgnoreFile(text, file);
}

export function parseIgnoreFile(text: string, file: string): IgnoreFileResult {
  const entries = new Map<string, number>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const entry = raw.replace(/#.*/, '').trim();
    if (entry === '') return;
    if (!FINGERPRINT.test(entry)) problems.push(`${file}:${i + 1}: "${entry.slice(0, 40)}" is not a fingerprint (16 hex digits, as printed with each finding)`);
    // `:0` would match nothing: the second occurrence of a secret in a file is `:2`, the first has no suffix.
    else if (/:0+$/.test(entry)) problems.push(`${file}:${i + 1}: "${entry}": occurrence numbers start at 1 (the first occurrence has no suffix, the second is :2)`);
    // `:1` names the first occurrence, which has no suffix: the same entry.
    else entries.set(entry.toLowerCase().replace(/:0*1$/, ''), i + 1);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
