// Per-class figures of a blind corpus of issue 14 (bench/holdout2, holdout3, holdout4): runs
// bench/eval/score.mjs with --json, then counts recall and false positives per class and per form
// from the corpus' labels.json and negatives.json. Each corpus' classes.mjs calls classesMain.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The command line of bench/<name>/classes.mjs: [--corpus DIR] [--bin PATH] [--json]. */
export function classesMain(name, argv) {
  function parseArgs(argv) {
    const o = { corpus: path.join(repo, 'bench', '.corpus', name), bin: null, json: false };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
      if (a === '--corpus' || a.startsWith('--corpus=')) o.corpus = path.resolve(String(val()));
      else if (a === '--bin' || a.startsWith('--bin=')) o.bin = path.resolve(String(val()));
      else if (a === '--json') o.json = true;
      else { console.error(`classes: unknown argument: ${a}`); process.exit(2); }
    }
    return o;
  }

  const pct = (n, d) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

  function main(argv) {
    const o = parseArgs(argv);
    for (const f of ['labels.json', 'negatives.json']) {
      if (!existsSync(path.join(o.corpus, f))) { console.error(`classes: no ${f} in ${o.corpus}; run node bench/${name}/generate.mjs`); process.exit(2); }
    }
    const labels = JSON.parse(readFileSync(path.join(o.corpus, 'labels.json'), 'utf8'));
    const negatives = JSON.parse(readFileSync(path.join(o.corpus, 'negatives.json'), 'utf8'));
    const args = [path.join(repo, 'bench', 'eval', 'score.mjs'), '--corpus', o.corpus, '--json'];
    if (o.bin) args.push('--bin', o.bin);
    const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (res.status !== 0) { process.stderr.write(res.stderr || ''); console.error(`classes: score.mjs failed (exit ${res.status})`); process.exit(2); }
    const score = JSON.parse(res.stdout);

    const key = (l) => `${l.path}\u0000${l.line}\u0000${l.kind}\u0000${l.value}`;
    const missed = new Set(score.misses.map(key));
    const negOf = new Map();
    for (const n of negatives) if (!negOf.has(n.path)) negOf.set(n.path, n.class);

    const loose = new Set(score.looseMatches.map((m) => `${m.path}\u0000${m.line}\u0000${m.expected}`));
    const row = () => ({ labels: 0, found: 0, loose: 0, fp: 0 });
    const perClass = {};
    const perForm = {};
    for (const l of labels) {
      const c = (perClass[l.class] ??= row());
      const f = (perForm[`${l.class}: ${l.form.replace(/ \(.*|, beside.*/, '')}`] ??= row());
      c.labels++; f.labels++;
      if (!missed.has(key(l))) { c.found++; f.found++; }
      if (loose.has(`${l.path}\u0000${l.line}\u0000${l.value}`)) { c.loose++; f.loose++; }
    }
    const fpByNeg = {};
    for (const n of negatives) fpByNeg[n.class] ??= { files: 0, fp: 0 };
    for (const n of negatives) fpByNeg[n.class].files++;
    const fpDetail = [];
    for (const f of score.falsePositives) {
      let to = negOf.get(f.path);
      if (to) fpByNeg[to].fp++;
      else {
        const near = labels.filter((l) => l.path === f.path).sort((a, b) => Math.abs(a.line - f.line) - Math.abs(b.line - f.line))[0];
        to = near ? near.class : 'unlabelled file';
        (perClass[to] ??= row()).fp++;
      }
      fpDetail.push({ ...f, attributedTo: to });
    }
    const result = {
      corpus: o.corpus,
      overall: { labels: labels.length, found: score.overall.found, recall: score.overall.recall, tp: score.overall.tp, fp: score.overall.fp, precision: score.overall.precision },
      perClass: Object.fromEntries(Object.entries(perClass).map(([k, v]) => [k, { ...v, recall: v.found / v.labels, precision: v.found + v.fp ? v.found / (v.found + v.fp) : null }])),
      perForm,
      hardNegatives: fpByNeg,
      misses: score.misses.map((m) => ({ path: m.path, line: m.line, kind: m.kind, class: m.class, form: m.form })),
      falsePositives: fpDetail,
    };
    if (o.json) { console.log(JSON.stringify(result, null, 2)); return; }
    const out = [];
    out.push(`${name} per class (${labels.length} labels; overall recall ${pct(score.overall.found, labels.length)}, precision ${pct(score.overall.tp, score.overall.tp + score.overall.fp)})`, '');
    out.push('class          labels  found  recall    FP  precision  (found with another value: the encoded form, a piece)');
    for (const [k, v] of Object.entries(perClass)) out.push(`${k.padEnd(14)} ${String(v.labels).padStart(6)} ${String(v.found).padStart(6)} ${pct(v.found, v.labels)} ${String(v.fp).padStart(5)}  ${pct(v.found, v.found + v.fp)}  (${v.loose})`);
    out.push('', 'by form (found/labels, of which found with another value):');
    for (const [k, v] of Object.entries(perForm).sort()) out.push(`  ${k.padEnd(72)} ${String(v.found).padStart(3)}/${String(v.labels).padEnd(3)} ${pct(v.found, v.labels)}${v.loose ? `  (${v.loose} with another value)` : ''}`);
    out.push('', 'hard negatives (files, false positives):');
    for (const [k, v] of Object.entries(fpByNeg)) out.push(`  ${k.padEnd(28)} ${String(v.files).padStart(3)} files  ${v.fp} FP`);
    out.push('', `MISSED (${result.misses.length}):`);
    for (const m of result.misses) out.push(`  ${m.path}:${m.line}  ${m.kind}  ${m.class}: ${m.form}`);
    out.push('', `FALSE POSITIVES (${fpDetail.length}):`);
    for (const f of fpDetail) out.push(`  ${f.path}:${f.line}  ${f.ruleId}  ${String(f.value).slice(0, 24)}…  [${f.attributedTo}]`);
    console.log(out.join('\n'));
  }

  main(argv);
}
