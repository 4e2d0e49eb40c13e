// Where a shaped rule's regex runs: windows around its shape's candidates (src/shape). Why that gives
// exactly the matches a search of the whole text gives: every match's capture lies in a candidate,
// and the whole match (with what its lookarounds read) within the shape's `before`/`after` of it.
// Windows that overlap are merged, so a match never straddles two windows: a search that starts at a
// window's start finds the same matches, in the same order, as one that starts further back.
import type { CompiledRule } from '../rules/load.js';
import { ShapeFinder, type Candidate } from '../shape/extract.js';
import { compileShape, type RuleShape, type Shape } from '../shape/shape.js';
import { LONG_RUN_SHAPE } from '../decode/markers.js';

/** A rule set's distinct token shapes, one finder for them all, and each shaped rule's shape index. */
export interface ShapePlan {
  finder: ShapeFinder;
  indexOf: Map<CompiledRule, number>;
  /** Every rule has a shape: a text without candidates has no findings at all. */
  allShaped: boolean;
  /**
   * The index of the decoding stage's own shape, long base64 runs (where a whole file may be
   * encoded): found in the same pass as the rules' shapes, and with the built-in rules the same
   * shape as the AWS secret's, so it costs nothing more.
   */
  longRuns: number;
}

const compiledLongRun = compileShape(LONG_RUN_SHAPE);
if (typeof compiledLongRun === 'string') throw new Error(`LONG_RUN_SHAPE: ${compiledLongRun}`);
const LONG_RUN: Shape = compiledLongRun.token;

const plans = new WeakMap<readonly CompiledRule[], ShapePlan>();

/** The shape plan of a rule set, made once per rule array (the scan passes the same array to every file). */
export function shapePlanOf(rules: readonly CompiledRule[]): ShapePlan {
  let plan = plans.get(rules);
  if (plan === undefined) plans.set(rules, (plan = makePlan(rules)));
  return plan;
}

function makePlan(rules: readonly CompiledRule[]): ShapePlan {
  const shapes: Shape[] = [];
  const byKey = new Map<string, number>();
  const indexOf = new Map<CompiledRule, number>();
  for (const rule of rules) {
    if (rule.shape === undefined) continue;
    const { key } = rule.shape.token;
    let index = byKey.get(key);
    if (index === undefined) {
      byKey.set(key, (index = shapes.length));
      shapes.push(rule.shape.token);
    }
    indexOf.set(rule, index);
  }
  let longRuns = byKey.get(LONG_RUN.key);
  if (longRuns === undefined) {
    longRuns = shapes.length;
    shapes.push(LONG_RUN);
  }
  return { finder: new ShapeFinder(shapes), indexOf, allShaped: rules.every((r) => r.shape !== undefined), longRuns };
}

/** One window of text to search, and the part of it where matches may start. */
export interface SearchWindow {
  window: [number, number];
  from: number;
  to: number;
}

/**
 * The merged windows around `candidates` (sorted by start), each cut to where matches may start:
 * inside `ranges` (sorted, disjoint), the whole text or the lines near another rule's findings.
 */
export function candidateWindows(candidates: readonly Candidate[], shape: RuleShape, length: number, ranges: readonly [number, number][]): SearchWindow[] {
  const windows: [number, number][] = [];
  for (const c of candidates) {
    const a = Math.max(0, c.start - shape.before);
    const b = Math.min(length, c.end + shape.after);
    const last = windows[windows.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const out: SearchWindow[] = [];
  let r = 0;
  for (const window of windows) {
    while (r < ranges.length && ranges[r]![1] <= window[0]) r++;
    for (let k = r; k < ranges.length && ranges[k]![0] < window[1]; k++) {
      const from = Math.max(window[0], ranges[k]![0]);
      const to = Math.min(window[1], ranges[k]![1]);
      if (from < to) out.push({ window, from, to });
    }
  }
  return out;
}
