// The decoders the stage runs, in the order it runs them within a round: escapes first (so a later
// decoder reads plain characters), then what joins pieces, then base64 (whose output the next round
// reads again), then names put back beside their values.
import type { Decoder } from './types.js';
import { jsonEscapeDecoder, htmlEntityDecoder, quotedPrintableDecoder, urlDecoder } from './escapes.js';
import { continuationDecoder, concatenationDecoder } from './split.js';
import { base64Decoder } from './base64.js';
import { structureDecoder } from './structure.js';

export const DECODERS: readonly Decoder[] = [
  jsonEscapeDecoder,
  htmlEntityDecoder,
  quotedPrintableDecoder,
  urlDecoder,
  continuationDecoder,
  concatenationDecoder,
  base64Decoder,
  structureDecoder,
];
