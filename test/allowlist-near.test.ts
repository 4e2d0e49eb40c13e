// allowlist.near: text within a few lines that says a match is something else. The built-in use: where
// the AWS secret of a file is a reference (`${ssm:…}`, process.env), a 40-character value under a
// generic name or beside the key ID is another framework's secret, not the AWS one.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { detect } from '../src/detect/detector.js';
import { compileRule, loadBuiltinRules, loadRuleFiles } from '../src/rules/load.js';
import { formatProblem, type RawRule } from '../src/rules/schema.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const near = suite('allowlist.near');

const toy: RawRule = {
  id: 'toy-token',
  title: 'Toy',
  description: 'A toy rule.',
  severity: 'low',
  regex: 'tok_([a-z]{8})',
  allowlist: { near: { pattern: '(?i)lookup\\(', withinLines: 1 } },
  examples: ['tok_abcdefgh'],
  negativeExamples: ['x'],
  remediation: 'Rotate it.',
  references: [],
};

near('a match is dropped when the pattern occurs within withinLines, kept when it is further', () => {
  const rules = [compileRule(toy)];
  const values = (text: string) => detect({ path: 'f.txt', text }, rules).map((f) => f.value);
  assert.equal(values('a = tok_abcdefgh'), ['abcdefgh']);
  assert.equal(values('a = tok_abcdefgh\nb = LOOKUP(x)'), []);
  assert.equal(values('b = lookup(x)\na = tok_abcdefgh'), []);
  assert.equal(values('b = lookup(x)\n\na = tok_abcdefgh'), ['abcdefgh']);
});

near('a bad allowlist.near is reported with its field, like every other rule problem', () => {
  const dir = makeTree({
    'rules.yml': `rules:
  - id: toy-token
    title: Toy
    description: A toy rule.
    severity: low
    regex: 'tok_([a-z]{8})'
    allowlist: { near: { pattern: '(a[', withinLines: -1, lines: 3 } }
    examples: ['tok_abcdefgh']
    negativeExamples: ['x']
    remediation: Rotate it.
    references: []
  - id: toy-two
    title: Toy
    description: A toy rule.
    severity: low
    regex: 'tak_([a-z]{8})'
    allowlist: { near: ['lookup'] }
    examples: ['tak_abcdefgh']
    negativeExamples: ['x']
    remediation: Rotate it.
    references: []
`,
  });
  try {
    const result = loadRuleFiles([join(dir, 'rules.yml')], () => 'rules.yml');
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    for (const re of [
      /^rules\.yml:2: rule toy-token allowlist\.near\.pattern: /,
      /^rules\.yml:2: rule toy-token allowlist\.near\.withinLines: must be a whole number/,
      /^rules\.yml:2: rule toy-token allowlist\.near\.lines: is not a known field/,
      /^rules\.yml:12: rule toy-two allowlist\.near: must be a mapping/,
    ]) assert.ok(problems.some((p) => re.test(p)), `no problem matching ${re}\n${problems.join('\n')}`);
  } finally {
    removeTree(dir);
  }
});

near('built-in rules: a session secret is not the AWS secret where that is a reference, and is where it is not', () => {
  const loaded = loadBuiltinRules();
  if (!loaded.ok) throw new Error('built-in rules are invalid');
  const k = new Keys(14);
  const [id, session, awsSecret] = [k.keyId(), k.secret(), k.secret()];
  const config = (awsLine: string) =>
    `module.exports = {\n  aws: {\n    accessKeyId: '${id}',\n    ${awsLine}\n  },\n  session: {\n    secret: '${session}',\n  },\n};\n`;
  const values = (text: string) => detect({ path: 'config.js', text }, loaded.rules).map((f) => f.value);
  assert.equal(values(config('secretAccessKey: `${process.env.AWS_SECRET_ACCESS_KEY}`,')), [id]);
  assert.equal(values(config(`secretAccessKey: '${awsSecret}',`)), [id, awsSecret, session]);
});

near.run();
