// The decoding corpus (bench/decoding, issue 14) is deterministic and its labels are right: each
// label's line really holds the value, an encoding of it, or its first piece. The checks decode the
// written files with decoders of their own (not the generator's encoders, not keyhound's), so a
// label pointing one line off, or at a value that is not there, fails. Nothing here runs keyhound.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR = fileURLToPath(new URL('../../bench/decoding/generate.mjs', import.meta.url));

interface Label {
  path: string;
  line: number;
  kind: string;
  value: string;
  class: string;
  form: string;
}
interface Negative {
  path: string;
  class: string;
}

function generate(out: string, seed = '1'): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [GENERATOR, '--seed', seed, '--out', out, '--quiet'], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

/** Every file under `root`, relative path (POSIX) -> bytes. */
function readTree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out.set(relative(root, abs).split(sep).join('/'), readFileSync(abs));
    }
  };
  walk(root);
  return out;
}

// ---- decoders, one per `form` -------------------------------------------------------------------

/** Base64 runs of a window, a wrapped blob's lines joined, each decoded. */
function decodeBase64(lines: string[]): string {
  const runs: string[] = [];
  let blob = '';
  for (const ln of lines) {
    const t = ln.trim();
    if (t.length >= 4 && /^[A-Za-z0-9+/]+={0,2}$/.test(t)) {
      blob += t;
      continue;
    }
    if (blob) runs.push(blob);
    blob = '';
    for (const m of ln.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) runs.push(m[0]);
  }
  if (blob) runs.push(blob);
  return runs.map((r) => Buffer.from(r, 'base64').toString('latin1')).join('\n');
}

const repeat = (s: string, n: number, f: (x: string) => string): string => {
  for (let i = 0; i < n; i++) s = f(s);
  return s;
};
const ESC: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const decodeJson = (s: string): string =>
  repeat(s, 3, (x) => x.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESC[e] ?? e)));
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeHtml = (s: string): string =>
  repeat(s, 2, (x) =>
    x.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) =>
      e.startsWith('#x') ? String.fromCharCode(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITY[e] ?? m,
    ),
  );
const decodeQuotedPrintable = (s: string): string => s.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const decodeUrl = (s: string): string => repeat(s, 2, (x) => x.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
/** The string literals of a window, concatenated: "a" + "b", "a" "b", [ 'a', 'b' ].join(''). */
const concatLiterals = (s: string): string =>
  [...s.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').join('');
const joinContinuations = (s: string): string => s.replace(/\\\n/g, '');

const DECODERS: Record<string, (lines: string[]) => string> = {
  base64: decodeBase64,
  'base64-file': decodeBase64,
  'base64-wrapped': decodeBase64,
  'json-escape': (l) => decodeJson(l.join('\n')),
  'html-entity': (l) => decodeHtml(l.join('\n')),
  'quoted-printable': (l) => decodeQuotedPrintable(l.join('\n')),
  url: (l) => decodeUrl(l.join('\n')),
  concat: (l) => concatLiterals(l.join('\n')),
  'concat-lines': (l) => concatLiterals(l.join('\n')),
  'implicit-concat': (l) => concatLiterals(l.join('\n')),
  join: (l) => concatLiterals(l.join('\n')),
  'join-call': (l) => concatLiterals(l.join('\n')),
  continuation: (l) => joinContinuations(l.join('\n')),
};
/** Forms whose value is written as is, on its line. */
const AS_IS = new Set(['plain', 'name-above', 'name-below', 'generic-name']);
const FORMS: Record<string, string[]> = {
  encoded: ['base64', 'base64-file', 'base64-wrapped', 'json-escape', 'html-entity', 'quoted-printable', 'url'],
  split: ['concat', 'concat-lines', 'implicit-concat', 'join', 'join-call', 'continuation'],
  'name-apart': ['name-above', 'name-below', 'generic-name'],
  plain: ['plain'],
};
const NEGATIVE_CLASSES = ['framework-secret', 'base64-blob', 'debug-log-ids', 'arn-name', 'other-cloud', 'placeholder-words'];
const WINDOW = 60;

/** Why `label` does not hold in `text`, or undefined when it does. */
function checkLabel(label: Label, text: string): string | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const i = label.line - 1;
  if (!Number.isInteger(label.line) || i < 0 || i >= lines.length) return `line ${label.line} is outside the file (${lines.length} lines)`;
  if (AS_IS.has(label.form)) return lines[i].includes(label.value) ? undefined : 'the value is not on its line';
  const decode = DECODERS[label.form];
  if (!decode) return `unknown form ${label.form}`;
  if (text.includes(label.value)) return 'the value is also written as is (it should be findable only by decoding)';
  if (!decode(lines.slice(i, i + WINDOW)).includes(label.value)) return 'decoding from its line does not give the value';
  if (decode(lines.slice(i + 1, i + 1 + WINDOW)).includes(label.value)) return 'decoding from the next line still gives the value (the label is too early)';
  return undefined;
}

const corpus = suite('bench/decoding corpus');
let dir = '';
let out = '';
corpus.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyhound-decoding-'));
  out = join(dir, 'seed1');
  const r = generate(out);
  if (r.code !== 0) throw new Error(`generate failed (${r.code}): ${r.stderr}`);
});
corpus.after(() => rmSync(dir, { recursive: true, force: true }));

corpus('the same seed writes the same bytes; another seed writes other ones', () => {
  const again = join(dir, 'again');
  assert.is(generate(again).code, 0);
  const a = readTree(out);
  const b = readTree(again);
  assert.equal([...a.keys()].sort(), [...b.keys()].sort());
  for (const [p, bytes] of a) assert.ok(bytes.equals(b.get(p) as Buffer), `${p} differs between two runs of seed 1`);
  const other = join(dir, 'seed2');
  assert.is(generate(other, '2').code, 0);
  assert.not.ok(readFileSync(join(other, 'labels.json')).equals(readFileSync(join(out, 'labels.json'))), 'seed 2 gave the labels of seed 1');
});

corpus('it refuses to write over a folder that holds no labels.json', () => {
  const mine = join(dir, 'mine');
  mkdirSync(mine);
  writeFileSync(join(mine, 'notes.txt'), 'keep me');
  const r = generate(mine);
  assert.is(r.code, 2);
  assert.match(r.stderr, /refusing to overwrite/);
  assert.is(readFileSync(join(mine, 'notes.txt'), 'utf8'), 'keep me');
});

corpus("every label's line holds the value, an encoding of it, or its first piece", () => {
  const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as Label[];
  assert.ok(labels.length > 200, `only ${labels.length} labels`);
  const problems: string[] = [];
  for (const l of labels) {
    const file = join(out, ...l.path.split('/'));
    if (!existsSync(file)) {
      problems.push(`${l.path}: no such file`);
      continue;
    }
    if (!(FORMS[l.class] ?? []).includes(l.form)) problems.push(`${l.path}:${l.line}: form ${l.form} is not one of class ${l.class}`);
    const why = checkLabel(l, readFileSync(file, 'latin1'));
    if (why) problems.push(`${l.path}:${l.line} ${l.kind} (${l.class}/${l.form}): ${why}`);
  }
  assert.equal(problems, []);
});

corpus('the checks above can fail: a label moved one line, or naming another value, is caught', () => {
  const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as Label[];
  for (const form of Object.keys(DECODERS)) {
    const l = labels.find((x) => x.form === form) as Label;
    const text = readFileSync(join(out, ...l.path.split('/')), 'latin1');
    assert.is(checkLabel(l, text), undefined);
    assert.ok(checkLabel({ ...l, line: l.line + 1 }, text), `${form}: a label one line late passed`);
    if (l.line > 1) assert.ok(checkLabel({ ...l, line: l.line - 1 }, text), `${form}: a label one line early passed`);
    assert.ok(checkLabel({ ...l, value: l.value.slice(0, -1) + (l.value.endsWith('A') ? 'B' : 'A') }, text), `${form}: a wrong value passed`);
  }
});

corpus('every class of issue 14 is there, in several files; negatives are listed and hold no hidden key', () => {
  const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as Label[];
  const negatives = JSON.parse(readFileSync(join(out, 'negatives.json'), 'utf8')) as Negative[];
  const filesOf = (pred: (l: Label) => boolean): Set<string> => new Set(labels.filter(pred).map((l) => l.path));
  for (const [cls, forms] of Object.entries(FORMS)) {
    for (const form of forms) assert.ok(filesOf((l) => l.class === cls && l.form === form).size >= 3, `${cls}/${form} is in fewer than 3 files`);
  }
  for (const cls of NEGATIVE_CLASSES) assert.ok(negatives.filter((n) => n.class === cls).length >= 3, `negative class ${cls} has fewer than 3 files`);
  const negPaths = new Set(negatives.map((n) => n.path));
  for (const n of negatives) assert.ok(existsSync(join(out, ...n.path.split('/'))), `${n.path} is listed but missing`);
  for (const l of labels) if (negPaths.has(l.path)) assert.is(l.class, 'plain', `${l.path}: a negative file holds a ${l.class} label`);
  for (const kind of ['access-key-id', 'secret-access-key', 'session-token']) assert.ok(labels.some((l) => l.kind === kind && l.class !== 'plain'), `no hidden ${kind}`);
});

corpus.run();
