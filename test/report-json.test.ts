// Tests for the JSON reporter: document shape, key order, pass-through of stats and errors, no leaks.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { json } from '../src/report/json.js';
import { emptyScan, sampleScan } from './helpers/sample-findings.js';

const FINDING_KEYS = ['ruleId', 'title', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'value', 'fingerprint'];
const PAIR_KEYS = ['ruleId', 'path', 'line', 'column', 'endLine', 'endColumn', 'value', 'label', 'part'];

type Doc = { version: number; findings: Record<string, unknown>[]; stats: unknown; errors: unknown };
const parse = (text: string): Doc => JSON.parse(text) as Doc;

test('pretty-printed with two spaces and a trailing newline', () => {
  const out = json(sampleScan().result, sampleScan().ctx);
  assert.ok(out.endsWith('}\n'), 'ends with a newline');
  assert.not.ok(out.endsWith('\n\n'), 'exactly one trailing newline');
  assert.is(out, JSON.stringify(JSON.parse(out), null, 2) + '\n');
  assert.match(out, /^\{\n {2}"version": 2,\n {2}"findings": \[\n {4}\{\n {6}"ruleId"/);
});

test('top level is version, findings, stats, errors in that order', () => {
  const s = sampleScan();
  assert.equal(Object.keys(parse(json(s.result, s.ctx))), ['version', 'findings', 'stats', 'errors']);
  assert.is(parse(json(s.result, s.ctx)).version, 2);
});

test('a finding with every optional field has them in documented order', () => {
  const s = sampleScan();
  const doc = parse(json(s.result, s.ctx));
  const first = doc.findings[0]!;
  assert.equal(Object.keys(first), [...FINDING_KEYS, 'label', 'provider', 'part', 'keyType', 'accountId', 'pair', 'remediation']);
  assert.equal(Object.keys(first.pair as object), PAIR_KEYS);
  const f = s.result.findings[0]!;
  assert.is(first.accountId, f.accountId);
  assert.is(first.keyType, f.keyType);
  assert.equal(first.pair, { ...f.pair, label: 'secret access key' });
  assert.is(first.label, 'access key ID');
});

test('optional fields are omitted, not null, when the finding lacks them', () => {
  const s = sampleScan();
  const doc = parse(json(s.result, s.ctx));
  // Finding 2: pair only. Finding 3: keyType only. Finding 5: none.
  assert.equal(Object.keys(doc.findings[1]!), [...FINDING_KEYS, 'label', 'provider', 'part', 'pair', 'remediation']);
  assert.equal(Object.keys(doc.findings[2]!), [...FINDING_KEYS, 'label', 'provider', 'part', 'keyType', 'remediation']);
  assert.equal(Object.keys(doc.findings[4]!), [...FINDING_KEYS, 'label', 'provider', 'part', 'remediation']);
  assert.not.match(json(s.result, s.ctx), /: null/);
});

test('values are carried over exactly, findings keep their order', () => {
  const s = sampleScan();
  const doc = parse(json(s.result, s.ctx));
  assert.is(doc.findings.length, s.result.findings.length);
  s.result.findings.forEach((f, i) => {
    const got = doc.findings[i]!;
    for (const k of FINDING_KEYS) assert.is(got[k], f[k as keyof typeof f], `finding ${i} ${k}`);
    assert.is(got.remediation, f.remediation);
  });
});

test('stats and errors pass through unchanged', () => {
  const s = sampleScan();
  const doc = parse(json(s.result, s.ctx));
  assert.equal(doc.stats, s.result.stats);
  assert.equal(doc.errors, s.result.errors);
});

test('lineText is never output, nor anything beyond the (redacted) secret', () => {
  const s = sampleScan();
  const out = json(s.result, s.ctx);
  assert.not.match(out, /lineText/);
  assert.not.ok(out.includes(s.lineCanary), 'context from lineText leaked');
  for (const raw of s.raw) assert.not.ok(out.includes(raw), `raw secret leaked (seed ${s.seed})`);
  for (const f of s.result.findings) assert.ok(out.includes(JSON.stringify(f.value)), 'redacted secret shown');
});

test('with --no-redact the secret the finding carries is output as is', () => {
  const s = sampleScan({ redacted: false });
  const out = json(s.result, s.ctx);
  for (const raw of s.raw) assert.ok(out.includes(raw), `raw secret missing (seed ${s.seed})`);
});

test('an empty scan is a valid document with empty arrays', () => {
  const s = emptyScan();
  const doc = parse(json(s.result, s.ctx));
  assert.equal(doc.findings, []);
  assert.equal(doc.errors, []);
  assert.equal(doc.stats, s.result.stats);
});

test.run();
