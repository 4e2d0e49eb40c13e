// Canary tokens: the shipped account list, offline recognition from key IDs, and marking findings.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { keyIdForAccount } from '../src/providers/aws/keys.js';
import { builtinRuleFiles, loadBuiltinRules } from '../src/rules/load.js';
import { CANARY_ACCOUNTS_FILE, CANARY_ACCOUNTS_JSON, canaryAccounts, canaryOf, canaryOfFinding, findCanaries, parseCanaryAccounts } from '../src/providers/aws/canary.js';
import { Keys, prng } from './helpers/keys.js';
import { pairFindings } from './helpers/sts-server.js';

const random = prng(99);
const k = new Keys(99);

const list = suite('data/aws/canary-accounts.yml');

list('every entry is a 12-digit account with a service and an https source', () => {
  const accounts = canaryAccounts();
  assert.ok(accounts.size >= 26, `${accounts.size} accounts`);
  for (const [account, c] of accounts) {
    assert.match(account, /^\d{12}$/);
    assert.ok(c.service.length > 0);
    assert.match(c.source, /^https:\/\/\S+$/);
  }
});

list('the JSON the build writes holds exactly what the YAML says', () => {
  const built = JSON.parse(readFileSync(CANARY_ACCOUNTS_JSON, 'utf8')) as { accounts: [string, unknown][] };
  assert.equal(new Map(built.accounts), parseCanaryAccounts(readFileSync(CANARY_ACCOUNTS_FILE, 'utf8')));
  assert.equal(canaryAccounts(), new Map(built.accounts));
});

list("lists canarytokens.org's published accounts", () => {
  const thinkst = ['052310077262', '171436882533', '266735846894', '534261010715', '595918472158', '717712589309', '730335385048', '819147034852', '893192397702', '992382622183'];
  for (const account of thinkst) assert.match(canaryAccounts().get(account)?.service ?? '(missing)', /Thinkst Canarytokens/, account);
});

list('lives with the AWS provider, not among the rule files', () => {
  const loaded = loadBuiltinRules();
  assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems));
  assert.not.ok(builtinRuleFiles().includes(CANARY_ACCOUNTS_FILE));
  assert.ok(builtinRuleFiles().every((f) => !/canary/.test(f)), builtinRuleFiles().join(', '));
  assert.ok(canaryAccounts().size > 0);
});

list('the parser refuses malformed entries, naming them', () => {
  const bad = (yaml: string, message: RegExp): void => assert.throws(() => parseCanaryAccounts(yaml, 'c.yml'), message);
  bad('rules: []\n', /"accounts:" list/);
  bad('accounts:\n  - account: 052310077262\n    service: s\n    source: https://x\n', /accounts\[0\]: "account" must be a quoted 12-digit string/);
  bad("accounts:\n  - account: '12345'\n    service: s\n    source: https://x\n", /12-digit/);
  bad("accounts:\n  - account: '052310077262'\n    source: https://x\n", /"service" is required/);
  bad("accounts:\n  - account: '052310077262'\n    service: s\n    source: http://x\n", /https URL/);
  bad("accounts:\n  - account: '052310077262'\n    service: s\n    source: https://x\n  - account: '052310077262'\n    service: s\n    source: https://y\n", /accounts\[1\]: account 052310077262 is listed twice/);
});

list('the file has no key-shaped strings', () => {
  const text = readFileSync(CANARY_ACCOUNTS_FILE, 'utf8');
  assert.not.match(text, /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/);
});

list.run();

const offline = suite('canaryOf and findCanaries (offline)');

offline('recognises long-term and temporary key IDs of a canary account', () => {
  for (const prefix of ['AKIA', 'ASIA']) {
    const c = canaryOf(keyIdForAccount(prefix, 992382622183n, random));
    assert.match(c?.service ?? '(none)', /canarytokens\.org/);
    assert.match(c!.source, /trufflehog/);
  }
  assert.match(canaryOf(keyIdForAccount('AKIA', 44858866125n, random))?.service ?? '(none)', /canarytokens\.org-style/);
});

offline('says nothing for other accounts and for IDs that encode no account', () => {
  assert.is(canaryOf(keyIdForAccount('AKIA', 123456789012n, random)), undefined);
  assert.is(canaryOf(`AKIAI${k.keyId('').slice(0, 15)}`), undefined); // old generation: no account encoded
  assert.is(canaryOf('not a key'), undefined);
});

offline('marks key IDs from key-ID findings and from secrets paired with one, once per key', () => {
  const canaryId = keyIdForAccount('AKIA', 171436882533n, random);
  const [id, secret] = pairFindings(canaryId, k.secret());
  const [otherId, otherSecret] = pairFindings(k.keyId(), k.secret(), 'b.env');
  assert.ok(canaryOfFinding(id));
  assert.ok(canaryOfFinding(secret), 'the secret half of a canary pair is a canary too');
  assert.is(canaryOfFinding(otherId), undefined);
  const marked = findCanaries([id, secret, otherId, otherSecret, secret]);
  assert.equal([...marked.keys()], [canaryId]);
  // Only the secret half (the key-ID finding suppressed, say): still found through its pair.
  assert.equal([...findCanaries([secret]).keys()], [canaryId]);
});

offline.run();
