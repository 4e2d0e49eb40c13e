// Hostile input to the detector: megabytes of base64 where a session token is expected, and rule
// regexes whose repetitions are bounded (issue 10). Each case must give no exception and the right
// findings; none asserts a time (that is bench/adversarial.mjs's job).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { forEachSyntaxChar } from '../src/rules/redos.js';
import { scanBytes } from '../src/scan/content.js';
import type { Finding } from '../src/types.js';
import { Keys } from './helpers/keys.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const scan = (text: string, path = 'f.txt'): Finding[] => detect({ path, text }, rules);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `n` characters of random base64 (no padding), built in pieces: fast even at megabytes. */
function base64Run(k: Keys, n: number): string {
  const piece = Array.from({ length: 4096 }, () => BASE64[Math.floor(k.random() * 64)]).join('');
  return piece.repeat(Math.ceil(n / piece.length)).slice(0, n);
}

const SIX_MB = 6 * 1024 * 1024;
/** The longest session token the rules in rules/aws.yml accept, `=` padding aside (`{60,16384}`). */
const MAX_TOKEN_CHARS = 16384;

/** A real synthetic pair, on its own lines, that must be found whatever precedes it. */
function pairText(k: Keys): { text: string; id: string; secret: string } {
  const id = k.keyId();
  const secret = k.secret();
  return { text: `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`, id, secret };
}

const huge = suite('megabytes of base64 after a token name or prefix');

const shapes: [string, (run: string) => string][] = [
  ['a JSON "token" next to "aws"', (run) => `{"provider":"aws","token":"${run}"}`],
  ['aws_session_token =', (run) => `aws_session_token = ${run}`],
  ['X-Amz-Security-Token=', (run) => `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${run}&X-Amz-Date=1`],
  ['an STS token prefix', (run) => `IQoJb3JpZ2luX2Vj${run}`],
  ['a bare run near a temporary key ID', (run) => `ASIAOANXCUQXG35DYOTB ${run}`], // keyhound:allow (synthetic)
];

for (const [name, shape] of shapes) {
  huge(`${name} + 6 MB: no exception, not a token, and the pair on the next lines is found`, () => {
    const k = new Keys(1001);
    const pair = pairText(k);
    const text = `${shape(base64Run(k, SIX_MB))}\n${pair.text}`;
    const found = scan(text);
    assert.ok(!found.some((f) => f.ruleId.includes('session-token')), 'a 6 MB run reported as a session token');
    const secret = found.find((f) => f.value === pair.secret);
    assert.ok(secret, 'the pair after the run was not found');
    assert.is(secret.severity, 'critical');
    assert.is(secret.pair?.value, pair.id);
  });
}

huge('through scanBytes (the folder, staged and history path): the same', () => {
  const k = new Keys(1002);
  const pair = pairText(k);
  const bytes = Buffer.from(`${pair.text}aws_session_token = ${base64Run(k, SIX_MB)}\n`);
  const outcome = scanBytes('big.env', bytes, rules);
  assert.is(outcome.kind, 'scanned');
  if (outcome.kind !== 'scanned') return;
  assert.equal(outcome.findings.map((f) => f.value).sort(), [pair.id, pair.secret].sort());
});

huge('a run of URL escapes after a temporary key ID: no token, no exception', () => {
  // `%41` is not a base64 character escaped: each one starts a new run, so no run is long.
  const text = `ASIAOANXCUQXG35DYOTB token%3D${'%41'.repeat(400_000)}`; // keyhound:allow (synthetic)
  assert.ok(!scan(text).some((f) => f.ruleId.includes('session-token')));
});

huge('hundreds of thousands of key IDs in one file: no exception, every one found', () => {
  const k = new Keys(1003);
  const ids = Array.from({ length: 300_000 }, () => k.keyId());
  const found = scan(ids.join('\n'));
  assert.is(found.length, ids.length);
  assert.is(found[found.length - 1]!.value, ids[ids.length - 1]);
});

huge.run();

const bounds = suite('the token length bound');

const named = (token: string): string => `aws_session_token = ${token}`;
const tokenOf = (text: string): string | undefined => scan(text).find((f) => f.ruleId === 'aws-session-token')?.value;

bounds('a token of MAX_TOKEN_CHARS characters is found whole', () => {
  const token = `IQoJb3JpZ2luX2Vj${base64Run(new Keys(1004), MAX_TOKEN_CHARS - 16)}`;
  assert.is(tokenOf(named(token)), token);
});

bounds('one character more is not a token (no finding cut from it)', () => {
  const token = `IQoJb3JpZ2luX2Vj${base64Run(new Keys(1005), MAX_TOKEN_CHARS - 15)}`;
  assert.is(scan(named(token)).filter((f) => f.ruleId.includes('session-token')).length, 0);
});

bounds('padding and URL-escaped / and + do not count against the bound and stay in the token', () => {
  const body = base64Run(new Keys(1006), 200);
  const token = `FwoGZXIvYXdz%2F${body}%2B${body}==`;
  assert.is(tokenOf(named(token)), token);
});

bounds.run();

const shape = suite('the shape of the built-in regexes');

/** The unbounded quantifiers (`*`, `+`, `{n,}`) of a regex source, outside escapes and character classes. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  forEachSyntaxChar(source, (c, i) => {
    if (c === '*' || c === '+') found.push(`${c} at ${i}`);
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  });
  return found;
}

shape('the scanner finds unbounded quantifiers (a check of the check)', () => {
  assert.equal(unboundedQuantifiers('a+[+*]\\+b{2,}c{1,4}').length, 2);
});

shape('no rule regex (the one run over whole texts) has an unbounded repetition', () => {
  for (const rule of rules) assert.equal(unboundedQuantifiers(rule.regex.source), [], rule.id);
});

shape.run();
