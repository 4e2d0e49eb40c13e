// The third blind corpus, bench/holdout4 (issue 14's classes): its generator is deterministic, refuses
// to overwrite a folder that is not a corpus, and every label points at a line that really holds the
// value, an encoding of it that starts there, or its first piece. The decoders below are this test's
// own, independent of the generator's bookkeeping. keyhound is not run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Label { path: string; line: number; kind: string; value: string; class: string; form: string }
interface Built { files: { path: string; text: string }[]; labels: Label[]; negatives: { path: string; class: string }[] }
interface Generator { build(seed: number): Built; write(built: Built, out: string): void }

// dist/test/holdout4-corpus.test.js -> the repository's top folder
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function generator(): Promise<Generator> {
  return (await import(pathToFileURL(path.join(repo, 'bench', 'holdout4', 'generate.mjs')).href)) as Generator;
}

const linesOf = (text: string): string[] => text.split('\n').map((l) => l.replace(/\r$/, ''));

/**
 * The line decoded whole, one way at a time: JSON string escapes (\/, \uXXXX in either case), HTML
 * character references (decimal, hex in either case, the few named ones), URL-encoding (%XX).
 */
function lineDecodings(line: string): string[] {
  const named: Record<string, string> = { plus: '+', sol: '/', equals: '=', amp: '&', quot: '"', lt: '<', gt: '>' };
  return [
    line.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replaceAll('\\/', '/'),
    line.replace(/&#(\d+);|&#[xX]([0-9a-fA-F]+);|&([a-z]+);/g, (m, d?: string, h?: string, n?: string) => (d ? String.fromCharCode(Number(d)) : h ? String.fromCharCode(parseInt(h, 16)) : named[n ?? ''] ?? m)),
    line.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  ];
}

const B64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Is there base64 on line `at` (0-based) which, decoded as one block with the wrapped lines around it,
 * holds the value, with the character that carries the value's first bit on that line?
 */
function base64Holds(lines: string[], at: number, value: string): boolean {
  for (const m of lines[at].matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) {
    const trimmed = lines[at].trim();
    let start = at;
    // A run that is the whole line may continue a block started on the lines above.
    if (trimmed === m[0]) while (start > 0 && B64_LINE.test(lines[start - 1].trim()) && lines[start - 1].trim().length >= m[0].length) start--;
    const parts: { line: number; text: string }[] = [];
    for (let k = start; k < at; k++) parts.push({ line: k, text: lines[k].trim() });
    parts.push({ line: at, text: m[0] });
    if (lines[at].trimEnd().endsWith(m[0]) || lines[at].trimEnd().endsWith(`${m[0]}"`)) {
      for (let k = at + 1; k < lines.length && B64_LINE.test(lines[k].trim()); k++) parts.push({ line: k, text: lines[k].trim() });
    }
    const all = parts.map((p) => p.text).join('');
    const owner: number[] = [];
    for (const p of parts) for (let c = 0; c < p.text.length; c++) owner.push(p.line);
    const bytes = Buffer.from(all.slice(0, all.length - (all.length % 4)), 'base64');
    let p = bytes.indexOf(Buffer.from(value));
    while (p >= 0) {
      if (owner[Math.floor((p * 8) / 6)] === at) return true;
      p = bytes.indexOf(Buffer.from(value), p + 1);
    }
  }
  return false;
}

/** Quoted-printable: the value starts in the decoded text of line `at`, soft breaks undone after it. */
function qpHolds(lines: string[], at: number, value: string): boolean {
  const dec = (s: string) => s.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const own = lines[at].endsWith('=') ? lines[at].slice(0, -1) : lines[at];
  let chain = own;
  for (let k = at; lines[k].endsWith('=') && k + 1 < lines.length; k++) chain += lines[k + 1].endsWith('=') ? lines[k + 1].slice(0, -1) : lines[k + 1];
  const text = dec(chain);
  const p = text.indexOf(value);
  return p >= 0 && p < dec(own).length;
}

/**
 * Split: string literals from line `at` on (and Ruby %w[] / Perl qw() words), joined in order from one
 * that starts on that line.
 */
function piecesHold(lines: string[], at: number, value: string): boolean {
  const lit = /"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|%w\[([^\]]*)\]|\bqw\(([^)]*)\)/g;
  const found: { line: number; text: string }[] = [];
  for (let k = at; k < Math.min(lines.length, at + 8); k++) {
    for (const m of lines[k].matchAll(lit)) {
      const words = m[4] ?? m[5];
      if (words !== undefined) for (const w of words.split(/\s+/).filter(Boolean)) found.push({ line: k, text: w });
      else found.push({ line: k, text: m[1] ?? m[2] ?? m[3] ?? '' });
    }
  }
  for (let s = 0; s < found.length && found[s].line === at; s++) {
    let acc = '';
    for (let e = s; e < found.length && acc.length < value.length; e++) acc += found[e].text;
    if (acc === value && found[s].text.length > 0 && found[s].text.length < value.length) return true;
  }
  // Shell: a word continued on the next line with backslash-newline.
  if (lines[at].endsWith('\\') && at + 1 < lines.length) {
    const joined = lines[at].slice(0, -1) + lines[at + 1];
    if (joined.includes(value)) return true;
  }
  return false;
}

/** Why a label does not hold, or null when it does. */
function check(lines: string[], l: Label): string | null {
  const at = l.line - 1;
  const line = lines[at];
  if (line === undefined) return 'no such line';
  const literal = line.includes(value(l));
  if (l.class === 'plain' || l.class === 'name-apart') return literal ? null : 'value not on the line';
  if (l.class === 'split') {
    if (literal) return 'split value written whole';
    return piecesHold(lines, at, l.value) ? null : 'pieces do not rebuild the value from this line';
  }
  if (literal) return /glued to =3D/.test(l.form) && line.includes(`=3D${l.value}`) ? null : 'encoded value written plainly';
  if (lineDecodings(line).some((t) => t.includes(l.value))) return null;
  if (base64Holds(lines, at, l.value)) return null;
  if (qpHolds(lines, at, l.value)) return null;
  return 'no encoding of the value starts on the line';
}
const value = (l: Label) => l.value;

const SHAPES: Record<string, RegExp> = {
  'access-key-id': /^(AKIA|ASIA)[A-Z2-7]{16}$/,
  'secret-access-key': /^[A-Za-z0-9+/]{40}$/,
  'session-token': /^(IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9+/]+={0,2}$/,
};

test('the generator is deterministic, and another seed gives another corpus', async () => {
  const g = await generator();
  const a = g.build(1);
  const b = g.build(1);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const c = g.build(2);
  assert.not.equal(JSON.stringify(a.labels.map((l) => l.value)), JSON.stringify(c.labels.map((l) => l.value)));
});

test('two runs write the same bytes', async () => {
  const g = await generator();
  const top = mkdtempSync(path.join(tmpdir(), 'keyhound holdout4 '));
  try {
    const one = path.join(top, 'one');
    const two = path.join(top, 'two');
    g.write(g.build(1), one);
    g.write(g.build(1), two);
    const walk = (dir: string, rel = ''): string[] => readdirSync(path.join(dir, rel)).flatMap((e) => {
      const r = rel ? `${rel}/${e}` : e;
      return statSync(path.join(dir, r)).isDirectory() ? walk(dir, r) : [r];
    });
    const files = walk(one).sort();
    assert.equal(files, walk(two).sort());
    assert.ok(files.includes('labels.json') && files.includes('negatives.json'));
    for (const f of files) assert.ok(readFileSync(path.join(one, f)).equals(readFileSync(path.join(two, f))), `${f} differs between runs`);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});

test('every class and hard-negative class is there, with values of the right shape', async () => {
  const { labels, negatives, files } = (await generator()).build(1);
  assert.ok(files.length >= 130 && files.length <= 180, `${files.length} files`);
  assert.ok(labels.length >= 220 && labels.length <= 320, `${labels.length} labels`);
  for (const c of ['encoded', 'split', 'name-apart', 'plain']) {
    const n = labels.filter((l) => l.class === c).length;
    assert.ok(n >= 45, `class ${c}: ${n} labels`);
  }
  const negClasses = new Set(negatives.map((n) => n.class));
  assert.is(negClasses.size, 6, [...negClasses].join(', '));
  for (const c of negClasses) assert.ok(negatives.filter((n) => n.class === c).length >= 3, `${c}: fewer than 3 files`);
  for (const l of labels) {
    assert.ok(SHAPES[l.kind]?.test(l.value), `${l.path}:${l.line} ${l.kind} has the wrong shape`);
    if (l.kind === 'session-token') assert.ok(l.value.length >= 300 && l.value.length <= 700, `${l.path}:${l.line} token length ${l.value.length}`);
  }
  const secrets = labels.filter((l) => l.kind === 'secret-access-key');
  assert.ok(secrets.filter((l) => /[+/]/.test(l.value)).length > secrets.length / 2, 'most secrets hold + or /');
  // A hard-negative file holds no label but, where its class needs one, the literal key ID beside the look-alike.
  const negPaths = new Set(negatives.map((n) => n.path));
  for (const l of labels.filter((x) => negPaths.has(x.path))) assert.ok(l.kind === 'access-key-id' && l.class === 'plain', `${l.path}:${l.line}`);
});

test('each label line holds the value, an encoding of it that starts there, or its first piece', async () => {
  const { files, labels } = (await generator()).build(1);
  const text = new Map(files.map((f) => [f.path, linesOf(f.text)]));
  const bad = labels.map((l) => ({ l, why: check(text.get(l.path) ?? [], l) })).filter((x) => x.why);
  assert.equal(bad.map((x) => `${x.l.path}:${x.l.line} ${x.l.kind} (${x.l.form}): ${x.why}`), []);
});

test('the line check can fail: labels moved one line down are mostly rejected', async () => {
  const { files, labels } = (await generator()).build(1);
  const text = new Map(files.map((f) => [f.path, linesOf(f.text)]));
  const held = labels.filter((l) => check(text.get(l.path) ?? [], { ...l, line: l.line + 1 }) === null).length;
  assert.ok(held < labels.length * 0.1, `${held} of ${labels.length} moved labels still hold`);
});

test('values are synthetic and distinct; no AWS documentation key and no placeholder is labelled', async () => {
  const { labels, files, negatives } = (await generator()).build(1);
  const byValue = new Map<string, Set<string>>();
  for (const l of labels) byValue.set(l.value, (byValue.get(l.value) ?? new Set()).add(l.path));
  for (const [v, paths] of byValue) assert.is(paths.size, 1, `${v.slice(0, 8)}… labelled in ${[...paths].join(', ')}`);
  for (const l of labels) {
    assert.not.ok(/EXAMPLE/.test(l.value) || l.value.startsWith('wJalrXUtnFEMI'), `${l.path}:${l.line} looks like the documentation key`);
    assert.not.ok(/(YOUR|HERE|REPLACE|CHANGEME|PLACEHOLDER|DUMMY)/i.test(l.value.slice(4, 20)), `${l.path}:${l.line} looks like a placeholder`);
  }
  // In the placeholder files, every ID-shaped word is a word placeholder, and none is labelled.
  const text = new Map(files.map((f) => [f.path, f.text]));
  for (const n of negatives.filter((x) => x.class === 'neg-placeholder-words')) {
    const ids = (text.get(n.path) ?? '').match(/\b(AKIA|ASIA)[A-Z2-7]{16}\b/g) ?? [];
    assert.ok(ids.length >= 1, `${n.path}: no ID-shaped placeholder`);
    for (const id of ids) assert.ok(/(YOUR|HERE|REPLACE|CHANGEME|TEMP)/.test(id), `${n.path}: ${id} is not a word placeholder`);
    assert.not.ok(labels.some((l) => l.path === n.path), `${n.path} has a label`);
  }
});

test('write refuses a non-empty folder without labels.json, and writes what build made', async () => {
  const g = await generator();
  const top = mkdtempSync(path.join(tmpdir(), 'keyhound holdout4 '));
  try {
    const foreign = path.join(top, 'foreign');
    const out = path.join(top, 'out');
    g.write(g.build(3), foreign);
    rmSync(path.join(foreign, 'labels.json'));
    writeFileSync(path.join(foreign, 'keep.txt'), 'not a corpus\n');
    assert.throws(() => g.write(g.build(1), foreign), /refusing to overwrite/);
    assert.is(readFileSync(path.join(foreign, 'keep.txt'), 'utf8'), 'not a corpus\n');
    const built = g.build(1);
    g.write(built, out);
    g.write(built, out); // a folder with labels.json is rewritten
    assert.equal(JSON.parse(readFileSync(path.join(out, 'labels.json'), 'utf8')), built.labels);
    assert.equal(JSON.parse(readFileSync(path.join(out, 'negatives.json'), 'utf8')), built.negatives);
    for (const f of built.files) assert.is(readFileSync(path.join(out, ...f.path.split('/')), 'utf8'), f.text);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});

test.run();
