// Tests for the GitHub Actions reporter: command per finding, escaping, levels, summary, no injection.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeData, escapeProperty, github } from '../src/report/github.js';
import { emptyScan, sampleScan, stats } from './helpers/sample-findings.js';

interface Command {
  name: string;
  props: Map<string, string>;
  message: string;
}

/** Undoes the runner's escaping, in the order that makes `%25` last (as the runner does). */
const unescape = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Parses a line the way the Actions runner does: properties end at the first `::`. */
function parseCommand(line: string): Command {
  const m = /^::(\w+) ([^]*?)::([^]*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const props = new Map<string, string>();
  for (const pair of m![2]!.split(',')) {
    const eq = pair.indexOf('=');
    props.set(pair.slice(0, eq), unescape(pair.slice(eq + 1)));
  }
  return { name: m![1]!, props, message: unescape(m![3]!) };
}

const lines = (out: string): string[] => out.replace(/\n$/, '').split('\n');

test('escapeData and escapeProperty follow the runner rules', () => {
  assert.is(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
  assert.is(escapeProperty('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext%3A a%2Cb');
  // `%` first, so an escape sequence already in the text is not taken as one.
  assert.is(escapeProperty('%3A'), '%253A');
});

test('one line per finding, one per error, then the summary', () => {
  const s = sampleScan();
  const out = github(s.result, s.ctx);
  assert.ok(out.endsWith('\n'));
  assert.is(lines(out).length, s.result.findings.length + s.result.errors.length + 1);
});

test('severity picks the command: critical/high error, medium warning, low notice', () => {
  const s = sampleScan();
  const names = lines(github(s.result, s.ctx)).slice(0, 5).map((l) => parseCommand(l).name);
  assert.equal(s.result.findings.map((f) => f.severity), ['critical', 'critical', 'low', 'high', 'medium']);
  assert.equal(names, ['error', 'error', 'notice', 'error', 'warning']);
});

test('properties carry the location and title, escaped so they round-trip', () => {
  const s = sampleScan();
  const out = lines(github(s.result, s.ctx));
  s.result.findings.forEach((f, i) => {
    const cmd = parseCommand(out[i]!);
    assert.is(cmd.props.get('file'), f.path);
    assert.is(cmd.props.get('line'), String(f.line));
    assert.is(cmd.props.get('endLine'), String(f.endLine));
    assert.is(cmd.props.get('title'), f.title);
  });
});

test('`,` `:` and `%` in a path and `,` in a title are escaped exactly', () => {
  const s = sampleScan();
  const line = lines(github(s.result, s.ctx))[3]!;
  assert.ok(line.startsWith('::error file=src/a%2Cb%3Ac%25d.ts,line=10,endLine=11,'), line);
  assert.ok(line.includes(',title=AWS secret access key (generic name%2C AWS context)::'), line);
});

test('columns are given on one-line spans and left out on multi-line ones', () => {
  const s = sampleScan();
  const out = lines(github(s.result, s.ctx));
  const single = parseCommand(out[0]!);
  assert.is(single.props.get('col'), String(s.result.findings[0]!.column));
  assert.is(single.props.get('endColumn'), String(s.result.findings[0]!.endColumn));
  assert.ok(out[0]!.includes(`,col=${s.result.findings[0]!.column},endColumn=`), 'col precedes endColumn');
  const multi = parseCommand(out[3]!);
  assert.not.ok(multi.props.has('col'));
  assert.not.ok(multi.props.has('endColumn'));
});

test('the message names the secret, key details, pair and remediation; newlines become %0A', () => {
  const s = sampleScan();
  const f = s.result.findings[0]!;
  const line = lines(github(s.result, s.ctx))[0]!;
  const data = line.slice(line.indexOf('::', 2) + 2);
  assert.not.ok(data.includes('\n'));
  assert.ok(data.includes('%0A'), 'remediation is on its own line');
  const message = parseCommand(line).message;
  assert.ok(message.startsWith(`AWS access key ID ${f.value} (${f.keyType}, account ${f.accountId}), paired with AWS secret access key at config/.env:3`), message);
  assert.ok(message.endsWith(`\n${f.remediation}`));
});

test('scan errors are warnings on their file, with escaped path and message', () => {
  const s = sampleScan();
  const line = lines(github(s.result, s.ctx))[5]!;
  assert.ok(line.startsWith('::warning file=locked%3Adir/x%2Cy.txt,title='), line);
  assert.ok(line.endsWith('::EACCES: permission denied%0Awhile reading 100%25'), line);
  const cmd = parseCommand(line);
  assert.is(cmd.props.get('file'), 'locked:dir/x,y.txt');
  assert.is(cmd.message, s.result.errors[0]!.message);
});

test('the summary is plain text, counts findings and distinct files', () => {
  const s = sampleScan();
  const last = lines(github(s.result, s.ctx)).at(-1)!;
  assert.is(last, 'keyhound: 5 findings in 4 files (12 files scanned, 1 error)');
  assert.not.ok(last.startsWith('::'));
});

test('the summary uses singulars and says when nothing was found', () => {
  const s = sampleScan();
  const one = { findings: [s.result.findings[4]!], errors: [], stats: stats({ filesScanned: 1, findings: 1 }) };
  assert.is(github(one, s.ctx), `${lines(github(one, s.ctx))[0]}\nkeyhound: 1 finding in 1 file (1 file scanned)\n`);
  const e = emptyScan();
  assert.is(github(e.result, e.ctx), 'keyhound: no findings (12 files scanned)\n');
});

test('a hostile path cannot start a command of its own', () => {
  const s = sampleScan();
  const f = { ...s.result.findings[4]!, path: 'evil\n::error file=x::pwned,title=y' };
  const out = github({ ...s.result, findings: [f], errors: [] }, s.ctx);
  assert.is(lines(out).length, 2);
  assert.is(lines(out).filter((l) => l.startsWith('::')).length, 1);
  assert.is(parseCommand(lines(out)[0]!).props.get('file'), 'evil\\x0a::error file=x::pwned,title=y');
});

test('control characters in file names and warnings are escaped, never passed to the log', () => {
  const s = sampleScan();
  const evil = 'a\u001b[31mred\u0007\u009b.env';
  const f = { ...s.result.findings[4]!, path: evil };
  const e = { path: evil, kind: 'permission' as const, message: `cannot open ${evil}` };
  const out = github({ ...s.result, findings: [f], errors: [e] }, s.ctx);
  // eslint-disable-next-line no-control-regex
  assert.not.match(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, 'a raw control character');
  const [finding, warning] = lines(out).slice(0, 2).map(parseCommand);
  assert.is(finding!.props.get('file'), 'a\\x1b[31mred\\x07\\x9b.env');
  assert.is(warning!.props.get('file'), 'a\\x1b[31mred\\x07\\x9b.env');
  assert.is(warning!.message, 'cannot open a\\x1b[31mred\\x07\\x9b.env');
});

test('no lineText context and no secret beyond what the finding carries', () => {
  const s = sampleScan();
  const out = github(s.result, s.ctx);
  assert.not.ok(out.includes(s.lineCanary));
  for (const raw of s.raw) assert.not.ok(out.includes(raw), `raw secret leaked (seed ${s.seed})`);
  for (const f of s.result.findings) assert.ok(out.includes(f.value));
});

test('a history finding names the commit that introduced it (sha, author, date, summary)', () => {
  const s = sampleScan();
  const f = s.result.findings[2]!;
  f.commit = { sha: 'c0ffee'.padEnd(40, '1'), author: 'Ana, Dev', email: 'ana@example.com', date: '2026-11-29T10:00:00Z', summary: 'Add: deploy script' };
  const message = parseCommand(lines(github({ ...s.result, findings: [f] }, s.ctx))[0]!).message;
  assert.match(message.split('\n')[0]!, /added in commit c0ffee111111 by Ana, Dev on 2026-11-29: Add: deploy script/);
});

test.run();
