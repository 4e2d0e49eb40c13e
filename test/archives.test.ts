// Keys inside archives: zip (and jar, a zip by another name), gzip, tar, tgz, nested; located as
// `outer.zip!/inner/path`; every hostile archive (bomb, traversal name, truncation, depth) a warning.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Keys, prng } from './helpers/keys.js';
import { credentials, Repo } from './helpers/git.js';
import { runCli } from './helpers/cli.js';
import { makeTree, removeTree } from './helpers/tmp.js';
import { gz, tar, zip } from './helpers/archives.js';
import { entryName } from '../src/archive/sniff.js';
import { scan } from '../src/run.js';
import { availableParallelism } from 'node:os';

const test = suite('archives');

interface JsonReport {
  findings: { path: string; line: number; column: number; ruleId: string }[];
  errors: { path: string; kind: string; message: string }[];
}

async function scanJson(root: string, ...flags: string[]): Promise<{ code: number; report: JsonReport }> {
  const r = await runCli(['scan', '.', '--format', 'json', '--no-progress', ...flags], { cwd: root });
  assert.ok(r.stdout.startsWith('{'), `no JSON report (exit ${r.code}): ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}
const where = (r: JsonReport) => r.findings.map((f) => `${f.path}:${f.line}:${f.column}`).sort();
const warned = (r: JsonReport) => r.errors.map((e) => `${e.kind}:${e.path}`).sort();

function creds(seed: number): { text: string; id: string } {
  const k = new Keys(seed);
  const id = k.keyId();
  return { id, text: `# settings\n${credentials(id, k.secret())}` };
}

test('zip, jar, gz, tgz and a zip inside a tar: keys found at their nested locations, line and column', async () => {
  const c = creds(1501);
  const props = `app.name=demo\n${c.text}`;
  const root = makeTree({
    'dist/lambda.zip': zip({ 'handler.js': 'exports.x = 1;\n', 'config/.env': c.text }),
    'lib/app.jar': zip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n', 'config/app.properties': props }),
    'logs/creds.gz': gz(c.text),
    'backup.tar.gz': gz(tar({ 'home/.aws/credentials': c.text })),
    'bundle.tar': tar({ 'readme.txt': 'hello\n', 'inner.zip': zip({ 'deep/keys.ini': c.text }) }),
    'renamed.bin': zip({ 'a.txt': c.text }, true),
  });
  try {
    const { code, report } = await scanJson(root);
    assert.is(code, 1);
    assert.equal(where(report), [
      'backup.tar.gz!/home/.aws/credentials:2:21', 'backup.tar.gz!/home/.aws/credentials:3:25',
      'bundle.tar!/inner.zip!/deep/keys.ini:2:21', 'bundle.tar!/inner.zip!/deep/keys.ini:3:25',
      'dist/lambda.zip!/config/.env:2:21', 'dist/lambda.zip!/config/.env:3:25',
      'lib/app.jar!/config/app.properties:3:21', 'lib/app.jar!/config/app.properties:4:25',
      'logs/creds.gz:2:21', 'logs/creds.gz:3:25',
      'renamed.bin!/a.txt:2:21', 'renamed.bin!/a.txt:3:25',
    ]);
    assert.equal(report.errors, []);
  } finally {
    removeTree(root);
  }
});

test('a binary entry (a .class in a jar) is scanned through its strings, as a binary file is', async () => {
  const k = new Keys(1507);
  const [id, secret] = [k.keyId(), k.secret()];
  // A class file's constant pool: length-prefixed strings between binary bytes.
  const klass = Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34, 0, 3]), Buffer.from(`\x01\x00\x11aws_access_key_id\x01\x00\x14${id}\x01\x00\x15aws_secret_access_key\x01\x00\x28${secret}\x00\x00`, 'latin1')]);
  const root = makeTree({ 'lib/app.jar': zip({ 'com/acme/Config.class': klass }) });
  try {
    const on = await scanJson(root);
    assert.is(on.code, 1);
    assert.equal([...new Set(on.report.findings.map((f) => f.path))], ['lib/app.jar!/com/acme/Config.class']);
    assert.equal(on.report.findings.map((f) => f.ruleId).sort(), ['aws-access-key-id', 'aws-secret-access-key']);
    const off = await scanJson(root, '--no-binary-strings', '--verbose');
    assert.equal([off.code, off.report.findings.length], [0, 0]);
    // Not scanned, and said so: counted and named as a skipped binary, as a binary file would be.
    const report = off.report as JsonReport & { stats: { skipped: { binary: number } }; skipped: { path: string; reason: string }[] };
    assert.is(report.stats.skipped.binary, 1);
    assert.equal(report.skipped, [{ path: 'lib/app.jar!/com/acme/Config.class', reason: 'binary' }]);
  } finally {
    removeTree(root);
  }
});

test('--no-archives and --max-archive-depth: archives skipped as binary, or opened only so deep', async () => {
  const c = creds(1502);
  const root = makeTree({ 'bundle.tar': tar({ 'inner.zip': zip({ 'k.ini': c.text }) }), 'top.zip': zip({ 'k.ini': c.text }) });
  try {
    const off = await scanJson(root, '--no-archives');
    assert.equal([off.code, off.report.findings.length], [0, 0]);
    const shallow = await scanJson(root, '--max-archive-depth', '1');
    assert.equal(where(shallow.report), ['top.zip!/k.ini:2:21', 'top.zip!/k.ini:3:25']);
    assert.equal(warned(shallow.report), ['archive-limit:bundle.tar!/inner.zip']);
    const bad = await runCli(['scan', '.', '--max-archive-depth', 'lots'], { cwd: root });
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /--max-archive-depth: "lots" is not a depth/);
  } finally {
    removeTree(root);
  }
});

test('.keyhound.yml defaults: archives: false, maxArchiveDepth; a flag overrides them', async () => {
  const c = creds(1503);
  const root = makeTree({ 'a.zip': zip({ 'k.ini': c.text }), '.keyhound.yml': 'defaults:\n  archives: false\n' });
  try {
    assert.equal((await scanJson(root)).report.findings.length, 0);
    assert.equal((await scanJson(root, '--archives')).report.findings.length, 2);
  } finally {
    removeTree(root);
  }
  const bad = makeTree({ '.keyhound.yml': 'defaults:\n  maxArchiveDepth: deep\n' });
  try {
    const r = await runCli(['scan', '.'], { cwd: bad });
    assert.is(r.code, 2);
    assert.match(r.stderr, /maxArchiveDepth/);
  } finally {
    removeTree(bad);
  }
});

test('a zip bomb, a truncated zip, a corrupt gzip, a ../ entry: warnings naming them, keys elsewhere still found (not after a bomb)', async () => {
  const c = creds(1504);
  const bomb = zip({ 'zeros.txt': new Uint8Array(20 * 1024 * 1024), 'after.ini': c.text });
  const good = zip({ 'k.ini': c.text });
  const root = makeTree({
    'bomb.zip': bomb,
    'cut.zip': good.subarray(0, good.length - 30),
    'cut.gz': gz(c.text).subarray(0, 20),
    'bomb.gz': gz(new Uint8Array(20 * 1024 * 1024)),
    'evil.zip': zip({ '../../evil': c.text, '/etc/abs.ini': c.text }),
    'plain.ini': c.text,
  });
  try {
    const { code, report } = await scanJson(root);
    // The bomb is policy (like a file over --max-file-size), not a failure: findings still exit 1.
    assert.is(code, 1);
    assert.equal(where(report), [
      'evil.zip!/%2E%2E/%2E%2E/evil:2:21', 'evil.zip!/%2E%2E/%2E%2E/evil:3:25',
      'evil.zip!/%2F/etc/abs.ini:2:21', 'evil.zip!/%2F/etc/abs.ini:3:25',
      'plain.ini:2:21', 'plain.ini:3:25',
    ]);
    assert.equal(warned(report), ['archive-corrupt:cut.gz', 'archive-corrupt:cut.zip', 'archive-limit:bomb.gz', 'archive-limit:bomb.zip!/zeros.txt']);
    assert.match(report.errors.find((e) => e.path === 'bomb.gz')!.message, /decompression bomb/);
    assert.match(report.errors.find((e) => e.path === 'bomb.zip!/zeros.txt')!.message, /decompression bomb/);
  } finally {
    removeTree(root);
  }
});

test('a zip entry that declares less than it holds: inflating stops at the declared size, a warning names the archive', async () => {
  const c = creds(1507);
  // 16 MiB of one byte deflates to ~16 KiB; both of its sizes are then patched to say 100 bytes.
  const lying = Buffer.from(zip({ 'a.txt': new Uint8Array(16 * 1024 * 1024).fill(0x41), 'b.ini': c.text }));
  const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  lying.writeUInt32LE(100, cd + 24);
  lying.writeUInt32LE(100, 22);
  const root = makeTree({ 'lying.zip': lying });
  try {
    const { code, report } = await scanJson(root);
    assert.equal([code, warned(report)], [0, ['archive-corrupt:lying.zip']]);
    assert.match(report.errors[0]!.message, /a.txt: holds more than the 100 bytes it declares/);
  } finally {
    removeTree(root);
  }
});

test('a corrupt archive alone is a warning, not a failure: exit 0', async () => {
  const root = makeTree({ 'cut.zip': zip({ 'a.txt': 'hello\n' }).subarray(0, 25) });
  try {
    const { code, report } = await scanJson(root);
    assert.equal([code, warned(report)], [0, ['archive-corrupt:cut.zip']]);
  } finally {
    removeTree(root);
  }
});

test('entry names: traversal and absolute paths are shown escaped, never as paths', () => {
  assert.is(entryName('config/app.properties'), 'config/app.properties');
  assert.is(entryName('../../evil'), '%2E%2E/%2E%2E/evil');
  assert.is(entryName('/etc/passwd'), '%2F/etc/passwd');
  assert.is(entryName('a\\..\\b'), 'a/%2E%2E/b');
  assert.is(entryName('100%.txt'), '100%25.txt');
});

test('entry names: a name with nothing to escape is returned as it is, and every other as the full escaping gives it', () => {
  // The escaping without the shortcut for plain names (sniff.ts before the shortcut).
  const full = (raw: string): string => {
    const shown = raw.replace(/%/g, '%25').replace(/\\/g, '/').split('/').map((p) => (p === '..' ? '%2E%2E' : p === '.' ? '%2E' : p));
    if (shown[0] === '') shown[0] = '%2F';
    return shown.filter((p, i) => p !== '' || i === shown.length - 1).join('/');
  };
  const random = prng(1519);
  const pieces = ['a', 'b.class', '.', '..', '/', '//', '\\', '%', '...', '.x', 'x.'];
  for (let t = 0; t < 5000; t++) {
    const raw = Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    assert.is(entryName(raw), full(raw), JSON.stringify(raw));
  }
  assert.is(entryName(''), '%2F');
  assert.is(entryName('scala/collection/immutable/List$.class'), 'scala/collection/immutable/List$.class');
});

test('SARIF and github: the nested location as the artifact URI and the annotation file', async () => {
  const c = creds(1505);
  const root = makeTree({ 'lib/app.jar': zip({ 'config/app.properties': c.text }) });
  try {
    const sarif = await runCli(['scan', '.', '--format', 'sarif', '--no-progress'], { cwd: root });
    const uris = (JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation);
    assert.equal(uris.map((l) => `${l.artifactLocation.uri}:${l.region.startLine}`).sort(), ['lib/app.jar!/config/app.properties:2', 'lib/app.jar!/config/app.properties:3']);
    const gh = await runCli(['scan', '.', '--format', 'github', '--no-progress'], { cwd: root });
    assert.match(gh.stdout, /file=lib\/app\.jar!\/config\/app\.properties,line=2/);
  } finally {
    removeTree(root);
  }
});

test('staged and history: a committed jar and a gzipped file, found at their nested locations', async () => {
  const c = creds(1506);
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'README.md': 'hello\n' });
    repo.commitFiles('add a jar', { 'lib/app.jar': zip({ 'config/app.properties': c.text }) });
    repo.write('backup.tar.gz', gz(tar({ 'home/.aws/credentials': c.text }))).add();
    const staged = await runCli(['staged', '--format', 'json'], { cwd: repo.dir });
    assert.is(staged.code, 1, staged.stderr);
    assert.equal(where(JSON.parse(staged.stdout) as JsonReport), ['backup.tar.gz!/home/.aws/credentials:2:21', 'backup.tar.gz!/home/.aws/credentials:3:25']);
    const history = await runCli(['history', '--format', 'json', '--no-progress'], { cwd: repo.dir });
    assert.is(history.code, 1, history.stderr);
    assert.equal(where(JSON.parse(history.stdout) as JsonReport), ['lib/app.jar!/config/app.properties:2:21', 'lib/app.jar!/config/app.properties:3:25']);
    const off = await runCli(['staged', '--format', 'json', '--no-archives'], { cwd: repo.dir });
    assert.equal([off.code, (JSON.parse(off.stdout) as JsonReport).findings.length], [0, 0]);
  } finally {
    repo.cleanup();
  }
});

test('staged: a modified archive reports only the keys its committed version did not hold', async () => {
  const old = creds(1511);
  const added = creds(1512);
  const repo = Repo.init();
  try {
    repo.commitFiles('add a jar', { 'lib/app.jar': zip({ 'config/app.properties': old.text }) });
    // The committed key stays; a new entry brings a new one (the jar's compressed bytes differ throughout).
    repo.write('lib/app.jar', zip({ 'config/app.properties': old.text, 'config/new.properties': added.text })).add();
    const staged = await runCli(['staged', '--format', 'json', '--no-redact'], { cwd: repo.dir });
    assert.is(staged.code, 1, staged.stderr);
    const report = JSON.parse(staged.stdout) as { findings: (JsonReport['findings'][number] & { value: string })[]; errors: JsonReport['errors'] };
    assert.equal(where(report), ['lib/app.jar!/config/new.properties:2:21', 'lib/app.jar!/config/new.properties:3:25']);
    assert.ok(report.findings.some((f) => f.value === added.id));
    // Only the old key, moved to another entry: nothing new.
    repo.write('lib/app.jar', zip({ 'moved/app.properties': old.text })).add();
    const moved = await runCli(['staged', '--format', 'json'], { cwd: repo.dir });
    assert.equal([moved.code, (JSON.parse(moved.stdout) as JsonReport).findings.length], [0, 0], moved.stdout);
  } finally {
    repo.cleanup();
  }
});

test('history: a key in an archive is reported at the commit that added it, and atHead looks inside the archive at HEAD', async () => {
  const kept = creds(1513);
  const removed = creds(1514);
  const repo = Repo.init();
  try {
    const first = repo.commitFiles('add a jar', { 'lib/app.jar': zip({ 'a.properties': kept.text, 'b.properties': removed.text }) });
    repo.commitFiles('rebuild the jar without b', { 'lib/app.jar': zip({ 'a.properties': kept.text, 'c.txt': 'rebuilt\n' }) });
    const r = await runCli(['history', '--format', 'json', '--no-progress'], { cwd: repo.dir });
    assert.is(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: { path: string; commit?: { sha: string }; atHead?: boolean }[] }).findings;
    // Each key once, at the first commit (the rebuilt jar's compressed bytes differ, its keys do not).
    assert.equal(findings.map((f) => [f.path, f.commit?.sha, f.atHead]).sort(), [
      ['lib/app.jar!/a.properties', first, true],
      ['lib/app.jar!/a.properties', first, true],
      ['lib/app.jar!/b.properties', first, false],
      ['lib/app.jar!/b.properties', first, false],
    ]);
  } finally {
    repo.cleanup();
  }
});

test('history: a warning about an archive blob names the blob and the commit that added it', async () => {
  const good = zip({ 'k.ini': creds(1508).text });
  const repo = Repo.init();
  try {
    const sha = repo.commitFiles('add a cut zip', { 'cut.zip': good.subarray(0, good.length - 30) });
    const r = await runCli(['history', '--format', 'json', '--no-progress'], { cwd: repo.dir });
    const report = JSON.parse(r.stdout) as JsonReport;
    const warning = report.errors.find((e) => e.kind === 'archive-corrupt');
    assert.ok(warning !== undefined, JSON.stringify(report.errors));
    assert.is(warning.path, 'cut.zip');
    assert.match(warning.message, `added in ${sha.slice(0, 12)}`);
  } finally {
    repo.cleanup();
  }
});

test('worker threads open archives as the main thread does', async () => {
  if (availableParallelism() < 2) {
    console.log('  skipped: one core here, so no worker thread is started');
    return;
  }
  const c = creds(1508);
  const root = makeTree({ 'a.zip': zip({ 'k.ini': c.text }), 'b.tar.gz': gz(tar({ 'x/k.ini': c.text })), 'plain.ini': c.text });
  try {
    const paths = async (threads: number) => {
      const r = await scan({ paths: [root], threads, parallelAbove: { bytes: 0, tasks: 0 } });
      if (!r.ok) throw new Error(r.messages.join('; '));
      // Paths are relative to the working directory, which the temp folder is not inside.
      return r.result.findings.map((f) => `${f.path.replace(/^.*?(a\.zip|b\.tar\.gz|plain\.ini)/, '$1')}:${f.line}`).sort();
    };
    const inline = await paths(1);
    assert.equal(inline, ['a.zip!/k.ini:2', 'a.zip!/k.ini:3', 'b.tar.gz!/x/k.ini:2', 'b.tar.gz!/x/k.ini:3', 'plain.ini:2', 'plain.ini:3']);
    assert.equal(await paths(2), inline);
  } finally {
    removeTree(root);
  }
});

test.run();
