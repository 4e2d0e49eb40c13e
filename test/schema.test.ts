import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { loadRuleFiles } from '../src/rules/load.js';
import { formatProblem } from '../src/rules/schema.js';
import { parseSize } from '../src/size.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const validation = suite('rule validation');

const GOOD = `  - id: good-rule
    title: Good
    description: A rule that is fine.
    severity: low
    regex: 'tok_([a-z]{8})'
    keywords: [tok_]
    examples: ['tok_abcdefgh']
    negativeExamples: ['tok_ABC']
    remediation: Rotate it.
    references: []
`;

function load(yaml: string): string[] {
  const dir = makeTree({ 'rules.yml': yaml });
  try {
    const result = loadRuleFiles([join(dir, 'rules.yml')], () => 'rules.yml');
    return result.ok ? [] : result.problems.map(formatProblem);
  } finally {
    removeTree(dir);
  }
}

validation('a valid file loads', () => {
  assert.equal(load(`rules:\n${GOOD}`), []);
});

validation('every problem in every rule is reported at once, with file, line, rule id and field', () => {
  const yaml = `rules:
${GOOD}
  - id: Bad_Id
    title: ''
    description: x
    severity: severe
    regex: 'no group here'
    keywords: [Upper]
    examples: ['no keyword in me']
    negativeExamples: []
    remediation: x
    references: []
  - id: good-rule
    title: Duplicate
    description: x
    severity: high
    regex: '(a[)'
    keywords: [a]
    examples: ['a']
    negativeExamples: ['b']
    remediation: x
    references: []
    requires: { rules: [nope], withinLines: 3 }
    allowlist: { regexs: ['x'] }
`;
  const problems = load(yaml);
  const expected = [
    /^rules\.yml:13: rule Bad_Id title: is required/,
    /^rules\.yml:13: rule Bad_Id id: "Bad_Id" must be kebab-case/,
    /^rules\.yml:13: rule Bad_Id severity: must be one of low, medium, high, critical/,
    /^rules\.yml:13: rule Bad_Id regex: needs one capture group/,
    /^rules\.yml:13: rule Bad_Id keywords: "Upper" must be non-empty and lowercase/,
    /^rules\.yml:13: rule Bad_Id negativeExamples: must be a non-empty list/,
    /^rules\.yml:23: rule good-rule regex: does not compile/,
    /^rules\.yml:23: rule good-rule allowlist\.regexs: is not a known field/,
    /^rules\.yml:23: rule good-rule id: duplicate id/,
    /^rules\.yml:23: rule good-rule requires\.rules: names unknown rule "nope"/,
  ];
  for (const re of expected) assert.ok(problems.some((p) => re.test(p)), `no problem matching ${re}\n${problems.join('\n')}`);
});

validation('YAML syntax errors name the line', () => {
  const [problem] = load('rules:\n  - id: x\n   bad: [\n');
  assert.match(problem!, /^rules\.yml:\d+: /);
});

validation('a file without a rules list is one clear problem', () => {
  assert.equal(load('- id: x\n'), ['rules.yml: must be a mapping with a "rules:" list']);
});

validation.run();

const sizes = suite('parseSize');

sizes('accepts bytes and KB/MB/GB (powers of 1024), rejects the rest', () => {
  assert.is(parseSize('1000'), 1000);
  assert.is(parseSize('500KB'), 500 * 1024);
  assert.is(parseSize('10MiB'), 10 * 1024 * 1024);
  assert.is(parseSize('1.5g'), Math.floor(1.5 * 1024 ** 3));
  for (const bad of ['', 'huge', '10 parsecs', '-5', '0']) assert.is(parseSize(bad), undefined, bad);
});

sizes.run();
