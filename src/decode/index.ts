// The decoders the stage runs, in the order it runs them within a round: escapes first (so a later
// decoder reads plain characters), then what joins pieces, then base64 (whose output the next round
// reads again), then names put back beside their values.
import type { Decoder } from './types.js';
import { decodedView } from './stage.js';
import { jsonEscapeDecoder, htmlEntityDecoder, quotedPrintableDecoder, urlDecoder } from './escapes.js';
import { continuationDecoder, concatenationDecoder } from './split.js';
import { base64Decoder } from './base64.js';
import { structureDecoder } from './structure.js';

export const DECODERS: readonly Decoder[] = [
  // the order layers usually nest in: a mail's quoted-printable around an HTML page around JSON around a URL
  quotedPrintableDecoder,
  htmlEntityDecoder,
  jsonEscapeDecoder,
  urlDecoder,
  continuationDecoder,
  concatenationDecoder,
  base64Decoder,
  structureDecoder,
];

/**
 * `text` with what the stage would undo undone, over every base64 run and trigger: another version
 * of a file (HEAD, the staged file's previous blob) is searched in it for a value found decoded, since
 * that version holds it only in its encoded or split form.
 */
export function decodedTextOf(text: string): string {
  const runs: [number, number][] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)) runs.push([m.index, m.index + m[0].length]);
  return decodedView(text, DECODERS, runs)?.text ?? text;
}
