// Issue 14 end to end: keys hidden in text (encoded, split, named away from the value) are found by the
// whole detector with every built-in rule, reported as the plain key at the place of their hidden form,
// marked with what was undone; --max-decode-depth and .keyhound.yml bound it; staged and history look a
// decoded key up decoded in the file's other versions; every output says so; the secret stays masked.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { redactFindings } from '../src/filter/redact.js';
import { scanStaged } from '../src/git/staged.js';
import { scanHistory } from '../src/git/history.js';
import type { Finding } from '../src/types.js';
import { Repo } from './helpers/git.js';
import { Keys } from './helpers/keys.js';
import { runCli } from './helpers/cli.js';
import { makeTree, removeTree } from './helpers/tmp.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const found = (text: string, path = 'f.txt', decodeDepth?: number): Finding[] => detect({ path, text }, rules, { decodeDepth });
const brief = (f: Finding) => ({ value: f.value, line: f.line, column: f.column, decoded: f.decoded });

const e2e = suite('decoding: hidden keys found by the whole detector');

e2e('a Kubernetes Secret: both values base64, found as keys at their lines and columns, paired, masked', () => {
  const k = new Keys(1401);
  const [id, secret] = [k.keyId(), k.secret()];
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws\ndata:\n  AWS_ACCESS_KEY_ID: ${b64(id)}\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}\n`;
  const fs = found(text, 'k8s/secret.yaml');
  assert.equal(fs.map(brief), [
    { value: id, line: 6, column: 22, decoded: ['base64'] },
    { value: secret, line: 7, column: 26, decoded: ['base64'] },
  ]);
  assert.ok(fs.every((f) => f.severity === 'critical' && f.pair !== undefined), 'the decoded halves pair');
  assert.is(fs[1]!.pair!.line, 6);
  // the line text is the file's line, and the encoded key in it is masked like any key
  const [, shown] = redactFindings(fs);
  assert.ok(shown!.lineText.trim().startsWith('AWS_SECRET_ACCESS_KEY: '), shown!.lineText);
  assert.not.ok(shown!.lineText.includes(b64(secret).slice(4, 40)), `the encoded secret is masked: ${shown!.lineText}`);
  assert.not.ok(JSON.stringify(redactFindings(fs)).includes(secret.slice(4, 36)));
});

e2e('escapes, pieces and names: each form gives the plain key at the line of its first character, naming its decoder', () => {
  const k = new Keys(1402);
  const plus = (): string => {
    for (;;) {
      const s = k.secret();
      if (s.includes('+') && s.includes('/')) return s;
    }
  };
  const cases: [string, (s: string) => string, number, string][] = [
    ['json-escape', (s) => `{\n  "AWS": {\n    "SecretAccessKey": "${s.replace(/\+/g, '\\u002B').replace(/\//g, '\\/')}"\n  }\n}\n`, 3, 'json-escape'],
    ['html-entity', (s) => `<pre>\nexport AWS_SECRET_ACCESS_KEY=${s.replace(/\+/g, '&#43;').replace(/\//g, '&#x2F;')}\n</pre>\n`, 2, 'html-entity'],
    ['concatenation', (s) => `const awsSecretAccessKey =\n  "${s.slice(0, 17)}" +\n  "${s.slice(17)}";\n`, 2, 'concatenation'],
    ['shell words glued', (s) => `#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY="${s.slice(0, 17)}"'${s.slice(17)}'\n`, 2, 'concatenation'],
    ['bash +=', (s) => `AWS_SECRET_ACCESS_KEY="${s.slice(0, 17)}"\nAWS_SECRET_ACCESS_KEY+="${s.slice(17)}"\n`, 1, 'concatenation'],
    ['StringBuilder', (s) => `class Keys {\n  static final String AWS_SECRET_KEY = new StringBuilder()\n      .append("${s.slice(0, 17)}")\n      .append("${s.slice(17)}")\n      .toString();\n}\n`, 3, 'concatenation'],
    ['PHP implode', (s) => `<?php\nreturn [\n    'aws_secret' => implode('', [\n        '${s.slice(0, 17)}',\n        '${s.slice(17)}',\n    ]),\n];\n`, 4, 'concatenation'],
    ['Ruby %w', (s) => `module Keys\n  AWS_SECRET_ACCESS_KEY = %w[\n    ${s.slice(0, 17)}\n    ${s.slice(17)}\n  ].join\nend\n`, 3, 'concatenation'],
    ['continuation', (s) => `export AWS_SECRET_ACCESS_KEY="${s.slice(0, 22)}\\\n${s.slice(22)}"\n`, 1, 'continuation'],
    ['structure', (s) => `[\n  {\n    "ParameterValue": "${s}",\n    "ParameterKey": "AwsSecretAccessKey"\n  }\n]\n`, 3, 'structure'],
  ];
  for (const [name, write, line, decoder] of cases) {
    const secret = plus();
    const fs = found(write(secret));
    const f = fs.find((x) => x.value === secret);
    assert.ok(f !== undefined, `${name}: the secret is found (${JSON.stringify(fs.map(brief))})`);
    assert.is(f!.line, line, `${name}: line`);
    assert.ok(f!.decoded?.includes(decoder), `${name}: decoded ${JSON.stringify(f!.decoded)}`);
  }
});

e2e('joins of other languages (issue 14, the blind corpus): operators, adjacent lines, list-join calls, CloudFormation: each secret at its first piece, decoded by concatenation', () => {
  const k = new Keys(1409);
  const cases: [string, string, (p: readonly string[]) => string, number][] = [
    ['Lua ..', 'config.lua', (p) => `local M = {}\nM.aws_secret_access_key = "${p[0]}" ..\n  "${p[1]}" .. "${p[2]}"\nreturn M\n`, 2],
    ['VB.NET & _', 'Keys.vb', (p) => `Module Keys\n    Public AwsSecretAccessKey = "${p[0]}" & _\n        "${p[1]}" & "${p[2]}"\nEnd Module\n`, 2],
    ['SQL ||', 'seed.sql', (p) => `INSERT INTO settings (name, value) VALUES\n  ('aws_secret_access_key', '${p[0]}' || '${p[1]}' ||\n   '${p[2]}');\n`, 2],
    ['C adjacent literals', 'keys.h', (p) => `#pragma once\nstatic const char *AWS_SECRET_ACCESS_KEY = "${p[0]}"\n    "${p[1]}"\n    "${p[2]}";\n`, 2],
    ['Elixir Enum.join', 'config.exs', (p) => `import Config\nconfig :ex_aws,\n  secret_access_key: Enum.join([\n    "${p[0]}",\n    "${p[1]}",\n    "${p[2]}"\n  ])\n`, 4],
    ['Kotlin buildString', 'Keys.kt', (p) => `object Keys {\n    val awsSecretAccessKey = buildString {\n        append("${p[0]}")\n        append("${p[1]}")\n        append("${p[2]}")\n    }\n}\n`, 3],
    ['PowerShell -join', 'setup.ps1', (p) => `$env:AWS_SECRET_ACCESS_KEY = @(\n    '${p[0]}',\n    '${p[1]}',\n    '${p[2]}'\n) -join ''\n`, 2],
    ['CloudFormation !Join block', 'template.yaml', (p) => `Resources:\n  Creds:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: aws_secret_access_key\n      Value: !Join\n        - ''\n        - - ${p[0]}\n          - ${p[1]}\n          - ${p[2]}\n`, 8],
    ['Helm printf', 'templates/secret.yaml', (p) => `apiVersion: v1\nkind: Secret\nstringData:\n  AWS_SECRET_ACCESS_KEY: {{ printf "%s%s%s" "${p[0]}" "${p[1]}" "${p[2]}" | quote }}\n`, 4],
    ['Rust format!', 'src/keys.rs', (p) => `fn credentials() -> Credentials {\n    let aws_secret_access_key = format!("{}{}{}", "${p[0]}", "${p[1]}", "${p[2]}");\n    Credentials::new(KEY_ID, &aws_secret_access_key)\n}\n`, 2],
    ['Perl qw', 'keys.pl', (p) => `my $aws_secret_access_key = join('', qw(\n  ${p[0]}\n  ${p[1]}\n  ${p[2]}\n));\n`, 2],
  ];
  for (const [name, path, write, line] of cases) {
    const secret = k.secret();
    const pieces = [secret.slice(0, 13), secret.slice(13, 27), secret.slice(27)];
    const fs = found(write(pieces), path);
    const f = fs.find((x) => x.value === secret);
    assert.ok(f !== undefined, `${name}: the secret is found (${JSON.stringify(fs.map(brief))})`);
    assert.is(f!.line, line, `${name}: line`);
    assert.equal(f!.decoded, ['concatenation'], `${name}: decoded`);
    assert.not.ok(fs.some((x) => x.value !== secret && secret.includes(x.value)), `${name}: no piece reported on its own`);
  }
});

e2e('bash += with a key ID between the assignment and its append: both found, the key ID as written, the secret at the assignment', () => {
  const k = new Keys(1407);
  const [id, secret] = [k.keyId(), k.secret()];
  const text = `AWS_SECRET_ACCESS_KEY="${secret.slice(0, 15)}"\nexport AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY+="${secret.slice(15)}"\n`;
  assert.equal(found(text, 'env.sh').map(brief), [
    { value: secret, line: 1, column: 24, decoded: ['concatenation'] },
    { value: id, line: 2, column: 26, decoded: undefined },
  ]);
});

e2e('a plain key is reported as before: no decoded mark, the same place', () => {
  const k = new Keys(1403);
  const [id, secret] = [k.keyId(), k.secret()];
  const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n# see https://example.com/a%2Fb and "x" + "y"\n`;
  assert.equal(found(text).map(brief), found(text, 'f.txt', 0).map(brief));
  assert.ok(found(text).every((f) => f.decoded === undefined));
});

e2e('--max-decode-depth: 0 reads the file as written; one layer per level (base64 inside a JSON string escaped twice)', () => {
  const k = new Keys(1404);
  const secret = k.secret();
  const inner = `aws_secret_access_key = ${secret}\n`;
  const text = `{"log": "{\\"data\\": \\"${b64(inner).replace(/\//g, '\\\\\\/')}\\"}"}\n`;
  assert.equal(found(text, 'log.json', 0).map((f) => f.value), []);
  const deep = found(text, 'log.json');
  assert.ok(deep.some((f) => f.value === secret), `found at depth 3: ${JSON.stringify(deep.map(brief))}`);
});

e2e('hostile input: a megabyte of triggers, escapes and base64 ends, with its keys found', () => {
  const k = new Keys(1405);
  const secret = k.secret();
  const noise = 'SECRET="a" + "b" \\/ &#43; %2F =3D QUtJQ\\\n'.repeat(25_000);
  const fs = found(`${noise}\naws_secret_access_key = "${secret.slice(0, 20)}" + "${secret.slice(20)}"\n`);
  assert.ok(fs.some((f) => f.value === secret));
});

e2e.run();

const cli = suite('decoding: command line, configuration and outputs');

cli('every output says what was decoded; a bad --max-decode-depth is one line and exit 2', async () => {
  const k = new Keys(1406);
  const [id, secret] = [k.keyId(), k.secret()];
  const root = makeTree({ 'secret.yaml': `kind: Secret\ndata:\n  AWS_ACCESS_KEY_ID: ${b64(id)}\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}\n` });
  try {
    const json = await runCli(['scan', root, '--format', 'json', '--no-progress']);
    assert.is(json.code, 1);
    assert.equal(JSON.parse(json.stdout).findings.map((f: { decoded?: string[] }) => f.decoded), [['base64'], ['base64']]);
    const sarif = await runCli(['scan', root, '--format', 'sarif', '--no-progress']);
    const results = JSON.parse(sarif.stdout).runs[0].results as { properties: { decoded?: string }; message: { text: string } }[];
    assert.equal(results.map((r) => r.properties.decoded), ['base64', 'base64']);
    assert.ok(results[0]!.message.text.includes('decoded from base64'));
    const text = await runCli(['scan', root, '--no-progress']);
    assert.ok(text.stdout.includes('decoded from base64'), text.stdout);
    assert.not.ok(text.stdout.includes(secret), 'redacted');
    const github = await runCli(['scan', root, '--format', 'github', '--no-progress']);
    assert.ok(github.stdout.includes('decoded from base64'));
    const none = await runCli(['scan', root, '--format', 'json', '--no-progress', '--max-decode-depth', '0']);
    assert.is(none.code, 0);
    for (const bad of ['x', '9', '-1', '']) {
      const r = await runCli(['scan', root, '--max-decode-depth', bad]);
      assert.is(r.code, 2, `--max-decode-depth ${JSON.stringify(bad)}`);
      assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.ok(r.stderr.includes('--max-decode-depth'), r.stderr);
    }
  } finally {
    removeTree(root);
  }
});

cli('.keyhound.yml defaults.maxDecodeDepth: 0 turns decoding off, the flag overrides it, a bad value is refused', async () => {
  const k = new Keys(1407);
  const secret = k.secret();
  const body = `kind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}\n`;
  for (const [config, flag, want] of [['defaults:\n  maxDecodeDepth: 0\n', [], 0], ['defaults:\n  maxDecodeDepth: 0\n', ['--max-decode-depth', '3'], 1], ['', [], 1]] as const) {
    const root = makeTree({ 's.yaml': body, '.keyhound.yml': config });
    try {
      const r = await runCli(['scan', root, '--format', 'json', '--no-progress', ...flag]);
      assert.is(JSON.parse(r.stdout).findings.length, want, `${JSON.stringify(config)} ${flag.join(' ')}`);
    } finally {
      removeTree(root);
    }
  }
  const root = makeTree({ 's.yaml': body, '.keyhound.yml': 'defaults:\n  maxDecodeDepth: deep\n' });
  try {
    const r = await runCli(['scan', root, '--no-progress']);
    assert.is(r.code, 2);
    assert.ok(r.stderr.includes('maxDecodeDepth'), r.stderr);
  } finally {
    removeTree(root);
  }
});

cli('the new join forms from the command line: each secret found once, at its first piece, decoded by concatenation', async () => {
  const k = new Keys(1408);
  const secrets = Array.from({ length: 5 }, () => k.secret());
  const [a, b, c, d, e] = secrets.map((s) => [s.slice(0, 13), s.slice(13, 27), s.slice(27)] as const);
  const root = makeTree({
    'glued.sh': `#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY="${a[0]}""${a[1]}"'${a[2]}'\n`,
    'append.sh': `AWS_SECRET_ACCESS_KEY="${b[0]}"\nAWS_SECRET_ACCESS_KEY+="${b[1]}"\nAWS_SECRET_ACCESS_KEY+="${b[2]}"\n`,
    'Keys.java': `final class Keys {\n  static final String AWS_SECRET = new StringBuilder()\n      .append("${c[0]}")\n      .append("${c[1]}")\n      .append("${c[2]}")\n      .toString();\n}\n`,
    'config.php': `<?php\ndefine('AWS_SECRET', implode('', ['${d[0]}', '${d[1]}', '${d[2]}']));\n`,
    'keys.rb': `AWS_SECRET_ACCESS_KEY = %w[${e.join(' ')}].join\n`,
  });
  try {
    const json = await runCli(['scan', root, '--format', 'json', '--no-progress']);
    assert.is(json.code, 1);
    const got = (JSON.parse(json.stdout).findings as { path: string; line: number; decoded?: string[] }[]).map((f) => [f.path.split(/[\\/]/).pop(), f.line, f.decoded]);
    got.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    assert.equal(got, [
      ['append.sh', 1, ['concatenation']],
      ['config.php', 2, ['concatenation']],
      ['glued.sh', 2, ['concatenation']],
      ['Keys.java', 3, ['concatenation']],
      ['keys.rb', 1, ['concatenation']],
    ]);
    assert.not.ok(secrets.some((s) => json.stdout.includes(s)), 'redacted');
  } finally {
    removeTree(root);
  }
});

cli.run();

const git = suite('decoding: staged and history look a decoded key up decoded');

git('staged: an encoded key already in HEAD is not new when its line changes; a new one is', async () => {
  const k = new Keys(1408);
  const [old, fresh] = [k.secret(), k.secret()];
  const repo = Repo.init();
  try {
    repo.commitFiles('init', { 'secret.yaml': `kind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY: ${b64(old)}\n` });
    repo.write('secret.yaml', `kind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY:   ${b64(old)}\n`).add();
    let r = await scanStaged({ cwd: repo.dir, rules, maxFileSize: 1 << 20 });
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.findings.map((f) => f.value), [], 'the key was in HEAD (encoded)');
    repo.write('secret.yaml', `kind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY: ${b64(fresh)}\n`).add();
    r = await scanStaged({ cwd: repo.dir, rules, maxFileSize: 1 << 20 });
    if (r.ok) assert.equal(r.findings.map((f) => [f.value, f.decoded]), [[fresh, ['base64']]]);
  } finally {
    repo.cleanup();
  }
});

git('history: a decoded key is reported once, by the commit that added it, and atHead reads HEAD decoded', async () => {
  const k = new Keys(1409);
  const secret = k.secret();
  const repo = Repo.init();
  try {
    repo.commitFiles('add the secret', { 'secret.yaml': `kind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY: ${b64(secret)}\n` });
    const second = repo.commitFiles('reformat', { 'secret.yaml': `# managed by ops\nkind: Secret\ndata:\n  AWS_SECRET_ACCESS_KEY:  ${b64(secret)}\n` });
    const r = await scanHistory({ cwd: repo.dir, rules, maxFileSize: 1 << 20 });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.findings.map((f) => [f.value, f.commit?.summary, f.atHead]), [[secret, 'add the secret', true]]);
    assert.ok(second.length > 0);
  } finally {
    repo.cleanup();
  }
});

git.run();
