// A credential's shape, as rule data declares it (`shape:` in rules/*.yml): the characters its token is
// made of, how long it is, how it may begin, and how far the rule's whole match (name, separators,
// lookarounds) reaches around it. Shapes are found in text or bytes before any regex runs
// (extract.ts), and a rule's regex runs only in windows around them (src/detect/detector.ts).

/** A shape as written in a rule file. */
export interface RawShape {
  /** A named alphabet (see ALPHABETS) or a character class such as `[A-Za-z0-9_-]` (ASCII only). */
  alphabet: string;
  /** URL escapes that count as one unit: `once` %2F %2B; `twice` also %252F %252B (any case). */
  escapes?: 'once' | 'twice';
  /** Fewest units of a token (prefix included). */
  min: number;
  /** Most units of a token (prefix included); absent: any. */
  max?: number;
  /** Literals one of which a token begins with. */
  prefixes?: string[];
  /** `=` (or, with escapes, %3D / %253D) that may follow the token and belong to it: at most this many. */
  padding?: number;
  /** Characters before the token that the match and its lookbehinds may read. */
  before: number;
  /** Characters after the token (and its padding) that the match and its lookaheads may read. */
  after: number;
}

/** The token part of a shape, compiled: what candidate extraction needs (reach aside). */
export interface Shape {
  /** Identity: rules with the same token shape share one candidate list. */
  key: string;
  /** alphabet[c] = 1 where character code c (< 128) is in the alphabet. */
  alphabet: Uint8Array;
  escapes: 0 | 1 | 2;
  min: number;
  max: number;
  prefixes: string[];
  padding: number;
}

/** A rule's shape: the token and how far around it the rule's match reaches. */
export interface RuleShape {
  token: Shape;
  before: number;
  after: number;
}

export const ALPHABETS: Record<string, string> = {
  base64: '[A-Za-z0-9+/]',
  base64url: '[A-Za-z0-9_-]',
  alphanumeric: '[A-Za-z0-9]',
  'upper-alphanumeric': '[A-Z0-9]',
  'lower-alphanumeric': '[a-z0-9]',
  hex: '[0-9A-Fa-f]',
};

/** The largest reach (before, after) a shape may declare: windows stay small, whatever a rule says. */
export const MAX_REACH = 65536;
/** The largest `min` a shape may declare (the skip loop's step). */
export const MAX_MIN = 1 << 20;

/** The characters of a class `[...]` (literals, ranges a-z, `\\` escapes the next character). */
function classChars(cls: string): Uint8Array | string {
  if (!cls.startsWith('[') || !cls.endsWith(']') || cls.length < 3) return `"${cls}" is neither a named alphabet (${Object.keys(ALPHABETS).join(', ')}) nor a class like [A-Za-z0-9_]`;
  const body = cls.slice(1, -1);
  if (body.startsWith('^')) return 'a negated class is not an alphabet';
  // Each character with whether it was escaped: an unescaped `-` between two characters is a range.
  const items: { code: number; escaped: boolean }[] = [];
  for (let i = 0; i < body.length; i++) {
    const escaped = body[i] === '\\';
    if (escaped && ++i >= body.length) return 'ends with a lone \\';
    items.push({ code: body.charCodeAt(i), escaped });
  }
  const table = new Uint8Array(128);
  for (let j = 0; j < items.length; j++) {
    const from = items[j]!.code;
    let to = from;
    const dash = items[j + 1];
    if (dash !== undefined && !dash.escaped && dash.code === 45 && j + 2 < items.length) {
      to = items[j + 2]!.code;
      j += 2;
    }
    if (to < from) return `range ${String.fromCharCode(from)}-${String.fromCharCode(to)} is out of order`;
    if (to >= 128) return 'only ASCII characters can be in an alphabet';
    for (let k = from; k <= to; k++) table[k] = 1;
  }
  return table;
}

const isWhole = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Compiles a shape; a string is what is wrong with it (one line, for the rule's problem). */
export function compileShape(raw: unknown): RuleShape | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'must be a mapping (alphabet, min, before, after, ...)';
  const s = raw as Record<string, unknown>;
  const known = ['alphabet', 'escapes', 'min', 'max', 'prefixes', 'padding', 'before', 'after'];
  for (const key of Object.keys(s)) if (!known.includes(key)) return `${key} is not a known field (${known.join(', ')})`;
  if (typeof s.alphabet !== 'string') return 'alphabet is required: a named alphabet or a class like [A-Za-z0-9]';
  const alphabet = classChars(ALPHABETS[s.alphabet] ?? s.alphabet);
  if (typeof alphabet === 'string') return `alphabet ${alphabet}`;
  if (s.escapes !== undefined && s.escapes !== 'once' && s.escapes !== 'twice') return 'escapes must be once or twice';
  if (!isWhole(s.min, 1, MAX_MIN)) return `min must be a whole number from 1 to ${MAX_MIN}`;
  if (s.max !== undefined && !isWhole(s.max, s.min as number, Number.MAX_SAFE_INTEGER)) return 'max must be a whole number no smaller than min';
  if (s.padding !== undefined && !isWhole(s.padding, 0, 16)) return 'padding must be a whole number from 0 to 16';
  for (const field of ['before', 'after'] as const) if (!isWhole(s[field], 0, MAX_REACH)) return `${field} is required: a whole number of characters from 0 to ${MAX_REACH}`;
  const prefixes = s.prefixes ?? [];
  if (!Array.isArray(prefixes) || !prefixes.every((p) => typeof p === 'string' && p !== '')) return 'prefixes must be a list of non-empty strings';
  for (const p of prefixes as string[]) {
    for (const ch of p) if (!(ch.charCodeAt(0) < 128 && alphabet[ch.charCodeAt(0)] === 1)) return `prefix "${p}" has "${ch}", which is not in the alphabet`;
  }
  const escapes = s.escapes === 'twice' ? 2 : s.escapes === 'once' ? 1 : 0;
  const token: Omit<Shape, 'key'> = { alphabet, escapes, min: s.min as number, max: (s.max as number | undefined) ?? Infinity, prefixes: [...(prefixes as string[])].sort(), padding: (s.padding as number | undefined) ?? 0 };
  const key = JSON.stringify([[...alphabet].join(''), token.escapes, token.min, s.max ?? null, token.prefixes, token.padding]);
  return { token: { key, ...token }, before: s.before as number, after: s.after as number };
}
