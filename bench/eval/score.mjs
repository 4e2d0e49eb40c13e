#!/usr/bin/env node
// Independent accuracy scorer for keyhound.
// Runs the CLI on a labelled corpus (see generate.mjs) and reports recall / precision,
// overall and per kind, with every missed label and every false positive; for a corpus whose
// labels have a `class` (bench/decoding), also recall and false positives per class.
//
//   node bench/eval/score.mjs [--corpus DIR] [--bin PATH] [--json]
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const opts = { corpus: path.join(repo, 'bench', '.corpus', 'eval'), bin: path.join(repo, 'dist', 'src', 'bin.js'), json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) die(`missing value for ${a}`);
      return argv[++i];
    };
    if (a === '--json') opts.json = true;
    else if (a === '--corpus' || a.startsWith('--corpus=')) opts.corpus = path.resolve(val());
    else if (a === '--bin' || a.startsWith('--bin=')) opts.bin = path.resolve(val());
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/eval/score.mjs [--corpus DIR] [--bin PATH] [--json]');
      process.exit(0);
    } else die(`unknown argument: ${a}`);
  }
  return opts;
}

function die(msg, code = 2) {
  console.error(`score: ${msg}`);
  process.exit(code);
}

export function kindOf(ruleId) {
  const r = String(ruleId || '').toLowerCase();
  if (r.includes('session-token')) return 'session-token';
  if (r.includes('secret')) return 'secret-access-key';
  if (r.includes('key-id')) return 'access-key-id';
  return 'other';
}

const KINDS = ['access-key-id', 'secret-access-key', 'session-token'];
const LABELS_FILE = 'labels.json';
/** The hard-negative files of a corpus with classes: [{ path, class }] (bench/decoding/README.md). */
const NEGATIVES_FILE = 'negatives.json';

function runCli(opts) {
  const args = [opts.bin, 'scan', opts.corpus, '--format', 'json', '--no-redact', '--no-progress', '--no-gitignore', '--exclude', LABELS_FILE];
  if (existsSync(path.join(opts.corpus, NEGATIVES_FILE))) args.push('--exclude', NEGATIVES_FILE);
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (res.error) die(`could not run ${opts.bin}: ${res.error.message}`);
  if (res.status === 2 || res.status === null) {
    process.stderr.write(res.stderr || '');
    die(`the CLI failed (exit ${res.status ?? res.signal})`);
  }
  let report;
  try {
    report = JSON.parse(res.stdout);
  } catch (e) {
    process.stderr.write(res.stderr || '');
    die(`the CLI did not print JSON: ${e.message}`);
  }
  return { report, status: res.status, stderr: res.stderr };
}

/**
 * Match findings to labels. Pass 1: same path, line and value === secret (one-to-one).
 * Pass 2: same path, line and kind, value differs (one-to-one).
 * A finding that repeats an already-matched label (same path, line, secret) is a duplicate,
 * listed but counted neither as a true nor a false positive.
 */
export function match(labels, findings) {
  const key = (p, l) => `${p}\u0000${l}`;
  const byLoc = new Map();
  labels.forEach((lab, i) => {
    const k = key(lab.path, lab.line);
    if (!byLoc.has(k)) byLoc.set(k, []);
    byLoc.get(k).push(i);
  });
  const labelHit = new Array(labels.length).fill(-1);
  const fState = findings.map(() => ({ status: null, label: -1 }));

  findings.forEach((f, fi) => {
    for (const li of byLoc.get(key(f.path, f.line)) || []) {
      if (labelHit[li] === -1 && labels[li].value === f.value) {
        labelHit[li] = fi;
        fState[fi] = { status: 'exact', label: li };
        return;
      }
    }
  });
  findings.forEach((f, fi) => {
    if (fState[fi].status) return;
    for (const li of byLoc.get(key(f.path, f.line)) || []) {
      if (labelHit[li] === -1 && labels[li].kind === f.kind) {
        labelHit[li] = fi;
        fState[fi] = { status: 'loose', label: li };
        return;
      }
    }
  });
  findings.forEach((f, fi) => {
    if (fState[fi].status) return;
    for (const li of byLoc.get(key(f.path, f.line)) || []) {
      if (labels[li].value === f.value) {
        fState[fi] = { status: 'duplicate', label: li };
        return;
      }
    }
    fState[fi] = { status: 'fp', label: -1 };
  });
  return { labelHit, fState };
}

/**
 * The class of each file: its entry in the negatives list, else the class most of its labels have
 * (`plain`, the control class of keys written as is, only when it is the only one).
 */
export function fileClasses(labels, negatives) {
  const cls = new Map(negatives.map((n) => [n.path, n.class]));
  const counts = new Map();
  for (const l of labels) {
    if (!l.class || cls.has(l.path)) continue;
    if (!counts.has(l.path)) counts.set(l.path, new Map());
    const c = counts.get(l.path);
    c.set(l.class, (c.get(l.class) || 0) + 1);
  }
  for (const [p, c] of counts) {
    const ranked = [...c].sort((a, b) => (a[0] === 'plain') - (b[0] === 'plain') || b[1] - a[1]);
    cls.set(p, ranked[0][0]);
  }
  return cls;
}

/**
 * Recall per label class (and per class/form), false positives per file class. Classes come in
 * the order labels then negatives first name them.
 */
export function perClass(labels, negatives, labelHit, findings, fState) {
  const fileClass = fileClasses(labels, negatives);
  const rows = new Map();
  const row = (c) => rows.get(c) || rows.set(c, { class: c, labels: 0, found: 0, exact: 0, files: 0, findings: 0, fp: 0, forms: new Map() }).get(c);
  labels.forEach((l, i) => {
    const r = row(l.class ?? '(none)');
    // `exact`: found with the label's value itself (a decoded key), not only at its place (pass 2).
    const hit = labelHit[i] !== -1;
    const exact = hit && fState[labelHit[i]].status === 'exact';
    r.labels++;
    r.found += hit;
    r.exact += exact;
    if (l.form) {
      const f = r.forms.get(l.form) || r.forms.set(l.form, { form: l.form, labels: 0, found: 0, exact: 0 }).get(l.form);
      f.labels++;
      f.found += hit;
      f.exact += exact;
    }
  });
  for (const n of negatives) row(n.class);
  for (const c of fileClass.values()) row(c).files++;
  findings.forEach((f, i) => {
    const r = row(fileClass.get(f.path) ?? '(none)');
    r.findings++;
    if (fState[i].status === 'fp') r.fp++;
  });
  return [...rows.values()].map((r) => ({ ...r, recall: ratio(r.found, r.labels), forms: [...r.forms.values()].map((f) => ({ ...f, recall: ratio(f.found, f.labels) })) }));
}

function ratio(n, d) {
  return d === 0 ? null : n / d;
}
function pct(x) {
  return x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`;
}
function trunc(s, n = 60) {
  s = String(s ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * keyhound reports paths from the top level of the repository a scanned folder is in (a corpus under
 * bench/.corpus is inside this one), or absolute; labels are relative to the corpus. Also accepts
 * paths that are already relative to it (an older build).
 */
function corpusPath(corpus) {
  let top = path.resolve(corpus);
  while (!existsSync(path.join(top, '.git')) && path.dirname(top) !== top) top = path.dirname(top);
  const prefix = existsSync(path.join(top, '.git')) ? path.relative(top, corpus).split(path.sep).join('/') : '';
  return (p) => {
    if (path.isAbsolute(p)) return path.relative(corpus, p).split(path.sep).join('/');
    if (prefix !== '' && p.startsWith(`${prefix}/`) && !existsSync(path.join(corpus, p))) return p.slice(prefix.length + 1);
    return p;
  };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const labelsPath = path.join(opts.corpus, LABELS_FILE);
  if (!existsSync(labelsPath)) die(`no ${labelsPath}; run: node bench/eval/generate.mjs`);
  const parsed = JSON.parse(readFileSync(labelsPath, 'utf8'));
  // labels.json is the array of labels; a corpus with classes may also give { labels, negatives }.
  const labels = Array.isArray(parsed) ? parsed : parsed.labels;
  const negativesPath = path.join(opts.corpus, NEGATIVES_FILE);
  const negatives = Array.isArray(parsed) ? (existsSync(negativesPath) ? JSON.parse(readFileSync(negativesPath, 'utf8')) : []) : parsed.negatives || [];
  const withClasses = negatives.length > 0 || labels.some((l) => l.class);

  const { report, status } = runCli(opts);
  const local = corpusPath(opts.corpus);
  const all = (report.findings || []).map((f) => ({ ...f, path: local(String(f.path).split(path.sep).join('/')), kind: kindOf(f.ruleId) }));
  const ignored = all.filter((f) => f.path === LABELS_FILE);
  const findings = all.filter((f) => f.path !== LABELS_FILE);
  const { labelHit, fState } = match(labels, findings);

  const per = {};
  for (const k of [...KINDS, 'other']) per[k] = { labels: 0, found: 0, findings: 0, tp: 0, fp: 0, duplicates: 0, looseMatches: 0 };
  labels.forEach((lab, i) => {
    const p = per[lab.kind] || per.other;
    p.labels++;
    if (labelHit[i] !== -1) p.found++;
  });
  findings.forEach((f, i) => {
    const p = per[f.kind];
    p.findings++;
    const st = fState[i].status;
    if (st === 'exact' || st === 'loose') p.tp++;
    if (st === 'loose') p.looseMatches++;
    if (st === 'fp') p.fp++;
    if (st === 'duplicate') p.duplicates++;
  });
  const sum = (f) => Object.values(per).reduce((a, p) => a + p[f], 0);
  const overall = { labels: sum('labels'), found: sum('found'), findings: sum('findings'), tp: sum('tp'), fp: sum('fp'), duplicates: sum('duplicates'), looseMatches: sum('looseMatches') };
  const finish = (p) => ({ ...p, recall: ratio(p.found, p.labels), precision: ratio(p.tp, p.tp + p.fp) });

  const misses = labels.filter((_, i) => labelHit[i] === -1);
  const fps = findings.filter((_, i) => fState[i].status === 'fp');
  const dups = findings.filter((_, i) => fState[i].status === 'duplicate');
  const loose = findings
    .map((f, i) => ({ f, st: fState[i] }))
    .filter((x) => x.st.status === 'loose')
    .map(({ f, st }) => ({ path: f.path, line: f.line, ruleId: f.ruleId, value: f.value, expected: labels[st.label].value }));

  const fileClass = withClasses ? fileClasses(labels, negatives) : new Map();
  const result = {
    corpus: opts.corpus,
    cliExit: status,
    cliErrors: report.errors || [],
    stats: report.stats,
    overall: finish(overall),
    perKind: Object.fromEntries(Object.entries(per).filter(([k, p]) => KINDS.includes(k) || p.labels || p.findings).map(([k, p]) => [k, finish(p)])),
    ...(withClasses ? { perClass: perClass(labels, negatives, labelHit, findings, fState) } : {}),
    perRule: countBy(findings, (f) => f.ruleId),
    misses,
    falsePositives: fps.map((f) => ({ path: f.path, line: f.line, column: f.column, ruleId: f.ruleId, kind: f.kind, value: f.value,
      fragmentOf: labels.find((l) => l.path === f.path && l.line === f.line && f.value && l.value.includes(f.value))?.kind ?? null,
      ...(withClasses ? { class: fileClass.get(f.path) ?? '(none)' } : {}) })),
    duplicates: dups.map((f) => ({ path: f.path, line: f.line, ruleId: f.ruleId, value: f.value })),
    looseMatches: loose,
    ignoredLabelFileFindings: ignored.length,
  };

  if (opts.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = [];
  out.push(`keyhound accuracy on ${path.relative(process.cwd(), opts.corpus) || '.'}  (CLI exit ${status}; ${labels.length} labels, ${findings.length} findings)`);
  out.push('');
  out.push('kind                 labels  found  recall   findings  TP    FP   dup  precision');
  const row = (name, p) =>
    `${name.padEnd(20)} ${String(p.labels).padStart(6)} ${String(p.found).padStart(6)} ${pct(p.recall)}   ${String(p.findings).padStart(8)} ${String(p.tp).padStart(4)} ${String(p.fp).padStart(5)} ${String(p.duplicates).padStart(5)}  ${pct(p.precision)}`;
  for (const [k, p] of Object.entries(result.perKind)) out.push(row(k, p));
  out.push(row('OVERALL', result.overall));
  if (overall.looseMatches) out.push(`(${overall.looseMatches} matched on path+line+kind with a different value; see below)`);
  out.push('');
  if (result.perClass) {
    out.push('class (of the label; of the file for FP)  labels  found  recall  exact    files    FP');
    const cell = (n, w) => String(n).padStart(w);
    for (const c of result.perClass) {
      out.push(`${c.class.padEnd(40)} ${cell(c.labels || '-', 7)} ${cell(c.labels ? c.found : '-', 6)} ${c.labels ? pct(c.recall) : '     -'} ${cell(c.labels ? c.exact : '-', 6)}   ${cell(c.files, 6)} ${cell(c.fp, 5)}`);
      for (const f of c.forms) if (c.forms.length > 1) out.push(`  ${f.form.padEnd(38)} ${cell(f.labels, 7)} ${cell(f.found, 6)} ${pct(f.recall)} ${cell(f.exact, 6)}`);
    }
    out.push('(found = at the label\'s path and line, as in the table above; exact = with the label\'s value itself)');
    out.push('');
  }
  if (report.stats) out.push(`CLI stats: ${report.stats.filesScanned} files scanned, skipped ${JSON.stringify(report.stats.skipped)}`);
  out.push('findings per rule: ' + Object.entries(result.perRule).map(([r, n]) => `${r}=${n}`).join(', '));
  if (result.cliErrors.length) out.push(`CLI errors/warnings: ${result.cliErrors.length}: ` + result.cliErrors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; '));
  if (ignored.length) out.push(`note: ${ignored.length} findings in ${LABELS_FILE} were ignored (--exclude did not apply)`);
  out.push('');
  out.push(`MISSED (${misses.length}):`);
  for (const m of misses) out.push(`  ${m.path}:${m.line}  ${m.kind}  ${trunc(m.value)}${m.class ? `  [${m.class}${m.form ? `/${m.form}` : ''}]` : ''}`);
  out.push('');
  out.push(`FALSE POSITIVES (${fps.length}):`);
  for (const f of fps) {
    const host = labels.find((l) => l.path === f.path && l.line === f.line && f.value && l.value.includes(f.value));
    const cls = withClasses ? `  [${fileClass.get(f.path) ?? '(none)'}]` : '';
    out.push(`  ${f.path}:${f.line}  ${f.kind}/${f.ruleId}  ${trunc(f.value)}${host ? `  [fragment of the labelled ${host.kind}]` : ''}${cls}`);
  }
  if (loose.length) {
    out.push('');
    out.push(`VALUE DIFFERS (${loose.length}, counted as found):`);
    for (const l of loose) out.push(`  ${l.path}:${l.line}  ${l.ruleId}  got ${trunc(l.value, 40)}  expected ${trunc(l.expected, 40)}`);
  }
  if (dups.length) {
    out.push('');
    out.push(`DUPLICATES (${dups.length}, not counted):`);
    for (const d of dups) out.push(`  ${d.path}:${d.line}  ${d.ruleId}  ${trunc(d.value)}`);
  }
  console.log(out.join('\n'));
}

function countBy(arr, fn) {
  const m = {};
  for (const x of arr) m[fn(x)] = (m[fn(x)] || 0) + 1;
  return m;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
