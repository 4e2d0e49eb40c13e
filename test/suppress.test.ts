// Living with findings (issue 4): inline allows, .keyhoundignore, baselines, configuration and the
// rules command, end to end through the CLI.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keys } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { runCli } from './helpers/cli.js';
import { CUSTOM_RULE_YAML } from './helpers/custom-rule.js';

interface JsonReport {
  findings: { ruleId: string; path: string; line: number; severity: string; fingerprint: string; inlineAllow?: string }[];
  stats: { filesScanned: number; suppressed: { inline: number; ignoreFile: number; baseline: number } };
  unusedIgnores?: { fingerprint: string; line: number }[];
}
const json = async (argv: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> => {
  const r = await runCli([...argv, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout || '{}') as JsonReport, stderr: r.stderr };
};

const k = new Keys(300);

const inline = suite('inline allow');

inline('keyhound:allow, gitleaks:allow and pragma: allowlist secret each suppress their line, and are counted', async () => {
  const dir = makeTree({
    'a.py': `AWS_SECRET_ACCESS_KEY = "${k.secret()}"  # keyhound:allow\n`,
    'b.go': `secret := "${k.secret()}" // aws, gitleaks:allow\n`,
    'c.yml': `aws_secret_access_key: ${k.secret()} # pragma: allowlist secret\n`,
    'd.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n`,
  });
  try {
    const { code, report } = await json(['scan', dir]);
    assert.is(code, 1);
    assert.equal(report.findings.map((f) => f.path), ['d.env']);
    assert.equal(report.stats.suppressed, { inline: 3, ignoreFile: 0, baseline: 0 });
    const all = await json(['scan', dir, '--no-suppress']);
    assert.equal(all.report.findings.map((f) => f.inlineAllow ?? '-'), ['keyhound:allow', 'gitleaks:allow', 'pragma: allowlist secret', '-']);
    const text = await runCli(['scan', dir]);
    assert.match(text.stdout, /3 findings suppressed: 3 inline \(--no-suppress shows them\)/);
  } finally {
    removeTree(dir);
  }
});

inline.run();

const ignoreFile = suite('.keyhoundignore');

ignoreFile('a fingerprint listed in .keyhoundignore is suppressed; unused entries are reported on request', async () => {
  const dir = makeTree({ 'x.env': `AWS_ACCESS_KEY_ID=${k.keyId()}\nAWS_SECRET_ACCESS_KEY=${k.secret()}\n` });
  try {
    const first = await json(['scan', dir]);
    const [idFp] = first.report.findings.map((f) => f.fingerprint);
    writeFileSync(join(dir, '.keyhoundignore'), `# reviewed 2026-11-29: test account\n${idFp}\n\n0123456789abcdef  # a key since removed\n`);
    const second = await json(['scan', dir, '--report-unused-ignores']);
    assert.equal(second.report.findings.map((f) => f.ruleId), ['aws-secret-access-key']);
    assert.is(second.report.stats.suppressed.ignoreFile, 1);
    assert.equal(second.report.unusedIgnores, [{ fingerprint: '0123456789abcdef', line: 4 }]);
    assert.is((await json(['scan', dir])).report.unusedIgnores, undefined);
  } finally {
    removeTree(dir);
  }
});

ignoreFile('a line that is not a fingerprint is an error naming the file and line', async () => {
  const dir = makeTree({ '.keyhoundignore': 'deadbeefdeadbeef\nAKIA-whatever\n', 'a.txt': 'x' });
  try {
    const r = await runCli(['scan', dir]);
    assert.is(r.code, 2);
    assert.match(r.stderr, /^keyhound: .*\.keyhoundignore:2: "AKIA-whatever" is not a fingerprint/);
  } finally {
    removeTree(dir);
  }
});

ignoreFile('fingerprints are accepted in any case; the ignore file itself is not counted as a scanned file', async () => {
  const dir = makeTree({ 'x.env': `AWS_SECRET_ACCESS_KEY=${k.secret()}\n` });
  try {
    const first = await json(['scan', dir]);
    assert.is(first.report.stats.filesScanned, 1);
    const [fp] = first.report.findings.map((f) => f.fingerprint);
    assert.ok(fp && /[a-f]/.test(fp), `fingerprint ${fp} has letters to upper-case`);
    writeFileSync(join(dir, '.keyhoundignore'), `${fp!.toUpperCase()}\n`);
    const second = await json(['scan', dir]);
    assert.is(second.code, 0, JSON.stringify(second.report));
    assert.is(second.report.stats.suppressed.ignoreFile, 1);
    assert.is(second.report.stats.filesScanned, 1, 'the .keyhoundignore was scanned as a file');
  } finally {
    removeTree(dir);
  }
});

ignoreFile('occurrence numbers start at 1: <fp>:0 is an error naming the file and line', async () => {
  const dir = makeTree({ '.keyhoundignore': 'deadbeefdeadbeef:2\ndeadbeefdeadbeef:0\n', 'a.txt': 'x' });
  try {
    const r = await runCli(['scan', dir]);
    assert.is(r.code, 2);
    assert.match(r.stderr, /^keyhound: .*\.keyhoundignore:2: "deadbeefdeadbeef:0": occurrence numbers start at 1/);
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    // `:1` is the first occurrence, which is printed without a suffix: the same entry, not a dead one.
    const { parseIgnoreFile } = await import('../src/filter/ignore-file.js');
    assert.equal(parseIgnoreFile('DEADBEEFDEADBEEF:1\ndeadbeefdeadbee0:3\n', 'f'), { ok: true, entries: new Map([['deadbeefdeadbeef', 1], ['deadbeefdeadbee0:3', 2]]) });
  } finally {
    removeTree(dir);
  }
});

ignoreFile.run();

const baseline = suite('baseline');

baseline('write a baseline, then only new leaks are reported, through line moves and edits elsewhere', async () => {
  const oldSecret = k.secret();
  const dir = makeTree({ 'app/config.env': `AWS_ACCESS_KEY_ID=${k.keyId()}\nAWS_SECRET_ACCESS_KEY=${oldSecret}\n` });
  const file = join(dir, 'baseline.json');
  try {
    const written = await runCli(['scan', join(dir, 'app'), '--baseline-write', file]);
    assert.is(written.code, 0, 'writing a baseline accepts what is there');
    assert.match(written.stderr, /baseline written to .*2 findings recorded/);
    const stored = readFileSync(file, 'utf8');
    assert.not.ok(stored.includes(oldSecret), 'no secret in the baseline');
    assert.is((JSON.parse(stored) as { findings: unknown[] }).findings.length, 2);

    assert.is((await runCli(['scan', join(dir, 'app'), '--baseline', file])).code, 0);
    // The old pair moves down the file; a new key arrives in another file.
    writeFileSync(join(dir, 'app/config.env'), `# moved\n\nREGION=eu-west-1\nAWS_ACCESS_KEY_ID=${readFileSync(join(dir, 'app/config.env'), 'utf8').split('\n')[0]!.split('=')[1]}\nAWS_SECRET_ACCESS_KEY=${oldSecret}\n`);
    writeFileSync(join(dir, 'app/new.env'), `AWS_SECRET_ACCESS_KEY=${k.secret()}\n`);
    const after = await json(['scan', join(dir, 'app'), '--baseline', file]);
    assert.is(after.code, 1);
    assert.equal(after.report.findings.map((f) => f.path), ['new.env']);
    assert.is(after.report.stats.suppressed.baseline, 2);
    assert.is((await json(['scan', join(dir, 'app'), '--baseline', file, '--no-suppress'])).report.findings.length, 3);
  } finally {
    removeTree(dir);
  }
});

baseline('a missing or malformed baseline is an error, not an empty baseline', async () => {
  const dir = makeTree({ 'bad.json': '{"version": 2}', 'a.txt': 'x' });
  try {
    const missing = await runCli(['scan', dir, '--baseline', join(dir, 'nope.json')]);
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /--baseline .*nope\.json: cannot read/);
    const bad = await runCli(['scan', dir, '--baseline', join(dir, 'bad.json')]);
    assert.match(bad.stderr, /not a keyhound baseline/);
    const same = await runCli(['scan', dir, '--baseline', 'b.json', '--baseline-write', 'b.json']);
    assert.match(same.stderr, /name the same file/);
  } finally {
    removeTree(dir);
  }
});

baseline.run();

const configuration = suite('configuration');

const CUSTOM_RULE = CUSTOM_RULE_YAML;

configuration('.keyhound.yml adds rules, switches rules off, re-grades them and sets the default format', async () => {
  const dir = makeTree({
    '.keyhound.yml': `rules:\n${CUSTOM_RULE}disabledRules: [aws-temporary-access-key-id]\nseverity:\n  aws-access-key-id: critical\ndefaults:\n  format: json\n`,
    'a.txt': `token = acme_0123456789abcdef\nid = ${k.keyId()}\ntmp = ${k.keyId('ASIA')}\n`,
  });
  try {
    const r = await runCli(['scan', dir]);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.findings.map((f) => `${f.ruleId}:${f.severity}`), ['acme-api-token:high', 'aws-access-key-id:critical']);
    assert.match((await runCli(['scan', dir, '--format', 'text'])).stdout, /^a\.txt\n/);
  } finally {
    removeTree(dir);
  }
});

configuration('--config names the file explicitly; a missing one is an error', async () => {
  const dir = makeTree({ 'custom.yml': `rules:\n${CUSTOM_RULE}`, 'src/a.txt': 'token = acme_0123456789abcdef\n' });
  try {
    assert.is((await json(['scan', join(dir, 'src')])).report.findings.length, 0);
    assert.is((await json(['scan', join(dir, 'src'), '--config', join(dir, 'custom.yml')])).report.findings.length, 1);
    const missing = await runCli(['scan', dir, '--config', join(dir, 'nope.yml')]);
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /nope\.yml: cannot read/);
  } finally {
    removeTree(dir);
  }
});

configuration('an invalid configuration lists every problem, one line each, and exits 2', async () => {
  const dir = makeTree({ '.keyhound.yml': 'severity:\n  no-such-rule: high\n  aws-access-key-id: severe\ncolour: red\n' });
  try {
    const r = await runCli(['scan', dir]);
    assert.is(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.length >= 2, r.stderr);
    assert.ok(lines.every((l) => /^keyhound: .*\.keyhound\.yml:\d+: /.test(l)), r.stderr);
    assert.match(r.stderr, /:3: severity\.aws-access-key-id: must be one of/);
    assert.match(r.stderr, /:4: colour: unknown field/);
  } finally {
    removeTree(dir);
  }
});

configuration.run();

const rules = suite('keyhound rules');

rules('lists the active rules, as text or JSON, with the configuration applied', async () => {
  const text = await runCli(['rules']);
  assert.is(text.code, 0);
  assert.match(text.stdout, /^aws-secret-access-key\s+high\s+AWS secret access key$/m);
  const dir = makeTree({ '.keyhound.yml': 'disabledRules: [aws-session-token-shape]\n' });
  try {
    const list = JSON.parse((await runCli(['rules', '--json', '--config', join(dir, '.keyhound.yml')])).stdout) as { id: string }[];
    assert.not.ok(list.some((r) => r.id === 'aws-session-token-shape'));
    assert.ok(list.some((r) => r.id === 'aws-access-key-id'));
  } finally {
    removeTree(dir);
  }
});

rules('rules check FILE validates the file and runs its examples', async () => {
  const dir = makeTree({
    'good.yml': `rules:\n${CUSTOM_RULE}`,
    'failing.yml': `rules:\n${CUSTOM_RULE.replace("negativeExamples: ['acme_short']", "negativeExamples: ['acme_0123456789abcdef']")}`,
    'broken.yml': 'rules:\n  - id: x\n',
  });
  try {
    const good = await runCli(['rules', 'check', join(dir, 'good.yml')]);
    assert.is(good.code, 0, good.stderr);
    assert.match(good.stdout, /1 rule\(s\) valid; all 2 examples behave as stated/);
    const failing = await runCli(['rules', 'check', join(dir, 'failing.yml')]);
    assert.is(failing.code, 2);
    assert.match(failing.stderr, /rule acme-api-token negativeExamples\[0\] gives a finding/);
    const broken = await runCli(['rules', 'check', join(dir, 'broken.yml')]);
    assert.is(broken.code, 2);
    assert.match(broken.stderr, /broken\.yml:2: rule x title: is required/);
    assert.is((await runCli(['rules', 'frobnicate'])).code, 2);
  } finally {
    removeTree(dir);
  }
});

rules.run();

