// The shell decoder's marker finds its cuts with a regex and reads each cut's run (for speed): it must
// answer exactly as the character loop it replaced, which is kept here as the oracle.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { concatenationMarker, shellMarker } from '../src/decode/split/markers.js';
import { concatenationDecoder } from '../src/decode/split.js';

const isKeyChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
const isQuote = (c: number): boolean => c === 34 || c === 39;

/** What shellMarker was: a `NAME+=` at a line's start, or (the loop) a run of 20 key characters crossing glued quotes. */
function oracle(text: string): boolean {
  if (/^[ \t]*[A-Za-z0-9_-]+\+=/m.test(text)) return true;
  let run = 0;
  let crossed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isKeyChar(c)) {
      run++;
      if (crossed && run >= 20) return true;
      continue;
    }
    if (isQuote(c) && run > 0) {
      let j = i;
      while (j < text.length && isQuote(text.charCodeAt(j))) j++;
      if (j < text.length && isKeyChar(text.charCodeAt(j)) && (text.charCodeAt(i - 1) !== 61 || j - i >= 2)) {
        crossed = true;
        i = j - 1;
        continue;
      }
    }
    run = 0;
    crossed = false;
  }
  return false;
}

/** A small PRNG, so a failure names a seed that reproduces it. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test('shellMarker answers as the character loop on 20,000 generated texts of key characters, quotes, = and blanks', () => {
  const pieces = ['a', 'B', '7', '+', '/', '=', '"', "'", '""', ' ', '\n', '(', 'abcdefgh', 'ABCDEFGHIJ', '="', "=''"];
  let yes = 0;
  for (let seed = 1; seed <= 20_000; seed++) {
    const r = prng(seed);
    let text = '';
    const n = 2 + Math.floor(r() * 30);
    for (let k = 0; k < n; k++) text += pieces[Math.floor(r() * pieces.length)];
    const want = oracle(text);
    if (want) yes++;
    assert.is(shellMarker(text), want, `seed ${seed}: ${JSON.stringify(text)}`);
  }
  assert.ok(yes > 1000 && yes < 19_000, `both answers are generated (${yes} yes)`);
});

test('shellMarker: the cases by hand', () => {
  assert.ok(shellMarker(`SECRET="abcdefghij""klmnopqrst"`));
  assert.ok(shellMarker(`x abcdefghij'klmnopqrstu'`));
  assert.not.ok(shellMarker(`SECRET="abcdefghijklmnopqrstuvwxyz"`), 'one quote after = opens a value');
  assert.not.ok(shellMarker(`a="abcdefghij" "klmnopqrst"`), 'a blank is no glue');
  assert.ok(shellMarker(`A+=x\n`), 'an append');
});

const pieces = ['wJk3R9sVb7mQ2xZp', 'LcN5tYh8Gd4Ea6Uf', 'Rn1Kq'];

test('concatenationMarker: another language\'s operator is one token, and not on a comment line', () => {
  const sql = `UPDATE settings SET secret = '${pieces[0]}' || '${pieces[1]}' || '${pieces[2]}';`;
  assert.ok(concatenationMarker(sql), 'SQL ||');
  assert.ok(concatenationMarker(`secret_access_key: "${pieces[0]}" <>\n  "${pieces[1]}"`), 'Elixir <> after a keyword');
  // a TypeScript union is no join: `|` alone is no operator
  assert.not.ok(concatenationMarker(`type T = "${pieces[0]}" | "${pieces[1]}";`));
  // the SDKs' documented enumerations, in comments
  assert.not.ok(concatenationMarker(` * //   Type: "${pieces[0]}" || "${pieces[1]}",`));
  assert.not.ok(concatenationMarker(`  # secret = "${pieces[0]}" || "${pieces[1]}"`));
  // `+` keeps its old rule, comment or not (its lexer decides)
  assert.ok(concatenationMarker(`// s = "${pieces[0]}" + "${pieces[1]}"`));
});

test('concatenationMarker: commas are cuts only where a list-join call is written as a call, not where prose says "format"', () => {
  const list = `"${pieces[0]}", "${pieces[1]}"`;
  assert.not.ok(concatenationMarker(`"documentation": "The format of the value.", "enum": [${list}]`));
  for (const call of [`"".join([${list}])`, `paste0(${list})`, `Seq(${list}).mkString`, `format!("{}{}", ${list})`, `-join @(${list})`, `join '', ${list};`]) {
    assert.ok(concatenationMarker(call), call);
  }
});

test('concatenationMarker says yes wherever the decoder joins with another language\'s operator', () => {
  // the decoder's own answer on every form: the marker must not be stricter than the edits
  const forms = [
    (a: string, b: string) => `local secret = "${a}" .. "${b}"`,
    (a: string, b: string) => `secret_access_key: "${a}" <>\n  "${b}"`,
    (a: string, b: string) => `secret = "${a}" ++ "${b}"`,
    (a: string, b: string) => `let secret = "${a}" ^ "${b}"`,
    (a: string, b: string) => `Const Secret As String = "${a}" & _\n  "${b}"`,
    (a: string, b: string) => `SELECT '${a}' || '${b}' AS secret`,
    (a: string, b: string) => `secret = "${a}" * "${b}"`,
    (a: string, b: string) => `secret: "{{ '${a}' ~ '${b}' }}"`,
    (a: string, b: string) => `// secret = "${a}" || "${b}"`,
    (a: string, b: string) => `Type: "${a}" || "${b}",`,
  ];
  let joined = 0;
  for (const form of forms) {
    const text = form(pieces[0]! + pieces[2]!, pieces[1]!);
    const edits = concatenationDecoder.edits(text, 0, text.length);
    if (edits.length > 0) {
      joined++;
      assert.ok(concatenationMarker(text), `the decoder joins, the marker says no: ${text}`);
    }
  }
  assert.ok(joined >= 6, `${joined} forms joined`);
});

test.run();
