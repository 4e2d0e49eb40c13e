// The library API through the package's public entry (dist/src/index.js, package.json "exports"):
// a string, a folder, the staged changes and a history range, each formatted by every reporter.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import * as keyhound from '../src/index.js';
import { credentials, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { validate } from './helpers/sarif-schema.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const k = new Keys(1250);
const test = suite('library');

test('the public entry is what package.json exports', async () => {
  const pkg = (await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  assert.is((JSON.parse(pkg) as { exports: Record<string, string> }).exports['.'], './dist/src/index.js');
  for (const name of ['scan', 'scanString', 'scanStaged', 'scanHistory', 'formatResult']) assert.type((keyhound as Record<string, unknown>)[name], 'function', name);
});

test('scanString: a key pair in a string, redacted by default, in clear on request', async () => {
  const [id, secret] = [k.keyId(), k.secret()];
  const text = credentials(id, secret);
  const tmp = makeTree({});
  try {
    const r = await keyhound.scanString(text, { path: 'config/app.env', cwd: tmp });
    assert.ok(r.ok, r.ok ? '' : r.messages.join('\n'));
    if (!r.ok) return;
    assert.equal(r.result.findings.map((f) => [f.path, f.line, f.ruleId]), [['config/app.env', 1, 'aws-access-key-id'], ['config/app.env', 2, 'aws-secret-access-key']]);
    assert.not.ok(JSON.stringify(r.result).includes(secret), 'the secret is in clear');
    assert.not.ok('exitCode' in r || 'defaults' in r, 'a command-line concern leaked into the result');
    const clear = await keyhound.scanString(text, { path: 'config/app.env', cwd: tmp, redact: false });
    assert.ok(clear.ok && clear.result.findings[1]!.value === secret);
    const clean = await keyhound.scanString('nothing here\n', { cwd: tmp });
    assert.ok(clean.ok && clean.result.findings.length === 0 && clean.result.stats.filesScanned === 1);
  } finally {
    removeTree(tmp);
  }
});

test('scan a folder, then format the result with every reporter', async () => {
  const root = makeTree({ 'prod/app.env': credentials(k.keyId(), k.secret()), 'README.md': '# app\n' });
  try {
    const r = await keyhound.scan({ paths: [root] });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.result.findings.map((f) => f.path), ['prod/app.env', 'prod/app.env']);
    const asJson = JSON.parse(keyhound.formatResult(r, 'json')) as { findings: { path: string }[] };
    assert.equal(asJson.findings.map((f) => f.path), ['prod/app.env', 'prod/app.env']);
    const asSarif = JSON.parse(keyhound.formatResult(r, 'sarif')) as unknown;
    assert.ok(validate(asSarif), JSON.stringify(validate.errors));
    assert.match(keyhound.formatResult(r, 'github'), /^::error file=prod\/app\.env,line=1/m);
    const asText = keyhound.formatResult(r, 'text');
    assert.match(asText, /prod\/app\.env/);
    assert.not.match(asText, /\x1b\[/, 'colour without asking');
  } finally {
    removeTree(root);
  }
});

test('scanStaged and scanHistory: the staged key, then the range that adds it', async () => {
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'README.md': '# app\n' });
    repo.write('svc/prod.env', credentials(k.keyId(), k.secret())).add();
    const staged = await keyhound.scanStaged({ cwd: repo.dir });
    assert.ok(staged.ok && staged.result.findings.map((f) => f.path).join() === 'svc/prod.env,svc/prod.env', JSON.stringify(staged));
    const sha = repo.commit('add key');
    const range = await keyhound.scanHistory({ cwd: join(repo.dir, 'svc'), range: 'HEAD~1..HEAD' });
    assert.ok(range.ok);
    if (!range.ok) return;
    assert.equal(range.result.findings.map((f) => [f.path, f.commit?.sha, f.atHead]), [['svc/prod.env', sha, true], ['svc/prod.env', sha, true]]);
    const none = await keyhound.scanHistory({ cwd: repo.dir, range: 'HEAD~1..HEAD~1' });
    assert.ok(none.ok && none.result.findings.length === 0);
    assert.match(keyhound.formatResult(range, 'text', { mode: 'history' }), /svc\/prod\.env/);
    const bad = await keyhound.scanHistory({ cwd: repo.dir, range: 'no-such-branch..HEAD' });
    assert.ok(!bad.ok && bad.messages.length === 1 && /bad revision range/.test(bad.messages[0]!));
  } finally {
    repo.cleanup();
  }
});

test('a Source of your own (an in-memory archive) plugs into the same pipeline: allowlist, post-filter, redaction', async () => {
  const [id, secret] = [k.keyId(), k.secret()];
  const base = makeTree({ '.keyhound.yml': 'allowlist:\n  paths: ["vendor/**"]\n' });
  const entries: [string, string][] = [['bundle.zip!/app.env', credentials(id, secret)], ['bundle.zip!/vendor/x.env', credentials(id, secret)], ['bundle.zip!/README', 'hello\n']];
  let read = 0;
  const archive: keyhound.Source<keyhound.BytesItem> = {
    mode: 'scan',
    base: async () => ({ ok: true, dir: base }),
    async *events(ctx) {
      for (const [path, text] of entries) {
        const skip = ctx.skipPath(path.replace('bundle.zip!/', ''));
        if (skip !== undefined) {
          yield { type: 'skip', reason: skip, path };
          continue;
        }
        read++;
        yield { type: 'item', item: { kind: 'bytes', path, size: text.length }, content: Buffer.from(text) };
      }
    },
    // Keep only key IDs: a source-specific post-filter sees each item's findings.
    postFilter: (_item, findings) => findings.filter((f) => f.ruleId === 'aws-access-key-id'),
    close() {},
  };
  try {
    const skipped: string[] = [];
    const r = await keyhound.scanSource(archive, { onSkip: (path, reason) => skipped.push(`${path} ${reason}`) });
    assert.ok(r.ok, r.ok ? '' : r.messages.join('\n'));
    if (!r.ok) return;
    assert.is(read, 2, 'the allowlisted entry was read');
    assert.equal(skipped, ['bundle.zip!/vendor/x.env allowlisted']);
    assert.equal(r.result.findings.map((f) => [f.path, f.ruleId]), [['bundle.zip!/app.env', 'aws-access-key-id']]);
    assert.is(r.result.stats.filesScanned, 2);
    assert.not.ok(r.result.findings[0]!.value === id, 'not redacted');
  } finally {
    removeTree(base);
  }
});

test.run();
