#!/usr/bin/env node
// Where do worker threads start to pay? Scans growing slices of the folder corpus (bench/.corpus/tree,
// built by `npm run bench`) in one thread and with a pool started at once, and prints the median wall
// time of each. src/pool/batches.ts's PARALLEL_ABOVE is chosen from this table.
//
//   node bench/threads.mjs [--runs N] [--threads N]
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TREE = join(REPO, 'bench/.corpus/tree/pypi');
const { scan } = await import(join(REPO, 'dist/src/run.js'));

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`threads.mjs: ${name} wants a whole number, got '${args[i + 1]}'`);
    process.exit(2);
  }
  return n;
};
const runs = flag('--runs', 5);
const threads = flag('--threads', availableParallelism());
if (!existsSync(TREE)) {
  console.error('threads.mjs: no corpus yet; run `npm run bench -- --corpus folder` once to build it');
  process.exit(2);
}

/** Every file under the corpus, in a fixed order, with its size. */
function listFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) listFiles(path, out);
    else if (st.isFile()) out.push({ path, size: st.size });
  }
  return out;
}

/** A copy of the first files of the corpus that add up to `bytes`. */
function slice(files, bytes) {
  const dir = join(tmpdir(), `keyhound-threads-${bytes}`);
  rmSync(dir, { recursive: true, force: true });
  let total = 0;
  let count = 0;
  for (const f of files) {
    if (total >= bytes) break;
    const dest = join(dir, f.path.slice(TREE.length + 1));
    mkdirSync(join(dest, '..'), { recursive: true });
    cpSync(f.path, dest);
    total += f.size;
    count++;
  }
  return { dir, total, count };
}

async function median(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const files = listFiles(TREE);
console.log(`threads: 1 vs a pool of ${threads} started at once; median of ${runs} runs; ${availableParallelism()} cores`);
console.log('| files | MB | 1 thread ms | pool ms | pool / 1 thread |');
console.log('|---|---|---|---|---|');
for (const mb of [1, 4, 8, 16, 32, 64, 128]) {
  const s = slice(files, mb * 1024 * 1024);
  const opts = { paths: [s.dir], gitignore: false, maxFileSize: 1 << 30 };
  const one = await median(() => scan({ ...opts, threads: 1 }));
  const pool = await median(() => scan({ ...opts, threads, parallelAbove: { bytes: 0, tasks: 0 } }));
  console.log(`| ${s.count} | ${(s.total / 1e6).toFixed(1)} | ${one.toFixed(0)} | ${pool.toFixed(0)} | ${(pool / one).toFixed(2)} |`);
  rmSync(s.dir, { recursive: true, force: true });
}
