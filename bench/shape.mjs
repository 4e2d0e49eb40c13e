#!/usr/bin/env node
// Shape-first detection, before and after: two builds of keyhound run alternately (A B A B ...) on
// the same inputs, median wall and CPU time of each, and their findings compared. Usage:
//   node bench/shape.mjs [--old /path/to/old/dist] [--runs 3] [--tree DIR] [--big-mb 256] [--only text,all,big]
// Defaults: old = /work/main/dist (the main worktree's build), tree = bench/.corpus/tree, or the
// main worktree's. The big text file is built once from the tree's .py and .json files under /tmp.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : args[i + 1];
};
const here = fileURLToPath(new URL('..', import.meta.url));
const NEW = join(here, 'dist');
const OLD = opt('old', '/work/main/dist');
const RUNS = Number(opt('runs', '3'));
const TREE = opt('tree', [join(here, 'bench/.corpus/tree'), '/work/main/bench/.corpus/tree'].find(existsSync));
const BIG_MB = Number(opt('big-mb', '256'));
const ONLY = opt('only', 'text,all,big').split(',');

function filesUnder(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) filesUnder(abs, out);
    else if (st.isFile()) out.push(abs);
  }
  return out;
}

/** A text file of about BIG_MB MB made of the tree's .py and .json files, repeated. */
function bigFile() {
  const path = `/tmp/keyhound-shape-big-${BIG_MB}.txt`;
  if (existsSync(path) && statSync(path).size >= BIG_MB * 1e6) return path;
  const parts = filesUnder(TREE).filter((f) => /\.(py|json)$/.test(f) && statSync(f).size < 4e6);
  const fd = openSync(path, 'w');
  let size = 0;
  while (size < BIG_MB * 1e6) {
    for (const f of parts) {
      const bytes = readFileSync(f);
      writeSync(fd, bytes);
      writeSync(fd, '\n');
      size += bytes.length + 1;
      if (size >= BIG_MB * 1e6) break;
    }
  }
  closeSync(fd);
  return path;
}

/** One run: wall and CPU seconds, and the findings' count. */
function once(dist, target, extra) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'node', join(dist, 'src/bin.js'), 'scan', target, '--format', 'json', '--no-progress', '--no-gitignore', '--max-file-size', '1GB', ...extra], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const [wall, user, sys, rss] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const findings = JSON.parse(r.stdout).findings.length;
  return { wall, cpu: user + sys, rss: rss / 1024, findings };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function compare(label, target, extra) {
  const runs = { old: [], new: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.old.push(once(OLD, target, extra));
    runs.new.push(once(NEW, target, extra));
  }
  const sum = (k) => ({ wall: median(runs[k].map((r) => r.wall)), cpu: median(runs[k].map((r) => r.cpu)), rss: median(runs[k].map((r) => r.rss)), findings: [...new Set(runs[k].map((r) => r.findings))].join('/') });
  const o = sum('old');
  const n = sum('new');
  console.log(`${label}`);
  console.log(`  old  wall ${o.wall.toFixed(2)} s  cpu ${o.cpu.toFixed(2)} s  rss ${o.rss.toFixed(0)} MB  findings ${o.findings}`);
  console.log(`  new  wall ${n.wall.toFixed(2)} s  cpu ${n.cpu.toFixed(2)} s  rss ${n.rss.toFixed(0)} MB  findings ${n.findings}`);
  console.log(`  new/old  wall ${(n.wall / o.wall).toFixed(2)}x  cpu ${(n.cpu / o.cpu).toFixed(2)}x  (median of ${RUNS}, alternated)`);
}

console.log(`old ${OLD}\nnew ${NEW}\ntree ${TREE}\nload ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}`);
if (ONLY.includes('text')) compare('folder, --no-archives --no-binary-strings', TREE, ['--no-archives', '--no-binary-strings']);
if (ONLY.includes('all')) compare('folder, default', TREE, []);
const big = ONLY.includes('big') ? bigFile() : undefined;
if (big !== undefined) compare(`one text file of ${(statSync(big).size / 1e6).toFixed(0)} MB (.py and .json of the tree)`, big, []);
