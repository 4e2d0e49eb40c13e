// The blind corpus of bench/holdout2 (issue 14's classes): its generator is deterministic, and every
// label points at a line that really holds the value, an encoding of it starting there, or its first
// piece. The checks below decode independently of the generator's own bookkeeping. keyhound is not run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Label { path: string; line: number; kind: string; value: string; class: string; form: string }
interface Built { files: { path: string; text: string }[]; labels: Label[]; negatives: { path: string; class: string }[] }
interface Generator { build(seed: number): Built; write(built: Built, out: string): void }

// dist/test/holdout2-corpus.test.js -> the repository's top folder
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function generator(): Promise<Generator> {
  return (await import(pathToFileURL(path.join(repo, 'bench', 'holdout2', 'generate.mjs')).href)) as Generator;
}

const b64 = (bytes: Buffer): string => bytes.toString('base64');

/**
 * The base64 characters that encode `value` whatever the characters before it: for each of the three
 * alignments, the characters made only of the value's bits, and whether the value's first bit sits one
 * character earlier (in a character shared with the byte before).
 */
function base64Cores(value: string): { core: string; lead: number }[] {
  const out = [];
  for (let s = 0; s < 3; s++) {
    const enc = b64(Buffer.concat([Buffer.alloc(s, 0x41), Buffer.from(value)]));
    out.push({ core: enc.slice(Math.ceil((8 * s) / 6), Math.floor((8 * (s + value.length)) / 6)), lead: s === 0 ? 0 : 1 });
  }
  return out;
}

/** The encodings written whole on one line: JSON escapes, HTML entities in four styles, URL-encoding. */
function lineEncodings(value: string): string[] {
  const html = (t: Record<string, string>) => value.replace(/[+/=]/g, (c) => t[c] ?? c);
  return [
    value.replaceAll('/', '\\/'),
    value.replaceAll('+', '\\u002B'),
    html({ '+': '&#43;', '/': '&#47;', '=': '&#61;' }),
    html({ '+': '&#x2B;', '/': '&#x2F;', '=': '&#x3D;' }),
    html({ '+': '&#43;', '/': '&#x2F;', '=': '&#x3D;' }),
    html({ '+': '&plus;', '/': '&sol;', '=': '&equals;' }),
    encodeURIComponent(value),
  ];
}

/** Does base64 starting on `line` (one line, or wrapped over the next ones) encode the value from there? */
function base64Holds(lines: string[], at: number, value: string): boolean {
  const first = lines[at];
  for (const m of first.matchAll(/[A-Za-z0-9+/]{8,}={0,2}/g)) {
    let run = m[0];
    const own = run.length;
    if (m.index + run.length === first.trimEnd().length) {
      for (let k = at + 1; k < lines.length && /^[A-Za-z0-9+/]+={0,2}$/.test(lines[k].trim()); k++) run += lines[k].trim();
    }
    for (const { core, lead } of base64Cores(value)) {
      const j = run.indexOf(core);
      if (j >= 0 && j - lead < own) return true;
    }
  }
  return false;
}

/** Quoted-printable: the value starts on this line once soft line breaks ('=' at the end) are undone. */
function quotedPrintableHolds(lines: string[], at: number, value: string): boolean {
  const own = lines[at].endsWith('=') ? lines[at].length - 1 : lines[at].length;
  const joined = lines.slice(at, at + 4).join('\n').replace(/=\n/g, '');
  const j = joined.indexOf(value);
  return j >= 0 && j < own;
}

/**
 * A split value: this line holds a prefix of it (4 characters or more), and the rest follows in pieces
 * of 3 characters or more, in order, within the next lines (longest piece first).
 */
function splitHolds(lines: string[], at: number, value: string): boolean {
  let n = value.length - 1;
  while (n >= 4 && !lines[at].includes(value.slice(0, n))) n--;
  if (n < 4) return false;
  const text = lines.slice(at, at + 12).join('\n');
  let pos = text.indexOf(value.slice(0, n)) + n;
  let rest = value.slice(n);
  for (let pieces = 0; rest && pieces < 12; pieces++) {
    let k = rest.length;
    while (k >= 3 && text.indexOf(rest.slice(0, k), pos) < 0) k--;
    if (k < 3 && text.indexOf(rest, pos) < 0) return false;
    if (k < 3) k = rest.length;
    pos = text.indexOf(rest.slice(0, k), pos) + k;
    rest = rest.slice(k);
  }
  return rest === '';
}

/** Why a label's line is right, or null when nothing on it holds the value. */
function evidence(lines: string[], label: Label): string | null {
  const at = label.line - 1;
  const line = lines[at];
  if (line === undefined) return null;
  if (line.includes(label.value)) return 'plain';
  if (lineEncodings(label.value).some((e) => line.includes(e))) return 'escaped';
  if (base64Holds(lines, at, label.value)) return 'base64';
  if (quotedPrintableHolds(lines, at, label.value)) return 'quoted-printable';
  if (splitHolds(lines, at, label.value)) return 'split';
  return null;
}

function linesOf(built: Built): Map<string, string[]> {
  return new Map(built.files.map((f) => [f.path, f.text.split('\n').map((l) => l.replace(/\r$/, ''))]));
}

test('the generator is deterministic, and another seed gives another corpus', async () => {
  const { build } = await generator();
  const a = build(1);
  const b = build(1);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const c = build(2);
  assert.not.equal(JSON.stringify(c.labels.map((l) => l.value)), JSON.stringify(a.labels.map((l) => l.value)));
});

test('every class and every hard-negative class is there, with values of the right shape', async () => {
  const { build } = await generator();
  const { labels, negatives, files } = build(1);
  const perClass = new Map<string, number>();
  for (const l of labels) perClass.set(l.class, (perClass.get(l.class) ?? 0) + 1);
  for (const c of ['encoded', 'split', 'name-apart', 'plain']) assert.ok((perClass.get(c) ?? 0) >= 40, `${c}: ${perClass.get(c) ?? 0} labels`);
  const negClasses = new Set(negatives.map((n) => n.class));
  assert.equal(negClasses.size, 6);
  const paths = new Set(files.map((f) => f.path));
  for (const n of negatives) assert.ok(paths.has(n.path), n.path);
  for (const l of labels) {
    if (l.kind === 'access-key-id') assert.match(l.value, /^A[KS]IA[A-Z2-7]{16}$/);
    else if (l.kind === 'secret-access-key') assert.match(l.value, /^[A-Za-z0-9+/]{40}$/);
    else assert.match(l.value, /^[A-Za-z0-9+/]{300,}={0,2}$/);
  }
});

test('each label line holds the value, an encoding of it that starts there, or its first piece', async () => {
  const { build } = await generator();
  const built = build(1);
  const lines = linesOf(built);
  const bad: string[] = [];
  for (const l of built.labels) {
    const why = evidence(lines.get(l.path) ?? [], l);
    if (why === null) bad.push(`${l.path}:${l.line} ${l.kind} (${l.form})`);
    // an encoded or split label must not be a plain value in disguise (bar '=3D' before a QP value)
    else if ((l.class === 'split' || (l.class === 'encoded' && !l.form.includes('=3D'))) && why === 'plain') bad.push(`${l.path}:${l.line} ${l.class} but plain`);
  }
  assert.equal(bad, []);
});

test('the line check can fail: labels moved one line down are mostly rejected', async () => {
  const { build } = await generator();
  const built = build(1);
  const lines = linesOf(built);
  const moved = built.labels.filter((l) => evidence(lines.get(l.path) ?? [], { ...l, line: l.line + 1 }) === null).length;
  assert.ok(moved / built.labels.length > 0.9, `${moved} of ${built.labels.length} rejected`);
});

test('write refuses a non-empty folder without labels.json, and writes what build made', async () => {
  const { build, write } = await generator();
  const built = build(3);
  const dir = mkdtempSync(path.join(tmpdir(), 'keyhound holdout2 '));
  try {
    writeFileSync(path.join(dir, 'precious.txt'), 'not a corpus\n');
    assert.throws(() => write(built, dir), /refusing to overwrite/);
    assert.equal(readFileSync(path.join(dir, 'precious.txt'), 'utf8'), 'not a corpus\n');
    rmSync(path.join(dir, 'precious.txt'));
    write(built, dir);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')), built.labels);
    const one = built.files[0];
    assert.equal(readFileSync(path.join(dir, ...one.path.split('/')), 'utf8'), one.text);
    write(built, dir); // a folder with labels.json is a corpus: rewritten
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
