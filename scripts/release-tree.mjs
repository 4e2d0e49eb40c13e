// Writes the release tree into OUT_DIR: what `npm pack` ships (built dist/ included), plus
// .pre-commit-hooks.yaml, with package.json stripped of its scripts and dev dependencies. Committed on
// a release branch and tagged, it is what `rev:` in a .pre-commit-config.yaml should point at.
//
// Why: the pre-commit framework installs a node hook with `npm install -g git+file://<clone>`. When the
// package has lifecycle scripts (prepare, build, …), npm first runs a nested `npm install` in the clone,
// and in a global install that nested install writes into the same global node_modules/keyhound as the
// outer one, at the same time (npm/cli#8440): on a busy machine it fails with ENOTEMPTY. A tree with no
// scripts and dist/ built is packed as it is: nothing is built, nothing races.
//
// Usage: npm run build && node scripts/release-tree.mjs OUT_DIR   (OUT_DIR must be empty or absent)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
const die = (message) => {
  console.error(`release-tree: ${message}`);
  process.exit(2);
};
if (out === undefined) die('usage: node scripts/release-tree.mjs OUT_DIR');
if (!existsSync(join(root, 'dist/src/bin.js'))) die('dist/ is not built: run npm run build first');
if (existsSync(out) && readdirSync(out).length > 0) die(`${out} is not empty`);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) die(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'keyhound-release-'));
try {
  // The npm that runs this script when run by npm, else the one on PATH. --ignore-scripts: dist/ is built.
  const cli = process.env.npm_execpath;
  const [npm, pre] = cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  run(npm, [...pre, 'pack', '--ignore-scripts', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) die('npm pack wrote no tarball');
  run('tar', ['-xzf', tarball], work);
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { recursive: true, force: true });
  cpSync(join(work, 'package'), out, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
  delete pkg.scripts;
  delete pkg.devDependencies;
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  copyFileSync(join(root, '.pre-commit-hooks.yaml'), join(out, '.pre-commit-hooks.yaml'));
  console.log(`release-tree: ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
