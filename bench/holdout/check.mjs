#!/usr/bin/env node
// Self-check for the holdout corpus, independent of the generator's own verification:
//  1. determinism: two runs with the same seed give byte-identical folders (and another seed differs);
//  2. every label's value occurs on its line (files decoded from disk: UTF-8, UTF-8 BOM, UTF-16LE BOM);
//  3. every label value has the right shape for its kind;
//  4. completeness: every AKIA/ASIA key-ID-shaped token in the corpus is labelled, unless it ends in EXAMPLE
//     or is a low-variety placeholder such as AKIAXXXXXXXXXXXXXXXX.
//
//   node bench/holdout/check.mjs [--seed N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 1;
let failures = 0;
const bad = (msg) => { failures++; console.error(`FAIL ${msg}`); };

function gen(out, s) {
  const r = spawnSync(process.execPath, [path.join(here, 'generate.mjs'), '--seed', String(s), '--out', out, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) { console.error(r.stderr); process.exit(2); }
}
function walk(dir, base = dir, acc = []) {
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, base, acc); else acc.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return acc;
}
function digest(dir) {
  const h = createHash('sha256');
  for (const f of walk(dir)) h.update(f + '\0').update(readFileSync(path.join(dir, f))).update('\0');
  return h.digest('hex');
}
function decode(buf) {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'holdout-check-'));
try {
  const [a, b, c] = ['a', 'b', 'c'].map((x) => path.join(tmp, x));
  gen(a, seed); gen(b, seed); gen(c, seed + 1);
  const [da, db, dc] = [digest(a), digest(b), digest(c)];
  if (da !== db) bad(`seed ${seed} is not deterministic`); else console.log(`ok   determinism: seed ${seed} twice -> ${da.slice(0, 16)}`);
  if (da === dc) bad(`seed ${seed} and ${seed + 1} give the same corpus`); else console.log(`ok   seed ${seed + 1} differs -> ${dc.slice(0, 16)}`);

  const labels = JSON.parse(readFileSync(path.join(a, 'labels.json'), 'utf8'));
  const files = walk(a).filter((f) => f !== 'labels.json');
  const text = new Map(files.map((f) => [f, decode(readFileSync(path.join(a, f))).split(/\r?\n/)]));
  const shape = {
    'access-key-id': /^(AKIA|ASIA)[A-Z2-7]{16}$/,
    'secret-access-key': /^[A-Za-z0-9/+]{40}$/,
    'session-token': /^[A-Za-z0-9/+]{299,800}={0,2}$/,
  };
  let okLines = 0;
  for (const l of labels) {
    const lines = text.get(l.path);
    if (!lines) { bad(`label for missing file ${l.path}`); continue; }
    if (!(lines[l.line - 1] ?? '').includes(l.value)) bad(`${l.path}:${l.line} does not contain its ${l.kind}`); else okLines++;
    let v = l.value;
    try { v = decodeURIComponent(v); } catch { /* keep */ }
    if (!shape[l.kind]?.test(v)) bad(`${l.path}:${l.line} ${l.kind} has the wrong shape: ${l.value.slice(0, 50)}`);
  }
  console.log(`ok   ${okLines}/${labels.length} labels found on their line`);

  const labelled = new Set(labels.map((l) => `${l.path}\0${l.line}\0${l.value}`));
  let ids = 0;
  for (const [f, lines] of text) {
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g)) {
        if (m[0].endsWith('EXAMPLE') || new Set(m[0].slice(4)).size < 5) continue; // docs keys, AKIAXXXX… placeholders
        ids++;
        if (!labelled.has(`${f}\0${i + 1}\0${m[0]}`)) bad(`unlabelled key-ID-shaped token ${m[0]} at ${f}:${i + 1}`);
      }
    });
  }
  console.log(`ok   ${ids} key-ID-shaped tokens in the corpus, all labelled`);
  const kinds = {};
  for (const l of labels) kinds[l.kind] = (kinds[l.kind] || 0) + 1;
  console.log(`     ${files.length} files, ${new Set(labels.map((l) => l.path)).size} with labels, ${labels.length} labels ${JSON.stringify(kinds)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures) { console.error(`${failures} check(s) failed`); process.exit(1); }
console.log('all checks passed');
