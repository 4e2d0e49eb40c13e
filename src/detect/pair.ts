// Pairing: an access key ID with a secret access key close by is one usable credential. What pairs
// with what is rule data (`pairs` on a part); names that introduce each part come from its provider.
import { partInfo } from '../providers/index.js';
import type { CompiledRule } from '../rules/load.js';
import type { Finding, PairRef } from '../types.js';
import type { DecoderName } from '../decode/types.js';

/** A match that passed every gate, before it becomes a Finding. Offsets are into the fragment text. */
export interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  value: string;
  line: number;
  /** Found in a decoded view of the text: the decoders that undid what hid it, bottom first. */
  decoded?: DecoderName[];
  /** Where the name that introduces it (`aws_access_key_id = `, `"SecretAccessKey": "`) starts; unset: none. */
  nameStart?: number;
}

/** How much text before a key ID or secret is looked at for the name that introduces it. */
export const NAME_CHARS = 96;

const IDENTIFIER_CHAR = /[\w.\-]/;

/**
 * Where the name that introduces a value of the rule's part (an access key ID's name before a key ID)
 * right before `start` begins, or undefined; the rule's provider knows the names of its parts. Reads at
 * most NAME_CHARS of `text`: constant work per hit.
 */
export function nameStartOf(text: string, start: number, rule: Pick<CompiledRule, 'provider' | 'part'> | undefined): number | undefined {
  const re = rule === undefined ? undefined : partInfo(rule)?.name;
  if (re === undefined) return undefined;
  const from = Math.max(0, start - NAME_CHARS);
  const m = re.exec(text.slice(from, start));
  if (m === null) return undefined;
  let at = from + m.index;
  for (let n = 0; n < 30 && at > from && IDENTIFIER_CHAR.test(text[at - 1]!); n++) at--;
  return at;
}

/** Where a value lies, for pairing: offsets (any monotone measure) and line, and where its name starts. */
export interface Placed {
  start: number;
  end: number;
  line: number;
  nameStart?: number;
}

/**
 * One pairing declared in rule data: the hits of the rules whose part declares `pairs` (the IDs), and
 * the hits of the parts they pair with (the partners), of the same provider.
 */
export interface PairGroup {
  ids: Hit[];
  partners: Hit[];
  withinLines: number;
}

/** The pairing groups among the hits, as their rules declare them (`pairs` on the ID part). */
export function pairGroups(hits: readonly Hit[]): PairGroup[] {
  const groups = new Map<string, PairGroup & { provider: string; with: readonly string[] }>();
  for (const h of hits) {
    const { provider, part, pairs } = h.rule;
    if (pairs === undefined || provider === undefined || part === undefined) continue;
    const key = `${provider}\0${part}`;
    let group = groups.get(key);
    // A part never pairs with itself (the validator refuses it; a hand-made rule may not be validated).
    if (group === undefined) groups.set(key, (group = { ids: [], partners: [], withinLines: pairs.withinLines, provider, with: pairs.with.filter((p) => p !== part) }));
    group.ids.push(h);
  }
  if (groups.size === 0) return [];
  // Which groups each rule's hits are partners in, worked out once per rule, not once per hit.
  const partnerOf = new Map<CompiledRule, PairGroup[]>();
  for (const h of hits) {
    let into = partnerOf.get(h.rule);
    if (into === undefined) {
      const { provider, part } = h.rule;
      partnerOf.set(h.rule, (into = part === undefined ? [] : [...groups.values()].filter((g) => g.provider === provider && g.with.includes(part))));
    }
    for (const g of into) g.partners.push(h);
  }
  return [...groups.values()];
}

/** Whether any hit of the groups could pair with another: only then are names worth looking up. */
export const mayPair = (groups: readonly PairGroup[]): boolean => groups.some((g) => g.ids.length > 0 && g.partners.length > 0);

/**
 * Pairs each partner (secret) with the best ID its rules declare it pairs with; returns both
 * directions. The pairs come from rule data (`pairs: { with, withinLines }` on the ID's part), so a
 * provider added as a rules file pairs without code. `hits` must be in order of position.
 */
export function pairCredentials(hits: readonly Hit[], groups: readonly PairGroup[] = pairGroups(hits)): Map<Hit, Hit> {
  const pairs = new Map<Hit, Hit>();
  for (const group of groups) {
    const free = group.partners.filter((h) => !pairs.has(h));
    for (const [partner, id] of pairNearest(group.ids, free, group.withinLines)) {
      pairs.set(partner, id);
      pairs.set(id, partner);
    }
  }
  return pairs;
}

/**
 * Pairs each partner, in order of position, with the best unpaired ID within `withinLines` lines; the
 * one pairing algorithm (the detector's, and --verify's for session tokens). Best: for a partner
 * introduced by its name, an ID introduced by its name first (names before distance); then fewest
 * lines apart; then fewest characters between the two, each counted from its name (so in
 * `{id: X1, secret: S1}, {id: X2, ...}` S1 is nearer X1 than X2's name); then the earlier ID. Both
 * lists must be in order of position. Returns partner → ID.
 *
 * O(n log n): among the IDs before a partner the best is the last unpaired one (lines and characters
 * both grow with distance), and likewise the first unpaired one after it, so each partner looks at
 * two IDs per kind of name, found by binary search and skip pointers over the paired ones.
 */
export function pairNearest<I extends Placed, P extends Placed>(ids: readonly I[], partners: readonly P[], withinLines: number): Map<P, I> {
  const pairs = new Map<P, I>();
  if (ids.length === 0) return pairs;
  const named = new UnpairedIds(ids.filter((h) => h.nameStart !== undefined), withinLines);
  const nameless = new UnpairedIds(ids.filter((h) => h.nameStart === undefined), withinLines);
  for (const secret of partners) {
    let best = named.nearest(secret);
    if (secret.nameStart === undefined || best === undefined) best = nearer(secret, best, nameless.nearest(secret));
    if (best === undefined) continue;
    (best.nameStart === undefined ? nameless : named).take(best);
    pairs.set(secret, best);
  }
  return pairs;
}

/** The pair reference a finding gives its partner. */
export function pairRefOf(partner: Finding): PairRef {
  const { ruleId, path, line, column, endLine, endColumn, value } = partner;
  return { ruleId, path, line, column, endLine, endColumn, value, ...(partner.part !== undefined ? { part: partner.part } : {}) };
}

/** Characters between an ID and a secret, each taken from its name on. */
function gap(secret: Placed, id: Placed): number {
  return id.start < secret.start ? (secret.nameStart ?? secret.start) - id.end : (id.nameStart ?? id.start) - secret.end;
}

/** The better of two candidate IDs for `secret` (either may be missing). */
function nearer<T extends Placed>(secret: Placed, a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const lines = Math.abs(a.line - secret.line) - Math.abs(b.line - secret.line);
  if (lines !== 0) return lines < 0 ? a : b;
  const chars = gap(secret, a) - gap(secret, b);
  if (chars !== 0) return chars < 0 ? a : b;
  return a.start < b.start ? a : b;
}

/** Key IDs in order of position; finds the nearest unpaired one before and after a position. */
class UnpairedIds<T extends Placed> {
  /** Skip pointers (union-find with path compression): next[i] leads to the first unpaired index >= i. */
  private readonly next: number[];
  /** prev[i + 1] leads to the last unpaired index <= i, plus one (0: none). */
  private readonly prev: number[];
  private readonly index = new Map<T, number>();

  constructor(private readonly ids: readonly T[], private readonly withinLines: number) {
    this.next = Array.from({ length: ids.length + 1 }, (_, i) => i);
    this.prev = Array.from({ length: ids.length + 1 }, (_, i) => i);
    ids.forEach((id, i) => this.index.set(id, i));
  }

  /** The better of the last unpaired ID before `secret` and the first after it, within the line window. */
  nearest(secret: Placed): T | undefined {
    const at = this.firstAtOrAfter(secret.start);
    const before = this.find(this.prev, at) - 1;
    const after = this.find(this.next, at);
    const within = (i: number): T | undefined => {
      const id = this.ids[i];
      return id !== undefined && Math.abs(id.line - secret.line) <= this.withinLines ? id : undefined;
    };
    return nearer(secret, before >= 0 ? within(before) : undefined, within(after));
  }

  take(id: T): void {
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
