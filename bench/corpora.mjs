// The benchmark's corpora other than the folder tree (corpus.mjs): the npm tree and the sources tree
// (issue 13), the real botocore history, the pre-commit repository, and the big single files. All are
// built into bench/.corpus (git-ignored), reproducibly, and cached.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, HERE, REPO, keyMaker, mb, rmrf, run } from './lib.mjs';
import { DOWNLOADS, PYPI_PINS, TREE, copyTree, corpusStats, ensurePypiSources, unpack } from './corpus.mjs';

// ---------------------------------------------------------------- (a) npm-tree and sources (issue 13)

/** package.json + package-lock.json of the npm tree: every package's version is pinned by the lock. */
export const NPM_TREE_SPEC = path.join(HERE, 'npm-tree');
export const NPM_TREE = path.join(CORPUS_DIR, 'npm-tree');
export const SOURCES = path.join(CORPUS_DIR, 'sources');
/** The sources tree's PyPI sdists: the folder corpus' pins plus moto. */
export const SOURCES_PYPI_PINS = [...PYPI_PINS, ['moto', '5.2.5']];

function npmTreeRecipe() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(fs.readFileSync(path.join(NPM_TREE_SPEC, f)));
  return `npm-tree-v1:${h.digest('hex')}`;
}

/** The pinned aws-sdk (v2) version, read from the npm tree's package.json: one pin for both corpora. */
export function awsSdkV2Version() {
  return JSON.parse(fs.readFileSync(path.join(NPM_TREE_SPEC, 'package.json'), 'utf8')).dependencies['aws-sdk'];
}

/**
 * The npm tree: `npm ci --ignore-scripts` of bench/npm-tree (aws-sdk v2, six v3 clients, typescript,
 * and their dependencies, all pinned by the lock file), copied to bench/.corpus/npm-tree/packages
 * with nested node_modules renamed _node_modules (as the folder corpus' js part: scanners skip
 * paths named node_modules). Cached by the lock file's hash. Returns { dir, files, bytes } or { error }.
 */
export function ensureNpmTree({ quiet = false } = {}) {
  const say = (...a) => !quiet && console.log(...a);
  const recipe = npmTreeRecipe();
  const stamp = `${NPM_TREE}.recipe`;
  const cached = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === recipe && fs.existsSync(NPM_TREE);
  if (!cached) {
    const install = `${NPM_TREE}.install`;
    rmrf(install);
    rmrf(stamp);
    fs.mkdirSync(install, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(NPM_TREE_SPEC, f), path.join(install, f));
    say(`  npm-tree: npm ci --ignore-scripts in ${path.relative(REPO, install)} (${path.relative(REPO, NPM_TREE_SPEC)}/package-lock.json)`);
    const r = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: install, allowFail: true, timeout: 1800_000 });
    if (r.error || r.status !== 0) {
      rmrf(install);
      return { error: `npm ci failed (needs npm and the npm registry): ${String(r.error?.message || r.stderr || `exit ${r.status}`).trim().split('\n').slice(-1)[0]}` };
    }
    rmrf(NPM_TREE);
    copyTree(path.join(install, 'node_modules'), path.join(NPM_TREE, 'packages'));
    rmrf(install);
    fs.writeFileSync(stamp, recipe);
  } else say('  npm-tree: cached');
  return { dir: NPM_TREE, ...corpusStats(NPM_TREE) };
}

/**
 * The sources tree: the unpacked sdists of SOURCES_PYPI_PINS (pypi/), the npm tarball of aws-sdk v2,
 * which is its source release (npm/aws-sdk-VERSION), and the npm tree (npm-tree/, hard links to
 * bench/.corpus/npm-tree). Returns { dir, files, bytes, notes } or { error }.
 */
export function ensureSources({ quiet = false } = {}) {
  const say = (...a) => !quiet && console.log(...a);
  const notes = ensurePypiSources(SOURCES_PYPI_PINS, path.join(SOURCES, 'pypi'), quiet, 'sources');
  const sdk = `aws-sdk-${awsSdkV2Version()}`;
  const sdkDir = path.join(SOURCES, 'npm', sdk);
  if (!fs.existsSync(sdkDir)) {
    const tgz = path.join(DOWNLOADS, `${sdk}.tgz`);
    if (!fs.existsSync(tgz)) {
      fs.mkdirSync(DOWNLOADS, { recursive: true });
      say(`  sources: npm pack ${sdk.replace(/-(?=\d)/, '@')} (the npm tarball)`);
      const r = run('npm', ['pack', '--silent', '--pack-destination', DOWNLOADS, `aws-sdk@${awsSdkV2Version()}`], { cwd: DOWNLOADS, allowFail: true, timeout: 600_000 });
      if (r.error || r.status !== 0 || !fs.existsSync(tgz)) notes.push(`sources: SKIPPED ${sdk}: npm pack failed: ${String(r.error?.message || r.stderr || 'no tarball').trim().split('\n').slice(-1)[0]}`);
    }
    if (fs.existsSync(tgz)) {
      const err = unpack(tgz, sdkDir);
      if (err) notes.push(`sources: SKIPPED ${sdk}: ${err}`);
    }
  }
  const tree = ensureNpmTree({ quiet });
  const linked = path.join(SOURCES, 'npm-tree');
  rmrf(linked);
  if (tree.error) notes.push(`sources: SKIPPED the npm tree: ${tree.error}`);
  else {
    // Hard links: the same bytes without a second copy on disk (a plain copy where links fail).
    const r = run('cp', ['-al', NPM_TREE, linked], { allowFail: true });
    if (r.status !== 0) copyTree(NPM_TREE, linked);
  }
  const s = corpusStats(SOURCES);
  if (s.files === 0) return { error: `nothing could be built: ${notes.join('; ')}` };
  return { dir: SOURCES, ...s, notes };
}

// ---------------------------------------------------------------- (b) history: botocore

export const BOTOCORE_URL = 'https://github.com/boto/botocore.git';
/** The pinned commit: its history (13,370 commits, 46,985 unique blobs, 7.3 GB) is the corpus. */
export const BOTOCORE_PIN = '0e6e2404b85dc336dd2889814e089bde7d1a4c55';
export const HISTORY_REPO = path.join(CORPUS_DIR, 'repos', 'botocore.git');
/** Local copies of the upstream repository tried before the network (none needs to exist). */
const LOCAL_MIRRORS = ['/work/.mirror/boto+botocore/repo'];

const gitIn = (dir, args, opts = {}) => run('git', ['--git-dir', dir, ...args], opts);

function hasCommit(dir, sha) {
  return gitIn(dir, ['cat-file', '-e', `${sha}^{commit}`], { allowFail: true }).status === 0;
}

/**
 * The botocore bare clone with exactly one ref, refs/heads/main = the pinned commit, so "all refs"
 * (what keyhound history, gitleaks git and git secrets --scan-history read) is that commit's history
 * on every machine. Cloned once (from `url`, else a known local mirror); re-pinned on each call.
 * Returns { dir, source, pin } or { error }.
 */
export function ensureHistoryRepo({ url = null, pin = BOTOCORE_PIN, quiet = false } = {}) {
  const say = (...a) => !quiet && console.log(...a);
  let source = null;
  if (!fs.existsSync(path.join(HISTORY_REPO, 'HEAD')) || !hasCommit(HISTORY_REPO, pin)) {
    const candidates = url ? [url] : [...LOCAL_MIRRORS.filter((p) => fs.existsSync(p)), BOTOCORE_URL];
    const errors = [];
    for (const c of candidates) {
      rmrf(HISTORY_REPO);
      fs.mkdirSync(path.dirname(HISTORY_REPO), { recursive: true });
      say(`  cloning ${c} (git clone --bare) into ${path.relative(REPO, HISTORY_REPO)}`);
      const r = run('git', ['clone', '-q', '--bare', c, HISTORY_REPO], { allowFail: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, timeout: 3600_000 });
      if (r.status === 0 && hasCommit(HISTORY_REPO, pin)) {
        source = c;
        break;
      }
      errors.push(`${c}: ${r.status === 0 ? `commit ${pin} is not in it` : String(r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-1)[0]}`);
    }
    if (!source) {
      rmrf(HISTORY_REPO);
      return { error: `no botocore clone (${errors.join('; ')}); pass --repo PATH or --repo-url URL` };
    }
    fs.writeFileSync(path.join(CORPUS_DIR, 'repos', 'botocore.source'), source + '\n');
  } else {
    try {
      source = fs.readFileSync(path.join(CORPUS_DIR, 'repos', 'botocore.source'), 'utf8').trim();
    } catch {
      source = 'cached clone';
    }
  }
  // One ref only: drop every branch and tag, point main at the pin.
  const refs = gitIn(HISTORY_REPO, ['for-each-ref', '--format=%(refname)']).stdout.split('\n').filter((r) => r && r !== 'refs/heads/main');
  if (refs.length) gitIn(HISTORY_REPO, ['update-ref', '--stdin'], { input: refs.map((r) => `delete ${r}\n`).join('') });
  gitIn(HISTORY_REPO, ['update-ref', 'refs/heads/main', pin]);
  gitIn(HISTORY_REPO, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  return { dir: pinnedClone(pin, say), source, pin };
}

/**
 * A clone of HISTORY_REPO (now one ref, at pin) that holds only the objects reachable from pin:
 * HISTORY_REPO keeps every object of its source (other branches, tags, later commits), and
 * `git cat-file --batch-all-objects`, the history floor, reads every object a repository has.
 * `--no-local` makes git pack just the reachable objects instead of hard-linking the whole store.
 * Cached per pin (bench/.corpus/repos/botocore-<pin>.git).
 */
function pinnedClone(pin, say) {
  const dir = path.join(path.dirname(HISTORY_REPO), `botocore-${pin.slice(0, 12)}.git`);
  const ok = () => fs.existsSync(path.join(dir, 'HEAD')) && gitIn(dir, ['rev-parse', 'refs/heads/main'], { allowFail: true }).stdout?.trim() === gitIn(HISTORY_REPO, ['rev-parse', pin]).stdout.trim();
  if (!ok()) {
    rmrf(dir);
    say(`  cloning the pinned history alone (git clone --bare --no-local) into ${path.relative(REPO, dir)}`);
    run('git', ['clone', '-q', '--bare', '--no-local', '--single-branch', '--no-tags', HISTORY_REPO, dir], { timeout: 3600_000 });
    if (!ok()) throw new Error(`the clone ${dir} does not have refs/heads/main at ${pin}`);
  }
  return dir;
}

/** Commits, unique blobs reachable from all refs and their total size: what a history scan reads. */
export function repoStats(gitDir) {
  const commits = Number(gitIn(gitDir, ['rev-list', '--all', '--count']).stdout.trim());
  const objs = run('sh', ['-c', 'git --git-dir "$1" rev-list --all --objects | cut -d" " -f1 | git --git-dir "$1" cat-file --batch-check="%(objecttype) %(objectsize)"', 'sh', gitDir]).stdout;
  let blobs = 0;
  let bytes = 0;
  for (const line of objs.split('\n')) {
    if (!line.startsWith('blob ')) continue;
    blobs++;
    bytes += Number(line.slice(5));
  }
  return { commits, blobs, bytes };
}

export function gitDirOf(repo) {
  const r = run('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { allowFail: true });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------------------------------------------------------------- text from the folder corpus

/** Up to `max` bytes of text files from the folder tree (sorted paths: the same on every machine). */
function corpusText(sub, exts, max) {
  const root = path.join(TREE, sub);
  const files = [];
  const walk = (d) => {
    let es;
    try {
      es = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of es.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && exts.test(e.name)) files.push(p);
    }
  };
  walk(root);
  const parts = [];
  let n = 0;
  for (const f of files) {
    if (n >= max) break;
    const b = fs.readFileSync(f);
    if (b.includes(0)) continue;
    parts.push(b);
    n += b.length;
  }
  return Buffer.concat(parts).subarray(0, max);
}

// ---------------------------------------------------------------- (c) staged

export const STAGED_REPO = path.join(CORPUS_DIR, 'staged-repo');
const STAGED_SEED = 'keyhound-bench-staged-v1';

/**
 * A fresh repository: one commit of 100 botocore source files, then 5 new files of 3-6 KB staged,
 * the third holding a synthetic key ID + secret pair on added lines. Returns { dir, files, bytes, pairs }.
 */
export function buildStagedRepo() {
  rmrf(STAGED_REPO);
  fs.mkdirSync(STAGED_REPO, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@keyhound-bench.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@keyhound-bench.invalid', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' };
  const git = (args) => run('git', ['-C', STAGED_REPO, ...args], { env });
  git(['init', '-q', '-b', 'main']);
  // The initial commit: botocore's own .py files (or filler when the folder corpus is missing).
  const src = path.join(TREE, 'pypi');
  let base = [];
  const pyRoot = fs.existsSync(src) ? fs.readdirSync(src).find((d) => d.startsWith('botocore-')) : null;
  if (pyRoot) {
    const dir = path.join(src, pyRoot, 'botocore');
    base = fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort().slice(0, 100).map((f) => [`botocore/${f}`, fs.readFileSync(path.join(dir, f))]);
  }
  if (base.length === 0) base = Array.from({ length: 100 }, (_, i) => [`src/module_${i}.py`, Buffer.from(`# module ${i}\n`.repeat(50))]);
  for (const [rel, data] of base) {
    fs.mkdirSync(path.dirname(path.join(STAGED_REPO, rel)), { recursive: true });
    fs.writeFileSync(path.join(STAGED_REPO, rel), data);
  }
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'initial import']);
  // Five new files, a few KB each, from the folder corpus' text.
  const k = keyMaker(STAGED_SEED);
  const text = corpusText('pypi', /\.py$/, 64 * 1024).toString('utf8').split('\n');
  const files = [];
  const pair = { id: k.keyId(), secret: k.secret() };
  let line = 0;
  for (let i = 0; i < 5; i++) {
    const want = 3000 + k.int(3000);
    const lines = [];
    let size = 0;
    while (size < want && text.length) {
      const l = text[line++ % text.length];
      lines.push(l);
      size += l.length + 1;
    }
    if (i === 2) lines.splice(10, 0, '# staging credentials (do not commit)', `aws_access_key_id = "${pair.id}"`, `aws_secret_access_key = "${pair.secret}"`);
    const rel = `app/feature_${i + 1}.py`;
    fs.mkdirSync(path.join(STAGED_REPO, 'app'), { recursive: true });
    fs.writeFileSync(path.join(STAGED_REPO, rel), lines.join('\n') + '\n');
    files.push(rel);
  }
  git(['add', '--', ...files]);
  const bytes = files.reduce((s, f) => s + fs.statSync(path.join(STAGED_REPO, f)).size, 0);
  return { dir: STAGED_REPO, files, bytes, pairs: 1 };
}

// ---------------------------------------------------------------- (d) big single files

export const BIG_DIR = path.join(CORPUS_DIR, 'bigfile');
export const BIG_RECIPE = 'bigfile-v1';
const BIG_SEED = 'keyhound-bench-bigfile-v1';
export const BIG_FILES = {
  // 1 GiB of ordinary lines: the folder corpus' Python, reST and JSON text, repeated.
  'bigfile': { file: 'corpus-1GiB.txt', size: 1024 * 1024 * 1024, pairs: 8, line: false },
  // 200 MiB with no newline at all, like minified JavaScript.
  'bigline': { file: 'one-line-200MiB.js', size: 200 * 1024 * 1024, pairs: 4, line: true },
};

/**
 * Writes the big files (cached by recipe): the corpus text repeated up to the size, with `pairs`
 * synthetic key pairs written at evenly spaced known offsets. Returns { name: {path, bytes, pairs, offsets} }.
 */
export function ensureBigFiles(names, { quiet = false } = {}) {
  fs.mkdirSync(BIG_DIR, { recursive: true });
  const out = {};
  for (const name of names) {
    const spec = BIG_FILES[name];
    const file = path.join(BIG_DIR, spec.file);
    const metaFile = `${file}.json`;
    let meta = null;
    try {
      meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    } catch {}
    if (meta && meta.recipe === BIG_RECIPE && fs.existsSync(file) && fs.statSync(file).size === meta.bytes) {
      out[name] = { path: file, ...meta };
      continue;
    }
    if (!quiet) console.log(`  writing ${path.relative(REPO, file)} (${mb(spec.size).toFixed(0)} MB)`);
    let chunk = spec.line
      ? corpusText('js', /\.js$/, 32 << 20).toString('latin1').replace(/[\r\n]+/g, ' ')
      : corpusText('pypi', /\.(py|rst|json|txt|cfg)$/, 64 << 20).toString('latin1');
    if (chunk.length < 1 << 20) {
      // No folder corpus: synthetic text instead.
      chunk = Array.from({ length: 20000 }, (_, i) => (spec.line ? `var v${i}=function(a,b){return a+b*${i}};` : `value_${i} = compute(${i}, "bench")\n`)).join('');
    }
    const body = Buffer.from(chunk, 'latin1');
    const k = keyMaker(`${BIG_SEED}:${name}`);
    const offsets = [];
    const fd = fs.openSync(`${file}.tmp`, 'w');
    let written = 0;
    const step = Math.floor(spec.size / spec.pairs);
    let nextPlant = Math.floor(step / 2);
    const plants = [];
    while (written < spec.size) {
      if (offsets.length < spec.pairs && written >= nextPlant) {
        const p = { id: k.keyId(), secret: k.secret() };
        const s = spec.line
          ? `;var aws_access_key_id="${p.id}",aws_secret_access_key="${p.secret}";`
          : `\n# deploy credentials\naws_access_key_id = ${p.id}\naws_secret_access_key = ${p.secret}\n`;
        offsets.push(written);
        plants.push(p.id.slice(0, 4) + '…' + p.id.slice(-4));
        fs.writeSync(fd, s);
        written += Buffer.byteLength(s);
        nextPlant += step;
        continue;
      }
      const n = Math.min(body.length, spec.size - written, nextPlant > written && offsets.length < spec.pairs ? nextPlant - written : Infinity);
      fs.writeSync(fd, body, 0, n);
      written += n;
    }
    fs.closeSync(fd);
    fs.renameSync(`${file}.tmp`, file);
    meta = { recipe: BIG_RECIPE, bytes: written, pairs: spec.pairs, offsets, keyIds: plants, line: spec.line };
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2) + '\n');
    out[name] = { path: file, ...meta };
  }
  return out;
}
