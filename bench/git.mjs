#!/usr/bin/env node
// keyhound git benchmark: `keyhound history` on a real, many-commit repository and `keyhound staged`
// as a pre-commit hook, against awslabs git-secrets and gitleaks where they are installed.
// See "Git history and pre-commit benchmark" in bench/README.md.
//
//   node bench/git.mjs [--runs N] [--repo PATH] [--budget S] [--staged-runs N] [--tools LIST]
//                      [--versions N] [--skip-history] [--skip-staged] [--rebuild] [--json]
//
// The corpus (unless --repo): the released source distributions of botocore 1.42.1 … 1.44.8 from
// PyPI (234 versions), replayed into one git repository in release order, each release split into
// one commit per changed folder, with a release branch merged every tenth release and 20 synthetic
// key pairs planted by some commits and removed by later ones. Commit dates, authors and the planted
// keys are fixed, so every machine builds the same commits: compare the printed HEAD.
// Everything is cached in bench/.corpus/git/ (gitignored); results go to bench/.corpus/git-last-run.json.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CORPUS_DIR, KEYHOUND_BIN, NODE, REPO, findGitleaks, fmt, gitSecretsVersion, gitleaksInfo, gnuTime, keyMaker,
  knownList, machine, mb, mean, median, pipDownloadCommand, readOptions, rmrf, run, shq, table, warmPageCache, which, wholeNumber,
} from './lib.mjs';

const ROOT = path.join(CORPUS_DIR, 'git');
const DOWNLOADS = path.join(ROOT, 'downloads');
const WORK = path.join(ROOT, 'work');
const CORPUS_REPO = path.join(ROOT, 'botocore-history.git');
const CORPUS_META = path.join(ROOT, 'botocore-history.json');
const MIRROR = path.join(ROOT, 'peer-mirror.git');
const STAGED_CLONE = path.join(ROOT, 'staged-clone');
const MODLOG = path.join(ROOT, 'modlog');
const RESULTS = path.join(CORPUS_DIR, 'git-last-run.json');

// ---------------------------------------------------------------- the corpus recipe

/** Bump when anything below changes what is built: the cached repository is then rebuilt. */
const RECIPE = 'botocore-history-v1';
const PACKAGE = 'botocore';
/** Consecutive releases [minor, first patch, last patch] (all on PyPI; 1.42.0 was never released). */
const SERIES = [['1.42', 1, 97], ['1.43', 0, 127], ['1.44', 0, 8]];
const ALL_VERSIONS = SERIES.flatMap(([minor, a, b]) => Array.from({ length: b - a + 1 }, (_, i) => `${minor}.${a + i}`));
/** Every MERGE_EVERY-th release is committed on a branch and merged with --no-ff. */
const MERGE_EVERY = 10;
const PLANT_SEED = 'keyhound-bench-git-v1';
const PLANTED_PAIRS = 20;
/** 2024-01-01T00:00:00Z; commit n is dated START + n * STEP seconds. */
const START_EPOCH = 1704067200;
const STEP = 900;
const IDENTITY = { name: 'botocore release replay', email: 'replay@keyhound-bench.invalid' };

const HELP = `Usage: node bench/git.mjs [options]

  --runs N          timed runs of each history scan; the median is reported (default 3)
  --budget S        seconds one tool may spend on the history scan: a slow tool gets fewer runs
                    (at least 1) and no warmup, and the table says so (default 300; 0 = no limit)
  --repo PATH       benchmark this repository instead of building the botocore corpus (no planted
                    keys, so no correctness check)
  --versions N      build the corpus from the last N of the ${ALL_VERSIONS.length} botocore releases only
                    (a smaller, different corpus, for a quick try; default all)
  --staged-runs N   timed runs of each pre-commit command (default 20; hyperfine --runs)
  --tools LIST      comma list of keyhound, git-secrets, gitleaks, gitleaks-aws (default: all installed)
  --gitleaks PATH   the gitleaks binary (default: PATH, then $GOBIN, $GOPATH/bin, ~/go/bin)
  --skip-history    only the pre-commit benchmark
  --skip-staged     only the history benchmark
  --rebuild         build the corpus repository again (downloads are kept)
  --json            also print the results as JSON (always saved to bench/.corpus/git-last-run.json)
  -h, --help        this text`;

const ALL_TOOLS = ['keyhound', 'git-secrets', 'gitleaks', 'gitleaks-aws'];

function parseArgs(argv) {
  const v = readOptions(argv, {
    runs: { type: 'string' }, budget: { type: 'string' }, repo: { type: 'string' }, versions: { type: 'string' },
    'staged-runs': { type: 'string' }, tools: { type: 'string' }, gitleaks: { type: 'string' }, 'skip-history': { type: 'boolean' },
    'skip-staged': { type: 'boolean' }, rebuild: { type: 'boolean' }, json: { type: 'boolean' },
  }, HELP, die);
  return {
    runs: v.runs === undefined ? 3 : wholeNumber(v.runs, '--runs', 1, die),
    budget: v.budget === undefined ? 300 : wholeNumber(v.budget, '--budget', 0, die),
    repo: v.repo === undefined ? null : path.resolve(v.repo),
    versions: v.versions === undefined ? ALL_VERSIONS.length : Math.min(ALL_VERSIONS.length, wholeNumber(v.versions, '--versions', 2, die)),
    stagedRuns: v['staged-runs'] === undefined ? 20 : wholeNumber(v['staged-runs'], '--staged-runs', 1, die),
    tools: v.tools === undefined ? null : knownList(v.tools, ALL_TOOLS, '--tools', die),
    gitleaks: v.gitleaks ?? null,
    skipHistory: v['skip-history'] === true,
    skipStaged: v['skip-staged'] === true,
    rebuild: v.rebuild === true,
    json: v.json === true,
  };
}

function die(msg, code = 2) {
  console.error(`bench/git: ${msg}`);
  process.exit(code);
}

// ---------------------------------------------------------------- planted keys (deterministic)


/** How a planted pair looks in a new file, by extension. */
const NEW_FILE = {
  '.ini': (p) => `# local test profile\n[ci]\naws_access_key_id = ${p.id}\naws_secret_access_key = ${p.secret}\nregion = us-east-1\n`,
  '.sh': (p) => `#!/bin/sh\nset -eu\nexport AWS_ACCESS_KEY_ID=${p.id}\naws_secret_access_key = ${p.secret}\naws s3 sync ./build s3://example-release-artifacts\n`,
  '.md': (p) => `# Migration notes\n\nThe old CI user is still configured as below.\n\n\`\`\`\naws_access_key_id = ${p.id}\naws_secret_access_key = ${p.secret}\n\`\`\`\n`,
  '.py': (p) => `import os\n\nDEBUG = False\naws_access_key_id = "${p.id}"\naws_secret_access_key = "${p.secret}"\nREGION = os.environ.get("AWS_REGION", "us-west-2")\n`,
  '.env': (p) => `NODE_ENV=production\nAWS_ACCESS_KEY_ID=${p.id}\naws_secret_access_key = ${p.secret}\nPORT=8080\n`,
  '.js': (p) => `'use strict';\n// deploy credentials\nvar aws_access_key_id = '${p.id}';\nvar aws_secret_access_key = '${p.secret}';\nmodule.exports = { region: 'us-west-2' };\n`,
};
const NEW_PATHS = [
  (k) => `tests/functional/fixtures/credentials-${k}.ini`,
  (k) => `scripts/ci/deploy-${k}.sh`,
  (k) => `docs/source/notes/migration-${k}.md`,
  (k) => `botocore/local_settings_${k}.py`,
  (k) => `deploy/staging-${k}.env`,
  (k) => `examples/upload-${k}.js`,
];
/** Real files of every release that some planted pairs are appended to (and later taken out of). */
const APPEND_TARGETS = ['tests/unit/test_credentials.py', 'botocore/utils.py', 'docs/source/conf.py', 'setup.py', 'README.rst', 'tests/__init__.py', 'botocore/session.py'];
const APPENDED = (p, file) => (file.endsWith('.rst')
  ? `\nTemporary credentials for the integration account::\n\n    aws_access_key_id = ${p.id}\n    aws_secret_access_key = ${p.secret}\n`
  : `\n# TODO: remove before release\naws_access_key_id = "${p.id}"\naws_secret_access_key = "${p.secret}"\n`);

/**
 * The plan: pair k is added at release addAt and removed at release removeAt (null: still at HEAD).
 * Every third pair is appended to a real file, the others are new files in various folders.
 */
function plantPlan(nVersions) {
  const k = keyMaker(PLANT_SEED);
  const plan = [];
  const span = nVersions - 8;
  let newFiles = 0;
  for (let i = 0; i < PLANTED_PAIRS; i++) {
    const id = k.keyId();
    const secret = k.secret();
    const addAt = 2 + Math.floor((i * span) / PLANTED_PAIRS);
    const keep = i % 5 === 4; // 4 of 20 stay until HEAD
    const removeAt = keep ? null : Math.min(nVersions - 1, addAt + 2 + ((i * 7) % 17));
    const append = i % 3 === 0;
    const file = append ? APPEND_TARGETS[(i / 3) % APPEND_TARGETS.length] : NEW_PATHS[newFiles++ % NEW_PATHS.length](String(i).padStart(2, '0'));
    plan.push({ n: i, id, secret, kind: append ? 'appended' : 'new file', path: file, addAt, removeAt });
  }
  // One more pair, for the pre-commit benchmark (never committed).
  return { plan, stagedPair: { id: k.keyId(), secret: k.secret() } };
}

// ---------------------------------------------------------------- building the corpus

function sdistPath(version) {
  return path.join(DOWNLOADS, `${PACKAGE}-${version}.tar.gz`);
}

/** Downloads the missing sdists with pip, a few at a time. Returns the versions that failed. */
async function downloadAll(versions) {
  const missing = versions.filter((v) => !fs.existsSync(sdistPath(v)));
  if (missing.length === 0) return [];
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  console.log(`  downloading ${missing.length} sdists with \`python3 -m pip download --no-deps --no-binary :all: ${PACKAGE}==X\` (3 at a time; each takes a few seconds: pip prepares its metadata)`);
  const failed = [];
  let done = 0;
  const one = (v) => new Promise((resolve) => {
    const tmp = path.join(DOWNLOADS, `tmp-${v}`);
    rmrf(tmp);
    const pip = pipDownloadCommand([`${PACKAGE}==${v}`], tmp, ['-q']);
    const child = spawn(pip.cmd, pip.args, { env: pip.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', (e) => (err += e.message));
    child.on('close', (code) => {
      const got = fs.existsSync(tmp) ? fs.readdirSync(tmp).find((f) => f.endsWith('.tar.gz')) : undefined;
      if (code === 0 && got) fs.renameSync(path.join(tmp, got), sdistPath(v));
      else failed.push(`${v}: ${err.trim().split('\n').slice(-1)[0] || `exit ${code}`}`);
      rmrf(tmp);
      done++;
      if (done % 20 === 0 || done === missing.length) console.log(`    ${done}/${missing.length}`);
      resolve();
    });
  });
  const queue = [...missing];
  await Promise.all(Array.from({ length: 3 }, async () => {
    while (queue.length) await one(queue.shift());
  }));
  return failed;
}

/** The commit a path's change goes into: one per botocore/data/<service>, else one per top-level folder. */
function groupOf(p) {
  const parts = p.split('/');
  if (parts.length >= 4 && parts[0] === PACKAGE && parts[1] === 'data') return parts.slice(0, 3).join('/');
  return parts.length === 1 ? '(top level)' : parts[0];
}

/**
 * The files of a .tar.gz sdist, read in memory (no extraction: writing 5,000 small files per release
 * to disk costs more than everything else): Map path -> { mode, data }, with the top folder
 * (`botocore-X/`) stripped. Handles ustar prefixes, pax `path` records and GNU long names.
 */
function readSdist(file) {
  const buf = zlib.gunzipSync(fs.readFileSync(file));
  const files = new Map();
  const str = (a, b) => {
    const s = buf.subarray(a, b);
    const z = s.indexOf(0);
    return s.subarray(0, z < 0 ? s.length : z).toString('utf8');
  };
  let off = 0;
  let longName = null;
  while (off + 512 <= buf.length) {
    if (buf[off] === 0) break; // end-of-archive blocks
    const size = parseInt(str(off + 124, off + 136).trim() || '0', 8);
    const type = String.fromCharCode(buf[off + 156] || 48);
    const prefix = str(off + 345, off + 500);
    let name = str(off, off + 100);
    if (prefix && str(off + 257, off + 262) === 'ustar') name = `${prefix}/${name}`;
    const mode = parseInt(str(off + 100, off + 108).trim() || '644', 8);
    const linkname = str(off + 157, off + 257);
    const data = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (m) longName = m[1];
      continue;
    }
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'g') continue;
    if (longName !== null) {
      name = longName;
      longName = null;
    }
    const rel = name.split('/').slice(1).join('/').replace(/\/+$/, '');
    if (!rel) continue;
    if (type === '0' || type === '\0' || type === '7') files.set(rel, { mode: mode & 0o111 ? '100755' : '100644', data });
    else if (type === '2') files.set(rel, { mode: '120000', data: Buffer.from(linkname) });
    else if (type === '1') {
      const target = files.get(linkname.split('/').slice(1).join('/'));
      if (target) files.set(rel, target);
    }
  }
  return files;
}

const blobSha = (data) => createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');

/** A path as git fast-import takes it (C-style quoted when it has to be). */
const fiPath = (p) => (/^"|[\n\\"]/.test(p) ? JSON.stringify(p) : p);

/**
 * Replays the releases into a fresh bare repository with `git fast-import`: each release's files are
 * read from its sdist, the live planted keys are written into them, and what changed since the
 * previous release is committed folder by folder (groupOf), with fixed authors and dates. Every
 * MERGE_EVERY-th release is committed on a branch and merged with a merge commit. Then
 * `git repack -a -d -f` packs it the way git normally would (fast-import's own pack is loose).
 */
async function buildRepo(versions, plan) {
  const tmpRepo = `${CORPUS_REPO}.tmp`;
  rmrf(tmpRepo);
  rmrf(WORK);
  fs.mkdirSync(WORK, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  run('git', ['init', '-q', '--bare', tmpRepo], { env });
  run('git', ['--git-dir', tmpRepo, 'symbolic-ref', 'HEAD', 'refs/heads/main'], { env });
  const marksFile = path.join(WORK, 'marks');
  const fi = spawn('git', ['--git-dir', tmpRepo, 'fast-import', '--quiet', '--done', `--export-marks=${marksFile}`], { env, stdio: ['pipe', 'inherit', 'pipe'] });
  let fiErr = '';
  let closed = false;
  fi.stderr.on('data', (c) => (fiErr += c));
  fi.stdin.on('error', () => {}); // fast-import died: its exit code and stderr say why
  const fiDone = new Promise((resolve) => fi.on('close', (code) => {
    closed = true;
    resolve(code);
  }));
  const write = async (chunk) => {
    if (!closed && !fi.stdin.write(chunk)) {
      await new Promise((resolve) => {
        const done = () => {
          fi.stdin.off('drain', done);
          fi.off('close', done);
          resolve();
        };
        fi.stdin.on('drain', done);
        fi.on('close', done);
      });
    }
    if (closed) throw new Error(`git fast-import stopped: ${fiErr.trim().slice(-500)}`);
  };
  let mark = 0;
  let commits = 0;
  const commit = async (ref, msg, from, merge, entries) => {
    const date = `${START_EPOCH + commits++ * STEP} +0000`;
    const m = ++mark;
    const who = `${IDENTITY.name} <${IDENTITY.email}> ${date}`;
    const body = Buffer.from(msg);
    await write(`commit ${ref}\nmark :${m}\nauthor ${who}\ncommitter ${who}\ndata ${body.length}\n${msg}\n${from ? `from :${from}\n` : ''}${merge ? `merge :${merge}\n` : ''}`);
    for (const e of entries) await write(e.deleted ? `D ${fiPath(e.path)}\n` : `M ${e.mode} :${e.blob} ${fiPath(e.path)}\n`);
    await write('\n');
    return m;
  };
  const blob = async (data) => {
    const m = ++mark;
    await write(`blob\nmark :${m}\ndata ${data.length}\n`);
    await write(data);
    await write('\n');
    return m;
  };

  let prev = new Map(); // path -> { mode, sha, blob mark }
  let tip = null;
  let merges = 0;
  const tags = [];
  const expected = plan.map((p) => ({ ...p, addMark: null, removeMark: null }));
  const started = Date.now();
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    const files = readSdist(sdistPath(v));
    for (const p of expected.filter((p) => p.addAt <= i && (p.removeAt === null || i < p.removeAt))) {
      if (p.kind === 'appended') {
        const f = files.get(p.path);
        if (!f) throw new Error(`planted pair ${p.n}: ${p.path} is missing from ${PACKAGE} ${v}`);
        files.set(p.path, { mode: f.mode, data: Buffer.concat([f.data, Buffer.from(APPENDED(p, p.path))]) });
      } else files.set(p.path, { mode: '100644', data: Buffer.from(NEW_FILE[path.extname(p.path)](p)) });
    }
    // What changed since the previous release, with new blobs sent to fast-import once each.
    const next = new Map();
    const changes = [];
    for (const [p, f] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const sha = blobSha(f.data);
      const old = prev.get(p);
      if (old && old.sha === sha && old.mode === f.mode) {
        next.set(p, old);
        continue;
      }
      const entry = { mode: f.mode, sha, blob: old && old.sha === sha ? old.blob : await blob(f.data) };
      next.set(p, entry);
      changes.push({ path: p, ...entry });
    }
    for (const p of prev.keys()) if (!next.has(p)) changes.push({ path: p, deleted: true });
    prev = next;
    if (tip === null) {
      tip = await commit('refs/heads/main', `Import ${PACKAGE} ${v}`, null, null, changes);
      tags.push([v, tip]);
      continue;
    }
    if (changes.length === 0) {
      tags.push([v, tip]);
      continue;
    }
    const groups = new Map();
    for (const c of changes) {
      const g = groupOf(c.path);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(c);
    }
    const onBranch = i % MERGE_EVERY === 0;
    const ref = onBranch ? 'refs/heads/release' : 'refs/heads/main';
    let head = tip;
    for (const g of [...groups.keys()].sort()) {
      const entries = groups.get(g);
      head = await commit(ref, `${v}: ${g === '(top level)' ? 'update top-level files' : `update ${g}`}`, head, null, entries);
      const paths = new Set(entries.map((c) => c.path));
      for (const p of expected) {
        if (p.addAt === i && paths.has(p.path)) p.addMark = head;
        if (p.removeAt === i && paths.has(p.path)) p.removeMark = head;
      }
    }
    if (onBranch) {
      tip = await commit('refs/heads/main', `Merge branch 'release/${v}'`, tip, head, changes);
      merges++;
    } else tip = head;
    tags.push([v, tip]);
    if ((i + 1) % 25 === 0 || i === versions.length - 1) {
      console.log(`    ${i + 1}/${versions.length} releases, ${commits} commits (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  for (const [v, m] of tags) await write(`reset refs/tags/${v}\nfrom :${m}\n\n`);
  await write('done\n');
  fi.stdin.end();
  const code = await fiDone;
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${fiErr.trim().slice(-500)}`);
  const shaOf = new Map(fs.readFileSync(marksFile, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [m, sha] = l.split(' ');
    return [Number(m.slice(1)), sha];
  }));
  for (const p of expected) {
    if (!p.addMark) throw new Error(`planted pair ${p.n} was not committed (${p.path})`);
    if (p.removeAt !== null && !p.removeMark) throw new Error(`planted pair ${p.n} was not removed (${p.path})`);
    p.addCommit = shaOf.get(p.addMark);
    p.removeCommit = p.removeMark ? shaOf.get(p.removeMark) : null;
    delete p.addMark;
    delete p.removeMark;
  }
  const git = (args) => run('git', ['--git-dir', tmpRepo, ...args], { env });
  git(['update-ref', '-d', 'refs/heads/release']);
  // Sanity: the last commit's tree is the last release, file for file.
  const headTree = new Map(git(['ls-tree', '-r', '-z', 'refs/heads/main']).stdout.split('\0').filter(Boolean).map((l) => {
    const [meta, p] = l.split('\t');
    return [p, meta.split(' ')[2]];
  }));
  if (headTree.size !== prev.size || [...prev].some(([p, e]) => headTree.get(p) !== e.sha)) throw new Error('the replayed HEAD does not match the last release');
  console.log(`  packing (git repack -a -d -f, default window and depth: a fresh pack as git gc would make)`);
  const t0 = Date.now();
  git(['repack', '-a', '-d', '-f', '-q']);
  git(['prune-packed']);
  git(['pack-refs', '--all']);
  console.log(`    packed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  rmrf(WORK);
  rmrf(CORPUS_REPO);
  fs.renameSync(tmpRepo, CORPUS_REPO);
  return { head: shaOf.get(tip), commits, merges, expected };
}

async function ensureCorpus(opts) {
  const versions = ALL_VERSIONS.slice(ALL_VERSIONS.length - opts.versions);
  const recipe = { recipe: RECIPE, package: PACKAGE, first: versions[0], last: versions[versions.length - 1], releases: versions.length, mergeEvery: MERGE_EVERY, seed: PLANT_SEED, pairs: PLANTED_PAIRS };
  const { plan, stagedPair } = plantPlan(versions.length);
  let meta = null;
  try {
    meta = JSON.parse(fs.readFileSync(CORPUS_META, 'utf8'));
  } catch {}
  if (!opts.rebuild && meta && JSON.stringify(meta.recipe) === JSON.stringify(recipe) && fs.existsSync(CORPUS_REPO)) {
    console.log(`  cached: ${path.relative(REPO, CORPUS_REPO)}`);
    return { meta, stagedPair };
  }
  console.log(`  building ${path.relative(REPO, CORPUS_REPO)} from ${PACKAGE} ${recipe.first} … ${recipe.last} (${versions.length} releases)`);
  const failed = await downloadAll(versions);
  if (failed.length) {
    die(`could not download ${failed.length} sdists (the ones that came are kept; run again to retry):\n  ${failed.slice(0, 5).join('\n  ')}`, 1);
  }
  const t0 = Date.now();
  const built = await buildRepo(versions, plan);
  meta = { recipe, builtAt: new Date().toISOString(), buildSeconds: Math.round((Date.now() - t0) / 1000), head: built.head, commits: built.commits, merges: built.merges, planted: built.expected };
  fs.writeFileSync(CORPUS_META, JSON.stringify(meta, null, 2) + '\n');
  return { meta, stagedPair };
}

/** Commits, unique blobs reachable from all refs and their total size, like `keyhound history` sees them. */
function repoStats(gitDir) {
  const commits = Number(run('git', ['--git-dir', gitDir, 'rev-list', '--all', '--count']).stdout.trim());
  const merges = Number(run('git', ['--git-dir', gitDir, 'rev-list', '--all', '--merges', '--count']).stdout.trim());
  const objs = run('sh', ['-c', 'git --git-dir "$1" rev-list --all --objects | git --git-dir "$1" cat-file --batch-check="%(objecttype) %(objectsize) %(rest)"', 'sh', gitDir]).stdout;
  let blobs = 0;
  let bytes = 0;
  for (const line of objs.split('\n')) {
    if (!line.startsWith('blob ')) continue;
    blobs++;
    bytes += Number(line.split(' ')[1]);
  }
  let packBytes = 0;
  const packDir = path.join(gitDir, 'objects', 'pack');
  if (fs.existsSync(packDir)) for (const f of fs.readdirSync(packDir)) packBytes += fs.statSync(path.join(packDir, f)).size;
  return { commits, merges, blobs, bytes, packBytes };
}

function gitDirOf(repo) {
  const r = run('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { allowFail: true });
  if (r.status !== 0) die(`--repo ${repo} is not a git repository: ${String(r.stderr).trim()}`);
  return r.stdout.trim();
}


// ---------------------------------------------------------------- peers






// ---------------------------------------------------------------- history: tools and measuring

const GS_LINE = /^([0-9a-f]{40}):([^:]*):(\d+):(.*)$/;

function historyTools(wanted, gitleaks) {
  const tools = [];
  if (wanted.has('keyhound')) {
    tools.push({
      name: 'keyhound',
      label: 'keyhound history',
      // --no-redact so the planted keys can be matched; it does not change the work done.
      argv: () => [NODE, KEYHOUND_BIN, 'history', '--format', 'json', '--no-progress', '--no-redact'],
      check: (r) => (r.status === 0 || r.status === 1 ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr).trim().slice(-500)}`),
      parse: (r) => {
        const j = JSON.parse(r.stdout);
        return {
          count: j.findings.length,
          stats: j.stats,
          hits: j.findings.map((f) => ({ secret: f.value, rule: f.ruleId, commit: f.commit?.sha, path: f.path, atHead: f.atHead })),
        };
      },
    });
  }
  if (wanted.has('git-secrets')) {
    tools.push({
      name: 'git-secrets',
      label: 'git secrets --scan-history',
      argv: () => ['git', 'secrets', '--scan-history'],
      // 0: nothing found; 1: prohibited patterns matched; anything else: git grep or git log failed.
      check: (r) => (r.status === 0 || (r.status === 1 && /Matched one or more prohibited patterns/.test(r.stderr)) ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr).trim().slice(-500)}`),
      parse: (r) => {
        // Matches go to stderr as <commit>:<path>:<line>:<text>, one per line per scanned commit.
        const lines = r.stderr.split('\n').map((l) => GS_LINE.exec(l)).filter(Boolean);
        return { count: lines.length, hits: lines.map((m) => ({ text: m[4], commit: m[1], path: m[2] })) };
      },
    });
  }
  if (gitleaks) {
    for (const aws of [false, true]) {
      if (!wanted.has(aws ? 'gitleaks-aws' : 'gitleaks')) continue;
      if (aws && !gitleaks.hasEnableRule) continue;
      const report = path.join(ROOT, aws ? 'gitleaks-aws-history.json' : 'gitleaks-history.json');
      const common = ['--no-banner', '--report-format', 'json', '--report-path', report, ...(aws ? ['--enable-rule', 'aws-access-token'] : [])];
      tools.push({
        name: aws ? 'gitleaks-aws' : 'gitleaks',
        label: aws ? 'gitleaks git (aws rule)' : 'gitleaks git',
        argv: (repo) => (gitleaks.hasGit ? [gitleaks.bin, 'git', repo, ...common] : [gitleaks.bin, 'detect', '--source', repo, ...common]),
        before: () => rmrf(report),
        check: (r) => (r.status === 0 || (r.status === 1 && fs.existsSync(report)) ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr).trim().slice(-500)}`),
        parse: () => {
          const j = JSON.parse(fs.readFileSync(report, 'utf8'));
          return { count: j.length, hits: j.map((f) => ({ secret: f.Secret, text: f.Match, rule: f.RuleID, commit: f.Commit, path: f.File })) };
        },
      });
    }
  }
  return tools;
}

function runOnce(tool, repo, timeBin) {
  tool.before?.();
  const argv = tool.argv(repo);
  const timeOut = path.join(ROOT, 'time-v.txt');
  const [cmd, ...args] = timeBin ? [timeBin, '-v', '-o', timeOut, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) return { seconds, error: r.error.message };
  let rssMB = null;
  if (timeBin) {
    try {
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(fs.readFileSync(timeOut, 'utf8'));
      if (m) rssMB = Number(m[1]) / 1024;
    } catch {}
  }
  return { seconds, rssMB, error: tool.check(r), result: r };
}

/** One warmup (when the budget allows it) and up to `runs` timed runs within the budget. */
function measure(tool, repo, opts, timeBin) {
  process.stdout.write(`  ${tool.label.padEnd(28)} `);
  const budget = opts.budget > 0 ? opts.budget : Infinity;
  const times = [];
  const rss = [];
  let spent = 0;
  let last;
  const once = () => {
    const r = runOnce(tool, repo, timeBin);
    spent += r.seconds;
    if (r.error) {
      process.stdout.write('error\n');
      return r.error;
    }
    last = r;
    return null;
  };
  let err = once();
  if (err) return { error: err };
  const first = last.seconds;
  let warmups = 1;
  if (first * (1 + opts.runs) > budget) {
    // Too slow for a warmup: the first run counts.
    warmups = 0;
    times.push(first);
    if (last.rssMB != null) rss.push(last.rssMB);
  }
  process.stdout.write(warmups ? `warmup ${first.toFixed(1)}s, runs ` : `runs ${first.toFixed(1)}s `);
  while (times.length < opts.runs) {
    if (times.length >= 1 && spent + median(times) > budget) break;
    err = once();
    if (err) return { error: err };
    times.push(last.seconds);
    if (last.rssMB != null) rss.push(last.rssMB);
    process.stdout.write(`${last.seconds.toFixed(1)}s `);
  }
  process.stdout.write('\n');
  const notes = [];
  if (times.length < opts.runs) notes.push(`${tool.label}: ${times.length} of ${opts.runs} runs, no warmup (one run takes ${first.toFixed(0)} s; --budget ${opts.budget}; --budget 0 runs all)`);
  let parsed;
  try {
    parsed = tool.parse(last.result);
  } catch (e) {
    parsed = { count: null, hits: [] };
    notes.push(`${tool.label}: could not read its output: ${e.message}`);
  }
  return { tool: tool.name, label: tool.label, argv: tool.argv(repo), warmups, times, median: median(times), min: Math.min(...times), max: Math.max(...times), rssMB: rss.length ? Math.max(...rss) : null, exit: last.result.status, parsed, notes };
}

/** Did the tool find each planted pair, and in the commit that added it? */
function checkPlanted(result, planted) {
  const hits = result.parsed.hits;
  const rows = planted.map((p) => {
    const has = (h, s) => h.secret === s || h.text?.includes(s) === true;
    const idHits = hits.filter((h) => has(h, p.id));
    const secretHits = hits.filter((h) => has(h, p.secret));
    const commits = new Set([...idHits, ...secretHits].map((h) => h.commit));
    return {
      n: p.n,
      id: idHits.length > 0,
      secret: secretHits.length > 0,
      inAddCommit: idHits.some((h) => h.commit === p.addCommit),
      // Reported only in the adding commit (keyhound and gitleaks should; git-secrets greps whole trees).
      onlyAddCommit: commits.size === 1 && commits.has(p.addCommit),
      atHead: idHits.find((h) => h.atHead !== undefined)?.atHead,
      expectAtHead: p.removeAt === null,
    };
  });
  const plantedStrings = new Set(planted.flatMap((p) => [p.id, p.secret]));
  const other = hits.filter((h) => !plantedStrings.has(h.secret) && ![...plantedStrings].some((s) => h.text?.includes(s) === true));
  return {
    ids: rows.filter((r) => r.id).length,
    secrets: rows.filter((r) => r.secret).length,
    inAddCommit: rows.filter((r) => r.inAddCommit).length,
    onlyAddCommit: rows.filter((r) => r.onlyAddCommit).length,
    atHeadRight: rows.filter((r) => r.atHead !== undefined && r.atHead === r.expectAtHead).length,
    atHeadKnown: rows.some((r) => r.atHead !== undefined),
    otherFindings: other.length,
    missing: rows.filter((r) => !r.id).map((r) => r.n),
  };
}

// ---------------------------------------------------------------- staged (pre-commit)

/** Five tracked text files of 2-64 KB, chosen by a hash of their path: the same five every run. */
function pickFiles(clone) {
  const out = run('git', ['-C', clone, 'ls-files', '-z', '-s']).stdout;
  const cands = [];
  for (const rec of out.split('\0')) {
    const m = /^(\d+) [0-9a-f]+ \d\t(.+)$/.exec(rec);
    if (!m || m[1] !== '100644') continue;
    const p = m[2];
    if (!/\.(py|js|ts|go|rs|java|rb|rst|md|txt|c|h|cfg|toml|ya?ml)$/.test(p)) continue;
    let size;
    try {
      size = fs.statSync(path.join(clone, p)).size;
    } catch {
      continue;
    }
    if (size < 2048 || size > 65536) continue;
    cands.push(p);
  }
  return cands
    .map((p) => [createHash('sha256').update(`${PLANT_SEED}:${p}`).digest('hex'), p])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([, p]) => p);
}

/** A fresh clone with five modified files staged, the first one with a key pair on added lines. */
function prepareStaged(source, stagedPair) {
  rmrf(STAGED_CLONE);
  run('git', ['clone', '-q', source, STAGED_CLONE]);
  const files = pickFiles(STAGED_CLONE);
  if (files.length < 5) die(`the repository has only ${files.length} tracked text files of 2-64 KB; the pre-commit benchmark needs 5`);
  files.forEach((f, i) => {
    const file = path.join(STAGED_CLONE, f);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = Math.min(lines.length, 20 + i * 7);
    const add = i === 0
      ? ['# staging credentials (do not commit)', `aws_access_key_id = "${stagedPair.id}"`, `aws_secret_access_key = "${stagedPair.secret}"`]
      : [`# keyhound bench: edit ${i} of a typical commit`, `BENCH_SETTING_${i} = ${i * 17}`];
    lines.splice(at, 0, ...add);
    // And a change further down, so the diff has two hunks.
    lines.splice(Math.min(lines.length, at + 40), 1, `# reworded line ${i}`);
    fs.writeFileSync(file, lines.join('\n'));
  });
  run('git', ['-C', STAGED_CLONE, 'add', '--', ...files]);
  return files;
}

/**
 * The modules that `keyhound staged` loads, recorded once: ES modules through a module.register()
 * load hook, CommonJS ones (required, also lazily through createRequire, which the hook does not see
 * on Node 20) from require.cache at exit. They are written out as one preload file that imports the
 * ES modules and requires the CommonJS ones: `node --import <it> -e 0` then costs node's start plus
 * loading (reading, compiling, evaluating) exactly those modules, and none of keyhound's work.
 */
function modulePreload(cwd) {
  rmrf(MODLOG);
  fs.mkdirSync(MODLOG, { recursive: true });
  const esmLog = path.join(MODLOG, 'esm.txt');
  const cjsLog = path.join(MODLOG, 'cjs.txt');
  fs.writeFileSync(path.join(MODLOG, 'hooks.mjs'), `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) fs.appendFileSync(${JSON.stringify(esmLog)}, url + '\\n');\n  return next(url, context);\n}\n`);
  fs.writeFileSync(path.join(MODLOG, 'register.mjs'), [
    "import fs from 'node:fs';",
    "import { createRequire, register } from 'node:module';",
    `register(${JSON.stringify(pathToFileURL(path.join(MODLOG, 'hooks.mjs')).href)});`,
    'const require = createRequire(import.meta.url);',
    `process.on('exit', () => fs.writeFileSync(${JSON.stringify(cjsLog)}, Object.keys(require.cache).join('\\n')));`,
    '',
  ].join('\n'));
  const r = run(NODE, ['--import', pathToFileURL(path.join(MODLOG, 'register.mjs')).href, KEYHOUND_BIN, 'staged', '--no-progress'], { cwd, allowFail: true });
  if (r.status !== 0 && r.status !== 1) return { error: `keyhound staged under the module hook exited ${r.status}: ${r.stderr.trim().slice(-300)}` };
  const binUrl = pathToFileURL(KEYHOUND_BIN).href;
  const esm = [...new Set(fs.readFileSync(esmLog, 'utf8').split('\n').filter(Boolean))].filter((u) => u !== binUrl);
  const esmFiles = new Set(esm.map((u) => fileURLToPath(u)));
  let cjs = [];
  try {
    cjs = fs.readFileSync(cjsLog, 'utf8').split('\n').filter((f) => f && path.isAbsolute(f) && !esmFiles.has(f));
  } catch {}
  const preload = path.join(MODLOG, 'preload.mjs');
  fs.writeFileSync(preload, [
    ...esm.map((u) => `import ${JSON.stringify(u)};`),
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    `for (const f of ${JSON.stringify(cjs)}) require(f);`,
    '',
  ].join('\n'));
  const all = [...esmFiles, ...cjs];
  let bytes = 0;
  for (const f of all) {
    try {
      bytes += fs.statSync(f).size;
    } catch {}
  }
  const own = all.filter((f) => f.startsWith(path.join(REPO, 'dist') + path.sep)).length;
  return { preload, modules: all.length, own, bytes };
}

/**
 * Where one `keyhound staged` run spends its CPU time, from node's sampling profiler (--cpu-prof):
 * self time summed by package (node_modules/<name>), keyhound file (dist/src/…), or node internals.
 * One run, sampled every 0.1 ms: a rough picture of what to cut, not a measurement.
 */
function stagedProfile(cwd) {
  const dir = path.join(MODLOG, 'cpu-prof');
  rmrf(dir);
  const r = run(NODE, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '100', KEYHOUND_BIN, 'staged', '--no-progress'], { cwd, allowFail: true });
  if (r.status !== 0 && r.status !== 1) return null;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return null;
  const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const where = (n) => {
    const url = n.callFrame.url;
    if (!url) return n.callFrame.functionName ? `(${n.callFrame.functionName.replace(/^\(|\)$/g, '')})` : '(native)';
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (nm) return `${nm[1]} (package)`;
    if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/bootstrap')) return 'node: module loader and bootstrap';
    if (url.startsWith('node:')) return `node: ${url.slice(5).replace(/^internal\//, '')}`;
    const own = url.indexOf('/dist/src/');
    return own >= 0 ? `keyhound ${url.slice(own + 10)}` : url;
  };
  const self = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const key = where(byId.get(prof.samples[i]));
    const dt = prof.timeDeltas[i] / 1000;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return { totalMs: +total.toFixed(1), top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([what, ms]) => ({ what, ms: +ms.toFixed(1) })) };
}

function stagedCommands(gitleaks, wanted, preload) {
  const cmds = [
    { name: 'node -e 0', argv: [NODE, '-e', '0'], what: 'floor: a bare node start' },
  ];
  if (preload) cmds.push({ name: 'node + keyhound modules', argv: [NODE, '--import', pathToFileURL(preload).href, '-e', '0'], what: 'node start + loading the modules keyhound staged loads, no work' });
  if (wanted.has('keyhound')) cmds.push({ name: 'keyhound staged', argv: [NODE, KEYHOUND_BIN, 'staged', '--no-progress'], what: 'keyhound' });
  if (wanted.has('git-secrets') && which('git-secrets')) cmds.push({ name: 'git secrets --pre_commit_hook', argv: ['git', 'secrets', '--pre_commit_hook'], what: 'what its installed pre-commit hook runs' });
  if (gitleaks) {
    const base = gitleaks.hasGit ? [gitleaks.bin, 'git', '--pre-commit', '--staged', '--no-banner'] : [gitleaks.bin, 'protect', '--staged', '--no-banner'];
    if (wanted.has('gitleaks')) cmds.push({ name: gitleaks.hasGit ? 'gitleaks git --pre-commit --staged' : 'gitleaks protect --staged', argv: base, what: 'all rules' });
    if (wanted.has('gitleaks-aws') && gitleaks.hasEnableRule) cmds.push({ name: 'gitleaks (aws rule)', argv: [...base, '--enable-rule', 'aws-access-token'], what: 'aws-access-token rule only' });
  }
  return cmds;
}

/** What each command says about the staged change (exit code, findings), from one run. */
function stagedOutcome(cmd, cwd, stagedPair) {
  if (cmd.name === 'keyhound staged') {
    const r = run(cmd.argv[0], [...cmd.argv.slice(1), '--format', 'json', '--no-redact'], { cwd, allowFail: true });
    let findings = null;
    let found = false;
    try {
      const j = JSON.parse(r.stdout);
      findings = j.findings.length;
      found = j.findings.some((f) => f.value === stagedPair.id);
    } catch {}
    return { exit: r.status, findings, found };
  }
  if (cmd.name.startsWith('git secrets')) {
    const r = run(cmd.argv[0], cmd.argv.slice(1), { cwd, allowFail: true });
    const lines = r.stderr.split('\n').filter((l) => /^[^\s:][^:]*:\d+:/.test(l));
    return { exit: r.status, findings: lines.length, found: lines.some((l) => l.includes(stagedPair.id)) };
  }
  if (cmd.name.startsWith('gitleaks')) {
    const report = path.join(ROOT, 'gitleaks-staged.json');
    rmrf(report);
    const r = run(cmd.argv[0], [...cmd.argv.slice(1), '--report-format', 'json', '--report-path', report], { cwd, allowFail: true });
    try {
      const j = JSON.parse(fs.readFileSync(report, 'utf8'));
      return { exit: r.status, findings: j.length, found: j.some((f) => f.Secret === stagedPair.id || f.Match?.includes(stagedPair.id)) };
    } catch {
      return { exit: r.status, findings: null, found: false };
    }
  }
  const r = run(cmd.argv[0], cmd.argv.slice(1), { cwd, allowFail: true });
  return { exit: r.status, findings: null, found: null };
}

function timeStaged(cmds, cwd, runs) {
  const hyperfine = which('hyperfine');
  if (hyperfine) {
    const out = path.join(ROOT, 'hyperfine-staged.json');
    const args = ['-N', '--warmup', '3', '--runs', String(runs), '--ignore-failure', '--style', 'none', '--export-json', out];
    for (const c of cmds) args.push('-n', c.name, c.argv.map(shq).join(' '));
    console.log(`  $ hyperfine ${args.slice(0, 9).join(' ')} …  (${cmds.length} commands, in ${path.relative(REPO, cwd)})`);
    run(hyperfine, args, { cwd });
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    return { method: `hyperfine ${run(hyperfine, ['--version']).stdout.trim().replace(/^hyperfine /, '')} (-N, 3 warmups, ${runs} runs)`, rows: j.results.map((r) => ({ name: r.command, mean: r.mean, stddev: r.stddev ?? 0, min: r.min, max: r.max, median: r.median })) };
  }
  console.log(`  hyperfine not installed (apt-get install hyperfine): spawning each command ${runs} times after 3 warmups`);
  const rows = cmds.map((c) => {
    const times = [];
    for (let i = 0; i < 3 + runs; i++) {
      const t0 = process.hrtime.bigint();
      spawnSync(c.argv[0], c.argv.slice(1), { cwd, stdio: 'ignore' });
      if (i >= 3) times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const m = mean(times);
    return { name: c.name, mean: m, stddev: Math.sqrt(mean(times.map((t) => (t - m) ** 2))), min: Math.min(...times), max: Math.max(...times), median: median(times) };
  });
  return { method: `spawnSync from node (3 warmups, ${runs} runs)`, rows };
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(ROOT, { recursive: true });
  if (!fs.existsSync(KEYHOUND_BIN)) die(`keyhound is not built (${path.relative(REPO, KEYHOUND_BIN)} is missing): run \`npm run build\``, 1);
  const m = machine();
  const timeBin = gnuTime();
  const wanted = new Set(opts.tools ?? ALL_TOOLS);
  const versions = { keyhound: run(NODE, [KEYHOUND_BIN, '--version']).stdout.trim() };
  const notes = [];
  const gsBin = which('git-secrets');
  if (wanted.has('git-secrets')) {
    if (gsBin) versions['git-secrets'] = gitSecretsVersion();
    else {
      notes.push('git-secrets not installed: apt-get update && apt-get install -y git-secrets');
      wanted.delete('git-secrets');
    }
  }
  let gitleaks = null;
  if (wanted.has('gitleaks') || wanted.has('gitleaks-aws')) {
    const bin = findGitleaks(opts.gitleaks);
    if (bin) {
      gitleaks = gitleaksInfo(bin);
      versions.gitleaks = `${gitleaks.version ?? 'unknown version'} (${bin})`;
    } else notes.push('gitleaks not installed: go install github.com/zricethezav/gitleaks/v8@latest (lands in ~/go/bin, searched too)');
  }
  const hf = which('hyperfine');
  if (hf) versions.hyperfine = run(hf, ['--version']).stdout.trim().replace(/^hyperfine /, '');
  if (!timeBin) notes.push('/usr/bin/time (GNU) not found: peak memory is not measured (apt-get install time)');

  console.log(`keyhound git benchmark  ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}`);
  console.log(`node ${m.node}, git ${m.git}, ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const n of notes) console.log(`note: ${n}`);
  console.log('');

  // --- corpus
  let source;
  let meta = null;
  let stagedPair;
  if (opts.repo) {
    source = opts.repo;
    gitDirOf(source);
    stagedPair = plantPlan(ALL_VERSIONS.length).stagedPair;
    console.log(`Repository: ${source} (--repo; no planted keys)`);
  } else {
    console.log('Corpus:');
    const c = await ensureCorpus(opts);
    meta = c.meta;
    stagedPair = c.stagedPair;
    source = CORPUS_REPO;
  }
  const stats = repoStats(opts.repo ? gitDirOf(source) : source);
  console.log(`  ${stats.commits} commits (${stats.merges} merges), ${stats.blobs} unique blobs, ${fmt(mb(stats.bytes), 1)} MB of blob content, ${fmt(mb(stats.packBytes), 1)} MB packed`);
  if (meta) {
    console.log(`  ${PACKAGE} ${meta.recipe.first} … ${meta.recipe.last}: ${meta.recipe.releases} releases from PyPI, one commit per changed folder per release, every ${MERGE_EVERY}th release merged from a branch`);
    console.log(`  HEAD ${meta.head} (the same on every machine that builds this recipe)`);
    const kept = meta.planted.filter((p) => p.removeAt === null).length;
    console.log(`  planted: ${meta.planted.length} key ID + secret pairs (${meta.planted.filter((p) => p.kind === 'appended').length} appended to real files, ${meta.planted.filter((p) => p.kind !== 'appended').length} in new files), ${meta.planted.length - kept} removed later, ${kept} still at HEAD`);
  }
  console.log('');

  const out = { machine: m, versions, options: { runs: opts.runs, budget: opts.budget, stagedRuns: opts.stagedRuns, repo: opts.repo, versions: opts.versions }, corpus: { source: path.relative(REPO, source) || source, ...stats, MB: +mb(stats.bytes).toFixed(1), recipe: meta?.recipe, head: meta?.head }, notes: [...notes] };

  // --- history
  if (!opts.skipHistory) {
    // The peers run on a mirror clone (objects hardlinked, all refs), so that git-secrets' patterns
    // go into the mirror's config, not the corpus'. Every tool scans the same mirror.
    rmrf(MIRROR);
    run('git', ['clone', '-q', '--mirror', source, MIRROR]);
    if (wanted.has('git-secrets')) run('git', ['secrets', '--register-aws'], { cwd: MIRROR });
    const tools = historyTools(wanted, gitleaks);
    warmPageCache(MIRROR);
    console.log(`History scan of ${path.relative(REPO, MIRROR)} (a mirror clone of the corpus; median of ${opts.runs} runs, 1 warmup, budget ${opts.budget || 'unlimited'} s per tool):`);
    const results = [];
    for (const t of tools) {
      const r = measure(t, MIRROR, opts, timeBin);
      if (r.error) {
        console.log(`ERROR: ${t.label}: ${r.error}`);
        out.notes.push(`${t.label} failed: ${r.error}`);
        continue;
      }
      if (meta) r.planted = checkPlanted(r, meta.planted);
      results.push(r);
    }
    const hasRss = results.some((r) => r.rssMB != null);
    const header = ['tool', 'runs', 'median s', 'min-max s', 'blobs/s', 'MB/s', 'findings', ...(meta ? ['planted IDs', 'in adding commit'] : []), ...(hasRss ? ['peak RSS MB'] : [])];
    const rows = results.map((r) => [
      r.label,
      r.times.length,
      fmt(r.median, 2),
      `${fmt(r.min, 1)}-${fmt(r.max, 1)}`,
      fmt(stats.blobs / r.median, 0),
      fmt(mb(stats.bytes) / r.median, 1),
      r.parsed.count ?? '-',
      ...(meta ? [`${r.planted.ids}/${meta.planted.length}`, `${r.planted.inAddCommit}/${meta.planted.length}`] : []),
      ...(hasRss ? [fmt(r.rssMB, 0)] : []),
    ]);
    console.log('');
    console.log(table(rows, header));
    const kh = results.find((r) => r.tool === 'keyhound');
    const ratios = [];
    if (kh) {
      for (const p of results.filter((r) => r !== kh)) {
        const x = p.median / kh.median;
        ratios.push({ peer: p.tool, ratio: +x.toFixed(3) });
        console.log(`keyhound vs ${p.label}: ${x >= 1 ? `keyhound is ${x.toFixed(2)}x faster` : `keyhound is ${(1 / x).toFixed(2)}x slower`}`);
      }
      const s = kh.parsed.stats;
      if (s) {
        const sk = Object.entries(s.skipped ?? {}).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ');
        console.log(`keyhound read ${s.filesScanned} blobs, ${fmt(mb(s.bytesScanned), 1)} MB${sk ? `; skipped: ${sk}` : ''}${s.errors ? `; errors: ${s.errors}` : ''}`);
      }
    }
    if (meta) {
      console.log('');
      console.log(`Planted pairs (${meta.planted.length}):`);
      for (const r of results) {
        const p = r.planted;
        const bits = [`key IDs ${p.ids}/${meta.planted.length}`, `secrets ${p.secrets}/${meta.planted.length}`, `reported in the adding commit ${p.inAddCommit}/${meta.planted.length}`, `only there ${p.onlyAddCommit}/${meta.planted.length}`];
        if (p.atHeadKnown) bits.push(`atHead right ${p.atHeadRight}/${meta.planted.length}`);
        bits.push(`other findings ${p.otherFindings}`);
        if (p.missing.length) bits.push(`missed pairs #${p.missing.join(', #')}`);
        console.log(`  ${r.label.padEnd(28)} ${bits.join('; ')}`);
      }
    }
    const rnotes = results.flatMap((r) => r.notes);
    for (const n of rnotes) console.log(`note: ${n}`);
    out.notes.push(...rnotes);
    out.history = {
      scanned: path.relative(REPO, MIRROR),
      results: results.map((r) => ({ tool: r.tool, label: r.label, command: r.argv, runs: r.times.length, warmups: r.warmups, seconds: r.times.map((t) => +t.toFixed(3)), medianSeconds: +r.median.toFixed(3), blobsPerSecond: +(stats.blobs / r.median).toFixed(1), MBps: +(mb(stats.bytes) / r.median).toFixed(2), findings: r.parsed.count, exit: r.exit, peakRssMB: r.rssMB == null ? null : +r.rssMB.toFixed(1), planted: r.planted, ...(r.parsed.stats ? { keyhoundStats: r.parsed.stats } : {}) })),
      ratios,
    };
    console.log('');
  }

  // --- staged
  if (!opts.skipStaged) {
    const files = prepareStaged(source, stagedPair);
    if (wanted.has('git-secrets')) run('git', ['secrets', '--register-aws'], { cwd: STAGED_CLONE });
    const pre = modulePreload(STAGED_CLONE);
    if (pre.error) {
      console.log(`note: ${pre.error}; module loading not measured`);
      out.notes.push(pre.error);
    }
    const cmds = stagedCommands(gitleaks, wanted, pre.error ? null : pre.preload);
    const index = run('git', ['-C', STAGED_CLONE, 'ls-files']).stdout.split('\n').filter(Boolean).length;
    console.log(`Pre-commit scan in ${path.relative(REPO, STAGED_CLONE)} (a clone; ${index} files in the index): 5 modified files staged, a key pair on added lines in ${files[0]}`);
    console.log(`  staged: ${files.join(', ')}`);
    const outcomes = Object.fromEntries(cmds.map((c) => [c.name, stagedOutcome(c, STAGED_CLONE, stagedPair)]));
    const timing = timeStaged(cmds, STAGED_CLONE, opts.stagedRuns);
    const byName = Object.fromEntries(timing.rows.map((r) => [r.name, r]));
    const floor = byName['node -e 0'];
    const kh = byName['keyhound staged'];
    const rows = cmds.map((c) => {
      const r = byName[c.name];
      const o = outcomes[c.name];
      return [c.name, fmt(r.mean * 1000, 1), fmt(r.stddev * 1000, 1), `${fmt(r.min * 1000, 0)}-${fmt(r.max * 1000, 0)}`, fmt(r.mean / floor.mean, 2), o.exit ?? '-', o.findings ?? '-', o.found == null ? '-' : o.found ? 'yes' : 'NO'];
    });
    console.log('');
    console.log(table(rows, ['command', 'mean ms', '± ms', 'min-max ms', 'x node -e 0', 'exit', 'findings', 'key found']));
    console.log(`(${timing.method})`);
    const ratios = [];
    if (kh) {
      console.log(`keyhound staged / node -e 0 = ${(kh.mean / floor.mean).toFixed(2)}x (target: within 2x)`);
      for (const c of cmds.filter((c) => !['node -e 0', 'node + keyhound modules', 'keyhound staged'].includes(c.name))) {
        const x = byName[c.name].mean / kh.mean;
        ratios.push({ peer: c.name, ratio: +x.toFixed(3) });
        console.log(`keyhound vs ${c.name}: ${x >= 1 ? `keyhound is ${x.toFixed(2)}x faster` : `keyhound is ${(1 / x).toFixed(2)}x slower`}`);
      }
    }
    let split = null;
    const mods = byName['node + keyhound modules'];
    if (kh && mods) {
      split = {
        nodeStartMs: +(floor.mean * 1000).toFixed(1),
        moduleLoadMs: +((mods.mean - floor.mean) * 1000).toFixed(1),
        restMs: +((kh.mean - mods.mean) * 1000).toFixed(1),
        modules: pre.modules,
        keyhoundModules: pre.own,
        moduleKB: Math.round(pre.bytes / 1024),
      };
      const pct = (ms) => `${((ms / (kh.mean * 1000)) * 100).toFixed(0)}%`;
      console.log(`keyhound staged, ${fmt(kh.mean * 1000, 1)} ms: node start ${split.nodeStartMs} ms (${pct(split.nodeStartMs)}), loading its ${split.modules} modules (${split.keyhoundModules} its own, ${split.moduleKB} KB) ${split.moduleLoadMs} ms (${pct(split.moduleLoadMs)}), the rest (rules, git, scanning, report) ${split.restMs} ms (${pct(split.restMs)})`);
    }
    const profile = kh ? stagedProfile(STAGED_CLONE) : null;
    if (profile) {
      console.log(`One keyhound staged run under --cpu-prof (${profile.totalMs} ms of samples), self time by where it is spent:`);
      for (const t of profile.top) console.log(`  ${fmt(t.ms, 1).padStart(7)} ms  ${t.what}`);
    }
    out.staged = { clone: path.relative(REPO, STAGED_CLONE), indexFiles: index, files, method: timing.method, commands: cmds.map((c) => ({ name: c.name, command: c.argv, what: c.what, ...byName[c.name], ...outcomes[c.name] })), keyhoundOverNode: kh ? +(kh.mean / floor.mean).toFixed(3) : null, ratios, split, profile };
    console.log('');
  }

  fs.writeFileSync(RESULTS, JSON.stringify(out, null, 2) + '\n');
  console.log(`Saved ${path.relative(REPO, RESULTS)}`);
  if (opts.json) console.log(JSON.stringify(out, null, 2));
}

main().catch((e) => die(e.stack || e.message, 1));
