// Stores the built-in rules (rules/*.yml) as dist/rules.json and the canary accounts as
// dist/canary-accounts.json, so that start-up need not load a YAML parser. Run by `npm run build` after
// tsc; src/rules/load.ts and src/providers/aws/canary.ts fall back to the YAML when a JSON file is missing or
// was built from other contents (src/rules/digest.ts).
// With --schema (npm run schema) it also rewrites the rule definitions of
// schema/keyhound-config.schema.json from the field table in src/rules/fields.ts; test/schema.test.ts
// fails while the shipped file differs from what the table makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { CANARY_ACCOUNTS_FILE, CANARY_ACCOUNTS_JSON, parseCanaryAccounts } from '../dist/src/providers/aws/canary.js';
import { BUILTIN_RULES_JSON, builtinRuleDigests, builtinRuleFiles, parseBuiltinRuleFiles } from '../dist/src/rules/load.js';
import { textDigest } from '../dist/src/rules/digest.js';
import { relative, join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../dist/src/rules/load.js';
import { withRuleDefinitions } from '../dist/src/rules/fields.js';

const { rules, problems } = parseBuiltinRuleFiles();
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.file}:${p.line ?? ''}: ${p.ruleId ?? ''} ${p.field ?? ''}: ${p.message}`);
  process.exitCode = 1;
} else {
  const files = builtinRuleFiles().map((f) => relative(join(BUILTIN_RULES_DIR, '..'), f));
  writeFileSync(BUILTIN_RULES_JSON, JSON.stringify({ files, digests: builtinRuleDigests(), rules }));
}

// Parsed (and so validated) here: a malformed list fails the build, not a user's scan.
const canaryText = readFileSync(CANARY_ACCOUNTS_FILE, 'utf8');
const canaries = parseCanaryAccounts(canaryText, CANARY_ACCOUNTS_FILE);
writeFileSync(CANARY_ACCOUNTS_JSON, JSON.stringify({ digest: textDigest(canaryText), accounts: [...canaries] }));

if (process.argv.includes('--schema')) {
  const file = new URL('../schema/keyhound-config.schema.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(withRuleDefinitions(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
}
