// The decoders, loaded on first use. Most texts of a pre-commit hook have no trigger word and no
// encoded run, and never need the decoders' ~190 KB of code: loaded with every start, it was a fifth
// of what `keyhound staged` loads. The stage itself (stage.ts, view.ts, markers.ts) stays small and
// is loaded as usual; it finds the triggers that decide whether the decoders are needed.
// require() of an ES module is synchronous (Node >= 20.19, which package.json asks for): the detector
// is a synchronous function, called in the main thread and in workers alike.
import { createRequire } from 'node:module';
import type { Decoder } from './types.js';

type DecodersModule = typeof import('./index.js');

let loaded: DecodersModule | undefined;

function decodersModule(): DecodersModule {
  return (loaded ??= createRequire(import.meta.url)('./index.js') as DecodersModule);
}

/** The decoders the stage runs, in order (src/decode/index.ts). */
export function decoders(): readonly Decoder[] {
  return decodersModule().DECODERS;
}

/** decodedTextOf of src/decode/index.ts: `text` with what the stage would undo undone. */
export function decodedTextOf(text: string): string {
  return decodersModule().decodedTextOf(text);
}
