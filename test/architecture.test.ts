// Issue 12's "done when", checked from the outside: the layers stay apart, the same key is reported at
// the same place with the same fingerprint whatever the mode and the folder keyhound runs from, and a
// custom rule of another provider is reported in its own words.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { spawnCli } from './helpers/cli.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  fingerprint: string;
}

/** Runs keyhound with `args` in `cwd` and returns the findings of its JSON report (exit 1: found). */
function findings(cwd: string, args: string[]): JsonFinding[] {
  const r = spawnCli([...args, '--format', 'json', '--no-progress'], { cwd });
  assert.is(r.code, 1, `keyhound ${args.join(' ')} in ${cwd}: exit ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

const place = (f: JsonFinding): string => `${f.path}:${f.line}:${f.column}:${f.ruleId}:${f.fingerprint}`;

const test = suite('architecture');

test('sources/ yields content only: it imports neither the detector nor the rules', () => {
  const dir = join(SRC, 'sources');
  const offenders = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => /from '\.\.\/(detect|rules)\//.test(readFileSync(join(dir, name), 'utf8')));
  assert.equal(offenders, []);
});

test('one key, one place and fingerprint: scan ., scan sub, cd sub && scan ., staged and history', () => {
  const k = new Keys(1201);
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'README.md': 'hello\n' });
    repo.write('sub/app/.env', credentials(k.keyId(), k.secret()));
    repo.add('sub/app/.env');
    const sub = join(repo.dir, 'sub');
    const runs: [string, JsonFinding[]][] = [['staged', findings(repo.dir, ['staged'])]];
    repo.commit('add app settings');
    runs.push(
      ['history', findings(repo.dir, ['history'])],
      ['scan .', findings(repo.dir, ['scan', '.'])],
      ['scan sub', findings(repo.dir, ['scan', 'sub'])],
      ['scan sub/app/.env', findings(repo.dir, ['scan', 'sub/app/.env'])],
      ['cd sub && scan .', findings(sub, ['scan', '.'])],
      ['cd sub && scan app', findings(sub, ['scan', 'app'])],
    );
    const [, reference] = runs[0]!;
    assert.is(reference.length, 2, 'the key ID and its secret');
    assert.ok(reference.every((f) => f.path === 'sub/app/.env'), reference.map(place).join(', '));
    for (const [mode, found] of runs.slice(1)) {
      assert.equal(found.map(place), reference.map(place), mode);
    }
  } finally {
    repo.cleanup();
  }
});

test('overlapping roots scan each file once', () => {
  const k = new Keys(1202);
  const repo = Repo.init();
  try {
    repo.write('a/creds/.env', credentials(k.keyId(), k.secret()));
    const found = findings(repo.dir, ['scan', 'a', 'a/creds', './a']);
    assert.is(found.length, 2);
    assert.ok(found.every((f) => f.path === 'a/creds/.env'));
  } finally {
    repo.cleanup();
  }
});

test("the repository's .keyhound.yml applies to a scan of a subfolder", () => {
  const k = new Keys(1203);
  const repo = Repo.init();
  try {
    repo.write('.keyhound.yml', 'allowlist:\n  paths: [tests/fixtures/**]\n');
    repo.write('tests/fixtures/.env', credentials(k.keyId(), k.secret()));
    repo.write('tests/real/.env', credentials(k.keyId(), k.secret()));
    const found = findings(repo.dir, ['scan', 'tests']);
    assert.equal([...new Set(found.map((f) => f.path))], ['tests/real/.env']);
  } finally {
    repo.cleanup();
  }
});

test('the github format points at files from the repository root, wherever the scan starts', () => {
  const k = new Keys(1204);
  const repo = Repo.init();
  try {
    repo.write('deploy/prod/.env', credentials(k.keyId(), k.secret()));
    const r = spawnCli(['scan', 'prod', '--format', 'github'], { cwd: join(repo.dir, 'deploy') });
    assert.is(r.code, 1, r.stderr);
    const files = [...r.stdout.matchAll(/file=([^,]+),/g)].map((m) => m[1]);
    assert.ok(files.length >= 2, r.stdout);
    assert.ok(files.every((f) => f === 'deploy/prod/.env'), r.stdout);
  } finally {
    repo.cleanup();
  }
});

/** A classic GitHub token: ghp_ and 36 characters (synthetic). */
const GITHUB_RULE = `rules:
  - id: github-classic-token
    title: GitHub personal access token
    description: A classic GitHub personal access token.
    severity: high
    regex: '\\b(ghp_[A-Za-z0-9]{36})\\b'
    keywords: [ghp_]
    examples: ['token = ghp_Zx81bQp0LmV7cT5yW2nK9sR4dF6gH3jA1uE8']
    negativeExamples: ['ghp_short']
    remediation: Revoke the token in GitHub (Settings, Developer settings, Personal access tokens) and create a new one.
    references: []
`;

test('a custom GitHub-token rule: found, in its own words in every format, with its own fingerprints', () => {
  const repo = Repo.init();
  const token = 'ghp_Qm3vT8cZr1LpY6wN0dK5sJ9hF2gB7xA4uE1o';
  try {
    repo.write('.keyhound.yml', GITHUB_RULE);
    repo.write('ci/publish.sh', `#!/bin/sh\nexport GH_TOKEN=${token}\n`);
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = spawnCli(['scan', '.', '--format', format, '--no-progress'], { cwd: repo.dir });
      assert.is(r.code, 1, `${format}: ${r.stderr}`);
      assert.ok(r.stdout.includes('ci/publish.sh'), `${format} names the file: ${r.stdout}`);
      assert.ok(r.stdout.includes('github-classic-token'), `${format} names the rule`);
      assert.not.ok(r.stdout.includes(token.slice(8)), `${format} redacts the token`);
      // SARIF lists every rule's descriptor; what it says about the result must not mention AWS.
      const said = format === 'sarif' ? JSON.stringify((JSON.parse(r.stdout) as { runs: { results: unknown }[] }).runs[0]!.results) : r.stdout;
      assert.not.match(said, /\bAWS\b|access key|aws_/i, `${format} speaks of AWS about a GitHub token:\n${said}`);
    }
  } finally {
    repo.cleanup();
  }
});

test('a clean scan says nothing of AWS when it found nothing', () => {
  const repo = Repo.init();
  try {
    repo.write('.keyhound.yml', GITHUB_RULE);
    repo.write('ci/publish.sh', '#!/bin/sh\nexport GH_TOKEN="$TOKEN"\n');
    const r = spawnCli(['scan', '.', '--no-progress'], { cwd: repo.dir });
    assert.is(r.code, 0, r.stderr);
    assert.not.match(r.stdout + r.stderr, /AWS/);
  } finally {
    repo.cleanup();
  }
});

test('a key ID is called a key ID, not a secret, in the text and JSON reports', () => {
  const k = new Keys(1206);
  const repo = Repo.init();
  try {
    repo.write('.env', credentials(k.keyId(), k.secret()));
    const text = spawnCli(['scan', '.', '--no-progress'], { cwd: repo.dir });
    assert.is(text.code, 1, text.stderr);
    assert.not.match(text.stdout, /secret AKIA/);
    const id = findings(repo.dir, ['scan', '.']).find((f) => f.ruleId === 'aws-access-key-id') as unknown as Record<string, unknown>;
    assert.ok(id !== undefined);
    assert.not.ok('secret' in id, `a key ID in a field named secret: ${JSON.stringify(id)}`);
  } finally {
    repo.cleanup();
  }
});

test('a custom rule and an AWS rule that match the same value in one file get distinct fingerprints', () => {
  const k = new Keys(1205);
  const repo = Repo.init();
  const secret = k.secret();
  try {
    const rule = `rules:
  - id: acme-signing-secret
    title: ACME signing secret
    description: A 40-character ACME signing secret.
    severity: high
    regex: 'acme_signing_secret\\s*=\\s*([A-Za-z0-9/+]{40})\\b'
    keywords: [acme_signing_secret]
    examples: ['acme_signing_secret = ${k.secret()}']
    negativeExamples: ['acme_signing_secret = short']
    remediation: Rotate it in the ACME console.
    references: []
`;
    repo.write('.keyhound.yml', rule);
    // Far apart, so that no AWS context reaches the first line.
    repo.write('app.ini', `acme_signing_secret = ${secret}\n${'\n'.repeat(40)}aws_secret_access_key = ${secret}\n`);
    const found = findings(repo.dir, ['scan', '.']);
    assert.equal(found.map((f) => f.ruleId).sort(), ['acme-signing-secret', 'aws-secret-access-key']);
    assert.is.not(found[0]!.fingerprint, found[1]!.fingerprint);
  } finally {
    repo.cleanup();
  }
});

test.run();
