import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { withRuleDefinitions } from '../src/rules/fields.js';
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

validation('a keyword must occur in each example, as written or once decoded (a base64 example of a hidden key)', () => {
  const encoded = Buffer.from('token = tok_abcdefgh\n').toString('base64');
  const rule = (examples: string[]): string => GOOD.replace("examples: ['tok_abcdefgh']", `examples: [${examples.map((e) => `'${e}'`).join(', ')}]`);
  const problems = load(`rules:\n${rule(['tok_abcdefgh', `x = ${encoded}`])}`);
  assert.not.ok(problems.some((p) => p.includes('no keyword occurs')), problems.join('\n'));
  const without = load(`rules:\n${rule(['tok_abcdefgh', 'abcdefgh'])}`);
  assert.ok(without.some((p) => p.includes('no keyword occurs in example "abcdefgh", as written or decoded')), without.join('\n'));
});

validation('YAML syntax errors name the line', () => {
  const [problem] = load('rules:\n  - id: x\n   bad: [\n');
  assert.match(problem!, /^rules\.yml:\d+: /);
});

validation('a file without a rules list is one clear problem', () => {
  assert.equal(load('- id: x\n'), ['rules.yml: must be a mapping with a "rules:" list']);
});

validation.run();

const oneDefinition = suite('one definition of a rule (src/rules/fields.ts)');
const SHIPPED = JSON.parse(readFileSync(new URL('../../schema/keyhound-config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

oneDefinition('the shipped JSON Schema has the rule definitions the field table makes (npm run schema writes them)', () => {
  assert.equal(SHIPPED, withRuleDefinitions(SHIPPED));
});

oneDefinition('the validator and the JSON Schema agree on rules, provider fields included', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(SHIPPED);
  const rule = (extra: string): string => `${GOOD.trimEnd()}\n${extra.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
  const samples: [string, boolean][] = [
    [GOOD, true],
    [rule('provider: github\npart: token'), true],
    [rule('provider: aws\npart: key-id\npairs: { with: [secret-key], withinLines: 3 }'), true],
    [rule('kind: secret-key'), true],
    [rule('kind: key'), false],
    [rule('provider: GitHub'), false],
    [rule('provider: aws\npart: key-id\npairs: { with: [secret-key] }'), false],
    [rule('provider: aws\npart: key-id\npairs: { with: [secret-key], withinLines: 3, near: 1 }'), false],
    [rule('requires: { pattern: x, withinLines: 1, lines: 2 }'), false],
    [rule('allowlist: { regexs: [x] }'), false],
    [rule('colour: red'), false],
  ];
  for (const [yaml, valid] of samples) {
    assert.is(load(`rules:\n${yaml}`).length === 0, valid, `validator on:\n${yaml}\n${load(`rules:\n${yaml}`).join('\n')}`);
    assert.is(validate(parseYaml(`rules:\n${yaml}`)), valid, `schema on:\n${yaml}\n${JSON.stringify(validate.errors)}`);
  }
});

oneDefinition('the validator refuses what only it can check: an unknown AWS part, a kind clash, pairs without a part', () => {
  const problems = (extra: string): string => load(`rules:\n${GOOD.trimEnd()}\n${extra.split('\n').map((l) => `    ${l}`).join('\n')}\n`).join('\n');
  assert.match(problems('provider: aws\npart: token'), /provider aws has no part "token"/);
  assert.match(problems('provider: aws\npart: key-id\nkind: key-id'), /kind: is deprecated and cannot be given with part/);
  assert.match(problems('pairs: { with: [x], withinLines: 1 }'), /pairs: needs a provider and part/);
  assert.match(problems('part: token'), /part: needs a provider/);
  assert.match(problems('provider: aws\npart: constructor'), /provider aws has no part "constructor"/);
  assert.match(problems('provider: acme\npart: client-id\npairs: { with: [client-id], withinLines: 1 }'), /pairs\.with: names the rule's own part/);
  assert.match(load(`rules:\n${GOOD.replace('id: good-rule', 'id: secret-key')}`).join('\n'), /"secret-key" is reserved/);
});

oneDefinition.run();

const sizes = suite('parseSize');

sizes('accepts bytes and KB/MB/GB (powers of 1024), rejects the rest', () => {
  assert.is(parseSize('1000'), 1000);
  assert.is(parseSize('500KB'), 500 * 1024);
  assert.is(parseSize('10MiB'), 10 * 1024 * 1024);
  assert.is(parseSize('1.5g'), Math.floor(1.5 * 1024 ** 3));
  for (const bad of ['', 'huge', '10 parsecs', '-5', '0']) assert.is(parseSize(bad), undefined, bad);
});

sizes.run();
