import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../src/config.js';
import { applyConfig } from '../src/rules/customize.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { CUSTOM_RULE_YAML } from './helpers/custom-rule.js';

const builtin = loadBuiltinRules();
if (!builtin.ok) throw new Error('built-in rules are invalid');

const FULL = `allowlist:
  paths: [fixtures/**]
  regexes: ['^TESTKEY']
  stopwords: [dummy]
disabledRules: [aws-session-token-shape]
severity:
  aws-access-key-id: high
entropy:
  aws-secret-access-key: 4.2
ruleAllowlists:
  aws-access-key-id:
    stopwords: [fake]
defaults:
  format: json
  maxFileSize: 2MiB
rules:
${CUSTOM_RULE_YAML}`;

const config = suite('.keyhound.yml');

config('a full configuration is read field by field', async () => {
  const result = await parseConfig(FULL, '.keyhound.yml');
  assert.ok(result.ok, JSON.stringify(result));
  if (!result.ok) return;
  const c = result.config;
  assert.equal(c.allowPaths, ['fixtures/**']);
  assert.equal(c.stopwords, ['dummy']);
  assert.equal(c.disabledRules.map((d) => d.id), ['aws-session-token-shape']);
  assert.equal(c.severity.map((s) => [s.id, s.severity, s.line]), [['aws-access-key-id', 'high', 7]]);
  assert.equal(c.defaults, { format: 'json', maxFileSize: 2 * 1024 * 1024 });
  assert.equal(c.rules.map((r) => [r.rule.id, r.line]), [['acme-api-token', 17]]);
});

config('defaults.binaryStrings is true or false, nothing else', async () => {
  const off = await parseConfig('defaults:\n  binaryStrings: false\n', 'k.yml');
  assert.ok(off.ok && off.config.defaults.binaryStrings === false);
  const bad = await parseConfig('defaults:\n  binaryStrings: 3\n', 'k.yml');
  assert.ok(!bad.ok && /^k\.yml:2: defaults\.binaryStrings: must be true or false/.test(bad.problems[0]!), JSON.stringify(bad));
});

config('every problem is reported at once with file, line and field', async () => {
  const text = `allowlist:
  pathz: []
  regexes: ['(unclosed']
severity:
  aws-access-key-id: severe
entropy:
  aws-secret-access-key: 12
defaults:
  format: xml
  maxFileSize: huge
colour: red
rules:
  - id: Bad
    title: x
`;
  const result = await parseConfig(text, 'cfg.yml');
  assert.not.ok(result.ok);
  if (result.ok) return;
  const expected = [
    /^cfg\.yml:2: allowlist\.pathz: unknown field/,
    /^cfg\.yml:3: allowlist\.regexes\[0\]: does not compile/,
    /^cfg\.yml:5: severity\.aws-access-key-id: must be one of/,
    /^cfg\.yml:7: entropy\.aws-secret-access-key: must be a number/,
    /^cfg\.yml:9: defaults\.format: must be one of text, json, sarif, github/,
    /^cfg\.yml:10: defaults\.maxFileSize: must be a size/,
    /^cfg\.yml:11: colour: unknown field/,
    /^cfg\.yml:13: rule Bad rules\[0\]\.id: "Bad" must be kebab-case/,
    /^cfg\.yml:13: rule Bad rules\[0\]\.regex: is required/,
  ];
  for (const re of expected) assert.ok(result.problems.some((p) => re.test(p)), `no problem matching ${re}:\n${result.problems.join('\n')}`);
});

config('settings that name an unknown rule, or reuse a built-in id, are errors with their line', async () => {
  const text = `disabledRules: [no-such-rule]\nseverity:\n  also-missing: low\nrules:\n${FULL.split('rules:\n')[1]!.replace('acme-api-token', 'aws-access-key-id')}`;
  const parsed = await parseConfig(text, 'k.yml');
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const applied = applyConfig(builtin.rules, parsed.config);
  assert.not.ok(applied.ok);
  if (applied.ok) return;
  assert.ok(applied.problems.some((p) => /^k\.yml:1: disabledRules: names unknown rule "no-such-rule"/.test(p)), applied.problems.join('\n'));
  assert.ok(applied.problems.some((p) => /^k\.yml:3: severity\.also-missing: names unknown rule/.test(p)));
  assert.ok(applied.problems.some((p) => /^k\.yml:5: rule aws-access-key-id rules\[0\]\.id: duplicate id/.test(p)));
});

config('applying it: rules switched off, re-graded, extended, and allowlists merged', async () => {
  const parsed = await parseConfig(FULL, '.keyhound.yml');
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const applied = applyConfig(builtin.rules, parsed.config);
  assert.ok(applied.ok);
  if (!applied.ok) return;
  const ids = applied.rules.map((r) => r.id);
  assert.not.ok(ids.includes('aws-session-token-shape'));
  assert.is(ids[ids.length - 1], 'acme-api-token');
  const keyId = applied.rules.find((r) => r.id === 'aws-access-key-id')!;
  assert.is(keyId.severity, 'high');
  assert.ok(keyId.stopwords.includes('fake') && keyId.stopwords.includes('dummy'));
  assert.is(applied.rules.find((r) => r.id === 'aws-secret-access-key')!.entropy, 4.2);
});

config.run();

const schema = suite('schema/keyhound-config.schema.json');

const jsonSchema = JSON.parse(readFileSync(new URL('../../schema/keyhound-config.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(jsonSchema);

schema('agrees with the validator on valid and invalid configurations', async () => {
  const samples: [string, boolean][] = [
    [FULL, true],
    ['allowlist:\n  paths: [a]\n', true],
    ['defaults:\n  maxFileSize: 500KB\n', true],
    ['defaults:\n  binaryStrings: false\n', true],
    ['defaults:\n  binaryStrings: "no"\n', false],
    ['colour: red\n', false],
    ['allowlist:\n  pathz: []\n', false],
    ['severity:\n  aws-access-key-id: severe\n', false],
    ['defaults:\n  format: xml\n', false],
    ['rules:\n  - id: x\n', false],
  ];
  for (const [text, valid] of samples) {
    assert.is((await parseConfig(text, 'k.yml')).ok, valid, `validator on:\n${text}`);
    assert.is(validate(parseYaml(text)), valid, `schema on:\n${text}\n${JSON.stringify(validate.errors)}`);
  }
});

schema('every built-in rule is valid against the schema for rules', async () => {
  const rulesYaml = parseYaml(readFileSync(new URL('../../rules/aws.yml', import.meta.url), 'utf8')) as { rules: unknown[] };
  assert.ok(validate({ rules: rulesYaml.rules }), JSON.stringify(validate.errors));
});

schema.run();

const yamlErrors = suite('YAML syntax errors');

yamlErrors('are one line each, ending with the sentence, not a dangling colon: .keyhound.yml, --config and rules check', async () => {
  const { runCli } = await import('./helpers/cli.js');
  const { makeTree, removeTree } = await import('./helpers/tmp.js');
  const dir = makeTree({ '.keyhound.yml': 'allowlist:\n  paths: [\n', 'bad-rules.yml': 'rules:\n  - id: x\n  a\n    b: c\n', 'a.txt': 'nothing\n' });
  try {
    const runs = [await runCli(['scan', dir]), await runCli(['rules', 'check', `${dir}/bad-rules.yml`]), await runCli(['rules', '--config', `${dir}/bad-rules.yml`])];
    for (const r of runs) {
      assert.is(r.code, 2, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.ok(lines.some((l) => /at line \d+, column \d+$/.test(l)), r.stderr);
      for (const l of lines) assert.not.match(l, /:\s*$/, `dangling colon: ${l}`);
    }
  } finally {
    removeTree(dir);
  }
});

yamlErrors.run();
