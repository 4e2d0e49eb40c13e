// Each decoder's marker (src/decode/index.ts) is a cheap test run before the decoder reads a region:
// it may say yes for nothing, but it must never say no where its decoder's edits would let a rule find
// a key, or a hidden key is silently not decoded. Random texts made of the pieces the decoders undo
// check that: every finding of the view made without markers is found in the view made with them.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DECODERS } from '../src/decode/index.js';
import { decodedView } from '../src/decode/stage.js';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { Keys } from './helpers/keys.js';
import { LIST_JOIN } from '../src/decode/split/markers.js';

const keys = new Keys(4242);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** Pieces of what the decoders undo, and of what stands around it. */
function pieces(): string[] {
  const secret = keys.secret();
  const id = keys.keyId();
  return [
    secret.slice(0, 13), secret.slice(13, 27), secret.slice(27), id.slice(0, 4), id.slice(4), 'abc/', '/xyz', '+Q9',
    '\\/', '\\u002B', '\\u002b', '\\\\/', '\\x2F', '\\u003D', '&#43;', '&#x2F;', '&amp;', '&#61;', '%2F', '%2B', '%252F', '%3D',
    '=3D', '=2B', '=\n', '\\\n', '"', "'", '`', ' + ', ' . ', '.', ', ', '\n', '  ', '=', ': ',
    'secret = ', 'aws_secret_access_key: ', 'AWS_SECRET_ACCESS_KEY=', '- name: AWS_SECRET_ACCESS_KEY\n  value: ',
    '"ParameterValue": "', '"ParameterKey": "AwsSecretAccessKey"', b64(`aws_access_key_id = ${id}\n`), b64(`secret=${secret}`),
    '"".join([', '].join(\'\')', '.concat(', 'String.join("", ', 'string.Concat(', 'strings.Join([]string{', '}, "")', 'join("", [', '(', ')', '[', ']', 'Content-Transfer-Encoding: quoted-printable\n', 'K=', '\nK+=', '""', '"\'', 'x ', '%w[', '].join', 'new StringBuilder().append(', '").append("', ');\nsb.append(', "implode('', [", 'array(',
  ];
}

const markers = suite('decoder markers');

markers('no marker keeps a decoder from a key: every finding of the view made without markers is in the view made with them', () => {
  const loaded = loadBuiltinRules();
  assert.ok(loaded.ok);
  const rules = loaded.ok ? loaded.rules : [];
  const unmarked = DECODERS.map(({ marker: _marker, ...d }) => d);
  const values = (text: string): string[] => detect({ path: 'x.txt', text }, rules, { decodeDepth: 0 }).map((f) => `${f.ruleId}:${f.value}`);
  const random = keys.random;
  let decodedFindings = 0;
  for (let trial = 0; trial < 1500; trial++) {
    const parts = pieces();
    let text = '';
    const n = 4 + Math.floor(random() * 24);
    for (let i = 0; i < n; i++) text += parts[Math.floor(random() * parts.length)];
    const without = decodedView(text, unmarked)?.text ?? text;
    const expected = values(without);
    const plain = new Set(values(text));
    if (expected.some((v) => !plain.has(v))) decodedFindings++;
    // (Markers may find more: a decoder kept out of a region cannot spoil what another decodes there.)
    const got = new Set(values(decodedView(text, DECODERS)?.text ?? text));
    for (const v of expected) assert.ok(got.has(v), `markers lose ${v} in ${JSON.stringify(text)}`);
  }
  // Worth something only where decoding changed the findings: in many of the texts.
  assert.ok(decodedFindings >= 60, `decoding changed the findings of only ${decodedFindings} texts`);
});

markers('the list-join call test matches where its two-start form does ([.!:-/]WORD\\b or \\bWORD then a bracket or quote)', () => {
  const word = '(?:[jJ]oin(?:ed|ToString)?|[cC]oncat|implode|mkString|paste0?|Sprintf|format)';
  const reference = new RegExp(`[.!:\\-/]${word}\\b|\\b${word}!?\\s*[(\\[{"'\`@:]`);
  const parts = ['.', '!', ':', '-', '/', 'join', 'Join', 'joined', 'joinToString', 'concat', 'Concat', 'implode', 'mkString', 'paste', 'paste0', 'Sprintf', 'format', 'x', '_', '0', ' ', '\n', '(', '[', '{', '"', "'", '`', '@', ',', 'é'];
  const random = keys.random;
  let matched = 0;
  for (let trial = 0; trial < 20_000; trial++) {
    let text = '';
    for (let n = 1 + Math.floor(random() * 6); n > 0; n--) text += parts[Math.floor(random() * parts.length)];
    const expected = reference.test(text);
    assert.is(LIST_JOIN.test(text), expected, JSON.stringify(text));
    if (expected) matched++;
  }
  assert.ok(matched > 2000 && matched < 18_000, `matched ${matched}`);
});

markers('each decoder is loaded on demand as the one its entry names, with the look around its module gives it', () => {
  assert.equal(DECODERS.map((d) => d.name), ['quoted-printable', 'html-entity', 'json-escape', 'url', 'continuation', 'concatenation', 'base64', 'structure']);
  for (const entry of DECODERS) {
    const decoder = entry.load();
    assert.is(decoder.name, entry.name);
    assert.not.ok(decoder.marker, `${entry.name}: the marker is the entry's, not its module's`);
    // a look around its module sets is the entry's too (the stage reads the entry's, before loading)
    if (decoder.lookAround !== undefined) assert.is(entry.lookAround, decoder.lookAround, entry.name);
  }
});

markers.run();
