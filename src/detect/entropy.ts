// Shannon entropy of a candidate secret: random keys score high, words and placeholders low.

/** Counts of ASCII characters, reused: every candidate secret is scored, and most are ASCII. */
const asciiCounts = new Int32Array(128);

/** Bits per character of `s` (0 for the empty string). */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const other = new Map<string, number>();
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) asciiCounts[code]!++;
    else other.set(s[i]!, (other.get(s[i]!) ?? 0) + 1);
  }
  let bits = 0;
  const add = (n: number): void => {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128 && asciiCounts[code]! > 0) {
      add(asciiCounts[code]!);
      asciiCounts[code] = 0;
    }
  }
  for (const n of other.values()) add(n);
  return bits;
}
