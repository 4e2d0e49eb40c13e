// The detector: a pure function of a fragment and the compiled rules, so it can run anywhere
// (main thread, worker, test). Cheap gates first: path → shape candidates (src/shape; a shaped rule's
// regex then runs only in windows around them, see windows.ts) → keyword → regex → entropy →
// allowlist → nearby evidence. Then overlapping matches are resolved, pairs marked (as rule data declares them)
// and values enriched by their rule's provider (an AWS key ID's key type and account).
import { createRequire } from 'node:module';
import { matchesAny } from '../glob.js';
import type { CompiledRule } from '../rules/load.js';
import type { Finding, Fragment } from '../types.js';
import { identityOf, providerOf } from '../providers/index.js';
import { FingerprintNumbers } from './fingerprint-numbers.js';
import { inlineAllowMarker } from './inline-allow.js';
import { shannonEntropy } from './entropy.js';
import { CONTEXT_CHARS, LineIndex } from './lines.js';
import { mayPair, nameStartOf, pairCredentials, pairGroups, type Hit } from './pair.js';
import { candidateWindows, shapePlanOf, type SearchWindow, type ShapePlan } from './windows.js';
import type { Candidate } from '../shape/extract.js';
import { decodedView, MAX_DECODE_DEPTH, SECRET_WORD, triggerSpots } from '../decode/stage.js';
import { DECODERS } from '../decode/index.js';
import { textRunsAround } from '../decode/markers.js';
import type { View } from '../decode/view.js';


/**
 * Characters on each side of a hit that a rule's evidence pattern is searched in (within its lines).
 * Evidence is a name or a region a few lines away; on normal lines the lines themselves are shorter.
 */
export const EVIDENCE_CHARS = 4096;

/** Scans one fragment with every rule and returns its findings, ordered by position. */
export function detect(fragment: Fragment, rules: readonly CompiledRule[], opts: DetectOptions = {}): Finding[] {
  return detectWith(fragment, rules, undefined, opts);
}

/** How a text is read besides its rules. */
export interface DetectOptions {
  /**
   * Layers of encoding undone (issue 14: base64, escapes, pieces joined, names put back); 0 reads the
   * text only as written. Default MAX_DECODE_DEPTH (--max-decode-depth).
   */
  decodeDepth?: number;
}

/**
 * detect(), given the candidates of the rules' shapes in the text when they are known already
 * (content.ts finds them in a file's bytes; for ASCII text the offsets are the same).
 */
export function detectWith(fragment: Fragment, rules: readonly CompiledRule[], candidates?: Candidate[][], opts: DetectOptions = {}): Finding[] {
  const scan = new FragmentScan(fragment, rules, candidates);
  let { kept, pairs } = hitsOf(scan, fragment, rules);
  const depth = opts.decodeDepth ?? MAX_DECODE_DEPTH;
  const view = depth <= 0 ? undefined : decodedView(fragment.text, DECODERS, textRunsAround(fragment.text, scan.longRuns()), depth, triggersOf(scan, fragment.text));
  if (view !== undefined) ({ kept, pairs } = withDecoded(kept, pairs, view, fragment, rules, scan.lines));
  return toFindings(kept, pairs, fragment, scan.lines);
}

/**
 * The decoding stage's triggers in the text, searched once: its `secret` words only when the rules'
 * keyword test (made once and shared) found `secret` in some case, and its key ID prefixes as
 * written (native searches; a case-insensitive one would read every file to its end for nothing).
 */
function triggersOf(scan: FragmentScan, text: string): number[] {
  return triggerSpots(text, false, scan.has(SECRET_WORD));
}

/** The hits of every rule in the scan's text, overlaps resolved, and which pairs with which. */
function hitsOf(scan: FragmentScan, fragment: Fragment, rules: readonly CompiledRule[]): { kept: Hit[]; pairs: Map<Hit, Hit> } {
  const hits: Hit[] = [];
  // Rules that need another rule's findings run after the rules they depend on. One push per hit:
  // push(...many) passes every hit as an argument and overflows the stack at a few 100,000 hits.
  for (const rule of rules) if (rule.requires?.rules === undefined) for (const hit of scan.run(rule, hits)) hits.push(hit);
  for (const rule of rules) if (rule.requires?.rules !== undefined) for (const hit of scan.run(rule, hits)) hits.push(hit);
  const kept = resolveOverlaps(hits, rules);
  // Names only decide between candidates for pairing: none are needed where nothing can pair.
  const groups = pairGroups(kept);
  if (mayPair(groups)) {
    for (const hit of kept) hit.nameStart = nameStartOf(fragment.text, hit.start, hit.rule);
  }
  return { kept, pairs: pairCredentials(kept, groups) };
}

/**
 * The file's hits with what the decoded view adds: a view hit that an edit touched (a value that was
 * encoded or split, or whose name was put back beside it) is moved to the file's offsets, marked with
 * the decoders that undid it, and replaces any hit of the file it overlaps (a URL-encoded secret the
 * file gave with its escapes). The file's other hits stand as they were; where decoding found nothing
 * new, the result is the file's own.
 */
function withDecoded(kept: Hit[], pairs: Map<Hit, Hit>, view: View, fragment: Fragment, rules: readonly CompiledRule[], lines: LineIndex): { kept: Hit[]; pairs: Map<Hit, Hit> } {
  const viewFragment = { path: fragment.path, text: view.text };
  const near = candidatesNear(shapePlanOf(rules), view);
  if (near === 'none') return { kept, pairs };
  const decoded = hitsOf(new FragmentScan(viewFragment, rules, near), viewFragment, rules);
  // A view hit that no edit touched is one the file has too (at the same place): the file's stands.
  const twins = new Map(kept.map((h) => [spanKey(h.start, h.end), h]));
  const fromView: Hit[] = [];
  const placed = new Map<Hit, Hit | undefined>();
  for (const hit of decoded.kept) {
    const [start, end] = view.toOriginal(hit.start, hit.end);
    const by = view.decodersTouching(Math.max(0, hit.start - DECODED_NAME_GAP), hit.end);
    const twin = twins.get(spanKey(start, end));
    // Found as written too (a name put before a value the file's rules read already): the file's
    // finding stands, with no decoded mark.
    if (by.length === 0 || twin?.value === hit.value) {
      placed.set(hit, twin);
      continue;
    }
    const moved: Hit = { ...hit, start, end, line: lines.lineOf(start), nameStart: undefined, decoded: by };
    fromView.push(moved);
    placed.set(hit, moved);
  }
  // A hit of the file that an edit touched (a name put back beside it) and the view does not find is
  // not a key once read with that name: another framework's secret beside a key ID.
  const standing = new Set([...placed.values()].filter((h) => h !== undefined && h.decoded === undefined));
  const overruled = new Set(kept.filter((h) => !standing.has(h) && touchedInView(view, h)));
  if (fromView.length === 0 && overruled.size === 0) return { kept, pairs };
  const merged = dropOverlapping([...fromView, ...notCovered(kept.filter((h) => !overruled.has(h)), fromView)]);
  const inMerged = new Set(merged);
  const mergedPairs = new Map<Hit, Hit>();
  for (const [a, b] of pairs) if (inMerged.has(a) && inMerged.has(b)) mergedPairs.set(a, b);
  // A decoded value pairs as the view paired it (a decoded secret with the plain key ID above it); a
  // hit of the file keeps its own partner where it still has one.
  for (const [a, b] of decoded.pairs) {
    const [pa, pb] = [placed.get(a), placed.get(b)];
    if (pa === undefined || pb === undefined || !inMerged.has(pa) || !inMerged.has(pb)) continue;
    if (pa.decoded === undefined && pb.decoded === undefined) continue;
    if (pa.decoded !== undefined || !mergedPairs.has(pa)) mergedPairs.set(pa, pb);
  }
  return { kept: merged, pairs: mergedPairs };
}

/**
 * How far from a change a candidate of the view is still read: a value's name and the evidence and
 * partner around it (a key ID a few lines from the secret decoded beside it) lie within this.
 */
const NEAR_CHANGE_CHARS = EVIDENCE_CHARS;

/**
 * The view's candidates within NEAR_CHANGE_CHARS of a change, per shape; 'none' when no candidate
 * of any shape is in or near one (a decoded URL escape in a comment). Those far from every change
 * are what the file gave already, so each shaped rule reads only windows near the changes, and a
 * view costs in proportion to what changed. For a rule set with unshaped rules, undefined: the
 * whole view is read.
 */
function candidatesNear(plan: ShapePlan, view: View): Candidate[][] | 'none' | undefined {
  if (!plan.allShaped) return undefined;
  const zones: [number, number][] = [];
  for (const [a, b] of view.changedRanges()) {
    const zone: [number, number] = [Math.max(0, a - NEAR_CHANGE_CHARS), b + NEAR_CHANGE_CHARS];
    const last = zones[zones.length - 1];
    if (last !== undefined && zone[0] <= last[1]) last[1] = zone[1];
    else zones.push(zone);
  }
  const near = (c: Candidate): boolean => {
    let lo = 0;
    let hi = zones.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (zones[mid]![1] <= c.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < zones.length && zones[lo]![0] < c.end;
  };
  const lists = plan.finder.inRanges(view.text, zones).map((list) => list.filter(near));
  return lists.some((list) => list.length > 0) ? lists : 'none';
}

/**
 * Characters before a value in which an edit still counts as what found it: the structure decoder
 * puts a name right before a value (or before its opening quote).
 */
const DECODED_NAME_GAP = 3;

/** Whether an edit of the view touches a hit of the file (overlaps it, or puts a name right before it). */
function touchedInView(view: View, hit: Hit): boolean {
  const [start, end] = view.fromOriginal(hit.start, hit.end);
  return view.decodersTouching(Math.max(0, start - DECODED_NAME_GAP), end).length > 0;
}

/** The hits of `hits` that overlap none of `by` (both sorted by start, `by` not overlapping itself): one walk. */
function notCovered(hits: readonly Hit[], by: readonly Hit[]): Hit[] {
  const sorted = [...by].sort((a, b) => a.start - b.start);
  const out: Hit[] = [];
  let i = 0;
  for (const hit of hits) {
    while (i < sorted.length && sorted[i]!.end <= hit.start) i++;
    if (i >= sorted.length || sorted[i]!.start >= hit.end) out.push(hit);
  }
  return out;
}

/** Hits sorted by start, each that overlaps the one kept before it dropped. */
function dropOverlapping(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Hit[] = [];
  for (const hit of hits) if (out.length === 0 || hit.start >= out[out.length - 1]!.end) out.push(hit);
  return out;
}

/**
 * One case-insensitive regex per keyword, shared by every scan. A single-literal regex is searched
 * with a fast skip loop (~2 GB/s measured), and test() stops at the first occurrence; one alternation of
 * every keyword was measured at ~300 MB/s, the single most expensive step of a scan.
 */
const keywordRegexes = new Map<string, RegExp>();

function keywordRegex(keyword: string): RegExp {
  let regex = keywordRegexes.get(keyword);
  if (regex === undefined) keywordRegexes.set(keyword, (regex = new RegExp(keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')));
  return regex;
}

/** What a rule set says about its rules' order, made once per rule array (the scan passes the same array to every file). */
interface RuleOrder {
  /** Each rule's place in the priority order. */
  rank: Map<string, number>;
  /** Rules whose hits another rule needs as evidence: all of their hits are kept for it. */
  required: Set<string>;
}

const orders = new WeakMap<readonly CompiledRule[], RuleOrder>();

function ruleOrderOf(rules: readonly CompiledRule[]): RuleOrder {
  let order = orders.get(rules);
  if (order === undefined) {
    order = { rank: new Map(rules.map((r, i) => [r.id, i])), required: new Set(rules.flatMap((r) => r.requires?.rules ?? [])) };
    orders.set(rules, order);
  }
  return order;
}

/** Per-fragment state shared by all rules: the keywords present and the line index, made once on demand. */
class FragmentScan {
  private readonly keywordsSeen = new Map<string, boolean>();
  private lineIndex?: LineIndex;
  /** Each rule's place in the priority order. */
  private readonly rank: Map<string, number>;
  private readonly required: Set<string>;
  /** The best rank that already has a hit on exactly [start, end), by spanKey. */
  private readonly claimed = new Map<number, number>();
  /** The rule set's shapes, and (made on the first shaped rule) every shape's candidates in the text. */
  private readonly plan: ShapePlan;
  constructor(private readonly fragment: Fragment, rules: readonly CompiledRule[], private candidates?: Candidate[][]) {
    ({ rank: this.rank, required: this.required } = ruleOrderOf(rules));
    this.plan = shapePlanOf(rules);
  }

  /** Whether one of the rule's keywords occurs in the text; each keyword is looked for once, lazily. */
  passesKeywordGate(rule: CompiledRule): boolean {
    if (rule.keywords.length === 0) return true;
    return rule.keywords.some((kw) => this.has(kw));
  }

  /** Whether a word occurs in the text, any case; each word is looked for once. */
  has(word: string): boolean {
    let present = this.keywordsSeen.get(word);
    if (present === undefined) this.keywordsSeen.set(word, (present = keywordRegex(word).test(this.fragment.text)));
    return present;
  }
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.fragment.text));
  }

  /** The hits of one rule that pass every gate; `earlier` holds hits of rules already run. */
  run(rule: CompiledRule, earlier: readonly Hit[]): Hit[] {
    if (matchesAny(this.fragment.path, rule.allowPaths)) return [];
    const anchors = anchorLines(rule, earlier);
    // Ranges before keywords: a rule that needs another rule's finding nearby has none in most files.
    const ranges = this.searchRanges(rule, anchors);
    if (ranges.length === 0) return [];
    // A shaped rule: its regex runs only in windows around its shape's candidates, and its keyword
    // gate is checked only when it has one (a window can be a whole 8 MiB run of base64 that no
    // keyword-gated regex needs to read).
    const windows = rule.shape === undefined ? undefined : this.windowsOf(rule, ranges);
    if (windows?.length === 0 || !this.passesKeywordGate(rule)) return [];
    const found = windows === undefined ? this.matches(rule, ranges) : this.windowMatches(rule, windows);
    const hits: Hit[] = [];
    const rank = this.rank.get(rule.id)!;
    const skipClaimed = !this.required.has(rule.id);
    for (const candidate of found) {
      // The same text already found by a rule listed earlier: this hit would lose the overlap
      // resolution (same length, lower priority), so it is not checked at all. A secret next to
      // its name is matched by three rules; this check made a file of 10,000 pairs ~25% faster.
      const key = spanKey(candidate.start, candidate.end);
      if (skipClaimed && (this.claimed.get(key) ?? Infinity) < rank) continue;
      // The secret's own checks first: most candidates fail them, and need no line index at all.
      if (!passesSecretChecks(rule, candidate.value)) continue;
      const hit: Hit = { ...candidate, line: this.lines.lineOf(candidate.start) };
      if (this.passesPrefixCheck(rule, hit) && this.passesNearCheck(rule, hit) && this.hasEvidence(rule, hit, anchors)) {
        hits.push(hit);
        if ((this.claimed.get(key) ?? Infinity) > rank) this.claimed.set(key, rank);
      }
    }
    return hits;
  }

  /** Every shape's candidates in the text: given, or found on first use. */
  private allCandidates(): Candidate[][] {
    return (this.candidates ??= this.plan.finder.inString(this.fragment.text));
  }

  /** The candidates of the decoding stage's long-run shape (ShapePlan.longRuns). */
  longRuns(): Candidate[] {
    return this.allCandidates()[this.plan.longRuns]!;
  }

  /** Where a shaped rule's regex runs: windows around its shape's candidates, cut to `ranges`. */
  private windowsOf(rule: CompiledRule, ranges: readonly [number, number][]): SearchWindow[] {
    return candidateWindows(this.allCandidates()[this.plan.indexOf.get(rule)!]!, rule.shape!, this.fragment.text.length, ranges);
  }

  /**
   * The matches of a shaped rule that start in `ranges`, found only in windows around its shape's
   * candidates (candidateWindows): the same as matches() gives, since every match's capture lies in a
   * candidate and the whole match within the shape's reach of it. Each window's text is searched on
   * its own, so a search never runs past the window; a match found there is checked against the whole
   * text (a sticky exec at its start), and a window where one differs (a rule whose lookarounds reach
   * further than its shape says) is searched in the whole text instead, as matches() does.
   */
  private *windowMatches(rule: CompiledRule, windows: readonly SearchWindow[]): Generator<Omit<Hit, 'line'>> {
    const text = this.fragment.text;
    for (const { window, from, to } of windows) {
      const inWindow = searchWindow(rule, text, window, from, to);
      yield* inWindow ?? this.matches(rule, [[from, to]], false);
    }
  }

  /**
   * Where to run the rule's regex: the whole text, or for a rule that needs another rule's finding
   * nearby, only the lines around those findings (none at all when there are none). Sorted, disjoint.
   */
  private searchRanges(rule: CompiledRule, anchors: readonly number[] | undefined): [number, number][] {
    if (anchors === undefined) return [[0, this.fragment.text.length]];
    const within = this.withinLines(rule);
    const windows: [number, number][] = [];
    for (const line of anchors) {
      const last = windows[windows.length - 1];
      if (last && line - within <= last[1] + 1) last[1] = line + within;
      else windows.push([line - within, line + within]);
    }
    return windows.map(([a, b]) => this.lines.rangeOfLines(a, b));
  }

  /**
   * Matches of the rule's regex that start in one of `ranges`, as a search from each range's start
   * finds them. Rule regexes are shared, so lastIndex is set before every exec.
   *
   * Where the first match lies at or after a position depends only on the position (lookbehinds see
   * the whole text). So a search that ran past the end of a range, to a match or to the end of the
   * text, answers for every later range that starts before that match: each stretch of text is
   * searched once, where a new search per range made it O(ranges × text) when matches were rare.
   */
  private *matches(rule: CompiledRule, ranges: readonly [number, number][], reuseSearches = true): Generator<Omit<Hit, 'line'>> {
    let known: { from: number; match: RegExpExecArray | null } | undefined;
    for (const [from, to] of ranges) {
      const reuse = reuseSearches && known !== undefined && known.from <= from && (known.match === null || known.match.index >= from);
      let searchedFrom = from;
      let m = reuse ? known!.match : this.exec(rule.regex, from);
      for (; m !== null && m.index < to; m = this.exec(rule.regex, searchedFrom)) {
        searchedFrom = m.index + Math.max(m[0].length, 1);
        const span = m.indices?.[1];
        if (span === undefined || m[1] === undefined) continue;
        yield { rule, start: span[0], end: span[1], value: m[1] };
      }
      if (!reuse || m !== known!.match) known = { from: searchedFrom, match: m };
    }
  }

  private exec(regex: RegExp, from: number): RegExpExecArray | null {
    regex.lastIndex = from;
    return regex.exec(this.fragment.text);
  }

  /** The text before the match on its line names something else (`password = `, `cipher-pass=`). */
  private passesPrefixCheck(rule: CompiledRule, hit: Hit): boolean {
    if (rule.allowPrefixes.length === 0) return true;
    const prefix = this.lines.prefixOf(hit.start);
    return !rule.allowPrefixes.some((re) => re.test(prefix));
  }

  /**
   * Nothing within the rule's `allowlist.near` lines says the match is something else: where the AWS
   * secret nearby is a reference (`${ssm:…}`), a 40-character value beside it is another secret.
   * Searched in at most EVIDENCE_CHARS on each side, as evidence is.
   */
  private passesNearCheck(rule: CompiledRule, hit: Hit): boolean {
    const near = rule.allowNear;
    if (near === undefined) return true;
    return !near.pattern.test(this.lines.textNear(hit.start, hit.end, hit.line - near.withinLines, hit.line + near.withinLines, EVIDENCE_CHARS));
  }

  /**
   * Another rule's finding within the rule's lines (a binary search in `anchors`, the sorted lines of
   * those findings), or the rule's pattern in the text of those lines: at most EVIDENCE_CHARS on each
   * side of the hit, so a hit on an enormous line does not make the pattern search the whole line.
   */
  private hasEvidence(rule: CompiledRule, hit: Hit, anchors: readonly number[] | undefined): boolean {
    const req = rule.requires;
    if (req === undefined) return true;
    const within = this.withinLines(rule);
    if (anchors !== undefined) return nearestDistance(anchors, hit.line) <= within;
    return req.pattern!.test(this.lines.textNear(hit.start, hit.end, hit.line - within, hit.line + within, EVIDENCE_CHARS));
  }

  /** The evidence window: the rule's, or 0 (same line) in tabular files where a row is a record. */
  private withinLines(rule: CompiledRule): number {
    const req = rule.requires!;
    if (matchesAny(this.fragment.path, req.sameLineIn)) return 0;
    return req.withinLines;
  }
}

/**
 * The matches of the rule's regex that start in [from, to), searched in the text of `window` alone;
 * undefined when one of them is not what a search of the whole text finds at its place.
 */
function searchWindow(rule: CompiledRule, text: string, window: [number, number], from: number, to: number): Omit<Hit, 'line'>[] | undefined {
  const [a, b] = window;
  const part = text.slice(a, b);
  const regex = rule.regex;
  const out: Omit<Hit, 'line'>[] = [];
  for (regex.lastIndex = from - a; ; ) {
    const m = regex.exec(part);
    if (m === null || m.index + a >= to) return out;
    regex.lastIndex = m.index + Math.max(m[0].length, 1);
    if (!sameInWholeText(rule, text, m, a)) return undefined;
    const span = m.indices?.[1];
    if (span === undefined || m[1] === undefined) continue;
    out.push({ rule, start: span[0] + a, end: span[1] + a, value: m[1] });
  }
}

/** The rule's regex made sticky: whether it matches at one place of the whole text, and how. */
const stickyRegexes = new WeakMap<CompiledRule, RegExp>();

function sameInWholeText(rule: CompiledRule, text: string, m: RegExpExecArray, offset: number): boolean {
  let sticky = stickyRegexes.get(rule);
  if (sticky === undefined) stickyRegexes.set(rule, (sticky = new RegExp(rule.regex.source, rule.regex.flags.replace('g', '') + 'y')));
  sticky.lastIndex = m.index + offset;
  const w = sticky.exec(text);
  if (w === null || w[0].length !== m[0].length) return false;
  const a = w.indices?.[1];
  const b = m.indices?.[1];
  return a === b || (a !== undefined && b !== undefined && a[0] === b[0] + offset && a[1] === b[1] + offset);
}

/** A number for [start, end): exact while spans are under 2^20 characters and texts under 2^33. */
const spanKey = (start: number, end: number): number => start * 0x100000 + Math.min(end - start, 0xfffff);

/** For a rule that needs other rules' findings nearby: the sorted lines of those findings. */
function anchorLines(rule: CompiledRule, earlier: readonly Hit[]): number[] | undefined {
  const needed = rule.requires?.rules;
  if (needed === undefined) return undefined;
  return earlier.filter((h) => needed.includes(h.rule.id)).map((h) => h.line).sort((a, b) => a - b);
}

/** The distance from `line` to the nearest of `sorted` (Infinity when empty), by binary search. */
export function nearestDistance(sorted: readonly number[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  const after = lo < sorted.length ? sorted[lo]! - line : Infinity;
  const before = lo > 0 ? line - sorted[lo - 1]! : Infinity;
  return Math.min(after, before);
}

/** The checks on the secret itself: entropy floor, stopwords, allowlist regexes. */
export function passesSecretChecks(rule: CompiledRule, secret: string): boolean {
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.stopwords.length > 0) {
    const lower = secret.toLowerCase();
    if (rule.stopwords.some((w) => lower.includes(w))) return false;
  }
  return !rule.allowRegexes.some((re) => re.test(secret));
}

/**
 * Where matches overlap, the longer one wins (a session token is not also a secret key inside it);
 * for the same length, the rule listed first wins (rules are in priority order).
 */
function resolveOverlaps(hits: Hit[], rules: readonly CompiledRule[]): Hit[] {
  const priority = ruleOrderOf(rules).rank;
  const better = (a: Hit, b: Hit): boolean =>
    a.end - a.start !== b.end - b.start ? a.end - a.start > b.end - b.start : priority.get(a.rule.id)! < priority.get(b.rule.id)!;
  const sorted = [...hits].sort((a, b) => a.start - b.start || priority.get(a.rule.id)! - priority.get(b.rule.id)!);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || hit.start >= last.end) kept.push(hit);
    else if (better(hit, last)) kept[kept.length - 1] = hit;
  }
  return kept;
}

function toFindings(hits: Hit[], pairs: Map<Hit, Hit>, fragment: Fragment, lines: LineIndex): Finding[] {
  const numbers = new FingerprintNumbers();
  const marker = markerCache(lines);
  return hits.map((hit) => {
    const partner = pairs.get(hit);
    const finding: Finding = {
      ruleId: hit.rule.id,
      title: hit.rule.title,
      severity: partner ? 'critical' : hit.rule.severity,
      path: fragment.path,
      ...lines.span(hit.start, hit.end),
      value: detached(hit.value),
      fingerprint: numbers.next(fingerprintOf(hit, fragment.path)),
      ...lineTextOf(hit, hits, lines),
      remediation: hit.rule.remediation,
    };
    if (hit.rule.provider !== undefined) finding.provider = hit.rule.provider;
    if (hit.rule.part !== undefined) finding.part = hit.rule.part;
    if (hit.decoded !== undefined) finding.decoded = [...hit.decoded];
    addFacts(finding);
    const allow = marker(finding.line, finding.endLine);
    if (allow !== undefined) finding.inlineAllow = detached(allow);
    if (partner) {
      finding.pair = { ruleId: partner.rule.id, path: fragment.path, ...lines.span(partner.start, partner.end), value: detached(partner.value) };
      if (partner.rule.part !== undefined) finding.pair.part = partner.rule.part;
    }
    return finding;
  });
}

/**
 * The line around a hit, and where in it every hit of this text lies (its own included, a neighbour
 * cut by the window's edge too): redaction masks exactly these places, so a secret is masked even when
 * its own finding is later suppressed, or (in history) reported from another version of the file.
 * `hits` are sorted by start and do not overlap, so their ends are sorted too: a binary search finds
 * the first that reaches into the window, and the walk stops at the first that starts after it.
 */
function lineTextOf(hit: Hit, hits: readonly Hit[], lines: LineIndex): Pick<Finding, 'lineText' | 'lineSecrets'> {
  const window = lines.contextWindow(hit.start, hit.end, CONTEXT_CHARS);
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.end <= window.from) lo = mid + 1;
    else hi = mid;
  }
  const at = (offset: number): number => offset - window.from + window.lead;
  const lineSecrets: [number, number][] = [];
  for (let i = lo; i < hits.length && hits[i]!.start < window.to; i++) {
    lineSecrets.push([at(Math.max(hits[i]!.start, window.from)), at(Math.min(hits[i]!.end, window.to))]);
  }
  return { lineText: detached(window.text), lineSecrets };
}

/**
 * A copy of a piece of the scanned text that does not keep the text alive. V8 makes a slice of a long
 * string a view into it, so one 40-character secret would hold a whole file (or an 8 MiB window of a
 * streamed one) in memory for as long as the finding lives. Concatenating makes a new string, and
 * slicing that flattens it into a fresh copy.
 */
function detached(piece: string): string {
  return ` ${piece}`.slice(1);
}

/**
 * The inline-allow marker of lines [line, endLine], looked up once per span of lines: many hits on
 * one enormous line made each search the whole line again.
 */
function markerCache(lines: LineIndex): (line: number, endLine: number) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (line, endLine) => {
    const key = `${line}:${endLine}`;
    if (!cache.has(key)) cache.set(key, inlineAllowMarker(lines.textOfLines(line, endLine)));
    return cache.get(key);
  };
}

/** What the value says about itself offline, as its provider reads it (an AWS key ID: key type, account). */
function addFacts(finding: Finding): void {
  if (finding.part === undefined) return;
  const facts = providerOf(finding.provider)?.factsOf?.(finding.part, finding.value);
  if (facts?.keyType !== undefined) finding.keyType = facts.keyType;
  if (facts?.accountId !== undefined) finding.accountId = facts.accountId;
}

/**
 * Identity (provider-qualified part, or rule), path and value: unchanged when lines move or the rule
 * that matched is refined. AWS parts hash their bare part name, as before providers (see identityOf).
 */
function fingerprintOf(hit: Hit, path: string): string {
  let what = identities.get(hit.rule);
  if (what === undefined) identities.set(hit.rule, (what = identityOf(hit.rule)));
  // crypto.hash, one call without a Hash object, is ~3x faster (Node >= 20.12; package.json asks 20.19).
  return crypto().hash('sha256', `${what}\0${path}\0${hit.value}`, 'hex').slice(0, 16);
}

/** Each rule's fingerprint identity, worked out once: a scan of many findings asks per finding. */
const identities = new WeakMap<CompiledRule, string>();

/** node:crypto is loaded on the first finding (~10 ms that a clean pre-commit run does not pay). */
let cryptoModule: typeof import('node:crypto') | undefined;
const crypto = (): typeof import('node:crypto') => (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
