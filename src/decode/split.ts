// The split decoders (issue 14): a key written in pieces, joined back. `concatenation` joins string
// literals joined in code ("a" + "b", 'a' . 'b', Python's "a" "b", "".join([...]), [...].join(''));
// `continuation` removes a backslash-newline inside a value (sh, Dockerfile). Both read hostile text:
// they never throw, and what they cannot read with certainty they leave alone.
import type { Decoder } from './types.js';
import { concatenationEdits } from './split/concatenation.js';
import { continuationEdits } from './split/continuation.js';
import { guarded } from './guard.js';

export const concatenationDecoder: Decoder = { name: 'concatenation', edits: guarded(concatenationEdits) };

export const continuationDecoder: Decoder = { name: 'continuation', edits: guarded(continuationEdits) };
