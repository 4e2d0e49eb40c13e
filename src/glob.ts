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
  let matcher = matchers.get(globs);
  if (matcher === undefined) matchers.set(globs, (matcher = compile(globs)));
  return matcher(path);
}

/**
 * Each glob list compiled once: the lists are a rule's or the configuration's, the same array for
 * every file, and micromatch.isMatch compiles its globs on every call (~140 ms of an 11,000-file scan).
 */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function compile(globs: readonly string[]): (path: string) => boolean {
  // `*.csv`-style globs (the built-in rules' only ones) are a name suffix: answered without loading
  // micromatch, which costs ~25 ms of every pre-commit run. Same answers (test/glob.test.ts).
  if (globs.every(isSuffixGlob)) {
    const suffixes = globs.map((g) => g.slice(1));
    return (path) => suffixes.some((suffix) => path.endsWith(suffix));
  }
  // micromatch's `basename` option breaks globs that do have a '/' (docs/** stops matching), so the
  // two kinds are matched separately.
  const named = globs.filter((g) => !g.includes('/'));
  const pathed = globs.filter((g) => g.includes('/'));
  const mm = micromatch();
  const tests = [...named.map((g) => mm.matcher(g, { dot: true, basename: true })), ...pathed.map((g) => mm.matcher(g, { dot: true }))];
  return (path) => tests.some((test) => test(path));
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
