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
  const parts = new Set(rules.map((r) => `${r.provider}/${r.part}`));
  for (const part of ['aws/key-id', 'aws/secret-key', 'aws/session-token']) assert.ok(parts.has(part), part);
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
      assert.equal(found.map((f) => f.value), [], `unexpected ${rule.id} finding in: ${example}`);
    });
  });
}

test('rules check on a built-in rules file (or a copy of it) checks it in place of the built-ins, not against itself', async () => {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { runCli } = await import('./helpers/cli.js');
  const { makeTree, removeTree } = await import('./helpers/tmp.js');
  const { CUSTOM_RULE_YAML } = await import('./helpers/custom-rule.js');
  const shipped = (await import('node:url')).fileURLToPath(new URL('../../rules/aws.yml', import.meta.url));
  const dir = makeTree({});
  try {
    const copy = join(dir, 'aws copy.yml');
    writeFileSync(copy, readFileSync(shipped));
    for (const file of [shipped, copy]) {
      const r = await runCli(['rules', 'check', file]);
      assert.is(r.code, 0, r.stderr);
      assert.match(r.stdout, /rule\(s\) valid \(in place of the built-in rules with the same ids\); all \d+ examples behave as stated/);
    }
    // A copy with a broken example still fails: it is checked, not waved through.
    writeFileSync(copy, readFileSync(shipped, 'utf8').replace(/examples:\n(\s+)- /, 'examples:\n$1- "secret nothing here"\n$1- '));
    const broken = await runCli(['rules', 'check', copy]);
    assert.is(broken.code, 2, broken.stdout);
    assert.match(broken.stderr, /examples\[0\] gives no finding: "secret nothing here"/);
    // A file that mixes a new rule with a built-in id still gets the duplicate-id error.
    const firstRule = /\n {2}- id: ([\w-]+)/.exec(readFileSync(shipped, 'utf8'))![1]!;
    const mixed = join(dir, 'mixed.yml');
    writeFileSync(mixed, `rules:\n${CUSTOM_RULE_YAML}${CUSTOM_RULE_YAML.replace('acme-api-token', firstRule)}`);
    const dup = await runCli(['rules', 'check', mixed]);
    assert.is(dup.code, 2);
    assert.match(dup.stderr, new RegExp(`rule ${firstRule} id: duplicate id \\(first defined in the built-in rules\\)`));
  } finally {
    removeTree(dir);
  }
});

test.run();
