// The text report's layout: what a person reads on a terminal.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { text } from '../src/report/text.js';
import { sampleScan } from './helpers/sample-findings.js';

const layout = suite('text report layout');

layout('columns past 8 digits keep the severity, the line text and the facts aligned under each other', () => {
  const { result, ctx } = sampleScan();
  const [id, secret] = result.findings as [NonNullable<(typeof result.findings)[0]>, NonNullable<(typeof result.findings)[0]>];
  id.line = 1;
  id.column = 59572256; // a minified bundle: one very long line
  secret.line = 2;
  secret.column = 3;
  const lines = text({ ...result, findings: [id, secret] }, ctx).split('\n');
  const head = (f: typeof id) => lines.find((l) => l.startsWith(`  ${f.line}:${f.column} `))!;
  const [a, b] = [head(id), head(secret)];
  assert.ok(a && b, lines.join('\n'));
  assert.is(a.indexOf(id.severity), b.indexOf(secret.severity), `severity not aligned:\n${a}\n${b}`);
  assert.ok(/^ {2}1:59572256 +critical/.test(a), a);
  // The line text (│) and the facts start after the position column, whatever its width.
  const bar = lines.filter((l) => l.includes('│')).map((l) => l.indexOf('│'));
  assert.is(bar.length, 2);
  assert.ok(bar.every((i) => i === a.indexOf(id.severity)), `│ at ${bar}: ${lines.join('\n')}`);
});

layout.run();
