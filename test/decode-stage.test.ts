// The decoding stage's machinery, with toy decoders: views map every offset back to the file through a
// stack of edits, decoders run only in regions around triggers, a layer comes undone per round up to the
// depth limit, and hostile input keeps the work bounded. The real decoders have their own tests.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { View } from '../src/decode/view.js';
import { decodedView, hasTrigger, regionsOf, triggerSpots, MAX_DECODE_DEPTH } from '../src/decode/stage.js';
import type { Decoder, Edit } from '../src/decode/types.js';
import { base64Runs, base64RunsAround, base64TextMarker, LONG_RUN_SHAPE, runMarker, textRuns, textRunsAround } from '../src/decode/markers.js';
import { ShapeFinder } from '../src/shape/extract.js';
import { compileShape, type RuleShape } from '../src/shape/shape.js';
import { Keys } from './helpers/keys.js';
import { DECODERS } from '../src/decode/index.js';

const stage = suite('decoding stage');

/** A toy decoder: `%%` becomes `%`, so `%%%%` needs two rounds; it counts the characters it was given. */
function halving(): Decoder & { read: number } {
  const d = {
    name: 'url' as const,
    read: 0,
    edits(text: string, from: number, to: number): Edit[] {
      d.read += to - from;
      const out: Edit[] = [];
      for (let at = text.indexOf('%%', from); at !== -1 && at < to; at = text.indexOf('%%', at + 2)) out.push({ start: at, end: at + 2, text: '%' });
      return out;
    },
  };
  return d;
}

stage('a view maps offsets back through edits, origins and a stack of views', () => {
  const text = 'ab\\/cd\\/ef';
  const one = View.of(text, 'json-escape', [{ start: 2, end: 4, text: '/' }, { start: 6, end: 8, text: '/' }])!;
  assert.is(one.text, 'ab/cd/ef');
  assert.equal(one.toOriginal(0, 2), [0, 2]);
  assert.equal(one.toOriginal(3, 5), [4, 6]);
  assert.equal(one.toOriginal(2, 3), [2, 4], 'an escaped character maps to its whole escape');
  assert.equal(one.toOriginal(0, 8), [0, 10]);
  // a second layer, with origins: `cd` on one line comes from two lines of the parent
  const two = View.of(one, 'base64', [{ start: 3, end: 5, text: 'XY', origins: Uint32Array.from([3, 4]) }])!;
  assert.is(two.text, 'ab/XY/ef');
  assert.equal(two.toOriginal(3, 5), [4, 6]);
  assert.equal(two.decoders, ['json-escape', 'base64']);
  assert.equal(two.decodersTouching(3, 5), ['base64']);
  assert.equal(two.decodersTouching(0, 3), ['json-escape']);
  assert.equal(two.decodersTouching(0, 4), ['json-escape', 'base64']);
  assert.equal(two.decodersTouching(0, 2), [], 'untouched text');
});

stage('an insertion maps to where it was made, and edits that overlap or leave the text are dropped', () => {
  const view = View.of('value: abc', 'structure', [{ start: 7, end: 7, text: 'NAME=' }, { start: 6, end: 8, text: 'zz' }, { start: 9, end: 99, text: 'q' }])!;
  assert.is(view.text, 'value: NAME=abc');
  assert.equal(view.toOriginal(12, 15), [7, 10]);
  assert.equal(view.toOriginal(7, 12), [7, 7]);
  assert.equal(view.decodersTouching(12, 15), ['structure'], 'a name inserted right before a value touches it');
  assert.is(View.of('abc', 'structure', []), undefined);
});

stage('regions: only around triggers and runs, a few lines each way, merged', () => {
  const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
  lines[50] = 'aws_secret_access_key = x';
  const text = lines.join('\n');
  const regions = regionsOf(text, []);
  assert.is(regions.length, 1);
  const [a, b] = regions[0]!;
  const covered = text.slice(a, b).split('\n');
  assert.ok(covered.length >= 12 && covered.length <= 15, `${covered.length} lines`);
  assert.ok(covered.includes('line 44') && covered.includes('line 56'), 'six lines above, six below');
  assert.not.ok(covered.includes('line 42') || covered.includes('line 58'));
  assert.equal(regionsOf('nothing to see here\n'.repeat(100), []), []);
  assert.equal(regionsOf('x'.repeat(100), [[10, 60]]), [[10, 60]], 'a run is read as it is');
  assert.equal(regionsOf(text, [], []), [], 'the triggers the caller found: none');
});

stage('a secret built in pieces a few lines above the key ID it is used with is joined (the region reaches six lines up)', () => {
  const keys = new Keys(79);
  const [id, secret] = [keys.keyId(), keys.secret()];
  const pieces = [secret.slice(0, 24), secret.slice(24, 31), secret.slice(31, 35), secret.slice(35)];
  const java = [
    'public class Upload {',
    '    static AWSCredentials creds() {',
    '        StringBuilder sb = new StringBuilder();',
    ...pieces.map((p) => `        sb.append("${p}");`),
    `        return new BasicAWSCredentials("${id}", sb.toString());`,
    '    }',
    '}',
  ].join('\n');
  const view = decodedView(java, DECODERS);
  assert.ok(view?.text.includes(`sb.append("${secret}");`), view?.text ?? 'no view');
  // Seven lines up is past the region (and past any other trigger): left alone.
  const far = java.replace('        return', `${'        int unused = 0;\n'.repeat(3)}        return`);
  assert.is(decodedView(far, DECODERS)?.text.includes(secret) ?? false, false);
});

stage('regions: counting lines once a crowd of triggers gives the regions of counting around each trigger', () => {
  // The reference: six lines each way (at most 1 KiB), around every trigger, then merged when closer than 1 KiB.
  const before = (text: string, at: number): number => {
    const floor = Math.max(0, at - 1024);
    let i = at;
    for (let n = 0; n <= 6; n++) {
      const nl = text.lastIndexOf('\n', i - 1);
      if (nl < floor) return floor;
      i = nl;
    }
    return i + 1;
  };
  const after = (text: string, at: number): number => {
    const ceiling = Math.min(text.length, at + 1024);
    let i = at;
    for (let n = 0; n <= 6; n++) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= ceiling) return ceiling;
      i = nl + 1;
    }
    return i;
  };
  const reference = (text: string): [number, number][] => {
    const flat = triggerSpots(text);
    const spots: [number, number][] = [];
    for (let k = 0; k < flat.length; k += 2) spots.push([before(text, flat[k]!), after(text, flat[k + 1]!)]);
    spots.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of spots) {
      const last = merged[merged.length - 1];
      if (last !== undefined && a <= last[1] + 1024) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  };
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const words = ['secret', 'SECRET', 'AKIA', 'ASIA', '"AKI"', 'QUtJQ', 'x', 'filler text', '\n', '\n', '\n\n', ' ', 'y'.repeat(300), 'z'.repeat(1500)];
  for (let trial = 0; trial < 400; trial++) {
    const parts: string[] = [];
    const n = rand(400);
    for (let i = 0; i < n; i++) parts.push(words[rand(words.length)]!);
    const text = parts.join('');
    assert.equal(regionsOf(text, []), reference(text), `trial ${trial}`);
  }
});

stage('decoders run only in regions; one layer per round, up to the depth limit', () => {
  const far = 'filler line\n'.repeat(2000);
  const text = `${far}SECRET=%%%%%%%%\n${far}untouched=%%%%\n`;
  const d = halving();
  const view = decodedView(text, [d])!;
  assert.ok(view.text.includes('SECRET=%\n'), 'three rounds: 8 -> 4 -> 2 -> 1');
  assert.ok(view.text.includes('untouched=%%%%'), 'far from any trigger: left alone');
  assert.ok(d.read < 20_000, `read ${d.read} characters of ${text.length} over ${MAX_DECODE_DEPTH} rounds`);
  const shallow = decodedView(text, [halving()], [], 1)!;
  assert.ok(shallow.text.includes('SECRET=%%%%\n'));
  assert.is(decodedView('no trigger %%%%', [halving()]), undefined);
  assert.is(decodedView(text, []), undefined);
});

stage('a later round reads only near what the round before changed, not the whole region', () => {
  // An SDK model says `secret` on every line: one region of the whole text.
  const line = 'the secret of this line\n';
  const text = `${line.repeat(4000)}SECRET=%%%%%%%%\n${line.repeat(4000)}`;
  assert.is(regionsOf(text, []).length, 1);
  const d = halving();
  const view = decodedView(text, [d])!;
  assert.ok(view.text.includes('SECRET=%\n'), 'three rounds: 8 -> 4 -> 2 -> 1');
  // the first round reads the region; the next two only a look around each side of the edits
  assert.ok(d.read >= text.length - 2 && d.read < text.length + 4 * 2 * 1024 + 64, `read ${d.read} of ${text.length}`);
});

stage('hostile input: a megabyte of triggers gives merged regions and bounded work', () => {
  const text = 'SECRET %%'.repeat(120_000);
  const regions = regionsOf(text, []);
  assert.is(regions.length, 1, 'one line of triggers is one region');
  const d = halving();
  const view = decodedView(text, [d])!;
  assert.ok(view.text.length < text.length);
  assert.ok(d.read <= text.length * MAX_DECODE_DEPTH, `read ${d.read}`);
  const lines = 'AKIA\n'.repeat(200_000);
  assert.is(regionsOf(lines, []).length, 1);
  // the region's edges are found by reading at most a region's characters: a count, not a time
  const line = 'x'.repeat(2_000_000);
  const spots = `${line}SECRET${'SECRET '.repeat(50_000)}${line}`;
  const [[a, b]] = regionsOf(spots, []) as [[number, number]];
  assert.ok(a >= 2_000_000 - 1024 && b <= spots.length - 2_000_000 + 1024, `${a} ${b}`);
});

stage.run();

const markers = suite('decoding stage: run markers');

markers('runMarker finds a run of N alphabet characters wherever it is, and only then', () => {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const has30 = runMarker(b64, 30);
  const reference = (text: string): boolean => /[A-Za-z0-9+/]{30}/.test(text);
  let seed = 5;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const n = Math.floor(random() * 200);
    for (let j = 0; j < n; j++) text += random() < 0.04 ? ' ' : b64[Math.floor(random() * 64)]!;
    assert.is(has30(text), reference(text), JSON.stringify(text));
  }
  assert.ok(has30(`${'x '.repeat(100)}${'a'.repeat(30)}`));
  assert.not.ok(has30('a'.repeat(29)));
});

markers.run();

const mixed = suite('decoding stage: mixed run markers');

mixed('runMarker(mixed): a run of N with a digit, a capital and a small letter', () => {
  const m = runMarker('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 30, true);
  assert.ok(m('key: "T+Km8Uq7zARm+reBSqztHLmnwX7zQs8tbOAmQYYw"'));
  assert.not.ok(m('describeDBClusterParameterGroupsForAccount()'), 'an identifier has no digit');
  assert.not.ok(m('node_modules/aws-sdk/clients/cognitoidentityserviceprovider'), 'no capital');
  assert.ok(m(`${'a'.repeat(40)} ${'x'.repeat(10)}A1${'b'.repeat(30)}`), 'the second run');
});

mixed.run();

const text64 = suite('decoding stage: base64 runs worth reading');

text64('textRuns keeps a run or wrapped blob that starts as text, and drops random ones', () => {
  const encoded = Buffer.from('[default]\naws_secret_access_key = something long enough to wrap over lines\n'.repeat(3)).toString('base64');
  const wrapped = encoded.match(/.{1,76}/g)!.join('\n  ');
  const random = 'Zq8Rt2vWx9Yb4Nc7Md1Pf6Gh3Jk5Lm0Sn+Tp/UaVwXyZ0123456789abcdef';
  const text = `content: |\n  ${wrapped}\nother: ${random}\n`;
  const runs: [number, number][] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/=]{40,}/g)) runs.push([m.index, m.index + m[0].length]);
  const kept = textRuns(text, runs);
  assert.is(kept.length, 1, 'the blob, as one region');
  assert.is(text.slice(kept[0]![0], kept[0]![1]).replace(/\s+/g, ''), encoded);
  assert.ok(base64TextMarker(`AWS_ACCESS_KEY_ID: ${Buffer.from('AKIAQ2RSTUVWXYZ23456').toString('base64')}`)); // keyhound:allow
  assert.not.ok(base64TextMarker(`hash: ${random}`), 'random bytes do not start as text');
  let rejected = 0;
  const keys = new Keys(77);
  for (let i = 0; i < 2000; i++) if (!base64TextMarker(keys.secret())) rejected++;
  assert.ok(rejected > 1900, `${rejected} of 2000 random secrets not read`);
});

text64('long runs from the shape pass are the runs a scan of the whole text gives, at escapes and both ends', () => {
  const finder = new ShapeFinder([(compileShape(LONG_RUN_SHAPE) as RuleShape).token]);
  const keys = new Keys(78);
  const enc = (s: string): string => Buffer.from(s).toString('base64');
  const pieces = [
    keys.secret(),
    `${keys.secret()}%2F${keys.secret()}`, // an escape between two runs: two runs
    `${keys.secret().slice(0, 30)}%2B${keys.secret().slice(0, 30)}`, // 30 + 30: neither is 40
    `${keys.secret()}_-${keys.secret()}`, // URL-safe characters join two runs into one
    `${enc('[default]\naws_secret_access_key = x')}-${keys.secret()}`,
    enc('a'.repeat(200)),
    'x'.repeat(39),
    'ZZ',
  ];
  for (let trial = 0; trial < 200; trial++) {
    const parts: string[] = [];
    for (let i = 0; i < 6; i++) parts.push(pieces[(trial * 7 + i * 3) % pieces.length]!, [' ', '\n', '"', '=', 'é', '%3D'][(trial + i) % 6]!);
    // runs at the very start and end of the text too
    const text = (trial % 2 === 0 ? '' : ' ') + parts.join('');
    // (a run that starts with the hex digits of a %3D escape is 2 characters shorter in the shape's units)
    const unitsOf = (s: number, e: number): string => text.slice(text[s - 1] === '%' ? s + 2 : s, e);
    const expected = base64Runs(text).filter(([s, e]) => /[A-Za-z0-9+/]{40}/.test(unitsOf(s, e)));
    const got = base64RunsAround(text, finder.inString(text)[0]!);
    assert.equal(got, expected, `trial ${trial}`);
    assert.equal(textRunsAround(text, finder.inString(text)[0]!), textRuns(text, got), `trial ${trial}: text runs`);
  }
});

text64('hasTrigger finds a trigger in bytes as written, and only then', () => {
  const cases: [string, boolean][] = [
    ['x = secret', true], ['SECRET=1', true], ['kind: Secret', true], ['"AKIA" +', true], ['ASIA', true],
    ['eCRET', false], ['Ecret', false], ['discrete', false], ['cret', false], ['ecre', false], ['', false], ['akia asia', false],
    ['k = "AKI" + "AEXZ34D3GF"', true], ['AKI', false],
    // a key ID encoded alone in base64 (`AKIA…` is `QUtJQ…`, `ASIA…` is `QVNJQ…`)
    ['Base64.decode("QUtJQUo2U0ZIM01aMkVaT0NMSE4=")', true], ['QVNJQ', true], ['QUtJ', false], ['qutjq QVNJ', false],
  ];
  for (const [text, want] of cases) {
    assert.is(hasTrigger(Buffer.from(text)), want, text);
    assert.is(regionsOf(text, []).length > 0, want, `regionsOf agrees: ${text}`);
  }
  // at the very end of the bytes, and inside a larger buffer's slice
  assert.ok(hasTrigger(Buffer.from('x'.repeat(5000) + 'secret')));
  assert.not.ok(hasTrigger(Buffer.from('secret x').subarray(2)), 'the e before a slice is not its own');
  for (const [text, want] of [['AKIA', true], ['xASIAy', true], ['IA', false], ['KIA', false], ['BKIA AXIA IAIA', false], ['AAKIA', true], ['akia', false], ['"AKI" + "A', true], ["'ASI'", true], ['AKI ASI', false]] as const) {
    assert.is(triggerSpots(text, true, false).length > 0, want, text);
    assert.is(triggerSpots(`secret ${text}`, false, false).length > 0, want, `key IDs only: ${text}`);
    assert.is(hasTrigger(Buffer.from(text)), want, `bytes: ${text}`);
  }
});

text64('a key ID encoded alone in base64 starts a region: an Android class that names nothing gives its pair', () => {
  const keys = new Keys(80);
  const [id, secret] = [keys.keyId(), keys.secret()];
  const b64 = (v: string): string => Buffer.from(v).toString('base64');
  const java = `final class Keys {\n    static final String A = new String(Base64.decode("${b64(id)}", Base64.DEFAULT));\n    static final String S = new String(Base64.decode("${b64(secret)}", Base64.DEFAULT));\n}\n`;
  assert.ok(regionsOf(java, []).length > 0);
  const view = decodedView(java, DECODERS);
  assert.ok(view?.text.includes(id) && view.text.includes(secret), view?.text ?? 'no view');
});

text64.run();
