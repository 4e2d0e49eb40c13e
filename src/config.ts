// The project configuration file, .keyhound.yml, found at a scanned root. Today it holds path
// allowlists; unknown fields are errors so that a typo never silently disables a setting.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

export const CONFIG_FILE = '.keyhound.yml';

export interface Config {
  /** Globs (relative to the root) of paths that are never scanned. */
  allowPaths: string[];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const EMPTY: Config = { allowPaths: [] };

/** Reads `dir/.keyhound.yml` if there is one; every problem is reported with file and line. */
export async function loadConfig(dir: string, shownAs: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(join(dir, CONFIG_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, config: EMPTY };
    return { ok: false, problems: [`${shownAs}: cannot read: ${(err as Error).message}`] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => `${shownAs}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`) };
  return validateConfig(doc.toJS() as unknown, shownAs);
}

function validateConfig(raw: unknown, file: string): ConfigResult {
  if (raw === null || raw === undefined) return { ok: true, config: EMPTY };
  const problems: string[] = [];
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [`${file}: must be a mapping`] };
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) if (key !== 'allowlist') problems.push(`${file}: ${key}: unknown field (known: allowlist)`);
  const allowlist = (top.allowlist ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(allowlist)) if (key !== 'paths') problems.push(`${file}: allowlist.${key}: unknown field (known: paths)`);
  const paths = allowlist.paths ?? [];
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) problems.push(`${file}: allowlist.paths: must be a list of globs`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { allowPaths: paths as string[] } };
}
