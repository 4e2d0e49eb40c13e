// Realistic fixture cases, one folder each (the secretlint convention): fixtures/cases/<prefix>.<name>/
// holds input/ (the files scanned) and expected.json (every credential a correct scanner reports, by
// path, line and kind, written by hand from the input). `ng.` cases must produce exactly those findings,
// `ok.` cases (hard negatives) none. The expectations are the truth: UPDATE_SNAPSHOT=1 prints what the
// scanner found, in expected.json's format, but never rewrites a file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scan } from '../src/run.js';
import type { Finding } from '../src/types.js';

type Kind = 'key-id' | 'secret' | 'session-token';

interface Expected {
  description?: string;
  findings: { path: string; line: number; kind: Kind }[];
  /** Access key ID + secret pairs planted close together: 2 * pairs findings must have `pair` set. */
  pairs?: number;
}

/** compiled to dist/test/cases.test.js, so the repository root is two levels up */
const CASES_DIR = fileURLToPath(new URL('../../fixtures/cases/', import.meta.url));
const UPDATE = process.env['UPDATE_SNAPSHOT'] !== undefined && process.env['UPDATE_SNAPSHOT'] !== '';

function kindOf(ruleId: string): Kind | `unknown(${string})` {
  if (ruleId.includes('session-token')) return 'session-token';
  if (ruleId.includes('secret')) return 'secret';
  if (ruleId.includes('key-id')) return 'key-id';
  return `unknown(${ruleId})`;
}

const keyOf = (f: { path: string; line: number; kind: string }): string => `${f.path}:${f.line}:${f.kind}`;

/** Multiset difference: the entries of `a` not matched one-for-one by an entry of `b`. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(k);
  }
  return out;
}

/** One line per finding, for failure messages and UPDATE_SNAPSHOT output. */
const describe = (f: Finding): string =>
  `${keyOf({ path: f.path, line: f.line, kind: kindOf(f.ruleId) })}  col ${f.column}  ${f.ruleId}  ${f.value.length > 48 ? `${f.value.slice(0, 44)}...` : f.value}` +
  (f.pair ? `  (paired with ${f.pair.line}:${f.pair.column} ${f.pair.ruleId})` : '');

const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && /^(ng|ok)\./.test(e.name))
  .map((e) => e.name)
  .sort();

test('fixture cases are present', () => {
  assert.ok(caseNames.some((n) => n.startsWith('ng.')), `no ng.* case folders in ${CASES_DIR}`);
  assert.ok(caseNames.some((n) => n.startsWith('ok.')), `no ok.* case folders in ${CASES_DIR}`);
});

for (const name of caseNames) {
  test(name, async () => {
    const dir = join(CASES_DIR, name);
    const inputDir = join(dir, 'input');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    // The fixture itself must be well formed before the scanner is judged on it.
    assert.ok(Array.isArray(expected.findings), `${name}/expected.json: "findings" must be an array`);
    if (name.startsWith('ok.')) assert.equal(expected.findings, [], `${name}: an ok. case expects no findings`);
    else assert.ok(expected.findings.length > 0, `${name}: an ng. case expects findings`);
    for (const f of expected.findings) {
      assert.ok(existsSync(join(inputDir, f.path)), `${name}/expected.json names ${f.path}, which is not in input/`);
    }

    const outcome = await scan({ paths: [inputDir], gitignore: false, redact: false });
    if (!outcome.ok) {
      assert.unreachable(`scan failed:\n${outcome.messages.join('\n')}`);
      return;
    }
    // Paths are relative to the repository's top level (the fixtures live in this repository): the
    // expectations are relative to input/.
    const local = (p: string): string => relative(inputDir, resolve(outcome.base, p)).split(sep).join('/');
    const findings = outcome.result.findings.map((f) => ({ ...f, path: local(f.path) }));
    const errors = outcome.result.errors.map((e) => ({ ...e, path: local(e.path) }));
    const { stats } = outcome.result;

    if (UPDATE) {
      const actual = findings.map((f) => ({ path: f.path, line: f.line, kind: kindOf(f.ruleId) }));
      const paired = findings.filter((f) => f.pair !== undefined).length;
      console.log(`\n[UPDATE_SNAPSHOT] ${name}: the scanner found (expected.json is hand-written and is not changed):`);
      console.log(JSON.stringify({ findings: actual, pairs: paired / 2 }, null, 2));
      for (const f of findings) console.log(`  ${describe(f)}`);
    }

    assert.equal(errors.map((e) => `${e.path}: ${e.message}`), [], `${name}: errors while scanning`);
    assert.is(stats.skipped.binary, 0, `${name}: an input file was skipped as binary`);

    const want = expected.findings.map(keyOf).sort();
    const got = findings.map((f) => keyOf({ path: f.path, line: f.line, kind: kindOf(f.ruleId) })).sort();
    const missing = minus(want, got);
    const unexpected = minus(got, want);
    if (missing.length > 0 || unexpected.length > 0) {
      const gotByKey = new Map<string, Finding[]>();
      for (const f of findings) {
        const k = keyOf({ path: f.path, line: f.line, kind: kindOf(f.ruleId) });
        gotByKey.set(k, [...(gotByKey.get(k) ?? []), f]);
      }
      const message = [
        `${name}: findings differ from expected.json`,
        `  missing (expected, not reported): ${missing.length === 0 ? 'none' : ''}`,
        ...missing.map((k) => `    - ${k}`),
        `  unexpected (reported, not expected): ${unexpected.length === 0 ? 'none' : ''}`,
        ...unexpected.map((k) => `    + ${(gotByKey.get(k) ?? []).map(describe)[0] ?? k}`),
      ].join('\n');
      assert.equal(got, want, message);
    }

    if (expected.pairs !== undefined) {
      const paired = findings.filter((f) => f.pair !== undefined);
      assert.is(
        paired.length,
        2 * expected.pairs,
        `${name}: expected ${expected.pairs} access key ID + secret pairs (${2 * expected.pairs} findings with pair set), got ${paired.length}:\n` +
          (paired.length === 0 ? '    none' : paired.map((f) => `    ${describe(f)}`).join('\n')),
      );
      for (const f of paired) {
        const kinds = [kindOf(f.ruleId), kindOf(f.pair!.ruleId)].sort().join('+');
        assert.is(kinds, 'key-id+secret', `${name}: a pair must join a key ID and a secret: ${describe(f)}`);
      }
    }
  });
}

test.run();
