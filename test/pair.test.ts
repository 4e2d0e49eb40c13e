// Pairing a key ID with its secret: nearest by position, names before distance (issue 10), the same
// in a streamed file as in a whole-text scan.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, loadRuleFiles, type CompiledRule } from '../src/rules/load.js';
import { scanFileStreaming } from '../src/scan/stream.js';
import type { Finding } from '../src/types.js';
import { collectCredentials } from '../src/verify/verify.js';
import { Keys } from './helpers/keys.js';
import { pairFindings, tokenFinding } from './helpers/sts-server.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const scan = (text: string): Finding[] => detect({ path: 'f.txt', text }, rules);

/** secret → the key ID it was paired with ('-' for none), for each secret-access-key finding. */
function pairsOf(found: Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of found) if (f.ruleId.startsWith('aws-secret-access-key')) out.set(f.value, f.pair?.value ?? '-');
  return out;
}

/** Streams `text` in small windows and checks it gives exactly the whole-text findings. */
async function sameStreamed(text: string): Promise<void> {
  const root = makeTree({ 'f.txt': text });
  try {
    for (const opts of [{ chunkBytes: 64, overlapBytes: 256 }, { chunkBytes: 1000, overlapBytes: 300 }]) {
      const streamed = await scanFileStreaming('f.txt', join(root, 'f.txt'), rules, opts);
      assert.equal(streamed.findings, scan(text), JSON.stringify(opts));
    }
  } finally {
    removeTree(root);
  }
}

const pairing = suite('pairing');

pairing('an ID under an access-key-id name wins over an earlier nameless one on the same line', async () => {
  const k = new Keys(301);
  const [x, y, s] = [k.keyId(), k.keyId(), k.secret()];
  const text = `legacyId = "${x}"; cfg = {aws_access_key_id: "${y}", aws_secret_access_key: "${s}"}`;
  const found = scan(text);
  assert.equal(pairsOf(found), new Map([[s, y]]));
  assert.is(found.find((f) => f.value === x)?.severity, 'medium');
  await sameStreamed(text);
});

pairing('names before distance: the named ID is taken even when a nameless one is closer', () => {
  const k = new Keys(302);
  const [x, y, s] = [k.keyId(), k.keyId(), k.secret()];
  // the nameless ID right after the secret is nearer in characters; the named one is 2 lines up
  const text = `aws_access_key_id = ${y}\n# rotated\naws_secret_access_key = ${s} ${x}`;
  assert.equal(pairsOf(scan(text)), new Map([[s, y]]));
});

pairing('a nameless secret takes the nearest ID by position, not the first on the line', () => {
  const k = new Keys(303);
  const [x, y, s] = [k.keyId(), k.keyId(), k.secret()];
  const text = `const old = "${x}", unrelated = "${'q'.repeat(60)}"; new Creds("${y}", "${s}");`;
  assert.equal(pairsOf(scan(text)), new Map([[s, y]]));
});

pairing('one-line records, ID first or secret first: each secret pairs within its record', async () => {
  const k = new Keys(304);
  const idFirst: [string, string][] = [];
  const secretFirst: [string, string][] = [];
  const a = Array.from({ length: 40 }, () => {
    const [id, s] = [k.keyId(), k.secret()];
    idFirst.push([s, id]);
    return `{"aws_access_key_id":"${id}","aws_secret_access_key":"${s}"}`;
  });
  const b = Array.from({ length: 40 }, () => {
    const [id, s] = [k.keyId(), k.secret()];
    secretFirst.push([s, id]);
    return `{"SecretAccessKey":"${s}","AccessKeyId":"${id}"}`;
  });
  for (const [records, expected] of [[a, idFirst], [b, secretFirst]] as const) {
    const text = `[${records.join(',')}]`;
    assert.equal(pairsOf(scan(text)), new Map(expected));
    await sameStreamed(text);
  }
});

pairing('pretty-printed records: each secret pairs with the ID of its own record', () => {
  const k = new Keys(305);
  const expected: [string, string][] = [];
  const text = Array.from({ length: 5 }, () => {
    const [id, s] = [k.keyId(), k.secret()];
    expected.push([s, id]);
    return `{"aws_access_key_id": "${id}",\n "aws_secret_access_key": "${s}"}`;
  }).join(',\n');
  assert.equal(pairsOf(scan(text)), new Map(expected));
});

pairing('profiles in a credentials file pair within each profile; beyond the pairs.withinLines of the rules (10), none', () => {
  const k = new Keys(306);
  const [x, sx, y, sy] = [k.keyId(), k.secret(), k.keyId(), k.secret()];
  const text = `[a]\naws_access_key_id = ${x}\naws_secret_access_key = ${sx}\n[b]\naws_access_key_id = ${y}\naws_secret_access_key = ${sy}\n`;
  assert.equal(pairsOf(scan(text)), new Map([[sx, x], [sy, y]]));
  const far = `aws_access_key_id = ${x}\n${'#\n'.repeat(11)}aws_secret_access_key = ${sx}\n`;
  assert.equal(pairsOf(scan(far)), new Map([[sx, '-']]));
});

pairing('thousands of IDs and secrets on one line: every pair inside its record', () => {
  const k = new Keys(307);
  const expected: [string, string][] = [];
  const text = Array.from({ length: 3000 }, () => {
    const [id, s] = [k.keyId(), k.secret()];
    expected.push([s, id]);
    return `;var aws_access_key_id="${id}",aws_secret_access_key="${s}"`;
  }).join('');
  assert.equal(pairsOf(scan(text)), new Map(expected));
});

pairing.run();

const declared = suite('pairing as rule data declares it');

declared('a provider without code pairs the parts its rules declare, within their lines', () => {
  const rule = (id: string, part: string, re: string, pairs?: string): string => [
    `  - id: ${id}`, '    title: T', '    description: D', '    severity: medium', '    provider: acme', `    part: ${part}`,
    ...(pairs ? [`    pairs: ${pairs}`] : []),
    `    regex: '${re}'`, `    examples: ['x']`, `    negativeExamples: ['y']`, '    remediation: R', '    references: []',
  ].join('\n');
  const yaml = `rules:\n${rule('acme-client-id', 'client-id', 'acme_id=([a-z0-9]{12})', '{ with: [client-secret], withinLines: 2 }')}\n${rule('acme-client-secret', 'client-secret', 'acme_secret=([a-z0-9]{24})')}\n`;
  const dir = makeTree({ 'acme.yml': yaml });
  try {
    const acme = loadRuleFiles([join(dir, 'acme.yml')]);
    assert.ok(acme.ok, acme.ok ? '' : JSON.stringify(acme.problems));
    if (!acme.ok) return;
    const id = 'a1b2c3d4e5f6';
    const near = detect({ path: 'x', text: `acme_id=${id}\n\nacme_secret=${'q7'.repeat(12)}\n` }, acme.rules);
    assert.equal(near.map((f) => [f.ruleId, f.severity, f.pair?.ruleId, f.pair?.part]), [
      ['acme-client-id', 'critical', 'acme-client-secret', 'client-secret'],
      ['acme-client-secret', 'critical', 'acme-client-id', 'client-id'],
    ]);
    const far = detect({ path: 'x', text: `acme_id=${id}\n\n\nacme_secret=${'q7'.repeat(12)}\n` }, acme.rules);
    assert.equal(far.map((f) => f.pair), [undefined, undefined], '3 lines apart is beyond withinLines: 2');
  } finally {
    removeTree(dir);
  }
});

declared('--verify gives each temporary key its own session token: the detector\'s pairing, one token per key', () => {
  const k = new Keys(1216);
  const [a, b] = [k.keyId('ASIA'), k.keyId('ASIA')];
  const [t3, t7] = [k.sessionToken(), k.sessionToken()];
  // Key a on line 1 (secret on 2), key b on line 5 (secret on 6); tokens on lines 3 and 7. Token 3 is
  // nearest to both (2 lines); a takes it, b takes the next nearest, 7, instead of sharing a's.
  const findings = [...pairFindings(a, k.secret(), 'c.env', 1), tokenFinding(t3, 'c.env', 3), ...pairFindings(b, k.secret(), 'c.env', 5), tokenFinding(t7, 'c.env', 7)];
  const tokens = new Map(collectCredentials(findings).map((c) => [c.keyId, c.sessionToken]));
  assert.equal([tokens.get(a), tokens.get(b)], [t3, t7]);
});

declared.run();
