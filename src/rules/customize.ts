// Applies a project's configuration to the rule set: extra rules, rules switched off, severities and
// entropy floors changed, allowlists added. A setting that names an unknown rule is an error, not a no-op.
import type { Config } from '../config.js';
import type { Problem } from './schema.js';
import { formatProblem, splitFlags, validateRuleSet } from './schema.js';
import { compileRule, type CompiledRule } from './load.js';
import { backtrackingProblems } from './redos.js';

export type RuleSetResult = { ok: true; rules: CompiledRule[] } | { ok: false; problems: string[] };

const regex = (source: string): RegExp => {
  const split = splitFlags(source);
  return new RegExp(split.source, split.flags);
};

export function applyConfig(builtin: readonly CompiledRule[], config: Config): RuleSetResult {
  const file = config.file ?? '.keyhound.yml';
  const ids = new Set(builtin.map((r) => r.id));
  const problems = configRuleProblems(config, file, [...ids]);
  for (const { rule } of config.rules) ids.add(rule.id);
  const custom = problems.length === 0 ? config.rules.map(({ rule }) => compileRule(rule)) : [];
  const known = (id: string, line: number | undefined, field: string): boolean => {
    if (ids.has(id)) return true;
    problems.push({ file, line, field, message: `names unknown rule "${id}" (keyhound rules lists them)` });
    return false;
  };
  config.disabledRules.forEach(({ id, line }) => known(id, line, 'disabledRules'));
  config.severity.forEach(({ id, line }) => known(id, line, `severity.${id}`));
  config.entropy.forEach(({ id, line }) => known(id, line, `entropy.${id}`));
  config.ruleAllowlists.forEach(({ id, line }) => known(id, line, `ruleAllowlists.${id}`));
  if (problems.length > 0) return { ok: false, problems: problems.map(formatProblem) };
  const disabled = new Set(config.disabledRules.map((d) => d.id));
  const rules = [...builtin, ...custom].filter((r) => !disabled.has(r.id)).map((r) => customize(r, config));
  return { ok: true, rules };
}

/**
 * The configuration's rules go through the checks a rules file gets (loadRuleFiles, `keyhound rules
 * check`): validateRule when the file was read (config.ts), here the cross-rule checks (duplicate ids,
 * a rule requiring itself or an unknown rule, chains) and the backtracking check, since a rule from a
 * scanned repository's .keyhound.yml must not be able to hang the scan. Fields are named as in the
 * file (rules[2].requires.rules), with the rule's line.
 */
function configRuleProblems(config: Config, file: string, builtinIds: string[]): Problem[] {
  // Each rule starts on its own line: the line tells which entry of the list a problem is about.
  const entry = new Map(config.rules.map(({ line }, i) => [line, `rules[${i}]`]));
  const field = (line: number | undefined, name: string | undefined): string => [entry.get(line) ?? 'rules', name].filter(Boolean).join('.');
  const builtinHint = ' (use severity, entropy or ruleAllowlists to change a built-in rule)';
  const problems = validateRuleSet(config.rules.map(({ rule, line }) => ({ rule, file, line })), builtinIds).map((p) => ({
    ...p,
    field: field(p.line, p.field),
    message: p.field === 'id' && builtinIds.includes(p.ruleId ?? '') ? p.message + builtinHint : p.message,
  }));
  for (const { rule, line } of config.rules) {
    for (const p of backtrackingProblems(rule)) problems.push({ file, line, ruleId: rule.id, field: field(line, p.field), message: p.message });
  }
  return problems;
}

/** A copy of the rule with the configuration's overrides and allowlists applied. */
function customize(rule: CompiledRule, config: Config): CompiledRule {
  const severity = config.severity.find((s) => s.id === rule.id)?.severity ?? rule.severity;
  const entropy = config.entropy.find((e) => e.id === rule.id)?.entropy ?? rule.entropy;
  const own = config.ruleAllowlists.filter((a) => a.id === rule.id).map((a) => a.allowlist);
  return {
    ...rule,
    severity,
    entropy,
    allowRegexes: [...rule.allowRegexes, ...config.allowRegexes.map(regex), ...own.flatMap((a) => a.regexes.map(regex))],
    stopwords: [...rule.stopwords, ...config.stopwords, ...own.flatMap((a) => a.stopwords)],
    allowPaths: [...rule.allowPaths, ...own.flatMap((a) => a.paths)],
  };
}
