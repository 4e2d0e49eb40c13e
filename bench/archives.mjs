#!/usr/bin/env node
// What opening archives costs, and how fast archive content is scanned (issue 15):
//
//  1. the folder corpus (few archives): `keyhound scan` with --no-archives and with archives on
//     (the default), alternated in one run, median of N: the cost must stay within 10%;
//  2. an archive-heavy input: every package of node_modules packed as a .tgz (with the system tar,
//     as `npm pack` would), scanned with archives on, against the same packages unpacked.
//
//   node bench/archives.mjs [--folder DIR] [--runs N]
//
// --folder defaults to bench/.corpus/tree (built by `npm run bench -- --corpus folder`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEYHOUND_BIN, NODE, REPO, fmt, mb, median } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '5'));
const folder = path.resolve(opt('--folder', path.join(REPO, 'bench', '.corpus', 'tree')));
if (!fs.existsSync(folder)) {
  console.error(`bench/archives: no folder corpus at ${folder}: build it with \`npm run bench -- --corpus folder\` or give --folder DIR`);
  process.exit(2);
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** zip, gzip or ustar by the first bytes (as src/archive/sniff.ts). */
function isContainer(file) {
  const head = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  const n = fs.readSync(fd, head, 0, 512, 0);
  fs.closeSync(fd);
  return (n >= 4 && head.readUInt32LE(0) === 0x04034b50) || (head[0] === 0x1f && head[1] === 0x8b) || (n >= 262 && head.toString('latin1', 257, 262) === 'ustar');
}

/** One timed scan: wall seconds and the JSON report's stats. */
function scan(target, extra) {
  const started = process.hrtime.bigint();
  const r = spawnSync(NODE, [KEYHOUND_BIN, 'scan', target, '--format', 'json', '--no-progress', ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`keyhound exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  const report = JSON.parse(r.stdout);
  return { seconds, stats: report.stats, findings: report.findings.length, errors: report.errors.length };
}

/** Alternates the variants run by run (so drift on a shared machine hits both), one warm-up each. */
function compare(target, variants) {
  const times = Object.fromEntries(variants.map(([name]) => [name, []]));
  const last = {};
  for (const [, extra] of variants) scan(target, extra);
  for (let i = 0; i < runs; i++) {
    for (const [name, extra] of variants) {
      const r = scan(target, extra);
      times[name].push(r.seconds);
      last[name] = r;
    }
  }
  return variants.map(([name]) => ({ name, seconds: median(times[name]), ...last[name] }));
}

function show(title, rows, inputBytes) {
  console.log(`\n${title}`);
  for (const r of rows) {
    const bytes = inputBytes ?? r.stats.bytesScanned;
    console.log(`  ${r.name.padEnd(34)} ${fmt(r.seconds, 2).padStart(7)} s  ${fmt(mb(bytes) / r.seconds, 1).padStart(7)} MB/s  files ${String(r.stats.filesScanned).padStart(6)}  scanned ${fmt(mb(r.stats.bytesScanned), 1).padStart(7)} MB  findings ${r.findings}  warnings ${r.errors}`);
  }
}

console.log(`keyhound archives bench: ${os.cpus().length} cores, Node.js ${process.version}, median of ${runs} runs`);
// The containers in the corpus, by the same magic keyhound uses: excluded in a third variant, to
// separate the cost of checking every file (should be noise) from the cost of the archives' content.
const containers = [...walk(folder)].filter(isContainer).map((p) => path.relative(folder, p));
const excluded = containers.flatMap((p) => ['--exclude', p]);
const base = compare(folder, [
  ['folder --no-archives', ['--no-archives']],
  ['folder, archives on (default)', []],
  ['folder --no-archives, containers excluded', ['--no-archives', ...excluded]],
  ['folder, archives on, containers excluded', excluded],
]);
show(`1. folder corpus ${folder}; containers in it: ${containers.map((p) => `${p} (${fmt(mb(fs.statSync(path.join(folder, p)).size), 1)} MB)`).join(', ') || 'none'}`, base);
const pct = (a, b) => {
  const cost = a.seconds / b.seconds - 1;
  return `${cost >= 0 ? '+' : ''}${fmt(cost * 100, 1)}%${Math.abs(cost) <= 0.1 ? ' (within 10%)' : ' (over 10%)'}`;
};
console.log(`  cost of archives on the folder corpus: ${pct(base[1], base[0])}`);
console.log(`  cost on every other file (the containers excluded from both): ${pct(base[3], base[2])}`);
console.log(`  the containers' content: ${fmt(base[1].seconds - base[0].seconds, 2)} s more for ${fmt(mb(base[1].stats.bytesScanned - base[0].stats.bytesScanned), 1)} MB more text scanned`);

// 2. node_modules, one .tgz per package (scoped packages too), against the same packages unpacked.
const modules = path.join(REPO, 'node_modules');
const packed = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-tgz-'));
try {
  const packages = fs.readdirSync(modules).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? fs.readdirSync(path.join(modules, n)).map((m) => `${n}/${m}`) : [n]));
  for (const name of packages) {
    const out = path.join(packed, `${name.replace('/', '__')}.tgz`);
    const r = spawnSync('tar', ['-czf', out, '-C', path.dirname(path.join(modules, name)), path.basename(name)]);
    if (r.status !== 0) throw new Error(`tar failed on ${name}`);
  }
  const tgzBytes = fs.readdirSync(packed).reduce((n, f) => n + fs.statSync(path.join(packed, f)).size, 0);
  const rows = compare(packed, [['node_modules as .tgz, archives on', []]]);
  const unpacked = compare(modules, [['node_modules unpacked', ['--no-gitignore']]]);
  show(`2. archive-heavy: ${packages.length} packages as .tgz (${fmt(mb(tgzBytes), 1)} MB compressed); MB/s of uncompressed bytes scanned`, [...rows, ...unpacked]);
} finally {
  fs.rmSync(packed, { recursive: true, force: true });
}
