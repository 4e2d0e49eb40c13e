// The shape of a rule as written in rules/*.yml, and validation that collects every problem at once.
import { AWS_PROVIDER } from '../providers/aws/index.js';
import { partInfo, providerOf, reservedIdentities } from '../providers/index.js';
import { ALLOWLIST_FIELDS, ID_PATTERN, NEAR_FIELDS, PAIRS_FIELDS, REQUIRES_FIELDS, RULE_FIELDS, RULE_KIND_VALUES, SHAPE_FIELDS, type RuleField } from './fields.js';
import { compileShape, type RawShape } from '../shape/shape.js';
import { ShapeFinder } from '../shape/extract.js';
import { decodedTextOf } from '../decode/index.js';
import type { Severity } from '../types.js';
import { RULE_SEVERITIES } from '../types.js';

/**
 * Deprecated: what kind of AWS credential part a rule finds. Still accepted in rule files and config:
 * key-id, secret-key and session-token mean `provider: aws` with that `part`; other means no part.
 */
export type RuleKind = (typeof RULE_KIND_VALUES)[number];
export const RULE_KINDS: readonly RuleKind[] = RULE_KIND_VALUES;

/** A part that pairs with other parts of its provider into one credential (gitleaks' [[rules.required]]). */
export interface RawPairs {
  /** Parts of the same provider this part pairs with (an access key ID: [secret-key]). */
  with: string[];
  /** How many lines apart the two may be. */
  withinLines: number;
}

/** Evidence a match needs nearby before it counts (for secrets that look like any base64 string). */
export interface RawRequirement {
  /** Rules of which at least one must have a finding within `withinLines` lines. */
  rules?: string[];
  /** A regex that must match somewhere within `withinLines` lines. `(?i)` prefix = case-insensitive. */
  pattern?: string;
  withinLines: number;
  /** Globs of tabular files (CSV) where a row is a record: there the evidence must be on the same line. */
  sameLineIn?: string[];
}

/** Text nearby that says a match is something else: the match is dropped when `pattern` occurs within `withinLines`. */
export interface RawNear {
  pattern: string;
  withinLines: number;
}

export interface RawRule {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  /** The service whose credential this is (aws, github); a rule without one belongs to none. */
  provider?: string;
  /** Which part of the provider's credential the rule finds (key-id, secret-key, token). */
  part?: string;
  /** On a part that pairs with others: which, and how close. */
  pairs?: RawPairs;
  /** Deprecated: see RuleKind. */
  kind?: RuleKind;
  /** One capture group: the secret. A leading `(?i)` makes it case-insensitive. */
  regex: string;
  /** Lowercased literals; a fragment containing none of them is not searched with this rule. */
  keywords?: string[];
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  allowlist?: { regexes?: string[]; paths?: string[]; stopwords?: string[]; prefixes?: string[]; near?: RawNear };
  requires?: RawRequirement;
  /** The token's shape: the regex runs only around candidates of it. */
  shape?: RawShape;
  examples: string[];
  negativeExamples: string[];
  remediation: string;
  references: string[];
}

/**
 * The type and the field table (fields.ts) name the same fields: this does not compile when one gains
 * or loses a field the other lacks.
 */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const RAW_RULE_MATCHES_FIELD_TABLE: SameKeys<keyof RawRule, RuleField> & SameKeys<keyof RawPairs, keyof typeof PAIRS_FIELDS> & SameKeys<keyof RawRequirement, keyof typeof REQUIRES_FIELDS> & SameKeys<keyof RawShape, keyof typeof SHAPE_FIELDS> & SameKeys<keyof RawNear, keyof typeof NEAR_FIELDS> = true;

/** One thing wrong with a rule; `line` is the rule's line in its file when known. */
export interface Problem {
  file: string;
  line?: number;
  ruleId?: string;
  field?: string;
  message: string;
}

const ID_SHAPE = new RegExp(ID_PATTERN);
const KNOWN_FIELDS: readonly string[] = Object.keys(RULE_FIELDS);
const ALLOWLIST_KEYS: readonly string[] = Object.keys(ALLOWLIST_FIELDS);
const PAIRS_KEYS: readonly string[] = Object.keys(PAIRS_FIELDS);
const REQUIRES_KEYS: readonly string[] = Object.keys(REQUIRES_FIELDS);
const NEAR_KEYS: readonly string[] = Object.keys(NEAR_FIELDS);
const TEXT_FIELDS = ['id', 'title', 'description', 'regex', 'remediation'] as const;

/** Splits the Go/PCRE-style `(?i)` prefix, which JavaScript regexes lack, into a flag. */
export function splitFlags(source: string): { source: string; flags: string } {
  return source.startsWith('(?i)') ? { source: source.slice(4), flags: 'i' } : { source, flags: '' };
}

/** Compiles a rule regex, or returns the error message. */
export function tryRegex(source: string, extraFlags = ''): RegExp | string {
  const split = splitFlags(source);
  try {
    return new RegExp(split.source, split.flags + extraFlags);
  } catch (err) {
    return (err as Error).message;
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Every problem with one rule taken on its own (cross-rule checks live in validateRuleSet). */
/**
 * `examples: false` skips what runs the rule's examples (the shape's reach, and the keywords of examples
 * that only hold them once decoded, which runs the decoders): the built-in rules in
 * dist/rules.json were checked so when it was built (scripts/build-rules.mjs), and it is used only
 * while the rule files' digests match; running them again cost every start ~15 ms (the hook's budget).
 */
export function validateRule(raw: Record<string, unknown>, where: { file: string; line?: number }, opts: { examples?: boolean } = {}): Problem[] {
  const ruleId = typeof raw.id === 'string' ? raw.id : undefined;
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ ...where, ruleId, field, message });
  for (const field of TEXT_FIELDS) {
    if (typeof raw[field] !== 'string' || (raw[field] as string).trim() === '') add(field, 'is required and must be a non-empty string');
  }
  if (ruleId !== undefined && !ID_SHAPE.test(ruleId)) add('id', `"${ruleId}" must be kebab-case (a-z, 0-9, dashes)`);
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.includes(key)) add(key, 'is not a known field of a rule');
  if (!RULE_SEVERITIES.includes(raw.severity as never)) add('severity', `must be one of ${RULE_SEVERITIES.join(', ')}`);
  validateProvider(raw, add);
  validateRegex(raw, add);
  validateKeywords(raw, add, opts.examples !== false);
  if (raw.entropy !== undefined && !(typeof raw.entropy === 'number' && raw.entropy >= 0 && raw.entropy <= 8)) add('entropy', 'must be a number from 0 to 8');
  validateAllowlist(raw.allowlist, add);
  validateRequires(raw.requires, add);
  validateShape(raw, add, opts.examples !== false);
  for (const field of ['examples', 'negativeExamples'] as const) {
    if (!isStringArray(raw[field]) || raw[field].length === 0) add(field, 'must be a non-empty list of strings');
  }
  if (!isStringArray(raw.references)) add('references', 'must be a list of URLs');
  return problems;
}

/** The provider and part a rule names, with the deprecated `kind` read as the AWS part it means. */
export function providerPartOf(raw: Pick<RawRule, 'provider' | 'part' | 'kind'>): { provider?: string; part?: string } {
  if (raw.part !== undefined || raw.kind === undefined || raw.kind === 'other') return { provider: raw.provider, part: raw.part };
  return { provider: raw.provider ?? AWS_PROVIDER, part: raw.kind };
}

function validateProvider(raw: Record<string, unknown>, add: (field: string, message: string) => void): void {
  for (const field of ['provider', 'part'] as const) {
    const v = raw[field];
    if (v !== undefined && (typeof v !== 'string' || !ID_SHAPE.test(v))) add(field, 'must be kebab-case (a-z, 0-9, dashes)');
  }
  if (typeof raw.id === 'string' && reservedIdentities().includes(raw.id)) add('id', `"${raw.id}" is reserved: it names a credential part (use part: ${raw.id})`);
  if (raw.kind !== undefined) {
    if (!RULE_KINDS.includes(raw.kind as RuleKind)) add('kind', `must be one of ${RULE_KINDS.join(', ')} (deprecated: use provider and part)`);
    else if (raw.part !== undefined) add('kind', 'is deprecated and cannot be given with part: remove it');
    else if (raw.kind !== 'other' && raw.provider !== undefined && raw.provider !== AWS_PROVIDER) add('kind', `means an AWS part; with provider ${String(raw.provider)} use part`);
  }
  const { provider, part } = providerPartOf(raw as Pick<RawRule, 'provider' | 'part' | 'kind'>);
  const known = providerOf(provider);
  if (part !== undefined && provider === undefined) add('part', 'needs a provider (the service whose credential it is)');
  if (known !== undefined && typeof part === 'string' && ID_SHAPE.test(part) && partInfo({ provider, part }) === undefined) {
    add('part', `provider ${known.id} has no part "${part}" (its parts: ${Object.keys(known.parts).join(', ')})`);
  }
  validatePairs(raw.pairs, part !== undefined, add);
  const pairsWith = (raw.pairs as { with?: unknown } | undefined)?.with;
  if (part !== undefined && Array.isArray(pairsWith) && pairsWith.includes(part)) add('pairs.with', `names the rule's own part (${part}): a part pairs with other parts`);
}

function validatePairs(value: unknown, hasPart: boolean, add: (field: string, message: string) => void): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return add('pairs', 'must be a mapping (with, withinLines)');
  const pairs = value as Record<string, unknown>;
  if (!hasPart) add('pairs', 'needs a provider and part: a rule pairs with other parts of its provider');
  for (const key of Object.keys(pairs)) if (!PAIRS_KEYS.includes(key)) add(`pairs.${key}`, `is not a known field (${PAIRS_KEYS.join(', ')})`);
  if (!isStringArray(pairs.with) || pairs.with.length === 0) add('pairs.with', 'must be a non-empty list of parts');
  else for (const part of pairs.with) if (!ID_SHAPE.test(part)) add('pairs.with', `"${part}" must be kebab-case (a-z, 0-9, dashes)`);
  if (!Number.isInteger(pairs.withinLines) || (pairs.withinLines as number) < 0) add('pairs.withinLines', 'must be a whole number of lines (0 = same line)');
}

/** How many capture groups a regex has: matching the empty alternative still reports them all. */
const groupCount = (re: RegExp): number => new RegExp(`${re.source}|`).exec('')!.length - 1;

function validateRegex(raw: Record<string, unknown>, add: (field: string, message: string) => void): void {
  if (typeof raw.regex !== 'string') return;
  const compiled = tryRegex(raw.regex);
  if (typeof compiled === 'string') add('regex', `does not compile: ${compiled}`);
  else if (groupCount(compiled) < 1) add('regex', 'needs one capture group for the secret');
}

/**
 * Keywords are optional: a rule whose regex begins with a fixed literal (`AKIA…`) needs no keyword gate,
 * because the regex engine finds the literal as fast as the gate would.
 */
/** `examples`: also check that each example holds a keyword (as written or decoded: not for rules checked at build). */
function validateKeywords(raw: Record<string, unknown>, add: (field: string, message: string) => void, examples: boolean): void {
  if (raw.keywords === undefined) return;
  if (!isStringArray(raw.keywords)) {
    add('keywords', 'must be a list of lowercase strings');
    return;
  }
  if (raw.keywords.length === 0) return;
  for (const kw of raw.keywords) if (kw !== kw.toLowerCase() || kw === '') add('keywords', `"${kw}" must be non-empty and lowercase`);
  if (!examples || !isStringArray(raw.examples)) return;
  for (const ex of raw.examples) {
    // An example of a hidden key (a base64-encoded file) has its keyword once decoded: the detector
    // tests a decoded view's keywords on the view.
    const has = (text: string): boolean => (raw.keywords as string[]).some((kw) => text.toLowerCase().includes(kw));
    if (!has(ex) && !has(decodedTextOf(ex))) add('keywords', `no keyword occurs in example "${ex.slice(0, 40)}", as written or decoded`);
  }
}

function validateAllowlist(value: unknown, add: (field: string, message: string) => void): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null) return add('allowlist', 'must be a mapping');
  const list = value as Record<string, unknown>;
  for (const key of Object.keys(list)) {
    if (!ALLOWLIST_KEYS.includes(key)) add(`allowlist.${key}`, `is not a known field (${ALLOWLIST_KEYS.join(', ')})`);
    else if (key === 'near') validateNear(list.near, add);
    else if (!isStringArray(list[key])) add(`allowlist.${key}`, 'must be a list of strings');
  }
  for (const field of ['regexes', 'prefixes'] as const) {
    const value = list[field];
    if (!isStringArray(value)) continue;
    for (const re of value) {
      const compiled = tryRegex(re);
      if (typeof compiled === 'string') add(`allowlist.${field}`, `"${re}" does not compile: ${compiled}`);
    }
  }
}

function validateNear(value: unknown, add: (field: string, message: string) => void): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return add('allowlist.near', 'must be a mapping with pattern and withinLines');
  const near = value as Record<string, unknown>;
  for (const key of Object.keys(near)) if (!NEAR_KEYS.includes(key)) add(`allowlist.near.${key}`, `is not a known field (${NEAR_KEYS.join(', ')})`);
  const compiled = typeof near.pattern === 'string' && near.pattern !== '' ? tryRegex(near.pattern) : 'is required and must be a non-empty string';
  if (typeof compiled === 'string') add('allowlist.near.pattern', compiled);
  if (!Number.isInteger(near.withinLines) || (near.withinLines as number) < 0) add('allowlist.near.withinLines', 'must be a whole number of lines (0 = same line)');
}

function validateRequires(value: unknown, add: (field: string, message: string) => void): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null) return add('requires', 'must be a mapping');
  const req = value as Record<string, unknown>;
  for (const key of Object.keys(req)) if (!REQUIRES_KEYS.includes(key)) add(`requires.${key}`, `is not a known field (${REQUIRES_KEYS.join(', ')})`);
  if (req.rules === undefined && req.pattern === undefined) add('requires', 'needs rules or a pattern');
  if (req.rules !== undefined && (!isStringArray(req.rules) || req.rules.length === 0)) add('requires.rules', 'must be a non-empty list of rule ids');
  if (req.rules !== undefined && req.pattern !== undefined) add('requires', 'takes rules or a pattern, not both');
  if (req.pattern !== undefined) {
    const compiled = typeof req.pattern === 'string' ? tryRegex(req.pattern) : 'must be a string';
    if (typeof compiled === 'string') add('requires.pattern', compiled);
  }
  if (!Number.isInteger(req.withinLines) || (req.withinLines as number) < 0) add('requires.withinLines', 'must be a whole number of lines (0 = same line)');
  if (req.sameLineIn !== undefined && !isStringArray(req.sameLineIn)) add('requires.sameLineIn', 'must be a list of globs');
}

/**
 * A shape compiles, and every match of the rule's regex in its examples keeps to it: the capture lies
 * in a candidate of the shape and the whole match within `before`/`after` of it. A shape that misses
 * one would make the rule miss that match, so it is refused here rather than found in a scan.
 */
function validateShape(raw: Record<string, unknown>, add: (field: string, message: string) => void, runExamples: boolean): void {
  if (raw.shape === undefined) return;
  const shape = compileShape(raw.shape);
  if (typeof shape === 'string') return add('shape', shape);
  if (!runExamples) return;
  const regex = typeof raw.regex === 'string' ? tryRegex(raw.regex, 'gd') : undefined;
  if (regex === undefined || typeof regex === 'string' || !isStringArray(raw.examples)) return;
  const finder = new ShapeFinder([shape.token]);
  for (const example of raw.examples) {
    const candidates = finder.inString(example)[0]!;
    for (const m of example.matchAll(regex)) {
      const span = m.indices?.[1];
      if (span === undefined) continue;
      const end = m.index + m[0].length;
      const fits = candidates.some((c) => c.start <= span[0] && span[1] <= c.end && c.start - shape.before <= m.index && end <= c.end + shape.after);
      if (!fits) return add('shape', `the match "${m[0].slice(0, 60)}" in example "${example.slice(0, 40)}" is not inside a candidate of the shape (within before/after of it)`);
      // What the regex's lookarounds read must be inside the window too: the same match in the window alone.
      const c = candidates.find((c) => c.start <= span[0] && span[1] <= c.end)!;
      const from = Math.max(0, c.start - shape.before);
      const again = tryRegex(raw.regex as string, 'dy') as RegExp;
      again.lastIndex = m.index - from;
      const w = again.exec(example.slice(from, c.end + shape.after));
      if (w === null || w[0] !== m[0] || w.indices?.[1]?.[0] !== span[0] - from) return add('shape', `the match "${m[0].slice(0, 60)}" in example "${example.slice(0, 40)}" is not found in the window of its candidate: before/after must cover what the regex's lookarounds read`);
    }
  }
}

/** Problems that only show across rules: duplicate ids, requirements naming unknown rules. */
export function validateRuleSet(rules: { rule: RawRule; file: string; line?: number }[], knownIds: string[] = []): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>(knownIds.map((id) => [id, 'the built-in rules']));
  const byId = new Map(rules.map(({ rule }) => [rule.id, rule]));
  for (const { rule, file, line } of rules) {
    const where = { file, line, ruleId: rule.id };
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) problems.push({ ...where, field: 'id', message: `duplicate id (first defined in ${earlier})` });
    seen.set(rule.id, file);
  }
  const pairsOf = new Map<string, { pairs: string; ruleId: string }>();
  for (const { rule, file, line } of rules) {
    const { provider, part } = providerPartOf(rule);
    if (rule.pairs === undefined || part === undefined) continue;
    const key = `${provider}/${part}`;
    const pairs = JSON.stringify([rule.pairs.with, rule.pairs.withinLines]);
    const earlier = pairsOf.get(key);
    if (earlier !== undefined && earlier.pairs !== pairs) problems.push({ file, line, ruleId: rule.id, field: 'pairs', message: `differs from rule ${earlier.ruleId}'s: every rule of part ${key} must pair alike` });
    else pairsOf.set(key, { pairs, ruleId: rule.id });
  }
  for (const { rule, file, line } of rules) {
    for (const target of rule.requires?.rules ?? []) {
      if (!seen.has(target)) problems.push({ file, line, ruleId: rule.id, field: 'requires.rules', message: `names unknown rule "${target}"` });
      else if (target === rule.id) problems.push({ file, line, ruleId: rule.id, field: 'requires.rules', message: 'a rule cannot require itself' });
      else if (byId.get(target)?.requires?.rules !== undefined) problems.push({ file, line, ruleId: rule.id, field: 'requires.rules', message: `"${target}" itself requires other rules; chains are not supported` });
    }
  }
  return problems;
}

/** One line per problem, naming file, line, rule and field: what the user sees before exit 2. */
/**
 * A yaml library error as one line: its first line, without the colon that introduced the source excerpt
 * on the following lines ("... at line 3, column 3:"), which would otherwise dangle at the end.
 */
export function yamlMessage(message: string): string {
  return message.split('\n')[0]!.trim().replace(/\s*:$/, '');
}

export function formatProblem(p: Problem): string {
  const place = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const what = [p.ruleId !== undefined ? `rule ${p.ruleId}` : '', p.field ?? ''].filter(Boolean).join(' ');
  return what === '' ? `${place}: ${p.message}` : `${place}: ${what}: ${p.message}`;
}
