// A backslash-newline that continues a line inside a value, removed as the shell or Docker would:
//   export AWS_SECRET_ACCESS_KEY=abc\        aws configure set aws_secret_access_key "abc\
//   def                                      def"
//   ENV AWS_ACCESS_KEY_ID=AKIAAB\
//   CDEF...
// Both keep the next line's indentation: sh removes only the backslash and the newline (inside double
// quotes the spaces become part of the value, outside they end the word), and Docker's parser strips
// leading whitespace from an instruction's first line only. So an indented piece is never glued to the
// one before: the value either tool makes holds the spaces, which no rule reads as a key, and the
// detector still reads the file as written. What differs:
// - sh: a backslash-newline inside single quotes or a comment is literal; only a backslash right
//   before the newline continues (an escaped backslash does not).
// - Docker (a line whose logical line starts with an instruction: ENV, ARG, RUN, ...): the parser
//   joins before any quoting is read, and allows blanks between the backslash and the newline.
// Only a backslash-newline between two key characters is removed, and only where the run of key
// characters it makes is key-long: elsewhere (`--flag \` lists) the join helps no rule.
import type { Decoder, Edit } from '../types.js';
import { guarded } from '../guard.js';
import { isKeyChar, MIN_RUN } from './runs.js';

/** A logical line longer than this (in characters or physical lines) is left alone, and skipped. */
const MAX_LOGICAL_CHARS = 16384;
const MAX_LOGICAL_LINES = 256;
/** How far back the start of `from`'s logical line is looked for. */
const LOOKBEHIND_LINES = 32;
const LOOKBEHIND_CHARS = 8192;

const DOCKER_INSTRUCTION = /[ \t]*(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)[ \t]/y;
/** A Dockerfile's `# escape=`` ` directive: its backslash is then a plain character. */
const BACKTICK_ESCAPE = /^(?:[ \t]*#[ \t]*[a-z]+[ \t]*=[^\n]*\n)*[ \t]*#[ \t]*escape[ \t]*=[ \t]*`/i;

/** A backslash-newline: the backslash's offset, and the offset just after the newline. */
interface Join {
  backslash: number;
  after: number;
}

export function continuationEdits(text: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const backtickDocker = BACKTICK_ESCAPE.test(text.slice(0, 4096));
  let at = logicalStart(text, from);
  while (at < to && at < text.length) {
    const line = readLogicalLine(text, at, backtickDocker);
    for (const chain of chains(text, line.joins)) {
      if (chain[0]!.backslash >= from && chain[0]!.backslash < to) edits.push(joinedEdit(text, chain));
    }
    at = line.end;
  }
  return edits;
}

/** One edit for a chain of joins: from its first backslash to after its last newline, the pieces between kept. */
function joinedEdit(text: string, chain: readonly Join[]): Edit {
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  if (chain.length === 1) return { start: first.backslash, end: first.after, text: '' };
  const parts: string[] = [];
  const origins: number[] = [];
  for (let k = 1; k < chain.length; k++) {
    const { after } = chain[k - 1]!;
    const { backslash } = chain[k]!;
    parts.push(text.slice(after, backslash));
    for (let at = after; at < backslash; at++) origins.push(at);
  }
  return { start: first.backslash, end: last.after, text: parts.join(''), origins: Uint32Array.from(origins) };
}

/** The start of the logical line holding `from`: back over lines ending in a backslash (bounded). */
function logicalStart(text: string, from: number): number {
  let start = text.lastIndexOf('\n', from - 1) + 1;
  for (let n = 0; start > 0; n++) {
    if (n >= LOOKBEHIND_LINES || from - start > LOOKBEHIND_CHARS) return nextLine(text, from);
    let end = start - 1; // the newline ending the line before
    while (end > 0 && ' \t\r'.includes(text[end - 1]!)) end--;
    if (text[end - 1] !== '\\') break;
    start = text.lastIndexOf('\n', start - 2) + 1;
  }
  return start;
}

function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}

/** The joins of the logical line starting at `start`, and where the next one starts. */
function readLogicalLine(text: string, start: number, backtickDocker: boolean): { joins: Join[]; end: number } {
  DOCKER_INSTRUCTION.lastIndex = start;
  if (!DOCKER_INSTRUCTION.test(text)) return readShellLine(text, start);
  if (backtickDocker) return { joins: [], end: nextLine(text, start) };
  return readDockerLine(text, start);
}

/** Docker: a line ending in `\` and blanks continues, whatever the quotes. */
function readDockerLine(text: string, start: number): { joins: Join[]; end: number } {
  const joins: Join[] = [];
  let at = start;
  for (let n = 0; n < MAX_LOGICAL_LINES && at - start < MAX_LOGICAL_CHARS; n++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return { joins, end: text.length };
    let end = nl;
    while (end > at && ' \t\r'.includes(text[end - 1]!)) end--;
    if (text[end - 1] !== '\\') return { joins, end: nl + 1 };
    joins.push({ backslash: end - 1, after: nl + 1 });
    at = nl + 1;
  }
  return { joins: [], end: at };
}

/**
 * sh: read the logical line with its quotes. A backslash outside single quotes escapes the next
 * character, and escapes a newline away; a '#' starting a word outside quotes starts a comment to the
 * end of the physical line; a newline outside quotes, not escaped, ends the logical line.
 */
function readShellLine(text: string, start: number): { joins: Join[]; end: number } {
  const joins: Join[] = [];
  const limit = Math.min(text.length, start + MAX_LOGICAL_CHARS);
  let quote = ''; // '', "'", '"', or '$' for $'…' (its backslash-newlines are left alone)
  let lines = 0;
  let i = start;
  for (; i < limit; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (quote === '') return { joins, end: i + 1 };
      if (++lines >= MAX_LOGICAL_LINES) break;
      continue;
    }
    if (quote === "'" || quote === '$') {
      if (c === "'") quote = '';
      else if (c === '\\' && quote === '$') i++;
      continue;
    }
    if (c === '\\') {
      const after = text[i + 1] === '\n' ? i + 2 : text[i + 1] === '\r' && text[i + 2] === '\n' ? i + 3 : -1;
      if (after !== -1) {
        joins.push({ backslash: i, after });
        if (++lines >= MAX_LOGICAL_LINES) break;
        i = after - 1;
      } else i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      continue;
    }
    if (c === '"') quote = '"';
    else if (c === "'") quote = text[i - 1] === '$' ? '$' : "'";
    else if (c === '#' && (i === start || ' \t;|&(\n'.includes(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      return { joins, end: nl === -1 ? text.length : nl + 1 };
    }
  }
  if (i >= text.length && quote === '') return { joins, end: text.length }; // the text's last line
  // Too long, or a quote that does not close (an apostrophe in prose): left alone. The lines after the
  // last backslash-newline read are read again afresh (an apostrophe costs only its line); the ones
  // before it are not, and a quote opened on a later line closes one of the line after it, so few
  // lines are read this far: the work stays linear.
  const lastJoin = joins[joins.length - 1];
  return { joins: [], end: Math.max(nextLine(text, start), lastJoin === undefined ? 0 : lastJoin.after) };
}

/**
 * The joins that glue key characters, grouped where one run of key characters crosses several
 * (a piece on a line of its own between two), kept when that run is key-long.
 */
function chains(text: string, joins: readonly Join[]): Join[][] {
  const out: Join[][] = [];
  let current: Join[] = [];
  let run = 0;
  const flush = (): void => {
    if (current.length > 0 && run + runAfter(text, current[current.length - 1]!.after) >= MIN_RUN) out.push(current);
    current = [];
  };
  for (const j of joins) {
    if (!isKeyChar(text.charCodeAt(j.backslash - 1)) || !isKeyChar(text.charCodeAt(j.after))) {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous !== undefined && keyRun(text, previous.after, j.backslash)) run += j.backslash - previous.after;
    else {
      flush();
      run = runBefore(text, j.backslash);
    }
    current.push(j);
  }
  flush();
  return out;
}

const RUN_CAP = 4096;

function keyRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isKeyChar(text.charCodeAt(i))) return false;
  return true;
}

function runBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < RUN_CAP && isKeyChar(text.charCodeAt(i - 1))) i--;
  return end - i;
}

function runAfter(text: string, start: number): number {
  let i = start;
  while (i < text.length && i - start < RUN_CAP && isKeyChar(text.charCodeAt(i))) i++;
  return i - start;
}

/** The decoder: its own module, so a region with a backslash-newline loads no other split decoder. */
export const continuationDecoder: Decoder = { name: 'continuation', edits: guarded(continuationEdits) };
