// Every rule proves itself: its examples give a finding of that rule through the whole detector,
// with every rule loaded, and its negative examples give none.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules } from '../src/rules/load.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error(`built-in rules are invalid:\n${loaded.problems.map((p) => p.message).join('\n')}`);
const rules = loaded.rules;

test('the built-in rules load without problems and cover every AWS credential part', () => {
  const kinds = new Set(rules.map((r) => r.kind));
  for (const kind of ['key-id', 'secret-key', 'session-token']) assert.ok(kinds.has(kind as never), kind);
});

for (const rule of rules) {
  rule.examples.forEach((example, i) => {
    test(`${rule.id}: example ${i + 1} is reported by this rule`, () => {
      const found = detect({ path: 'example.txt', text: example }, rules).filter((f) => f.ruleId === rule.id);
      assert.ok(found.length > 0, `no ${rule.id} finding in: ${example}`);
    });
  });
  rule.negativeExamples.forEach((example, i) => {
    test(`${rule.id}: negative example ${i + 1} is not reported by this rule`, () => {
      const found = detect({ path: 'example.txt', text: example }, rules).filter((f) => f.ruleId === rule.id);
      assert.equal(found.map((f) => f.secret), [], `unexpected ${rule.id} finding in: ${example}`);
    });
  });
}

test.run();
