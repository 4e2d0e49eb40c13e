// The SARIF 2.1.0 JSON schema, compiled once for every test that checks SARIF output.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/**
 * The SARIF 2.1.0 JSON schema as shipped in the @microsoft/jest-sarif package (Microsoft's copy of
 * SchemaStore's sarif-2.1.0-rtm.5.json, the OASIS 2.1.0 schema); read from node_modules, not vendored.
 */
const require = createRequire(import.meta.url);
export const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

/**
 * The schema is written in draft-04, which Ajv 8 has no meta-schema for. Its keywords mean the same in
 * draft-07 (the guard test below checks the ones that changed are absent), so it is compiled as draft-07:
 * `$schema` and draft-04's `id` are dropped, `strict: false` tolerates its loose spots (e.g. `default`
 * values that are not of the property's type), and ajv-formats checks `uri`, `uri-reference` and
 * `date-time` (without it Ajv would ignore formats). `unicodeRegExp: false` because the schema's
 * `language` pattern has a stray `]` that is a syntax error under the `u` flag Ajv uses by default.
 */
function compileSchema(): ValidateFunction {
  const { $schema: _meta, id: _id, ...body } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajvFormats.default(ajv);
  return ajv.compile(body);
}
export const validate = compileSchema();
