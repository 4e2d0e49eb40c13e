// Key-shaped strings made at test time, so the repository holds no committed secrets for other
// scanners (or push protection) to trip over. Seeded, so a failing test fails the same way again.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Keys {
  readonly random: () => number;
  constructor(seed = 42) {
    this.random = prng(seed);
  }
  private pick(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }
  keyId(prefix = 'AKIA'): string {
    return prefix + this.pick(BASE32, 20 - prefix.length);
  }
  /** A secret access key that mixes cases and has a digit, as real ones (almost always) do. */
  secret(): string {
    for (;;) {
      const s = this.pick(BASE64, 40);
      if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
    }
  }
  sessionToken(length = 320): string {
    return `IQoJb3JpZ2luX2Vj${this.pick(BASE64, length - 16)}`;
  }
  hex(n = 40): string {
    return this.pick('0123456789abcdef', n);
  }
}
