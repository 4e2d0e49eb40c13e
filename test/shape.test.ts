// Shapes (src/shape) and the detector's windows around them (src/detect/windows.ts). What keeps the
// detector's results exact: candidates found in bytes equal those found in the decoded text and those
// a plain regex tokenizer gives; every match of every rule lies in a candidate of its shape, within
// its reach; and detect() with shapes gives what it gives with every shape removed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, loadRuleFiles, type CompiledRule } from '../src/rules/load.js';
import { formatProblem } from '../src/rules/schema.js';
import { contentCounts, scanBytes } from '../src/scan/content.js';
import { scanFileStreaming } from '../src/scan/stream.js';
import { ShapeFinder, type Candidate } from '../src/shape/extract.js';
import { ALPHABETS, compileShape, type RuleShape, type Shape } from '../src/shape/shape.js';
import { decode } from '../src/sources/decode.js';
import type { Finding } from '../src/types.js';
import { Keys, prng } from './helpers/keys.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
/** The same rules without shapes: every regex over the whole text, as before shapes. */
const shapeless: CompiledRule[] = rules.map((r) => ({ ...r, shape: undefined }));
const shapes: RuleShape[] = rules.map((r) => r.shape!);

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(abs) : [abs];
  });
}

/** Every text file of the fixtures, decoded as a scan decodes it. */
const fixtureTexts: { path: string; text: string; bytes: Uint8Array }[] = filesUnder(FIXTURES).flatMap((abs) => {
  const bytes = readFileSync(abs);
  const decoded = decode(bytes);
  return decoded.binary ? [] : [{ path: abs.slice(FIXTURES.length), text: decoded.text, bytes }];
});

// --- a reference: the shape's units told by a plain regex tokenizer, independent of extract.ts ---

const TOKENS: Record<number, RegExp> = {
  0: /[\s\S]/gy,
  1: /%2[FfBb]|%[0-9A-Fa-f]{2}|[\s\S]/gy,
  2: /%252[FfBb]|%2[FfBb]|%[0-9A-Fa-f]{2}|[\s\S]/gy,
};

function reference(text: string, shape: Shape, cls: string): Candidate[] {
  const inAlphabet = new RegExp(`^${cls}$`);
  const isUnit = (t: string): boolean => (t.length === 1 ? inAlphabet.test(t) : /^%(?:25)?2[FfBb]$/.test(t));
  /** Tokens from `at`: [start, end, unit?] until the text ends. */
  const tokens = (at: number): [number, number, boolean][] => {
    const re = new RegExp(TOKENS[shape.escapes]!.source, 'gy');
    const out: [number, number, boolean][] = [];
    re.lastIndex = at;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m.index + m[0].length, isUnit(m[0])]);
    return out;
  };
  const pad = (end: number): number => {
    const re = shape.escapes === 2 ? /=|%3[Dd]|%253[Dd]/y : shape.escapes === 1 ? /=|%3[Dd]/y : /=/y;
    for (let k = 0; k < shape.padding; k++) {
      re.lastIndex = end;
      const m = re.exec(text);
      if (m === null) break;
      end += m[0].length;
    }
    return end;
  };
  const out: Candidate[] = [];
  if (shape.prefixes.length === 0) {
    let run: [number, number, number] | undefined;
    const flush = (): void => {
      if (run !== undefined && run[2] >= shape.min && run[2] <= shape.max) out.push({ start: run[0], end: pad(run[1]) });
      run = undefined;
    };
    for (const [s, e, unit] of tokens(0)) {
      if (!unit) flush();
      else if (run === undefined) run = [s, e, 1];
      else (run[1] = e), run[2]++;
    }
    flush();
    return out;
  }
  for (const prefix of shape.prefixes) {
    for (const m of text.matchAll(new RegExp(`(?=${prefix})`, 'g'))) {
      let units = 0;
      let end = m.index;
      for (const [, e, unit] of tokens(m.index)) {
        if (!unit || units > shape.max) break;
        units++;
        end = e;
      }
      if (units >= shape.min && units <= shape.max) out.push({ start: m.index, end: pad(end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The class each built-in rule's alphabet is (the reference reads it as a regex). */
const classOf = (rule: CompiledRule): string => (rule.shape!.token.alphabet[0x2b] === 1 ? ALPHABETS.base64! : ALPHABETS['upper-alphanumeric']!);

/** Byte offset of each string offset of `text` in its UTF-8 encoding (one past the end included). */
function byteOffsets(text: string): number[] {
  const at: number[] = [];
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    at.push(b);
    const c = text.codePointAt(i)!;
    if (c > 0xffff) {
      at.push(b); // the low surrogate: never a candidate's edge (not in any alphabet)
      i++;
      b += 4;
    } else b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  at.push(b);
  return at;
}

/** Every way the candidates of `text` are worked out agrees: string, bytes (mapped) and the reference. */
function assertSameCandidates(text: string, where: string): void {
  const finder = new ShapeFinder(rules.map((r) => r.shape!.token));
  const inString = finder.inString(text);
  const bytes = Buffer.from(text, 'utf8');
  const inBytes = finder.inBytes(bytes);
  const offsets = byteOffsets(text);
  const toBytes = (c: Candidate): Candidate => ({ start: offsets[c.start]!, end: offsets[c.end]! });
  rules.forEach((rule, i) => {
    const expected = reference(text, rule.shape!.token, classOf(rule));
    assert.equal(inString[i], expected, `${where}: ${rule.id}: string candidates`);
    assert.equal(inBytes[i], expected.map(toBytes), `${where}: ${rule.id}: byte candidates`);
  });
  assert.is(finder.anyInBytes(bytes), inString.some((l) => l.length > 0), `${where}: anyInBytes`);
}

/** Every match of every rule's regex in `text` lies in a candidate of its shape, the whole match within reach. */
function assertSound(text: string, where: string): number {
  let matches = 0;
  const finder = new ShapeFinder(shapes.map((s) => s.token));
  const candidates = finder.inString(text);
  rules.forEach((rule, i) => {
    const { before, after } = shapes[i]!;
    const regex = new RegExp(rule.regex.source, rule.regex.flags);
    // Every position a match can start at, not only those a left-to-right search visits.
    for (let from = 0; from < text.length; ) {
      regex.lastIndex = from;
      const m = regex.exec(text);
      if (m === null) break;
      from = m.index + 1;
      const span = m.indices?.[1];
      if (span === undefined) continue;
      matches++;
      const end = m.index + m[0].length;
      const ok = candidates[i]!.some((c) => c.start <= span[0] && span[1] <= c.end && c.start - before <= m.index && end <= c.end + after);
      assert.ok(ok, `${where}: ${rule.id}: match ${JSON.stringify(m[0].slice(0, 80))} at ${m.index} is in no candidate`);
    }
  });
  return matches;
}

const findingsOf = (text: string, set: CompiledRule[], path = 'a.txt'): Finding[] => detect({ path, text }, set);

// --- generated edge cases ---

const keys = new Keys(13);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function run(n: number, random: () => number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64[Math.floor(random() * 64)];
  return s;
}

/** Texts made of pieces that sit on every edge a shape has: lengths min-1..max+1, escapes, multibyte text, names. */
function generated(seed: number, pieces = 40): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lengths = [19, 20, 21, 39, 40, 41, 59, 60, 61, 71, 72, 99, 100, 101];
  const parts: (() => string)[] = [
    () => run(pick(lengths), random),
    () => keys.keyId(pick(['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3TX'])),
    () => keys.keyId() + pick(['', 'A', 'a', '0']),
    () => keys.secret(),
    () => keys.sessionToken(pick([60, 88, 100, 101, 300])),
    () => `FwoGZXIvYXdz${run(pick([59, 60, 61, 100]), random)}`,
    () => pick(['%2F', '%2f', '%2B', '%252F', '%252b', '%3D', '%3d', '%253D', '%25', '%', '%4', '%41', '=', '==', '===']),
    () => pick(['é', '€', '😀', '\u2028', 'ÿ', '\u00a0']),
    () => pick([' ', '\n', '\r\n', '"', ':', ' = ', '\t', ',', '</', 'value', 'name', '-', '_', '.']),
    () => pick(['aws_secret_access_key = ', 'secret_key: ', 'token: ', 'aws_session_token=', 'X-Amz-Security-Token=', 'AWS context us-east-1 ', 'base64,']),
  ];
  let text = '';
  for (let i = 0; i < pieces; i++) text += pick(parts)();
  return text;
}

const GENERATED = Array.from({ length: 300 }, (_, i) => generated(i + 1));
const EDGES = [
  '', 'A', run(40, prng(1)), `${run(40, prng(2))}x`, `x${run(39, prng(3))}`, keys.keyId(), `é${keys.keyId()}é`,
  `%2F${run(39, prng(4))}`, `${run(39, prng(5))}%2F`, `%252F${run(59, prng(6))}`, `%3D${run(40, prng(7))}%3D%3D%3D`,
  `${run(16384, prng(8))}`, `${run(16385, prng(9))}`, `IQoJb3JpZ2luX2Vj${run(16368, prng(10))}`, `IQoJb3JpZ2luX2Vj${run(16369, prng(11))}`,
];

// --- tests ---

const candidates = suite('shape: candidates in bytes = in text = a plain regex tokenizer');

candidates('on every fixture', () => {
  assert.ok(fixtureTexts.length > 50, 'the fixtures are there');
  for (const { path, text } of fixtureTexts) assertSameCandidates(text, path);
});

candidates('on generated edge cases: lengths min-1..max+1, escapes, multibyte text, buffer edges', () => {
  for (const [i, text] of [...EDGES, ...GENERATED].entries()) assertSameCandidates(text, `case ${i}`);
});

candidates('a fixture file read as bytes gives the candidates of its decoded text', () => {
  const finder = new ShapeFinder(shapes.map((s) => s.token));
  let checked = 0;
  for (const { path, text, bytes } of fixtureTexts) {
    if (Buffer.from(text, 'utf8').equals(Buffer.from(bytes))) {
      assert.equal(finder.inBytes(bytes), finder.inBytes(Buffer.from(text, 'utf8')), path);
      checked++;
    }
  }
  assert.ok(checked > 50);
});

candidates('in ranges: the candidates inString gives that meet the ranges, none cut, reading only near them', () => {
  const finder = new ShapeFinder(shapes.map((s) => s.token));
  const random = prng(7);
  const texts = [...EDGES, ...GENERATED, ...fixtureTexts.slice(0, 40).map((f) => f.text)];
  let compared = 0;
  for (const [i, text] of texts.entries()) {
    const whole = finder.inString(text);
    for (let trial = 0; trial < 4; trial++) {
      const ranges: [number, number][] = [];
      for (let at = Math.floor(random() * 50); at < text.length; at += 1 + Math.floor(random() * 400)) {
        const end = Math.min(text.length, at + Math.floor(random() * 120));
        ranges.push([at, end]);
        at = end;
      }
      const meets = (c: Candidate): boolean => ranges.some(([a, b]) => c.start < Math.max(b, a + 1) && a < c.end);
      const got = finder.inRanges(text, ranges);
      whole.forEach((list, k) => {
        const want = list.filter(meets);
        const have = got[k]!.filter(meets);
        assert.equal(have, want, `case ${i}, trial ${trial}, shape ${k}`);
        for (const c of got[k]!) assert.ok(list.some((w) => w.start === c.start && w.end === c.end), `case ${i}: ${c.start}-${c.end} is a candidate of the whole text`);
        compared += want.length;
      });
    }
  }
  assert.ok(compared > 100, `${compared} candidates compared`);
});

candidates.run();

const sound = suite('shape: every match of every rule lies in a candidate (soundness)');

sound('rule examples and negative examples', () => {
  let matches = 0;
  for (const rule of rules) for (const ex of [...rule.examples, ...rule.negativeExamples]) matches += assertSound(ex, `${rule.id} example`);
  assert.ok(matches > 50, `${matches} matches checked`);
});

sound('fixtures and generated cases', () => {
  let matches = 0;
  for (const { path, text } of fixtureTexts) matches += assertSound(text, path);
  for (const [i, text] of [...EDGES, ...GENERATED].entries()) matches += assertSound(text, `case ${i}`);
  assert.ok(matches > 500, `${matches} matches checked`);
});

sound.run();

const exact = suite('shape: detection in windows = detection over the whole text');

exact('fixtures, rule examples, generated cases: the same findings with and without shapes', () => {
  const texts = [...fixtureTexts.map((f) => ({ path: f.path, text: f.text })), ...rules.flatMap((r) => [...r.examples, ...r.negativeExamples].map((text) => ({ path: 'example.txt', text })))];
  for (const [i, text] of [...EDGES, ...GENERATED].entries()) texts.push({ path: `case-${i}.txt`, text });
  let findings = 0;
  for (const { path, text } of texts) {
    const withShapes = findingsOf(text, rules, path);
    assert.equal(withShapes, findingsOf(text, shapeless, path), path);
    findings += withShapes.length;
  }
  assert.ok(findings > 200, `${findings} findings compared`);
});

exact('scanBytes (candidates found in the bytes, reused for ASCII text) = detect() without shapes on the decoded text', () => {
  const k = new Keys(9);
  const inputs: [string, Uint8Array][] = fixtureTexts.map((f) => [f.path, f.bytes]);
  // non-ASCII UTF-8 and bytes that are not UTF-8 (each one character: offsets still equal) around keys
  inputs.push(['multibyte.txt', Buffer.from(`é€ ${k.keyId()} 😀 ${k.secret()}\naws_secret_access_key=${k.secret()}`)]);
  inputs.push(['invalid.txt', Buffer.concat([Buffer.from([0xff, 0x80]), Buffer.from(` ${k.keyId()} ${k.secret()} `), Buffer.from([0xc3]), Buffer.from(`token ${k.keyId('ASIA')} ${k.sessionToken(200)}`)])]);
  let findings = 0;
  for (const [path, bytes] of inputs) {
    const outcome = scanBytes(path, bytes, rules);
    const decoded = decode(bytes);
    assert.ok(outcome.kind === 'scanned' && !decoded.binary, path);
    if (outcome.kind !== 'scanned' || decoded.binary) continue;
    assert.equal(outcome.findings, findingsOf(decoded.text, shapeless, path), path);
    findings += outcome.findings.length;
  }
  assert.ok(findings > 100, `${findings} findings compared`);
});

exact('many keys on one line, keys at the text edges, keyword only far away', () => {
  const k = new Keys(7);
  const pairs = Array.from({ length: 200 }, () => `${k.keyId()}:${k.secret()}`).join(' ');
  const cases = [
    pairs,
    `${k.keyId()} ${k.secret()}`,
    `aws_secret_access_key=${k.secret()}`,
    // the rule's keyword (secret) is in the text but not near the match: the gate still passes
    `secret\n${'x'.repeat(5000)}\nprovider aws\nsecret_key = ${k.secret()}`,
    // the evidence of a secret near a key ID is lines away, outside the secret's window
    `${k.keyId('ASIA')}\n\n\n\n${k.secret()}\n${k.sessionToken(400)}`,
  ];
  for (const text of cases) assert.equal(findingsOf(text, rules), findingsOf(text, shapeless));
});

exact('a custom rule whose lookahead reads further than its shape says: no match the whole text would not give', () => {
  // In the window, "bad" after the key is cut off and the negative lookahead passes; each match found
  // in a window is checked against the whole text, and the window is searched again whole.
  const shape = compileShape({ alphabet: 'upper-alphanumeric', min: 20, max: 20, before: 0, after: 0 }) as RuleShape;
  const custom: CompiledRule = { ...rules[0]!, id: 'custom', regex: /([A-Z0-9]{20})(?!.{0,3}bad)/dg, keywords: [], requires: undefined, allowRegexes: [], allowPrefixes: [], stopwords: [], entropy: undefined, shape };
  const good = keys.keyId();
  const text = `${keys.keyId()}--bad ${good}`;
  const found = findingsOf(text, [custom]);
  assert.equal(found, findingsOf(text, [{ ...custom, shape: undefined }]));
  assert.equal(found.map((f) => f.value), [good]);
});

exact.run();

const gate = suite('shape: a file without candidates is not decoded');

gate('a UTF-8 file with words that gate every rule but no candidate: no decoding, no findings', () => {
  const before = { ...contentCounts };
  // (no trigger word of the decoding stage either: `secret`, `AKIA`, `ASIA` as written would be one)
  const text = 'aws token session security private akia asia: none here\n'.repeat(1000) + 'é';
  const outcome = scanBytes('a.txt', Buffer.from(text), rules);
  assert.equal(outcome, { kind: 'scanned', bytes: Buffer.byteLength(text), findings: [] });
  assert.is(contentCounts.decoded, before.decoded);
  assert.is(contentCounts.withoutCandidates, before.withoutCandidates + 1);
});

gate('UTF-8 with multibyte characters: candidates found in its text, at the text\'s columns', () => {
  const key = keys.keyId();
  const before = { ...contentCounts };
  const text = `# ключи — 鍵 🔑\nid = ${key} # é\n`;
  const outcome = scanBytes('a.txt', Buffer.from(text), rules);
  assert.is(outcome.kind, 'scanned');
  const findings = outcome.kind === 'scanned' ? outcome.findings : [];
  assert.equal(findings.map((f) => [f.value, f.line, f.column]), [[key, 2, 6]]);
  assert.is(contentCounts.decoded, before.decoded + 1);
});

gate('a file with a candidate, a UTF-16 file, a binary and a custom rule without shape are decoded', () => {
  const key = keys.keyId();
  const cases: [Uint8Array, CompiledRule[]][] = [
    [Buffer.from(`id = ${key}`), rules],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`id = ${key}`, 'utf16le')]), rules],
    [Buffer.from([0, 1, 2, 3, 0, 0]), rules],
    [Buffer.from('nothing shaped here'), [...rules, shapeless[0]!]],
  ];
  for (const [bytes, set] of cases) {
    const before = contentCounts.decoded;
    scanBytes('a.bin', bytes, set);
    assert.is(contentCounts.decoded, before + 1);
  }
  const utf16 = scanBytes('a.txt', cases[1]![0], rules);
  assert.ok(utf16.kind === 'scanned' && utf16.findings.length === 1 && utf16.findings[0]!.value === key);
});

gate('streamed in small windows (chunk edges): the same findings with and without shapes', async () => {
  // Not compared with the whole text: evidence further than the overlap is the stream's own limit.
  const root = makeTree({});
  let found = 0;
  try {
    for (const [i, text] of GENERATED.slice(0, 40).entries()) {
      const abs = join(root, `g${i}.txt`);
      writeFileSync(abs, text);
      const streamed = await scanFileStreaming('g.txt', abs, rules, { chunkBytes: 300, overlapBytes: 256 });
      const before = await scanFileStreaming('g.txt', abs, shapeless, { chunkBytes: 300, overlapBytes: 256 });
      assert.equal(streamed.findings, before.findings, `case ${i}`);
      found += streamed.findings.length;
    }
  } finally {
    removeTree(root);
  }
  assert.ok(found > 20, `${found} findings compared`);
});

gate.run();

const data = suite('shape: rule data');

data('every built-in rule has a shape', () => {
  for (const rule of rules) assert.ok(rule.shape !== undefined, rule.id);
});

data('a bad shape is one line naming the rule', () => {
  const bad: [string, RegExp, string?][] = [
    ['{ alphabet: base65, min: 40, before: 0, after: 0 }', /rule my-rule shape: alphabet "base65" is neither/],
    ['{ alphabet: base64, min: 0, before: 0, after: 0 }', /rule my-rule shape: min must be/],
    ['{ alphabet: base64, min: 40, before: 0 }', /rule my-rule shape: after is required/],
    ['{ alphabet: upper-alphanumeric, min: 20, prefixes: [akia], before: 0, after: 0 }', /rule my-rule shape: prefix "akia" has "a"/],
    ['{ alphabet: "[z-a]", min: 20, before: 0, after: 0 }', /rule my-rule shape: alphabet range z-a is out of order/],
    // the example's match starts 9 characters before its token: a shape that says 2 misses it
    ['{ alphabet: upper-alphanumeric, min: 20, max: 20, before: 2, after: 0 }', /rule my-rule shape: the match "my_token=/],
    // the lookbehind reads 9 characters before the token: a window of 3 does not show it
    ['{ alphabet: upper-alphanumeric, min: 20, max: 20, before: 3, after: 0 }', /rule my-rule shape: the match "A.*" in example .* is not found in the window/, '(?<=my_token=)([A-Z0-9]{20})'],
  ];
  const root = makeTree({});
  try {
    for (const [shape, expected, regex = 'my_token=([A-Z0-9]{20})'] of bad) {
      const file = join(root, 'rules.yml');
      writeFileSync(file, `rules:\n  - id: my-rule\n    title: t\n    description: d\n    severity: high\n    regex: '${regex}'\n    shape: ${shape}\n    examples: ['my_token=${keys.keyId()}']\n    negativeExamples: ['x']\n    remediation: r\n    references: []\n`);
      const result = loadRuleFiles([file], () => 'rules.yml');
      assert.ok(!result.ok, shape);
      if (result.ok) continue;
      const lines = result.problems.map(formatProblem);
      assert.is(lines.length, 1, lines.join('\n'));
      assert.match(lines[0]!, expected);
    }
  } finally {
    removeTree(root);
  }
});

data('a named alphabet and the same class are the same shape', () => {
  const a = compileShape({ alphabet: 'base64', min: 40, before: 1, after: 1 }) as RuleShape;
  const b = compileShape({ alphabet: '[A-Za-z0-9+/]', min: 40, before: 1, after: 1 }) as RuleShape;
  const c = compileShape({ alphabet: '[+/0-9A-Za-z\\-]', min: 40, before: 1, after: 1 }) as RuleShape;
  assert.is(a.token.key, b.token.key);
  assert.is.not(a.token.key, c.token.key);
  assert.is(c.token.alphabet['-'.charCodeAt(0)], 1);
});

data.run();
