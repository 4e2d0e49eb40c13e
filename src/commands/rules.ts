// `keyhound rules`: the active rules; `keyhound rules check FILE`: validate a rules file and run its examples.
import { prepare } from '../pipeline.js';
import { checkExamples, formatFailure } from '../rules/check.js';
import { loadBuiltinRules, loadRuleFiles, ruleIdsIn } from '../rules/load.js';
import { formatProblem } from '../rules/schema.js';
import { EXIT, fail, type Io } from './io.js';

export interface RulesArgs {
  action?: string;
  file?: string;
  config?: string;
  json: boolean;
}

export async function runRules(args: RulesArgs, io: Io): Promise<number> {
  if (args.action === 'check') return args.file === undefined ? fail(io, 'rules check needs a FILE') : checkRuleFile(args.file, io);
  if (args.action !== undefined) return fail(io, `rules: unknown action "${args.action}" (try: keyhound rules, keyhound rules check FILE)`);
  const ready = await prepare({ rootDir: io.cwd ?? '.', configFile: args.config, suppress: true });
  if (!ready.ok) return fail(io, ready.messages);
  const rules = ready.prepared.rules;
  if (args.json) {
    const list = rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity, provider: r.provider, part: r.part, description: r.description }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) io.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}\n`);
  io.stdout.write(`\n${rules.length} active rules (built-in${ready.prepared.config.file ? ` + ${ready.prepared.config.file}` : ''}). Severity is for a finding on its own; a key ID with its secret is critical.\n`);
  return EXIT.clean;
}

/**
 * A file whose rules all have built-in ids is a built-in rules file or a copy of it (being edited):
 * it is checked in place of those built-in rules, with the other built-ins alongside. Any other file
 * is checked beside all the built-ins, and an id it shares with one is a duplicate.
 */
async function checkRuleFile(file: string, io: Io): Promise<number> {
  const builtin = loadBuiltinRules();
  if (!builtin.ok) return fail(io, builtin.problems.map(formatProblem));
  const builtinIds = new Set(builtin.rules.map((r) => r.id));
  const ids = ruleIdsIn(file);
  const replaces = ids.length > 0 && ids.every((id) => builtinIds.has(id));
  const loaded = loadRuleFiles([file], (f) => f, replaces ? [] : [...builtinIds], true);
  if (!loaded.ok) return fail(io, [...loaded.problems.map(formatProblem), `${file}: ${loaded.problems.length} problem(s)`]);
  const own = new Set(loaded.rules.map((r) => r.id));
  const others = builtin.rules.filter((r) => !own.has(r.id));
  const failures = checkExamples(loaded.rules, [...others, ...loaded.rules]);
  if (failures.length > 0) return fail(io, [...failures.map((f) => `${file}: ${formatFailure(f)}`), `${file}: ${failures.length} example(s) failed`]);
  const examples = loaded.rules.reduce((n, r) => n + r.examples.length + r.negativeExamples.length, 0);
  const how = replaces ? ' (in place of the built-in rules with the same ids)' : '';
  io.stdout.write(`${file}: ${loaded.rules.length} rule(s) valid${how}; all ${examples} examples behave as stated\n`);
  return EXIT.clean;
}
