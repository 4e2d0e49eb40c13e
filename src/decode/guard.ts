// What every decoder is wrapped in: a decoder never throws (one strange file must not stop a scan) and
// reads only the range it is given, clamped to its text.
import type { Edit } from './types.js';

/** [from, to) clamped to the text, so a caller's loose bounds never make a decoder read outside it. */
export function clampRange(text: string, from: number, to: number): [number, number] {
  const a = Math.max(0, Math.min(text.length, Math.floor(Number.isFinite(from) ? from : 0)));
  const b = Math.max(a, Math.min(text.length, Math.floor(Number.isFinite(to) ? to : text.length)));
  return [a, b];
}

/**
 * A decoder's edits, or none if it failed on an input nobody foresaw: a decoder never throws (one
 * strange file must not stop a scan), and a decoder with no edits leaves the text as it was.
 */
export function guarded(run: (text: string, from: number, to: number) => Edit[]): (text: string, from: number, to: number) => Edit[] {
  return (text, from, to) => {
    try {
      if (typeof text !== 'string') return [];
      const [a, b] = clampRange(text, from, to);
      return a < b ? run(text, a, b) : [];
    } catch {
      return [];
    }
  };
}

