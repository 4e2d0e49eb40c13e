// The configuration reader and the rule modules depend one way: config.ts reads rule shapes from
// rules/schema.ts, and rules/customize.ts applies a Config; neither is reached again from the other
// side. Checked on the built modules' static imports (type-only imports are gone after tsc, which is
// what matters at run time) and on the sources (types included), so a cycle cannot come back unseen.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const test = suite('no import cycle between config.ts and rules/');

const BUILT = fileURLToPath(new URL('../src/', import.meta.url)); // dist/src
const SOURCES = join(BUILT, '..', '..', 'src'); // the checkout's src/, next to dist/

/** Relative imports and re-exports of a module (static and dynamic), resolved to files of the same kind. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const ext = file.endsWith('.ts') ? '.ts' : '.js';
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, ext)));
}

/** Every module `from` reaches through imports. */
function reach(from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const file = todo.pop()!;
    for (const next of importsOf(file)) if (!seen.has(next) && existsSync(next)) (seen.add(next), todo.push(next));
  }
  return seen;
}

for (const [root, ext] of [[BUILT, '.js'], [SOURCES, '.ts']] as const) {
  test(`${ext === '.js' ? 'built modules' : 'sources, type imports included'}: config.ts and rules/customize.ts`, () => {
    const config = join(root, `config${ext}`);
    const customize = join(root, 'rules', `customize${ext}`);
    if (!existsSync(config)) return console.log(`  skipped: ${config} is not here (not a checkout)`);
    const fromConfig = reach(config);
    // The imports were read at all: config.ts uses the rule schema's validation.
    assert.ok(fromConfig.has(join(root, 'rules', `schema${ext}`)), 'no import of rules/schema found: this test checks nothing');
    assert.not.ok(fromConfig.has(customize), 'config.ts reaches rules/customize.ts: a cycle');
    assert.not.ok(fromConfig.has(config), 'config.ts reaches itself: a cycle');
  });
}

test.run();
