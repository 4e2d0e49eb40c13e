#!/usr/bin/env node
// What the decoding stage costs (issue 14: within 10% on the bench corpora): this build and another
// (the build before decoding) scan the same corpora alternately (A B A B ...), median wall time of
// each, their ratio, and whether they report the same number of findings; with /usr/bin/time, also
// the median CPU time (user + system) of each and its ratio, steadier than wall time on a shared machine.
//
//   node bench/decoding-cost.mjs --old /path/to/old/dist/src/bin.js [--runs N] [--corpora npm-tree,sources,tree]
//
// The corpora are the bench's (`npm run bench -- --corpus …` builds them under bench/.corpus).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KEYHOUND_BIN, NODE, REPO, median } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const old = opt('--old', undefined);
if (old === undefined || !fs.existsSync(old)) {
  console.error('bench/decoding-cost: give --old PATH, the bin.js of a build before the decoding stage (e.g. a worktree of main before it, built)');
  process.exit(2);
}
const runs = Number(opt('--runs', '3'));
const corpora = opt('--corpora', 'npm-tree,sources,tree').split(',');

/** GNU time, for the CPU time of each scan (absent: wall time only). */
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One timed scan: wall seconds, CPU seconds (user + system; NaN without TIME) and the number of findings. */
function scan(bin, target) {
  const command = [NODE, bin, 'scan', target, '--format', 'json', '--no-progress', '--no-gitignore'];
  const started = process.hrtime.bigint();
  const r = TIME === undefined
    ? spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(TIME, ['-f', 'cpu %U %S', ...command], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  const cpuLine = /^cpu ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
  const cpu = cpuLine === null ? NaN : Number(cpuLine[1]) + Number(cpuLine[2]);
  return { seconds, cpu, findings: JSON.parse(r.stdout).findings.length };
}

console.log(`decoding stage cost: ${runs} runs each, alternated; old = ${old}`);
console.log('| corpus | before decoding | with decoding | ratio | CPU before → with | CPU ratio | findings before → with |');
console.log('|---|---|---|---|---|---|---|');
for (const name of corpora) {
  const target = path.join(REPO, 'bench', '.corpus', name);
  if (!fs.existsSync(target)) {
    console.log(`| ${name} | not built (npm run bench -- --corpus ${name}) | | | | | |`);
    continue;
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(scan(old, target));
    b.push(scan(KEYHOUND_BIN, target));
  }
  const ma = median(a.map((r) => r.seconds));
  const mb = median(b.map((r) => r.seconds));
  const ca = median(a.map((r) => r.cpu));
  const cb = median(b.map((r) => r.cpu));
  const runsOf = (list) => list.map((r) => r.seconds.toFixed(2)).join(' / ');
  const cpu = Number.isNaN(ca) ? '– | –' : `${ca.toFixed(2)} → ${cb.toFixed(2)} s | ${(cb / ca).toFixed(2)}×`;
  console.log(`| ${name} | ${runsOf(a)} s | ${runsOf(b)} s | ${(mb / ma).toFixed(2)}× | ${cpu} | ${a[0].findings} → ${b[0].findings} |`);
}
