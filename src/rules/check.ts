// A rule proves itself: each example must give a finding of that rule through the whole detector,
// with every rule loaded, and each negative example must give none. Used by `keyhound rules check`.
import { detect } from '../detect/detector.js';
import type { CompiledRule } from './load.js';

export interface ExampleFailure {
  ruleId: string;
  kind: 'example' | 'negativeExample';
  index: number;
  text: string;
}

/** The examples of `rules` that fail when run with `all` (which includes `rules`). */
export function checkExamples(rules: readonly CompiledRule[], all: readonly CompiledRule[]): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const fires = (rule: CompiledRule, text: string): boolean => detect({ path: 'example.txt', text }, all).some((f) => f.ruleId === rule.id);
  for (const rule of rules) {
    rule.examples.forEach((text, index) => {
      if (!fires(rule, text)) failures.push({ ruleId: rule.id, kind: 'example', index, text });
    });
    rule.negativeExamples.forEach((text, index) => {
      if (fires(rule, text)) failures.push({ ruleId: rule.id, kind: 'negativeExample', index, text });
    });
  }
  return failures;
}

export function formatFailure(f: ExampleFailure): string {
  const what = f.kind === 'example' ? 'gives no finding' : 'gives a finding';
  return `rule ${f.ruleId} ${f.kind === 'example' ? 'examples' : 'negativeExamples'}[${f.index}] ${what}: ${JSON.stringify(f.text.length > 80 ? `${f.text.slice(0, 77)}...` : f.text)}`;
}
