// The split decoders (issue 14): a key written in pieces, joined back. `concatenation` joins string
// literals joined in code ("a" + "b", 'a' . 'b', Python's "a" "b", "".join([...]), [...].join(''));
// `continuation` removes a backslash-newline inside a value (sh, Dockerfile). Both read hostile text:
// they never throw, and what they cannot read with certainty they leave alone.
import type { Decoder, Edit } from './types.js';
import { concatenationEdits } from './split/concatenation.js';
import { continuationEdits } from './split/continuation.js';

/** Clamp the caller's range, and turn a bug into "no edit" rather than a failed scan. */
function guarded(edits: (text: string, from: number, to: number) => Edit[]): Decoder['edits'] {
  return (text, from, to) => {
    const start = Math.max(0, Math.min(from, text.length));
    const end = Math.max(start, Math.min(to, text.length));
    if (start === end) return [];
    try {
      return edits(text, start, end);
    } catch {
      return [];
    }
  };
}

export const concatenationDecoder: Decoder = { name: 'concatenation', edits: guarded(concatenationEdits) };

export const continuationDecoder: Decoder = { name: 'continuation', edits: guarded(continuationEdits) };
