// Pairing: an access key ID with a secret access key close by is one usable credential.
import type { CompiledRule } from '../rules/load.js';

/** A match that passed every gate, before it becomes a Finding. Offsets are into the fragment text. */
export interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  secret: string;
  line: number;
  /** Where the name that introduces it (`aws_access_key_id = `, `"SecretAccessKey": "`) starts; unset: none. */
  nameStart?: number;
}

/**
 * How far apart (in lines) an ID and a secret may be and still count as one credential. Credentials
 * files, .env files, JSON and code put the two within a few lines; 10 leaves room for comments.
 */
export const PAIR_WITHIN_LINES = 10;

/** How much text before a key ID or secret is looked at for the name that introduces it. */
export const NAME_CHARS = 96;

// A name, then only separators (quotes, `=`, `:`, `</Name><Value>`) up to the value. Each regex starts
// with its literal (fast to search for); the rest of the identifier before it (`aws_`, `AWS_`) is
// taken in afterwards by nameStartOf, so the name starts where it does.
// An ID's name says key or access (aws_access_key_id, AccessKeyId, aws_key, ACCESS_KEY); `legacyId` does not.
const ID_NAME = /(?:access|key)[\w.\-]{0,30}(?:[^A-Za-z0-9]|value|name){1,40}$/i;
const SECRET_NAME = /(?:secret|private)[\w.\-]{0,30}(?:[^A-Za-z0-9]|value|name){1,40}$/i;
const IDENTIFIER_CHAR = /[\w.\-]/;

/**
 * Where the access-key-ID name (for a key ID) or secret name (for a secret) right before `start`
 * begins, or undefined. Reads at most NAME_CHARS of `text`: constant work per hit.
 */
export function nameStartOf(text: string, start: number, kind: CompiledRule['kind']): number | undefined {
  const re = kind === 'key-id' ? ID_NAME : kind === 'secret-key' ? SECRET_NAME : undefined;
  if (re === undefined) return undefined;
  const from = Math.max(0, start - NAME_CHARS);
  const m = re.exec(text.slice(from, start));
  if (m === null) return undefined;
  let at = from + m.index;
  for (let n = 0; n < 30 && at > from && IDENTIFIER_CHAR.test(text[at - 1]!); n++) at--;
  return at;
}

/**
 * Pairs each secret, in order of position, with the best unpaired key ID within PAIR_WITHIN_LINES
 * lines; returns both directions. Best: for a secret introduced by a secret name, an ID introduced by
 * an access-key-ID name first (names before distance); then fewest lines apart; then fewest
 * characters between the two, each counted from its name (so in `{id: X1, secret: S1}, {id: X2, ...}`
 * S1 is nearer X1 than X2's name); then the earlier ID. `hits` must be in order of position.
 *
 * O(n log n): among the IDs before a secret the best is the last unpaired one (lines and characters
 * both grow with distance), and likewise the first unpaired one after it, so each secret looks at
 * two IDs per kind of name, found by binary search and skip pointers over the paired ones.
 */
export function pairCredentials(hits: readonly Hit[]): Map<Hit, Hit> {
  const pairs = new Map<Hit, Hit>();
  const ids = hits.filter((h) => h.rule.kind === 'key-id');
  if (ids.length === 0) return pairs;
  const named = new UnpairedIds(ids.filter((h) => h.nameStart !== undefined));
  const nameless = new UnpairedIds(ids.filter((h) => h.nameStart === undefined));
  for (const secret of hits) {
    if (secret.rule.kind !== 'secret-key') continue;
    let best = named.nearest(secret);
    if (secret.nameStart === undefined || best === undefined) best = nearer(secret, best, nameless.nearest(secret));
    if (best === undefined) continue;
    (best.nameStart === undefined ? nameless : named).take(best);
    pairs.set(secret, best);
    pairs.set(best, secret);
  }
  return pairs;
}

/** Characters between an ID and a secret, each taken from its name on. */
function gap(secret: Hit, id: Hit): number {
  return id.start < secret.start ? (secret.nameStart ?? secret.start) - id.end : (id.nameStart ?? id.start) - secret.end;
}

/** The better of two candidate IDs for `secret` (either may be missing). */
function nearer(secret: Hit, a: Hit | undefined, b: Hit | undefined): Hit | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const lines = Math.abs(a.line - secret.line) - Math.abs(b.line - secret.line);
  if (lines !== 0) return lines < 0 ? a : b;
  const chars = gap(secret, a) - gap(secret, b);
  if (chars !== 0) return chars < 0 ? a : b;
  return a.start < b.start ? a : b;
}

/** Key IDs in order of position; finds the nearest unpaired one before and after a position. */
class UnpairedIds {
  /** Skip pointers (union-find with path compression): next[i] leads to the first unpaired index >= i. */
  private readonly next: number[];
  /** prev[i + 1] leads to the last unpaired index <= i, plus one (0: none). */
  private readonly prev: number[];
  private readonly index = new Map<Hit, number>();

  constructor(private readonly ids: readonly Hit[]) {
    this.next = Array.from({ length: ids.length + 1 }, (_, i) => i);
    this.prev = Array.from({ length: ids.length + 1 }, (_, i) => i);
    ids.forEach((id, i) => this.index.set(id, i));
  }

  /** The better of the last unpaired ID before `secret` and the first after it, within the line window. */
  nearest(secret: Hit): Hit | undefined {
    const at = this.firstAtOrAfter(secret.start);
    const before = this.find(this.prev, at) - 1;
    const after = this.find(this.next, at);
    const within = (i: number): Hit | undefined => {
      const id = this.ids[i];
      return id !== undefined && Math.abs(id.line - secret.line) <= PAIR_WITHIN_LINES ? id : undefined;
    };
    return nearer(secret, before >= 0 ? within(before) : undefined, within(after));
  }

  take(id: Hit): void {
    const i = this.index.get(id)!;
    this.next[i] = i + 1;
    this.prev[i + 1] = i;
  }

  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ids[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(links: number[], i: number): number {
    let root = i;
    while (links[root] !== root) root = links[root]!;
    while (links[i] !== root) [links[i], i] = [root, links[i]!];
    return root;
  }
}
