// Custom rules with catastrophic regexes are refused at load, with file:line and the reason (issue 10):
// `(a+)+b` passed `rules check` and hung a scan of 40 `a`s.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { parseBuiltinRuleFiles } from '../src/rules/load.js';
import { analysablePieces, backtrackingProblems } from '../src/rules/redos.js';
import type { RawRule } from '../src/rules/schema.js';
import { runCli } from './helpers/cli.js';
import { makeTree, removeTree } from './helpers/tmp.js';

/** A rules file (or the rules: list of a .keyhound.yml) with one rule whose regex is `regex`. */
const ruleYaml = (regex: string, extra = ''): string => `rules:
  - id: acme-token
    title: ACME token
    description: A token for the ACME API.
    severity: high
    regex: '${regex}'
    examples: ['acme_aaaaaaaaaaaaaaaab']
    negativeExamples: ['nothing']
    remediation: Revoke it.
    references: []
${extra}`;

const redos = suite('ReDoS check of custom rules');

redos('rules check refuses (a+)+b with file:line, the field and an attack string; exit 2', async () => {
  const dir = makeTree({ 'rules.yml': ruleYaml('acme_((a+)+b)') });
  try {
    const r = await runCli(['rules', 'check', join(dir, 'rules.yml')]);
    assert.is(r.code, 2);
    assert.match(r.stderr, `${join(dir, 'rules.yml')}:2: rule acme-token regex:`);
    assert.match(r.stderr, /can backtrack catastrophically \(exponential time, e\.g\. on /);
  } finally {
    removeTree(dir);
  }
});

redos('a .keyhound.yml in the scanned folder cannot add such a rule: refused before the scan, exit 2', async () => {
  const dir = makeTree({ '.keyhound.yml': ruleYaml('acme_((a+)+b)'), 'a.txt': `acme_${'a'.repeat(40)}` });
  try {
    const r = await runCli(['scan', dir, '--no-progress'], { cwd: dir });
    assert.is(r.code, 2);
    assert.match(r.stderr, /\.keyhound\.yml:2: rule acme-token rules\[0\]\.regex: .*catastrophically/);
  } finally {
    removeTree(dir);
  }
});

redos('polynomial backtracking in the regex run over whole files is refused; in an allowlist regex, exponential only', () => {
  const rule = (regex: string, allow: string[] = []): RawRule =>
    ({ id: 'x', title: 'x', description: 'x', severity: 'high', regex, allowlist: { regexes: allow }, examples: ['x'], negativeExamples: ['y'], remediation: 'x', references: [] }) as RawRule;
  assert.equal(backtrackingProblems(rule('aws.*secret.*=(.{40})')).map((p) => p.field), ['regex']);
  assert.match(backtrackingProblems(rule('aws.*secret.*=(.{40})'))[0]!.message, /polynomial/);
  assert.equal(backtrackingProblems(rule('(x{40})', ['\\s*=\\s*$'])), []);
  assert.equal(backtrackingProblems(rule('(x{40})', ['^(\\w+\\s?)+$'])).map((p) => p.field), ['allowlist.regexes']);
});

redos('classic catastrophic regexes are refused, plain bounded ones accepted', () => {
  const rule = (regex: string): RawRule => ({ id: 'x', title: 'x', description: 'x', severity: 'high', regex, examples: ['x'], negativeExamples: ['y'], remediation: 'x', references: [] }) as RawRule;
  for (const bad of ['(a|a)*b', '(a|aa)+$', '^(\\d+)*$', '(?:[A-Za-z0-9/+]+=*)+$', '(?<=x)(a+)+b', 'k(?=(a+)+b)']) {
    assert.is(backtrackingProblems(rule(bad)).length, 1, bad);
  }
  for (const good of ['\\b(acme_[a-z0-9]{16})\\b', '(?i)secret\\s{0,5}=\\s{0,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])', '(AKIA[A-Z0-9]{16})']) {
    assert.equal(backtrackingProblems(rule(good)), [], good);
  }
});

redos('every built-in rule passes the check', () => {
  const { rules } = parseBuiltinRuleFiles();
  for (const { rule } of rules) assert.equal(backtrackingProblems(rule), [], rule.id);
});

redos('what recheck is given: lookarounds apart, backreferences inlined, counts capped', () => {
  assert.equal(analysablePieces('a(?<=b)c(?!d+)'), ['ac', 'b', 'd+']);
  assert.equal(analysablePieces('((?=(x{60,16384}))\\2y)'), ['((?:(x{3,3}))y)', '(x{3,3})']);
  assert.equal(analysablePieces('[(?=]\\(a{2}'), ['[(?=]\\(a{2}']);
});

redos.run();
