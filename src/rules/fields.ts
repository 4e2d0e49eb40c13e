// The one definition of a rule's fields: names, which are required, and each field's JSON Schema.
// From it come the validator's field lists (schema.ts), the rule part of the shipped JSON Schema
// (schema/keyhound-config.schema.json, rewritten by scripts/build-rules.mjs and compared by
// test/schema.test.ts), and a compile-time check that the RawRule type has exactly these fields.
// The checks JSON Schema cannot say (a regex compiles, a keyword occurs in every example, rule ids a
// requirement names exist) stay in schema.ts, which validates without any schema library (the
// pre-commit path must not load one).
import { RULE_SEVERITIES } from '../types.js';

/** A JSON Schema fragment (draft-07), as plain data. */
export type JsonSchema = { [key: string]: unknown };

export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const stringList = { $ref: '#/definitions/stringList' };
const kebab = (description: string): JsonSchema => ({ type: 'string', pattern: ID_PATTERN, description });
const text = { type: 'string', minLength: 1 };
const lines = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });

/** Deprecated values of `kind` (see schema.ts RuleKind). */
export const RULE_KIND_VALUES = ['key-id', 'secret-key', 'session-token', 'other'] as const;

export interface FieldSpec {
  required?: boolean;
  schema: JsonSchema;
}

/** The fields of `allowlist.near`. */
export const NEAR_FIELDS = {
  pattern: { required: true, schema: { type: 'string', minLength: 1 } },
  withinLines: { required: true, schema: { type: 'integer', minimum: 0 } },
} as const satisfies Record<string, FieldSpec>;

/** The fields of a rule's allowlist. */
export const ALLOWLIST_FIELDS = {
  paths: { schema: { description: 'Globs (micromatch) relative to the scanned folder.', ...stringList } },
  regexes: { schema: { description: 'A secret matching one is not reported. A leading (?i) ignores case.', ...stringList } },
  stopwords: { schema: { description: 'A secret containing one (any case) is not reported.', ...stringList } },
  prefixes: { schema: { description: 'A match is dropped when the text before it on its line matches one of these.', ...stringList } },
  near: { schema: objectSchema(NEAR_FIELDS, 'A match is dropped when pattern matches within withinLines lines of it (the AWS secret nearby is a reference: this value is something else).') },
} as const satisfies Record<string, FieldSpec>;

/** The fields of `requires`. */
export const REQUIRES_FIELDS = {
  rules: { schema: { type: 'array', minItems: 1, items: { type: 'string' } } },
  pattern: { schema: { type: 'string' } },
  withinLines: { required: true, schema: { type: 'integer', minimum: 0 } },
  sameLineIn: { schema: { description: 'Globs of tabular files where the evidence must be on the same line.', ...stringList } },
} as const satisfies Record<string, FieldSpec>;

/** The fields of `pairs`. */
export const PAIRS_FIELDS = {
  with: { required: true, schema: { type: 'array', minItems: 1, items: { type: 'string', pattern: ID_PATTERN }, description: 'Parts of the same provider this part pairs with.' } },
  withinLines: { required: true, schema: lines('How many lines apart the two may be (0 = same line).') },
} as const satisfies Record<string, FieldSpec>;

/** The fields of `shape` (src/shape/shape.ts compiles and checks them). */
export const SHAPE_FIELDS = {
  alphabet: { required: true, schema: { type: 'string', minLength: 1, description: 'base64, base64url, alphanumeric, upper-alphanumeric, lower-alphanumeric, hex, or an ASCII class such as [A-Za-z0-9_].' } },
  escapes: { schema: { enum: ['once', 'twice'], description: 'URL escapes that count as one unit: once %2F and %2B, twice also %252F and %252B.' } },
  min: { required: true, schema: { type: 'integer', minimum: 1, description: 'Fewest units in a token (a prefix included).' } },
  max: { schema: { type: 'integer', minimum: 1, description: 'Most units in a token (a prefix included).' } },
  prefixes: { schema: { description: 'Literals a token begins with (one of them).', ...stringList } },
  padding: { schema: { type: 'integer', minimum: 0, maximum: 16, description: 'How many = (or %3D) may follow the token as part of it.' } },
  before: { required: true, schema: { type: 'integer', minimum: 0, description: 'Characters before the token that the match and its lookbehinds can reach.' } },
  after: { required: true, schema: { type: 'integer', minimum: 0, description: 'Characters after the token that the match and its lookaheads can reach.' } },
} as const satisfies Record<string, FieldSpec>;

/** Every field of a rule, in the order the schema and the documentation list them. */
export const RULE_FIELDS = {
  id: { required: true, schema: { type: 'string', pattern: ID_PATTERN } },
  title: { required: true, schema: text },
  description: { required: true, schema: text },
  severity: { required: true, schema: { $ref: '#/definitions/severity' } },
  provider: { schema: kebab('The service whose credential the rule finds (aws, github).') },
  part: { schema: kebab("Which part of the provider's credential the rule finds (key-id, secret-key, session-token, token).") },
  pairs: { schema: objectSchema(PAIRS_FIELDS, 'On a part that pairs with other parts of its provider into one credential (an access key ID with its secret access key).') },
  kind: { schema: { enum: [...RULE_KIND_VALUES], description: 'Deprecated: use provider and part. key-id, secret-key and session-token mean provider aws with that part.' } },
  regex: { required: true, schema: { type: 'string', minLength: 1, description: 'One capture group: the secret. A leading (?i) ignores case.' } },
  keywords: { schema: { type: 'array', description: 'Lowercase words; the rule runs only on text that contains one of them (any case). Leave out for a regex that begins with a fixed literal.', items: { type: 'string', pattern: '^[^A-Z]+$' } } },
  entropy: { schema: { type: 'number', minimum: 0, maximum: 8 } },
  allowlist: { schema: { $ref: '#/definitions/ruleAllowlist' } },
  requires: { schema: objectSchema(REQUIRES_FIELDS) },
  shape: { schema: objectSchema(SHAPE_FIELDS, "The token's shape: the regex then runs only around text of this shape (see README \"Writing rules\").") },
  examples: { required: true, schema: { type: 'array', minItems: 1, items: { type: 'string' } } },
  negativeExamples: { required: true, schema: { type: 'array', minItems: 1, items: { type: 'string' } } },
  remediation: { required: true, schema: text },
  references: { required: true, schema: { type: 'array', items: { type: 'string' } } },
} as const satisfies Record<string, FieldSpec>;

export type RuleField = keyof typeof RULE_FIELDS;

function objectSchema(fields: Record<string, FieldSpec>, description?: string): JsonSchema {
  const required = Object.entries(fields).filter(([, f]) => f.required === true).map(([name]) => name);
  return {
    type: 'object',
    ...(description !== undefined ? { description } : {}),
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.schema])),
  };
}

/** The definitions the shipped JSON Schema takes from this table (the rest of it is the config's). */
export function ruleSchemaDefinitions(): Record<string, JsonSchema> {
  return {
    severity: { enum: [...RULE_SEVERITIES] },
    stringList: { type: 'array', items: { type: 'string' } },
    rule: objectSchema(RULE_FIELDS),
    ruleAllowlist: objectSchema(ALLOWLIST_FIELDS),
  };
}

/**
 * The shipped JSON Schema with its rule definitions as this table makes them, other keys and their
 * order untouched: what `npm run schema` writes, and what test/schema.test.ts compares the file with.
 */
export function withRuleDefinitions(schema: JsonSchema): JsonSchema {
  const definitions = { ...(schema.definitions as Record<string, JsonSchema> | undefined) };
  for (const [name, def] of Object.entries(ruleSchemaDefinitions())) definitions[name] = def;
  return { ...schema, definitions };
}
