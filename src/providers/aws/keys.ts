// What an AWS access key ID says about itself, offline: the key type from its prefix and,
// for new-generation IDs, the 12-digit account ID encoded in it.
//
// The prefixes are AWS's documented unique-ID prefixes (IAM User Guide, "Unique identifiers").
// The account ID encoding is not documented by AWS; it was worked out publicly by Aidan Steele
// ("AWS Access Key ID formats", 2020), corrected by Tal Be'ery ("A short note on AWS KEY ID", 2023)
// and confirmed bitwise by WithSecure Labs ("A bitwise analysis of AWS access key identifiers"):
//   - after the 4-character prefix, the 16 characters are base32 (RFC 4648 alphabet A-Z2-7), 80 bits;
//   - the first of those bits is the key's generation: 1 for keys made since ~2019, 0 for older ones;
//   - in new-generation IDs the next 40 bits are the account number.
// So: decode, take the first 48 bits, mask with 0x7fffffffff80 and shift right by 7.
// Old-generation IDs do not encode the account, and we say nothing rather than guess.

const KEY_TYPES: Record<string, string> = {
  AKIA: 'long-term access key (IAM user or root user)',
  ASIA: 'temporary access key (AWS STS)',
  ABIA: 'AWS STS service bearer token',
  ACCA: 'context-specific credential',
  A3T: 'access key (legacy A3T prefix)',
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The key type named by an access key ID's prefix, or undefined for an unknown prefix. */
export function keyTypeOf(keyId: string): string | undefined {
  return KEY_TYPES[keyId.slice(0, 4)] ?? (keyId.startsWith('A3T') ? KEY_TYPES.A3T : undefined);
}

/** The account ID (12 digits, zero-padded) encoded in a new-generation key ID, else undefined. */
export function accountIdOf(keyId: string): string | undefined {
  if (keyId.length !== 20 || keyId.startsWith('A3T')) return undefined;
  // 10 base32 characters = 50 bits, enough to cover the first 48 bits of the payload.
  let bits = 0n;
  for (const ch of keyId.slice(4, 14)) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined; // 0, 1, 8, 9 never occur in real IDs: not decodable
    bits = (bits << 5n) | BigInt(v);
  }
  const first48 = bits >> 2n;
  const newGeneration = (first48 >> 47n) & 1n;
  if (newGeneration !== 1n) return undefined;
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

/** Inverse of accountIdOf, for tests and fixtures: a new-generation ID for `account` (random tail). */
export function keyIdForAccount(prefix: string, account: bigint, random: () => number): string {
  let payload = (1n << 79n) | (account << 39n);
  for (let bit = 0n; bit < 39n; bit++) if (random() < 0.5) payload |= 1n << bit;
  let out = '';
  for (let i = 15; i >= 0; i--) out += BASE32[Number((payload >> BigInt(i * 5)) & 31n)];
  return prefix + out;
}
