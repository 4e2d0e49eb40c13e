// The bench's pure parts (bench/targets.mjs): reading the peers' output, keyhound's ratios, the
// targets of issues 13 and 6 and the amount of a miss, issue 13's table. No timing: the rows are made
// up here; the bench measures, these tests check the arithmetic and the wording a reader acts on.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

interface Row {
  tool: string;
  corpus: string;
  median?: number;
  budget?: number;
  killed?: boolean;
  failed?: string;
  rssMB?: number | null;
  errors?: string[];
}
interface Target {
  what: string;
  status: 'pass' | 'MISS' | 'n/a';
  detail: string;
}
interface Proc {
  stdout: string;
  stderr: string;
}
interface Bench {
  keyhoundFindings(r: Proc): { findings: number | null; errors?: string[]; note?: string };
  rgFindings(r: Proc): { findings: number };
  gitSecretsFindings(r: Proc): { findings: number };
  jsonReportFindings(text: string): { findings: number | null; note?: string };
  speedRatio(kh: Row | undefined, peer: Row | undefined): { value: number; lowerBound: boolean } | null;
  fmtSeconds(s: number): string;
  targets(rows: Row[]): Target[];
  issueTable(rows: Row[], corpora: string[], labels?: Record<string, string>): { header: string[]; lines: string[][] };
}

// bench/ is plain JavaScript outside tsc's tree: loaded from the checkout, two levels above dist/test.
const bench = (await import(new URL('../../bench/targets.mjs', import.meta.url).href)) as Bench;

const row = (tool: string, corpus: string, median: number, extra: Partial<Row> = {}): Row => ({ tool, corpus, median, ...extra });
const target = (rows: Row[], prefix: string): Target => {
  const t = bench.targets(rows).find((x) => x.what.startsWith(prefix));
  if (!t) throw new Error(`no target starting with '${prefix}'`);
  return t;
};

const parse = suite('bench: peers output');

parse('ripgrep --count-matches: per-file counts are summed, a single file is a bare count', () => {
  assert.is(bench.rgFindings({ stdout: 'a/b.js:3\nc:d/e.py:2\n', stderr: '' }).findings, 5);
  assert.is(bench.rgFindings({ stdout: '7\n', stderr: '' }).findings, 7);
  assert.is(bench.rgFindings({ stdout: '', stderr: '' }).findings, 0);
});

parse('git-secrets: path:line:text and sha:path:line:text lines count, its banner does not', () => {
  const stderr = ['src/a.py:12:aws_secret = x', `${'a'.repeat(40)}:conf/b.ini:3:key`, '', '[ERROR] Matched one or more prohibited patterns', 'Possible mitigations:'].join('\n');
  assert.is(bench.gitSecretsFindings({ stdout: '', stderr }).findings, 2);
});

parse('JSON reports: a gitleaks array, a kingfisher {findings}, and a broken file', () => {
  assert.is(bench.jsonReportFindings('[{"RuleID":"aws-access-token"},{}]').findings, 2);
  assert.is(bench.jsonReportFindings('{"findings":[{"rule":{}}],"metadata":{}}').findings, 1);
  const bad = bench.jsonReportFindings('{"findings": [');
  assert.is(bad.findings, null);
  assert.match(bad.note ?? '', /^no report: /);
  assert.is(bench.jsonReportFindings('{"other":1}').findings, null);
});

parse('keyhound JSON: findings and the files it could not read', () => {
  const r = bench.keyhoundFindings({ stdout: JSON.stringify({ findings: [{}, {}, {}], errors: [{ kind: 'read', message: 'EACCES', path: 'x' }] }), stderr: '' });
  assert.is(r.findings, 3);
  assert.equal(r.errors, ['read: EACCES (x)']);
  assert.is(bench.keyhoundFindings({ stdout: 'not json', stderr: '' }).findings, null);
});

const ratio = suite('bench: ratios and targets');

ratio('speedRatio is the peer time over keyhound time, a lower bound against a killed peer', () => {
  assert.equal(bench.speedRatio(row('keyhound', 'f', 2), row('p', 'f', 6)), { value: 3, lowerBound: false });
  assert.equal(bench.speedRatio(row('keyhound', 'f', 2), { tool: 'p', corpus: 'f', killed: true, failed: 'killed at 120 s', budget: 120 }), { value: 60, lowerBound: true });
  assert.is(bench.speedRatio(row('keyhound', 'f', 2), { tool: 'p', corpus: 'f', failed: 'exit 2' }), null);
  assert.is(bench.speedRatio({ tool: 'keyhound', corpus: 'f', failed: 'exit 2' }, row('p', 'f', 1)), null);
});

ratio('0.25x ripgrep -j2: keyhound may take 4x its time; a miss names the allowed time and the excess', () => {
  const pass = target([row('keyhound', 'npm-tree', 0.3), row('ripgrep-j2', 'npm-tree', 0.075)], 'npm-tree: keyhound >= 0.25x ripgrep');
  assert.is(pass.status, 'pass');
  assert.match(pass.detail, /^0\.25x/);
  const miss = target([row('keyhound', 'sources', 3.03), row('ripgrep-j2', 'sources', 0.23)], 'sources: keyhound >= 0.25x ripgrep');
  assert.is(miss.status, 'MISS');
  // 0.23 s x 4 = 0.92 s allowed; 3.03 s is 2.11 s (3.3x) over.
  assert.match(miss.detail, /^0\.08x/);
  assert.match(miss.detail, /allows keyhound 920 ms, it is 2\.11 s \(3\.3x\) over/);
});

ratio('faster than a peer is strict, and a killed peer that keyhound beats by too little is undecided', () => {
  assert.is(target([row('keyhound', 'sources', 2), row('kingfisher', 'sources', 2)], 'sources: keyhound faster than kingfisher (all').status, 'MISS');
  assert.is(target([row('keyhound', 'sources', 1.9), row('kingfisher', 'sources', 2)], 'sources: keyhound faster than kingfisher (all').status, 'pass');
  const killed: Row = { tool: 'gitleaks', corpus: 'folder', killed: true, failed: 'killed at 4 s', budget: 4 };
  assert.is(target([row('keyhound', 'folder', 2), killed], 'folder: keyhound >= 3x gitleaks').status, 'n/a');
  assert.is(target([row('keyhound', 'folder', 1), killed], 'folder: keyhound >= 3x gitleaks').detail, '> 4.00x (keyhound 1.00 s, gitleaks > 4 s (killed))');
});

ratio('history within 1.5x git cat-file; staged within 2x node -e 0', () => {
  const miss = target([row('keyhound', 'history', 48.6), row('cat-file', 'history', 18.7)], 'history: keyhound <= 1.5x');
  assert.is(miss.status, 'MISS');
  // 18.7 s x 1.5 = 28.05 s allowed; 48.6 s is 20.55 s over.
  assert.match(miss.detail, /^2\.60x \(48\.60 s vs 18\.70 s\): the target allows 28\.05 s, keyhound is 20\.55 s over$/);
  assert.is(target([row('keyhound', 'history', 28), row('cat-file', 'history', 18.7)], 'history: keyhound <= 1.5x').status, 'pass');
  assert.is(target([row('keyhound', 'staged', 0.142), row('node', 'staged', 0.08)], 'staged:').status, 'pass');
  assert.is(target([row('keyhound', 'staged', 0.17), row('node', 'staged', 0.08)], 'staged:').status, 'MISS');
});

ratio('peak RSS under 300 MB, with the excess; a read error is a miss', () => {
  const over = target([row('keyhound', 'history', 40, { rssMB: 306 })], 'history: peak RSS');
  assert.is(over.status, 'MISS');
  assert.is(over.detail, '306 MB: 6 MB over');
  assert.is(target([row('keyhound', 'folder', 2, { rssMB: 174 })], 'folder: peak RSS').status, 'pass');
  assert.is(target([row('keyhound', 'folder', 2, { rssMB: 174, errors: ['read: EIO (a)'] })], 'folder: peak RSS').status, 'MISS');
});

ratio('a target whose tools did not run is n/a, not a pass', () => {
  for (const t of bench.targets([])) assert.is(t.status, 'n/a', t.what);
  assert.ok(bench.targets([]).length >= 10);
});

ratio('the dropped issue-6 targets are gone', () => {
  const whats = bench.targets([]).map((t) => t.what).join('\n');
  assert.not.match(whats, /0\.5x ripgrep/);
  assert.not.match(whats, /3x gitleaks git/);
});

const table = suite('bench: issue 13 table');

table('one line per input: the floor, keyhound with its ratio to the floor (and RSS on history), the peers or –', () => {
  const rows: Row[] = [
    row('ripgrep-j2', 'npm-tree', 0.075), row('keyhound', 'npm-tree', 1.5), row('kingfisher', 'npm-tree', 1.2), row('gitleaks-aws', 'npm-tree', 15.6),
    row('cat-file', 'history', 18.7), row('keyhound', 'history', 48.6, { rssMB: 306.2 }),
  ];
  const t = bench.issueTable(rows, ['npm-tree', 'history'], { 'npm-tree': 'npm tree (158 MB)' });
  assert.is(t.header.length, 7);
  assert.equal(t.lines[0], ['npm tree (158 MB)', '75.0 ms', '1.50 s (0.05×)', '1.20 s', '–', '–', '15.60 s']);
  assert.equal(t.lines[1], ['history', '18.70 s', '48.60 s (0.38×), 306 MB RSS', '–', '–', '–', '–']);
});

parse.run();
ratio.run();
table.run();
