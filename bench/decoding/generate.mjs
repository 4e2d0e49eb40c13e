#!/usr/bin/env node
// Writes keyhound's decoding corpus (issue 14): keys that hide in text (encoded, split, named away
// from the value) and the look-alikes around them, with labels.json and negatives.json.
//
//   node bench/decoding/generate.mjs [--seed N] [--out DIR] [--quiet]
import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, KINDS, CLASSES, NEGATIVE_CLASSES } from './lib/core.mjs';
import { templates as encoded } from './lib/t-encoded.mjs';
import { templates as split } from './lib/t-split.mjs';
import { templates as names } from './lib/t-names.mjs';
import { templates as negatives } from './lib/t-negatives.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
export const TEMPLATES = [...encoded, ...split, ...names, ...negatives];
/** How many files each variant of each template writes. */
const REPEAT = 3;

function parseArgs(argv) {
  const o = { seed: '1', out: path.join(repo, 'bench', '.corpus', 'decoding'), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) fail(`missing value for ${a}`);
      return argv[++i];
    };
    if (a === '--seed' || a.startsWith('--seed=')) o.seed = String(val());
    else if (a === '--out' || a.startsWith('--out=')) o.out = path.resolve(val());
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/decoding/generate.mjs [--seed N] [--out DIR] [--quiet]');
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  return o;
}

function fail(msg) {
  console.error(`generate: ${msg}`);
  process.exit(2);
}

const lineAt = (text, offset) => {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Build the corpus in memory: files [{ path, text, template, class }], labels, negatives. */
export function build(seed) {
  const ctx = createContext(seed);
  const files = [];
  const labels = [];
  const used = new Set();
  const maxN = Math.max(...TEMPLATES.map((t) => t.n)) * REPEAT;
  // One round of every template at a time, so adding a template late does not reshuffle the rest
  // much; each template writes each of its `n` variants REPEAT times, with other values each time.
  for (let round = 0; round < maxN; round++) {
    for (const t of TEMPLATES) {
      if (round >= t.n * REPEAT) continue;
      const made = t.make(ctx, round % t.n);
      const doc = made.doc;
      let p = made.path;
      for (let k = 2; used.has(p); k++) {
        const cut = made.path.indexOf('/');
        p = cut > 0 ? `${made.path.slice(0, cut)}/${k}/${made.path.slice(cut + 1)}` : `${k}/${made.path}`;
      }
      used.add(p);
      const text = doc.text;
      const fileClass = t.negative ?? t.cls;
      const fl = [];
      for (const mk of doc.marks) {
        if (!KINDS.includes(mk.kind) || !CLASSES.includes(mk.class)) throw new Error(`${p}: bad mark ${mk.kind}/${mk.class}`);
        // Plain and name-apart values are written as is, at their mark; encoded and split ones never are.
        const asIs = mk.class === 'plain' || mk.class === 'name-apart';
        if (asIs ? text.slice(mk.offset, mk.offset + mk.value.length) !== mk.value : text.includes(mk.value)) {
          throw new Error(`${p}: ${mk.form} ${mk.kind} ${mk.value.slice(0, 12)}… is ${asIs ? 'not at its mark' : 'also written as is'}`);
        }
        fl.push({ path: p, line: lineAt(text, mk.offset), kind: mk.kind, value: mk.value, class: mk.class, form: mk.form });
      }
      if (t.negative ? fl.some((l) => l.class !== 'plain') : !fl.some((l) => l.class === t.cls)) {
        throw new Error(`${t.name}: ${t.negative ? 'a negative template labelled a non-plain value' : `no ${t.cls} label`}`);
      }
      labels.push(...fl);
      files.push({ path: p, text, template: t.name, class: fileClass, negative: Boolean(t.negative) });
    }
  }
  // No planted value may occur as is in a file it was not planted in (its labels would be incomplete).
  for (const l of labels) {
    for (const f of files) if (f.path !== l.path && f.text.includes(l.value)) throw new Error(`value planted in ${l.path} also occurs in ${f.path}`);
  }
  labels.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.kind.localeCompare(b.kind)));
  const negativeList = files.filter((f) => f.negative).map((f) => ({ path: f.path, class: f.class }));
  for (const n of negativeList) if (!NEGATIVE_CLASSES.includes(n.class)) throw new Error(`${n.path}: unknown negative class ${n.class}`);
  return { files, labels, negatives: negativeList };
}

function summary(files, labels) {
  const count = (arr, fn) => arr.reduce((m, x) => ((m[fn(x)] = (m[fn(x)] || 0) + 1), m), {});
  const fmt = (m) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');
  const L = [];
  L.push(`files: ${files.length} (${files.filter((f) => !f.negative).length} with encoded/split/name-apart keys, ${files.filter((f) => f.negative).length} hard-negative files)`);
  L.push(`files per class: ${fmt(count(files, (f) => f.class))}`);
  L.push(`labels: ${labels.length} (${fmt(count(labels, (l) => l.kind))})`);
  L.push(`labels per class: ${fmt(count(labels, (l) => l.class))}`);
  L.push(`labels per form: ${fmt(count(labels, (l) => `${l.class}/${l.form}`))}`);
  return L.join('\n');
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const { files, labels, negatives: negs } = build(o.seed);
  if (existsSync(o.out)) {
    const entries = readdirSync(o.out);
    if (entries.length && !entries.includes('labels.json')) fail(`${o.out} is not empty and holds no labels.json; refusing to overwrite it`);
    rmSync(o.out, { recursive: true, force: true });
  }
  mkdirSync(o.out, { recursive: true });
  for (const f of files) {
    const abs = path.join(o.out, ...f.path.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.text);
  }
  writeFileSync(path.join(o.out, 'labels.json'), JSON.stringify(labels, null, 1) + '\n');
  writeFileSync(path.join(o.out, 'negatives.json'), JSON.stringify(negs, null, 1) + '\n');
  if (!o.quiet) {
    console.log(`wrote ${path.relative(process.cwd(), o.out) || '.'} (seed ${o.seed})`);
    console.log(summary(files, labels));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
