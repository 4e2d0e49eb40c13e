// What the blind corpora of issue 14 (bench/holdout2, holdout3, holdout4) share: building a corpus from
// its templates and checking its labels, writing it and reading it back, and the generate.mjs command
// line. Each corpus keeps its own generator (core.mjs: PRNG, key makers) and templates, written blind.
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LABELS = 'labels.json';
export const NEGATIVES = 'negatives.json';

/**
 * The corpus `name` (its folder under bench/ and bench/.corpus/), made by `templates` with the corpus'
 * own `Gen`: { build(seed), write(built, out), main(argv) }.
 */
export function holdoutCorpus({ name, Gen, CLASSES, NEG_CLASSES, templates }) {
  function parseArgs(argv) {
    const o = { seed: 1, out: path.join(repo, 'bench', '.corpus', name), quiet: false };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
      if (a === '--seed' || a.startsWith('--seed=')) o.seed = Number(val());
      else if (a === '--out' || a.startsWith('--out=')) o.out = path.resolve(String(val()));
      else if (a === '--quiet') o.quiet = true;
      else if (a === '-h' || a === '--help') { console.log(`usage: node bench/${name}/generate.mjs [--seed N] [--out DIR] [--quiet]`); process.exit(0); }
      else fail(`unknown argument: ${a}`);
    }
    if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) fail('--seed must be an integer from 0 to 4294967295');
    return o;
  }

  function fail(msg) {
    console.error(`${name}: ${msg}`);
    process.exit(2);
  }

  /**
   * Build the corpus in memory: { files: [{ path, text }], labels, negatives }. Throws when a template's
   * labels do not hold (the evidence is not on the labelled line, or a planted value occurs literally on
   * a line without a label, which the scorer would count as a false positive).
   */
  function build(seed) {
    const g = new Gen(seed);
    for (const t of templates) for (let i = 0; i < (t.count ?? 1); i++) t.make(g, i);
    const files = [];
    const labels = [];
    const negs = [];
    const allValues = new Set();
    for (const d of g.files) for (const l of d.labels) allValues.add(l.value);
    for (const d of g.files) {
      const text = d.text();
      const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
      const at = new Set();
      for (const l of d.labels) {
        if (!CLASSES.includes(l.class)) throw new Error(`${d.path}: unknown class ${l.class}`);
        const line = lines[l.line - 1];
        if (line === undefined || (l.evidence !== null && !line.includes(l.evidence))) throw new Error(`${d.path}:${l.line}: evidence ${l.evidence} of ${l.kind} (${l.form}) not on the line`);
        const k = `${l.line}\u0000${l.value}`;
        if (at.has(k)) throw new Error(`${d.path}:${l.line}: ${l.value} labelled twice`);
        at.add(k);
        // A literal value in a file built for another class (mostly a key ID beside an encoded or split
        // secret) is plain, but not one of the "ordinary plain leaks": say so, for the per-class report.
        const beside = l.class === 'plain' && d.labels.some((o) => o.class !== 'plain');
        labels.push({ path: d.path, line: l.line, kind: l.kind, value: l.value, class: l.class, form: beside ? `${l.form}, beside another class` : l.form });
      }
      lines.forEach((line, n) => {
        for (const v of allValues) if (line.includes(v) && !at.has(`${n + 1}\u0000${v}`)) throw new Error(`${d.path}:${n + 1}: ${v.slice(0, 12)}… written but not labelled there`);
      });
      for (const c of d.negatives) {
        if (!NEG_CLASSES.includes(c)) throw new Error(`${d.path}: unknown negative class ${c}`);
        negs.push({ path: d.path, class: c });
      }
      if (!d.labels.length && !d.negatives.length) throw new Error(`${d.path}: neither a label nor a negative`);
      files.push({ path: d.path, text });
    }
    const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    labels.sort((a, b) => byPath(a, b) || a.line - b.line || (a.value < b.value ? -1 : 1));
    negs.sort((a, b) => byPath(a, b) || (a.class < b.class ? -1 : 1));
    files.sort(byPath);
    return { files, labels, negatives: negs };
  }

  function prepareOut(out) {
    if (existsSync(out)) {
      if (!statSync(out).isDirectory()) throw new Error(`${out} is not a folder`);
      const entries = readdirSync(out);
      if (entries.length && !entries.includes(LABELS)) throw new Error(`refusing to overwrite ${out}: not empty and has no ${LABELS}`);
      for (const e of entries) rmSync(path.join(out, e), { recursive: true, force: true });
    }
    mkdirSync(out, { recursive: true });
  }

  /** Write a built corpus to `out` and check it back from disk. */
  function write(built, out) {
    prepareOut(out);
    for (const f of built.files) {
      const dest = path.join(out, ...f.path.split('/'));
      mkdirSync(path.dirname(dest), { recursive: true });
      writeFileSync(dest, f.text);
    }
    writeFileSync(path.join(out, LABELS), JSON.stringify(built.labels, null, 1) + '\n');
    writeFileSync(path.join(out, NEGATIVES), JSON.stringify(built.negatives, null, 1) + '\n');
    for (const f of built.files) {
      if (readFileSync(path.join(out, ...f.path.split('/')), 'utf8') !== f.text) throw new Error(`${f.path} did not read back as written`);
    }
  }

  function main(argv) {
    const o = parseArgs(argv);
    let built;
    try {
      built = build(o.seed);
      write(built, o.out);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
    if (o.quiet) return;
    const count = (arr, f) => arr.reduce((m, x) => ((m[f(x)] = (m[f(x)] || 0) + 1), m), {});
    const labelled = new Set(built.labels.map((l) => l.path));
    const negOnly = built.files.filter((f) => !labelled.has(f.path)).length;
    console.log(`${name}: seed ${o.seed}: ${built.files.length} files (${labelled.size} with credentials, ${negOnly} hard negatives only) in ${path.relative(process.cwd(), o.out) || '.'}`);
    console.log(`${name}: ${built.labels.length} labels; by class ${JSON.stringify(count(built.labels, (l) => l.class))}; by kind ${JSON.stringify(count(built.labels, (l) => l.kind))}`);
    console.log(`${name}: ${built.negatives.length} hard-negative files; ${JSON.stringify(count(built.negatives, (n) => n.class))}`);
  }

  return { build, write, main };
}
