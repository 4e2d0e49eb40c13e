import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { keyIdForAccount } from '../src/providers/aws/keys.js';
import { detect } from '../src/detect/detector.js';
import { shannonEntropy } from '../src/detect/entropy.js';
import { redactFindings, redactSecret } from '../src/filter/redact.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { Keys } from './helpers/keys.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const scan = (text: string, path = 'f.txt') => detect({ path, text }, rules);

const pairing = suite('pairing');

pairing('an ID with its secret in a credentials file is one credential: both critical, each pointing at the other', () => {
  const k = new Keys(1);
  const id = k.keyId();
  const secret = k.secret();
  const found = scan(`[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`);
  assert.is(found.length, 2);
  const [idF, secretF] = found;
  assert.is(idF!.ruleId, 'aws-access-key-id');
  assert.is(secretF!.ruleId, 'aws-secret-access-key');
  assert.ok(found.every((f) => f.severity === 'critical'));
  assert.equal(idF!.pair && [idF!.pair.line, idF!.pair.column, idF!.pair.value], [3, 25, secret]);
  assert.equal(secretF!.pair && [secretF!.pair.line, secretF!.pair.value], [2, id]);
});

pairing('alone, an ID is medium (low for ASIA) and a named secret is high', () => {
  const k = new Keys(2);
  assert.equal(scan(`key = ${k.keyId()}`).map((f) => f.severity), ['medium']);
  assert.equal(scan(`key = ${k.keyId('ASIA')}`).map((f) => f.severity), ['low']);
  assert.equal(scan(`AWS_SECRET_ACCESS_KEY=${k.secret()}`).map((f) => f.severity), ['high']);
});

pairing('each secret pairs with the nearest ID, and an ID pairs only once', () => {
  const k = new Keys(3);
  const [a, b] = [k.keyId(), k.keyId()];
  const text = `id1 = ${a}\nsecret_access_key = ${k.secret()}\n\n\nid2 = ${b}\nsecret_access_key = ${k.secret()}\n`;
  const secrets = scan(text).filter((f) => f.ruleId.startsWith('aws-secret'));
  assert.equal(secrets.map((f) => f.pair?.line), [1, 5]);
});

pairing.run();

const evidence = suite('secret evidence');

evidence('a bare 40-character string is reported only with an access key ID within 5 lines', () => {
  const k = new Keys(4);
  const id = k.keyId();
  const secret = k.secret();
  assert.equal(scan(`${secret}\n`), []);
  const near = scan(`${id}\n\n\n\n\n${secret}\n`).map((f) => f.ruleId);
  assert.equal(near, ['aws-access-key-id', 'aws-secret-access-key-near-key-id']);
  const far = scan(`${id}\n\n\n\n\n\n${secret}\n`).map((f) => f.ruleId);
  assert.equal(far, ['aws-access-key-id']);
});

evidence('git SHAs, hex digests and lockfile integrity hashes next to a key ID are not secrets', () => {
  const k = new Keys(5);
  const text = `id: ${k.keyId()}\ncommit ${k.hex(40)}\n"integrity": "sha512-${k.secret()}${k.secret()}=="\n`;
  assert.equal(scan(text).map((f) => f.ruleId), ['aws-access-key-id']);
});

evidence('a generic secret name needs AWS nearby', () => {
  const k = new Keys(6);
  const secret = k.secret();
  assert.equal(scan(`github:\n  client_secret: ${secret}\n`), []);
  assert.equal(scan(`provider "aws" {\n  secret_key = "${secret}"\n}\n`).map((f) => f.ruleId), ['aws-secret-access-key-in-aws-context']);
});

evidence('the AWS documentation example pair and placeholders are never reported', () => {
  const text = [
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX',
    'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
    'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
    "const re = /(A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16}/",
  ].join('\n');
  assert.equal(scan(text), []);
});

evidence('random secrets clear the 4.0 entropy floor; repetitive placeholders do not', () => {
  const k = new Keys(7);
  let lowest = 8;
  for (let i = 0; i < 2000; i++) lowest = Math.min(lowest, shannonEntropy(k.secret()));
  assert.ok(lowest >= 4.0, `lowest random secret entropy ${lowest}`);
  assert.ok(shannonEntropy('YourSecretKeyYourSecretKeyYourSecretKey1') < 4.0);
});

evidence('where a secret-shaped piece sits inside a longer session token, the token wins', () => {
  const k = new Keys(13);
  const token = `${k.sessionToken(200)}%2F${k.secret()}%3D`;
  const found = scan(`X-Amz-Credential=${k.keyId('ASIA')}%2F20260101&X-Amz-Security-Token=${token}&X-Amz-Date=1`);
  assert.equal(found.map((f) => f.ruleId), ['aws-temporary-access-key-id', 'aws-session-token']);
  // the token as it is, URL escapes undone (issue 14); read as written, its escapes are kept
  assert.is(found[1]!.value, decodeURIComponent(token));
  assert.equal(found[1]!.decoded, ['url']);
  const written = detect({ path: 'a.txt', text: `X-Amz-Security-Token=${token}&X-Amz-Date=1` }, rules, { decodeDepth: 0 });
  assert.is(written[0]!.value, token);
});

evidence.run();

const findings = suite('finding fields');

findings('lines and columns are 1-based, in UTF-16 units, with CRLF line ends', () => {
  const k = new Keys(8);
  const id = k.keyId();
  const [f] = scan(`# ünïcödé 🔑\r\n  key: "${id}"\r\n`);
  assert.equal([f!.line, f!.column, f!.endLine, f!.endColumn], [2, 9, 2, 29]);
  assert.is(f!.lineText, `  key: "${id}"`);
});

findings('key IDs carry their type and, for new-generation IDs, the decoded account', () => {
  const k = new Keys(9);
  const [f] = scan(`id = ${keyIdForAccount('AKIA', 123456789012n, k.random)}`);
  assert.is(f!.accountId, '123456789012');
  assert.match(f!.keyType!, /long-term/);
});

findings('fingerprints survive line moves and differ between files and secrets', () => {
  const k = new Keys(10);
  const line = `AWS_SECRET_ACCESS_KEY=${k.secret()}`;
  const before = scan(line)[0]!.fingerprint;
  assert.is(scan(`\n\n# moved\n${line}`)[0]!.fingerprint, before);
  assert.is.not(scan(line, 'other.txt')[0]!.fingerprint, before);
  assert.is.not(scan(`AWS_SECRET_ACCESS_KEY=${k.secret()}`)[0]!.fingerprint, before);
  const twice = scan(`${line}\n${line}`).map((f) => f.fingerprint);
  assert.equal(twice, [before, `${before}:2`]);
});

findings('a path allowlist in a rule skips the file', () => {
  const k = new Keys(11);
  const custom = rules.map((r) => (r.id === 'aws-access-key-id' ? { ...r, allowPaths: ['docs/**'] } : r));
  assert.is(detect({ path: 'docs/a.md', text: k.keyId() }, custom).length, 0);
  assert.is(detect({ path: 'src/a.md', text: k.keyId() }, custom).length, 1);
});

findings.run();

const redaction = suite('redaction');

redaction('key IDs keep prefix and last 4; secrets 4 at each end; long tokens are capped', () => {
  assert.is(redactSecret('AKIAABCDEFGHIJKLMNOP', 4), 'AKIA************MNOP');
  assert.is(redactSecret('a'.repeat(36) + 'WXYZ'), `aaaa${'*'.repeat(32)}WXYZ`);
  assert.is(redactSecret('t'.repeat(300)).length, 4 + 32 + 1 + 4);
  assert.is(redactSecret('short'), '*****');
});

redaction('no secret survives in any field, including the line text and the pair', () => {
  const k = new Keys(12);
  const id = k.keyId();
  const secret = k.secret();
  const text = `Access key ID,Secret access key\n${id},${secret}\n`;
  const out = JSON.stringify(redactFindings(scan(text, 'creds.csv')));
  assert.not.ok(out.includes(secret), 'secret in clear');
  assert.not.ok(out.includes(id), 'key ID in clear');
  assert.ok(out.includes(id.slice(-4)));
});

redaction('thousands of keys on one line: no secret survives in any line text', () => {
  const k = new Keys(13);
  const keys: string[] = [];
  const text = Array.from({ length: 2000 }, () => {
    const [id, secret] = [k.keyId(), k.secret()];
    keys.push(id, secret);
    return `;new Creds("${id}","${secret}")`;
  }).join('');
  const found = scan(text, 'bundle.min.js');
  assert.is(found.length, 4000);
  const out = JSON.stringify(redactFindings(found));
  assert.ok(keys.every((key) => !out.includes(key)), 'a key in clear');
});

redaction('a secret repeated in the window is masked at every occurrence', () => {
  const k = new Keys(14);
  const [id, secret] = [k.keyId(), k.secret()];
  const text = `aws_access_key_id=${id} aws_secret_access_key=${secret} # was ${id}`;
  const out = JSON.stringify(redactFindings(scan(text)));
  assert.not.ok(out.includes(id) || out.includes(secret));
});

redaction('a secret whose own finding is suppressed is still masked in a neighbour\'s line text', () => {
  const k = new Keys(15);
  const [legacy, current] = [k.keyId(), k.keyId()];
  const text = `legacyId = "${legacy}"; cfg = {aws_access_key_id: "${current}"}`;
  // As if the legacy ID were in .keyhoundignore or the baseline: only the current ID is reported.
  const reported = scan(text).filter((f) => f.value === current);
  assert.is(reported.length, 1);
  assert.ok(reported[0]!.lineText.includes(legacy), 'the test needs the legacy ID in the line text');
  const out = JSON.stringify(redactFindings(reported));
  assert.not.ok(out.includes(legacy), 'the suppressed key ID in clear');
  assert.not.ok(out.includes(current), 'the reported key ID in clear');
});

redaction('a neighbour cut by the edge of the line text is masked too', () => {
  const k = new Keys(16);
  const [id, secret] = [k.keyId(), k.secret()];
  // The window of 120 characters before the secret reaches only the last 8 characters of the ID.
  const text = `aws_access_key_id=${id}${' '.repeat(90)}aws_secret_access_key=${secret}`;
  const found = scan(text);
  const secretFinding = found.find((f) => f.ruleId === 'aws-secret-access-key')!;
  assert.ok(secretFinding.lineText.includes(id.slice(-8)), 'the test needs part of the ID in the window');
  const idFinding = found.find((f) => f.ruleId === 'aws-access-key-id')!;
  assert.ok(idFinding.lineText.includes(secret.slice(0, 8)), 'the test needs part of the secret in the window');
  const out = redactFindings(found).map((f) => f.lineText).join('\n');
  assert.not.ok(out.includes(id.slice(-8)), 'the cut ID shown beyond its last four characters');
  assert.not.ok(out.includes(secret.slice(0, 8)), 'the cut secret shown in clear');
});

redaction.run();
