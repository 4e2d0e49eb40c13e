// The escape decoders (src/decode/escapes.ts, issue 14): JSON string escapes, HTML character
// references, quoted-printable and percent-encoding. Each test undoes what a real file does to a key
// and checks the view holds the key where a rule reads it (the detector runs on the view), points
// back at the right line, and that what is not that encoding is left alone. Keys are synthetic.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { htmlEntityDecoder, jsonEscapeDecoder, quotedPrintableDecoder, urlDecoder } from '../src/decode/escapes.js';
import type { Decoder, Edit } from '../src/decode/types.js';
import { applyEdits, View } from '../src/decode/view.js';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules } from '../src/rules/load.js';
import { Keys, prng } from './helpers/keys.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules = loaded.rules;
const DECODERS: Decoder[] = [jsonEscapeDecoder, htmlEntityDecoder, quotedPrintableDecoder, urlDecoder];

/** A secret holding `/`, `+` (so every encoding changes it) and a digit. */
function secretWith(keys: Keys, needs = '/+'): string {
  for (;;) {
    const s = keys.secret();
    if ([...needs].every((c) => s.includes(c))) return s;
  }
}

/** The view after up to 3 rounds of `decoder` over the whole text, as the stage runs it. */
function viewOf(text: string, decoders: Decoder[]): View | undefined {
  let view: View | undefined;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const d of decoders) {
      const current = view?.text ?? text;
      const next = View.of(view ?? text, d.name, d.edits(current, 0, current.length));
      if (next !== undefined) {
        view = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return view;
}

// the detector as it reads text as written (decodeDepth 0): the views here are the test's own
const values = (text: string): string[] => detect({ path: 'a.txt', text }, rules, { decodeDepth: 0 }).map((f) => f.value);
const lineAt = (text: string, at: number): number => text.slice(0, at).split('\n').length;

/** Edits are sorted, do not overlap, stay in the text and start in [from, to). */
function assertWellFormed(edits: readonly Edit[], text: string, from: number, to: number, what: string): void {
  let end = 0;
  for (const e of edits) {
    assert.ok(e.start >= end && e.end >= e.start && e.end <= text.length, `${what}: edit [${e.start}, ${e.end}) out of order or outside`);
    assert.ok(e.start >= from && e.start < to, `${what}: edit at ${e.start} starts outside [${from}, ${to})`);
    assert.ok(e.text.length <= e.end - e.start, `${what}: an edit grows the text`);
    if (e.origins !== undefined) assert.is(e.origins.length, e.text.length);
    end = e.end;
  }
}

// ---- json-escape ------------------------------------------------------------------------------

const json = suite('json-escape');

json('System.Text.Json \\u002B and PHP \\/ are undone; the rule reads the secret the file hides', () => {
  const keys = new Keys(1401);
  const s = secretWith(keys);
  const escaped = s.replace(/\+/g, '\\u002B').replace(/\//g, '\\/');
  const text = `{\n  "AWS": {\n    "Region": "eu-west-1",\n    "SecretAccessKey": "${escaped}",\n    "Url": "https:\\/\\/example.org"\n  }\n}\n`;
  assert.not.ok(values(text).includes(s), 'the plain detector should not already find the key');
  const view = viewOf(text, [jsonEscapeDecoder])!;
  assert.ok(view.text.includes(`"SecretAccessKey": "${s}"`));
  assert.ok(view.text.includes('"Url": "https://example.org"'));
  assert.ok(values(view.text).includes(s), 'the rule reads the decoded secret');
  const at = view.text.indexOf(s);
  const [a, b] = view.toOriginal(at, at + s.length);
  assert.is(lineAt(text, a), 4);
  assert.is(text.slice(a, b), escaped);
});

json('a JSON body inside a JSON log string: one layer per round, quotes and backslashes paired', () => {
  const keys = new Keys(1402);
  const s = secretWith(keys);
  const id = keys.keyId();
  const once = s.replace(/\//g, '\\/').replace(/\+/g, '\\u002B');
  const twice = once.replace(/\\/g, '\\\\');
  const text = `{"level":"debug","msg":"request","body":"{\\"accessKeyId\\":\\"${id}\\",\\"secretAccessKey\\":\\"${twice}\\",\\"path\\":\\"C:\\\\\\\\tmp\\"}"}\n`;
  const round1 = applyEdits(text, jsonEscapeDecoder.edits(text, 0, text.length));
  assert.ok(round1.includes(`"secretAccessKey":"${once}"`), round1);
  assert.ok(round1.includes(`"path":"C:\\\\tmp"`), 'an escaped backslash of the inner layer stays escaped after one round');
  const round2 = applyEdits(round1, jsonEscapeDecoder.edits(round1, 0, round1.length));
  assert.ok(round2.includes(`"secretAccessKey":"${s}"`), round2);
  assert.ok(values(round2).includes(s));
});

json('left as written: control escapes, half a surrogate pair, short or non-hex \\u, an escaped backslash before u', () => {
  const text = String.raw`"a\nb\tc" "\uD83D" "\uDE00x" "\u12" "\uZZZZ" "\u000A" "\\u002B" "\q"`;
  const out = applyEdits(text, jsonEscapeDecoder.edits(text, 0, text.length));
  assert.is(out, String.raw`"a\nb\tc" "\uD83D" "\uDE00x" "\u12" "\uZZZZ" "\u000A" "\u002B" "\q"`);
  const pair = String.raw`"\uD83D\uDE00 \u00e9"`;
  assert.is(applyEdits(pair, jsonEscapeDecoder.edits(pair, 0, pair.length)), '"\u{1F600} é"');
  // \xHH (JavaScript, Python): printable ASCII only, never half a UTF-8 character or a line break
  const hex = String.raw`'a\x2Bb\x2fc' '\x0A' '\xC3\xA9' '\xZZ'`;
  assert.is(applyEdits(hex, jsonEscapeDecoder.edits(hex, 0, hex.length)), String.raw`'a+b/c' '\x0A' '\xC3\xA9' '\xZZ'`);
});

json('code with only \\" and \\\\ gets no edits: nothing a key hides in', () => {
  const code = String.raw`printf("path \"C:\\tmp\" secret_access_key\n");`;
  assert.equal(jsonEscapeDecoder.edits(code, 0, code.length), []);
  const logged = code + String.raw` "\/"`;
  assert.ok(jsonEscapeDecoder.edits(logged, 0, logged.length).length > 1, 'with a \/ the whole layer is undone');
});

json('a region starting just after a backslash does not read the escape it cuts', () => {
  const text = String.raw`x\\u002By`;
  assert.equal(jsonEscapeDecoder.edits(text, 2, text.length), [], 'the \\ at 1 escapes the \\ at 2: no \\u002B starts at 2');
  assert.equal(jsonEscapeDecoder.edits(text, 1, text.length).map((e) => e.text), ['\\']);
});

// ---- html-entity ------------------------------------------------------------------------------

const html = suite('html-entity');

html('decimal and hex references in a saved Jenkins page: the secret is found, at its line', () => {
  const keys = new Keys(1403);
  const s = secretWith(keys, '/+');
  const dec = s.replace(/[/+]/g, (c) => `&#${c.charCodeAt(0)};`);
  const hex = s.replace(/[/+]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
  for (const written of [dec, hex]) {
    const text = `<pre class="console-output">[Pipeline] sh\n+ export AWS_SECRET_ACCESS_KEY=${written}\n</pre>\n<a href="/job/?page=2&amp;sort=desc">older</a>\n`;
    assert.not.ok(values(text).includes(s));
    const view = viewOf(text, [htmlEntityDecoder])!;
    assert.ok(view.text.includes(`AWS_SECRET_ACCESS_KEY=${s}\n`));
    assert.ok(view.text.includes('page=2&sort=desc'));
    assert.ok(values(view.text).includes(s));
    const at = view.text.indexOf(s);
    assert.is(lineAt(text, view.toOriginal(at, at + s.length)[0]), 2);
  }
});

html('named references around a name (&lt; &gt; &quot; &equals;) let the rule read it; &amp;#43; takes two rounds', () => {
  const keys = new Keys(1404);
  const s = secretWith(keys);
  const text = `&lt;SecretAccessKey&gt;${s.replace(/\+/g, '&amp;#43;').replace(/\//g, '&sol;')}&lt;/SecretAccessKey&gt;\n<td>aws_secret_key&equals;&quot;${s.replace(/\+/g, '&plus;')}&quot;</td>`;
  const round1 = applyEdits(text, htmlEntityDecoder.edits(text, 0, text.length));
  assert.ok(round1.includes(`<SecretAccessKey>${s.replace(/\+/g, '&#43;')}</SecretAccessKey>`), round1);
  assert.ok(round1.includes(`aws_secret_key="${s}"`));
  const view = viewOf(text, [htmlEntityDecoder])!;
  assert.ok(view.text.startsWith(`<SecretAccessKey>${s}</SecretAccessKey>`));
  assert.ok(values(view.text).includes(s));
});

html('left as written: no semicolon, unknown names, line breaks and controls, surrogates, too long', () => {
  const text = '&#43abc &foo; &amp &#10; &#13; &#x0; &#xD800; &#99999999; &#x110000; &VeryLongUnknownName; a && b; &;';
  assert.equal(htmlEntityDecoder.edits(text, 0, text.length), []);
});

// ---- quoted-printable -------------------------------------------------------------------------

const qp = suite('quoted-printable');

/** Quoted-printable of `body` as encoders write it: `=` as =3D, lines cut at 76 with a soft break. */
function qpEncode(body: string, eol = '\r\n'): string {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    let cur = '';
    for (const ch of line) {
      const enc = ch === '=' ? '=3D' : ch === 'é' ? '=C3=A9' : ch;
      if (cur.length + enc.length > 75) {
        out.push(cur + '=');
        cur = '';
      }
      cur += enc;
    }
    out.push(cur);
  }
  return out.join(eol);
}

function mail(body: string, { cte = 'quoted-printable', eol = '\r\n' } = {}): string {
  const head = ['From: ops@example.org', 'Subject: access', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset="utf-8"', `Content-Transfer-Encoding: ${cte}`, '', ''].join(eol);
  return head + (cte === 'quoted-printable' ? qpEncode(body, eol) : body) + `${eol}--b1--${eol}`;
}

qp('a mail part cuts the key with a soft break: joined, and every character keeps its own line', () => {
  const keys = new Keys(1405);
  const id = keys.keyId();
  const s = secretWith(keys);
  for (const eol of ['\r\n', '\n']) {
    for (let pad = 0; pad < 40; pad += 7) {
      const body = `${'Hi team, here are the credentials for the deploy user. '.slice(0, 20 + pad)} access key ${id} and secret access key ${s}\n\n[default]\naws_region=eu-west-1\n`;
      const text = mail(body, { eol });
      const view = viewOf(text, [quotedPrintableDecoder])!;
      assert.ok(view.text.includes(`secret access key ${s}`), 'the key is whole in the view');
      assert.ok(view.text.includes('aws_region=eu-west-1'), '=3D is =');
      assert.ok(values(view.text).includes(s) && values(view.text).includes(id));
      const at = view.text.indexOf(s);
      for (let k = 0; k < s.length; k++) {
        const [o] = view.toOriginal(at + k, at + k + 1);
        assert.is(text[o], s[k], 'each character maps to itself in the file');
      }
    }
  }
});

qp('UTF-8 escapes decode to their character; a part that is not quoted-printable is left alone', () => {
  const text = mail('Café secret=1\n');
  assert.ok(text.includes('Caf=C3=A9 secret=3D1'));
  assert.ok(viewOf(text, [quotedPrintableDecoder])!.text.includes('Café secret=1'));
  const plain = mail('x =3D y and a line =\nthat ends in =', { cte: '7bit' });
  assert.equal(quotedPrintableDecoder.edits(plain, 0, plain.length), []);
  const b64 = mail('c2VjcmV0PTNE\n', { cte: 'base64' });
  assert.equal(quotedPrintableDecoder.edits(b64, 0, b64.length), []);
});

qp('code is never touched: `x =` lines, `=3D`-looking text, a long line ending in =', () => {
  const keys = new Keys(1406);
  const s = keys.secret();
  const code = [
    'aws_secret_access_key =',
    `    "${s}"`,
    'headers["X-Check"] = "=3D=3D"',
    `${'long_variable_name_for_this_particular_setting_of_the_service'.padEnd(72, '_')} =`,
    '    compute()',
    'a == b',
  ].join('\n');
  assert.equal(quotedPrintableDecoder.edits(code, 0, code.length), []);
});

qp('without headers, only a run of lines cut at 70-76 characters with no bare = is read as quoted-printable', () => {
  const keys = new Keys(1407);
  const s = secretWith(keys);
  const body = `Forwarded: the deploy user now has a new pair, rotate before Friday please. Secret access key ${s} and region us-east-1, thanks a lot`;
  const encoded = qpEncode(body, '\n');
  assert.ok(encoded.split('\n').length >= 3);
  const text = `Ticket 4411\n\n${encoded}\n`;
  const view = viewOf(text, [quotedPrintableDecoder])!;
  assert.ok(view.text.includes(`Secret access key ${s}`));
  // one cut line alone is not enough
  const one = `${'x'.repeat(74)}=\nmore\n`;
  assert.equal(quotedPrintableDecoder.edits(one, 0, one.length), []);
});

// ---- url --------------------------------------------------------------------------------------

const url = suite('url');

url('a query string, an Airflow URI and a form body: %2F %2B %3D decoded, the key found whole', () => {
  const keys = new Keys(1408);
  const s = secretWith(keys);
  const id = keys.keyId();
  const enc = s.replace(/[/+=]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const texts = [
    `10.0.3.7 - - "POST /api/import?source=s3&aws_access_key_id=${id}&aws_secret_access_key=${enc}&region=eu-west-1 HTTP/1.1" 202`,
    `AIRFLOW_CONN_S3=aws://${id}:${enc}@/?region_name=eu-west-1`,
    `--data "kind=s3&AccessKeyId=${id}&SecretAccessKey=${enc}"`,
  ];
  for (const text of texts) {
    const view = viewOf(text, [urlDecoder])!;
    assert.ok(view.text.includes(s), view.text);
    assert.ok(values(view.text).includes(s), view.text);
  }
});

url('twice encoded (%252F): one layer per round; an encoded name and + spaces read as a rule reads them', () => {
  const keys = new Keys(1409);
  const s = secretWith(keys);
  const once = s.replace(/[/+]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const twice = once.replace(/%/g, '%25');
  const text = `next=%2Fcallback%3Faws_secret_access_key%253D${twice}%2526region`;
  const round1 = applyEdits(text, urlDecoder.edits(text, 0, text.length));
  assert.ok(round1.includes(`aws_secret_access_key%3D${once}%26region`), round1);
  assert.ok(viewOf(text, [urlDecoder])!.text.includes(`aws_secret_access_key=${s}&region`));
  // a form-encoded credentials file: `+` is a space where it touches an escape
  const form = `content=%5Bdefault%5D%0Aaws_secret_access_key+%3D+${once}%0A`;
  const view = viewOf(form, [urlDecoder])!;
  assert.ok(view.text.includes(`aws_secret_access_key = ${s}%0A`), view.text);
  assert.ok(values(view.text).includes(s));
});

url('a raw + between key characters stays, in a query and in user:password; tokens with a bare % are left alone', () => {
  const keys = new Keys(1410);
  let s = secretWith(keys);
  s = s.slice(0, 10) + '+' + s.slice(11, 20) + '/' + s.slice(21); // a raw + inside, an encoded / later
  const raw = s.replace('/', '%2F');
  const query = `GET /x?aws_secret_access_key=${raw}&a=1`;
  assert.ok(viewOf(query, [urlDecoder])!.text.includes(`=${s}&a=1`));
  const uri = `aws://${keys.keyId()}:+${raw}@host/?q=a+%2F`;
  const out = viewOf(uri, [urlDecoder])!.text;
  assert.ok(out.includes(`:+${s}@host/?q=a /`), out);
  const printf = 'printf("secret_access_key=%2F%s", key); sql LIKE 100%25%';
  assert.equal(urlDecoder.edits(printf, 0, printf.length), []);
  const controls = 'a=%0A%00%7F%C3';
  assert.equal(urlDecoder.edits(controls, 0, controls.length), []);
});

// ---- every decoder ----------------------------------------------------------------------------

const all = suite('escape decoders: bounds and hostile input');

all('a plain key the detector finds today is still found in every decoder view', () => {
  const keys = new Keys(1411);
  for (let i = 0; i < 40; i++) {
    const s = keys.secret();
    const id = keys.keyId();
    const text = [
      `aws_access_key_id = ${id}`,
      `aws_secret_access_key = ${s}`,
      `{"url": "https:\\/\\/x.example\\/?a=%2F&amp;b=1", "k": "\\u0041"} =3D x =`,
      `<a href="?q=a+b&amp;c=%20">&lt;${id}&gt;</a>`,
    ].join('\n');
    const before = values(text);
    assert.ok(before.includes(s) && before.includes(id));
    for (const d of DECODERS) {
      const view = viewOf(text, [d]);
      if (view === undefined) continue;
      const after = values(view.text);
      assert.ok(after.includes(s) && after.includes(id), `${d.name} hid a plain key`);
    }
  }
});

all('edits are well-formed for any region, and regions cut anywhere give the edits of the whole', () => {
  const random = prng(1412);
  const pieces = ['\\', '\\\\', '\\u002B', '\\x2F', '\\u00', '\\/', '"', '&#43;', '&#x2F;', '&amp;', '&', ';', '#', '%2F', '%25', '%', '+', '=', '=3D', '=C3=A9', '=\r\n', '=\n', '\n', ' ', 'A', 'z', '9', 'Content-Transfer-Encoding: quoted-printable\n\n', '%C3%A9'];
  for (let n = 0; n < 300; n++) {
    let text = '';
    const len = 1 + Math.floor(random() * 60);
    for (let i = 0; i < len; i++) text += pieces[Math.floor(random() * pieces.length)];
    const cut = Math.floor(random() * (text.length + 1));
    for (const d of DECODERS) {
      const whole = d.edits(text, 0, text.length);
      assertWellFormed(whole, text, 0, text.length, `${d.name} on ${JSON.stringify(text)}`);
      const left = d.edits(text, 0, cut);
      const right = d.edits(text, cut, text.length);
      assertWellFormed(left, text, 0, Math.max(cut, 1), d.name);
      assertWellFormed(right, text, cut, text.length, d.name);
      // A multi-byte character cut by the region's end may be dropped by the half after it: compare by start.
      const starts = (es: Edit[]): number[] => es.map((e) => e.start);
      const joined = [...left, ...right.filter((e) => left.length === 0 || e.start >= left[left.length - 1]!.end)];
      // json-escape works only in a region holding a `\/` or `\uXXXX` (code's `\"` alone gets no edits)
      const gated = (a: number, b: number): boolean => /\\(?:\/|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})/.test(text.slice(a, b + 5));
      if (d.name === 'json-escape' && !(gated(0, cut) && gated(cut, text.length))) continue;
      assert.equal(starts(joined), starts(whole), `${d.name}: cut at ${cut} of ${JSON.stringify(text)}`);
    }
  }
});

all('hostile input: megabytes of trigger characters return, with edits bounded by the input', () => {
  const big = 1 << 20;
  const hostile: [string, string][] = [
    ['backslashes', '\\'.repeat(big)],
    ['\\u without digits', '\\u'.repeat(big / 2)],
    ['\\u002B', '\\u002B'.repeat(big / 6)],
    ['ampersands', '&'.repeat(big)],
    ['&#&#', '&#'.repeat(big / 2)],
    ['&amp;amp;', '&amp;'.repeat(big / 5)],
    ['unterminated references', '&#x2F'.repeat(big / 5)],
    ['percents', '%'.repeat(big)],
    ['%25 nested', '%25'.repeat(big / 3)],
    ['one huge token', '%2F'.repeat(big / 3) + '%'],
    ['soft breaks with a header', 'Content-Transfer-Encoding: quoted-printable\n\n' + '=\r\n'.repeat(big / 3)],
    ['equals', '='.repeat(big)],
    ['long cut lines', (`${'a'.repeat(74)}=\n`).repeat(big / 76)],
  ];
  for (const [what, text] of hostile) {
    for (const d of DECODERS) {
      const edits = d.edits(text, 0, text.length);
      assert.ok(edits.length <= text.length / 2, `${d.name} on ${what}: ${edits.length} edits`);
      let out = 0;
      for (const e of edits) out += e.text.length;
      assert.ok(out <= text.length, `${d.name} on ${what}: output grows`);
      // and many small regions over the same text: the stage's way of calling
      let calls = 0;
      for (let from = 0; from < text.length && calls < 64; from += 4096, calls++) d.edits(text, from, from + 2048);
    }
  }
});

all('never throws on odd arguments', () => {
  for (const d of DECODERS) {
    assert.equal(d.edits('', 0, 0), []);
    assert.equal(d.edits('abc%2F', 5, 2), []);
    assert.not.throws(() => d.edits('%2F&#43;\\/=3D', -10, 1e9));
    assert.not.throws(() => d.edits('%2F&#43;\\/=3D', Number.NaN, Number.POSITIVE_INFINITY));
  }
});

json.run();
html.run();
qp.run();
url.run();
all.run();
