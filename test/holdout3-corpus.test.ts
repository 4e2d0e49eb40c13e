// The second blind corpus, bench/holdout3 (issue 14's classes): its generator is deterministic, refuses
// to overwrite a folder that is not a corpus, and every label points at a line that really holds the
// value, an encoding of it that starts there, or its first piece. The decoders below are this test's
// own, independent of the generator's bookkeeping. keyhound is not run.
import { test } from 'uvu';
import { holdoutCorpusTests, type Label } from './helpers/holdout-corpus.js';

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
    if (lines[at].trimEnd().endsWith(m[0]) || lines[at].trimEnd().endsWith(`${m[0]}"`)) {
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

/** Split: string literals from line `at` on, joined in order from one that starts on that line. */
function piecesHold(lines: string[], at: number, value: string): boolean {
  const lit = /"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|%w\[([^\]]*)\]/g;
  const found: { line: number; text: string }[] = [];
  for (let k = at; k < Math.min(lines.length, at + 8); k++) {
    for (const m of lines[k].matchAll(lit)) {
      if (m[4] !== undefined) for (const w of m[4].split(/\s+/).filter(Boolean)) found.push({ line: k, text: w });
      else found.push({ line: k, text: m[1] ?? m[2] ?? m[3] ?? '' });
    }
  }
  for (let s = 0; s < found.length && found[s].line === at; s++) {
    let acc = '';
    for (let e = s; e < found.length && acc.length < value.length; e++) acc += found[e].text;
    if (acc === value && found[s].text.length > 0 && found[s].text.length < value.length) return true;
  }
  // Shell: a word continued on the next line with backslash-newline.
  if (lines[at].endsWith('\\') && at + 1 < lines.length) {
    const joined = lines[at].slice(0, -1) + lines[at + 1];
    if (joined.includes(value)) return true;
  }
  return false;
}

/** Why a label does not hold, or null when it does. */
function check(lines: string[], l: Label): string | null {
  const at = l.line - 1;
  const line = lines[at];
  if (line === undefined) return 'no such line';
  const literal = line.includes(value(l));
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
const value = (l: Label) => l.value;

holdoutCorpusTests(test, 'holdout3', { files: [120, 200], labels: [200, 300], perClass: 40 }, check);

test.run();
