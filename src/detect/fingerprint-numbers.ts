// The same secret found again at the same path (and by the same kind of rule) has the same base
// fingerprint; the second and later occurrences are numbered `base:2`, `base:3`, ... in file order.
// One numbering for every scanner that assembles a file's findings from pieces (windows of a large
// file, batches of a binary's strings), so that their fingerprints equal detect()'s on the whole text.

export class FingerprintNumbers {
  private readonly seen = new Map<string, number>();

  /** The fingerprint of the next occurrence of `fingerprint`'s base (any `:n` it carries is dropped). */
  next(fingerprint: string): string {
    const base = fingerprint.split(':')[0]!;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  }
}
