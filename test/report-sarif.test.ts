// Tests for the SARIF reporter: schema validity, rule table, result fields GitHub relies on, URIs, no leaks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Log, Result } from 'sarif';
import { pascalCase, relativeUri, sarif, srcRoot } from '../src/report/sarif.js';
import { emptyScan, sampleScan } from './helpers/sample-findings.js';
import { SCHEMA_PATH, validate } from './helpers/sarif-schema.js';


function assertValid(log: unknown, what: string): void {
  const ok = validate(log);
  assert.ok(ok, `${what} is not valid SARIF: ${JSON.stringify(validate.errors, null, 2)}`);
}

const render = (s = sampleScan()): Log => JSON.parse(sarif(s.result, s.ctx)) as Log;
const results = (log: Log): Result[] => log.runs[0]!.results!;

test('the schema guard: no draft-04 keyword whose meaning changed in draft-07', () => {
  const text = readFileSync(SCHEMA_PATH, 'utf8');
  assert.not.match(text, /"exclusive(Minimum|Maximum)"\s*:\s*(true|false)/);
  const refs = text.match(/"\$ref"\s*:\s*"[^"]*"/g) ?? [];
  assert.ok(refs.length > 100, 'the schema has its $refs');
  for (const ref of refs) assert.match(ref, /"#\/definitions\/\w+"$/, 'only local refs, which need no id');
});

test('the validator is live: it rejects broken SARIF', () => {
  const log = render();
  const bad = structuredClone(log);
  (bad.runs[0]!.results![0] as { level: string }).level = 'fatal';
  assert.not.ok(validate(bad), 'bad level accepted');
  const badUri = structuredClone(log);
  results(badUri)[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'has space%zz';
  assert.not.ok(validate(badUri), 'bad uri-reference accepted: formats are not checked');
});

test('output validates against the SARIF 2.1.0 schema', () => {
  assertValid(render(), 'sample');
  assertValid(render(sampleScan({ redacted: false })), 'unredacted sample');
  assertValid(render(emptyScan()), 'empty scan');
  const stdin = sampleScan();
  stdin.ctx.roots = ['-'];
  assertValid(render(stdin), 'stdin scan');
});

test('pretty-printed JSON with a trailing newline', () => {
  const s = sampleScan();
  const out = sarif(s.result, s.ctx);
  assert.is(out, JSON.stringify(JSON.parse(out), null, 2) + '\n');
});

test('log header and tool driver', () => {
  const log = render();
  assert.is(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.is(log.version, '2.1.0');
  assert.is(log.runs.length, 1);
  const driver = log.runs[0]!.tool.driver;
  assert.is(driver.name, 'keyhound');
  assert.is(driver.version, '0.1.0');
  assert.is(driver.informationUri, 'https://github.com/keyhound/keyhound');
  assert.is(log.runs[0]!.columnKind, 'utf16CodeUnits');
});

test('every rule is listed in order with its metadata', () => {
  const s = sampleScan();
  const rules = render(s).runs[0]!.tool.driver.rules!;
  assert.equal(rules.map((r) => r.id), s.ctx.rules.map((r) => r.id));
  const [first, , , last] = rules;
  assert.is(first!.name, 'AwsSecretAccessKey');
  assert.is(first!.shortDescription!.text, 'AWS secret access key');
  assert.is(first!.fullDescription!.text, 'Description of AWS secret access key.');
  assert.is(first!.helpUri, s.ctx.rules[0]!.references[0]);
  assert.ok(first!.help!.text.startsWith(s.ctx.rules[0]!.remediation));
  assert.ok(first!.help!.text.includes('\n- https://example.com/second'));
  assert.ok(first!.help!.markdown!.includes('- <https://example.com/second>'));
  assert.ok(first!.help!.markdown!.includes('see \\*the\\* docs for aws\\_secret\\_access\\_key'), 'markdown escaped');
  assert.is(first!.properties!.precision, 'high');
  assert.ok(['security', 'secret'].every((t) => first!.properties!.tags!.includes(t)));
  assert.is(last!.helpUri, undefined, 'no references, no helpUri');
  assert.is(last!.help!.text, s.ctx.rules[3]!.remediation);
});

test('rule level and security-severity follow the rule severity', () => {
  const rules = render().runs[0]!.tool.driver.rules!;
  const got = rules.map((r) => [r.defaultConfiguration!.level, r.properties!['security-severity']]);
  // high, high, medium, low
  assert.equal(got, [['error', '8.0'], ['error', '8.0'], ['warning', '5.5'], ['note', '3.0']]);
  for (const [, score] of got) assert.type(score, 'string');
});

test('ruleIndex points at the result\'s rule in tool.driver.rules', () => {
  const s = sampleScan();
  const log = render(s);
  const rules = log.runs[0]!.tool.driver.rules!;
  const indexes = results(log).map((r) => r.ruleIndex);
  assert.equal(indexes, [2, 0, 3, 1, 2]);
  for (const r of results(log)) assert.is(rules[r.ruleIndex!]!.id, r.ruleId);
});

test('result level follows the finding severity (a pair is critical → error)', () => {
  const levels = results(render()).map((r) => r.level);
  // critical, critical, low, high, medium
  assert.equal(levels, ['error', 'error', 'note', 'error', 'warning']);
});

test('partialFingerprints carry the finding fingerprint under keyhound/v1', () => {
  const s = sampleScan();
  results(render(s)).forEach((r, i) => {
    assert.equal(r.partialFingerprints, { 'keyhound/v1': s.result.findings[i]!.fingerprint });
  });
});

test('locations give the relative URI and region, with no snippet', () => {
  const s = sampleScan();
  const out = sarif(s.result, s.ctx);
  const r = results(JSON.parse(out) as Log)[0]!;
  const f = s.result.findings[0]!;
  assert.equal(r.locations, [{
    physicalLocation: {
      artifactLocation: { uri: 'config/.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
    },
  }]);
  assert.not.match(out, /"snippet"/);
  assert.not.match(out, /lineText/);
});

test('a pair links to its other half through relatedLocations', () => {
  const s = sampleScan();
  const [idResult, secretResult, lone] = results(render(s));
  const pair = s.result.findings[0]!.pair!;
  assert.equal(idResult!.relatedLocations, [{
    id: 1,
    physicalLocation: {
      artifactLocation: { uri: 'config/.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: pair.line, startColumn: pair.column, endLine: pair.endLine, endColumn: pair.endColumn },
    },
    message: { text: `AWS secret access key at config/.env:3: ${pair.value}` },
  }]);
  assert.ok(idResult!.message.text!.endsWith(', paired with [AWS secret access key at config/.env:3](1).'));
  assert.is(secretResult!.relatedLocations![0]!.physicalLocation!.region!.startLine, 2);
  assert.ok(secretResult!.message.text!.includes('paired with [AWS access key ID at config/.env:2](1)'));
  assert.is(lone!.relatedLocations, undefined);
});

test('the message names title, redacted secret, key type and account', () => {
  const s = sampleScan();
  const f = s.result.findings[0]!;
  const text = results(render(s))[0]!.message.text!;
  assert.ok(text.startsWith(`AWS access key ID ${f.value} (${f.keyType}, account ${f.accountId})`), text);
  assert.is(results(render(s))[4]!.message.text, `AWS access key ID ${s.result.findings[4]!.value}.`);
});

test('result properties hold keyType, accountId and severity where set', () => {
  const s = sampleScan();
  const [first, , temp, , lone] = results(render(s));
  const f = s.result.findings[0]!;
  assert.equal(first!.properties, { severity: 'critical', keyType: f.keyType, accountId: f.accountId });
  assert.equal(temp!.properties, { severity: 'low', keyType: s.result.findings[2]!.keyType });
  assert.equal(lone!.properties, { severity: 'medium' });
});

test('paths become percent-encoded URI references that resolve back to the file', () => {
  const uris = results(render()).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
  assert.equal(uris, ['config/.env', 'config/.env', 'docs/my%20notes%231.md', 'src/a,b:c%25d.ts', 'donn%C3%A9es/cl%C3%A9.txt']);
  for (const path of ['docs/my notes#1.md', 'src/a,b:c%d.ts', 'données/clé.txt', 'a:b/c?d', 'x\\y/[z]', '.env']) {
    const url = new URL(relativeUri(path), 'file:///base/');
    assert.is(decodeURIComponent(url.pathname), `/base/${path}`, path);
    assert.is(url.search + url.hash, '', `${path}: nothing spilled into query or fragment`);
  }
  assert.is(relativeUri('a:b/c:d'), 'a%3Ab/c:d', 'a colon in the first segment would read as a scheme');
});

test('originalUriBaseIds: only a description by default (no local folder); the --sarif-base-uri when given', () => {
  const s = sampleScan();
  const plain = render(s);
  assert.equal(Object.keys(plain.runs[0]!.originalUriBaseIds!), ['%SRCROOT%']);
  assert.is(plain.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri, undefined);
  assert.match(plain.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.description?.text ?? '', /relative to it/);
  const text = sarif(s.result, s.ctx);
  assert.not.ok(text.includes(pathToFileURL(process.cwd()).href), 'the scanning folder is in the report');
  assert.not.ok(text.includes(resolve('.')), 'the scanning folder is in the report');
  assertValid(plain, 'base without uri');
  s.ctx.sarifBaseUri = 'https://github.com/o/r/blob/main/';
  const given = render(s);
  assert.equal(given.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: 'https://github.com/o/r/blob/main/' } });
  assertValid(given, 'base with uri');
  assert.equal(srcRoot({ roots: ['-'] }), undefined);
  s.ctx.roots = ['-'];
  s.ctx.sarifBaseUri = undefined;
  assert.is(render(s).runs[0]!.originalUriBaseIds, undefined);
});

test('--sarif-base-uri: an absolute URI ending in /, else a one-line usage error', async () => {
  const { sarifBaseUriProblem } = await import('../src/commands/report.js');
  for (const ok of ['https://github.com/o/r/blob/main/', 'file:///srv/checkout/', 'file:///']) assert.is(sarifBaseUriProblem(ok), undefined, ok);
  for (const bad of ['src/', '/srv/checkout/', 'https://x.test/repo', 'https://x.test/r/?a=1', 'https://x.test/r/#x', '']) assert.ok(sarifBaseUriProblem(bad), bad);
  const { runCli } = await import('./helpers/cli.js');
  const r = await runCli(['scan', '-', '-f', 'sarif', '--sarif-base-uri', 'relative/dir/']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^keyhound: --sarif-base-uri "relative\/dir\/": not an absolute URI/);
  const ok = await runCli(['scan', '.', '--include', 'package.json', '-f', 'sarif', '--sarif-base-uri', 'https://github.com/o/r/blob/main/']);
  assert.is(ok.code, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as Log).runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: 'https://github.com/o/r/blob/main/' } });
});

test('scan errors become notifications with the path: a failure an error, a policy skip a warning', () => {
  const s = sampleScan();
  s.result.errors.push({ path: 'big.bin', kind: 'too-large', message: 'not scanned: larger than --max-file-size' });
  const inv = render(s).runs[0]!.invocations!;
  assert.is(inv.length, 1);
  // Still true: GitHub code scanning drops every result of a run whose execution was unsuccessful.
  assert.is(inv[0]!.executionSuccessful, true);
  const [n, policy] = inv[0]!.toolExecutionNotifications!;
  assert.is(n!.level, 'error');
  assert.is(policy!.level, 'warning');
  assertValid(render(s), 'notifications');
  assert.is(n!.message.text, s.result.errors[0]!.message);
  assert.equal(n!.locations![0]!.physicalLocation!.artifactLocation, { uri: 'locked%3Adir/x,y.txt', uriBaseId: '%SRCROOT%' });
  assert.equal(render(emptyScan()).runs[0]!.invocations![0]!.toolExecutionNotifications, []);
});

test('an absolute error path becomes a file URI without a base', () => {
  const s = sampleScan();
  s.result.errors = [{ path: '/tmp/no such/dir', kind: 'not-found', message: 'ENOENT' }];
  const loc = render(s).runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.locations![0]!;
  assert.equal(loc.physicalLocation!.artifactLocation, { uri: 'file:///tmp/no%20such/dir' });
  assertValid(render(s), 'absolute error path');
});

test('a finding whose rule is not in ctx.rules still reports, without ruleIndex', () => {
  const s = sampleScan();
  s.result.findings[4]!.ruleId = 'custom-rule';
  const r = results(render(s))[4]!;
  assert.is(r.ruleId, 'custom-rule');
  assert.is(r.ruleIndex, undefined);
  assertValid(render(s), 'unknown rule');
});

test('no secret in clear beyond what the finding carries', () => {
  const s = sampleScan();
  const out = sarif(s.result, s.ctx);
  assert.not.ok(out.includes(s.lineCanary), 'lineText context leaked');
  for (const raw of s.raw) assert.not.ok(out.includes(raw), `raw secret leaked (seed ${s.seed})`);
  for (const f of s.result.findings) assert.ok(out.includes(f.value));
});

test('pascalCase', () => {
  assert.is(pascalCase('aws-access-key-id'), 'AwsAccessKeyId');
  assert.is(pascalCase('aws_s3--token.v2'), 'AwsS3TokenV2');
});

test.run();
