import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accountIdOf, keyIdForAccount, keyTypeOf } from '../src/detect/aws.js';
import { prng } from './helpers/keys.js';

const account = suite('accountIdOf');

account('decodes the published example pair (Aidan Steele, Tal Be\'ery): ASIAY34FZKBOKMUTVV7A → 609629065308', () => {
  assert.is(accountIdOf('ASIAY34FZKBOKMUTVV7A'), '609629065308');
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
  assert.is(accountIdOf('AKIAJX6H3SKEQLOEVXMY'), undefined);
});

account('says nothing for characters outside base32 or the wrong length', () => {
  assert.is(accountIdOf('AKIAY0000000000000000'), undefined);
  assert.is(accountIdOf('AKIAY8ZZZZZZZZZZZZZZ'), undefined);
  assert.is(accountIdOf('AKIAY34F'), undefined);
});

account.run();

const keyType = suite('keyTypeOf');

keyType('names each documented prefix', () => {
  assert.match(keyTypeOf('AKIAY34FZKBOKMUTVV7A')!, /long-term/);
  assert.match(keyTypeOf('ASIAY34FZKBOKMUTVV7A')!, /temporary/);
  assert.match(keyTypeOf('ABIAY34FZKBOKMUTVV7A')!, /bearer/);
  assert.match(keyTypeOf('ACCAY34FZKBOKMUTVV7A')!, /context-specific/);
  assert.match(keyTypeOf('A3TXY34FZKBOKMUTVV7A')!, /A3T/);
  assert.is(keyTypeOf('AIDAY34FZKBOKMUTVV7A'), undefined);
});

keyType.run();
