// Helpers shared by the benchmark scripts (run.mjs, corpus.mjs, corpora.mjs, git.mjs): paths,
// process running, the machine description, GNU time, the peers' discovery and installs, the
// deterministic synthetic keys, and the measuring loop (median of runs, peak RSS, time budget).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as nodeParseArgs } from 'node:util';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..');
/** Generated corpora and results (git-ignored). */
export const CORPUS_DIR = path.join(HERE, '.corpus');
/** Installed peers (git-ignored). */
export const CACHE_DIR = path.join(HERE, '.cache');
export const KEYHOUND_BIN = path.join(REPO, 'dist', 'src', 'bin.js');
export const NODE = process.execPath;
/** ripgrep's floor: the access key ID pattern and nothing else. */
export const RG_PATTERN = '(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}';
/** The history floor: every object of the repository read and decompressed by git, nothing scanned. */
export const CAT_FILE_FLOOR = 'git cat-file --batch-all-objects --batch > /dev/null';

// ---------------------------------------------------------------- small helpers

export const rmrf = (p) => fs.rmSync(p, { recursive: true, force: true });
export const mb = (bytes) => bytes / (1024 * 1024);
export const fmt = (n, d) => (n == null || !Number.isFinite(n) ? '-' : n.toFixed(d));
export const shq = (s) => (/^[\w@%+=:,./-]+$/.test(String(s)) ? String(s) : `'${String(s).replace(/'/g, `'\\''`)}'`);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** spawnSync with sane defaults; throws with the command's stderr unless allowFail. */
export function run(cmd, args, { cwd, env, input, allowFail = false, encoding = 'utf8', timeout } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, input, encoding, maxBuffer: 1 << 30, timeout });
  if (!allowFail && (r.error || r.status !== 0)) {
    const why = r.error ? r.error.message : `exit ${r.status}: ${String(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`;
    throw new Error(`${cmd} ${args.join(' ').slice(0, 200)}: ${why}`);
  }
  return r;
}

export function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return null;
}

export const firstLine = (r) => (`${r.stdout || ''}${r.stderr || ''}`).trim().split('\n')[0] || '';

/** A plain table: first column left-aligned, the rest right-aligned (or as `left` says). */
export function table(rows, header, left = [0]) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? '-')));
  const w = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (left.includes(i) ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
  return [line(cells[0]), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- the machine

export function machine() {
  let cpu = os.cpus()[0]?.model || 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {}
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) osName = `${m[1]} (${os.type()} ${os.release()})`;
  } catch {}
  return {
    cpu,
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${osName} ${os.arch()}`,
    node: process.version,
    git: run('git', ['--version'], { allowFail: true }).stdout?.trim().replace(/^git version /, '') || 'not installed',
    date: new Date().toISOString(),
  };
}

/** '/usr/bin/time' when it is GNU time (has -v and reports the peak RSS), else null. */
export function gnuTime() {
  if (!isExecutable('/usr/bin/time')) return null;
  const r = run('/usr/bin/time', ['-v', NODE, '-e', ''], { allowFail: true });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr) ? '/usr/bin/time' : null;
}

/** { rssMB, cpuSeconds } from the text of `/usr/bin/time -v`. */
export function parseTimeV(text) {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  const u = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const s = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return { rssMB: m ? Number(m[1]) / 1024 : null, cpuSeconds: u && s ? Number(u[1]) + Number(s[1]) : null };
}

// ---------------------------------------------------------------- peers

export function findGitleaks(explicit) {
  if (explicit) return isExecutable(explicit) ? path.resolve(explicit) : null;
  const onPath = which('gitleaks');
  if (onPath) return onPath;
  const dirs = [process.env.GOBIN, ...(process.env.GOPATH || '').split(path.delimiter).map((d) => d && path.join(d, 'bin')), path.join(os.homedir(), 'go', 'bin')];
  for (const d of dirs) if (d && isExecutable(path.join(d, 'gitleaks'))) return path.join(d, 'gitleaks');
  return null;
}

const versionLess = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i];
  return false;
};

/** The version and the sub-commands of a gitleaks binary (`dir` and `git` arrived in 8.19). */
export function gitleaksInfo(bin) {
  const help = run(bin, ['--help'], { allowFail: true });
  const text = `${help.stdout || ''}${help.stderr || ''}`;
  let version = /v?(\d+\.\d+\.\d+)/.exec(run(bin, ['version'], { allowFail: true }).stdout || '')?.[1] ?? null;
  // A `go install`ed gitleaks says "version is set by build process": ask Go for the module version.
  if (!version) version = /\bmod\s+\S*gitleaks\S*\s+v(\d+\.\d+\.\d+)/.exec(run('go', ['version', '-m', bin], { allowFail: true }).stdout || '')?.[1] ?? null;
  let modern = /^\s+dir\s/m.test(text) && /^\s+git\s/m.test(text);
  if (!/Available Commands/.test(text) && version) modern = !versionLess(version, '8.19.0');
  return { bin, version, hasDir: modern, hasGit: modern, hasEnableRule: /--enable-rule\b/.test(text) };
}

export function gitSecretsVersion() {
  const r = run('dpkg-query', ['-W', '-f=${Version}', 'git-secrets'], { allowFail: true });
  return r.status === 0 && r.stdout.trim() ? `${r.stdout.trim()} (Debian package)` : 'unknown (git-secrets has no --version)';
}

/**
 * A git config file holding `git secrets --register-aws --global`, for GIT_CONFIG_GLOBAL: git-secrets
 * then has its AWS patterns without writing into ~/.gitconfig or into any repository it scans.
 */
export function gitSecretsConfig() {
  const file = path.join(CACHE_DIR, 'git-secrets', 'gitconfig');
  if (fs.existsSync(file) && /patterns = /.test(fs.readFileSync(file, 'utf8'))) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  run('git', ['secrets', '--register-aws', '--global'], { env: { ...process.env, GIT_CONFIG_GLOBAL: file } });
  return file;
}

/** pip's command to download one sdist (no wheels, no dependencies) into dest. */
export function pipDownloadCommand(specs, dest, extra = []) {
  const python = process.env.PYTHON || 'python3';
  return {
    cmd: python,
    args: ['-m', 'pip', 'download', '--no-deps', '--no-binary', ':all:', ...extra, ...specs, '-d', dest],
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  };
}

/** Runs pipDownloadCommand synchronously; null on success, else a one-line reason. */
export function pipDownload(specs, dest, { quiet = false } = {}) {
  const { cmd, args, env } = pipDownloadCommand(specs, dest);
  if (!quiet) console.log(`  $ ${cmd} ${args.join(' ')}`);
  const r = run(cmd, args, { env, allowFail: true });
  if (r.error) return `cannot run ${cmd}: ${r.error.message}`;
  if (r.status !== 0) return (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ');
  return null;
}

export const DETECT_SECRETS_VERSION = '1.5.0';
export const SECRETLINT_VERSION = '13.0.6';
export const SECRETLINT_PRESET_VERSION = '13.1.0';

/**
 * A pinned PyPI package in its own virtualenv under bench/.cache (python3 -m venv, pip install, once).
 * `versionOf(bin)` reads the installed version. Returns { bin, version } or { error }.
 */
function ensureVenvTool({ venvName, pkg, version, binName, versionOf, quiet }) {
  const venv = path.join(CACHE_DIR, venvName);
  const bin = path.join(venv, 'bin', binName);
  if (isExecutable(bin) && versionOf(bin) === version) return { venv, bin, version };
  const python = process.env.PYTHON || 'python3';
  if (!quiet) console.log(`  installing ${pkg} ${version} into ${path.relative(REPO, venv)} (python3 -m venv, pip install)`);
  const mk = run(python, ['-m', 'venv', venv], { allowFail: true });
  if (mk.error || mk.status !== 0) return { error: `python3 -m venv failed: ${(mk.error?.message || mk.stderr || '').trim().split('\n').slice(-1)[0]} (apt-get install python3-venv)` };
  const pip = run(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '-q', `${pkg}==${version}`], { allowFail: true, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
  if (pip.status !== 0 || !isExecutable(bin)) return { error: `pip install ${pkg} failed: ${(pip.stderr || pip.error?.message || '').trim().split('\n').slice(-1)[0]}` };
  return { venv, bin, version: versionOf(bin) };
}

/** detect-secrets, pinned, in bench/.cache/detect-secrets-venv. Returns { bin, hook, version } or { error }. */
export function ensureDetectSecrets({ quiet = false } = {}) {
  const r = ensureVenvTool({
    venvName: 'detect-secrets-venv', pkg: 'detect-secrets', version: DETECT_SECRETS_VERSION, binName: 'detect-secrets', quiet,
    versionOf: (bin) => firstLine(run(bin, ['--version'], { allowFail: true })),
  });
  return r.error ? r : { bin: r.bin, hook: path.join(r.venv, 'bin', 'detect-secrets-hook'), version: r.version };
}

export const KINGFISHER_VERSION = '2.14.0';

/**
 * kingfisher (MongoDB's Rust scanner on Vectorscan), pinned, from PyPI's `kingfisher-bin` (a wheel
 * that ships the binary) in bench/.cache/kingfisher-venv. Its compiled rule cache goes to
 * bench/.cache/kingfisher-rules (env KF_RULE_CACHE_DIR), not to ~/.cache.
 * Returns { bin, version, env } or { error }.
 */
export function ensureKingfisher({ quiet = false } = {}) {
  const r = ensureVenvTool({
    venvName: 'kingfisher-venv', pkg: 'kingfisher-bin', version: KINGFISHER_VERSION, binName: 'kingfisher', quiet,
    versionOf: (bin) => /kingfisher (\S+)/.exec(firstLine(run(bin, ['--version'], { allowFail: true })))?.[1] ?? null,
  });
  return r.error ? r : { bin: r.bin, version: r.version, env: { KF_RULE_CACHE_DIR: path.join(CACHE_DIR, 'kingfisher-rules') } };
}

/**
 * secretlint + its recommended preset in bench/.cache/secretlint (npm install, pinned, once), with
 * a .secretlintrc.json that enables the preset. Returns { bin, rc, version } or { error }.
 */
export function ensureSecretlint({ quiet = false } = {}) {
  const dir = path.join(CACHE_DIR, 'secretlint');
  const bin = path.join(dir, 'node_modules', '.bin', 'secretlint');
  const rc = path.join(dir, '.secretlintrc.json');
  const want = { secretlint: SECRETLINT_VERSION, '@secretlint/secretlint-rule-preset-recommend': SECRETLINT_PRESET_VERSION };
  const installed = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2) + '\n');
  if (!isExecutable(bin) || Object.entries(want).some(([n, v]) => installed(n) !== v)) {
    if (!quiet) console.log(`  installing secretlint ${SECRETLINT_VERSION} + preset-recommend ${SECRETLINT_PRESET_VERSION} into ${path.relative(REPO, dir)} (npm install)`);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'keyhound-bench-secretlint', private: true }, null, 2) + '\n');
    const npm = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(want).map(([n, v]) => `${n}@${v}`)], { cwd: dir, allowFail: true });
    if (npm.error || npm.status !== 0 || !isExecutable(bin)) return { error: `npm install secretlint failed: ${(npm.error?.message || npm.stderr || '').trim().split('\n').slice(-1)[0]}` };
  }
  return { bin, rc, version: `${installed('secretlint')} (preset-recommend ${installed('@secretlint/secretlint-rule-preset-recommend')})` };
}

// ---------------------------------------------------------------- synthetic keys

/** Deterministic bytes from a seed (SHA-256 in counter mode). */
export function byteStream(seed) {
  let counter = 0;
  let buf = Buffer.alloc(0);
  let pos = 0;
  return () => {
    if (pos >= buf.length) {
      buf = createHash('sha256').update(`${seed}:${counter++}`).digest();
      pos = 0;
    }
    return buf[pos++];
  };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';

/** Synthetic, key-shaped credentials from a seed: the same on every machine, stored nowhere. */
export function keyMaker(seed) {
  const next = byteStream(seed);
  // Both alphabets have a power-of-two size, so masking is unbiased.
  const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[next() & (alphabet.length - 1)]).join('');
  return {
    // Built by concatenation at run time: no key-shaped literal lives in this repository.
    keyId: () => 'AKIA' + pick(BASE32, 16),
    secret: () => pick(B64, 40),
    int: (n) => next() % n,
  };
}

// ---------------------------------------------------------------- page cache

/** Reads a file, or every file under a folder, once: no tool pays for a cold cache another didn't. */
export function warmPageCache(p) {
  const buf = Buffer.allocUnsafe(1 << 20);
  const stack = [p];
  while (stack.length) {
    const cur = stack.pop();
    let st;
    try {
      st = fs.lstatSync(cur);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(cur)) stack.push(path.join(cur, e));
    } else if (st.isFile()) {
      try {
        const fd = fs.openSync(cur, 'r');
        while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
        fs.closeSync(fd);
      } catch {}
    }
  }
}

// ---------------------------------------------------------------- measuring

/** Resident memory (MB) of pid and all its descendants, from /proc; null where /proc is missing. */
function treeRssMB(root) {
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return null;
  }
  const kids = new Map();
  const rss = new Map();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      // Field 24 (rss, in pages); f[0] is field 3.
      rss.set(Number(e), Number(f[21]) * 4096);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(e));
    } catch {}
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    for (const k of kids.get(p) ?? []) stack.push(k);
  }
  return mb(total);
}

/**
 * Runs spec.argv once (under GNU time when timeBin), in its own process group, killed with all its
 * children after timeoutS seconds. Peak memory is the larger of GNU time's maximum RSS (the largest
 * single process) and the sum over the process tree, sampled every 100 ms.
 */
export function runOnce(spec, { timeBin, timeoutS, scratch }) {
  spec.before?.();
  const timeOut = path.join(scratch, 'time-v.txt');
  rmrf(timeOut);
  const [cmd, ...args] = timeBin ? [timeBin, '-v', '-o', timeOut, ...spec.argv] : spec.argv;
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    let child;
    try {
      child = spawn(cmd, args, { cwd: spec.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1', ...(spec.env || {}) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ seconds: 0, error: e.message, stdout: '', stderr: '' });
      return;
    }
    const out = [];
    const err = [];
    let outBytes = 0;
    const keep = spec.keepStdout === false ? 0 : 1 << 30;
    child.stdout.on('data', (c) => {
      if (outBytes < keep) out.push(c);
      outBytes += c.length;
    });
    child.stderr.on('data', (c) => {
      err.push(c);
      if (err.length > 2000) err.splice(0, 1000);
    });
    let treePeak = 0;
    const sample = () => {
      const v = treeRssMB(child.pid);
      if (v != null && v > treePeak) treePeak = v;
    };
    const sampler = setInterval(sample, 100);
    let killed = false;
    const timer = timeoutS > 0 && Number.isFinite(timeoutS)
      ? setTimeout(() => {
          killed = true;
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, timeoutS * 1000)
      : null;
    let spawnError = null;
    child.on('error', (e) => (spawnError = e.message));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      let timeV = { rssMB: null, cpuSeconds: null };
      if (timeBin) {
        try {
          timeV = parseTimeV(fs.readFileSync(timeOut, 'utf8'));
        } catch {}
      }
      // GNU time exits with the command's status, or 128+signal when it was killed by one.
      const r = { status: code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (timeBin) r.stderr = r.stderr.replace(/^Command (exited with non-zero status|terminated by signal) .*\n/m, '');
      const rssMB = Math.max(timeV.rssMB ?? 0, treePeak) || null;
      if (killed) resolve({ seconds, killed: true, rssMB, result: r });
      else if (spawnError) resolve({ seconds, error: spawnError, result: r });
      else resolve({ seconds, rssMB, cpuSeconds: timeV.cpuSeconds, error: spec.check ? spec.check(r) : null, result: r });
    });
  });
}

/**
 * A warmup (when the budget allows it) and up to opts.runs timed runs, all within opts.budget
 * seconds; a run still going at the budget is killed. Returns { times, median, rssMB, last, ... },
 * or { killed } / { error } (with the last result).
 */
export async function measure(spec, { runs, warmup = 1, budget, timeBin, scratch, onProgress = () => {} }) {
  const limit = budget > 0 ? budget : Infinity;
  const times = [];
  const rss = [];
  const cpu = [];
  let spent = 0;
  let last = null;
  const once = async () => {
    const r = await runOnce(spec, { timeBin, timeoutS: Math.max(1, limit - spent), scratch });
    spent += r.seconds;
    return r;
  };
  let r = await once();
  if (r.killed || r.error) return { ...r, times, spent };
  last = r;
  const first = r.seconds;
  let warmups = 0;
  if (warmup > 0 && first * (warmup + runs) <= 0.8 * limit) {
    warmups = 1;
    onProgress(`warmup ${first.toFixed(2)}s`);
    for (; warmups < warmup; warmups++) {
      r = await once();
      if (r.killed || r.error) return { ...r, times, spent };
    }
  } else {
    times.push(first);
    if (r.rssMB != null) rss.push(r.rssMB);
    if (r.cpuSeconds != null) cpu.push(r.cpuSeconds);
    onProgress(`${first.toFixed(2)}s`);
  }
  while (times.length < runs) {
    if (times.length >= 1 && spent + median(times) > limit) break;
    r = await once();
    // A timed run that would take longer than the rest of the budget is dropped, not reported;
    // when it was the only one, the warmup's time stands in for it.
    if (r.killed && times.length) break;
    if (r.killed && warmups && last) {
      times.push(first);
      if (last.rssMB != null) rss.push(last.rssMB);
      if (last.cpuSeconds != null) cpu.push(last.cpuSeconds);
      warmups = 0;
      break;
    }
    if (r.killed || r.error) return { ...r, times, spent };
    last = r;
    times.push(r.seconds);
    if (r.rssMB != null) rss.push(r.rssMB);
    if (r.cpuSeconds != null) cpu.push(r.cpuSeconds);
    onProgress(`${r.seconds.toFixed(2)}s`);
  }
  return {
    times,
    warmups,
    spent,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    rssMB: rss.length ? Math.max(...rss) : null,
    cpuSeconds: cpu.length ? median(cpu) : null,
    last,
  };
}

// ---------------------------------------------------------------- command-line options

/**
 * Options parsed by node:util's parseArgs (strict: an unknown option or a missing value is an error),
 * with the checks the bench scripts share. `fail(message)` reports a usage error and exits 2.
 */
export function readOptions(argv, options, help, fail) {
  let parsed;
  try {
    parsed = nodeParseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (err) {
    fail(`${err.message.split('\n')[0]} (see --help)`);
  }
  if (parsed.values.help) {
    console.log(help);
    process.exit(0);
  }
  return parsed.values;
}

/** A whole number >= min from an option's text, or a usage error. */
export function wholeNumber(value, flag, min, fail) {
  if (!/^\d+$/.test(String(value)) || Number(value) < min) fail(`${flag} wants a whole number >= ${min}, got '${value}'`);
  return Number(value);
}

/** A comma list whose every item is in `known`, or a usage error. */
export function knownList(value, known, flag, fail) {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) fail(`${flag} wants a comma list of ${known.join(', ')}`);
  for (const x of items) if (!known.includes(x)) fail(`unknown ${flag.replace(/^--/, '')} '${x}'; known: ${known.join(', ')}`);
  return items;
}
