// Stores the built-in rules (rules/*.yml) as dist/rules.json, so that start-up need not load a YAML
// parser. Run by `npm run build` after tsc; src/rules/load.ts falls back to the YAML when this file is
// missing or older than a rules file.
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES_JSON, builtinRuleFiles, parseBuiltinRuleFiles } from '../dist/src/rules/load.js';
import { relative, join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../dist/src/rules/load.js';

const { rules, problems } = parseBuiltinRuleFiles();
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.file}:${p.line ?? ''}: ${p.ruleId ?? ''} ${p.field ?? ''}: ${p.message}`);
  process.exitCode = 1;
} else {
  const files = builtinRuleFiles().map((f) => relative(join(BUILTIN_RULES_DIR, '..'), f));
  writeFileSync(BUILTIN_RULES_JSON, JSON.stringify({ files, rules }));
}
