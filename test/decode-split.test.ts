// The split decoders (issue 14): string pieces joined in code (concatenation) and backslash-newlines
// inside a value (continuation). Each form is joined into a view a rule can read (the name beside the
// value, the value whole, its quotes kept) and the value maps back to its first piece's line and
// column; what is not plainly a literal, or not joined by the language, is left alone; hostile input
// returns bounded edits.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { concatenationDecoder, continuationDecoder } from '../src/decode/split.js';
import { joinMarker } from '../src/decode/split/markers.js';
import type { Decoder, Edit } from '../src/decode/types.js';
import { View } from '../src/decode/view.js';
import { Keys } from './helpers/keys.js';

const keys = new Keys(1414);

/** The decoder's view of the whole text (one round, as the stage's first). */
function viewOf(decoder: Decoder, text: string): View | undefined {
  return View.of(text, decoder.name, decoder.edits(text, 0, text.length));
}

function decoded(decoder: Decoder, text: string): string {
  return viewOf(decoder, text)?.text ?? text;
}

/** 1-based line and column of an offset. */
function place(text: string, at: number): [number, number] {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return [line, at - before.lastIndexOf('\n')];
}

/** The value is in the view, and its first character maps to `text`'s offset `at`. */
function foundAt(decoder: Decoder, text: string, value: string, at: number, what: string): View {
  const view = viewOf(decoder, text);
  assert.ok(view !== undefined, `${what}: no edit`);
  const i = view.text.indexOf(value);
  assert.ok(i !== -1, `${what}: the value is not in the view:\n${view.text}`);
  const [start, end] = view.toOriginal(i, i + value.length);
  assert.equal(place(text, start), place(text, at), `${what}: the value maps to the wrong place`);
  assert.ok(end > start, `${what}: empty range`);
  return view;
}

/** Cut a value into n pieces of at least 3 characters, deterministically. */
function cut(value: string, n: number): string[] {
  const size = Math.floor(value.length / n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(value.slice(i * size, i === n - 1 ? value.length : (i + 1) * size));
  return out;
}

function assertWellFormed(text: string, edits: readonly Edit[], what: string): void {
  let end = 0;
  for (const e of edits) {
    assert.ok(e.start >= end && e.end >= e.start && e.end <= text.length, `${what}: edit out of order or out of range`);
    if (e.origins !== undefined) {
      assert.is(e.origins.length, e.text.length, `${what}: origins length`);
      for (const o of e.origins) assert.ok(o >= e.start && o <= e.end, `${what}: origin outside the edit`);
    }
    end = e.end;
  }
}

// ---------------------------------------------------------------------------------------------
const concat = suite('concatenation');

concat('TypeScript on one line: key ID and secret joined, the first quote kept, each at its first piece', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const [a, b, c] = cut(id, 3);
  const s = cut(secret, 4);
  const text = `import { S3Client } from '@aws-sdk/client-s3';\n\nconst accessKeyId = '${a}' + '${b}' + '${c}';\nconst secretAccessKey = "${s[0]}" + '${s[1]}' + "${s[2]}" + "${s[3]}";\n`;
  const view = foundAt(concatenationDecoder, text, id, text.indexOf(`'${a}'`) + 1, 'key ID');
  assert.ok(view.text.includes(`const accessKeyId = '${id}';`), view.text);
  assert.ok(view.text.includes(`const secretAccessKey = "${secret}";`), view.text);
  foundAt(concatenationDecoder, text, secret, text.indexOf(`"${s[0]}"`) + 1, 'secret');
});

concat('Java + and PHP . on one line', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const java = `public final class Creds {\n    static final String SECRET = "${s.join('" + "')}";\n}\n`;
  assert.ok(decoded(concatenationDecoder, java).includes(`static final String SECRET = "${secret}";`));
  const php = `$client = new S3Client([\n    'credentials' => [\n        'secret' => '${s.join("' . '")}',\n    ],\n]);\n`;
  assert.ok(decoded(concatenationDecoder, php).includes(`'secret' => '${secret}',`));
  const tight = `$x = '${s[0]}'.'${s[1]}'.'${s[2]}';`;
  assert.ok(decoded(concatenationDecoder, tight).includes(`$x = '${secret}';`), 'PHP . without spaces');
});

concat('across lines: Kotlin + at the end of a line, C# + at the start, Go backticks; the value points at the first piece', () => {
  const secret = keys.secret();
  const s = cut(secret, 4);
  const kotlin = `object AwsConfig {\n    const val SECRET_KEY = "${s.join('" +\n            "')}"\n    const val REGION = "us-east-1"\n}\n`;
  const view = foundAt(concatenationDecoder, kotlin, secret, kotlin.indexOf(s[0]!), 'Kotlin');
  assert.ok(view.text.includes(`const val SECRET_KEY = "${secret}"\n`), view.text);
  // A character of the third piece points at the third piece's line.
  const i = view.text.indexOf(secret) + s[0]!.length + s[1]!.length;
  assert.is(place(kotlin, view.toOriginal(i, i + 1)[0])[0], 4);

  const csharp = `    private static readonly string Secret =\n    "${s.join('"\n    + "')}";\n`;
  foundAt(concatenationDecoder, csharp, secret, csharp.indexOf(s[0]!), 'C#');
  assert.ok(decoded(concatenationDecoder, csharp).includes(`Secret =\n    "${secret}";`));

  const go = `var creds = credentials.NewStaticCredentials(\n\t\`${keys.keyId()}\`,\n\t\`${s.join('` +\n\t\t`')}\`,\n\t"",\n)\n`;
  const goView = foundAt(concatenationDecoder, go, secret, go.indexOf(s[0]!), 'Go');
  assert.ok(goView.text.includes(`\t\`${secret}\`,\n\t"",`), goView.text);
});

concat('Python implicit concatenation: one line, and across lines inside parentheses (a session token too)', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const token = keys.sessionToken(420);
  const i = cut(id, 3);
  const s = cut(secret, 3);
  const t = cut(token, 5);
  const text = `import boto3\n\nAWS_ACCESS_KEY_ID = "${i.join('" "')}"\nAWS_SECRET_ACCESS_KEY = ('${s.join("'\n    '")}')\nAWS_SESSION_TOKEN = (\n    '${t.join("'\n    '")}'\n)\n`;
  const view = foundAt(concatenationDecoder, text, id, text.indexOf(i[0]!), 'key ID');
  assert.ok(view.text.includes(`AWS_ACCESS_KEY_ID = "${id}"\n`), view.text);
  assert.ok(view.text.includes(`AWS_SECRET_ACCESS_KEY = ('${secret}')\n`), view.text);
  assert.ok(view.text.includes(`AWS_SESSION_TOKEN = (\n    '${token}'\n)`), view.text);
  foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), 'secret');
  foundAt(concatenationDecoder, text, token, text.indexOf(t[0]!), 'token');
});

concat('a backslash-newline between pieces, and r/u/b/@ prefixes, are read as the language reads them', () => {
  const secret = keys.secret();
  const s = cut(secret, 2);
  const python = `AWS_SECRET_ACCESS_KEY = "${s[0]}" \\\n                        "${s[1]}"\n`;
  foundAt(concatenationDecoder, python, secret, python.indexOf(s[0]!), 'explicit line joining');
  assert.is(decoded(concatenationDecoder, python), `AWS_SECRET_ACCESS_KEY = "${secret}"\n`);
  const raw = `k = r'${s[0]}' u'${s[1]}'`;
  assert.is(decoded(concatenationDecoder, raw), `k = r'${secret}'`);
  const verbatim = `var k = @"${s[0]}" + @"${s[1]}";`;
  assert.is(decoded(concatenationDecoder, verbatim), `var k = @"${secret}";`);
  for (const text of [`k = f"${s[0]}{x}" "${s[1]}"`, `k = br"${s[0]}" "${s[1]}"`, `k = L"${s[0]}" L"${s[1]}"`]) {
    assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  }
});

concat('join: "".join([...]) on one line and one piece a line, and JavaScript [...].join(\'\')', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 3);
  const one = `_SECRET = "".join(["${s.join('", "')}"])\n`;
  assert.is(decoded(concatenationDecoder, one), `_SECRET = "${secret}"\n`);
  const lines = `AWS_SECRET_ACCESS_KEY = ''.join([\n    '${s.join("',\n    '")}',\n])\n`;
  const view = foundAt(concatenationDecoder, lines, secret, lines.indexOf(s[0]!), 'one a line');
  assert.is(view.text, `AWS_SECRET_ACCESS_KEY = '${secret}'\n`);
  const tuple = `k = ''.join(('${s.join("', '")}'))`;
  assert.is(decoded(concatenationDecoder, tuple), `k = '${secret}'`);
  const js = `AWS.config.update({\n  accessKeyId: ['${cut(id, 2).join("', '")}'].join(''),\n  secretAccessKey: ['${s.join("', '")}'].join(""),\n});\n`;
  const jsView = decoded(concatenationDecoder, js);
  assert.ok(jsView.includes(`accessKeyId: '${id}',`), jsView);
  assert.ok(jsView.includes(`secretAccessKey: '${secret}',`), jsView);
});

concat('calls that join literals with an empty separator: Java, C#, Go, Terraform; a separator or a variable is left alone', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 3);
  const q = (ps: string[]): string => ps.map((p) => `"${p}"`).join(', ');
  const java = `static final String SECRET = String.join("", ${q(s)});`;
  assert.is(decoded(concatenationDecoder, java), `static final String SECRET = "${secret}";`);
  const csharp = `public static readonly string SecretAccessKey = string.Concat(\n    ${s.map((p) => `"${p}"`).join(',\n    ')});`;
  foundAt(concatenationDecoder, csharp, secret, csharp.indexOf(s[0]!), 'C# Concat across lines');
  assert.is(decoded(concatenationDecoder, csharp), `public static readonly string SecretAccessKey = "${secret}";`);
  const csharpNew = `var k = String.Join(string.Empty, new[] { ${q(s)} });\nvar j = string.Join("", new string[] { ${q(cut(id, 2))} });`;
  assert.is(decoded(concatenationDecoder, csharpNew), `var k = "${secret}";\nvar j = "${id}";`);
  const go = `creds := credentials.NewStaticCredentials(\n\tstrings.Join([]string{${q(cut(id, 3))}}, ""),\n\tstrings.Join([]string{${q(s)}}, ""),\n\t"",\n)`;
  assert.is(decoded(concatenationDecoder, go), `creds := credentials.NewStaticCredentials(\n\t"${id}",\n\t"${secret}",\n\t"",\n)`);
  const tf = `provider "aws" {\n  secret_key = join("", [\n    ${s.map((p) => `"${p}"`).join(',\n    ')},\n  ])\n}\n`;
  foundAt(concatenationDecoder, tf, secret, tf.indexOf(s[0]!), 'Terraform join across lines');
  for (const text of [
    `String.join(",", ${q(s)})`, // a separator: the value is not the pieces run together
    `strings.Join([]string{${q(s)}}, "-")`,
    `strings.Join(parts, "")`,
    `string.Concat(prefix, "${s[1]}", "${s[2]}")`, // a variable among the pieces
    `items.join("", ["${s[0]}", "${s[1]}"])`, // a method of something else, not Terraform's join()
    `String.format("", ${q(s)})`,
  ]) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('PHP implode and join: a separator of \'\' or none, a [...] or array(...) list, on one line or across lines; a separator or a variable is left alone', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 3);
  const q = (ps: string[]): string => ps.map((p) => `'${p}'`).join(', ');
  const forms: [string, string][] = [
    [`define('OFFLOAD_SECRET', implode('', [${q(s)}]));`, `define('OFFLOAD_SECRET', '${secret}');`],
    [`$secret = implode([${q(s)}]);`, `$secret = '${secret}';`],
    [`$secret = implode(array(${q(s)}));`, `$secret = '${secret}';`],
    [`$secret = implode("", array(${q(s)}));`, `$secret = '${secret}';`],
    [`$secret = join('', [${q(s)}]);`, `$secret = '${secret}';`],
    [`return [\n    'secret' => join('', array(\n        ${s.map((p) => `'${p}'`).join(',\n        ')},\n    )),\n];`, `return [\n    'secret' => '${secret}',\n];`],
  ];
  for (const [text, expected] of forms) {
    foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), text);
    assert.is(decoded(concatenationDecoder, text), expected);
  }
  const both = `$key = implode('', ['${cut(id, 2).join("', '")}']);`;
  assert.is(decoded(concatenationDecoder, both), `$key = '${id}';`);
  for (const text of [
    `$secret = implode(',', [${q(s)}]);`, // a separator
    `$secret = implode(' ', array(${q(s)}));`,
    `$secret = implode($sep, [${q(s)}]);`,
    `$secret = implode('', [${q(s.slice(0, 2))}, $suffix]);`, // a variable among the pieces
    `$secret = implode('', $parts);`,
    `$secret = implode([${q(s)}], '');`, // (PHP 7's reversed arguments: not read)
    `$secret = $collection->implode('', [${q(s)}]);`, // a method of something else
    `$secret = Arr::implode('', [${q(s)}]);`,
  ]) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('Ruby word arrays: %w[...].join, %w(...).join(\'\'), %W{...}.join(""), one word a line, .join on the next line', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const forms: [string, string][] = [
    [`  secret = %w[${s.join(' ')}].join\n`, `  secret = "${secret}"\n`],
    [`SECRET = %w(${s.join(' ')}).join('')`, `SECRET = "${secret}"`],
    [`SECRET = %W{${s.join(' ')}}.join("").freeze`, `SECRET = "${secret}".freeze`],
    [`  aws_secret_access_key: %w[\n    ${s.join('\n    ')}\n  ].join,\n`, `  aws_secret_access_key: "${secret}",\n`],
    [`SECRET = %w<${s.join('  ')}>\n  .join\n`, `SECRET = "${secret}"\n`],
    [`SECRET = %w|${s.join('\t')}|.join()`, `SECRET = "${secret}"`],
  ];
  for (const [text, expected] of forms) {
    foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), text);
    assert.is(decoded(concatenationDecoder, text), expected);
  }
  for (const text of [
    `SECRET = %w[${s.join(' ')}].join(',')`, // a separator
    `SECRET = %w[${s.join(' ')}].join ','`,
    `SECRET = %w[${s.join(' ')}].join(sep)`,
    `SECRET = %w[${s.join(' ')}].join $,`,
    `SECRET = %w[${s.join(' ')}].join.reverse`, // a call that changes the value
    `SECRET = %w[${s.join(' ')}].join[0, 20]`,
    `SECRET = %w[${s.join(' ')}]`, // no join
    `SECRET = %w[${s.join(' ')}].joined`,
    `SECRET = %W[${s[0]} #{x}${s[1]} ${s[2]}].join`, // interpolation
    `SECRET = %w[${s[0]}\\ ${s[1]} ${s[2]}].join`, // an escaped blank
    `SECRET = %w[${s[0]} [${s[1]}] ${s[2]}].join`, // a nested bracket
    `x = n%w[${s.join(' ')}].join`, // a modulo
  ]) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('.concat(): "a".concat("b", "c") and chained, and a chain after a + that binds looser', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const js = `const secretAccessKey = '${s[0]}'.concat('${s[1]}', '${s[2]}');`;
  assert.is(decoded(concatenationDecoder, js), `const secretAccessKey = '${secret}';`);
  const java = `String secret = "${s[0]}"\n    .concat("${s[1]}")\n    .concat("${s[2]}");`;
  foundAt(concatenationDecoder, java, secret, java.indexOf(s[0]!), 'Java');
  // "x" + "a".concat("b"): the '.' binds first, then the + (a second round).
  const mixed = `k = "${s[0]}" + "${s[1]}".concat("${s[2]}");`;
  const once = decoded(concatenationDecoder, mixed);
  assert.is(once, `k = "${s[0]}" + "${s[1]}${s[2]}";`);
  assert.is(decoded(concatenationDecoder, once), `k = "${secret}";`);
  // Python: "a" + "b" "c" is "a" + "bc".
  const py = `k = "${s[0]}" + "${s[1]}" "${s[2]}"`;
  assert.is(decoded(concatenationDecoder, decoded(concatenationDecoder, py)), `k = "${secret}"`);
  for (const text of [`k = "${s[0]}".concat(x, "${s[1]}${s[2]}")`, `k = "${s[0]}".concat()`]) {
    assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  }
});

concat('a variable, a call or a non-literal piece between pieces ends the join', () => {
  const s = cut(keys.secret(), 3);
  const cases = [
    `k = "${s[0]}" + x + "${s[1]}${s[2]}"`,
    `k = "${s[0]}" + f("${s[1]}") + "${s[2]}"`,
    `k = "${s[0]}" + f"${s[1]}{x}" + "${s[2]}"`, // an f-string
    `k = "${s[0]}" + "\\${s[1]}" + "${s[2]}"`, // an escape
    `k = \`${s[0]}\${x}\` + \`${s[1]}${s[2]}\``, // a template with interpolation
    `$k = "${s[0]}$x" . "${s[1]}${s[2]}";`, // PHP interpolation
    `k = "".join(["${s[0]}", x, "${s[1]}${s[2]}"])`,
    `k = "-".join(["${s[0]}", "${s[1]}${s[2]}"])`, // a separator
    `k = ["${s[0]}", "${s[1]}${s[2]}"].join()`, // JavaScript's default separator is a comma
    `k = ["${s[0]}", "${s[1]}${s[2]}"].join(sep)`,
  ];
  for (const text of cases) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('an operator that binds tighter keeps its piece: the language does not join those first', () => {
  const s = cut(keys.secret(), 3);
  const left = [`k = "${s[0]}" + "${s[1]}${s[2]}".length`, `k = "${s[0]}" + "${s[1]}${s[2]}"[0]`, `k = "${s[0]}" + "${s[1]}%s" % x`, `k = "${s[0]}" + "${s[1]}${s[2]}" * 2`, `$k = '${s[0]}' . '${s[1]}${s[2]}' + 1;`, `echo "${s[0]}" + "${s[1]}${s[2]}"`];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  // x * "a" + "b" + "c" is (x * "a") + "b" + "c": the pieces after the first still join.
  const text = `k = x * "${s[0]}" + "${s[1]}" + "${s[2]}"`;
  assert.is(decoded(concatenationDecoder, text), `k = x * "${s[0]}" + "${s[1]}${s[2]}"`);
  // Looser operators after, and x + "a" + "b" (left to right: the same string), are joined.
  for (const tail of [';', ',', ')', ' == y', ' if x else y', ' + x', ' // note', ' # note']) {
    const t = `k = x + "${s[0]}" + "${s[1]}${s[2]}"${tail}`;
    assert.is(decoded(concatenationDecoder, t), `k = x + "${s.join('')}"${tail}`, t);
  }
});

concat('adjacent literals are joined only where a language joins them: not shell words, JSON lists, Go imports or YAML quotes', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 2);
  const left = [
    `aws configure set "aws_secret_access_key" "${secret}"`,
    `echo "${s[0]}" "${s[1]}"`,
    `x = "${s[0]}"\n"${s[1]}"`, // two Python statements
    `import (\n\t"github.com/aws/aws-sdk-go/aws"\n\t"github.com/aws/aws-sdk-go/aws/credentials"\n)`,
    `key: '${s[0]}''${s[1]}'`, // YAML: one value holding a quote
    `k = ["${s[0]}",\n "${s[1]}"]`,
    `aws events put-targets --targets "Arn"="${s[0]}"  "${s[1]}"="x"`, // shell words
    `{"Value": "${s[0]}" "${s[1]}": 1}`, // a key after a value, a comma missing
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  // C across lines outside parentheses: joined when the statement ends with `;` after the last piece;
  // Python's lines (no `;`) are statements of their own.
  const c = `static const char *id = "${cut(id, 2).join('"\n    "')}";`;
  assert.ok(decoded(concatenationDecoder, c).includes(`*id = "${id}";`), 'C across lines, ended by ;');
  const python = `ID = "${cut(id, 2).join('"\n"')}"\n`;
  assert.equal(concatenationDecoder.edits(python, 0, python.length), [], 'Python statements, one literal a line');
  const dict = `CREDENTIALS = {\n    "aws_secret_access_key": "${s[0]}"\n                             "${s[1]}",\n}`;
  assert.ok(decoded(concatenationDecoder, dict).includes(`"aws_secret_access_key": "${secret}",\n}`), 'a dict value across lines');
  const json = `{\n  "Value": "${s[0]}"\n  "${s[1]}": "x"\n}`;
  assert.equal(concatenationDecoder.edits(json, 0, json.length), [], 'JSON with a comma missing: the next key is not a piece');
  const args = `session = boto3.Session(\n    region_name="eu-west-1",\n    aws_secret_access_key="${s[0]}"\n    "${s[1]}",\n)`;
  assert.ok(decoded(concatenationDecoder, args).includes(`aws_secret_access_key="${secret}",\n)`), 'inside a call, after a comma');
});

concat('quotes inside comments, escaped quotes and JavaScript regex literals are not literals', () => {
  const s = cut(keys.secret(), 2);
  const left = [
    `// const k = "${s[0]}" + "${s[1]}";`,
    `/* "${s[0]}" + "${s[1]}" */`,
    `# k = "${s[0]}" + "${s[1]}"`,
    `k = "a\\" + \\"${s[0]}\\" + \\"${s[1]}"`, // one literal with escaped quotes
    `if (/"/.test(x)) y = z; // ${s[0]}" + "${s[1]}`,
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  // A regex literal holding a quote does not open a string: the join after it is found.
  for (const re of ['/"/g', "/'/", '/[/"]+/', '/\\//']) {
    const text = `const re = ${re}; const k = "${s[0]}" + "${s[1]}";`;
    assert.ok(decoded(concatenationDecoder, text).endsWith(`const k = "${s.join('')}";`), text);
  }
  // A division is not a regex: "a / b" does not swallow the quotes after it.
  const division = `const half = total / 2; const k = "${s[0]}" + "${s[1]}"; const q = n / 3;`;
  assert.ok(decoded(concatenationDecoder, division).includes(`const k = "${s.join('')}";`));
  // An apostrophe in a comment does not open a string.
  const apostrophe = `// don't commit this\nconst k = "${s[0]}" + "${s[1]}";`;
  assert.ok(decoded(concatenationDecoder, apostrophe).includes(`const k = "${s.join('')}";`));
});

concat('only joins that make a key-long run across pieces are proposed', () => {
  const texts = ['msg = "Hello, " + "world"', 'url = "https://example.com/" + "path/to/file"', 'sql = ("SELECT * FROM t "\n       "WHERE id = 1")', `hex = "${'ab'.repeat(5)}" + "${'cd'.repeat(4)}"`];
  for (const text of texts) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('a construct starting in [from, to) is proposed whole, one starting before from is not', () => {
  const s = cut(keys.secret(), 4);
  const text = `a = "${s[0]}" +\n    "${s[1]}"\nb = "${s[2]}" +\n    "${s[3]}"\n`;
  const second = text.indexOf('b =');
  const edits = concatenationDecoder.edits(text, second, second + 8);
  assert.is(edits.length, 1);
  assert.is(edits[0]!.text, `"${s[2]}${s[3]}"`);
  const firstPieceEnd = text.indexOf(s[1]!);
  assert.equal(concatenationDecoder.edits(text, firstPieceEnd, second), [], 'from inside the first construct');
  assert.is(concatenationDecoder.edits(text, 0, text.length).length, 2);
});

concat('regions cut at any line give the edits of the whole text, each once', () => {
  const s = cut(keys.secret(), 4);
  const t = cut(keys.sessionToken(300), 4);
  const text = [
    'import boto3',
    `AWS_ACCESS_KEY_ID = "${cut(keys.keyId(), 3).join('" "')}"`,
    `AWS_SESSION_TOKEN = (\n    '${t.join("'\n    '")}'\n)`,
    `const secretAccessKey = "${s.join('" +\n    "')}";`,
    `_SECRET = ''.join([\n    '${s.join("',\n    '")}',\n])`,
    `  secretAccessKey: ['${s.join("', '")}'].join(''),`,
    `export AWS_SECRET_ACCESS_KEY=${s[0]}${s[1]}\\\n${s[2]}\\\n${s[3]}`,
    `AWS_SECRET_ACCESS_KEY="${s[0]}""${s[1]}"'${s[2]}${s[3]}'`,
    `SECRET=${s[0]}\nSECRET+="${s[1]}"\necho\n\nSECRET+='${s[2]}${s[3]}'`,
    `String k = new StringBuilder()\n    .append("${s[0]}")\n    .append("${s[1]}${s[2]}")\n    .append("${s[3]}")\n    .toString();`,
    `sb.append("${s[0]}");\nsb.append("${s[1]}${s[2]}");\nsb.append("${s[3]}");`,
    `SECRET = %w[\n  ${s[0]}\n  ${s[1]}${s[2]}\n  ${s[3]}\n].join`,
    '',
  ].join('\n');
  for (const d of [concatenationDecoder, continuationDecoder]) {
    const whole = d.edits(text, 0, text.length);
    assert.ok(whole.length > 0, d.name);
    for (let cutAt = text.indexOf('\n') + 1; cutAt > 0 && cutAt < text.length; cutAt = text.indexOf('\n', cutAt) + 1) {
      const parts = [...d.edits(text, 0, cutAt), ...d.edits(text, cutAt, text.length)];
      assert.equal(parts, whole, `${d.name} cut at ${cutAt}`);
    }
  }
});

concat('StringBuilder: Java, C# and Kotlin chains on one line and one call a line, and append statements in a row', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 3);
  const i = cut(id, 2);
  const java = `        String id = new StringBuilder().append("${i[0]}").append("${i[1]}").toString();\n        String secret = new StringBuilder()\n            .append("${s[0]}")\n            .append("${s[1]}")\n            .append("${s[2]}")\n            .toString();\n`;
  const view = foundAt(concatenationDecoder, java, secret, java.indexOf(s[0]!), 'Java, one call a line');
  assert.is(view.text, `        String id = "${id}";\n        String secret = "${secret}";\n`);
  foundAt(concatenationDecoder, java, id, java.indexOf(i[0]!), 'Java, one line');
  const forms: [string, string][] = [
    [`var secret = new StringBuilder("${s[0]}").Append("${s[1]}").Append("${s[2]}").ToString();`, `var secret = "${secret}";`], // C#, a first piece in the constructor
    [`val secret = StringBuilder().append("${s[0]}").append("${s[1]}${s[2]}").toString()`, `val secret = "${secret}"`], // Kotlin
    [`StringBuffer b = new StringBuffer(64).append("${s[0]}").append("${s[1]}${s[2]}");`, `StringBuffer b = "${secret}";`], // a capacity, no toString()
    [`StringBuilder sb = new StringBuilder();\nsb.append("${s[0]}");\nsb.append("${s[1]}");\nsb.append("${s[2]}");\nString secret = sb.toString();`, `StringBuilder sb = new StringBuilder();\nsb.append("${secret}");\nString secret = sb.toString();`],
    [`sb.Append("${s[0]}").Append("${s[1]}"); sb.Append("${s[2]}");`, `sb.Append("${secret}");`],
  ];
  for (const [text, expected] of forms) {
    foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), text);
    assert.is(decoded(concatenationDecoder, text), expected);
  }
});

concat('StringBuilder: a variable, another call, a call that is not append, or a list\'s append (no `;`) is left alone', () => {
  const s = cut(keys.secret(), 3);
  const left = [
    `String k = new StringBuilder().append("${s[0]}").append(x).append("${s[1]}${s[2]}").toString();`, // a variable
    `String k = new StringBuilder().append("${s[0]}").append("${s[1]}${s[2]}").reverse().toString();`, // a call that changes it
    `String k = new StringBuilder().append("${s[0]}").append("${s[1]}${s[2]}").toString().toLowerCase();`,
    `String k = new StringBuilder().append("${s[0]}").insert(0, "${s[1]}${s[2]}").toString();`,
    `String k = new StringBuilder().append("${s[0]}").append("${s[1]}${s[2]}", 0, 20).toString();`,
    `var k = new StringBuilder().Append("${s[0]}").AppendLine("${s[1]}${s[2]}").ToString();`,
    `String k = new StringBuilder(prefix).append("${s[0]}${s[1]}").append("${s[2]}").toString();`,
    `sb.append("${s[0]}"); sb.append(x); sb.append("${s[1]}${s[2]}");`,
    `sb.append("${s[0]}"); other.append("${s[1]}${s[2]}");`,
    `parts.append("${s[0]}")\nparts.append("${s[1]}${s[2]}")`, // Python: a list
    `x = f(sb.append("${s[0]}")); sb.append("${s[1]}${s[2]}");`,
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('shell words glued from quoted parts: "a""b", \'a\'"b", "a"\'b\', a"b", as a value or an argument; the value at its first part', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const forms: [string, string][] = [
    [`AWS_SECRET_ACCESS_KEY="${s[0]}""${s[1]}""${s[2]}"\n`, `AWS_SECRET_ACCESS_KEY="${secret}"\n`],
    [`export AWS_SECRET_ACCESS_KEY='${s[0]}'"${s[1]}"'${s[2]}'\n`, `export AWS_SECRET_ACCESS_KEY='${secret}'\n`],
    [`AWS_SECRET_ACCESS_KEY="${s[0]}"'${s[1]}${s[2]}' aws s3 ls\n`, `AWS_SECRET_ACCESS_KEY="${secret}" aws s3 ls\n`],
    [`aws configure set aws_secret_access_key "${s[0]}""${s[1]}${s[2]}" --profile ci\n`, `aws configure set aws_secret_access_key "${secret}" --profile ci\n`],
    [`docker run -e AWS_SECRET_ACCESS_KEY="${s[0]}${s[1]}"'${s[2]}' img\n`, `docker run -e AWS_SECRET_ACCESS_KEY="${secret}" img\n`],
    [`aws configure set --secret-access-key="${s[0]}"""'${s[1]}${s[2]}'\n`, `aws configure set --secret-access-key="${secret}"\n`],
  ];
  for (const [text, view] of forms) {
    foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), text);
    assert.is(decoded(concatenationDecoder, text), view);
  }
  // An unquoted part first: the value is left unquoted, as written.
  const id = keys.keyId();
  const bare = `export AWS_ACCESS_KEY_ID=${id.slice(0, 8)}"${id.slice(8)}"\nexport AWS_SECRET_ACCESS_KEY=${s[0]}"${s[1]}"${s[2]}\n`;
  foundAt(concatenationDecoder, bare, id, bare.indexOf(id.slice(0, 8)), 'unquoted + quoted');
  assert.is(decoded(concatenationDecoder, bare), `export AWS_ACCESS_KEY_ID=${id}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n`);
});

concat('shell words: not across a newline, not with an expansion, an escape or an operator between, not YAML, CSV, SQL or string prefixes', () => {
  const s = cut(keys.secret(), 2);
  const left = [
    `KEY="${s[0]}"\n"${s[1]}"`, // two commands: a word ends at the newline
    `KEY="${s[0]}"$X"${s[1]}"`, // an expansion between
    `KEY="${s[0]}$X""${s[1]}"`,
    `KEY="${s[0]}\\"'${s[1]}'`, // an escape
    `KEY="${s[0]}"$(date)"${s[1]}"`, // a command substitution
    `KEY='${s[0]}'+'${s[1]}'X`, // an operator or other text between
    `KEY=${s[0]}-"${s[1]}"`,
    `key: '${s[0]}''${s[1]}'`, // YAML: one scalar holding a quote
    `- '${s[0]}''${s[1]}'`,
    `id,"${s[0]}""${s[1]}",x`, // CSV: a doubled quote
    `INSERT INTO t VALUES ('${s[0]}''${s[1]}');`, // SQL
    `x = '${s[0]}''${s[1]}'`, // after a '=' with blanks: not a shell assignment
    `"${s[0]}""${s[1]}"`, // a command name
    `return f"${s[0]}${s[1]}"`, // a string prefix
    `print(b'${s[0]}${s[1]}')`,
    `echo ok # KEY="${s[0]}""${s[1]}"`, // a comment
    `echo "it's" KEY="${s[0]}""${s[1]}`, // a quote that does not close
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('bash +=: an assignment and its appends on the lines below, the same name, alone on their lines; the value at the assignment', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const s = cut(secret, 3);
  const text = `#!/bin/bash\nAWS_SECRET_ACCESS_KEY="${s[0]}"\nAWS_SECRET_ACCESS_KEY+="${s[1]}"\n# the rest from the vault, one day\nexport AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY+='${s[2]}'\nexport AWS_SECRET_ACCESS_KEY\n`;
  const view = foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), 'appends');
  // The lines between stay; the appends' values are taken out (a second round adds nothing).
  assert.is(view.text, `#!/bin/bash\nAWS_SECRET_ACCESS_KEY="${secret}"\nAWS_SECRET_ACCESS_KEY+=""\n# the rest from the vault, one day\nexport AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY+=''\nexport AWS_SECRET_ACCESS_KEY\n`);
  assert.equal(concatenationDecoder.edits(view.text, 0, view.text.length), []);
  // The value maps to the assignment's line only: the key ID between is where it was.
  const i = view.text.indexOf(secret);
  const [a, b] = view.toOriginal(i, i + secret.length);
  assert.ok(place(text, a)[0] === 2 && place(text, b)[0] === 2, 'the value maps to line 2');
  const j = view.text.indexOf(id);
  assert.equal(view.toOriginal(j, j + id.length), [text.indexOf(id), text.indexOf(id) + id.length]);
  const exported = `export AWS_SECRET_ACCESS_KEY=${s[0]}\nAWS_SECRET_ACCESS_KEY+="${s[1]}${s[2]}";\n`;
  assert.is(decoded(concatenationDecoder, exported), `export AWS_SECRET_ACCESS_KEY=${secret}\nAWS_SECRET_ACCESS_KEY+="";\n`);
});

concat('bash +=: left alone with a variable appended, another name, a new assignment between, a condition, or too far below', () => {
  const s = cut(keys.secret(), 2);
  const left = [
    `SECRET="${s[0]}"\nSECRET+="$SUFFIX"\nSECRET+="${s[1]}"`, // a variable: the value is not known
    `SECRET="${s[0]}"\nSECRET+=$(cat key)`,
    `SECRET="${s[0]}"\nOTHER+="${s[1]}"`,
    `SECRET="${s[0]}"\nif [ -n "$CI" ]; then SECRET+="${s[1]}"; fi`,
    `SECRET="${s[0]}"\n[ -n "$CI" ] && SECRET+="${s[1]}"`,
    `SECRET="${s[0]}"\n\n\n\n\nSECRET+="${s[1]}"`, // five lines below
    `SECRET+="${s[1]}"`, // an append alone
    `SECRET="${s[0]}" && SECRET+="${s[1]}"`,
    `x = "${s[0]}"\nx += "${s[1]}"`, // (code's +=, with blanks, is not read here)
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
  // A new assignment starts again: the first value is not joined to what is appended to the second.
  const again = `SECRET="${s[0]}"\nSECRET="${s[1]}"\nSECRET+="x"`;
  assert.is(decoded(concatenationDecoder, again), `SECRET="${s[0]}"\nSECRET="${s[1]}x"\nSECRET+=""`);
});

concat('operators of other languages: Lua .., Elixir <>, Haskell/Zig ++, OCaml ^, VB & (and _), SQL ||, Julia *, Jinja ~', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const joined: [string, string, string][] = [
    ['Lua', `local secret = "${s[0]}" .. "${s[1]}" ..\n  "${s[2]}"`, `local secret = "${secret}"`],
    ['Elixir', `secret = "${s[0]}" <>\n  "${s[1]}" <> "${s[2]}"`, `secret = "${secret}"`],
    ['Haskell', `secret = "${s[0]}"\n  ++ "${s[1]}"\n  ++ "${s[2]}"`, `secret = "${secret}"`],
    ['Zig', `const secret = "${s[0]}" ++ "${s[1]}" ++ "${s[2]}";`, `const secret = "${secret}";`],
    ['OCaml', `let secret = "${s[0]}" ^ "${s[1]}" ^\n  "${s[2]}" in`, `let secret = "${secret}" in`],
    ['VB.NET', `Dim secret As String = "${s[0]}" & "${s[1]}" & _\n    "${s[2]}"`, `Dim secret As String = "${secret}"`],
    ['VB.NET, & at the line end', `Dim secret = "${s[0]}" &\n    "${s[1]}" & "${s[2]}"`, `Dim secret = "${secret}"`],
    ['SQL', `INSERT INTO creds VALUES ('x', '${s[0]}' || '${s[1]}' ||\n  '${s[2]}');`, `VALUES ('x', '${secret}');`],
    ['Julia', `secret = "${s[0]}" * "${s[1]}" *\n  "${s[2]}"`, `secret = "${secret}"`],
    ['Jinja in a YAML folded scalar', `secret: >-\n  {{ '${s[0]}' ~ '${s[1]}' ~ '${s[2]}' }}`, `{{ '${secret}' }}`],
    ['Elixir, a module attribute', `  @secret_access_key "${s[0]}" <> "${s[1]}" <> "${s[2]}"\n`, `@secret_access_key "${secret}"`],
    ['Groovy, + at the start of the next line', `def secret = "${s[0]}"\n    + "${s[1]}"\n    + "${s[2]}"`, `def secret = "${secret}"`],
    ['Gradle, a call without parentheses', `credentials {\n    password "${s[0]}" +\n      "${s[1]}" + "${s[2]}"\n}`, `password "${secret}"\n}`],
  ];
  for (const [what, text, expected] of joined) {
    assert.ok(joinMarker(text), `${what}: the marker says no`);
    assert.ok(decoded(concatenationDecoder, text).includes(expected), `${what}:\n${decoded(concatenationDecoder, text)}`);
    foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), what);
  }
  const left = [
    `local secret = "${s[0]}" .. x .. "${s[1]}${s[2]}"`, // a variable among the pieces
    `secret = "${s[0]}" <> name <> "${s[1]}${s[2]}"`,
    `secret = "${s[0]}" ++ show n ++ "${s[1]}${s[2]}"`,
    `Dim secret = "${s[0]}" & x & "${s[1]}${s[2]}"`,
    `SELECT '${s[0]}' || col || '${s[1]}${s[2]}'`,
    `{{ '${s[0]}' ~ '${s[1]}${s[2]}' | upper }}`, // a filter binds tighter
    `echo "${s[0]}" & "${s[1]}${s[2]}"`, // a shell job in the background
    `x = "${s[0]}" .. "${s[1]}${s[2]}":upper()`, // a method on the last piece
    `k = "${s[0]}" ^ "${s[1]}${s[2]}" ** 2`,
    `if a <= "${s[0]}" * "${s[1]}${s[2]}" then`, // after a comparison that is no assignment
    `  @doc "${s[0]}" <> x <> "${s[1]}${s[2]}"`, // a variable among an attribute's pieces
    `  foo "${s[0]}" <> "${s[1]}${s[2]}"`, // a call without parentheses, not an attribute
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('adjacent literals across lines: C, C++, Dart and Erlang after an assignment, to the end of the statement', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const joined: [string, string, string][] = [
    ['C', `static const char *secret = "${s[0]}"\n    "${s[1]}"\n    "${s[2]}";`, `*secret = "${secret}";`],
    ['C++', `const std::string secret = "${s[0]}" "${s[1]}"\n  "${s[2]}";`, `secret = "${secret}";`],
    ['Dart', `const secret = '${s[0]}'\n    '${s[1]}'\n    '${s[2]}';`, `const secret = '${secret}';`],
    ['Erlang, a comma ends the expression', `Secret = "${s[0]}"\n "${s[1]}"\n "${s[2]}",\nok.`, `Secret = "${secret}",`],
    ['Erlang, a full stop', `secret() -> Secret = "${s[0]}"\n "${s[1]}" "${s[2]}".`, `Secret = "${secret}".`],
    ['Dart, the = at the end of the line before', `const String secret =\n    '${s[0]}'\n    '${s[1]}'\n    '${s[2]}';`, `const String secret =\n    '${secret}';`],
    ['C++, the = at the end of the line before', `constexpr const char* kSecret =\n    "${s[0]}" "${s[1]}"\n    "${s[2]}";`, `    "${secret}";`],
    ['C #define, continued with backslashes', `#define AWS_SECRET_KEY "${s[0]}" \\\n    "${s[1]}" \\\n    "${s[2]}"\n`, `#define AWS_SECRET_KEY "${secret}"`],
    ['Erlang map, =>', `    #{region => "eu-west-1",\n      secret_access_key => "${s[0]}" "${s[1]}" "${s[2]}"}.`, `secret_access_key => "${secret}"}`],
  ];
  for (const [what, text, expected] of joined) {
    assert.ok(joinMarker(text), `${what}: the marker says no`);
    assert.ok(decoded(concatenationDecoder, text).includes(expected), `${what}:\n${decoded(concatenationDecoder, text)}`);
  }
  const left = [
    `secret = "${s[0]}"\n"${s[1]}${s[2]}"\n`, // Python: statements of their own
    `secret: "${s[0]}"\n  "${s[1]}${s[2]}";`, // a YAML key's value
    `- "${s[0]}"\n- "${s[1]}${s[2]}"`, // a YAML list
    `"${s[0]}"\n"${s[1]}${s[2]}"\n`, // CSV rows
    `k = ["${s[0]}",\n  "${s[1]}${s[2]}"];`, // a list: a comma between
    `const char *a = "${s[0]}"\n    x "${s[1]}${s[2]}";`, // a word between
    `if (a == "${s[0]}"\n    "${s[1]}${s[2]}");`.replace('(', ''), // a comparison, not an assignment
    `secret =\n"${s[0]}"\n"${s[1]}${s[2]}"\n`, // no statement end: lines of their own
    `#include "${s[0]}" "${s[1]}${s[2]}"\n`, // not a #define
    `# define "${s[0]}" "${s[1]}${s[2]}"\n`, // a comment that says define
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('list joins of the call table: Elixir, Lua, R, Rust, Swift, Kotlin, Scala, PowerShell, F#, Clojure, Perl, Go, Helm', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const [a, b, c] = s as [string, string, string];
  const joined: [string, string, string][] = [
    ['Elixir Enum.join/1', `secret = Enum.join(["${a}", "${b}", "${c}"])`, `secret = "${secret}"`],
    ['Elixir Enum.join/2 across lines', `secret = Enum.join([\n  "${a}",\n  "${b}",\n  "${c}"\n], "")`, `secret = "${secret}"`],
    ['Lua table.concat', `local secret = table.concat({"${a}", "${b}", "${c}"})`, `local secret = "${secret}"`],
    ['Lua table.concat with ""', `local secret = table.concat({\n  "${a}",\n  "${b}",\n  "${c}",\n}, "")`, `local secret = "${secret}"`],
    ['R paste0', `secret <- paste0("${a}",\n  "${b}", "${c}")`, `secret <- "${secret}"`],
    ['R paste, sep = ""', `secret <- paste("${a}", "${b}",\n  "${c}", sep = "")`, `secret <- "${secret}"`],
    ['Rust [..].concat()', `let secret = ["${a}", "${b}", "${c}"].concat();`, `let secret = "${secret}";`],
    ['Rust concat!', `let secret = concat!("${a}", "${b}", "${c}");`, `let secret = "${secret}";`],
    ['Rust format!', `let secret = format!("{}{}{}", "${a}", "${b}", "${c}");`, `let secret = "${secret}";`],
    ['Swift joined()', `let secret = ["${a}", "${b}", "${c}"].joined()`, `let secret = "${secret}"`],
    ['Swift joined(separator: "")', `let secret = ["${a}", "${b}", "${c}"].joined(separator: "")`, `let secret = "${secret}"`],
    ['Kotlin joinToString("")', `val secret = listOf("${a}", "${b}", "${c}").joinToString("")`, `val secret = "${secret}"`],
    ['Kotlin joinToString(separator = "")', `val secret = arrayOf("${a}", "${b}", "${c}").joinToString(separator = "")`, `val secret = "${secret}"`],
    ['Kotlin buildString', `val secret = buildString {\n  append("${a}")\n  append("${b}"); append("${c}")\n}`, `val secret = "${secret}"`],
    ['Scala mkString', `val secret = Seq("${a}", "${b}", "${c}").mkString`, `val secret = "${secret}"`],
    ['Scala mkString("")', `val secret = List("${a}", "${b}", "${c}").mkString("")`, `val secret = "${secret}"`],
    ['PowerShell -join @()', `$secret = -join @('${a}', '${b}', '${c}')`, `$secret = '${secret}'`],
    ['PowerShell @() -join \'\' across lines', `$secret = @(\n  '${a}',\n  '${b}',\n  '${c}'\n) -join ''`, `$secret = '${secret}'`],
    ['F# String.concat', `let secret = String.concat "" ["${a}"; "${b}"; "${c}"]`, `let secret = "${secret}"`],
    ['Clojure str', `(def secret (str "${a}" "${b}"\n  "${c}"))`, `(def secret "${secret}")`],
    ['Perl join without parentheses', `my $secret = join '', '${a}', '${b}', '${c}';`, `my $secret = '${secret}';`],
    ['Go fmt.Sprintf', `secret := fmt.Sprintf("%s%s%s", "${a}", "${b}", "${c}")`, `secret := "${secret}"`],
    ['Helm printf', `secret: {{ printf "%s%s%s" "${a}" "${b}" "${c}" | b64enc }}`, `{{ "${secret}" | b64enc }}`],
  ];
  for (const [what, text, expected] of joined) {
    assert.ok(joinMarker(text), `${what}: the marker says no`);
    assert.ok(decoded(concatenationDecoder, text).includes(expected), `${what}:\n${decoded(concatenationDecoder, text)}`);
    foundAt(concatenationDecoder, text, secret, text.indexOf(a), what);
  }
  const left = [
    `secret = Enum.join(["${a}", "${b}${c}"], "-")`, // another separator
    `secret = Enum.join(["${a}", x, "${b}${c}"])`, // a variable among the pieces
    `local secret = table.concat({"${a}", "${b}${c}"}, ",")`,
    `secret <- paste("${a}", "${b}${c}")`, // paste's separator is a blank
    `secret <- paste("${a}", "${b}${c}", sep = "-")`,
    `secret <- paste0("${a}", x, "${b}${c}")`,
    `let secret = format!("{}-{}", "${a}", "${b}${c}");`,
    `let secret = format!("{}{}{}", "${a}", "${b}${c}", x);`,
    `let secret = ["${a}", "${b}${c}"].joined(separator: ",")`,
    `val secret = listOf("${a}", "${b}${c}").joinToString()`, // ", " by default
    `val secret = listOf("${a}", "${b}${c}").joinToString(",")`,
    `val secret = buildString {\n  append("${a}")\n  append(x)\n  append("${b}${c}")\n}`,
    `val secret = Seq("${a}", "${b}${c}").mkString(",")`,
    `$secret = @('${a}', '${b}${c}') -join ','`,
    `$secret = -join @('${a}', $x, '${b}${c}')`,
    `let secret = String.concat ", " ["${a}"; "${b}${c}"]`,
    `(def secret (str "${a}" x "${b}${c}"))`,
    `my $secret = join ',', '${a}', '${b}${c}';`,
    `secret := fmt.Sprintf("%s/%s", "${a}", "${b}${c}")`,
    `secret: {{ printf "%s%s" "${a}" .Values.x }}`,
    `val ids = listOf("${a}", "${b}${c}")`, // a list, no join: each is a value of its own
    `local t = {"${a}", "${b}${c}"}`,
    `$parts = @('${a}', '${b}${c}')`,
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('append statements on a dotted receiver (this.sb.append) join as on a plain one', () => {
  const secret = keys.secret();
  const s = cut(secret, 4);
  const text = `  void build() {\n${s.map((x) => `    this.sb.append("${x}");`).join('\n')}\n  }`;
  assert.ok(joinMarker(text));
  foundAt(concatenationDecoder, text, secret, text.indexOf(s[0]!), 'this.sb');
  const mixed = `    this.sb.append("${s[0]}");\n    other.sb.append("${s[1]}${s[2]}${s[3]}");`;
  assert.equal(concatenationDecoder.edits(mixed, 0, mixed.length), [], 'another receiver');
});

concat('CloudFormation, Pulumi and CDK joins: !Join and Fn::Join in YAML (flow and block, quoted or plain pieces) and JSON, fn::join, Fn.join', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const [a, b, c] = s as [string, string, string];
  const joined: [string, string, string][] = [
    ['!Join flow', `      SecretKey: !Join ['', ['${a}', '${b}', '${c}']]`, `SecretKey: '${secret}'`],
    ['!Join flow, plain pieces', `      SecretKey: !Join ["", [${a}, ${b},\n        ${c}]]`, `SecretKey: "${secret}"`],
    ['!Join block', `      SecretKey: !Join\n        - ''\n        - - ${a}\n          - '${b}'\n          - "${c}"\n      Other: x`, `SecretKey: "${secret}"\n      Other: x`],
    ['!Join block, the list on its own lines', `  SecretKey: !Join\n    - ""\n    -\n      - ${a}\n      - ${b}\n      - ${c}\n`, `SecretKey: "${secret}"\n`],
    ['!Join block, the list in flow form', `  SecretKey: !Join\n    - ''\n    - ['${a}', '${b}', ${c}]\n  Other: x`, `SecretKey: "${secret}"\n  Other: x`],
    ['fn::join block, the list in flow form', `  secretKey:\n    fn::join:\n      - ""\n      - ["${a}", "${b}",\n         "${c}"]\n`, `secretKey: "${secret}"\n`],
    ['Fn::Join flow', `  SecretKey:\n    Fn::Join: ['', ['${a}', '${b}', '${c}']]`, `SecretKey: "${secret}"`],
    ['Fn::Join block', `  SecretKey:\n    Fn::Join:\n      - ''\n      - - ${a}\n        - ${b}\n        - ${c}\n`, `SecretKey: "${secret}"\n`],
    ['CloudFormation JSON', `{"SecretKey": {"Fn::Join": ["", [\n  "${a}",\n  "${b}",\n  "${c}"\n]]}}`, `{"SecretKey": "${secret}"}`],
    ['Pulumi YAML', `    secretKey:\n      fn::join: ["", ["${a}", "${b}", "${c}"]]`, `secretKey: "${secret}"`],
    ['CDK', `const secretKey = cdk.Fn.join('', ['${a}', '${b}', '${c}']);`, `const secretKey = '${secret}';`],
    ['CDK, Fn imported', `const secretKey = Fn.join('', [\n  '${a}',\n  '${b}',\n  '${c}',\n]);`, `const secretKey = '${secret}';`],
  ];
  for (const [what, text, expected] of joined) {
    assert.ok(joinMarker(text), `${what}: the marker says no`);
    assert.ok(decoded(concatenationDecoder, text).includes(expected), `${what}:\n${decoded(concatenationDecoder, text)}`);
    foundAt(concatenationDecoder, text, secret, text.indexOf(a), what);
  }
  const left = [
    `SecretKey: !Join [',', ['${a}', '${b}${c}']]`, // another separator
    `SecretKey: !Join ['', ['${a}', !Ref Suffix, '${b}${c}']]`, // a reference among the pieces
    `SecretKey: !Join ['', [${a}, '\${AWS::Region}', ${b}${c}]]`,
    `SecretKey: !Join\n  - ':'\n  - - ${a}\n    - ${b}${c}\n`,
    `SecretKey: !Join\n  - ''\n  - - ${a}\n    - !Ref Suffix\n    - ${b}${c}\n`,
    `SecretKey: !Join\n  - ''\n  - - ${a}\n    - { Ref: Suffix }\n    - ${b}${c}\n`,
    `SecretKey: !Join\n  - ''\n  - ['${a}', !Ref Suffix, '${b}${c}']\n`,
    `SecretKey: !Join\n  - ''\n  - ['${a}', '${b}${c}'] # ok\n  - extra\n`.replace(' # ok', ', x'),
    `Keys:\n  - ${a}\n  - ${b}${c}\n`, // a YAML list: no join
    `Keys: ['${a}', '${b}${c}']`,
    `{"Fn::Join": [",", ["${a}", "${b}${c}"]]}`,
    `{"Keys": ["${a}", "${b}${c}"]}`,
    `const k = cdk.Fn.join('-', ['${a}', '${b}${c}']);`,
    `const k = Fn.join('', ['${a}', stack.region, '${b}${c}']);`,
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('Perl: join with an empty separator over qw(...) or qw{...}, with and without parentheses', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const [a, b, c] = s as [string, string, string];
  const joined: [string, string][] = [
    [`my $secret = join('', qw(${a} ${b} ${c}));`, `my $secret = "${secret}";`],
    [`my $secret = join("", qw(\n  ${a}\n  ${b}\n  ${c}\n));`, `my $secret = "${secret}";`],
    [`my $secret = join '', qw{${a} ${b} ${c}};`, `my $secret = "${secret}";`], // (a key's '/' would end qw/…/)
  ];
  for (const [text, expected] of joined) {
    assert.ok(joinMarker(text), `the marker says no: ${text}`);
    assert.ok(decoded(concatenationDecoder, text).includes(expected), decoded(concatenationDecoder, text));
    foundAt(concatenationDecoder, text, secret, text.indexOf(a), text);
  }
  const left = [
    `my $secret = join(',', qw(${a} ${b}${c}));`,
    `my $secret = join('', qw(${a} ${b}${c}), $x);`,
    `my $secret = join '', qw(${a} ${b}${c}), $x;`,
    `my @parts = qw(${a} ${b}${c});`,
  ];
  for (const text of left) assert.equal(concatenationDecoder.edits(text, 0, text.length), [], text);
});

concat('hostile input returns with bounded edits', () => {
  const big = 1 << 20;
  const inputs: [string, string][] = [
    ['pieces', `k = ${'"a" + '.repeat(big / 6)}"b"`],
    ['long key pieces', `k = ${`"${'A'.repeat(30)}" + `.repeat(big / 36)}"b";`],
    ['quotes', '"'.repeat(big)],
    ['apostrophes', "'".repeat(big)],
    ['backticks', '`'.repeat(big)],
    ['triple quotes', '"""'.repeat(big / 3)],
    ['unterminated', `k = "${'A'.repeat(big)}`],
    ['block comment', `/* ${'"a" + "b" '.repeat(big / 12)}`],
    ['nesting', `${'('.repeat(big / 2)}"${'A'.repeat(20)}"\n"${'B'.repeat(20)}"`],
    ['joins', '"".join(['.repeat(big / 10)],
    ['arrays', `${'['.repeat(big / 2)}"a", "b"].join('')`],
    ['slashes', '/'.repeat(big)],
    ['mixed', '"a"+\'b\'.`c`\n/x/"'.repeat(big / 16)],
  ];
  for (const [what, text] of inputs) {
    const edits = concatenationDecoder.edits(text, 0, text.length);
    assertWellFormed(text, edits, what);
    let out = 0;
    for (const e of edits) out += e.text.length;
    assert.ok(out <= text.length, `${what}: the edits' output is longer than the input`);
  }
  // A chain longer than MAX_PIECES is left alone (a split key has a handful of pieces).
  const many = `k = ${Array.from({ length: 300 }, () => `"${'Ab1/'.repeat(6)}"`).join(' + ')};`;
  assert.equal(concatenationDecoder.edits(many, 0, many.length), []);  // 100,000 glued parts on one line, as a value and as an argument, and 100,000 appends: read once
  // each, left alone whole (more parts than a key has), and a glued key after them still joined.
  const key = cut(keys.secret(), 2);
  const tail = `\nAWS_SECRET_ACCESS_KEY="${key[0]}""${key[1]}"\n`;
  for (const [what, text] of [
    ['a value of 100k parts', `K=${'"a"'.repeat(100_000)}${tail}`],
    ['an argument of 100k parts', `echo x ${'"Ab1/""Cd2+"'.repeat(50_000)}${tail}`],
    ['100k appends', `K="${key[0]}"\n${`K+="${key[1]}"\n`.repeat(100_000)}${tail}`],
    ['100k assignments', `${`K="${key[0]}"\n`.repeat(100_000)}${tail}`],
    ['a StringBuilder with 100k appends', `String k = new StringBuilder()${'.append("a")'.repeat(100_000)}.toString();${tail}`],
    ['100k appends of one literal', `k.append("${key[0]}")${'.append("a")'.repeat(100_000)};${tail}`],
    ['100k append statements', `${'sb.append("Ab1/");\n'.repeat(100_000)}${tail}`],
    ['a word array of 100k words', `K = %w[${'Ab1/ '.repeat(100_000)}].join${tail}`],
    ['100k word arrays in one', `K = %w(${'%w[Ab1/ '.repeat(100_000)}).join${tail}`],
    ['100k unclosed word arrays', `${'K = %w[Ab1/Cd2+ Ef3/\n'.repeat(100_000)}${tail}`],
    ['100k pieces joined by ..', `K = ${'"Ab1/" .. '.repeat(100_000)}"x"${tail}`],
    ['100k pieces joined by || across lines', `K = ${"'Ab1/' ||\n".repeat(100_000)}'x';${tail}`],
    ['100k adjacent literals a line', `K = ${'"Ab1/"\n'.repeat(100_000)};${tail}`],
    ['100k VB continuations', `${'x = "Ab1/Cd2+Ef3/" & _\n'.repeat(100_000)}${tail}`],
    ['100k Elixir joins, unclosed', `${'Enum.join(["Ab1/", '.repeat(100_000)}${tail}`],
    ['a list join of 100k pieces', `K = listOf(${'"Ab1/", '.repeat(100_000)}"x").joinToString("")${tail}`],
    ['100k Clojure strs', `${'(str "Ab1/Cd2+" '.repeat(100_000)}${tail}`],
    ['100k printf formats', `{{ ${'printf "%s%s" '.repeat(100_000)} }}${tail}`],
    ['buildString with 100k appends', `K = buildString {\n${'  append("Ab1/")\n'.repeat(100_000)}}${tail}`],
    ['100k !Join triggers', `${"K: !Join ['', ['Ab1/Cd2+', \n".repeat(100_000)}${tail}`],
    ['a !Join block of 100k items', `K: !Join\n  - ''\n  - - Ab1/\n${'    - Ab1/\n'.repeat(100_000)}${tail}`],
    ['a qw list of 100k words', `K = join('', qw(${'Ab1/ '.repeat(100_000)}));${tail}`],
    ['100k unclosed qw lists', `${"K = join('', qw(Ab1/Cd2+ Ef3/\n".repeat(100_000)}${tail}`],
    ['100k Jinja pieces', `{{ ${"'Ab1/' ~ ".repeat(100_000)}'x' }}${tail}`],
  ]) {
    const edits = concatenationDecoder.edits(text!, 0, text!.length);
    assertWellFormed(text!, edits, what!);
    assert.is(edits.length, 1, what);
    assert.is(edits[0]!.text, `"${key.join('')}"`, what);
  }
});

concat('random token soup: edits sorted, inside the text, origins inside their edit, never a throw', () => {
  const parts = ['"', "'", '`', '+', ' + ', '.', ' ', '\n', '(', ')', '[', ']', ',', '=', '/', '*', '#', '\\', '"".join(', '.join(\'\')', 'x', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abc123+/'];
  const random = keys.random;
  for (let n = 0; n < 400; n++) {
    let text = '';
    const length = 5 + Math.floor(random() * 80);
    for (let i = 0; i < length; i++) text += parts[Math.floor(random() * parts.length)];
    const from = Math.floor(random() * text.length);
    const to = from + Math.floor(random() * (text.length - from + 1));
    for (const d of [concatenationDecoder, continuationDecoder]) {
      const edits = d.edits(text, from, to);
      assertWellFormed(text, edits, `${d.name} ${JSON.stringify(text)}`);
      for (const e of edits) assert.ok(e.start >= from && e.start < to, `${d.name}: a construct starting outside [from, to)`);
    }
  }
});

concat.run();

// ---------------------------------------------------------------------------------------------
const cont = suite('continuation');

cont('sh: an export and aws configure set continued inside the secret; the value points at its first line', () => {
  const secret = keys.secret();
  const s = cut(secret, 3);
  const exp = `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${keys.keyId()}\nexport AWS_SECRET_ACCESS_KEY=${s[0]}${s[1]}\\\n${s[2]}\naws s3 ls\n`;
  const view = foundAt(continuationDecoder, exp, secret, exp.indexOf(s[0]!), 'export');
  assert.ok(view.text.includes(`export AWS_SECRET_ACCESS_KEY=${secret}\naws s3 ls`), view.text);
  const set = `aws configure set aws_secret_access_key "${s.join('\\\n')}" --profile backup\n`;
  const setView = foundAt(continuationDecoder, set, secret, set.indexOf(s[0]!), 'configure set');
  assert.is(setView.text, `aws configure set aws_secret_access_key "${secret}" --profile backup\n`);
  const last = `export AWS_SECRET_ACCESS_KEY=${s[0]}${s[1]}\\\n${s[2]}`;
  assert.is(decoded(continuationDecoder, last), `export AWS_SECRET_ACCESS_KEY=${secret}`, 'the last line, without a newline');
  const crlf = `export AWS_SECRET_ACCESS_KEY="${s[0]}\\\r\n${s[1]}${s[2]}"\r\n`;
  assert.is(decoded(continuationDecoder, crlf), `export AWS_SECRET_ACCESS_KEY="${secret}"\r\n`);
});

cont('Dockerfile: ENV continued inside the key ID and the secret, blanks after the backslash allowed', () => {
  const id = keys.keyId();
  const secret = keys.secret();
  const i = cut(id, 2);
  const s = cut(secret, 2);
  const text = `FROM node:20-alpine\nENV NODE_ENV=production \\\n    AWS_REGION=eu-west-1 \\\n    AWS_ACCESS_KEY_ID=${i[0]}\\\n${i[1]} \\\n    AWS_SECRET_ACCESS_KEY=${s[0]}\\  \n${s[1]}\nWORKDIR /srv\n`;
  const view = foundAt(continuationDecoder, text, id, text.indexOf(i[0]!), 'key ID');
  foundAt(continuationDecoder, text, secret, text.indexOf(s[0]!), 'secret');
  assert.ok(view.text.includes(`    AWS_ACCESS_KEY_ID=${id} \\\n    AWS_SECRET_ACCESS_KEY=${secret}\nWORKDIR`), view.text);
  // sh does not continue a line whose backslash is followed by blanks.
  const sh = `export AWS_SECRET_ACCESS_KEY=${s[0]}\\  \n${s[1]}\n`;
  assert.equal(continuationDecoder.edits(sh, 0, sh.length), []);
});

cont('the next line\'s indentation is kept, as sh and Docker keep it: an indented piece is not glued', () => {
  const s = cut(keys.secret(), 2);
  const texts = [`export AWS_SECRET_ACCESS_KEY="${s[0]}\\\n    ${s[1]}"\n`, `ENV AWS_SECRET_ACCESS_KEY=${s[0]}\\\n    ${s[1]}\n`, `export AWS_SECRET_ACCESS_KEY=${s[0]}\\\n\t${s[1]}\n`];
  for (const text of texts) assert.equal(continuationDecoder.edits(text, 0, text.length), [], text);
});

cont('left alone: single quotes, comments, an escaped backslash, $\'…\', flag lists, a Windows Dockerfile', () => {
  const s = cut(keys.secret(), 2);
  const texts = [
    `export AWS_SECRET_ACCESS_KEY='${s[0]}\\\n${s[1]}'\n`,
    `# export AWS_SECRET_ACCESS_KEY=${s[0]}\\\n${s[1]}\n`,
    `export AWS_SECRET_ACCESS_KEY=x # ${s[0]}\\\n${s[1]}\n`,
    `export AWS_SECRET_ACCESS_KEY=${s[0]}\\\\\n${s[1]}\n`,
    `export AWS_SECRET_ACCESS_KEY=$'${s[0]}\\\n${s[1]}'\n`,
    `docker run --rm \\\n  -e AWS_ACCESS_KEY_ID \\\n  -e AWS_SECRET_ACCESS_KEY \\\n  amazon/aws-cli s3 ls\n`,
    `# escape=\`\nFROM mcr.microsoft.com/windows/servercore\nENV AWS_SECRET_ACCESS_KEY=${s[0]}\\\n${s[1]}\n`,
  ];
  for (const text of texts) assert.equal(continuationDecoder.edits(text, 0, text.length), [], text);
  // A plain key followed by " \" keeps its end: nothing is glued to it.
  const plain = `export AWS_ACCESS_KEY_ID=${keys.keyId()} \\\n  AWS_SECRET_ACCESS_KEY=${keys.secret()}\n`;
  assert.equal(continuationDecoder.edits(plain, 0, plain.length), []);
  // Short words glued by a continuation are not key-long.
  const short = `make CFLAGS=-O2\\\nall\n`;
  assert.equal(continuationDecoder.edits(short, 0, short.length), []);
});

cont('a continuation starting in [from, to) is proposed, one before from is not; a piece on a line of its own joins both', () => {
  const s = cut(keys.secret(), 3);
  const text = `A=1\nexport AWS_SECRET_ACCESS_KEY=${s[0]}\\\n${s[1]}\\\n${s[2]}\nB=2\n`;
  const at = text.indexOf('export');
  assert.is(continuationDecoder.edits(text, 0, at).length, 0);
  const backslash = text.indexOf('\\', at);
  assert.is(continuationDecoder.edits(text, at, backslash).length, 0, 'the construct starts at its first backslash');
  const edits = continuationDecoder.edits(text, at, backslash + 1);
  // One edit for the construct: the middle piece kept, the two backslash-newlines removed.
  assert.is(edits.length, 1);
  assert.is(edits[0]!.text, s[1]);
  assert.is(decoded(continuationDecoder, text), `A=1\nexport AWS_SECRET_ACCESS_KEY=${s.join('')}\nB=2\n`);
  const inside = text.indexOf(s[1]!);
  assert.is(continuationDecoder.edits(text, inside, text.length).length, 0, 'from inside the construct');
});

cont('hostile input returns with bounded edits', () => {
  const big = 1 << 20;
  const inputs: [string, string][] = [
    ['backslash-newlines', '\\\n'.repeat(big / 2)],
    ['key pieces', 'Ab1/\\\n'.repeat(big / 6)],
    ['long key lines', `${'A'.repeat(100)}\\\n`.repeat(big / 102)],
    ['quotes', '"'.repeat(big)],
    ['apostrophes per line', "a'b\\\ncd\n".repeat(big / 8)],
    ['one apostrophe', `'${'Abc\\\ndef\n'.repeat(big / 9)}`],
    ['backslashes', '\\'.repeat(big)],
    ['docker', `ENV A=${'x\\\n'.repeat(big / 3)}`],
  ];
  for (const [what, text] of inputs) {
    const edits = continuationDecoder.edits(text, 0, text.length);
    assertWellFormed(text, edits, what);
    let removed = 0;
    for (const e of edits) removed += e.end - e.start - e.text.length;
    assert.ok(removed >= 2 * edits.length, `${what}: an edit that removes no backslash-newline`);
    // A logical line is read up to 256 lines: a longer run of backslash-newlines is left alone.
    assert.ok(removed <= 3 * 256 * Math.max(1, edits.length), `${what}: more removed than one logical line holds`);
  }
});

cont.run();
