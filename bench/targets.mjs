// The bench's pure parts, kept apart from the processes and the clock so that test/bench-targets.test.ts
// can check them: reading each peer's output, keyhound's ratios to the peers and floors, the targets
// of issues 6 and 13 with the amount of a miss, and issue 13's table. A "row" is one tool on one
// corpus: { tool, corpus, bytes, median (s), MBps, rssMB, failed, killed, budget, errors }.

// ---------------------------------------------------------------- the peers' output

/** keyhound --format json: findings.length, its stats, and the files it could not read. */
export function keyhoundFindings(r) {
  try {
    const j = JSON.parse(r.stdout);
    const f = Array.isArray(j) ? j : j.findings;
    // Files it could not read are listed in `errors` (the run still exits 0 or 1).
    const errors = Array.isArray(j.errors) ? j.errors.map((e) => `${e.kind ?? 'error'}: ${e.message ?? ''} (${e.path ?? '?'})`) : [];
    return { findings: Array.isArray(f) ? f.length : null, stats: j.stats ?? null, errors };
  } catch {
    return { findings: null, note: 'stdout is not JSON' };
  }
}

/** rg --count-matches prints path:count per file (or only the count for a single file). */
export const rgFindings = (r) => ({
  findings: r.stdout.split('\n').filter(Boolean).reduce((s, l) => s + (Number(l.slice(l.lastIndexOf(':') + 1)) || 0), 0),
});

/** git-secrets prints matches to stderr as path:line:text (or sha:path:line:text for history). */
export const gitSecretsFindings = (r) => ({
  findings: r.stderr.split('\n').filter((l) => /^[^\s:[][^:]*:\d+:/.test(l) || /^[0-9a-f]{40}:[^:]*:\d+:/.test(l)).length,
});

/**
 * A JSON report's number of findings: gitleaks writes an array, kingfisher `{ findings: [...] }`
 * (one finding per key ID with its paired secret, per secret, per token...). Null when it is neither.
 */
export function jsonReportFindings(text) {
  try {
    const j = JSON.parse(text);
    if (Array.isArray(j)) return { findings: j.length };
    if (j && Array.isArray(j.findings)) return { findings: j.findings.length };
    return { findings: null, note: 'the report has no findings list' };
  } catch (e) {
    return { findings: null, note: `no report: ${e.message}` };
  }
}

// ---------------------------------------------------------------- ratios

const usable = (r) => r && !r.failed && Number.isFinite(r.median) && r.median > 0;

/**
 * keyhound's speed over a peer's on the same corpus (its MB/s ÷ the peer's, i.e. the peer's time ÷
 * keyhound's; above 1 keyhound is faster). A peer killed at its budget ran at least that long, so the
 * ratio is then a lower bound. Null when either did not give a time.
 */
export function speedRatio(kh, peer) {
  if (!usable(kh) || !peer) return null;
  if (peer.killed) return { value: peer.budget / kh.median, lowerBound: true };
  if (!usable(peer)) return null;
  return { value: peer.median / kh.median, lowerBound: false };
}

export const fmtSeconds = (s) => (s < 1 ? `${(s * 1000).toFixed(s < 0.1 ? 1 : 0)} ms` : `${s.toFixed(2)} s`);

/** A row's time as the tables show it. */
export const fmtWall = (r) => (r.killed ? `> ${r.budget} s (killed)` : r.failed ? 'FAILED' : fmtSeconds(r.median));

// ---------------------------------------------------------------- targets

const find = (rows, corpus, tool) => rows.find((r) => r.corpus === corpus && r.tool === tool);

/**
 * "keyhound at least `min`× the peer's speed" (min 0.25 = at most 4× its time; min 1 with strict =
 * faster). A MISS says by how much: the time the target allows and how far keyhound is over it.
 */
export function speedTarget(rows, { what, corpus, peer, peerLabel = peer, min, strict = false }) {
  const kh = find(rows, corpus, 'keyhound');
  const p = find(rows, corpus, peer);
  if (!kh || !p) return { what, status: 'n/a', detail: `not measured (${!kh ? 'keyhound' : peerLabel} on ${corpus})` };
  if (kh.failed) return { what, status: 'MISS', detail: `keyhound ${kh.failed}` };
  const ratio = speedRatio(kh, p);
  if (!ratio) return { what, status: 'n/a', detail: `${peerLabel} ${p.failed ?? 'gave no time'}` };
  const x = ratio.value;
  const ok = strict ? x > min : x >= min;
  const times = `keyhound ${fmtSeconds(kh.median)}, ${peerLabel} ${p.killed ? `> ${p.budget} s (killed)` : fmtSeconds(p.median)}`;
  if (ratio.lowerBound && !ok) return { what, status: 'n/a', detail: `${peerLabel} was killed at ${p.budget} s: keyhound is > ${x.toFixed(2)}x, not enough to tell` };
  if (ok) return { what, status: 'pass', detail: `${ratio.lowerBound ? '> ' : ''}${x.toFixed(2)}x (${times})` };
  // keyhound may take peer time / min; it is over by the difference.
  const allowed = p.median / min;
  const over = kh.median - allowed;
  return { what, status: 'MISS', detail: `${x.toFixed(2)}x (${times}): the target allows keyhound ${fmtSeconds(allowed)}, it is ${fmtSeconds(over)} (${(kh.median / allowed).toFixed(1)}x) over` };
}

/** "keyhound's time at most `max`× the floor's" (a process that only reads, like git cat-file). */
export function floorTarget(rows, { what, corpus, floor, floorLabel = floor, max }) {
  const kh = find(rows, corpus, 'keyhound');
  const f = find(rows, corpus, floor);
  if (!kh || !f) return { what, status: 'n/a', detail: `not measured (${!kh ? 'keyhound' : floorLabel} on ${corpus})` };
  if (kh.failed) return { what, status: 'MISS', detail: `keyhound ${kh.failed}` };
  if (!usable(f)) return { what, status: 'n/a', detail: `${floorLabel} ${f.failed ?? 'gave no time'}` };
  const x = kh.median / f.median;
  const times = `${fmtSeconds(kh.median)} vs ${fmtSeconds(f.median)}`;
  if (x <= max) return { what, status: 'pass', detail: `${x.toFixed(2)}x (${times})` };
  const allowed = f.median * max;
  return { what, status: 'MISS', detail: `${x.toFixed(2)}x (${times}): the target allows ${fmtSeconds(allowed)}, keyhound is ${fmtSeconds(kh.median - allowed)} over` };
}

/** keyhound's peak RSS (the whole process tree, see lib.mjs measure) under `limitMB`. */
export function rssTarget(row, limitMB = 300) {
  const what = `${row.corpus}: peak RSS of keyhound's process tree < ${limitMB} MB`;
  if (row.rssMB == null) return { what, status: 'n/a', detail: row.failed ? `keyhound ${row.failed}` : 'not measured' };
  const rss = `${row.rssMB.toFixed(0)} MB`;
  if (row.failed) return { what, status: 'MISS', detail: `${rss} (${row.failed})` };
  if (row.errors?.length) return { what, status: 'MISS', detail: `${rss} (but it could not read: ${row.errors[0]})` };
  return row.rssMB < limitMB
    ? { what, status: 'pass', detail: rss }
    : { what, status: 'MISS', detail: `${rss}: ${(row.rssMB - limitMB).toFixed(0)} MB over` };
}

/** The trees on which issue 13 sets its folder targets. */
export const ISSUE13_TREES = ['npm-tree', 'sources'];

/**
 * Every target, issue 13's first. Of issue 6's, kept: folder >= 3x gitleaks dir, history faster than
 * git secrets --scan-history, RSS < 300 MB on every corpus. Dropped: folder >= 0.5x ripgrep (issue 13
 * replaces it with >= 0.25x ripgrep -j2 on the two bigger trees) and history >= 3x gitleaks git
 * (replaced by the floor, git cat-file: gitleaks reads only the added lines of each commit, a
 * different job, so the ratio says little about how fast keyhound reads history).
 */
export function targets(rows) {
  const out = [];
  for (const c of ISSUE13_TREES) {
    out.push(speedTarget(rows, { what: `${c}: keyhound >= 0.25x ripgrep -j2 (time <= 4x)`, corpus: c, peer: 'ripgrep-j2', peerLabel: 'rg -j2', min: 0.25 }));
    out.push(speedTarget(rows, { what: `${c}: keyhound faster than git-secrets`, corpus: c, peer: 'git-secrets', min: 1, strict: true }));
    out.push(speedTarget(rows, { what: `${c}: keyhound faster than kingfisher (all rules)`, corpus: c, peer: 'kingfisher', min: 1, strict: true }));
    out.push(speedTarget(rows, { what: `${c}: keyhound faster than kingfisher (AWS rule)`, corpus: c, peer: 'kingfisher-aws', peerLabel: 'kingfisher AWS rule', min: 1, strict: true }));
  }
  out.push(floorTarget(rows, { what: 'history: keyhound <= 1.5x git cat-file --batch-all-objects --batch', corpus: 'history', floor: 'cat-file', floorLabel: 'cat-file', max: 1.5 }));
  out.push(floorTarget(rows, { what: 'staged: keyhound staged <= 2x node -e 0', corpus: 'staged', floor: 'node', floorLabel: 'node -e 0', max: 2 }));
  out.push(speedTarget(rows, { what: 'folder: keyhound >= 3x gitleaks dir', corpus: 'folder', peer: 'gitleaks', min: 3 }));
  out.push(speedTarget(rows, { what: 'history: keyhound faster than git secrets --scan-history', corpus: 'history', peer: 'git-secrets', min: 1, strict: true }));
  for (const r of rows.filter((r) => r.tool === 'keyhound')) out.push(rssTarget(r));
  return out;
}

// ---------------------------------------------------------------- issue 13's table

/** The floor each kind of input is compared with: ripgrep -j2 on trees, cat-file on history, node on staged. */
const FLOORS = { history: 'cat-file', staged: 'node' };
const floorOf = (corpus) => FLOORS[corpus] ?? 'ripgrep-j2';

/**
 * Issue 13's table: one line per corpus, with the floor, keyhound (and its speed relative to the
 * floor, with its peak RSS on history), kingfisher, git-secrets and gitleaks' AWS rule. `labels`
 * names each corpus. A tool that did not run on a corpus is '–'.
 */
export function issueTable(rows, corpora, labels = {}) {
  const header = ['input', 'floor: rg -j2 / cat-file / node -e 0', 'keyhound', 'kingfisher (all rules)', 'kingfisher (AWS rule)', 'git-secrets', 'gitleaks, AWS rule'];
  const cell = (r) => (r ? fmtWall(r) : '–');
  const lines = corpora.map((c) => {
    const floor = find(rows, c, floorOf(c));
    const kh = find(rows, c, 'keyhound');
    let k = cell(kh);
    if (kh && usable(kh) && usable(floor)) k += ` (${(floor.median / kh.median).toFixed(2)}×)`;
    if (kh && c === 'history' && kh.rssMB != null) k += `, ${kh.rssMB.toFixed(0)} MB RSS`;
    return [labels[c] ?? c, cell(floor), k, cell(find(rows, c, 'kingfisher')), cell(find(rows, c, 'kingfisher-aws')), cell(find(rows, c, 'git-secrets')), cell(find(rows, c, 'gitleaks-aws'))];
  });
  return { header, lines };
}
