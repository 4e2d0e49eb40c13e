// The split decoders (issue 14): a key written in pieces, joined back. `concatenation` joins string
// literals joined in code ("a" + "b", 'a' . 'b', Python's "a" "b", "".join([...]), [...].join(''))
// and shell words glued from quoted parts or appended with `+=` (split/shell.ts), Ruby's
// `%w[...].join` and Perl's `join('', qw(...))` (split/ruby.ts), CloudFormation's and Pulumi's joins in YAML (split/yaml-join.ts);
// calls of other languages that join a list (split/calls.ts); `continuation`
// removes a backslash-newline inside a value (sh, Dockerfile). Both read hostile text: they never
// throw, and what they cannot read with certainty they leave alone.
import { MARKER_SLACK, type Decoder, type Edit } from './types.js';
import { concatenationEdits } from './split/concatenation.js';
import { shellEdits } from './split/shell.js';
import { qwJoinEdits, wordArrayEdits } from './split/ruby.js';
import { yamlJoinEdits } from './split/yaml-join.js';
import { concatenationMarker, qwJoinMarker, shellMarker, wordArrayMarker, yamlJoinMarker } from './split/markers.js';
import { guarded } from './guard.js';

/**
 * The joins of code, of shell words, of word arrays and of YAML templates, in order; where two overlap
 * (`K='a'"b"` is both), the first. Each family reads the region only where its own marker (the parts
 * of joinMarker) says it may join there: the code lexer is the costly one, and a region of shell or
 * YAML has no use for it.
 */
function joinEdits(text: string, from: number, to: number): Edit[] {
  // the stage's marker window (stage.ts: the region and MARKER_SLACK past it)
  const window = text.slice(from, Math.min(text.length, to + MARKER_SLACK));
  const code = concatenationMarker(window) ? concatenationEdits(text, from, to) : [];
  const more: Edit[] = [];
  if (shellMarker(window)) more.push(...shellEdits(text, from, to));
  if (wordArrayMarker(window)) more.push(...wordArrayEdits(text, from, to));
  if (qwJoinMarker(window)) more.push(...qwJoinEdits(text, from, to));
  if (yamlJoinMarker(window)) more.push(...yamlJoinEdits(text, from, to));
  if (more.length === 0) return code;
  const all = [...code, ...more].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  for (const edit of all) if (out.length === 0 || edit.start >= out[out.length - 1]!.end) out.push(edit);
  return out;
}

export const concatenationDecoder: Decoder = { name: 'concatenation', edits: guarded(joinEdits) };

export { continuationDecoder } from './split/continuation.js';
