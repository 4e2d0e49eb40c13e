#!/usr/bin/env node
// Writes a labelled evaluation corpus for keyhound: realistic files in many formats with
// synthetic AWS credentials planted in them, plus hard negatives, and labels.json.
//
//   node bench/eval/generate.mjs [--seed N] [--out DIR] [--quiet]
import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './lib/random.mjs';
import { createContext, labelFile, KINDS } from './lib/context.mjs';
import { configTemplates } from './lib/templates-config.mjs';
import { infraTemplates } from './lib/templates-infra.mjs';
import { codeTemplates } from './lib/templates-code.mjs';
import { miscTemplates } from './lib/templates-misc.mjs';
import { extraTemplates } from './lib/templates-extra.mjs';
import { negativeTemplatesA } from './lib/templates-negative-a.mjs';
import { negativeTemplatesB } from './lib/templates-negative-b.mjs';
import { negativeTemplatesC } from './lib/templates-negative-c.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

export const POSITIVE = [...configTemplates, ...infraTemplates, ...codeTemplates, ...miscTemplates, ...extraTemplates];
export const NEGATIVE = [...negativeTemplatesA, ...negativeTemplatesB, ...negativeTemplatesC];

function parseArgs(argv) {
  const o = { seed: '1', out: path.join(repo, 'bench', '.corpus', 'eval'), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--seed' || a.startsWith('--seed=')) o.seed = String(val());
    else if (a === '--out' || a.startsWith('--out=')) o.out = path.resolve(val());
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/eval/generate.mjs [--seed N] [--out DIR] [--quiet]');
      process.exit(0);
    } else {
      console.error(`generate: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return o;
}

/** Build the corpus in memory: [{ path, text, template, positive }], labels. */
export function build(seed) {
  const rng = createRng(seed);
  const ctx = createContext(rng);
  const files = [];
  const labels = [];
  const used = new Set();
  const add = (tpl, positive) => {
    ctx._take();
    let { path: p, text } = tpl.fn(ctx);
    const planted = ctx._take();
    if (!positive && planted.length) throw new Error(`${tpl.name}: negative template planted values`);
    if (positive && !planted.length) throw new Error(`${tpl.name}: positive template planted nothing`);
    let n = 2;
    const base = p;
    while (used.has(p)) {
      const i = base.indexOf('/');
      p = `${base.slice(0, i)}/${n++}/${base.slice(i + 1)}`;
    }
    used.add(p);
    const fl = labelFile(p, text, planted);
    labels.push(...fl);
    files.push({ path: p, text, template: tpl.name, positive, labels: fl.length });
  };
  // Interleave: one round of every template at a time, until each has produced n files.
  const all = [...POSITIVE.map((t) => [t, true]), ...NEGATIVE.map((t) => [t, false])];
  const maxN = Math.max(...all.map(([t]) => t.n));
  for (let round = 0; round < maxN; round++) {
    for (const [t, pos] of all) if (round < t.n) add(t, pos);
  }
  // Guard: no planted value may occur in a file it was not planted in (labels would be wrong).
  const values = new Map();
  for (const l of labels) values.set(l.value, l.path);
  for (const f of files) {
    for (const [v, p] of values) if (p !== f.path && f.text.includes(v)) throw new Error(`value planted in ${p} also occurs in ${f.path}`);
  }
  return { files, labels };
}

function summary(files, labels) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, labels.filter((l) => l.kind === k).length]));
  const prefixes = {};
  for (const l of labels) if (l.kind === 'access-key-id') prefixes[l.value.slice(0, 4)] = (prefixes[l.value.slice(0, 4)] || 0) + 1;
  const perTpl = {};
  for (const f of files) {
    const t = (perTpl[f.template] ||= { files: 0, labels: 0, positive: f.positive });
    t.files++;
    t.labels += f.labels;
  }
  const pos = files.filter((f) => f.positive).length;
  const L = [];
  L.push(`files: ${files.length} (${pos} with planted credentials, ${files.length - pos} hard-negative only)`);
  L.push(`labels: ${labels.length}  (${KINDS.map((k) => `${k} ${byKind[k]}`).join(', ')})`);
  L.push(`access key id prefixes: ${Object.entries(prefixes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  L.push('per template (files/labels):');
  const row = (ents) => ents.map(([n, t]) => `${n} ${t.files}/${t.labels}`).join(', ');
  L.push('  positive: ' + row(Object.entries(perTpl).filter(([, t]) => t.positive)));
  L.push('  negative: ' + row(Object.entries(perTpl).filter(([, t]) => !t.positive)));
  return L.join('\n');
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const { files, labels } = build(o.seed);
  if (existsSync(o.out)) {
    const entries = readdirSync(o.out);
    if (entries.length && !entries.includes('labels.json')) {
      console.error(`generate: ${o.out} is not empty and holds no labels.json; refusing to overwrite it`);
      process.exit(2);
    }
    rmSync(o.out, { recursive: true, force: true });
  }
  mkdirSync(o.out, { recursive: true });
  for (const f of files) {
    const abs = path.join(o.out, ...f.path.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.text);
  }
  writeFileSync(path.join(o.out, 'labels.json'), JSON.stringify(labels, null, 1) + '\n');
  if (!o.quiet) {
    console.log(`wrote ${path.relative(process.cwd(), o.out) || '.'} (seed ${o.seed})`);
    console.log(summary(files, labels));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
