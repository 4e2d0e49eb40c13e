// Rules in .keyhound.yml go through the validation a rules file gets (`keyhound rules check`): a rule
// that requires itself, or a rule that does not exist, stops the scan with file:line, before anything is
// scanned; `rules check` says the same thing about the same rule in a rules file.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { CUSTOM_RULE_YAML } from './helpers/custom-rule.js';
import { runCli } from './helpers/cli.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const test = suite('rules from .keyhound.yml: the same validation as rules files');

/** The custom rule, requiring `target` within 2 lines; it starts on line 2 of either file. */
const requiring = (target: string): string => `${CUSTOM_RULE_YAML.trimEnd()}\n    requires:\n      rules: [${target}]\n      withinLines: 2\n`;

for (const [target, message] of [
  ['acme-api-token', 'a rule cannot require itself'],
  ['no-such-rule', 'names unknown rule "no-such-rule"'],
] as const) {
  test(`a config rule requiring ${target}: exit 2, file:line, nothing scanned; rules check agrees`, async () => {
    const dir = makeTree({ '.keyhound.yml': `rules:\n${requiring(target)}`, 'rules.yml': `rules:\n${requiring(target)}`, 'app.txt': 'token = acme_0123456789abcdef\n' });
    try {
      const scan = await runCli(['scan', dir, '--format', 'json']);
      assert.is(scan.code, 2, scan.stderr);
      assert.is(scan.stdout, '');
      const configFile = join(dir, '.keyhound.yml');
      const expected = `keyhound: ${configFile}:2: rule acme-api-token rules[0].requires.rules: ${message}`;
      assert.ok(scan.stderr.split('\n').includes(expected), `expected the line:\n${expected}\ngot:\n${scan.stderr}`);
      // The same rule in a rules file: the same message (the field named as in that file).
      const check = await runCli(['rules', 'check', join(dir, 'rules.yml')]);
      assert.is(check.code, 2);
      assert.match(check.stderr, `rules.yml:2: rule acme-api-token requires.rules: ${message}`);
      // And `keyhound rules` with that config refuses it too.
      const list = await runCli(['rules', '--config', configFile]);
      assert.is(list.code, 2);
      assert.ok(list.stderr.includes(expected.slice('keyhound: '.length)), list.stderr);
    } finally {
      removeTree(dir);
    }
  });
}

test('a config rule requiring a built-in rule is accepted and scans', async () => {
  const dir = makeTree({ '.keyhound.yml': `rules:\n${requiring('aws-access-key-id')}`, 'app.txt': 'token = acme_0123456789abcdef\n' });
  try {
    const scan = await runCli(['scan', dir, '--format', 'json']);
    // The requirement is not met (no key ID nearby): valid, nothing found.
    assert.is(scan.code, 0, scan.stderr);
    assert.is((JSON.parse(scan.stdout) as { findings: unknown[] }).findings.length, 0);
  } finally {
    removeTree(dir);
  }
});

test.run();
