// The base64 decoder (issue 14): values and whole files that decode to text are replaced by it, in
// the places real files keep them (Kubernetes Secrets, CI variables, heredocs, cloud-init, PowerShell),
// with every decoded character pointing back at the encoded one; what decodes to bytes (secrets,
// tokens, images, hashes, certificates) is left alone; hostile input ends with bounded output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { base64Decoder } from '../src/decode/base64.js';
import type { Edit } from '../src/decode/types.js';
import { View } from '../src/decode/view.js';
import { Keys, prng } from './helpers/keys.js';
import { removeTree } from './helpers/tmp.js';

const keys = new Keys(1414);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const all = (text: string): Edit[] => base64Decoder.edits(text, 0, text.length);

/** The view after up to 3 rounds over the whole text, as the stage runs a decoder. */
function viewOf(text: string): View | undefined {
  let view: View | undefined;
  for (let round = 0; round < 3; round++) {
    const current = view?.text ?? text;
    const next = View.of(view ?? text, 'base64', base64Decoder.edits(current, 0, current.length));
    if (next === undefined) break;
    view = next;
  }
  return view;
}

const lineOf = (text: string, at: number): number => text.slice(0, at).split('\n').length;

/** The line of the file where `value` in the view came from, or 0 when the view does not hold it. */
function lineInFile(text: string, value: string): number {
  const view = viewOf(text);
  const at = view?.text.indexOf(value) ?? -1;
  if (view === undefined || at === -1) return 0;
  return lineOf(text, view.toOriginal(at, at + value.length)[0]);
}

/** Base64 wrapped at `width`, lines after the first indented by `indent`. */
function wrap(encoded: string, width: number, indent = '', eol = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += width) lines.push(encoded.slice(i, i + width));
  return lines.join(eol + indent);
}

/** The 0-based wrapped line holding the first encoded character of byte `p` (the corpus's rule). */
const wrappedLineOf = (p: number, width: number): number => Math.floor((Math.floor(p / 3) * 4 + (p % 3)) / width);

function credentialsFile(id: string, secret: string, token?: string): string {
  return `[deploy]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n${token ? `aws_session_token = ${token}\n` : ''}region = eu-west-1\n`;
}

const decodes = suite('base64: values and files that decode to text');

decodes('a Kubernetes Secret reads NAME: plain value, each value on its own line, echo\'s newline dropped', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const token = keys.sessionToken(400);
  const text = `apiVersion: v1\nkind: Secret\ndata:\n  AWS_ACCESS_KEY_ID: ${b64(id)}\n  AWS_SECRET_ACCESS_KEY: ${b64(`${secret}\n`)}\n  AWS_SESSION_TOKEN: ${b64(token)}\n  REGION: ${b64('us-east-2')}\ntype: Opaque\n`;
  const view = viewOf(text)!;
  assert.ok(view);
  assert.ok(view.text.includes(`\n  AWS_ACCESS_KEY_ID: ${id}\n`));
  assert.ok(view.text.includes(`\n  AWS_SECRET_ACCESS_KEY: ${secret}\n`));
  assert.ok(view.text.includes(`\n  AWS_SESSION_TOKEN: ${token}\n`));
  assert.ok(view.text.includes('\n  REGION: us-east-2\n'));
  // The secret in the view maps back to its encoded value, first character to first character.
  const at = view.text.indexOf(secret);
  const encodedAt = text.indexOf(b64(`${secret}\n`));
  assert.equal(view.toOriginal(at, at + 1)[0], encodedAt);
  assert.is(lineInFile(text, secret), 5);
  // The decoded secret and token are base64 too: later rounds leave them alone.
  assert.equal(all(view.text).length, 0);
});

decodes('a whole .env file on one line: its lines replace the blob, on a line of their own', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const env = `AWS_DEFAULT_REGION=us-west-2\nAWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${secret}\n`;
  for (const [before, after] of [['ENV_FILE_B64=', '\n'], ['RUN echo "', '" | base64 -d > /app/.env\n'], ["CREDS='", "'\n"]]) {
    const text = `# settings\n${before}${b64(env)}${after}NEXT=1\n`;
    const view = viewOf(text)!;
    assert.ok(view.text.includes(`${before}\n${env}`), view.text);
    assert.ok(view.text.includes(`\nAWS_SECRET_ACCESS_KEY=${secret}\n`));
    assert.is(lineInFile(text, secret), 2);
    assert.is(lineInFile(text, id), 2);
  }
});

decodes('a credentials file wrapped at 76, 64 and 60: a key points at the line of its first encoded byte', () => {
  for (const width of [76, 64, 60]) {
    for (const indent of ['', '      ']) {
      const id = keys.keyId('ASIA');
      const secret = keys.secret();
      const token = keys.sessionToken(420);
      const creds = credentialsFile(id, secret, token);
      const head = `#!/bin/sh\nbase64 -d > "$HOME/.aws/credentials" <<'EOF'\n${indent}`;
      const text = `${head}${wrap(b64(creds), width, indent)}\nEOF\nchmod 600 "$HOME/.aws/credentials"\n`;
      const view = viewOf(text)!;
      assert.ok(view.text.includes(`\naws_secret_access_key = ${secret}\naws_session_token = ${token}\n`), `width ${width}`);
      assert.ok(view.text.includes('\nEOF\nchmod'), 'the line after the blob is kept');
      const first = lineOf(text, head.length);
      for (const value of [id, secret, token]) {
        assert.is(lineInFile(text, value), first + wrappedLineOf(creds.indexOf(value), width), `width ${width} ${value.slice(0, 4)}`);
      }
    }
  }
});

decodes('a width that is not a multiple of 4: a key whose first group straddles two lines points at the second', () => {
  const secret = keys.secret();
  // Byte 53 is the third of group 17: wrapped at 70, that group's characters 68-69 end line 0
  // and 70-71 (the first that carry byte 53) start line 1.
  const creds = `${'#'.repeat(28)}\naws_secret_access_key = ${secret}\n`;
  assert.is(creds.indexOf(secret), 53);
  const text = `blob: |\n  ${wrap(b64(creds), 70, '  ')}\n`;
  assert.ok(viewOf(text)!.text.includes(`aws_secret_access_key = ${secret}\n`));
  assert.is(lineInFile(text, secret), 3);
});

decodes('cloud-init write_files: a wrapped blob under a block scalar, CRLF line ends', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const creds = credentialsFile(id, secret);
  for (const eol of ['\n', '\r\n']) {
    const text = ['#cloud-config', 'write_files:', '  - path: /root/.aws/credentials', '    encoding: b64', '    content: |', `      ${wrap(b64(creds), 76, '      ', eol)}`, 'runcmd:', '  - [ aws, s3, ls ]', ''].join(eol);
    const view = viewOf(text)!;
    assert.ok(view.text.includes(`aws_secret_access_key = ${secret}\n`));
    assert.ok(view.text.includes(`${eol}runcmd:`));
    assert.is(lineInFile(text, secret), 6 + wrappedLineOf(creds.indexOf(secret), 76));
  }
});

decodes('a word after a wrapped blob (done, EOF) is not taken as its last line', () => {
  const secret = keys.secret();
  // 57 bytes: 76 characters exactly, so the next line could pass for a short last line.
  const creds = `secret = ${secret}\n`.padEnd(57, '#');
  assert.is(b64(creds).length, 76);
  for (const word of ['done', 'EOF', 'fi', 'esac', 'exit']) {
    const text = `cat <<EOF | base64 -d\n${b64(creds)}\n${b64(creds)}\n${word}\n`;
    const edits = all(text);
    assert.is(edits.length, 1);
    assert.is(text.slice(edits[0]!.end), `\n${word}\n`);
  }
});

decodes('URL-safe alphabet, with or without padding; base64 of base64 comes undone over two rounds', () => {
  const secret = keys.secret();
  const value = `{"aws_secret_access_key":"${secret}","note":"ünïcode ok???"}`;
  const urlSafe = Buffer.from(value, 'utf8').toString('base64url');
  assert.ok(/[-_]/.test(urlSafe));
  for (const encoded of [urlSafe, `${urlSafe}${'='.repeat((4 - (urlSafe.length % 4)) % 4)}`]) {
    const text = `config: ${encoded}\n`;
    assert.ok(viewOf(text)!.text.includes(value));
  }
  const text = `blob: "${b64(b64(credentialsFile(keys.keyId(), secret)))}"\n`;
  assert.is(lineInFile(text, secret), 1);
  assert.ok(viewOf(text)!.text.includes(`aws_secret_access_key = ${secret}`));
});

decodes('PowerShell -EncodedCommand (UTF-16LE) decodes to its script', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const script = `$env:AWS_ACCESS_KEY_ID="${id}"; $env:AWS_SECRET_ACCESS_KEY="${secret}"; aws s3 ls`;
  const text = `powershell.exe -NoProfile -EncodedCommand ${Buffer.from(script, 'utf16le').toString('base64')}\n`;
  assert.ok(viewOf(text)!.text.includes(script));
});

decodes('every decoded character maps inside its edit, to an encoded character', () => {
  const text = `a: ${b64('héllo wörld, 😀 and a key')}\nb: |\n  ${wrap(b64(credentialsFile(keys.keyId(), keys.secret()).repeat(3)), 64, '  ')}\n`;
  const edits = all(text);
  assert.is(edits.length, 2);
  for (const edit of edits) {
    assert.is(edit.origins!.length, edit.text.length);
    for (const o of edit.origins!) {
      assert.ok(o >= edit.start && o < edit.end);
      assert.ok(/[A-Za-z0-9+/=]/.test(text[o]!), `origin ${o} is ${JSON.stringify(text[o])}`);
    }
  }
});

const leaves = suite('base64: what decodes to bytes, or is not a value, is left alone');

leaves('plain secrets, key IDs and session tokens (valid base64 all) are never decoded', () => {
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    lines.push(`aws_secret_access_key = ${keys.secret()}`, `"SecretAccessKey": "${keys.secret()}",`, `AWS_ACCESS_KEY_ID=${keys.keyId()}`);
  }
  for (let i = 0; i < 20; i++) lines.push(`aws_session_token = ${keys.sessionToken(300 + 20 * i)}`, `x-amz-security-token: FwoGZXIvYXdzE${keys.sessionToken(360).slice(16)}`);
  assert.equal(all(lines.join('\n')), []);
});

leaves('images and fonts in data: URIs, JWT signatures, hashes, certificates, identifiers', () => {
  const random = prng(7);
  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(3000)]).toString('base64');
  const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"1234567890"}').toString('base64url')}.${bytes(32).toString('base64url')}`;
  const cert = wrap(Buffer.concat([Buffer.from([0x30, 0x82, 0x03, 0x0c]), bytes(780)]).toString('base64'), 64);
  const text = [
    `.logo { background: url(data:image/png;base64,${png}); }`,
    `@font-face { src: url("data:font/woff2;base64,d09GMgABAAAAA${bytes(2000).toString('base64')}") }`,
    `Authorization: Bearer ${jwt}`,
    `"integrity": "sha512-${bytes(64).toString('base64')}",`,
    `checksum: ${bytes(32).toString('base64')}`,
    `-----BEGIN CERTIFICATE-----\n${cert}\n-----END CERTIFICATE-----`,
    'export type S3EventName = string; const x = Instantiated | SignatureCheckMode; // emplacements',
    'path = /usr/local/share/keyhound/rules/aws',
    `gzip: H4sIAAAAAAAAA${bytes(200).toString('base64')}`,
  ].join('\n');
  assert.equal(all(text), []);
});

leaves('a run glued to other characters is not a value; a short value needs an encoder\'s shape', () => {
  const encoded = b64('us-east-1-bucket-name');
  assert.is(all(`x = ${encoded}\n`).length, 1);
  assert.is(all(`x = abc.${encoded}\n`).length, 0, 'after a dot (a JWT part, a file name)');
  assert.is(all(`x = %2B${encoded}\n`).length, 0, 'after a percent escape');
  assert.is(all(`x = ${encoded}.txt\n`).length, 0, 'before a dot');
  assert.is(all(`name: ${b64('us-east-2')}\n`).length, 1, '12 characters with a digit: taken');
  assert.is(all('name: Instantiated\n').length, 0, '12 letters: an identifier');
  assert.is(all(`name: ${b64('short')}\n`).length, 0, 'fewer than 8 characters decoded');
});

leaves('an inline source map is left alone (its code is the file\'s own); the same JSON as another data: URI is decoded', () => {
  const map = b64(JSON.stringify({ version: 3, sources: ['config.ts'], sourcesContent: [`export const config = { region: "eu-west-1", bucket: "x" };\n`], mappings: 'AAAA' }));
  assert.equal(all(`var a=1;\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}\n`), []);
  assert.equal(all(`a{}\n/*# sourceMappingURL=data:application/json;base64,${map} */\n`), []);
  assert.is(all(`const doc = "data:application/json;base64,${map}";\n`).length, 1, 'not a source map');
  assert.is(all(`sourceMap = ${map}\n`).length, 1, 'a value named so is still a value');
});

const regions = suite('base64: regions and hostile input');

regions('only constructs that start in [from, to): a blob running past to is decoded whole', () => {
  const secret = keys.secret();
  const blob = wrap(b64(credentialsFile(keys.keyId(), secret)), 76);
  const text = `key: ${b64('first value here')}\ndata: |\n${blob}\nend: ${b64('last value here')}\n`;
  const blobAt = text.indexOf(blob);
  const inBlob = base64Decoder.edits(text, blobAt, blobAt + 10);
  assert.is(inBlob.length, 1);
  assert.is(inBlob[0]!.end, blobAt + blob.length);
  // A region that starts inside the blob does not decode its tail, nor its next lines alone.
  assert.equal(base64Decoder.edits(text, blobAt + 5, blobAt + blob.length), []);
  assert.equal(base64Decoder.edits(text, blobAt + 77, blobAt + blob.length), []);
  const edits = all(text);
  assert.is(edits.length, 3);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.start >= edits[i - 1]!.end);
  assert.equal(base64Decoder.edits(text, 0, 4).length, 0);
  assert.equal(base64Decoder.edits(text, text.length, text.length + 10), []);
  assert.equal(base64Decoder.edits('', 0, 0), []);
});

regions('megabytes of base64 characters: bounded output, no edit where nothing is text', () => {
  const As = 'A'.repeat(4 << 20);
  assert.equal(all(As), []);
  // Text all the way: one edit, smaller than its input.
  const text = `x: ${'QUFB'.repeat(1 << 19)}\n`;
  const edits = all(text);
  assert.is(edits.length, 1);
  assert.ok(edits[0]!.text.length <= text.length * 0.75);
  // The same text from a region at its start: the look past `to` is bounded, so no edit; the
  // same for a blob wrapped over more lines than the look past `to` reaches.
  assert.equal(base64Decoder.edits(text, 0, 100), []);
  const wrapped = `data: |\n  ${wrap('QUFB'.repeat(1 << 16), 76, '  ')}\n`;
  assert.is(all(wrapped).length, 1);
  assert.equal(base64Decoder.edits(wrapped, 0, 100), []);
  // Over 4 MiB, on one line or wrapped, text is left alone too (its edit would hold 3 MiB).
  assert.equal(all(`x: ${'QUFB'.repeat((1 << 20) + 1)}\n`), []);
  assert.equal(all(`data: |\n  ${wrap('QUFB'.repeat(1 << 20), 76, '  ')}\n`), []);
  // Bytes wrapped at 76 over 2 MB; unterminated padding; lines of the same short width.
  const random = prng(3);
  const bin = Buffer.from(Array.from({ length: 1 << 20 }, () => Math.floor(random() * 256))).toString('base64');
  assert.equal(all(`data: |\n  ${wrap(bin, 76, '  ')}\n`), []);
  assert.equal(all(`x: ${'QUFB'.repeat(1000)}${'='.repeat(100000)}`), []);
  const lines = `${b64('us-east-2')}\n`.repeat(100000);
  assert.is(all(lines).length, 100000);
  assert.ok(all(`${'=QUFBQUFBQUFB'.repeat(100000)}`).length === 0);
});

const corpus = suite('base64 over the decoding corpus (bench/decoding, seeds 1 and 2)');

interface Label {
  path: string;
  line: number;
  value: string;
  form: string;
}

corpus('every base64 label is in the view at its line; negatives and other labels untouched', () => {
  const generator = fileURLToPath(new URL('../../bench/decoding/generate.mjs', import.meta.url));
  for (const seed of ['1', '2']) {
    const out = mkdtempSync(join(tmpdir(), 'keyhound-b64-'));
    try {
      const r = spawnSync(process.execPath, [generator, '--seed', seed, '--out', out, '--quiet'], { encoding: 'utf8' });
      assert.is(r.status, 0, r.stderr);
      const labels = JSON.parse(readFileSync(join(out, 'labels.json'), 'utf8')) as Label[];
      const negatives = JSON.parse(readFileSync(join(out, 'negatives.json'), 'utf8')) as { path: string }[];
      const encoded = labels.filter((l) => l.form.startsWith('base64'));
      assert.ok(encoded.length >= 40, `seed ${seed}: ${encoded.length} base64 labels`);
      for (const l of encoded) assert.is(lineInFile(readFileSync(join(out, l.path), 'utf8'), l.value), l.line, `${l.path}:${l.line}`);
      for (const n of negatives) assert.equal(all(readFileSync(join(out, n.path), 'utf8')), [], n.path);
      for (const l of labels.filter((x) => !x.form.startsWith('base64'))) {
        const text = readFileSync(join(out, l.path), 'utf8');
        if (text.includes(l.value)) assert.ok((viewOf(text)?.text ?? text).includes(l.value), `${l.path}:${l.line} ${l.form}`);
      }
    } finally {
      removeTree(out);
    }
  }
});

decodes.run();
leaves.run();
regions.run();
corpus.run();
