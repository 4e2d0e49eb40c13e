// The decoders the stage runs, in the order it runs them within a round: escapes first (so a later
// decoder reads plain characters), then what joins pieces, then base64 (whose output the next round
// reads again), then names put back beside their values.
import { createRequire } from 'node:module';
import type { Decoder, DecoderName } from './types.js';
import { decodedView } from './stage.js';
import { LOOK_AROUND as MIME_LOOK_AROUND } from './escapes/shared.js';
import { base64TextMarker, runMarker } from './markers.js';
import { joinMarker } from './split/markers.js';

const load = createRequire(import.meta.url);

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A JSON or JavaScript escape of a character keys hold (`/`, `+`, `=`), behind any number of backslashes. */
const KEY_ESCAPE = String.raw`\\+(?:\/|u002[bBfF]|u003[dD]|x2[bBfF])`;

/**
 * A decoder whose code is loaded the first time its marker says yes (require() of an ES module is
 * synchronous, Node >= 20.19, which package.json asks for): a pre-commit run whose only text with a
 * trigger holds a plain key needs one decoder of eight (the structure decoder, for the value's name),
 * and a clean one none; all of them together are ~190 KB of code to load. `exported` is the decoder's
 * name in `module`; its name, marker and look around are given here, where the stage reads them.
 */
function onDemand(name: DecoderName, module: string, exported: string, how: Pick<Decoder, 'marker' | 'lookAround'>): Decoder & { load(): Decoder } {
  let decoder: Decoder | undefined;
  const loaded = (): Decoder => (decoder ??= (load(module) as Record<string, Decoder>)[exported]!);
  return { name, ...how, load: loaded, edits: (text, from, to) => loaded().edits(text, from, to) };
}

/**
 * Each decoder with its marker: what a region must hold for it to have anything to do there, so that
 * the regions around every `secret` of a large codebase cost a search each, not a decoder's reading.
 */
export const DECODERS: readonly (Decoder & { load(): Decoder })[] = [
  // the order layers usually nest in: a mail's quoted-printable around an HTML page around JSON around a URL
  // (its MIME header may be far above the key: a long mail's text part begins with it)
  onDemand('quoted-printable', './escapes/quoted-printable.js', 'quotedPrintableDecoder', { marker: /=\r?\n|=[0-9A-F]{2}/, lookAround: MIME_LOOK_AROUND }),
  onDemand('html-entity', './escapes/html.js', 'htmlEntityDecoder', { marker: /&#?\w+;/ }),
  // an escape a key needs undone in or beside it: `\/`, `\u002B`, `\x2F` (behind any number of
  // backslashes) after a key character (or `=` padding, or an HTML reference's `;`), or before a key
  // character or another layer's escape (a base64 value that starts with an escaped `=`); a key with
  // none is read as written, its name's `\"` included
  onDemand('json-escape', './escapes/json.js', 'jsonEscapeDecoder', { marker: new RegExp(`[\\w+/=;]${KEY_ESCAPE}|${KEY_ESCAPE}[\\w+/=\\\\%&]`) }),
  onDemand('url', './escapes/url.js', 'urlDecoder', { marker: /%[0-9A-Fa-f]{2}/ }),
  onDemand('continuation', './split/continuation.js', 'continuationDecoder', { marker: /\\\r?\n/ }),
  // pieces: two quotes with only an operator, a comma or line ends between them, or a shell word's
  // quotes touching key characters, and a run of key characters across them as long as an access key
  // ID; a `NAME+=` at a line's start
  onDemand('concatenation', './split.js', 'concatenationDecoder', { marker: joinMarker }),
  // a base64 value that starts as text does (a key ID is 28 characters, a whole file more)
  onDemand('base64', './base64.js', 'base64Decoder', { marker: base64TextMarker, lookAround: 256 }),
  // a value that gets a name is a run of 30 or more characters of the secret alphabet (escapes too),
  // random: digits, capitals and small letters (not an identifier); its parents, a `provider: aws` or
  // an `[s3]` a dozen lines up, may lie past the default look around
  onDemand('structure', './structure.js', 'structureDecoder', { marker: runMarker(`${ALNUM}+/%`, 30, true), lookAround: 4096 }),
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
