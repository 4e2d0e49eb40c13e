// Quoted-printable (issue 14): a mail's text part with `Content-Transfer-Encoding: quoted-printable`
// writes `=` as `=3D`, non-ASCII as `=C3=A9`, and cuts every line longer than 76 characters with a
// soft line break (`=` at the end of the line), which cuts keys in two.
//
// A line ending in `=` is common in code (`x =` before a value on the next line), so this decoder is
// strict about where it works: in a body whose MIME part header says quoted-printable (looked for up
// to LOOK_AROUND before the region), or, with no header in sight, in a run of at least two lines that
// only quoted-printable writes: each cut by a soft break at 70-76 characters, with no `=` that is not
// an escape. Elsewhere it does nothing.
//
// Each escape and each soft break is its own edit, a soft break one that removes `=` and the line
// end: every character of a cut key stays where it was written, so a finding points at the line
// holding the key's first character.
import type { Decoder, Edit } from '../types.js';
import { LOOK_AROUND, byteRunEdits, guarded, hexByte, type ByteEscape } from './shared.js';

export const quotedPrintableDecoder: Decoder = {
  name: 'quoted-printable',
  // Its MIME header may be far above the key: a long mail's text part begins with it.
  lookAround: LOOK_AROUND,
  edits: guarded(qpEdits),
};

/** RFC 2045: encoded lines are at most 76 characters, the soft break's `=` included. */
const MAX_LINE = 76;
/** Encoders fill a line before they cut it: a soft-broken line shorter than this is not their work. */
const MIN_CUT_LINE = 70;
/** Whitespace allowed between a soft break's `=` and the line end (transport padding). */
const MAX_PADDING = 16;

function qpEdits(text: string, from: number, to: number): Edit[] {
  if (!hasQpSign(text, from, to)) return [];
  const edits: Edit[] = [];
  for (const [a, b] of qpBodies(text, from, to)) decodeBody(text, Math.max(a, from), Math.min(b, to), edits);
  return edits;
}

/** Whether [from, to) holds an `=` escape or an `=` ending a line: nothing to do otherwise. */
function hasQpSign(text: string, from: number, to: number): boolean {
  const head = text.slice(0, to); // searched up to `to` only, never to the file's end
  for (let i = head.indexOf('=', from); i !== -1; i = head.indexOf('=', i + 1)) {
    if (hexByte(text, i + 1) >= 0 || softBreakEnd(text, i) > 0) return true;
  }
  return false;
}

/** The end of the soft break whose `=` is at `at` (after its line end), or -1. */
function softBreakEnd(text: string, at: number): number {
  let i = at + 1;
  while (i - at <= MAX_PADDING && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '\n') return i + 1;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return -1;
}

/** Decode the escapes and soft breaks that start in [from, to) of a quoted-printable body. */
function decodeBody(text: string, from: number, to: number, edits: Edit[]): void {
  let run: ByteEscape[] = [];
  const flush = (): void => {
    byteRunEdits(run, edits);
    run = [];
  };
  const head = text.slice(0, to);
  for (let i = head.indexOf('=', from); i !== -1; ) {
    const byte = hexByte(text, i + 1);
    if (i >= to) {
      // Past `to`, only the UTF-8 continuation bytes that finish a character begun before it.
      if (text[i] !== '=' || byte < 0x80 || byte >= 0xc0 || run.length === 0 || run[run.length - 1]!.end !== i || run.length >= 4) break;
      run.push({ start: i, end: i + 3, byte });
      i = i + 3;
      continue;
    }
    if (byte >= 0) {
      if (run.length > 0 && run[run.length - 1]!.end !== i) flush();
      run.push({ start: i, end: i + 3, byte });
      // An escape right after this one is read even past `to`, when it may finish a character.
      i = text[i + 3] === '=' ? i + 3 : head.indexOf('=', i + 3);
      continue;
    }
    flush();
    const end = softBreakEnd(text, i);
    if (end > 0) edits.push({ start: i, end, text: '' });
    i = head.indexOf('=', end > 0 ? end : i + 1);
  }
  flush();
}

// ---- where quoted-printable is ----------------------------------------------------------------

/** [start, end) of the quoted-printable bodies (MIME-declared, or recognised without headers) that meet [from, to). */
function qpBodies(text: string, from: number, to: number): [number, number][] {
  const declared = mimeBodies(text, from, to);
  if (declared.length > 0) return declared;
  // Without headers, a body is lines cut by soft breaks: none in the region (most code), none to read.
  return /=[ \t]*\r?\n/.test(text.slice(from, to + 2)) ? headerlessBodies(text, from, to) : [];
}

/** The lines of text[start, limit): each line without its line end, and where the next one starts. */
function* linesOf(text: string, start: number, limit: number): Generator<{ at: number; line: string; end: number }> {
  // Searched in text up to `limit` only: a file of one huge line costs this call no more than its window.
  const window = text.slice(0, limit);
  for (let at = start; at < limit; ) {
    const nl = window.indexOf('\n', at);
    const end = nl === -1 ? limit : nl + 1;
    const line = text.slice(at, nl === -1 ? limit : nl);
    yield { at, line: line.endsWith('\r') ? line.slice(0, -1) : line, end };
    at = end;
  }
}

/** The start of the line holding `at`, looked for at most LOOK_AROUND back (else that far back). */
function lineStart(text: string, at: number): number {
  const floor = Math.max(0, at - LOOK_AROUND);
  return floor + text.slice(floor, at).lastIndexOf('\n') + 1;
}

/** The start of the line `n` lines above the line starting at `at` (bounded as lineStart is). */
function linesAbove(text: string, at: number, n: number): number {
  for (let k = 0; k < n && at > 0; k++) at = lineStart(text, at - 1);
  return at;
}

const CTE = /^content-transfer-encoding\s*:/i;
const CTE_QP = /^content-transfer-encoding\s*:\s*"?quoted-printable"?\s*(?:;.*)?$/i;
/** An mbox message separator (`From sender Mon Mar  2 09:14:00 2026`), not a body line saying "From …". */
const MBOX_FROM = /^From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d/;
const BOUNDARY = /boundary\s*=\s*(?:"([^"\r\n]{1,70})"|([^\s;"]{1,70}))/i;

/**
 * Bodies of MIME parts declared quoted-printable, read line by line from LOOK_AROUND before `from`
 * to `to`. The reading may start anywhere in a mail, so it is lenient: a Content-Transfer-Encoding
 * line starts a header block wherever it is, a blank line ends it, and a body ends at a line
 * `--boundary` (a boundary named in a Content-Type header) or at an mbox `From ` line.
 */
function mimeBodies(text: string, from: number, to: number): [number, number][] {
  const start = lineStart(text, Math.max(0, from - LOOK_AROUND));
  // A native search first (this runs for every region with an `=10`-like pair, i.e. most code); the
  // case-insensitive regex only where it may match.
  const window = text.slice(start, to);
  if ((!window.includes('rintable') && !window.includes('RINTABLE')) || !/quoted-printable/i.test(window)) return [];
  const bodies: [number, number][] = [];
  const boundaries = new Set<string>();
  let inHeaders = false;
  let qp = false;
  let bodyStart = -1;
  const close = (at: number): void => {
    if (bodyStart >= 0 && at > from) bodies.push([bodyStart, at]);
    bodyStart = -1;
  };
  for (const { at, line, end } of linesOf(text, start, to)) {
    const boundary = BOUNDARY.exec(line);
    if (boundary !== null) boundaries.add(boundary[1] ?? boundary[2]!);
    if (inHeaders) {
      if (line.trim() === '') {
        inHeaders = false;
        if (qp) bodyStart = end;
      } else if (CTE.test(line)) qp = CTE_QP.test(line);
    } else if (isBoundary(line, boundaries) || MBOX_FROM.test(line) || CTE.test(line)) {
      close(at);
      inHeaders = true;
      qp = CTE_QP.test(line);
    }
  }
  if (!inHeaders) close(text.length);
  return bodies;
}

function isBoundary(line: string, boundaries: ReadonlySet<string>): boolean {
  if (!line.startsWith('--') || boundaries.size === 0) return false;
  const rest = line.slice(2).trimEnd();
  return boundaries.has(rest) || (rest.endsWith('--') && boundaries.has(rest.slice(0, -2)));
}

/**
 * With no MIME header in sight: runs of at least two consecutive lines, each ending in a soft break
 * at 70-76 characters and holding no `=` but escapes, with the line that ends the run (the end of the
 * encoded line) when it holds no bare `=` either. Code never looks like that; a quoted-printable
 * paragraph long enough to cut a key usually does.
 */
function headerlessBodies(text: string, from: number, to: number): [number, number][] {
  const bodies: [number, number][] = [];
  let runStart = -1;
  let runLines = 0;
  // Lines up to LOOK_AROUND past `to` may end a run that started inside the region.
  // Two lines before `from`'s are read too: whether its line is in a run depends on the lines above it.
  const start = linesAbove(text, lineStart(text, from), 2);
  for (const { at, line, end } of linesOf(text, start, Math.min(text.length, to + LOOK_AROUND))) {
    if (isCutLine(line)) {
      if (runLines === 0) runStart = at;
      runLines++;
      continue;
    }
    if (runLines >= 2) bodies.push([runStart, onlyEscapes(line) && line.length <= MAX_LINE ? end : at]);
    runLines = 0;
    if (at >= to) break;
  }
  if (runLines >= 2) bodies.push([runStart, Math.min(text.length, to + LOOK_AROUND)]);
  return bodies.filter(([, b]) => b > from);
}

/** A line an encoder cut: 70-76 characters ending in `=` (padding after it aside), no bare `=` before. */
function isCutLine(line: string): boolean {
  const body = line.trimEnd();
  if (!body.endsWith('=') || body.length < MIN_CUT_LINE || body.length > MAX_LINE) return false;
  return onlyEscapes(body.slice(0, -1));
}

/** Whether every `=` of `s` starts an escape of two upper-case hex digits (encoders write upper case). */
function onlyEscapes(s: string): boolean {
  for (let i = s.indexOf('='); i !== -1; i = s.indexOf('=', i + 1)) {
    if (!/^[0-9A-F]{2}$/.test(s.slice(i + 1, i + 3))) return false;
  }
  return true;
}
