#!/usr/bin/env node
// keyhound benchmark: wall time (median of N runs), throughput and peak memory of keyhound
// against ripgrep (the single-regex floor) and, where installed, gitleaks, on the corpus that
// bench/corpus.mjs builds. See bench/README.md.
//
//   npm run bench -- [--runs N] [--json] [--keyhound "CMD"] [--corpus all,pypi,js,planted|PATH]
//                    [--tools keyhound,ripgrep,gitleaks,gitleaks-aws] [--budget S] [--warmup N]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus, corpusStats, describeParts, plantedInfo, mb, REPO, CORPUS_DIR, PARTS } from './corpus.mjs';

const ALL_TOOLS = ['keyhound', 'ripgrep', 'gitleaks', 'gitleaks-aws'];
const RG_PATTERN = '(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}';
const KEYHOUND_BIN = path.join(REPO, 'dist', 'src', 'bin.js');

const HELP = `Usage: npm run bench -- [options]      (or: node bench/run.mjs [options])

  --runs N          timed runs per tool and corpus; the median is reported (default 5)
  --warmup N        untimed runs before the timed ones (default 1; skipped when over --budget)
  --budget S        seconds one tool may spend on one corpus: a tool whose single run is slow
                    gets fewer runs (at least 1), and the table says so (default 120; 0 = no limit)
  --corpus LIST     comma list of ${Object.keys(PARTS).join(', ')} or folder paths (default all)
  --tools LIST      comma list of ${ALL_TOOLS.join(', ')} (default: all that are installed)
  --keyhound "CMD"  benchmark another keyhound build: CMD is run by /bin/sh with the scan
                    arguments appended, or with {corpus} replaced if CMD contains it
                    (default: node dist/src/bin.js)
  --gitleaks PATH   gitleaks binary to use (default: PATH, then $GOBIN, $GOPATH/bin, ~/go/bin)
  --json            also print the results as JSON (they are always saved to
                    bench/.corpus/last-run.json)
  --rebuild-corpus  delete and rebuild bench/.corpus/tree (downloads are kept)
  -h, --help        this text`;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const o = { runs: 5, warmup: 1, budget: 120, corpus: ['all'], tools: null, keyhound: null, gitleaks: null, json: false, rebuild: false };
  const need = (i, flag) => {
    if (i >= argv.length) die(`${flag} needs a value`);
    return argv[i];
  };
  const int = (v, flag) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) die(`${flag} wants a whole number, got '${v}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      val = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = () => (val !== undefined ? val : need(++i, a));
    switch (a) {
      case '--runs': o.runs = Math.max(1, int(value(), a)); break;
      case '--warmup': o.warmup = int(value(), a); break;
      case '--budget': o.budget = int(value(), a); break;
      case '--corpus': o.corpus = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--tools': o.tools = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--keyhound': o.keyhound = value(); break;
      case '--gitleaks': o.gitleaks = value(); break;
      case '--json': o.json = true; break;
      case '--rebuild-corpus': o.rebuild = true; break;
      case '-h': case '--help': console.log(HELP); process.exit(0); break;
      default: die(`unknown option '${a}' (see --help)`);
    }
  }
  if (o.tools) {
    for (const t of o.tools) if (!ALL_TOOLS.includes(t)) die(`unknown tool '${t}'; known: ${ALL_TOOLS.join(', ')}`);
  }
  return o;
}

function die(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

// ---------------------------------------------------------------- environment

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {}
  }
  return null;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function findGitleaks(explicit) {
  if (explicit) return isExecutable(explicit) ? path.resolve(explicit) : null;
  const onPath = which('gitleaks');
  if (onPath) return onPath;
  const dirs = [process.env.GOBIN, ...(process.env.GOPATH || '').split(path.delimiter).map((d) => d && path.join(d, 'bin')), path.join(os.homedir(), 'go', 'bin')];
  for (const d of dirs) if (d && isExecutable(path.join(d, 'gitleaks'))) return path.join(d, 'gitleaks');
  return null;
}

function firstLine(r) {
  return ((r.stdout || '') + (r.stderr || '')).trim().split('\n')[0] || '';
}

/** gitleaks' version: `gitleaks version`, or the module version Go stamped into the binary. */
function gitleaksVersion(bin) {
  const v = firstLine(spawnSync(bin, ['version'], { encoding: 'utf8' }));
  const m = /v?(\d+\.\d+\.\d+)/.exec(v);
  if (m) return m[1];
  const go = spawnSync('go', ['version', '-m', bin], { encoding: 'utf8' });
  const gm = /\bmod\s+\S*gitleaks\S*\s+v(\d+\.\d+\.\d+)/.exec(go.stdout || '');
  return gm ? gm[1] : null;
}

const versionLess = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i];
  return false;
};

function gitleaksInfo(bin) {
  const help = spawnSync(bin, ['--help'], { encoding: 'utf8' });
  const text = `${help.stdout || ''}${help.stderr || ''}`;
  const version = gitleaksVersion(bin);
  // `dir` arrived in 8.19; before it, `detect --no-git --source` scanned a folder.
  let hasDir = /^\s+dir\s/m.test(text);
  if (!/Available Commands/.test(text) && version) hasDir = !versionLess(version, '8.19.0');
  return { bin, version, hasDir, hasEnableRule: /--enable-rule\b/.test(text) };
}

function machine() {
  let cpu = 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    cpu = os.cpus()[0]?.model || 'unknown';
  }
  return {
    cpu,
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

function gnuTime() {
  if (!isExecutable('/usr/bin/time')) return null;
  const tmp = path.join(CORPUS_DIR, 'time-probe.txt');
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  const r = spawnSync('/usr/bin/time', ['-v', '-o', tmp, process.execPath, '-e', ''], { encoding: 'utf8' });
  let ok = false;
  try {
    ok = r.status === 0 && /Maximum resident set size/.test(fs.readFileSync(tmp, 'utf8'));
  } catch {}
  fs.rmSync(tmp, { force: true });
  return ok ? '/usr/bin/time' : null;
}

// ---------------------------------------------------------------- tools

const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * Each tool: argv(corpus) → [cmd, ...args]; check(r) → null or an error string;
 * findings(r) → number or null.
 */
function keyhoundTool(override) {
  const scanArgs = (corpus) => ['scan', corpus, '--format', 'json', '--no-progress', '--no-gitignore', '--max-file-size', '100MB'];
  const argv = override
    ? (corpus) => (override.includes('{corpus}')
        ? ['/bin/sh', '-c', override.replaceAll('{corpus}', shq(corpus))]
        : ['/bin/sh', '-c', `${override} "$@"`, 'keyhound', ...scanArgs(corpus)])
    : (corpus) => [process.execPath, KEYHOUND_BIN, ...scanArgs(corpus)];
  return {
    name: 'keyhound',
    label: override ? 'keyhound (--keyhound)' : 'keyhound',
    argv,
    // 0 = clean, 1 = findings; 2 (or anything else) is an error.
    check: (r) => (r.status === 0 || r.status === 1 ? null : `exit ${r.status ?? r.signal}`),
    parse: (r) => {
      try {
        const j = JSON.parse(r.stdout);
        const findings = Array.isArray(j) ? j : j.findings;
        return { findings: Array.isArray(findings) ? findings.length : null, stats: j.stats ?? null };
      } catch {
        return { findings: null, stats: null, note: 'stdout is not JSON' };
      }
    },
  };
}

function ripgrepTool(bin) {
  return {
    name: 'ripgrep',
    label: 'ripgrep',
    argv: (corpus) => [bin, '--no-ignore', '--hidden', '-c', '-e', RG_PATTERN, corpus],
    check: (r) => (r.status === 0 || r.status === 1 ? null : `exit ${r.status ?? r.signal}`),
    // -c prints path:count per file with matching lines; the sum is the number of matching lines.
    parse: (r) => ({
      findings: r.stdout.split('\n').filter(Boolean).reduce((s, l) => s + (Number(l.slice(l.lastIndexOf(':') + 1)) || 0), 0),
    }),
  };
}

function gitleaksTool(info, awsOnly) {
  const report = path.join(CORPUS_DIR, awsOnly ? 'gitleaks-aws-report.json' : 'gitleaks-report.json');
  const common = ['--no-banner', '--report-format', 'json', '--report-path', report];
  const rules = awsOnly ? ['--enable-rule', 'aws-access-token'] : [];
  return {
    name: awsOnly ? 'gitleaks-aws' : 'gitleaks',
    label: awsOnly ? 'gitleaks (aws rule)' : 'gitleaks',
    argv: (corpus) => (info.hasDir
      ? [info.bin, 'dir', corpus, ...common, ...rules]
      : [info.bin, 'detect', '--no-git', '--source', corpus, ...common, ...rules]),
    before: () => fs.rmSync(report, { force: true }),
    // gitleaks exits 1 both for "leaks found" and for fatal errors: tell them apart by the report.
    check: (r) => {
      if (r.status === 0) return null;
      if (r.status === 1 && fs.existsSync(report)) return null;
      return `exit ${r.status ?? r.signal}`;
    },
    parse: () => {
      try {
        const j = JSON.parse(fs.readFileSync(report, 'utf8'));
        return { findings: Array.isArray(j) ? j.length : null };
      } catch {
        return { findings: null };
      }
    },
  };
}

// ---------------------------------------------------------------- measuring

function runOnce(tool, corpus, timeBin) {
  tool.before?.();
  const argv = tool.argv(corpus);
  const timeOut = path.join(CORPUS_DIR, 'time-v.txt');
  const [cmd, ...args] = timeBin ? [timeBin, '-v', '-o', timeOut, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) return { seconds, error: r.error.message, stderr: '' };
  let rssMB = null;
  let cpuSeconds = null;
  if (timeBin) {
    try {
      const t = fs.readFileSync(timeOut, 'utf8');
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(t);
      if (m) rssMB = Number(m[1]) / 1024;
      const u = /User time \(seconds\):\s*([\d.]+)/.exec(t);
      const s = /System time \(seconds\):\s*([\d.]+)/.exec(t);
      if (u && s) cpuSeconds = Number(u[1]) + Number(s[1]);
    } catch {}
  }
  const error = tool.check(r);
  return { seconds, rssMB, cpuSeconds, error, stderr: r.stderr, result: r };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Warmup + timed runs within the budget. Returns a row for the table, or { error }. */
function measure(tool, corpusName, corpus, opts, timeBin) {
  process.stdout.write(`  ${tool.label.padEnd(22)} ${corpusName.padEnd(8)} `);
  const times = [];
  const rss = [];
  const cpu = [];
  let last = null;
  let notes = [];
  const budget = opts.budget > 0 ? opts.budget : Infinity;
  let spent = 0;
  const once = () => {
    const r = runOnce(tool, corpus, timeBin);
    spent += r.seconds;
    if (r.error) {
      process.stdout.write('error\n');
      return r;
    }
    last = r;
    return null;
  };
  // The first run doubles as warmup when the budget allows the warmups and all timed runs.
  let err = once();
  if (err) return { error: err };
  const first = last.seconds;
  let warmups = 1;
  if (first * (opts.warmup + opts.runs) > budget || opts.warmup === 0) {
    warmups = 0;
    times.push(first);
    if (last.rssMB != null) rss.push(last.rssMB);
    if (last.cpuSeconds != null) cpu.push(last.cpuSeconds);
  } else {
    for (; warmups < opts.warmup; warmups++) {
      err = once();
      if (err) return { error: err };
    }
  }
  process.stdout.write(warmups ? `warmup ${warmups}, runs ` : 'runs ');
  if (times.length) process.stdout.write(`${first.toFixed(2)}s `);
  while (times.length < opts.runs) {
    const est = times.length ? median(times) : first;
    if (times.length >= 1 && spent + est > budget) break;
    err = once();
    if (err) return { error: err };
    times.push(last.seconds);
    if (last.rssMB != null) rss.push(last.rssMB);
    if (last.cpuSeconds != null) cpu.push(last.cpuSeconds);
    process.stdout.write(`${last.seconds.toFixed(2)}s `);
  }
  process.stdout.write('\n');
  if (times.length < opts.runs) {
    notes.push(`${tool.label} on ${corpusName}: ${times.length} of ${opts.runs} runs (one run takes ${first.toFixed(0)} s; --budget ${opts.budget}; --budget 0 runs all)`);
  }
  const parsed = tool.parse(last.result);
  if (parsed.note) notes.push(`${tool.label}: ${parsed.note}`);
  return {
    tool: tool.name,
    label: tool.label,
    argv: tool.argv(corpus),
    runs: times.length,
    warmups,
    times,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    rssMB: rss.length ? Math.max(...rss) : null,
    cpuSeconds: cpu.length ? median(cpu) : null,
    findings: parsed.findings,
    stats: parsed.stats ?? undefined,
    notes,
  };
}

/** Read every corpus file once so no tool pays for a cold page cache that another didn't. */
function warmPageCache(dir) {
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        try {
          fs.readFileSync(p);
        } catch {}
      }
    }
  }
}

// ---------------------------------------------------------------- output

function table(rows, header) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const right = header.map((_, i) => i >= 2);
  const line = (r) => r.map((c, i) => (right[i] ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
  return [line(cells[0]), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function fmt(n, digits) {
  return n == null || !Number.isFinite(n) ? '-' : n.toFixed(digits);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const exitNotes = [];
  let failed = false;

  const timeBin = gnuTime();
  const m = machine();
  console.log(`keyhound benchmark  ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}`);
  console.log('');

  // --- corpus
  const built = ensureCorpus({ rebuild: opts.rebuild });
  console.log(describeParts(built.parts));
  const planted = plantedInfo();
  if (planted && built.parts.planted) console.log(`  (planted: ${planted.pairs} synthetic key ID + secret pairs in ${planted.files} files)`);
  console.log('');
  const corpora = [];
  for (const c of opts.corpus) {
    if (PARTS[c] !== undefined) {
      if (built.parts[c]) corpora.push({ name: c, ...built.parts[c] });
      else console.log(`note: corpus part '${c}' is missing (see the notes above); skipped`);
    } else if (fs.existsSync(c) && fs.statSync(c).isDirectory()) {
      const dir = path.resolve(c);
      corpora.push({ name: path.basename(dir), dir, ...corpusStats(dir) });
    } else {
      die(`--corpus '${c}' is neither one of ${Object.keys(PARTS).join(', ')} nor a folder`);
    }
  }
  if (corpora.length === 0) die('no corpus to scan');

  // --- tools
  const wanted = new Set(opts.tools ?? ALL_TOOLS);
  const tools = [];
  const versions = {};
  if (wanted.has('keyhound')) {
    if (opts.keyhound || fs.existsSync(KEYHOUND_BIN)) {
      tools.push(keyhoundTool(opts.keyhound));
      if (!opts.keyhound) {
        const v = spawnSync(process.execPath, [KEYHOUND_BIN, '--version'], { encoding: 'utf8' });
        versions.keyhound = v.status === 0 ? firstLine(v) : 'unknown';
      } else versions.keyhound = `override: ${opts.keyhound}`;
    } else {
      const msg = `keyhound is not built (${path.relative(REPO, KEYHOUND_BIN)} is missing): run \`npm install\` (or \`npm run build\`), then rerun; or pass --keyhound "CMD"`;
      console.log(`NOTE: ${msg}`);
      exitNotes.push(msg);
      failed = true;
    }
  }
  if (wanted.has('ripgrep')) {
    const rg = which('rg');
    if (rg) {
      tools.push(ripgrepTool(rg));
      versions.ripgrep = firstLine(spawnSync(rg, ['--version'], { encoding: 'utf8' }));
    } else console.log('note: ripgrep not installed: apt-get install ripgrep');
  }
  if (wanted.has('gitleaks') || wanted.has('gitleaks-aws')) {
    const bin = findGitleaks(opts.gitleaks);
    if (bin) {
      const info = gitleaksInfo(bin);
      versions.gitleaks = `${info.version ?? 'unknown version'} (${bin}${info.hasDir ? '' : ', using detect --no-git'})`;
      if (wanted.has('gitleaks')) tools.push(gitleaksTool(info, false));
      if (wanted.has('gitleaks-aws')) {
        if (info.hasEnableRule) tools.push(gitleaksTool(info, true));
        else console.log('note: this gitleaks has no --enable-rule; skipping gitleaks-aws');
      }
    } else {
      console.log(`note: gitleaks not installed${opts.gitleaks ? ` at ${opts.gitleaks}` : ''}: \`go install github.com/zricethezav/gitleaks/v8@latest\` (it lands in ~/go/bin, which this script also searches)`);
    }
  }
  if (!timeBin) console.log('note: /usr/bin/time (GNU) not found: peak memory is not measured (apt-get install time)');
  for (const [k, v] of Object.entries(versions)) console.log(`${k}: ${v}`);
  console.log('');
  if (tools.length === 0) die('no tool to run');

  // --- measure
  console.log(`Measuring (median of ${opts.runs} runs, ${opts.warmup} warmup, budget ${opts.budget || 'unlimited'} s per tool and corpus):`);
  const results = [];
  for (const c of corpora) {
    warmPageCache(c.dir);
    for (const t of tools) {
      const r = measure(t, c.name, c.dir, opts, timeBin);
      if (r.error) {
        const e = r.error;
        const what = `${t.label} failed on ${c.name}: ${e.error}`;
        console.log(`ERROR: ${what}`);
        if (e.stderr) console.log(e.stderr.trimEnd().split('\n').slice(-20).map((l) => `    ${l}`).join('\n'));
        exitNotes.push(what);
        if (t.name === 'keyhound') failed = true;
        continue;
      }
      results.push({ corpus: c.name, dir: c.dir, files: c.files, bytes: c.bytes, ...r });
    }
  }

  // --- report
  const hasRss = results.some((r) => r.rssMB != null);
  const header = ['tool', 'corpus', 'files', 'MB', 'runs', 'median s', 'min-max s', 'MB/s', 'files/s', 'findings', ...(hasRss ? ['max RSS MB'] : [])];
  const rows = results.map((r) => [
    r.label,
    r.corpus,
    r.files,
    fmt(mb(r.bytes), 1),
    r.runs,
    fmt(r.median, 3),
    `${fmt(r.min, 2)}-${fmt(r.max, 2)}`,
    fmt(mb(r.bytes) / r.median, 1),
    fmt(r.files / r.median, 0),
    r.findings ?? '-',
    ...(hasRss ? [fmt(r.rssMB, 0)] : []),
  ]);
  console.log('');
  console.log(table(rows, header));

  const ratios = [];
  for (const c of corpora) {
    const kh = results.find((r) => r.corpus === c.name && r.tool === 'keyhound');
    if (!kh) continue;
    for (const p of results.filter((r) => r.corpus === c.name && r.tool !== 'keyhound')) {
      const x = p.median / kh.median;
      ratios.push({ corpus: c.name, peer: p.tool, ratio: x });
      console.log(`keyhound/${p.tool} = ${x.toFixed(2)}x throughput on ${c.name}${x >= 1 ? '' : ` (${p.tool} is ${(1 / x).toFixed(1)}x faster)`}`);
    }
    if (kh.stats) {
      const s = kh.stats;
      const sk = s.skipped ? Object.entries(s.skipped).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') : '';
      console.log(`keyhound on ${c.name} scanned ${s.filesScanned ?? '?'} files, ${fmt(mb(s.bytesScanned ?? NaN), 1)} MB${sk ? `; skipped: ${sk}` : ''}${s.errors ? `; errors: ${s.errors}` : ''}`);
    }
  }
  const notes = [...built.notes, ...results.flatMap((r) => r.notes), ...exitNotes];
  if (notes.length) {
    console.log('');
    for (const n of notes) console.log(`note: ${n}`);
  }

  const out = {
    machine: m,
    versions,
    options: { runs: opts.runs, warmup: opts.warmup, budget: opts.budget, keyhound: opts.keyhound },
    corpus: Object.fromEntries(Object.entries(built.parts).map(([k, p]) => [k, { dir: path.relative(REPO, p.dir), files: p.files, MB: +mb(p.bytes).toFixed(2) }])),
    planted,
    results: results.map((r) => ({
      tool: r.tool,
      label: r.label,
      corpus: r.corpus,
      files: r.files,
      MB: +mb(r.bytes).toFixed(2),
      runs: r.runs,
      warmups: r.warmups,
      seconds: r.times.map((t) => +t.toFixed(4)),
      medianSeconds: +r.median.toFixed(4),
      MBps: +(mb(r.bytes) / r.median).toFixed(2),
      filesPerSecond: +(r.files / r.median).toFixed(1),
      findings: r.findings,
      maxRssMB: r.rssMB == null ? null : +r.rssMB.toFixed(1),
      cpuSeconds: r.cpuSeconds == null ? null : +r.cpuSeconds.toFixed(3),
      command: r.argv,
      ...(r.stats ? { keyhoundStats: r.stats } : {}),
    })),
    ratios: ratios.map((r) => ({ ...r, ratio: +r.ratio.toFixed(3) })),
    notes,
    ok: !failed,
  };
  fs.writeFileSync(path.join(CORPUS_DIR, 'last-run.json'), JSON.stringify(out, null, 2) + '\n');
  if (opts.json) {
    console.log('');
    console.log(JSON.stringify(out, null, 2));
  }
  process.exit(failed ? 1 : 0);
}

main();
