#!/usr/bin/env node
// Builds the benchmark corpus into bench/.corpus/tree/ (gitignored), reproducibly and cached.
//
//   tree/pypi/     source distributions of pinned awscli, botocore and boto3 from PyPI, unpacked
//   tree/js/       a copy of this project's node_modules (regular files only)
//   tree/planted/  small generated files with synthetic, key-shaped AWS credentials
//
// Each part is skipped with a note when it cannot be built (no python3/pip, no registry,
// no node_modules); whatever was built is kept and reused by the next run.
//
// Usage: node bench/corpus.mjs [--rebuild] [--quiet]
// Library: import { ensureCorpus, corpusStats, PARTS } from './corpus.mjs'

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, REPO, keyMaker, mb, pipDownload as pipDownloadTo, rmrf, run as runCmd } from './lib.mjs';

export { CORPUS_DIR, REPO, mb };
export const TREE = path.join(CORPUS_DIR, 'tree');
/** Downloaded sdists and tarballs, kept across rebuilds. */
export const DOWNLOADS = path.join(CORPUS_DIR, 'downloads');
const TMP = path.join(CORPUS_DIR, 'tmp');
const STAMPS = path.join(CORPUS_DIR, 'stamps');

/** Pinned PyPI source distributions (checked with `pip index versions`). Change here to re-pin. */
export const PYPI_PINS = [
  ['awscli', '1.46.3'],
  ['botocore', '1.44.8'],
  ['boto3', '1.44.8'],
];

/** Seed for the planted keys: the same seed gives byte-identical files on every machine. */
export const PLANT_SEED = 'keyhound-bench-v1';
const PLANT_FILES = 24;

/** Named sub-corpora, relative to TREE; 'all' is the whole tree. */
export const PARTS = {
  all: '.',
  pypi: 'pypi',
  js: 'js',
  planted: 'planted',
};

const say = (quiet, ...a) => {
  if (!quiet) console.log(...a);
};

const run = (cmd, args, opts = {}) => runCmd(cmd, args, { ...opts, allowFail: true });

function readStamp(name) {
  try {
    return fs.readFileSync(path.join(STAMPS, name), 'utf8');
  } catch {
    return null;
  }
}

function writeStamp(name, value) {
  fs.mkdirSync(STAMPS, { recursive: true });
  fs.writeFileSync(path.join(STAMPS, name), value);
}

// ---------------------------------------------------------------- (a) PyPI sdists

function findSdist(name, version) {
  if (!fs.existsSync(DOWNLOADS)) return null;
  const want = `${name}-${version}`.toLowerCase().replace(/-/g, '_');
  for (const f of fs.readdirSync(DOWNLOADS)) {
    const m = /^(.*)\.(tar\.gz|zip)$/.exec(f);
    if (m && m[1].toLowerCase().replace(/-/g, '_') === want) return path.join(DOWNLOADS, f);
  }
  return null;
}

const pipDownload = (specs, quiet) => pipDownloadTo(specs, DOWNLOADS, { quiet });

/** Unpacks a .tar.gz / .tgz / .zip whose single top folder becomes dest. Null, or a one-line error. */
export function unpack(archive, dest) {
  rmrf(TMP);
  fs.mkdirSync(TMP, { recursive: true });
  const r = archive.endsWith('.zip')
    ? run('python3', ['-m', 'zipfile', '-e', archive, TMP])
    : run('tar', ['-xzf', archive, '-C', TMP]);
  if (r.error || r.status !== 0) {
    rmrf(TMP);
    return `unpack failed: ${r.error?.message || r.stderr?.trim() || `exit ${r.status}`}`;
  }
  const top = fs.readdirSync(TMP);
  const src = top.length === 1 ? path.join(TMP, top[0]) : TMP;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  rmrf(dest);
  fs.renameSync(src, dest);
  rmrf(TMP);
  return null;
}

/**
 * The pinned sdists `pins` ([name, version] pairs) downloaded (cached in bench/.corpus/downloads)
 * and unpacked into root/<name>-<version>; other folders in root are removed. Returns notes.
 */
export function ensurePypiSources(pins, root, quiet, label = 'pypi') {
  fs.mkdirSync(root, { recursive: true });
  const wanted = new Set(pins.map(([n, v]) => `${n}-${v}`));
  // Drop unpacked trees of versions that are no longer pinned.
  for (const d of fs.readdirSync(root)) {
    if (!wanted.has(d)) {
      say(quiet, `  removing stale ${d}`);
      rmrf(path.join(root, d));
    }
  }
  const missing = pins.filter(([n, v]) => !fs.existsSync(path.join(root, `${n}-${v}`)));
  if (missing.length === 0) {
    say(quiet, `  ${label}: cached (${[...wanted].join(', ')})`);
    return [];
  }
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const notes = [];
  const toFetch = missing.filter(([n, v]) => !findSdist(n, v));
  const errors = {};
  if (toFetch.length) {
    // One pip call for all, then one per package if that failed, so one bad pin doesn't sink the rest.
    const err = pipDownload(toFetch.map(([n, v]) => `${n}==${v}`), quiet);
    if (err && toFetch.length > 1 && !err.startsWith('cannot run')) {
      for (const [n, v] of toFetch) if (!findSdist(n, v)) errors[n] = pipDownload([`${n}==${v}`], quiet);
    } else if (err) for (const [n] of toFetch) errors[n] = err;
  }
  for (const [n, v] of missing) {
    const archive = findSdist(n, v);
    if (!archive) {
      notes.push(`${label}: SKIPPED ${n}==${v}: download failed (needs python3 + pip and access to PyPI): ${errors[n] || 'no sdist saved'}`);
      continue;
    }
    say(quiet, `  unpacking ${path.basename(archive)}`);
    const err = unpack(archive, path.join(root, `${n}-${v}`));
    if (err) notes.push(`${label}: SKIPPED ${n}==${v}: ${err}`);
  }
  return notes;
}

const buildPypi = (quiet) => ensurePypiSources(PYPI_PINS, path.join(TREE, 'pypi'), quiet);

// ---------------------------------------------------------------- (b) node_modules copy

/** Hash of what decides node_modules' content, so the copy is redone when dependencies change. */
function lockHash() {
  const h = createHash('sha256');
  for (const f of ['package-lock.json', 'node_modules/.package-lock.json']) {
    try {
      h.update(fs.readFileSync(path.join(REPO, f)));
    } catch {
      h.update(`missing:${f}`);
    }
  }
  return h.digest('hex');
}

// Regular files and directories only (symlinks such as node_modules/.bin/* are dropped), and
// nested `node_modules` directories are renamed `_node_modules`: scanners skip paths named
// node_modules by default (gitleaks' global allowlist does), and this corpus is meant to be read.
export function copyTree(src, dst) {
  let files = 0;
  const entries = fs.readdirSync(src, { withFileTypes: true });
  fs.mkdirSync(dst, { recursive: true });
  for (const e of entries) {
    const s = path.join(src, e.name);
    if (e.isDirectory()) {
      files += copyTree(s, path.join(dst, e.name === 'node_modules' ? '_node_modules' : e.name));
    } else if (e.isFile()) {
      fs.copyFileSync(s, path.join(dst, e.name));
      files++;
    }
  }
  return files;
}

function buildJs(quiet) {
  const src = path.join(REPO, 'node_modules');
  const dest = path.join(TREE, 'js');
  if (!fs.existsSync(src)) {
    return [`js: SKIPPED: ${src} does not exist (run \`npm install\` first)`];
  }
  const hash = lockHash();
  if (fs.existsSync(dest) && readStamp('js') === hash) {
    say(quiet, '  js: cached (copy of node_modules)');
    return [];
  }
  say(quiet, '  js: copying node_modules');
  const tmp = path.join(CORPUS_DIR, 'js.tmp');
  rmrf(tmp);
  try {
    copyTree(src, tmp);
    rmrf(dest);
    fs.renameSync(tmp, dest);
    writeStamp('js', hash);
  } catch (e) {
    rmrf(tmp);
    return [`js: SKIPPED: copy failed: ${e.message}`];
  }
  return [];
}

// ---------------------------------------------------------------- (c) planted synthetic keys

// Each template renders a file holding the given credential pairs.
// Ordinary configuration lines around the planted keys, so that they are not on the first line of every file.
const FILLER = [
  '# service configuration, generated for the keyhound benchmark',
  'region = eu-west-1',
  'output = json',
  'retries = 3',
  'timeout_seconds = 30',
  'log_level = info',
  'bucket = example-bench-artifacts',
];

const TEMPLATES = [
  ['credentials.ini', (pairs) =>
    pairs.map((p, i) => `[profile-${i}]\naws_access_key_id = ${p.id}\naws_secret_access_key = ${p.secret}\nregion = us-east-1\n`).join('\n')],
  ['settings.py', (pairs) =>
    `import os\n\nDEBUG = False\n` +
    pairs.map((p) => `aws_access_key_id = "${p.id}"\naws_secret_access_key = "${p.secret}"\n`).join('') +
    `\nDATABASES = {"default": {"ENGINE": "sqlite3"}}\n`],
  ['config.js', (pairs) =>
    `'use strict';\n\n` +
    pairs.map((p) => `// deploy credentials\nvar aws_access_key_id = '${p.id}';\nvar aws_secret_access_key = '${p.secret}';\n`).join('') +
    `module.exports = { region: 'us-west-2' };\n`],
  ['deploy.sh', (pairs) =>
    `#!/bin/sh\nset -eu\n` +
    pairs.map((p) => `export AWS_ACCESS_KEY_ID=${p.id}\naws_secret_access_key = ${p.secret}\n`).join('') +
    `aws s3 sync ./build s3://example-bench-artifacts\n`],
  ['app.env', (pairs) =>
    `NODE_ENV=production\n` +
    pairs.map((p) => `AWS_ACCESS_KEY_ID=${p.id}\naws_secret_access_key = ${p.secret}\n`).join('') +
    `PORT=8080\n`],
  ['notes.md', (pairs) =>
    `# Migration notes\n\nThe old CI user is still in the config below.\n\n\`\`\`\n` +
    pairs.map((p) => `aws_access_key_id = ${p.id}\naws_secret_access_key = ${p.secret}\n`).join('') +
    '```\n'],
];

function buildPlanted(quiet) {
  const dest = path.join(TREE, 'planted');
  const stamp = `${PLANT_SEED}:${PLANT_FILES}:v1`;
  if (fs.existsSync(dest) && readStamp('planted') === stamp) {
    say(quiet, '  planted: cached');
    return [];
  }
  const k = keyMaker(PLANT_SEED);
  const tmp = path.join(CORPUS_DIR, 'planted.tmp');
  rmrf(tmp);
  let pairs = 0;
  for (let i = 0; i < PLANT_FILES; i++) {
    const [base, render] = TEMPLATES[i % TEMPLATES.length];
    const n = 1 + k.int(3);
    const ps = Array.from({ length: n }, () => ({ id: k.keyId(), secret: k.secret() }));
    pairs += n;
    // Some filler before and after so the keys are not on the first line of every file.
    const pad = Array.from({ length: 5 + k.int(40) }, (_, j) => FILLER[j % FILLER.length]).join('\n');
    const dir = path.join(tmp, `service-${String(i).padStart(2, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    const comment = { '.sh': '# ', '.py': '# ', '.js': '// ' }[path.extname(base)];
    const body = comment
      ? render(ps) + '\n' + pad.replace(/^#? ?/gm, comment) + '\n'
      : pad + '\n\n' + render(ps) + '\n' + pad + '\n';
    fs.writeFileSync(path.join(dir, base), body);
  }
  rmrf(dest);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.renameSync(tmp, dest);
  writeStamp('planted', stamp);
  fs.writeFileSync(path.join(STAMPS, 'planted.json'), JSON.stringify({ files: PLANT_FILES, pairs }, null, 2));
  say(quiet, `  planted: ${PLANT_FILES} files, ${pairs} key ID + secret pairs`);
  return [];
}

// ---------------------------------------------------------------- stats and entry points

/** Regular files under dir (symlinks not followed) and their total size in bytes. */
export function corpusStats(dir) {
  let files = 0;
  let bytes = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  }
  return { files, bytes };
}

/** Planted pairs (for the README's "expected findings"), or null before the part is built. */
export function plantedInfo() {
  try {
    return JSON.parse(fs.readFileSync(path.join(STAMPS, 'planted.json'), 'utf8'));
  } catch {
    return null;
  }
}


/**
 * Builds whatever part is missing and returns { tree, notes, parts: {name: {dir, files, bytes}} }.
 * Never throws for a part that cannot be built: it is skipped and explained in `notes`.
 */
export function ensureCorpus({ rebuild = false, quiet = false } = {}) {
  if (rebuild) {
    say(quiet, `Removing ${TREE} (downloads are kept)`);
    rmrf(TREE);
    rmrf(STAMPS);
  }
  fs.mkdirSync(TREE, { recursive: true });
  say(quiet, `Corpus: ${path.relative(process.cwd(), TREE) || TREE}`);
  const notes = [];
  for (const [name, build] of [['pypi', buildPypi], ['js', buildJs], ['planted', buildPlanted]]) {
    try {
      notes.push(...build(quiet));
    } catch (e) {
      notes.push(`${name}: SKIPPED: ${e.message}`);
    }
  }
  rmrf(TMP);
  const parts = {};
  for (const [name, rel] of Object.entries(PARTS)) {
    const dir = path.resolve(TREE, rel);
    if (!fs.existsSync(dir)) continue;
    const s = corpusStats(dir);
    if (s.files > 0) parts[name] = { dir, ...s };
  }
  for (const n of notes) console.log(`  note: ${n}`);
  return { tree: TREE, notes, parts };
}

export function describeParts(parts) {
  return Object.entries(parts)
    .map(([name, p]) => `  ${name.padEnd(8)} ${String(p.files).padStart(7)} files ${mb(p.bytes).toFixed(1).padStart(8)} MB  ${path.relative(REPO, p.dir)}`)
    .join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: node bench/corpus.mjs [--rebuild] [--quiet]\nBuilds bench/.corpus/tree/ (see bench/README.md).');
    process.exit(0);
  }
  const { parts, notes } = ensureCorpus({ rebuild: argv.includes('--rebuild'), quiet: argv.includes('--quiet') });
  console.log(describeParts(parts));
  const planted = plantedInfo();
  if (planted) console.log(`  (planted: ${planted.pairs} synthetic key ID + secret pairs in ${planted.files} files)`);
  process.exit(parts.all && notes.length === 0 ? 0 : 1);
}
