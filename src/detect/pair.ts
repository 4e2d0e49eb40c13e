// Pairing: an access key ID with a secret access key close by is one usable credential.
import type { CompiledRule } from '../rules/load.js';

/** A match that passed every gate, before it becomes a Finding. Offsets are into the fragment text. */
export interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  secret: string;
  line: number;
}

/**
 * How far apart (in lines) an ID and a secret may be and still count as one credential. Credentials
 * files, .env files, JSON and code put the two within a few lines; 10 leaves room for comments.
 */
export const PAIR_WITHIN_LINES = 10;

/** Each secret is paired with the nearest unpaired key ID (earlier one on a tie); returns both directions. */
export function pairCredentials(hits: readonly Hit[]): Map<Hit, Hit> {
  const ids = hits.filter((h) => h.rule.kind === 'key-id');
  const pairs = new Map<Hit, Hit>();
  if (ids.length === 0) return pairs;
  for (const secret of hits) {
    if (secret.rule.kind !== 'secret-key') continue;
    let best: Hit | undefined;
    for (const id of ids) {
      const distance = Math.abs(id.line - secret.line);
      if (pairs.has(id) || distance > PAIR_WITHIN_LINES) continue;
      if (best === undefined || distance < Math.abs(best.line - secret.line)) best = id;
    }
    if (best === undefined) continue;
    pairs.set(secret, best);
    pairs.set(best, secret);
  }
  return pairs;
}
