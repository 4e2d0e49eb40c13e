// The built JSON copies of the YAML sources are trusted by content, not by file times.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { textDigest } from '../src/rules/digest.js';
import { BUILTIN_RULES_JSON, builtinRuleDigests } from '../src/rules/load.js';
import { CANARY_ACCOUNTS_FILE, CANARY_ACCOUNTS_JSON } from '../src/providers/aws/canary.js';

test('a one-character edit, or a longer text, changes the digest', () => {
  const text = readFileSync(CANARY_ACCOUNTS_FILE, 'utf8');
  assert.is(textDigest(text), textDigest(`${text}`));
  assert.is.not(textDigest(text), textDigest(text.replace('account', 'acount')));
  assert.is.not(textDigest(text), textDigest(`${text} `));
});

test('the build records the digest of every source it compiled', () => {
  const rules = JSON.parse(readFileSync(BUILTIN_RULES_JSON, 'utf8')) as { digests: string[] };
  assert.equal(rules.digests, builtinRuleDigests());
  const canaries = JSON.parse(readFileSync(CANARY_ACCOUNTS_JSON, 'utf8')) as { digest: string };
  assert.is(canaries.digest, textDigest(readFileSync(CANARY_ACCOUNTS_FILE, 'utf8')));
});

test.run();
