#!/usr/bin/env node
// keyhound benchmark: one table across corpora (folder trees, a real git history, a pre-commit, big
// single files) and peers (ripgrep, kingfisher, gitleaks, detect-secrets, git-secrets, secretlint)
// and floors (ripgrep -j2, git cat-file, node -e 0), with the targets of issues 13 and 6 checked and
// issue 13's table printed. See bench/README.md.
//
//   npm run bench -- [--corpus npm-tree,sources,folder,history,staged,bigfile] [--tools LIST] [--runs N] [--budget S]
//                    [--repo PATH] [--repo-url URL] [--pin SHA] [--keyhound "CMD"] [--json]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus, plantedInfo } from './corpus.mjs';
import { BOTOCORE_PIN, BOTOCORE_URL, buildStagedRepo, ensureBigFiles, ensureHistoryRepo, ensureNpmTree, ensureSources, gitDirOf, repoStats } from './corpora.mjs';
import {
  CACHE_DIR, CAT_FILE_FLOOR, CORPUS_DIR, KEYHOUND_BIN, NODE, REPO, RG_PATTERN,
  ensureDetectSecrets, ensureKingfisher, ensureSecretlint, findGitleaks, firstLine, fmt, gitSecretsConfig, gitSecretsVersion,
  gitleaksInfo, gnuTime, knownList, machine, mb, measure, readOptions, rmrf, run, shq, table, warmPageCache, which, wholeNumber,
} from './lib.mjs';
import { fmtWall, gitSecretsFindings, issueTable, jsonReportFindings, keyhoundFindings, rgFindings, speedRatio, targets } from './targets.mjs';

const CORPORA = ['npm-tree', 'sources', 'folder', 'history', 'staged', 'bigfile'];
/** `bigfile` is two files; each can be picked alone. */
const SUB = { 'npm-tree': ['npm-tree'], sources: ['sources'], folder: ['folder'], history: ['history'], staged: ['staged'], bigfile: ['bigfile', 'bigline'], bigline: ['bigline'] };
const TOOLS = ['keyhound', 'node', 'cat-file', 'ripgrep', 'ripgrep-j2', 'kingfisher', 'kingfisher-aws', 'gitleaks', 'gitleaks-aws', 'detect-secrets', 'git-secrets', 'secretlint'];
/** Per corpus: timed runs and the seconds one tool may spend (then it is killed). */
const DEFAULTS = {
  'npm-tree': { runs: 5, budget: 120 },
  sources: { runs: 5, budget: 180 },
  folder: { runs: 5, budget: 120 },
  history: { runs: 3, budget: 300 },
  staged: { runs: 20, budget: 60 },
  bigfile: { runs: 3, budget: 90 },
  bigline: { runs: 3, budget: 60 },
};
const RESULTS = path.join(CORPUS_DIR, 'last-run.json');
const SCRATCH = path.join(CORPUS_DIR, 'scratch');

const HELP = `Usage: npm run bench -- [options]      (or: node bench/run.mjs [options])

  --corpus LIST     comma list of ${CORPORA.join(', ')} (default: all). bigfile is two files,
                    1 GiB of lines and a 200 MiB single line; 'bigline' picks the second alone
  --tools LIST      comma list of ${TOOLS.join(', ')}
                    (default: all; a peer that is missing or fails to install is skipped with a note)
  --runs N          timed runs per tool and corpus, median reported (default: npm-tree, sources
                    and folder 5, history 3, staged 20, bigfile 3)
  --warmup N        untimed runs first, when the budget allows (default 1)
  --budget S        seconds one tool may spend on one corpus; a run still going then is killed and
                    shown as "> S s (killed)" (default: npm-tree 120, sources 180, folder 120,
                    history 300, staged 60, bigfile 90, bigline 60; 0 = no limit)
  --repo PATH       history: scan this local repository as it is (all its refs) instead of botocore
  --repo-url URL    history: clone botocore from URL (a URL or a local path) instead of
                    ${BOTOCORE_URL}
  --pin SHA         history: pin the botocore clone to this commit instead of ${BOTOCORE_PIN.slice(0, 12)}
                    (an older commit gives a shorter history, for a quick try)
  --keyhound "CMD"  benchmark another keyhound build: CMD runs under /bin/sh with keyhound's
                    arguments appended (default: node dist/src/bin.js)
  --gitleaks PATH   the gitleaks binary (default: PATH, then $GOBIN, $GOPATH/bin, ~/go/bin)
  --json            also print the results as JSON (always saved to bench/.corpus/last-run.json)
  --rebuild-corpus  rebuild the folder corpus (downloads are kept)
  -h, --help        this text`;

function die(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

function parseArgs(argv) {
  const v = readOptions(argv, {
    corpus: { type: 'string' }, tools: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' },
    budget: { type: 'string' }, repo: { type: 'string' }, 'repo-url': { type: 'string' }, pin: { type: 'string' },
    keyhound: { type: 'string' }, gitleaks: { type: 'string' }, json: { type: 'boolean' }, 'rebuild-corpus': { type: 'boolean' },
  }, HELP, die);
  const o = {
    corpus: v.corpus === undefined ? null : knownList(v.corpus, [...CORPORA, 'bigline'], '--corpus', die),
    tools: v.tools === undefined ? null : knownList(v.tools, TOOLS, '--tools', die),
    runs: v.runs === undefined ? null : wholeNumber(v.runs, '--runs', 1, die),
    warmup: v.warmup === undefined ? 1 : wholeNumber(v.warmup, '--warmup', 0, die),
    budget: v.budget === undefined ? null : wholeNumber(v.budget, '--budget', 0, die),
    repo: v.repo === undefined ? null : path.resolve(v.repo),
    repoUrl: v['repo-url'] ?? null,
    pin: v.pin ?? BOTOCORE_PIN,
    keyhound: v.keyhound ?? null,
    gitleaks: v.gitleaks ?? null,
    json: v.json === true,
    rebuild: v['rebuild-corpus'] === true,
  };
  if (!/^[0-9a-f]{7,40}$/.test(o.pin)) die(`--pin wants a commit SHA, got '${o.pin}'`);
  if (o.repo && o.repoUrl) die('--repo and --repo-url exclude each other');
  if (o.repo && !fs.existsSync(o.repo)) die(`--repo ${o.repo} does not exist`);
  if (o.gitleaks && !fs.existsSync(o.gitleaks)) die(`--gitleaks ${o.gitleaks} does not exist`);
  return o;
}

// ---------------------------------------------------------------- findings parsers (the rest: targets.mjs)

const jsonFileFindings = (file) => () => {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { findings: null, note: `no report: ${e.message}` };
  }
  return jsonReportFindings(text);
};
const okExit = (...codes) => (r) => (codes.includes(r.status) ? null : `exit ${r.status ?? r.signal}`);

// ---------------------------------------------------------------- the tools, per corpus kind

/**
 * Each tool: spec(corpus) → { argv, cwd, env, before, check, parse } for a corpus it can scan, or a
 * string saying why not. Corpus kinds: folder (dir), bigfile/bigline (file), history (git dir), staged.
 */
function makeTools(opts, notes, versions) {
  const tools = [];
  const wanted = new Set(opts.tools ?? TOOLS);
  const pick = (name) => wanted.has(name);
  const scratch = (f) => path.join(SCRATCH, f);

  if (pick('keyhound')) {
    const base = opts.keyhound ? (args) => ['/bin/sh', '-c', `${opts.keyhound} "$@"`, 'keyhound', ...args] : (args) => [NODE, KEYHOUND_BIN, ...args];
    if (!opts.keyhound && !fs.existsSync(KEYHOUND_BIN)) {
      notes.push(`keyhound is not built (${path.relative(REPO, KEYHOUND_BIN)} is missing): run \`npm run build\`, or pass --keyhound "CMD"`);
    } else {
      versions.keyhound = opts.keyhound ? `--keyhound ${opts.keyhound}` : firstLine(run(NODE, [KEYHOUND_BIN, '--version'], { allowFail: true }));
      const check = okExit(0, 1);
      tools.push({
        name: 'keyhound',
        label: opts.keyhound ? 'keyhound (--keyhound)' : 'keyhound',
        spec: (c) => {
          if (c.kind === 'history') return { argv: base(['history', '--format', 'json', '--no-progress', '--max-file-size', '100MB']), cwd: c.path, check, parse: keyhoundFindings };
          if (c.kind === 'staged') return { argv: base(['staged', '--format', 'json']), cwd: c.path, check, parse: keyhoundFindings };
          const max = c.kind === 'folder' ? '100MB' : '2GB';
          return { argv: base(['scan', c.path, '--format', 'json', '--no-progress', '--no-gitignore', '--max-file-size', max]), check, parse: keyhoundFindings };
        },
      });
    }
  }
  if (pick('node')) {
    tools.push({
      name: 'node',
      label: 'node -e 0 (floor)',
      spec: (c) => (c.kind === 'staged' ? { argv: [NODE, '-e', '0'], cwd: c.path, check: okExit(0), parse: () => ({ findings: null }) } : null),
    });
  }
  if (pick('cat-file')) {
    // The history floor (issue 13): git reading and inflating every object, written nowhere.
    tools.push({
      name: 'cat-file',
      label: 'git cat-file (floor)',
      spec: (c) => (c.kind === 'history' ? { argv: ['/bin/sh', '-c', CAT_FILE_FLOOR], cwd: c.path, check: okExit(0), parse: () => ({ findings: null }) } : null),
    });
  }
  if (pick('ripgrep') || pick('ripgrep-j2')) {
    const rg = which('rg');
    if (!rg) notes.push('ripgrep not installed (apt-get install ripgrep): skipped');
    else {
      versions.ripgrep = firstLine(run(rg, ['--version'])).replace(/^ripgrep /, '');
      // ripgrep's own thread count (one per core), and issue 13's floor: exactly 2 threads.
      for (const [name, label, threads] of [['ripgrep', 'ripgrep (key ID regex)', []], ['ripgrep-j2', 'ripgrep -j2 (floor)', ['-j2']]]) {
        if (!pick(name)) continue;
        tools.push({
          name,
          label,
          spec: (c) => {
            if (c.kind === 'history') return 'no history mode';
            if (c.kind === 'staged') return 'no staged mode';
            return { argv: [rg, ...threads, '--no-ignore', '--hidden', '--count-matches', '-e', RG_PATTERN, c.path], check: okExit(0, 1), parse: rgFindings };
          },
        });
      }
    }
  }
  if (pick('kingfisher') || pick('kingfisher-aws')) {
    const kf = ensureKingfisher();
    if (kf.error) notes.push(`kingfisher: ${kf.error}: skipped`);
    else {
      versions.kingfisher = `${kf.version} (PyPI kingfisher-bin)`;
      for (const aws of [false, true]) {
        if (!pick(aws ? 'kingfisher-aws' : 'kingfisher')) continue;
        const report = scratch(aws ? 'kingfisher-aws.json' : 'kingfisher.json');
        // No validation (it would call AWS), no update check (network); its default 2 threads.
        // `--rule betterleaks.aws-access-token` selects the AWS key ID + secret rule (and the secret
        // rule it depends on) out of its 488.
        const common = ['--no-validate', '--no-update-check', '-q', '-f', 'json', '-o', report, ...(aws ? ['--rule', 'betterleaks.aws-access-token'] : [])];
        // 0: nothing found, 200: findings, 205: validated findings (not with --no-validate).
        const check = okExit(0, 200, 205);
        tools.push({
          name: aws ? 'kingfisher-aws' : 'kingfisher',
          label: aws ? 'kingfisher (aws rule)' : 'kingfisher',
          spec: (c) => {
            if (c.kind === 'history') return 'not run on history (issue 13 compares it on folders only)';
            if (c.kind === 'staged') return 'not run on staged';
            const max = c.kind === 'folder' ? '100' : '2048';
            return { argv: [kf.bin, 'scan', c.path, ...common, '--max-file-size', max], env: kf.env, before: () => rmrf(report), check, parse: jsonFileFindings(report) };
          },
        });
      }
    }
  }
  if (pick('gitleaks') || pick('gitleaks-aws')) {
    const bin = findGitleaks(opts.gitleaks);
    if (!bin) notes.push('gitleaks not installed (go install github.com/zricethezav/gitleaks/v8@latest; ~/go/bin is searched): skipped');
    else {
      const info = gitleaksInfo(bin);
      versions.gitleaks = `${info.version ?? 'unknown version'} (${bin})`;
      for (const aws of [false, true]) {
        if (!pick(aws ? 'gitleaks-aws' : 'gitleaks')) continue;
        if (aws && !info.hasEnableRule) {
          notes.push('this gitleaks has no --enable-rule: gitleaks-aws skipped');
          continue;
        }
        const report = scratch(aws ? 'gitleaks-aws.json' : 'gitleaks.json');
        const common = ['--no-banner', '--report-format', 'json', '--report-path', report, ...(aws ? ['--enable-rule', 'aws-access-token'] : [])];
        const check = (r) => (r.status === 0 || (r.status === 1 && fs.existsSync(report)) ? null : `exit ${r.status ?? r.signal}`);
        tools.push({
          name: aws ? 'gitleaks-aws' : 'gitleaks',
          label: aws ? 'gitleaks (aws rule)' : 'gitleaks',
          spec: (c) => {
            const before = () => rmrf(report);
            const parse = jsonFileFindings(report);
            if (c.kind === 'history') return { argv: info.hasGit ? [bin, 'git', c.path, ...common] : [bin, 'detect', '--source', c.path, ...common], before, check, parse };
            if (c.kind === 'staged') return { argv: info.hasGit ? [bin, 'git', '--pre-commit', '--staged', ...common] : [bin, 'protect', '--staged', ...common], cwd: c.path, before, check, parse };
            return { argv: info.hasDir ? [bin, 'dir', c.path, ...common] : [bin, 'detect', '--no-git', '--source', c.path, ...common], before, check, parse };
          },
        });
      }
    }
  }
  if (pick('detect-secrets')) {
    const ds = ensureDetectSecrets();
    if (ds.error) notes.push(`detect-secrets: ${ds.error}: skipped`);
    else {
      versions['detect-secrets'] = ds.version;
      const parse = (r) => {
        try {
          const j = JSON.parse(r.stdout);
          return { findings: Object.values(j.results).reduce((s, v) => s + v.length, 0) };
        } catch {
          return { findings: null, note: 'stdout is not JSON' };
        }
      };
      tools.push({
        name: 'detect-secrets',
        label: 'detect-secrets',
        spec: (c) => {
          if (c.kind === 'history') return 'no history mode';
          // Paths outside its working directory are dropped silently: run it from the corpus.
          if (c.kind === 'folder') return { argv: [ds.bin, 'scan', '--all-files', '.'], cwd: c.path, check: okExit(0), parse };
          if (c.kind === 'staged') return { argv: [ds.hook, ...c.files], cwd: c.path, check: okExit(0, 1), parse: (r) => ({ findings: (r.stdout.match(/^Secret Type:/gm) || []).length }) };
          return { argv: [ds.bin, 'scan', '--all-files', path.basename(c.path)], cwd: path.dirname(c.path), check: okExit(0), parse };
        },
      });
    }
  }
  if (pick('git-secrets')) {
    if (!which('git-secrets')) notes.push('git-secrets not installed (apt-get install git-secrets): skipped');
    else {
      versions['git-secrets'] = gitSecretsVersion();
      let config = null;
      try {
        config = gitSecretsConfig();
      } catch (e) {
        notes.push(`git-secrets: git secrets --register-aws failed (${e.message}): skipped`);
      }
      if (config) {
        const env = { GIT_CONFIG_GLOBAL: config };
        // 0: nothing found; 1 with this line: patterns matched; anything else: it failed.
        const check = (r) => (r.status === 0 || (r.status === 1 && /Matched one or more prohibited patterns/.test(r.stderr)) ? null : `exit ${r.status ?? r.signal}`);
        const neutral = os.tmpdir();
        tools.push({
          name: 'git-secrets',
          label: 'git-secrets',
          spec: (c) => {
            if (c.kind === 'history') return { argv: ['git', 'secrets', '--scan-history'], cwd: c.path, env, check, parse: gitSecretsFindings, keepStdout: false };
            if (c.kind === 'staged') return { argv: ['git', 'secrets', '--pre_commit_hook'], cwd: c.path, env, check, parse: gitSecretsFindings };
            // Given paths, --scan runs grep -r (no git repository needed).
            return { argv: ['git', 'secrets', '--scan', ...(c.kind === 'folder' ? ['-r'] : []), c.path], cwd: neutral, env, check, parse: gitSecretsFindings };
          },
        });
      }
    }
  }
  if (pick('secretlint')) {
    const sl = ensureSecretlint();
    if (sl.error) notes.push(`secretlint: ${sl.error}: skipped`);
    else {
      versions.secretlint = sl.version;
      const common = ['--secretlintrc', sl.rc, '--format', 'unix', '--no-color', '--no-terminalLink', '--no-gitignore'];
      const parse = (r) => ({ findings: r.stdout.split('\n').filter((l) => /:\d+:\d+: /.test(l)).length });
      tools.push({
        name: 'secretlint',
        label: 'secretlint',
        spec: (c) => {
          if (c.kind === 'history') return 'no history mode';
          if (c.kind === 'staged') return { argv: [sl.bin, ...common, ...c.files], cwd: c.path, check: okExit(0, 1), parse };
          if (c.kind === 'folder') return { argv: [sl.bin, ...common, `${c.path}/**/*`], cwd: c.path, check: okExit(0, 1), parse };
          return { argv: [sl.bin, ...common, '--no-glob', c.path], check: okExit(0, 1), parse };
        },
      });
    }
  }
  return tools;
}

// ---------------------------------------------------------------- corpora

async function prepareCorpora(opts, notes) {
  const names = [...new Set((opts.corpus ?? CORPORA).flatMap((c) => SUB[c]))];
  const corpora = [];
  let folderBuilt = null;
  const folder = () => (folderBuilt ??= ensureCorpus({ rebuild: opts.rebuild, quiet: false }));
  for (const name of names) {
    if (name === 'npm-tree' || name === 'sources') {
      const b = name === 'npm-tree' ? ensureNpmTree() : ensureSources();
      notes.push(...(b.notes ?? []));
      if (b.error) {
        notes.push(`${name}: the corpus could not be built: ${b.error}: skipped`);
        continue;
      }
      const about = name === 'npm-tree'
        ? 'npm ci of bench/npm-tree (aws-sdk v2, 6 v3 clients, typescript)'
        : 'PyPI sdists of awscli, botocore, boto3, moto + the aws-sdk v2 npm tarball + the npm tree';
      corpora.push({ name, kind: 'folder', path: b.dir, bytes: b.bytes, files: b.files, about: `${about}; ${b.files} files` });
    } else if (name === 'folder') {
      const b = folder();
      notes.push(...b.notes);
      if (!b.parts.all) {
        notes.push('folder: the corpus could not be built: skipped');
        continue;
      }
      const planted = plantedInfo();
      corpora.push({ name, kind: 'folder', path: b.tree, bytes: b.parts.all.bytes, files: b.parts.all.files, about: `pinned PyPI sdists of awscli/botocore/boto3 + a node_modules copy + ${planted?.pairs ?? '?'} planted pairs; ${b.parts.all.files} files` });
    } else if (name === 'history') {
      let dir;
      let about;
      if (opts.repo) {
        dir = opts.repo;
        if (!gitDirOf(dir)) {
          notes.push(`history: --repo ${dir} is not a git repository: skipped`);
          continue;
        }
        about = `--repo ${dir}, all its refs`;
      } else {
        const h = ensureHistoryRepo({ url: opts.repoUrl, pin: opts.pin });
        if (h.error) {
          notes.push(`history: skipped: ${h.error}`);
          continue;
        }
        dir = h.dir;
        about = `botocore at ${h.pin.slice(0, 12)} (cloned from ${h.source})`;
      }
      const s = repoStats(gitDirOf(dir));
      corpora.push({ name, kind: 'history', path: dir, bytes: s.bytes, about: `${about}: ${s.commits} commits, ${s.blobs} unique blobs` });
    } else if (name === 'staged') {
      if (!fs.existsSync(path.join(CORPUS_DIR, 'tree', 'pypi'))) folder();
      const s = buildStagedRepo();
      corpora.push({ name, kind: 'staged', path: s.dir, files: s.files, bytes: s.bytes, about: `a repository of 100 committed files with 5 new files staged (${s.bytes} bytes), 1 planted pair` });
    } else {
      if (!fs.existsSync(path.join(CORPUS_DIR, 'tree', 'pypi'))) folder();
      const b = ensureBigFiles([name])[name];
      corpora.push({ name, kind: name, path: b.path, bytes: b.bytes, about: `${path.relative(REPO, b.path)}: ${b.line ? 'one line' : 'lines of corpus text'}, ${b.pairs} planted pairs at offsets ${b.offsets.map((o) => `${(o / 2 ** 20).toFixed(0)}M`).join(', ')}` });
    }
  }
  return corpora;
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(SCRATCH, { recursive: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const m = machine();
  const timeBin = gnuTime();
  const notes = [];
  console.log(`keyhound benchmark  ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`);
  if (!timeBin) notes.push('/usr/bin/time (GNU) not found: peak RSS is only sampled from /proc (apt-get install time)');

  console.log('\nPeers:');
  const versions = { node: m.node, git: m.git };
  const tools = makeTools(opts, notes, versions);
  for (const [k, v] of Object.entries(versions)) console.log(`  ${k}: ${v}`);

  console.log('\nCorpora:');
  const corpora = await prepareCorpora(opts, notes);
  for (const c of corpora) console.log(`  ${c.name.padEnd(8)} ${fmt(mb(c.bytes), 1).padStart(8)} MB  ${c.about}`);
  for (const n of notes) console.log(`note: ${n}`);
  if (corpora.length === 0) die('no corpus to scan (see the notes above)');
  if (tools.length === 0) die('no tool to run');

  const rows = [];
  let keyhoundFailed = false;
  for (const c of corpora) {
    const runs = opts.runs ?? DEFAULTS[c.name].runs;
    const budget = opts.budget ?? DEFAULTS[c.name].budget;
    console.log(`\n${c.name}: median of ${runs} runs, ${opts.warmup} warmup, budget ${budget || 'unlimited'} s per tool`);
    if (c.kind !== 'staged') warmPageCache(c.kind === 'history' ? gitDirOf(c.path) : c.path);
    for (const t of tools) {
      const spec = t.spec(c);
      if (spec === null) continue;
      if (typeof spec === 'string') {
        notes.push(`${t.label} on ${c.name}: ${spec}`);
        continue;
      }
      process.stdout.write(`  ${t.label.padEnd(24)} `);
      const res = await measure(spec, { runs, warmup: opts.warmup, budget, timeBin, scratch: SCRATCH, onProgress: (s) => process.stdout.write(`${s} `) });
      const row = { tool: t.name, label: t.label, corpus: c.name, bytes: c.bytes, budget, command: spec.argv.map(shq).join(' '), cwd: spec.cwd ?? REPO };
      if (res.killed || res.error) {
        row.failed = res.killed ? `killed at ${budget} s` : res.error;
        row.killed = !!res.killed;
        row.runs = 0;
        row.rssMB = res.rssMB ?? null;
        row.exit = res.result?.status ?? null;
        row.stderr = (res.result?.stderr || '').trim().split('\n').slice(-12).join('\n');
        console.log(res.killed ? `> ${budget} s (killed)` : `FAILED: ${res.error}`);
        if (!res.killed && row.stderr) console.log(row.stderr.split('\n').map((l) => `      ${l}`).join('\n'));
        if (t.name === 'keyhound') keyhoundFailed = true;
      } else {
        const parsed = spec.parse(res.last.result);
        Object.assign(row, { runs: res.times.length, warmups: res.warmups, seconds: res.times.map((x) => +x.toFixed(4)), median: res.median, min: res.min, max: res.max, MBps: mb(c.bytes) / res.median, rssMB: res.rssMB, cpuSeconds: res.cpuSeconds, findings: parsed.findings, exit: res.last.result.status });
        if (parsed.stats) row.keyhoundStats = parsed.stats;
        if (parsed.errors?.length) row.errors = parsed.errors;
        if (parsed.note) notes.push(`${t.label} on ${c.name}: ${parsed.note}`);
        if (res.times.length < runs) notes.push(`${t.label} on ${c.name}: ${res.times.length} of ${runs} runs within the ${budget} s budget`);
        console.log(`→ ${res.median.toFixed(3)} s, ${row.findings ?? '-'} findings`);
      }
      rows.push(row);
    }
  }

  // keyhound's ratio to each peer on the same corpus: keyhound MB/s ÷ peer MB/s (>1: keyhound faster).
  for (const r of rows) {
    const kh = rows.find((x) => x.corpus === r.corpus && x.tool === 'keyhound');
    if (r.tool === 'keyhound') continue;
    r.ratio = speedRatio(kh, r);
  }
  const header = ['tool', 'corpus', 'MB', 'runs', 'median wall', 'MB/s', 'peak RSS MB', 'findings', 'keyhound ×'];
  const tableRows = rows.map((r) => [
    r.label, r.corpus, fmt(mb(r.bytes), r.bytes < 2 ** 20 ? 3 : 1), r.runs, fmtWall(r),
    r.failed ? (r.killed ? `< ${fmt(mb(r.bytes) / r.budget, 1)}` : '-') : fmt(r.MBps, r.MBps < 1 ? 3 : 1),
    fmt(r.rssMB, 0), r.failed ? '-' : `${r.findings ?? '-'}${r.errors ? ` (${r.errors.length} error${r.errors.length > 1 ? 's' : ''})` : ''}`,
    r.tool === 'keyhound' ? '' : r.ratio ? `${r.ratio.lowerBound ? '> ' : ''}${r.ratio.value.toFixed(2)}` : '-',
  ]);
  console.log('\n' + table(tableRows, header, [0, 1]));
  console.log('(keyhound × = keyhound MB/s ÷ that tool\'s MB/s on the same corpus: above 1, keyhound is faster)');
  for (const r of rows.filter((r) => r.tool === 'keyhound' && r.keyhoundStats)) {
    const s = r.keyhoundStats;
    const sk = Object.entries(s.skipped ?? {}).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`keyhound on ${r.corpus}: scanned ${s.filesScanned ?? s.blobsScanned ?? '?'} files/blobs, ${fmt(mb(s.bytesScanned ?? NaN), 1)} MB${sk ? `; skipped: ${sk}` : ''}${s.errors ? `; errors: ${s.errors}` : ''}`);
  }
  for (const r of rows.filter((r) => r.errors)) for (const e of r.errors.slice(0, 5)) console.log(`${r.label} on ${r.corpus}: ${e}`);
  for (const r of rows.filter((r) => r.failed && !r.killed)) console.log(`FAILED: ${r.label} on ${r.corpus}: ${r.failed}${r.stderr ? `: ${r.stderr.split('\n').slice(-3).join(' | ')}` : ''}`);

  // Issue 13's table: per input, the floor, keyhound (× = the floor's time ÷ keyhound's) and the peers.
  const labels = Object.fromEntries(corpora.map((c) => [c.name, `${c.name} (${fmt(mb(c.bytes), c.bytes < 2 ** 20 ? 3 : 0)} MB${typeof c.files === 'number' ? `, ${c.files} files` : Array.isArray(c.files) ? `, ${c.files.length} files staged` : ''})`]));
  const it = issueTable(rows, corpora.map((c) => c.name).filter((n) => n !== 'bigfile' && n !== 'bigline'), labels);
  if (it.lines.length) {
    console.log('\nIssue 13 (median wall; keyhound × = the floor\'s time ÷ keyhound\'s):\n' + table(it.lines, it.header, [0]));
  }

  const ran = new Set(corpora.map((c) => c.name));
  const tg = targets(rows).filter((t) => ran.has(t.what.split(':')[0]));
  console.log('\nTargets (issue 13, and those of issue 6 still meaningful):');
  for (const t of tg) console.log(`  ${t.status.padEnd(4)}  ${t.what}: ${t.detail}`);
  if (notes.length) {
    console.log('');
    for (const n of [...new Set(notes)]) console.log(`note: ${n}`);
  }

  const out = {
    machine: m,
    versions,
    options: { corpus: opts.corpus ?? CORPORA, tools: opts.tools, runs: opts.runs, warmup: opts.warmup, budget: opts.budget, repo: opts.repo, repoUrl: opts.repoUrl, pin: opts.pin, keyhound: opts.keyhound },
    corpora: corpora.map((c) => ({ name: c.name, path: path.relative(REPO, c.path) || c.path, bytes: c.bytes, MB: +mb(c.bytes).toFixed(2), about: c.about })),
    results: rows.map((r) => ({ ...r, median: r.median == null ? null : +r.median.toFixed(4), MBps: r.MBps == null ? null : +r.MBps.toFixed(3), rssMB: r.rssMB == null ? null : +r.rssMB.toFixed(1), ratio: r.ratio ? { ...r.ratio, value: +r.ratio.value.toFixed(3) } : null })),
    issue13Table: it,
    targets: tg,
    notes: [...new Set(notes)],
    ok: !keyhoundFailed,
  };
  fs.writeFileSync(RESULTS, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nSaved ${path.relative(REPO, RESULTS)}`);
  if (opts.json) console.log(JSON.stringify(out, null, 2));
  process.exit(keyhoundFailed ? 1 : 0);
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e.message}`);
  process.exit(2);
});
