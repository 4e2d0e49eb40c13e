// A provider added as data only (test/fixtures/github.yml: provider github, part token, no pairing)
// is a complete change: it loads, its examples prove it, it finds its tokens next to AWS keys with its
// own labels and fingerprints, and a scan that finds only its tokens says nothing about AWS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { identityOf, partLabel } from '../src/providers/index.js';
import { checkExamples } from '../src/rules/check.js';
import { compileRule, loadBuiltinRules, loadRuleFiles, type CompiledRule } from '../src/rules/load.js';
import type { RawRule } from '../src/rules/schema.js';
import { runCli } from './helpers/cli.js';
import { Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/github.yml', import.meta.url));
const builtin = loadBuiltinRules();
if (!builtin.ok) throw new Error(JSON.stringify(builtin.problems));
const loaded = loadRuleFiles([FIXTURE], (f) => f, builtin.rules.map((r) => r.id), true);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const github = loaded.rules;
const all: CompiledRule[] = [...builtin.rules, ...github];

/** A synthetic classic token: ghp_ and 36 random letters and digits. */
function token(keys: Keys): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = 'ghp_';
  while (out.length < 40) out += alphabet[Math.floor(keys.random() * alphabet.length)];
  return out;
}

const data = suite('a provider as data');

data('the rule file loads with its provider and part, and its examples hold with every rule loaded', () => {
  assert.equal(github.map((r) => [r.id, r.provider, r.part, r.pairs]), [['github-personal-access-token', 'github', 'token', undefined]]);
  assert.equal(checkExamples(github, all), []);
  assert.is(partLabel(github[0]!), 'token');
});

data('found next to an AWS key pair: its own provider, part and fingerprint identity, no pairing, no AWS facts', () => {
  const k = new Keys(1212);
  const ghp = token(k);
  const text = `aws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}\nGITHUB_TOKEN=${ghp}\n`;
  const findings = detect({ path: 'deploy/.env', text }, all);
  assert.equal(findings.map((f) => f.ruleId), ['aws-access-key-id', 'aws-secret-access-key', 'github-personal-access-token']);
  const gh = findings[2]!;
  assert.equal([gh.value, gh.provider, gh.part, gh.pair, gh.keyType, gh.accountId], [ghp, 'github', 'token', undefined, undefined, undefined]);
  assert.ok(findings[0]!.pair !== undefined && findings[1]!.pair !== undefined, 'the AWS pair still pairs');
  assert.is(new Set(findings.map((f) => f.fingerprint)).size, 3);
});

data('a part of another provider never shares a fingerprint with the AWS part of the same name', () => {
  const k = new Keys(1213);
  const secret = k.secret();
  const aws = builtin.rules.find((r) => r.id === 'aws-secret-access-key')!;
  const raw: RawRule = {
    id: 'other-secret-key', title: 'Other secret key', description: 'A test rule.', severity: 'high', provider: 'other', part: 'secret-key',
    regex: 'other_secret = ([A-Za-z0-9/+]{40})', examples: ['x'], negativeExamples: ['y'], remediation: 'Rotate it.', references: [],
  };
  const other = compileRule(raw);
  assert.is(identityOf(aws), 'secret-key', 'AWS keeps the identity its fingerprints always hashed');
  assert.is(identityOf(other), 'other/secret-key');
  const [a] = detect({ path: 'x.env', text: `aws_secret_access_key = ${secret}\n` }, [aws]);
  const [b] = detect({ path: 'x.env', text: `other_secret = ${secret}\n` }, [other]);
  assert.is(a!.value, b!.value);
  assert.is.not(a!.fingerprint, b!.fingerprint);
});

data('the deprecated kind still means the AWS part, and clashes are refused', () => {
  const base = { title: 'T', description: 'D', severity: 'high', regex: '(x)', examples: ['x'], negativeExamples: ['y'], remediation: 'R', references: [] };
  const legacy = compileRule({ ...base, id: 'legacy-id', kind: 'key-id' } as RawRule);
  assert.equal([legacy.provider, legacy.part], ['aws', 'key-id']);
  // An unvalidated rule (a library user's) with a part named like an Object property is no known part.
  const odd = compileRule({ ...base, id: 'odd', provider: 'aws', part: 'constructor', regex: 'k=(x+)', pairs: { with: ['secret-key'], withinLines: 1 } } as RawRule);
  const partner = compileRule({ ...base, id: 'partner', provider: 'aws', part: 'secret-key', regex: 's=(y+)' } as RawRule);
  const found = detect({ path: 'f', text: 'k=xxx s=yyy' }, [odd, partner]);
  assert.equal([partLabel(odd), found.map((f) => [f.value, f.pair?.value])], ['constructor', [['xxx', 'yyy'], ['yyy', 'xxx']]]);
  const none = compileRule({ ...base, id: 'legacy-other', kind: 'other' } as RawRule);
  assert.equal([none.provider, none.part], [undefined, undefined]);
});

const cli = suite('a .keyhound.yml that adds the GitHub rule');

cli('finds the token, and no output of any format says AWS', async () => {
  const k = new Keys(1214);
  const ghp = token(k);
  const dir = makeTree({ '.keyhound.yml': readFileSync(FIXTURE, 'utf8'), 'ci/deploy.sh': `export GITHUB_TOKEN=${ghp}\n` });
  try {
    const outputs: Record<string, string> = {};
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = await runCli(['scan', dir, '--format', format, '--no-progress']);
      assert.is(r.code, 1, `${format}: ${r.stderr}`);
      outputs[format] = r.stdout;
    }
    const finding = (JSON.parse(outputs.json!) as { findings: Record<string, unknown>[] }).findings;
    assert.equal(finding.map((f) => [f.ruleId, f.provider, f.part, f.label]), [['github-personal-access-token', 'github', 'token', 'token']]);
    assert.match(outputs.text!, / token ghp_/);
    // SARIF lists every active rule in tool.driver.rules (the AWS ones too): its results must not say AWS.
    const sarif = JSON.parse(outputs.sarif!) as { runs: { results: unknown[] }[] };
    outputs.sarif = JSON.stringify(sarif.runs[0]!.results);
    for (const [format, out] of Object.entries(outputs)) assert.not.match(out, /AWS|aws/, `${format} output mentions AWS`);
  } finally {
    removeTree(dir);
  }
});

cli('staged: the blocked-commit advice names no AWS place for a GitHub token, and does for an AWS key', async () => {
  const k = new Keys(1215);
  const repo = Repo.init();
  try {
    repo.write('.keyhound.yml', readFileSync(FIXTURE, 'utf8')).write('ci/deploy.sh', `export GITHUB_TOKEN=${token(k)}\n`).add('ci/deploy.sh');
    const gh = await runCli(['staged', '--no-progress'], { cwd: repo.dir });
    assert.is(gh.code, 1, gh.stderr);
    assert.match(gh.stdout, /Commit blocked/);
    assert.not.match(gh.stdout, /AWS|aws/);
    repo.write('ci/creds', `aws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}\n`).add('ci/creds');
    const both = await runCli(['staged', '--no-progress'], { cwd: repo.dir });
    assert.match(both.stdout, /an AWS profile outside the repository/);
  } finally {
    repo.cleanup();
  }
});

cli('a clean scan says so without naming AWS', async () => {
  const dir = makeTree({ 'README.md': 'nothing to see\n' });
  try {
    const r = await runCli(['scan', dir, '--no-progress']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /No secrets found\./);
    assert.not.match(r.stdout, /AWS/);
  } finally {
    removeTree(dir);
  }
});

data.run();
cli.run();
