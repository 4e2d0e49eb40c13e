// Glob matching (micromatch) behind one function, loaded on first use: most scans never match a glob,
// and the pre-commit path should not pay for loading it.
import { createRequire } from 'node:module';

type Micromatch = typeof import('micromatch');
let loaded: Micromatch | undefined;
const micromatch = (): Micromatch => (loaded ??= createRequire(import.meta.url)('micromatch') as Micromatch);

/**
 * Whether `path` (relative, '/' separators) matches any of `globs`. Dotfiles match like other files,
 * and a glob without a '/' matches the name at any depth (`node_modules`, `*.csv`).
 */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  // `*.csv`-style globs (the built-in rules' only ones) are a name suffix: answered without loading
  // micromatch, which costs ~25 ms of every pre-commit run. Same answers (test/glob.test.ts).
  if (globs.every(isSuffixGlob)) return globs.some((g) => path.endsWith(g.slice(1)));
  // micromatch's `basename` option breaks globs that do have a '/' (docs/** stops matching), so the
  // two kinds are matched separately.
  const named = globs.filter((g) => !g.includes('/'));
  const pathed = globs.filter((g) => g.includes('/'));
  const mm = micromatch();
  return (named.length > 0 && mm.isMatch(path, named, { dot: true, basename: true })) || (pathed.length > 0 && mm.isMatch(path, pathed, { dot: true }));
}

/** `*.ext`: a star, then characters that are literal in micromatch and contain no '/'. */
const isSuffixGlob = (glob: string): boolean => /^\*[\w.\-]+$/.test(glob);

/**
 * Why `glob` is malformed (an unclosed `[`, `{` or `(`, which micromatch would otherwise take as
 * literal characters and silently match nothing), or undefined when it is a glob.
 */
export function globProblem(glob: string): string | undefined {
  if (glob === '') return 'an empty glob matches nothing';
  try {
    micromatch().makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
