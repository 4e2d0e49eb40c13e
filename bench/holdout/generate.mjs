#!/usr/bin/env node
// Holdout corpus generator for keyhound: messy, real-world places where AWS keys leak, plus hard
// negatives. Independent of bench/eval (different author, different templates).
//
//   node bench/holdout/generate.mjs [--seed N] [--out DIR] [--quiet]
//
// Writes the files and DIR/labels.json ([{ path, line, kind, value }]), then re-reads every file
// from disk and checks each label's value really occurs on its line.
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gen, encodeFile, decodeBytes } from './lib/core.mjs';
import { templates as history } from './lib/t-history.mjs';
import { templates as ops } from './lib/t-ops.mjs';
import { templates as ci } from './lib/t-ci.mjs';
import { templates as infra } from './lib/t-infra.mjs';
import { templates as data } from './lib/t-data.mjs';
import { templates as api } from './lib/t-api.mjs';
import { templates as code } from './lib/t-code.mjs';
import { templates as code2 } from './lib/t-code2.mjs';
import { templates as web } from './lib/t-web.mjs';
import { templates as docs } from './lib/t-docs.mjs';
import { templates as negatives } from './lib/t-negatives.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const LABELS = 'labels.json';

function parseArgs(argv) {
  const o = { seed: 1, out: path.join(repo, 'bench', '.corpus', 'holdout'), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--seed' || a.startsWith('--seed=')) o.seed = Number(val());
    else if (a === '--out' || a.startsWith('--out=')) o.out = path.resolve(val());
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') { console.log('usage: node bench/holdout/generate.mjs [--seed N] [--out DIR] [--quiet]'); process.exit(0); }
    else fail(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0) fail('--seed must be a non-negative integer');
  return o;
}

function fail(msg) {
  console.error(`holdout: ${msg}`);
  process.exit(2);
}

export const ALL_TEMPLATES = [...history, ...ops, ...ci, ...infra, ...data, ...api, ...code, ...code2, ...web, ...docs, ...negatives];

export function build(seed) {
  const g = new Gen(seed);
  for (const t of ALL_TEMPLATES) {
    for (let i = 0; i < (t.count ?? 1); i++) {
      const before = g.files.length;
      const plantsBefore = g.plants.size;
      t.make(g, i);
      const made = g.files.slice(before);
      for (const f of made) {
        f.template = t.name;
        if (t.negative) f.negativeOnly = true;
      }
      // every value this template planted must be written by this template
      for (const v of [...g.plants.keys()].slice(plantsBefore)) {
        if (!made.some((f) => f.text.includes(v))) throw new Error(`template ${t.name}#${i} planted but never wrote ${v}`);
      }
    }
  }
  return { g, labels: computeLabels(g) };
}

// Find every occurrence of every planted value, line by line.
function computeLabels(g) {
  const values = [...g.plants.keys()];
  const seen = new Set();
  const labels = [];
  for (const f of g.files) {
    const present = values.filter((v) => f.text.includes(v));
    if (!present.length) {
      if (!f.negativeOnly && !f.allowEmpty) throw new Error(`${f.path} (${f.template}) has no planted value`);
      continue;
    }
    if (f.negativeOnly) throw new Error(`negative-only file ${f.path} contains a planted value`);
    f.text.split('\n').forEach((line, i) => {
      for (const v of present) {
        let at = line.indexOf(v);
        if (at < 0) continue;
        if (line.indexOf(v, at + 1) >= 0) throw new Error(`${f.path}:${i + 1} has ${v} twice on one line`);
        labels.push({ path: f.path, line: i + 1, column: at + 1, kind: g.plants.get(v), value: v });
        seen.add(v);
      }
    });
  }
  for (const v of values) if (!seen.has(v)) throw new Error(`planted value never written: ${v}`);
  // A value that is a substring of another planted value on the same line would be ambiguous.
  for (const a of labels) {
    for (const b of labels) {
      if (a !== b && a.path === b.path && a.line === b.line && b.value.includes(a.value)) throw new Error(`nested values at ${a.path}:${a.line}`);
    }
  }
  labels.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return labels.map(({ path: p, line, kind, value }) => ({ path: p, line, kind, value }));
}

function prepareOut(out) {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) fail(`${out} is not a folder`);
    const entries = readdirSync(out);
    if (entries.length && !entries.includes(LABELS)) fail(`refusing to overwrite ${out}: not empty and has no ${LABELS}`);
    for (const e of entries) rmSync(path.join(out, e), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

function verify(out, labels) {
  const cache = new Map();
  for (const l of labels) {
    if (!cache.has(l.path)) cache.set(l.path, decodeBytes(readFileSync(path.join(out, l.path))).split(/\r?\n/));
    const line = cache.get(l.path)[l.line - 1];
    if (line === undefined || !line.includes(l.value)) throw new Error(`verify: ${l.path}:${l.line} does not contain ${l.value}`);
  }
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  let built;
  try {
    built = build(o.seed);
  } catch (e) {
    fail(e.stack || String(e));
  }
  const { g, labels } = built;
  prepareOut(o.out);
  for (const f of g.files) {
    const dest = path.join(o.out, ...f.path.split('/'));
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, encodeFile(f));
  }
  writeFileSync(path.join(o.out, LABELS), JSON.stringify(labels, null, 1) + '\n');
  verify(o.out, labels);
  if (o.quiet) return;
  const byKind = {};
  for (const l of labels) byKind[l.kind] = (byKind[l.kind] || 0) + 1;
  const labelled = new Set(labels.map((l) => l.path));
  const fmts = new Set(g.files.map((f) => f.template));
  console.log(`holdout: wrote ${g.files.length} files (${labelled.size} with planted credentials, ${g.files.length - labelled.size} hard-negative only) ` +
    `from ${fmts.size} templates to ${path.relative(process.cwd(), o.out) || '.'}`);
  console.log(`holdout: ${labels.length} labels: ` + Object.entries(byKind).map(([k, n]) => `${k}=${n}`).join(', ') +
    `; CRLF files ${g.files.filter((f) => f.eol === 'crlf').length}, BOM ${g.files.filter((f) => f.bom).length}, UTF-16 ${g.files.filter((f) => f.enc === 'utf16le').length}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
