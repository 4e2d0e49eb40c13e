// Issue 11, as a new user would: keyhound packed with `npm pack` and installed from the tarball into a
// temporary npm prefix (globally, and as a dev dependency), or by the pre-commit framework from a git
// URL (a release commit made by scripts/release-tree.mjs); then real `git commit`s in a repository
// that is not a JavaScript project.
//
// npm works offline from the machine's npm cache (npm_config_offline), so no test touches the network.
// During every commit the registry and proxy variables point at a server on 127.0.0.1 that counts
// connections: the count must stay 0 (the old hook ran npx, which asks the registry on every commit).
// These tests install packages and are slow (seconds each), so they are few. When the cache lacks what an offline install needs, or pre-commit is not installed,
// the tests are skipped with the reason printed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { credentials, git, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';

/** The package root (this file runs from dist/test/). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const k = new Keys(1101);
const work = mkdtempSync(join(tmpdir(), 'keyhound-install-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// --- the environment: PATH with only git and node; npm offline, from the real cache -------------------

const tools = join(work, 'tools');
mkdirSync(tools);
const gitExe = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
symlinkSync(gitExe, join(tools, 'git'));
symlinkSync(process.execPath, join(tools, 'node'));

/** The process environment without npm's lifecycle variables (`npm test` sets dozens). */
const base: Record<string, string> = {};
for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !/^npm_/i.test(name)) base[name] = value;
// helpers/git.js points HOME at a temporary folder, so the default cache (~/.npm) would be empty.
const cache = process.env.npm_config_cache ?? join(userInfo().homedir, '.npm');
const npmEnv = (prefix: string): Record<string, string> => ({
  ...base,
  npm_config_cache: cache,
  npm_config_offline: 'true',
  npm_config_prefix: prefix,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
});

interface Ran {
  code: number;
  out: string;
}

/** Runs a command without blocking the event loop (the counting server must answer meanwhile). */
function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', (err) => resolve({ code: -1, out: `${out}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The npm that runs the tests (npm sets npm_execpath), else the one on PATH. */
function npm(args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<Ran> {
  const cli = process.env.npm_execpath;
  return cli !== undefined && /\.[cm]?js$/.test(cli) ? run(process.execPath, [cli, ...args], opts) : run('npm', args, opts);
}

/** A local server that answers 503 to everything and counts the connections made to it. */
async function tripwire(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => res.writeHead(503).end());
  server.on('connection', () => hits++);
  server.on('connect', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Registry and proxies all pointed at the tripwire. */
const offline = (url: string): Record<string, string> => ({
  npm_config_registry: url,
  HTTP_PROXY: url,
  HTTPS_PROXY: url,
  http_proxy: url,
  https_proxy: url,
  npm_config_proxy: url,
  npm_config_https_proxy: url,
});

// --- setup: pack once, install globally once ----------------------------------------------------------

const packDir = join(work, 'pack');
mkdirSync(packDir);
// --ignore-scripts: `npm test` has just built dist/; running prepare would rebuild it under the tests.
const packed = await npm(['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, env: npmEnv(join(work, 'unused')) });
const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
const prefix = join(work, 'global prefix');
const installed = tarball === undefined ? undefined : await npm(['install', '-g', join(packDir, tarball)], { cwd: work, env: npmEnv(prefix) });
const globalBin = join(prefix, 'bin');

let unavailable: string | undefined;
if (packed.code !== 0 || tarball === undefined) unavailable = `npm pack failed: ${packed.out.trim()}`;
else if (installed?.code !== 0) {
  // An offline install needs the dependencies' registry metadata in the cache; `npm ci` stores only tarballs.
  unavailable = /ENOTCACHED/.test(installed?.out ?? '')
    ? `the npm cache (${cache}) lacks what an offline install needs; install keyhound once online (npm install -g --prefix "$(mktemp -d)" ./keyhound-*.tgz) to fill it`
    : `npm install -g from the tarball failed: ${installed?.out.trim()}`;
}
if (unavailable !== undefined) console.log(`\n  skipped (install tests): ${unavailable}`);
const test = suite('install');
const when = unavailable === undefined ? test : test.skip;

const key = { id: k.keyId(), secret: k.secret() };

/** A repository that is not a JavaScript project: no package.json, no node_modules. */
function pythonRepo(): Repo {
  const repo = Repo.init();
  repo.commitFiles('initial', { 'app.py': 'import os\nREGION = "eu-west-1"\n', 'README.md': '# service\n' });
  assert.not.ok(existsSync(join(repo.dir, 'package.json')) || existsSync(join(repo.dir, 'node_modules')));
  return repo;
}

/**
 * The three commits of the issue, each with the registry and proxies on the tripwire: a clean commit
 * passes; a staged key is blocked with keyhound's report naming it; a partially staged file whose
 * staged part is clean passes (the key is only in the unstaged part). Returns the blocked output.
 */
async function threeCommits(repo: Repo, env: Record<string, string>): Promise<string> {
  const wire = await tripwire();
  try {
    const commitEnv = { ...env, ...offline(wire.url) };
    const commit = (message: string) => run('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env: commitEnv });

    repo.write('README.md', '# service\n\nHow to run it.\n').add('README.md');
    const clean = await commit('docs');
    assert.is(clean.code, 0, clean.out);

    repo.write('deploy/credentials', credentials(key.id, key.secret)).add('deploy/credentials');
    const blocked = await commit('add credentials');
    assert.is(blocked.code, 1, blocked.out);
    assert.match(blocked.out, /deploy\/credentials/);
    assert.match(blocked.out, /aws-access-key-id/);
    assert.ok(blocked.out.includes(`${key.id.slice(0, 4)}************${key.id.slice(-4)}`), blocked.out);
    assert.not.ok(blocked.out.includes(key.secret), 'the secret was printed in clear');
    assert.is(repo.git('log', '--format=%s', '-1'), 'docs');
    git(repo.dir, ['reset', '-q', '--', 'deploy/credentials']);

    repo.write('app.py', 'import os\nREGION = "eu-west-1"\nTIMEOUT = 30\n').add('app.py');
    repo.write('app.py', `import os\nREGION = "eu-west-1"\nTIMEOUT = 30\nAWS_SECRET_ACCESS_KEY = "${key.secret}"\n`);
    const partial = await commit('timeout');
    assert.is(partial.code, 0, partial.out);
    assert.is(repo.git('show', 'HEAD:app.py'), 'import os\nREGION = "eu-west-1"\nTIMEOUT = 30');
    assert.ok(readFileSync(join(repo.dir, 'app.py'), 'utf8').includes(key.secret), 'the unstaged part was lost');

    assert.is(wire.hits(), 0, 'a commit made a network request');
    return blocked.out;
  } finally {
    await wire.close();
  }
}

when('installed globally from npm pack: keyhound hook install in a Python repository; three commits, no network', async () => {
  const repo = pythonRepo();
  try {
    const env = { ...base, PATH: `${globalBin}:${tools}` };
    const install = await run('keyhound', ['hook', 'install'], { cwd: repo.dir, env });
    assert.is(install.code, 0, install.out);
    assert.match(install.out, /pre-commit hook installed/);
    const hook = readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8');
    assert.not.match(hook, /npx|npm /);
    assert.ok(hook.includes(join(prefix, 'lib/node_modules/keyhound/dist/src/bin.js')), 'the installing keyhound is not recorded');
    const report = await threeCommits(repo, env);
    assert.match(report, /Commit blocked/);

    // Off PATH (a GUI git client's PATH, say), the recorded keyhound still runs.
    repo.write('deploy/credentials', credentials(key.id, key.secret)).add('deploy/credentials');
    const recorded = await run('git', ['commit', '-q', '-m', 'leak'], { cwd: repo.dir, env: { ...base, PATH: tools } });
    assert.is(recorded.code, 1, recorded.out);
    assert.match(recorded.out, /deploy\/credentials/);
  } finally {
    repo.cleanup();
  }
});

when("as a dev dependency from the tarball: the hook runs the project's node_modules/.bin/keyhound", async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('initial', { 'package.json': '{ "name": "web", "private": true }\n', '.gitignore': 'node_modules/\n' });
    const added = await npm(['install', '--save-dev', join(packDir, tarball!)], { cwd: repo.dir, env: npmEnv(join(work, 'unused')) });
    assert.is(added.code, 0, added.out);
    const env = { ...base, PATH: tools }; // no keyhound on PATH: only the project's own
    const install = await run(join(repo.dir, 'node_modules/.bin/keyhound'), ['hook', 'install'], { cwd: repo.dir, env });
    assert.is(install.code, 0, install.out);
    assert.ok(readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8').includes(join(repo.dir, 'node_modules/keyhound/dist/src/bin.js')));
    repo.write('src/settings.js', `export const AWS_SECRET_ACCESS_KEY = "${key.secret}";\n`).add('src/settings.js');
    const blocked = await run('git', ['commit', '-q', '-m', 'settings'], { cwd: repo.dir, env });
    assert.is(blocked.code, 1, blocked.out);
    assert.match(blocked.out, /src\/settings\.js/);
  } finally {
    repo.cleanup();
  }
});

// --- the pre-commit framework ---------------------------------------------------------------------------

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8', env: base });
let noPreCommit: string | undefined = unavailable;
if (noPreCommit === undefined && preCommit.status !== 0) noPreCommit = 'pre-commit not installed (pip install pre-commit)';
if (noPreCommit !== undefined && unavailable === undefined) console.log(`\n  skipped (pre-commit framework test): ${noPreCommit}`);

/** A release commit, as scripts/release-tree.mjs makes it from this build (see README: pre-commit). */
function releaseRepo(): { url: string; rev: string } {
  const src = join(work, 'keyhound-release');
  const env = npmEnv(join(work, 'unused'));
  if (process.env.npm_execpath !== undefined) env.npm_execpath = process.env.npm_execpath; // the npm running the tests
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts/release-tree.mjs'), src], { encoding: 'utf8', env });
  assert.is(made.status, 0, made.stderr);
  const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as { scripts?: unknown };
  assert.is(pkg.scripts, undefined, 'a release tree with scripts makes npm build it in a racy nested install');
  assert.ok(existsSync(join(src, 'dist/src/bin.js')) && existsSync(join(src, '.pre-commit-hooks.yaml')));
  git(src, ['init', '-q', '-b', 'main']);
  git(src, ['add', '-A']);
  git(src, ['-c', 'user.name=keyhound', '-c', 'user.email=keyhound@example.com', 'commit', '-q', '--no-verify', '-m', 'keyhound release']);
  return { url: pathToFileURL(src).href, rev: git(src, ['rev-parse', 'HEAD']) };
}

(noPreCommit === undefined ? test : test.skip)('the pre-commit framework installs keyhound from a git URL and the rev of a release commit, with the system node; three commits, no network', async () => {
  const { url, rev } = releaseRepo();
  const repo = pythonRepo();
  try {
    // language_version: system, so that a missing node fails here instead of being downloaded.
    repo.commitFiles('pre-commit', { '.pre-commit-config.yaml': `repos:\n  - repo: ${url}\n    rev: ${rev}\n    hooks:\n      - id: keyhound\n        language_version: system\n` });
    const env: Record<string, string> = { ...npmEnv(join(work, 'unused')), PRE_COMMIT_HOME: join(work, 'pre-commit home') };
    delete env.npm_config_prefix; // pre-commit sets its own, per environment
    const installed = await run('pre-commit', ['install-hooks'], { cwd: repo.dir, env });
    assert.is(installed.code, 0, installed.out);
    const hooked = await run('pre-commit', ['install'], { cwd: repo.dir, env });
    assert.is(hooked.code, 0, hooked.out);
    const report = await threeCommits(repo, env);
    assert.match(report, /keyhound \(AWS keys\)\.+Failed/);
  } finally {
    repo.cleanup();
  }
});

test.run();
