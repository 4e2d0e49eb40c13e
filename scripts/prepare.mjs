// npm's `prepare` script: builds dist/ when keyhound is installed from a clone or from a git URL.
//
// npm documents that a git dependency gets its devDependencies installed before `prepare` runs, but a
// GLOBAL install from git (`npm install -g git+…`, which is what the pre-commit framework runs) leaks
// npm_config_global=true into that inner install: the dev dependencies never reach the clone and the
// build fails with `tsc: not found` (npm/cli#8440, open). So when TypeScript is absent we build in a
// temporary copy of the sources, with exactly the lockfile's dependencies (`npm ci`, scripts off so
// this file does not run again), and bring dist/ back. The copy keeps us clear of the node_modules
// folder npm is filling in the clone at the same time. A packed tarball never runs this: it ships dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The npm that runs this script (npm sets npm_execpath), else the one on PATH.
function npm(cwd, args, env = process.env) {
  const cli = process.env.npm_execpath;
  const [cmd, argv] = cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit', env });
  if (r.error) console.error(`keyhound prepare: cannot run npm: ${r.error.message}`);
  return r.status ?? 1;
}

if (existsSync(join(root, 'node_modules/typescript/bin/tsc'))) process.exit(npm(root, ['run', 'build']));
if (existsSync(join(root, 'dist/src/bin.js'))) process.exit(0); // built already: nothing to do
if (!existsSync(join(root, 'package-lock.json'))) {
  console.error('keyhound prepare: TypeScript is not installed and there is no package-lock.json to install it from; run npm ci first');
  process.exit(1);
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'bench', 'fixtures']);
const work = mkdtempSync(join(tmpdir(), 'keyhound-build-'));
let code = 1;
try {
  cpSync(root, work, { recursive: true, filter: (src) => src === root || !SKIP.has(basename(src)) || dirname(src) !== root });
  // A local install in the copy, whatever the surrounding global install put in the environment.
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^npm_config_(global|prefix|global_prefix|local_prefix|location|omit|include)$/i.test(name)) delete env[name];
  code = npm(work, ['ci', `--prefix=${work}`, '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], env);
  if (code === 0) code = npm(work, ['run', 'build'], env);
  if (code === 0) cpSync(join(work, 'dist'), join(root, 'dist'), { recursive: true });
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
