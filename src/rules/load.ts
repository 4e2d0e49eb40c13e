// Reads rules/*.yml, validates the whole set (every problem at once), and compiles each rule once.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Severity } from '../types.js';
import type { Problem, RawPairs, RawRule } from './schema.js';
import { backtrackingProblems } from './redos.js';
import { providerPartOf, splitFlags, validateRule, validateRuleSet, yamlMessage } from './schema.js';
import { textDigest } from './digest.js';
import { compileShape, type RuleShape } from '../shape/shape.js';

export interface CompiledRule {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  /** The service whose credential the rule finds (src/providers); none for a rule of no provider. */
  provider?: string;
  /** The part of that credential (key-id, secret-key, token); drives labels, pairing, fingerprints. */
  part?: string;
  /** Set on a part that pairs with others of its provider (an access key ID with a secret key). */
  pairs?: RawPairs;
  remediation: string;
  references: string[];
  /** Flags `gd`: global, with match indices so the secret's own offsets are known. */
  regex: RegExp;
  /** Lowercase; the rule runs only on text containing one (any case). Empty: no gate. */
  keywords: string[];
  entropy?: number;
  allowRegexes: RegExp[];
  /** Regexes tested on the text before a match on its line: `password = ` says it is not an AWS key. */
  allowPrefixes: RegExp[];
  /** A pattern that, within its lines of a match, says the match is something else (the AWS secret there is a reference). */
  allowNear?: { pattern: RegExp; withinLines: number };
  stopwords: string[];
  allowPaths: string[];
  requires?: { rules?: string[]; pattern?: RegExp; withinLines: number; sameLineIn: string[] };
  /** The token's shape: the regex runs only in windows around its candidates. None: over the whole text. */
  shape?: RuleShape;
  examples: string[];
  negativeExamples: string[];
}

export type LoadResult = { ok: true; rules: CompiledRule[] } | { ok: false; problems: Problem[] };

/** The rules folder shipped with the package (dist/src/rules/ → rules/). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../../rules/', import.meta.url));

/**
 * The built-in rules as JSON, written by `npm run build` (scripts/build-rules.mjs): parsing YAML costs
 * ~80 ms at start-up (loading the parser and running it cold), JSON ~1 ms, and every commit's
 * pre-commit hook pays it. The YAML stays the source; a stale or missing JSON falls back to it.
 */
export const BUILTIN_RULES_JSON = fileURLToPath(new URL('../../rules.json', import.meta.url));

export interface Located { rule: RawRule; file: string; line?: number; valid: boolean }

/** yaml is loaded only when a YAML file is actually read (never on the pre-commit path). */
const requireYaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/**
 * Every rule in the given YAML files, validated together; `shownAs` names files in messages, and
 * `knownIds` are rules defined elsewhere (the built-in ones) that these may require but not redefine.
 * `checkBacktracking`: also refuse regexes that can backtrack catastrophically (rules not ours).
 */
export function loadRuleFiles(files: string[], shownAs: (file: string) => string = (f) => f, knownIds: string[] = [], checkBacktracking = false): LoadResult {
  const problems: Problem[] = [];
  const located: Located[] = [];
  for (const file of files) {
    const parsed = parseRuleFile(file, shownAs(file));
    problems.push(...parsed.problems);
    located.push(...parsed.rules);
  }
  return finishLoading(located, problems, knownIds, checkBacktracking);
}

/** The ids a rules file gives its rules (valid or not; none when it cannot be read or parsed). */
export function ruleIdsIn(file: string): string[] {
  return parseRuleFile(file, file).rules.flatMap(({ rule }) => (typeof rule.id === 'string' ? [rule.id] : []));
}

function finishLoading(located: Located[], problems: Problem[], knownIds: string[] = [], checkBacktracking = false): LoadResult {
  // Cross-rule checks see every rule, valid or not, so one broken rule does not cascade.
  problems.push(...validateRuleSet(located, knownIds));
  if (problems.length > 0) return { ok: false, problems };
  if (checkBacktracking) {
    for (const { rule, file, line } of located) {
      for (const p of backtrackingProblems(rule)) problems.push({ file, line, ruleId: rule.id, ...p });
    }
    if (problems.length > 0) return { ok: false, problems };
  }
  return { ok: true, rules: located.map(({ rule }) => compileRule(rule)) };
}

/** The built-in rule files: every .yml file directly in rules/, in name order. */
export function builtinRuleFiles(): string[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => join(BUILTIN_RULES_DIR, name));
}

const shownBuiltin = (f: string): string => relative(join(BUILTIN_RULES_DIR, '..'), f);

/**
 * The built-in rules, from the build's JSON when it is fresh, else from the YAML (validated). The JSON
 * is written only from rules that passed validation (scripts/build-rules.mjs refuses a set with any
 * problem), and is read only while its YAML sources have the digests it was built from, so each rule
 * is not validated again at every start (~4 ms of every pre-commit run); the set's cross-rule checks
 * still run.
 */
export function loadBuiltinRules(): LoadResult {
  const files = builtinRuleFiles();
  const compiled = readCompiledRules(files);
  if (compiled === undefined) return loadRuleFiles(files, shownBuiltin);
  return finishLoading(compiled, []);
}

/** The located rules of every built-in file, for scripts/build-rules.mjs to store as JSON. */
export function parseBuiltinRuleFiles(): { rules: Located[]; problems: Problem[] } {
  const parsed = builtinRuleFiles().map((f) => parseRuleFile(f, shownBuiltin(f)));
  return { rules: parsed.flatMap((p) => p.rules), problems: parsed.flatMap((p) => p.problems) };
}

/** The digest of each built-in rule file, in order: dist/rules.json is used only while they match. */
export function builtinRuleDigests(files: string[] = builtinRuleFiles()): string[] {
  return files.map((f) => textDigest(readFileSync(f, 'utf8')));
}

function readCompiledRules(files: string[]): Located[] | undefined {
  try {
    const data = JSON.parse(readFileSync(BUILTIN_RULES_JSON, 'utf8')) as { files: string[]; digests?: string[]; rules: Located[] };
    if (data.files.join('\n') !== files.map(shownBuiltin).join('\n')) return undefined;
    if (data.digests?.join('\n') !== builtinRuleDigests(files).join('\n')) return undefined;
    return data.rules;
  } catch {
    return undefined; // not built yet, or unreadable: the YAML is the source anyway
  }
}

function parseRuleFile(file: string, shown: string): { rules: Located[]; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { rules: [], problems: [{ file: shown, message: `cannot read: ${(err as Error).message}` }] };
  }
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    return { rules: [], problems: doc.errors.map((e) => ({ file: shown, line: e.linePos?.[0].line, message: yamlMessage(e.message) })) };
  }
  const items = doc.get('rules');
  if (items === undefined || typeof items !== 'object' || items === null || !('items' in items)) {
    return { rules: [], problems: [{ file: shown, message: 'must be a mapping with a "rules:" list' }] };
  }
  // Lines come from the syntax nodes; values from toJS(), which resolves anchors and aliases (and
  // throws on an alias bomb: "Excessive alias count").
  let values: unknown[];
  try {
    values = (doc.toJS() as { rules: unknown[] }).rules;
  } catch (err) {
    return { rules: [], problems: [{ file: shown, message: `cannot be read: ${yamlMessage((err as Error).message)}` }] };
  }
  const rules: Located[] = [];
  const problems: Problem[] = [];
  (items as { items: unknown[] }).items.forEach((node, i) => {
    const range = (node as { range?: [number, number, number] }).range;
    const line = range ? lineCounter.linePos(range[0]).line : undefined;
    const raw = values[i];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ file: shown, line, message: 'each rule must be a mapping' });
      return;
    }
    const ruleProblems = validateRule(raw as Record<string, unknown>, { file: shown, line });
    problems.push(...ruleProblems);
    rules.push({ rule: raw as RawRule, file: shown, line, valid: ruleProblems.length === 0 });
  });
  return { rules, problems };
}

function compileRegex(source: string, flags: string): RegExp {
  const split = splitFlags(source);
  return new RegExp(split.source, split.flags + flags);
}

/** Turns a validated rule into the form the detector runs; never throws for a validated rule. */
export function compileRule(rule: RawRule): CompiledRule {
  const req = rule.requires;
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description.trim(),
    severity: rule.severity,
    ...providerPartOf(rule),
    pairs: rule.pairs,
    remediation: rule.remediation.trim(),
    references: rule.references,
    regex: compileRegex(rule.regex, 'gd'),
    keywords: rule.keywords ?? [],
    entropy: rule.entropy,
    allowRegexes: (rule.allowlist?.regexes ?? []).map((r) => compileRegex(r, '')),
    allowPrefixes: (rule.allowlist?.prefixes ?? []).map((r) => compileRegex(r, '')),
    allowNear: rule.allowlist?.near && { pattern: compileRegex(rule.allowlist.near.pattern, ''), withinLines: rule.allowlist.near.withinLines },
    stopwords: (rule.allowlist?.stopwords ?? []).map((w) => w.toLowerCase()),
    allowPaths: rule.allowlist?.paths ?? [],
    requires: req && {
      rules: req.rules,
      pattern: req.pattern === undefined ? undefined : compileRegex(req.pattern, ''),
      withinLines: req.withinLines,
      sameLineIn: req.sameLineIn ?? [],
    },
    ...compiledShape(rule),
    examples: rule.examples,
    negativeExamples: rule.negativeExamples,
  };
}

/** The rule's compiled shape, if it declares one (validated: compileShape gives no error). */
function compiledShape(rule: RawRule): { shape?: RuleShape } {
  if (rule.shape === undefined) return {};
  const shape = compileShape(rule.shape);
  return typeof shape === 'string' ? {} : { shape };
}
