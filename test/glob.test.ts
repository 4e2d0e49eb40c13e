// The suffix fast path of matchesAny gives micromatch's answers, so that skipping micromatch on the
// pre-commit path changes nothing but start-up time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRequire } from 'node:module';
import { matchesAny } from '../src/glob.js';

const micromatch = createRequire(import.meta.url)('micromatch') as typeof import('micromatch');

const GLOBS = [['*.csv'], ['*.csv', '*.tsv'], ['*-lock.json'], ['*.min.js'], ['*_test.go']];
const PATHS = ['a.csv', '.csv', 'x/a.csv', 'x/.csv', 'a.CSV', 'a.csv.bak', 'csv', 'x/acsv', 'data.csv/readme', 'b.tsv', 'deep/er/t.tsv',
  'package-lock.json', 'x/-lock.json', 'lock.json', 'app.min.js', 'app.js', 'min.js', 'x_test.go', 'x/_test.go', 'test.go'];

test('*.ext globs match exactly as micromatch matches them (dot files included, names at any depth)', () => {
  for (const globs of GLOBS) {
    for (const path of PATHS) {
      const expected = micromatch.isMatch(path, globs, { dot: true, basename: true });
      assert.is(matchesAny(path, globs), expected, `${path} vs ${globs.join(',')}`);
    }
  }
});

test('other globs still go through micromatch', () => {
  assert.ok(matchesAny('docs/a/b.md', ['docs/**']));
  assert.not.ok(matchesAny('src/docs.md', ['docs/**']));
  assert.ok(matchesAny('x/node_modules', ['node_modules']));
  assert.ok(matchesAny('a/b.csv', ['*.csv', '**/*.md']));
  assert.ok(matchesAny('a/B.md', ['*.csv', '**/*.md']));
});

test.run();
