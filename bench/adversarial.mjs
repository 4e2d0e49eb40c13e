#!/usr/bin/env node
// Hostile inputs (issue 10): many findings in one file, and one enormous session-token-shaped run.
// Builds each input in a temp folder, runs the BUILT CLI on it once, and prints wall time, peak RSS,
// what was found, and pass / MISS against the issue's targets. Nothing here is asserted by the tests:
// times depend on the machine (see bench/README.md, "Adversarial inputs").
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEYHOUND_BIN, NODE, fmt, gnuTime, keyMaker, parseTimeV, readOptions, rmrf, table } from './lib.mjs';

const HELP = `node bench/adversarial.mjs [--keyhound PATH] [--counts 10000,20000] [--sizes 6,60,600] [--keep]

  --keyhound PATH   the bin.js to run (default: this checkout's dist/src/bin.js; npm run build first)
  --counts A,B      findings per file: A is held to the time target, B = 2A gives the doubling ratio
                    (default 10000,20000)
  --sizes LIST      token sizes in MB (default 6,60,600; 0 for none)
  --keep            keep the temp folder and print its path`;

const fail = (message) => {
  console.error(`adversarial: ${message}`);
  process.exit(2);
};
const opts = readOptions(process.argv.slice(2), { keyhound: { type: 'string' }, counts: { type: 'string' }, sizes: { type: 'string' }, keep: { type: 'boolean' } }, HELP, fail);
const BIN = path.resolve(opts.keyhound ?? KEYHOUND_BIN);
if (!fs.existsSync(BIN)) fail(`${BIN} not found: run npm run build`);
const SIZES = (opts.sizes ?? '6,60,600').split(',').map(Number).filter((n) => n !== 0);
if (SIZES.some((n) => !(n > 0))) fail('--sizes takes positive numbers of MB, e.g. 6,60');
const COUNTS = (opts.counts ?? '10000,20000').split(',').map(Number);
if (COUNTS.length !== 2 || COUNTS.some((n) => !Number.isInteger(n) || n < 1)) fail('--counts takes two whole numbers, e.g. 10000,20000');

/** Targets of issue 10. */
const MAX_SECONDS = 2;
const MAX_RATIO = 2.2;
const MAX_RSS_MB = 300;

const TIME = gnuTime();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhound-adversarial-'));

/**
 * Runs `keyhound scan ARGS` (stdin from `stdinFile` if given) once: wall seconds, peak RSS in MB
 * (GNU time's, or the child's own from process.resourceUsage through a small wrapper), exit code, JSON.
 */
function scan(args, stdinFile, format = 'json') {
  const cli = [BIN, 'scan', ...args, '--format', format, '--no-progress'];
  const input = stdinFile === undefined ? 'ignore' : fs.openSync(stdinFile, 'r');
  const [cmd, argv] = TIME
    ? [TIME, ['-v', NODE, ...cli]]
    : [NODE, ['-e', `const r=require('child_process').spawnSync(process.execPath,${JSON.stringify(cli)},{stdio:['inherit','inherit','pipe']});process.stderr.write(r.stderr);process.stderr.write('\\nMaximum resident set size (kbytes): '+ (r.status===null?0:process.resourceUsage().maxRSS) +'\\n');process.exit(r.status??2)`]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: [input, 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof input === 'number') fs.closeSync(input);
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  const stderr = r.stderr.split('\n').filter((l) => l.startsWith('keyhound:'));
  return { seconds, rssMB: parseTimeV(r.stderr).rssMB, code: r.status, json, error: stderr[0] ?? (json ? undefined : `exit ${r.status}, no JSON`) };
}

/** 10,000 `aws_access_key_id="…",aws_secret_access_key="…"` on one line, like a minified bundle. */
function pairsOneLine(n) {
  const k = keyMaker(`pairs-${n}`);
  const file = path.join(tmp, `pairs-${n}.min.js`);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(`;var a${i}={aws_access_key_id:"${k.keyId()}",aws_secret_access_key:"${k.secret()}"}`);
  fs.writeFileSync(file, parts.join(''));
  return file;
}

/** One key ID per line. */
function idsPerLine(n) {
  const k = keyMaker(`ids-${n}`);
  const file = path.join(tmp, `ids-${n}.txt`);
  fs.writeFileSync(file, Array.from({ length: n }, () => k.keyId()).join('\n') + '\n');
  return file;
}

/** `aws_session_token = ` and `mb` MB of base64 on one line, written in pieces (bounded memory here too). */
function tokenFile(mb, dir) {
  const file = path.join(dir, 'token.env');
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'aws_session_token = IQoJb3JpZ2luX2Vj');
  const piece = 1 << 20;
  for (let left = mb * 1024 * 1024; left > 0; left -= piece) fs.writeSync(fd, randomBytes((Math.min(piece, left) * 3) / 4 + 3).toString('base64').replace(/=/g, '').slice(0, Math.min(piece, left)));
  fs.writeSync(fd, '\n');
  fs.closeSync(fd);
  return file;
}

const results = [];
const row = (name, r, target, extra) => {
  results.push([name, fmt(r.seconds, 2), fmt(r.rssMB, 0), extra, target]);
};

// ---------------------------------------------------------------- many findings in one file

for (const [label, make, perFinding] of [
  ['pairs in one line', pairsOneLine, 2],
  ['key IDs one per line', idsPerLine, 1],
]) {
  const runs = [];
  for (const n of COUNTS) {
    const file = make(n);
    const r = scan([file]);
    const found = r.json?.findings.length;
    const critical = r.json?.findings.filter((f) => f.severity === 'critical').length;
    const okFound = found === n * perFinding && (perFinding === 1 || critical === found);
    runs.push(r);
    let target = '';
    if (n === COUNTS[0]) target = `< ${MAX_SECONDS} s: ${r.error === undefined && r.seconds < MAX_SECONDS && okFound ? 'pass' : 'MISS'}`;
    else {
      const ratio = r.seconds / runs[0].seconds;
      target = `x${fmt(ratio, 2)} for x${fmt(n / COUNTS[0], 1)}: ${ratio <= MAX_RATIO && okFound ? 'pass' : 'MISS'}`;
    }
    row(`${n.toLocaleString('en')} ${label}`, r, target, r.error ?? `${found} findings${perFinding === 2 ? `, ${critical} critical` : ''}${okFound ? '' : ' (expected ' + n * perFinding + ')'}`);
  }
  // The text report groups and lays out every finding: it must grow as the JSON one does.
  const text = scan([make(COUNTS.at(-1))], undefined, 'text');
  const ratio = text.seconds / runs.at(-1).seconds;
  row(`${COUNTS.at(-1).toLocaleString('en')} ${label}, text report`, text, `x${fmt(ratio, 2)} of JSON's time: ${text.code === 1 && ratio <= MAX_RATIO ? 'pass' : 'MISS'}`, text.code === 1 ? 'exit 1' : `exit ${text.code}`);
}

// ---------------------------------------------------------------- one enormous token

const neighbour = (dir) => {
  const k = keyMaker('neighbour');
  const pair = { id: k.keyId(), secret: k.secret() };
  fs.writeFileSync(path.join(dir, 'creds.env'), `aws_access_key_id = ${pair.id}\naws_secret_access_key = ${pair.secret}\n`);
  return pair;
};
const pairReported = (json, pair) => {
  const secret = json?.findings.find((f) => f.value.startsWith(pair.secret.slice(0, 4)) && f.ruleId.startsWith('aws-secret'));
  return secret !== undefined && secret.severity === 'critical';
};

for (const mb of SIZES) {
  const dir = path.join(tmp, `token-${mb}MB`);
  fs.mkdirSync(dir);
  const token = tokenFile(mb, dir);
  const pair = neighbour(dir);
  const r = scan([dir, '--max-file-size', '1GiB']);
  const ok = r.error === undefined && pairReported(r.json, pair);
  row(`${mb} MB token + pair in the next file`, r, `RSS < ${MAX_RSS_MB} MB: ${ok && r.rssMB < MAX_RSS_MB ? 'pass' : 'MISS'}`, r.error ?? (ok ? 'pair reported' : 'pair NOT reported'));
  // stdin: the token, then the pair, in one stream (stdin streaming is scanned as one input)
  const both = path.join(dir, 'stdin.txt');
  fs.copyFileSync(token, both);
  fs.appendFileSync(both, fs.readFileSync(path.join(dir, 'creds.env')));
  const s = scan(['-', '--max-file-size', '1GiB'], both);
  const sOk = s.error === undefined && pairReported(s.json, pair);
  row(`${mb} MB token + pair on stdin`, s, `RSS < ${MAX_RSS_MB} MB: ${sOk && s.rssMB < MAX_RSS_MB ? 'pass' : 'MISS'}`, s.error ?? (sOk ? 'pair reported' : 'pair NOT reported'));
  rmrf(dir);
}

console.log(`keyhound adversarial inputs: ${BIN}`);
console.log(`node ${process.version}, ${os.cpus().length} cores; one run each; peak RSS from ${TIME ? 'GNU time' : 'process.resourceUsage'}\n`);
console.log(table(results, ['input', 'seconds', 'peak RSS MB', 'result', 'target'], [0, 3, 4]));
if (opts.keep) console.log(`\ninputs kept in ${tmp}`);
else rmrf(tmp);
