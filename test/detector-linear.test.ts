// The detector stays linear on enormous lines and many matches. Not timing tests: each counts the work
// (characters a regex searched, lengths of the text handed to a regex) through an injected counting
// regex, and would fail on the quadratic code; the rest check that results are unchanged.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect, EVIDENCE_CHARS, nearestDistance } from '../src/detect/detector.js';
import { LineIndex, PREFIX_CHARS } from '../src/detect/lines.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import type { Finding } from '../src/types.js';
import { Keys } from './helpers/keys.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const scan = (text: string, with_ = rules): Finding[] => detect({ path: 'f.txt', text }, with_);

/** A regex that counts the characters its searches pass over and the longest text it was given. */
class CountingRegExp extends RegExp {
  examined = 0;
  longest = 0;
  override exec(text: string): RegExpExecArray | null {
    const from = this.global ? this.lastIndex : 0;
    const m = super.exec(text);
    this.examined += (m === null ? text.length : m.index) - from;
    this.longest = Math.max(this.longest, text.length);
    return m;
  }
}

/** The rules with one rule's regex (or evidence pattern) replaced by a counting copy. */
function counting(ruleId: string, what: 'regex' | 'pattern'): { rules: CompiledRule[]; counter: CountingRegExp } {
  const rule = rules.find((r) => r.id === ruleId)!;
  const original = what === 'regex' ? rule.regex : rule.requires!.pattern!;
  const counter = new CountingRegExp(original.source, original.flags);
  const replaced: CompiledRule = what === 'regex' ? { ...rule, regex: counter } : { ...rule, requires: { ...rule.requires!, pattern: counter } };
  return { rules: rules.map((r) => (r.id === ruleId ? replaced : r)), counter };
}

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `# note ${i}: nothing here`).join('\n');

const work = suite('linear work');

work('a rule that needs a key ID nearby searches each stretch of text once, not once per key ID', () => {
  const k = new Keys(201);
  // 300 key IDs 20 lines apart and no secret-shaped string: 300 separate search ranges, no matches
  const text = Array.from({ length: 300 }, () => `key = ${k.keyId()}\n${filler(20)}`).join('\n');
  const { rules: custom, counter } = counting('aws-secret-access-key-near-key-id', 'regex');
  assert.equal(scan(text, custom).map((f) => f.ruleId), Array(300).fill('aws-access-key-id'));
  // Searching from each range to the next match (none: the end of the text) was ~150 texts' worth.
  assert.ok(counter.examined <= 2 * text.length, `examined ${counter.examined} for ${text.length}`);
});

work('with matches in many ranges, the search still passes over the text about once', () => {
  const k = new Keys(202);
  const text = Array.from({ length: 200 }, () => `id: ${k.keyId()}\n${k.secret()}\n${filler(15)}`).join('\n');
  const { rules: custom, counter } = counting('aws-secret-access-key-near-key-id', 'regex');
  const found = scan(text, custom);
  assert.is(found.filter((f) => f.ruleId === 'aws-secret-access-key-near-key-id').length, 200);
  assert.ok(counter.examined <= 2 * text.length, `examined ${counter.examined} for ${text.length}`);
});

work('the evidence pattern sees at most EVIDENCE_CHARS on each side of a hit on an enormous line', () => {
  const k = new Keys(203);
  const pad = 'x'.repeat(50_000);
  const text = `provider "aws" ${Array.from({ length: 20 }, () => `${pad} secret_key = "${k.secret()}"`).join(' ')}`;
  const { rules: custom, counter } = counting('aws-secret-access-key-in-aws-context', 'pattern');
  scan(text, custom);
  assert.ok(counter.longest > 0, 'the pattern was consulted');
  // The whole line (a million characters) each time before.
  assert.ok(counter.longest <= 2 * EVIDENCE_CHARS + 100, `longest evidence text ${counter.longest}`);
});

work('the prefix checked against allowlist prefixes is at most PREFIX_CHARS of the line', () => {
  const line = `${'q'.repeat(1_000_000)} cipher = `;
  const lines = new LineIndex(`first\n${line}rest`);
  const prefix = lines.prefixOf(6 + line.length);
  assert.is(prefix.length, PREFIX_CHARS);
  assert.ok(prefix.endsWith(' cipher = '));
  assert.is(lines.prefixOf(3), 'fir');
});

work.run();

const same = suite('results unchanged');

same('an allowlist prefix at the end of an enormous line still applies', () => {
  const k = new Keys(204);
  const id = k.keyId();
  const secret = k.secret();
  const long = `${'w'.repeat(200_000)} `;
  const names = (text: string) => scan(text).map((f) => f.ruleId);
  assert.equal(names(`id: ${id}\n${long}cipher = ${secret}`), ['aws-access-key-id']);
  assert.equal(names(`id: ${id}\n${long}value = ${secret}`), ['aws-access-key-id', 'aws-secret-access-key-near-key-id']);
});

same('evidence within EVIDENCE_CHARS on a long line counts; beyond it, it does not', () => {
  const k = new Keys(205);
  const secret = k.secret();
  const near = `provider "aws" ${'x'.repeat(EVIDENCE_CHARS - 100)} secret_key = "${secret}"`;
  const far = `provider "aws" ${'x'.repeat(EVIDENCE_CHARS + 100)} secret_key = "${secret}"`;
  assert.equal(scan(near).map((f) => f.ruleId), ['aws-secret-access-key-in-aws-context']);
  assert.equal(scan(far), []);
});

same('snippets scanned together, 12 lines apart, give each snippet\'s findings moved down', () => {
  const k = new Keys(206);
  const snippets = [
    `[default]\naws_access_key_id = ${k.keyId()}\naws_secret_access_key = ${k.secret()}`,
    `id: ${k.keyId()}\n\n${k.secret()}`,
    `provider "aws" {\n  secret_key = "${k.secret()}"\n}`,
    `CREDENTIALS\t${k.keyId('ASIA')}\t${k.secret()}\t${k.sessionToken(300).slice(16)}`,
    `"SessionToken": "${k.sessionToken()}", "AccessKeyId": "${k.keyId('ASIA')}"`,
    `key = ${k.keyId()} # keyhound:allow`,
    `id: ${k.keyId()}\ncipher = ${k.secret()}`,
  ];
  const gap = '\n'.repeat(13);
  const together = scan(snippets.join(gap));
  let offset = 0;
  const apart: Finding[] = [];
  for (const s of snippets) {
    const move = <T extends { line: number; endLine: number }>(l: T): T => ({ ...l, line: l.line + offset, endLine: l.endLine + offset });
    apart.push(...scan(s).map((f) => (f.pair ? { ...move(f), pair: move(f.pair) } : move(f))));
    offset += s.split('\n').length + 12;
  }
  assert.ok(apart.length >= 12);
  assert.equal(together, apart);
});

same('many key IDs and secrets on one line: each secret still pairs with the nearest unpaired ID', () => {
  const k = new Keys(207);
  const items = Array.from({ length: 300 }, () => `{"AccessKeyId":"${k.keyId()}","SecretAccessKey":"${k.secret()}"}`);
  const found = scan(`[${items.join(',')}]`);
  assert.is(found.length, 600);
  assert.ok(found.every((f) => f.severity === 'critical' && f.line === 1));
});

same('nearestDistance agrees with a linear scan', () => {
  const k = new Keys(208);
  for (let t = 0; t < 200; t++) {
    const lines = Array.from({ length: Math.floor(k.random() * 8) }, () => 1 + Math.floor(k.random() * 50)).sort((a, b) => a - b);
    const line = 1 + Math.floor(k.random() * 60);
    const naive = Math.min(Infinity, ...lines.map((l) => Math.abs(l - line)));
    assert.is(nearestDistance(lines, line), naive);
  }
});

same.run();
