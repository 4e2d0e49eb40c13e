// The decoders the stage runs, in the order it runs them within a round: escapes first (so a later
// decoder reads plain characters), then what joins pieces, then base64 (whose output the next round
// reads again), then names put back beside their values.
import type { Decoder } from './types.js';

export const DECODERS: readonly Decoder[] = [];
