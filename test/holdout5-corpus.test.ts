// The fourth blind corpus, bench/holdout5 (issue 14's classes, "corpus 7"): its generator is
// deterministic, refuses to overwrite a folder that is not a corpus, and every label points at a line
// that really holds the value, an encoding of it that starts there, or its first piece. The decoders
// below are this test's own, independent of the generator's bookkeeping. keyhound is not run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { holdoutCorpusTests, loadGenerator, type Label } from './helpers/holdout-corpus.js';

/**
 * The line decoded whole, one way at a time: JSON string escapes (\/, \uXXXX in either case), HTML
 * character references (decimal, hex in either case, the few named ones), URL-encoding (%XX).
 */
function lineDecodings(line: string): string[] {
  const named: Record<string, string> = { plus: '+', sol: '/', equals: '=', amp: '&', quot: '"', lt: '<', gt: '>' };
  return [
    line.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replaceAll('\\/', '/'),
    line.replace(/&#(\d+);|&#[xX]([0-9a-fA-F]+);|&([a-z]+);/g, (m, d?: string, h?: string, n?: string) => (d ? String.fromCharCode(Number(d)) : h ? String.fromCharCode(parseInt(h, 16)) : named[n ?? ''] ?? m)),
    line.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  ];
}

const B64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Is there base64 on line `at` (0-based) which, decoded as one block with the wrapped lines around it,
 * holds the value, with the character that carries the value's first bit on that line?
 */
function base64Holds(lines: string[], at: number, value: string): boolean {
  for (const m of lines[at].matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) {
    const trimmed = lines[at].trim();
    let start = at;
    // A run that is the whole line may continue a block started on the lines above.
    if (trimmed === m[0]) while (start > 0 && B64_LINE.test(lines[start - 1].trim()) && lines[start - 1].trim().length >= m[0].length) start--;
    const parts: { line: number; text: string }[] = [];
    for (let k = start; k < at; k++) parts.push({ line: k, text: lines[k].trim() });
    parts.push({ line: at, text: m[0] });
    if (trimmed === m[0]) {
      for (let k = at + 1; k < lines.length && B64_LINE.test(lines[k].trim()); k++) parts.push({ line: k, text: lines[k].trim() });
    }
    const all = parts.map((p) => p.text).join('');
    const owner: number[] = [];
    for (const p of parts) for (let c = 0; c < p.text.length; c++) owner.push(p.line);
    const bytes = Buffer.from(all.slice(0, all.length - (all.length % 4)), 'base64');
    let p = bytes.indexOf(Buffer.from(value));
    while (p >= 0) {
      if (owner[Math.floor((p * 8) / 6)] === at) return true;
      p = bytes.indexOf(Buffer.from(value), p + 1);
    }
  }
  return false;
}

/** Quoted-printable: the value starts in the decoded text of line `at`, soft breaks undone after it. */
function qpHolds(lines: string[], at: number, value: string): boolean {
  const dec = (s: string) => s.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const own = lines[at].endsWith('=') ? lines[at].slice(0, -1) : lines[at];
  let chain = own;
  for (let k = at; lines[k].endsWith('=') && k + 1 < lines.length; k++) chain += lines[k + 1].endsWith('=') ? lines[k + 1].slice(0, -1) : lines[k + 1];
  const text = dec(chain);
  const p = text.indexOf(value);
  return p >= 0 && p < dec(own).length;
}

/**
 * Split: string literals from line `at` on (and Ruby %w[] / Perl qw() words), joined in order from one
 * that starts on that line; or a shell word continued with backslash-newline.
 */
function piecesHold(lines: string[], at: number, value: string): boolean {
  const lit = /"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|%w\[([^\]]*)\]|\bqw\(([^)]*)\)/g;
  const found: { line: number; text: string }[] = [];
  for (let k = at; k < Math.min(lines.length, at + 8); k++) {
    for (const m of lines[k].matchAll(lit)) {
      const words = m[4] ?? m[5];
      if (words !== undefined) for (const w of words.split(/\s+/).filter(Boolean)) found.push({ line: k, text: w });
      else found.push({ line: k, text: m[1] ?? m[2] ?? m[3] ?? '' });
    }
  }
  for (let s = 0; s < found.length && found[s].line === at; s++) {
    let acc = '';
    for (let e = s; e < found.length && acc.length < value.length; e++) acc += found[e].text;
    if (acc === value && found[s].text.length > 0 && found[s].text.length < value.length) return true;
  }
  if (lines[at].endsWith('\\') && at + 1 < lines.length) {
    const joined = lines[at].slice(0, -1) + lines[at + 1];
    if (joined.includes(value) && !lines[at].includes(value)) return true;
  }
  return false;
}

/** Why a label does not hold, or null when it does. */
function check(lines: string[], l: Label): string | null {
  const at = l.line - 1;
  const line = lines[at];
  if (line === undefined) return 'no such line';
  const literal = line.includes(l.value);
  if (l.class === 'plain' || l.class === 'name-apart') return literal ? null : 'value not on the line';
  if (l.class === 'split') {
    if (literal) return 'split value written whole';
    return piecesHold(lines, at, l.value) ? null : 'pieces do not rebuild the value from this line';
  }
  if (literal) return /glued to =3D/.test(l.form) && line.includes(`=3D${l.value}`) ? null : 'encoded value written plainly';
  if (lineDecodings(line).some((t) => t.includes(l.value))) return null;
  if (base64Holds(lines, at, l.value)) return null;
  if (qpHolds(lines, at, l.value)) return null;
  return 'no encoding of the value starts on the line';
}

holdoutCorpusTests(test, 'holdout5', { files: [130, 180], labels: [220, 320], perClass: 45 }, check);

test('values are synthetic and distinct; no AWS documentation key and no placeholder is labelled', async () => {
  const { labels, files, negatives } = (await loadGenerator('holdout5')).build(1);
  const byValue = new Map<string, Set<string>>();
  for (const l of labels) byValue.set(l.value, (byValue.get(l.value) ?? new Set()).add(l.path));
  for (const [v, paths] of byValue) assert.is(paths.size, 1, `${v.slice(0, 8)}… labelled in ${[...paths].join(', ')}`);
  for (const l of labels) {
    assert.not.ok(/EXAMPLE/.test(l.value) || l.value.startsWith('wJalrXUtnFEMI'), `${l.path}:${l.line} looks like the documentation key`);
    assert.not.ok(/(YOUR|HERE|REPLACE|CHANGEME|PLACEHOLDER|DUMMY|TEST|FAKE)/i.test(l.value.slice(4, 20)), `${l.path}:${l.line} looks like a placeholder`);
  }
  const text = new Map(files.map((f) => [f.path, f.text]));
  // In the placeholder files, every ID-shaped word is a word placeholder, and none is labelled.
  for (const n of negatives.filter((x) => x.class === 'neg-placeholder-words')) {
    const ids = (text.get(n.path) ?? '').match(/\b(AKIA|ASIA)[A-Z2-7]{16}\b/g) ?? [];
    assert.ok(ids.length >= 1, `${n.path}: no ID-shaped placeholder`);
    for (const id of ids) assert.ok(/(YOUR|HERE|REPLACE|CHANGEME|TEMP|TEST|FAKE|XXXX)/.test(id), `${n.path}: ${id} is not a word placeholder`);
    assert.not.ok(labels.some((l) => l.path === n.path), `${n.path} has a label`);
  }
  // In the blob files, the ID-shaped run sits inside the blob: base64 characters on both sides.
  for (const n of negatives.filter((x) => x.class === 'neg-base64-blob')) {
    const t = text.get(n.path) ?? '';
    const runs = [...t.matchAll(/(AKIA|ASIA)[A-Z2-7]{16}/g)];
    assert.ok(runs.length >= 1, `${n.path}: no ID-shaped run in the blob`);
    for (const r of runs) {
      const i = r.index ?? 0;
      assert.ok(/[A-Za-z0-9+/]/.test(t[i - 1] ?? '') && /[A-Za-z0-9+/]/.test(t[i + 20] ?? ''), `${n.path}: ID-shaped run at ${i} is not inside the blob`);
    }
    assert.not.ok(labels.some((l) => l.path === n.path), `${n.path} has a label`);
  }
});

test('each class uses many forms and file kinds, and some files have CRLF line endings', async () => {
  const { labels, files } = (await loadGenerator('holdout5')).build(1);
  for (const c of ['encoded', 'split', 'name-apart']) {
    const forms = new Set(labels.filter((l) => l.class === c).map((l) => l.form.replace(/ \(.*|, beside.*/, '')));
    const exts = new Set(labels.filter((l) => l.class === c).map((l) => (l.path.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? l.path.split('/').pop() ?? '').toLowerCase()));
    assert.ok(forms.size >= 10, `${c}: only ${forms.size} forms`);
    assert.ok(exts.size >= 8, `${c}: only ${exts.size} kinds of file`);
  }
  assert.ok(files.filter((f) => f.text.includes('\r\n')).length >= 5, 'fewer than 5 CRLF files');
});

test.run();
