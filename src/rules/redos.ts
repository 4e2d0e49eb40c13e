// Catastrophic backtracking in custom rules: a .keyhound.yml in a scanned repository can add a rule,
// and `(a+)+b` hangs a scan on 40 `a`s. Each regex of a custom rule is checked at load with recheck
// (an automaton-based ReDoS checker that also gives an attack string); a vulnerable one is refused.
// recheck is loaded only here, and this module only when custom rules exist: never on the hook's path.
import { createRequire } from 'node:module';
import type { RawRule } from './schema.js';
import { splitFlags } from './schema.js';

/**
 * The verdict must not depend on how busy the machine is: recheck's own clocks (how long an attack
 * string or an incubation run may take) are turned off, so it decides by counted steps alone, and a
 * rule accepted on an idle laptop is accepted on a loaded CI runner. A benign regex with `\s` and `\b`
 * takes 2-5 s on a loaded 2-core machine (recheck expands Unicode classes); the wall-clock limit is
 * only a last guard against a check that never ends, far above that.
 */
const RECHECK_OPTIONS = { timeout: 60_000, attackTimeout: null, incubationTimeout: null } as const;

/**
 * Counted repetitions are analysed as at most this many: recheck unrolls them, and {0,16384} makes
 * its automaton too large to check in time. The structure (what is ambiguous, what is nested) stays.
 */
const ANALYSED_REPEAT = 3;

type Recheck = typeof import('recheck');
const recheck = (): Recheck => createRequire(import.meta.url)('recheck') as Recheck;

export interface BacktrackingProblem {
  field: string;
  message: string;
}

/**
 * The regexes of one rule that can backtrack catastrophically. `regex` runs over whole files, so
 * polynomial backtracking (`.*a.*b`, O(n²) on a long line) is refused too; the other regexes run on
 * bounded text (the secret, the line before it, the lines around it) and only exponential is refused.
 */
export function backtrackingProblems(rule: RawRule): BacktrackingProblem[] {
  const problems: BacktrackingProblem[] = [];
  const check = (field: string, source: string, wholeText: boolean): void => {
    const reason = verdict(source, wholeText);
    if (reason !== undefined) problems.push({ field, message: `${JSON.stringify(source)} ${reason}` });
  };
  check('regex', rule.regex, true);
  if (rule.requires?.pattern !== undefined) check('requires.pattern', rule.requires.pattern, false);
  for (const re of rule.allowlist?.regexes ?? []) check('allowlist.regexes', re, false);
  for (const re of rule.allowlist?.prefixes ?? []) check('allowlist.prefixes', re, false);
  if (rule.allowlist?.near !== undefined) check('allowlist.near.pattern', rule.allowlist.near.pattern, false);
  return problems;
}

/** Why one regex is refused, or undefined when it is accepted. */
function verdict(source: string, wholeText: boolean): string | undefined {
  const { source: body, flags } = splitFlags(source);
  for (const piece of analysablePieces(body)) {
    const result = recheck().checkSync(piece, flags, RECHECK_OPTIONS);
    if (result.status === 'vulnerable') {
      const exponential = result.complexity.type === 'exponential';
      if (!exponential && !wholeText) continue;
      const attack = result.attack.pattern.length > 60 ? `${result.attack.pattern.slice(0, 57)}...` : result.attack.pattern;
      return `can backtrack catastrophically (${result.complexity.summary} time, e.g. on ${attack}): make the repetitions unambiguous (a+ not (a+)+, one of two overlapping classes) or bound them`;
    }
    if (result.status === 'unknown' && wholeText) {
      return `could not be shown free of catastrophic backtracking (${result.error.kind}): simplify it`;
    }
  }
  return undefined;
}

/**
 * What recheck can analyse: lookarounds (which it cannot) are cut out and analysed as regexes of
 * their own, a backreference is replaced by its group's pattern (the lookahead-capture idiom
 * `(?=(x+))\1` of the built-in rules), and counted repetitions are capped at ANALYSED_REPEAT.
 */
export function analysablePieces(source: string): string[] {
  const close = matchingParens(source);
  const groups = captureGroupStarts(source);
  const lookarounds: string[] = [];
  const rewrite = (from: number, to: number): string => {
    let out = '';
    let inClass = false;
    for (let i = from; i < to; i++) {
      const c = source[i]!;
      if (c === '\\') {
        const ref = /^\\([1-9]\d*)/.exec(source.slice(i, i + 4));
        const group = ref && !inClass ? groups[Number(ref[1]) - 1] : undefined;
        if (group !== undefined) {
          out += `(?:${rewrite(group, close.get(group)! + 1)})`;
          i += ref![0].length - 1;
        } else {
          out += source.slice(i, i + 2);
          i++;
        }
      } else if (inClass) {
        inClass = c !== ']';
        out += c;
      } else if (c === '[') {
        inClass = true;
        out += c;
      } else if (c === '(' && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
        const bodyStart = i + (source[i + 2] === '<' ? 4 : 3);
        lookarounds.push(rewrite(bodyStart, close.get(i)!));
        i = close.get(i)!;
      } else out += c;
    }
    return out;
  };
  const main = rewrite(0, source.length);
  return [main, ...lookarounds].map(capRepeats);
}

/** Each `(` (outside escapes and classes) → its `)`. */
function matchingParens(source: string): Map<number, number> {
  const close = new Map<number, number>();
  const open: number[] = [];
  forEachSyntaxChar(source, (c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')' && open.length > 0) close.set(open.pop()!, i);
  });
  return close;
}

/** Where each capturing group starts, in group-number order. */
function captureGroupStarts(source: string): number[] {
  const starts: number[] = [];
  forEachSyntaxChar(source, (c, i) => {
    if (c === '(' && (source[i + 1] !== '?' || /^\(\?<[^=!]/.test(source.slice(i, i + 4)))) starts.push(i);
  });
  return starts;
}

/** Calls `fn` for each character of the regex that is syntax: not escaped, not inside a class. */
export function forEachSyntaxChar(source: string, fn: (c: string, i: number) => void): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else fn(c, i);
  }
}

/** {m,n} → at most ANALYSED_REPEAT each way (outside classes and escapes). */
function capRepeats(source: string): string {
  let out = '';
  let last = 0;
  forEachSyntaxChar(source, (c, i) => {
    if (c !== '{') return;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m === null) return;
    const cap = (n: string): number => Math.min(Number(n), ANALYSED_REPEAT);
    out += source.slice(last, i) + `{${cap(m[1]!)}${m[2] === undefined ? '' : `,${m[3] === '' ? '' : cap(m[3]!)}`}}`;
    last = i + m[0].length;
  });
  return out + source.slice(last);
}
