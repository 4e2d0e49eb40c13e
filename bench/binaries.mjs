#!/usr/bin/env node
// What scanning binaries through their strings costs and finds. Prints:
//  1. strings extraction + scan of random bytes (an image, a compressed file) at doubling sizes, with
//     each step's time ratio (linear: about 2x per doubling);
//  2. the folder corpus (bench/.corpus/tree, built by `npm run bench`) scanned with and without
//     --no-binary-strings, alternated run by run: median wall time, findings, binaries scanned, and every finding only the
//     default gives (each must be explained: see README "Binary files").
//
//   npm run build && node bench/binaries.mjs [--runs N] [DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { scanBinaryBytes } = await import(join(REPO, 'dist/src/scan/binary.js'));
const { extractStrings } = await import(join(REPO, 'dist/src/sources/strings.js'));
const { loadBuiltinRules } = await import(join(REPO, 'dist/src/rules/load.js'));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const dir = args.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1)[0] ?? join(REPO, 'bench/.corpus/tree');
const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');

/** Deterministic noise (xorshift), so every machine scans the same bytes. */
function noise(n) {
  const out = Buffer.alloc(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('1. strings of random bytes: extraction + rules (and extraction alone)');
let previous;
for (const mib of [1, 2, 4, 8, 16]) {
  const bytes = noise(mib * 1024 * 1024);
  const times = [];
  const alone = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    scanBinaryBytes('noise.bin', bytes, loaded.rules);
    times.push(performance.now() - t);
    t = performance.now();
    extractStrings(bytes);
    alone.push(performance.now() - t);
  }
  const ms = median(times);
  const rate = (m) => (mib * 1.048576 / (m / 1000)).toFixed(0).padStart(4);
  console.log(`  ${String(mib).padStart(2)} MiB  ${ms.toFixed(0).padStart(5)} ms  ${rate(ms)} MB/s${previous ? `  x${(ms / previous).toFixed(2)} for twice the bytes` : '                         '}  (extraction alone ${median(alone).toFixed(0).padStart(4)} ms, ${rate(median(alone))} MB/s)`);
  previous = ms;
}

if (!existsSync(dir)) {
  console.log(`2. skipped: ${dir} does not exist (npm run bench -- --corpus folder builds it)`);
  process.exit(0);
}
console.log(`2. ${dir}, median of ${runs} runs`);
// Alternated run by run (off, on, off, on...), so drift on a shared machine hits both alike.
const scanOnce = (extra) => {
  const t = performance.now();
  let out;
  try {
    out = execFileSync(process.execPath, [join(REPO, 'dist/src/bin.js'), 'scan', dir, '-f', 'json', '--no-redact', '--no-progress', ...extra], { maxBuffer: 1 << 28 });
  } catch (err) {
    out = err.stdout;
  }
  return { ms: performance.now() - t, report: JSON.parse(out.toString()) };
};
const variants = { off: { extra: ['--no-binary-strings'], times: [] }, on: { extra: [], times: [] } };
for (let r = 0; r < runs; r++) {
  for (const v of Object.values(variants)) {
    const { ms, report } = scanOnce(v.extra);
    v.times.push(ms);
    v.report = report;
  }
}
const [off, on] = [variants.off, variants.on].map((v) => ({ ms: median(v.times), report: v.report }));
for (const [name, { ms, report }] of [['--no-binary-strings', off], ['default', on]]) {
  const s = report.stats;
  console.log(`  ${name.padEnd(20)} ${(ms / 1000).toFixed(2)} s  ${report.findings.length} findings  ${s.filesScanned} files (${s.binariesScanned} binaries through strings, ${s.skipped.binary} skipped as binary)`);
}
console.log(`  cost: ${(((on.ms - off.ms) / off.ms) * 100).toFixed(1)}% time`);
const key = (f) => [f.path, f.line, f.column, f.ruleId, f.value].join('\t');
const before = new Set(off.report.findings.map(key));
const added = on.report.findings.filter((f) => !before.has(key(f)));
console.log(`  findings only with strings: ${added.length}`);
for (const f of added) console.log(`    ${f.path} offset ${f.offset} ${f.ruleId} ${f.value.slice(0, 4)}…  ${JSON.stringify(f.lineText.slice(0, 100))}`);
