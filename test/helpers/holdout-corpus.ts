// What the tests of the blind corpora of issue 14 share (test/holdout3-corpus.test.ts,
// test/holdout4-corpus.test.ts): the generator is deterministic, writes the same bytes twice, has every
// class with values of the right shape, refuses to overwrite a folder that is not a corpus, and every
// label's line passes the corpus test's own `check` (which must fail for labels moved a line down).
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Label { path: string; line: number; kind: string; value: string; class: string; form: string }
export interface Built { files: { path: string; text: string }[]; labels: Label[]; negatives: { path: string; class: string }[] }
interface Generator { build(seed: number): Built; write(built: Built, out: string): void }

// dist/test/helpers/holdout-corpus.js -> the repository's top folder
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** bench/<name>/generate.mjs. */
export async function loadGenerator(name: string): Promise<Generator> {
  return (await import(pathToFileURL(path.join(repo, 'bench', name, 'generate.mjs')).href)) as Generator;
}

export const linesOf = (text: string): string[] => text.split('\n').map((l) => l.replace(/\r$/, ''));

/** How large the corpus is: [min, max] files and labels, and the fewest labels of each class. */
export interface Limits { files: [number, number]; labels: [number, number]; perClass: number }

const SHAPES: Record<string, RegExp> = {
  'access-key-id': /^(AKIA|ASIA)[A-Z2-7]{16}$/,
  'secret-access-key': /^[A-Za-z0-9+/]{40}$/,
  'session-token': /^(IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9+/]+={0,2}$/,
};

/**
 * Registers the shared tests of corpus `name` on `suite`; `check(lines, label)` says why a label's line
 * does not hold its value (null when it does).
 */
export function holdoutCorpusTests(suite: Test, name: string, limits: Limits, check: (lines: string[], l: Label) => string | null): void {
  const load = (): Promise<Generator> => loadGenerator(name);
  suite('the generator is deterministic, and another seed gives another corpus', async () => {
    const g = await load();
    const a = g.build(1);
    const b = g.build(1);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    const c = g.build(2);
    assert.not.equal(JSON.stringify(a.labels.map((l) => l.value)), JSON.stringify(c.labels.map((l) => l.value)));
  });

  suite('two runs write the same bytes', async () => {
    const g = await load();
    const top = mkdtempSync(path.join(tmpdir(), `keyhound ${name} `));
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

  suite('every class and hard-negative class is there, with values of the right shape', async () => {
    const { labels, negatives, files } = (await load()).build(1);
    assert.ok(files.length >= limits.files[0] && files.length <= limits.files[1], `${files.length} files`);
    assert.ok(labels.length >= limits.labels[0] && labels.length <= limits.labels[1], `${labels.length} labels`);
    for (const c of ['encoded', 'split', 'name-apart', 'plain']) {
      const n = labels.filter((l) => l.class === c).length;
      assert.ok(n >= limits.perClass, `class ${c}: ${n} labels`);
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

  suite('each label line holds the value, an encoding of it that starts there, or its first piece', async () => {
    const { files, labels } = (await load()).build(1);
    const text = new Map(files.map((f) => [f.path, linesOf(f.text)]));
    const bad = labels.map((l) => ({ l, why: check(text.get(l.path) ?? [], l) })).filter((x) => x.why);
    assert.equal(bad.map((x) => `${x.l.path}:${x.l.line} ${x.l.kind} (${x.l.form}): ${x.why}`), []);
  });

  suite('the line check can fail: labels moved one line down are mostly rejected', async () => {
    const { files, labels } = (await load()).build(1);
    const text = new Map(files.map((f) => [f.path, linesOf(f.text)]));
    const held = labels.filter((l) => check(text.get(l.path) ?? [], { ...l, line: l.line + 1 }) === null).length;
    assert.ok(held < labels.length * 0.1, `${held} of ${labels.length} moved labels still hold`);
  });

  suite('write refuses a non-empty folder without labels.json, and writes what build made', async () => {
    const g = await load();
    const top = mkdtempSync(path.join(tmpdir(), `keyhound ${name} `));
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
}
