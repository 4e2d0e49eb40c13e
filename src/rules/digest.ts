// Whether a file built from a YAML source (dist/rules.json, dist/canary-accounts.json) still matches it.
// By content, not by modification time: npm does not keep file times when it unpacks a package, so in
// an installed copy the YAML is often "newer" than the JSON built from it, and every run (every commit,
// for the hook) paid ~50 ms for the YAML parser. The digest is FNV-1a over the text: not a security
// measure, only a cheap way (well under a millisecond for our files) to notice an edited source.

/** A short digest of `text`: its length and 32-bit FNV-1a over its UTF-16 code units. */
export function textDigest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
