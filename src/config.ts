// The project configuration file, .keyhound.yml: extra rules, rules switched off or re-graded,
// allowlists, and default flags. Everything is validated before a scan starts, every problem is
// reported with file, line and field, and unknown fields are errors so that a typo never silently
// turns a setting off. The JSON Schema in schema/keyhound-config.schema.json describes the same shape.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from 'yaml';
import type { Severity } from './types.js';
import { RULE_SEVERITIES } from './types.js';
import type { Problem, RawRule } from './rules/schema.js';
import { formatProblem, tryRegex, validateRule, yamlMessage } from './rules/schema.js';
import { parseSize } from './size.js';

export const CONFIG_FILE = '.keyhound.yml';
export const CONFIG_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface RuleAllowlist {
  regexes: string[];
  stopwords: string[];
  paths: string[];
}

export interface Config {
  /** Where it was read from, for messages; undefined when there is no file. */
  file?: string;
  /** Globs (relative to the scanned root) of paths that are never scanned. */
  allowPaths: string[];
  /** Regexes and stopwords that drop a secret whatever rule found it. */
  allowRegexes: string[];
  stopwords: string[];
  /** Extra rules, with the line each starts on. */
  rules: { rule: RawRule; line?: number }[];
  disabledRules: { id: string; line?: number }[];
  severity: { id: string; severity: Severity; line?: number }[];
  entropy: { id: string; entropy: number; line?: number }[];
  ruleAllowlists: { id: string; allowlist: RuleAllowlist; line?: number }[];
  defaults: { format?: (typeof CONFIG_FORMATS)[number]; maxFileSize?: number; archives?: boolean; maxArchiveDepth?: number; binaryStrings?: boolean; maxDecodeDepth?: number };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export const emptyConfig = (): Config => ({
  allowPaths: [], allowRegexes: [], stopwords: [], rules: [], disabledRules: [], severity: [], entropy: [], ruleAllowlists: [], defaults: {},
});

const TOP_FIELDS = ['allowlist', 'rules', 'disabledRules', 'severity', 'entropy', 'ruleAllowlists', 'defaults'];
const ALLOWLIST_FIELDS = ['paths', 'regexes', 'stopwords'];
const DEFAULT_FIELDS = ['format', 'maxFileSize', 'archives', 'maxArchiveDepth', 'binaryStrings', 'maxDecodeDepth'];

/** Reads `file`; `required` says whether a missing file is an error (--config) or just no config. */
export async function loadConfigFile(file: string, required: boolean): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !required) return { ok: true, config: emptyConfig() };
    return { ok: false, problems: [`${file}: cannot read: ${(err as Error).message}`] };
  }
  return parseConfig(text, file);
}

/** The configuration at a scanned folder's root, if it has one. */
export const loadConfig = (dir: string): Promise<ConfigResult> => loadConfigFile(join(dir, CONFIG_FILE), false);

/** Parses and validates configuration text; `file` names it in messages. */
export async function parseConfig(text: string, file: string): Promise<ConfigResult> {
  // yaml is loaded only when there is a configuration file: the pre-commit path often has none.
  const { LineCounter, parseDocument } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => formatProblem({ file, line: e.linePos?.[0].line, message: yamlMessage(e.message) })) };
  }
  let reader: ConfigReader;
  let config: Config;
  try {
    reader = new ConfigReader(doc, lines, file);
    config = reader.read();
  } catch (err) {
    // yaml refuses to expand an alias bomb ("Excessive alias count ...") by throwing: one line, like any other problem.
    return { ok: false, problems: [formatProblem({ file, message: `cannot be read: ${yamlMessage((err as Error).message)}` })] };
  }
  const problems = [...reader.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map(formatProblem);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: { ...config, file } };
}

type Path = (string | number)[];

/** Walks the parsed document, collecting values and problems; each problem knows its line. */
class ConfigReader {
  readonly problems: Problem[] = [];
  private readonly root: unknown;

  constructor(private readonly doc: Document, private readonly lines: import('yaml').LineCounter, private readonly file: string) {
    this.root = doc.toJS() as unknown;
  }

  read(): Config {
    const config = emptyConfig();
    if (this.root === null || this.root === undefined) return config;
    if (!isRecord(this.root)) {
      this.add([], 'must be a mapping of settings');
      return config;
    }
    this.checkKeys(this.root, [], TOP_FIELDS);
    const allow = this.allowlist(this.root.allowlist, ['allowlist']);
    config.allowPaths = allow.paths;
    config.allowRegexes = allow.regexes;
    config.stopwords = allow.stopwords;
    config.rules = this.rules(this.root.rules);
    config.disabledRules = this.strings(this.root.disabledRules, ['disabledRules']).map((id, i) => ({ id, line: this.lineOf(['disabledRules', i]) }));
    config.severity = this.severity(this.root.severity);
    config.entropy = this.entropy(this.root.entropy);
    config.ruleAllowlists = this.ruleAllowlists(this.root.ruleAllowlists);
    config.defaults = this.defaults(this.root.defaults);
    return config;
  }

  /** The line of the deepest node on `path` that exists (so a missing key points at its parent). */
  lineOf(path: Path): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return this.lines.linePos(range[0]).line;
    }
    return undefined;
  }

  add(path: Path, message: string): void {
    const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
    this.problems.push({ file: this.file, line: this.lineOf(path), field: field || undefined, message });
  }

  private checkKeys(value: Record<string, unknown>, path: Path, known: string[]): void {
    for (const key of Object.keys(value)) if (!known.includes(key)) this.add([...path, key], `unknown field (known: ${known.join(', ')})`);
  }

  private strings(value: unknown, path: Path): string[] {
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    this.add(path, 'must be a list of strings');
    return [];
  }

  private regexes(value: unknown, path: Path): string[] {
    const list = this.strings(value, path);
    list.forEach((re, i) => {
      const compiled = tryRegex(re);
      if (typeof compiled === 'string') this.add([...path, i], `does not compile: ${compiled}`);
    });
    return list;
  }

  private allowlist(value: unknown, path: Path): RuleAllowlist {
    if (value === undefined) return { paths: [], regexes: [], stopwords: [] };
    if (!isRecord(value)) {
      this.add(path, 'must be a mapping with paths, regexes and stopwords');
      return { paths: [], regexes: [], stopwords: [] };
    }
    this.checkKeys(value, path, ALLOWLIST_FIELDS);
    return {
      paths: this.strings(value.paths, [...path, 'paths']),
      regexes: this.regexes(value.regexes, [...path, 'regexes']),
      stopwords: this.strings(value.stopwords, [...path, 'stopwords']).map((w) => w.toLowerCase()),
    };
  }

  private rules(value: unknown): Config['rules'] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.add(['rules'], 'must be a list of rules (the same schema as rules/*.yml)');
      return [];
    }
    return value.flatMap((raw, i) => {
      const line = this.lineOf(['rules', i]);
      if (!isRecord(raw)) {
        this.add(['rules', i], 'each rule must be a mapping');
        return [];
      }
      const problems = validateRule(raw, { file: this.file, line });
      this.problems.push(...problems.map((p) => ({ ...p, field: p.field && `rules[${i}].${p.field}` })));
      return problems.length === 0 ? [{ rule: raw as unknown as RawRule, line }] : [];
    });
  }

  private mapping(value: unknown, path: Path): [string, unknown][] {
    if (value === undefined) return [];
    if (!isRecord(value)) {
      this.add(path, 'must be a mapping of rule id to value');
      return [];
    }
    return Object.entries(value);
  }

  private severity(value: unknown): Config['severity'] {
    return this.mapping(value, ['severity']).flatMap(([id, level]) => {
      if (RULE_SEVERITIES.includes(level as never)) return [{ id, severity: level as Severity, line: this.lineOf(['severity', id]) }];
      this.add(['severity', id], `must be one of ${RULE_SEVERITIES.join(', ')}`);
      return [];
    });
  }

  private entropy(value: unknown): Config['entropy'] {
    return this.mapping(value, ['entropy']).flatMap(([id, bits]) => {
      if (typeof bits === 'number' && bits >= 0 && bits <= 8) return [{ id, entropy: bits, line: this.lineOf(['entropy', id]) }];
      this.add(['entropy', id], 'must be a number of bits per character from 0 to 8');
      return [];
    });
  }

  private ruleAllowlists(value: unknown): Config['ruleAllowlists'] {
    return this.mapping(value, ['ruleAllowlists']).map(([id, list]) => ({
      id,
      allowlist: this.allowlist(list, ['ruleAllowlists', id]),
      line: this.lineOf(['ruleAllowlists', id]),
    }));
  }

  private defaults(value: unknown): Config['defaults'] {
    if (value === undefined) return {};
    if (!isRecord(value)) {
      this.add(['defaults'], 'must be a mapping (format, maxFileSize, archives, maxArchiveDepth, binaryStrings, maxDecodeDepth)');
      return {};
    }
    this.checkKeys(value, ['defaults'], DEFAULT_FIELDS);
    const out: Config['defaults'] = {};
    if (value.format !== undefined) {
      if (CONFIG_FORMATS.includes(value.format as never)) out.format = value.format as Config['defaults']['format'];
      else this.add(['defaults', 'format'], `must be one of ${CONFIG_FORMATS.join(', ')}`);
    }
    if (value.maxFileSize !== undefined) {
      const size = parseSize(String(value.maxFileSize));
      if (size !== undefined) out.maxFileSize = size;
      else this.add(['defaults', 'maxFileSize'], 'must be a size such as 500KB, 10MiB or a number of bytes');
    }
    if (value.binaryStrings !== undefined) {
      if (typeof value.binaryStrings === 'boolean') out.binaryStrings = value.binaryStrings;
      else this.add(['defaults', 'binaryStrings'], 'must be true or false');
    }
    if (value.archives !== undefined) {
      if (typeof value.archives === 'boolean') out.archives = value.archives;
      else this.add(['defaults', 'archives'], 'must be true or false');
    }
    if (value.maxArchiveDepth !== undefined) {
      const depth = value.maxArchiveDepth;
      if (typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 && depth <= 64) out.maxArchiveDepth = depth;
      else this.add(['defaults', 'maxArchiveDepth'], 'must be a whole number from 0 to 64');
    }
    if (value.maxDecodeDepth !== undefined) {
      const depth = value.maxDecodeDepth;
      if (typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 && depth <= 8) out.maxDecodeDepth = depth;
      else this.add(['defaults', 'maxDecodeDepth'], 'must be a whole number from 0 to 8');
    }
    return out;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
