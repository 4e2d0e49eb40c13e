import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accountIdOf, keyIdForAccount, keyTypeOf } from '../src/providers/aws/keys.js';
import { prng } from './helpers/keys.js';

const account = suite('accountIdOf');

// The published pair is a real (long expired) key ID: it is assembled here so that it is not
// committed in one piece for scanners, keyhound's own included, to report.
const PUBLISHED_ID = ['ASIA', 'Y34FZKBOKMUTVV7A'].join(''); // keyhound:allow (joined again since issue 14)

account("decodes the published example pair (Aidan Steele; Tal Be'ery): ASIA…VV7A → 609629065308", () => {
  assert.is(accountIdOf(PUBLISHED_ID), '609629065308');
});

account('round-trips accounts encoded into new-generation IDs, zero-padded to 12 digits', () => {
  const random = prng(7);
  for (const id of [1n, 12345n, 609629065308n, 999999999999n, 123456789012n]) {
    const keyId = keyIdForAccount('AKIA', id, random);
    assert.is(keyId.length, 20);
    assert.is(accountIdOf(keyId), id.toString().padStart(12, '0'), keyId);
  }
});

account('says nothing for old-generation IDs, which do not encode the account', () => {
  assert.is(accountIdOf('AKIAIOSFODNN7EXAMPLE'), undefined); // 5th character I: generation bit 0
  assert.is(accountIdOf(['AKIA', 'JX6H3SKEQLOEVXMY'].join('')), undefined); // 5th character J; keyhound:allow
});

account('says nothing for characters outside base32 or the wrong length', () => {
  assert.is(accountIdOf('AKIAY0000000000000000'), undefined);
  assert.is(accountIdOf('AKIAY8ZZZZZZZZZZZZZZ'), undefined);
  assert.is(accountIdOf('AKIAY34F'), undefined);
});

account.run();

const keyType = suite('keyTypeOf');

keyType('names each documented prefix', () => {
  assert.match(keyTypeOf(PUBLISHED_ID.replace('ASIA', 'AKIA'))!, /long-term/);
  assert.match(keyTypeOf(PUBLISHED_ID)!, /temporary/);
  assert.match(keyTypeOf(PUBLISHED_ID.replace('ASIA', 'ABIA'))!, /bearer/);
  assert.match(keyTypeOf(PUBLISHED_ID.replace('ASIA', 'ACCA'))!, /context-specific/);
  assert.match(keyTypeOf(PUBLISHED_ID.replace('ASIA', 'A3TX'))!, /A3T/);
  assert.is(keyTypeOf(PUBLISHED_ID.replace('ASIA', 'AIDA')), undefined);
});

keyType.run();
