#!/usr/bin/env node
// What the decoding stage costs, counted in instructions rather than seconds (issue 14): on a shared
// machine the page cache is reclaimed between runs and other jobs take the cores, so the same scan's
// CPU time moves by tens of percent; valgrind's instruction count much less (repeated runs of one build
// differ by up to ~3%: V8's compiler threads and garbage collector act at times that depend on the
// clock), whatever else runs. It scans DIR with one thread (`--jobs 1`) under
// `valgrind --tool=callgrind` (about 50 times slower: give it a few tens of MB) with another build
// (the build before decoding), this build, and this build with `--max-decode-depth 0`, and prints each
// count, the ratios, and the number of findings. Counts include V8's compiler threads; they leave out
// waiting for the disk.
//
//   node bench/decoding-instructions.mjs --old /path/to/old/dist/src/bin.js [--runs N] DIR
//
// With --runs N (default 1), each count is the median of N runs, the three builds alternated.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEYHOUND_BIN, NODE, median } from './lib.mjs';

const args = process.argv.slice(2);
const valueOf = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const old = valueOf('--old');
const runs = Number(valueOf('--runs') ?? '1');
const dir = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))[0];
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench/decoding-instructions: --runs takes a whole number from 1');
  process.exit(2);
}
if (old === undefined || !fs.existsSync(old) || dir === undefined || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('bench/decoding-instructions: give --old PATH (bin.js of a build before the decoding stage) and a folder to scan');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench/decoding-instructions: valgrind is not installed (Debian: apt install valgrind)');
  process.exit(2);
}

/** One scan under callgrind: instructions executed (all threads) and the number of findings. */
function count(bin, extra) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhound-cg-'));
  try {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${path.join(tmp, 'cg.out')}`,
      NODE, bin, 'scan', dir, '--jobs', '1', '--format', 'json', '--no-progress', '--no-gitignore', ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${bin} exited ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
    const refs = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
    if (refs === null) throw new Error('no instruction count in valgrind\'s output');
    return { instructions: Number(refs[1].replaceAll(',', '')), findings: JSON.parse(r.stdout).findings.length };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The median count of `runs` scans of each build, alternated. */
function medians() {
  const all = [[], [], []];
  for (let i = 0; i < runs; i++) {
    all[0].push(count(old, []));
    all[1].push(count(KEYHOUND_BIN, []));
    all[2].push(count(KEYHOUND_BIN, ['--max-decode-depth', '0']));
  }
  return all.map((list) => ({ ...list[0], instructions: median(list.map((r) => r.instructions)), each: list.map((r) => r.instructions) }));
}

const [before, withDecoding, without] = medians();
const g = (n) => `${(n / 1e9).toFixed(2)} G`;
console.log(`instructions, scan ${dir} --jobs 1 under callgrind, median of ${runs} run(s) each`);
if (runs > 1) for (const [name, r] of [['before', before], ['this build', withDecoding], ['depth 0', without]]) console.log(`  ${name}: ${r.each.map(g).join(' / ')}`);
console.log('| build before decoding | this build | this build, --max-decode-depth 0 | this build / before | decoding stage (depth 3 / depth 0) | findings |');
console.log('|---|---|---|---|---|---|');
console.log(`| ${g(before.instructions)} | ${g(withDecoding.instructions)} | ${g(without.instructions)} | ${(withDecoding.instructions / before.instructions).toFixed(3)}× | ${(withDecoding.instructions / without.instructions).toFixed(3)}× | ${before.findings} → ${withDecoding.findings} (${without.findings} at depth 0) |`);
