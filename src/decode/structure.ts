// The `structure` decoder (issue 14): a value whose NAME is not beside it gets its name inserted right
// before it (`NAME=`, an insertion edit), so the view reads as the plain assignment the rules know.
//   - name/value records: YAML `- name: X` / `value: V` (k8s env, Helm, CloudFormation `- Name:`),
//     JSON `{"name": "X", "value": "V"}` in either order, `aws ssm get-parameter` output (`"Name"` two
//     lines above `"Value"`), CloudFormation parameter files (`"ParameterValue"` before
//     `"ParameterKey"`), one-line objects and the CLI shorthand `ParameterValue=V,ParameterKey=X`;
//     a `value`/`default` with no name field takes its block's name (`variable "x" { default = … }`);
//   - the name above a block: a heredoc `secret_key = <<EOT` / `<<-EOF`, a YAML block scalar `key: >-`;
//   - a generic name (`secret`) whose AWS context is the structure around it: its block or a parent
//     block is named for AWS (`[s3]`, `aws:`, `provider "aws" {`) or has a sibling that says so
//     (`provider: aws`, `"type": "s3"`, a region), or the record is in CloudFormation's own format
//     (`ParameterKey: SecretKey`). The inserted name carries that context
//     (`s3:secret=`), so the in-AWS-context rule reads it; where the structure says nothing about AWS
//     (a `secret` under `github:` or `session:`), nothing is inserted.
// It is a tolerant line scanner (indentation, keys, brackets), never a parser: a broken file gives
// fewer edits, never an error. Work is linear in the region plus a bounded look around it.
import type { Decoder, Edit } from './types.js';

/** How far before `from` and after `to` the scanner reads for names, siblings and parent blocks. */
const LOOK_BEFORE = 16 * 1024;
const LOOK_AFTER = 8 * 1024;
/** Lines scanned up and down from a line for its siblings (a record or a block). */
const SIBLINGS_UP = 120;
const SIBLINGS_DOWN = 40;
/**
 * Lines all walks of one call may read: a few thousand, plus half a line per byte of the region (a
 * walk reads at most MAX_LEVELS * (SIBLINGS_UP + SIBLINGS_DOWN) lines; a file of nothing but generic
 * secrets, one a line, runs out of budget and gets no more names, in time linear in its size).
 */
const BUDGET_BASE = 2048;
const BUDGET_PER_BYTE = 0.5;
/** A record is small: its name field is at most this many lines from its value field. */
const RECORD_LINES = 8;
/** Blocks walked up from a generic name looking for AWS context. */
const MAX_LEVELS = 6;
/** A line longer than this is not read as structure (minified code, data). */
const MAX_LINE = 4096;
/** A name is inserted only when it is short and plain (it goes into the view as text). */
const MAX_NAME = 96;

/** What a value must look like to get a name: a run of the secret/token alphabet, `=` padding only at its end. */
const CANDIDATE = /^(?:[A-Za-z0-9/+]|%2[FfBb]){30,}(?:=|%3[Dd]){0,2}$/;
/** A name worth moving: the rules read names that say secret, private or token. */
const CREDENTIAL_NAME = /secret|private|token/i;
/** Field names that hold a record's name, and its value (compared lowercased, without `_`/`-`). */
// (Terraform's github_actions_secret: secret_name/plaintext_value; CDK's parameterName/stringValue;
// Secrets Manager's get-secret-value: Name/SecretString)
const NAME_FIELDS = new Set(['name', 'key', 'parameterkey', 'parametername', 'optionname', 'variable', 'envname', 'secretname']);
const VALUE_FIELDS = new Set(['value', 'parametervalue', 'secretvalue', 'plaintextvalue', 'stringvalue', 'secretstring']);
/** Value fields that take the enclosing block's name when the record has no name field. */
const DEFAULT_FIELDS = new Set(['value', 'default', 'defaultvalue']);
/** A generic secret name: says secret but neither AWS nor what else (compared like the fields). */
// (not `AccessKeySecret`: Alibaba Cloud's name; AWS says SecretAccessKey)
// (and a session token's: `token`, `session_token` beside `secret` in the same block)
const GENERIC_SECRETS = new Set(['secret', 'secretkey', 'keysecret', 'accesssecret', 'secretaccess', 'token', 'sessiontoken', 'securitytoken']);
/**
 * A name that says secret and nothing else, so that the structure must say whose. Not `SECRET_KEY`
 * in capitals: Django's and Flask's own secret, often in a settings class beside AWS_* settings.
 */
const isGeneric = (name: string): boolean => name !== 'SECRET_KEY' && GENERIC_SECRETS.has(fieldOf(name).replace(/\./g, ''));
/** Blocks that say nothing of what they hold: the walk for AWS context goes on through them. */
const TRANSPARENT = /^(?:|credentials?|creds?|auth|authentication|options|opts|config|configuration|settings|params|parameters|args|arguments|client|clientconfig|connection|conn|access|account|keys?|secrets?|default|defaults|properties|spec|data|env|environment|values|storage|store|bucket|backend|destination|target|sink|source|upload|uploads|backup|archive)$/;
/**
 * AWS context in a block's name or a sibling: the words the in-AWS-context rule needs (aws, amazon,
 * s3, sts, iam; groups 1 and 2), or a region (group 3).
 */
const AWS_CONTEXT = /(?<![a-z])(aws|amazon|boto)|(?<![a-z0-9])(s3[an]?|sts|iam)(?![a-z0-9])|\b((?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b/i;
/**
 * Not context: long base64-like runs (a random key may hold `aws` by chance) and Alibaba Cloud's
 * `STS.` key IDs (their `sts` is not AWS's).
 */
const NOT_CONTEXT = /[A-Za-z0-9/+=]{16,}|\bSTS\.\w+/g;
/** Another cloud named in the same block: its secret is not AWS's, whatever else the block says. */
const OTHER_CLOUD = /aliyun|alibaba|alicloud|aliyuncs|huawei|myhuaweicloud|tencent|qcloud|\bgoog1|googleapis|\bgcs\b|\bgcp\b|azure|digitalocean|\boss[_\-]|\bobs[_\-.]|backblaze|wasabi|cloudflare|\bminio|linode|scaleway|\bscw\b|\bovh|vultr|storj|\bceph|exoscale|yandex|oraclecloud|\boci\b|\bibm/i;
/** `s3` in a camelCase name (`s3Credentials`, `S3Client`), which the rules' whole-word `s3` misses. */
const CAMEL_S3 = /(?<![A-Za-z0-9])[sS]3(?=[A-Z])/;

/** One line, read tolerantly as `key <op> value` (YAML, JSON, INI, HCL, PHP, tables). */
interface Line {
  start: number;
  end: number;
  /** Column of the first non-blank character; -1 for a blank or comment line. */
  ind: number;
  /** The line starts a YAML list item (`- `). */
  dash: boolean;
  /** Column of the key (after `- `, `{`, `|`), or of the first character when there is no key. */
  kcol: number;
  key?: string;
  /** Where the key ends in the text (after its closing quote). */
  kEnd: number;
  /** The value as written after the operator, without its quotes: [vStart, vEnd) in the text. */
  vStart: number;
  vEnd: number;
  /** What follows the operator when it is not a scalar: a heredoc tag, a block scalar, a bracket. */
  opener?: 'heredoc' | 'block' | 'empty' | 'bracket';
  /** An INI/TOML `[section]` header's name. */
  section?: string;
  /** What the line says of its cloud, read once: the AWS word in it (null: none), another cloud named. */
  aws?: string | null;
  other?: boolean;
}

const KEY_LINE = /^([ \t]*)(-[ \t]+)?(?:\|+[ \t]*|\{[ \t]*)?((["'])([^"'\n]{1,128}?)\4|:?([A-Za-z_$@][\w.\-$@/]{0,127}))[ \t]*(=>|:(?![:\w])|=(?!=)|\|)[ \t]*/d;
/** An XML element on one line, `<name>fs.s3a.secret.key</name>` (Hadoop, .NET, Maven settings). */
const XML_ELEMENT = /^([ \t]*)<([A-Za-z][\w.\-]{0,40})>[ \t]*([^<\s]{0,512})[ \t]*<\/\2>/d;
const SECTION = /^\[([\w.\- "']{1,64})\][ \t]*(?:[#;].*)?$/;
const HEREDOC = /^<<[-~]?[ \t]*(["']?)([A-Za-z_]\w{0,30})\1[ \t]*$/;
const BLOCK_SCALAR = /^[|>][-+]?[1-9]?[-+]?[ \t]*(?:#.*)?$/;
const BRACKET = /^(?:[[{(]|new\b|array\s*\()/;

/** A line read as blank: too long, or cut by the window. */
const unread = (start: number, end: number): Line => ({ start, end, ind: -1, dash: false, kcol: 0, kEnd: start, vStart: end, vEnd: end });

function parseLine(text: string, start: number, end: number): Line {
  const line = unread(start, end);
  if (end - start > MAX_LINE) return line;
  const s = text.slice(start, end);
  const ind = s.search(/\S/);
  if (ind === -1 || s.startsWith('#', ind) || s.startsWith('//', ind) || s.startsWith(';', ind)) return line;
  line.ind = line.kcol = ind;
  const section = ind === 0 ? SECTION.exec(s.trimEnd()) : null;
  if (section !== null) {
    line.section = section[1]!.replace(/["']/g, '').trim();
    return line;
  }
  const xml = XML_ELEMENT.exec(s);
  if (xml !== null) {
    line.key = xml[2];
    line.kcol = ind;
    line.kEnd = start + xml.indices![2]![1] + 1;
    [line.vStart, line.vEnd] = xml.indices![3]!.map((o) => start + o) as [number, number];
    return line;
  }
  const m = KEY_LINE.exec(s);
  if (m === null) {
    line.dash = /^-[ \t]/.test(s.slice(ind));
    return line;
  }
  line.dash = m[2] !== undefined;
  line.key = m[5] ?? m[6];
  const [kStart, kEnd] = m.indices![3]!;
  line.kcol = kStart;
  line.kEnd = start + kEnd;
  readValue(line, s, m[0].length, start);
  return line;
}

/** The value part of a key line: a scalar (quoted or not), or what opens a block after the key. */
function readValue(line: Line, s: string, at: number, start: number): void {
  const rest = s.slice(at).trimEnd();
  if (rest === '' || rest.startsWith('#')) {
    line.opener = 'empty';
    return;
  }
  if (HEREDOC.test(rest)) line.opener = 'heredoc';
  else if (BLOCK_SCALAR.test(rest)) line.opener = 'block';
  else if (BRACKET.test(rest) && /[[{(]\s*$/.test(rest)) line.opener = 'bracket';
  if (line.opener !== undefined) return;
  const quoted = /^["'`]/.test(rest) ? 1 : 0;
  const scalar = /^[^\s"'`,;})\]|]*/.exec(rest.slice(quoted))![0];
  line.vStart = start + at + quoted;
  line.vEnd = line.vStart + scalar.length;
}

/** The lines of a window of the text, parsed on demand. */
class Lines {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private readonly parsed: (Line | undefined)[] = [];

  constructor(readonly text: string, from: number, to: number) {
    let at = from;
    while (at < to) {
      const nl = text.indexOf('\n', at);
      const end = nl === -1 || nl >= to ? to : nl;
      this.starts.push(at);
      this.ends.push(end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      at = end + 1;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  at(i: number): Line {
    return (this.parsed[i] ??= this.whole(i) ? parseLine(this.text, this.starts[i]!, this.ends[i]!) : unread(this.starts[i]!, this.ends[i]!));
  }

  /** A line the window cut (a line longer than the look around a region) is not read: its start is not a start. */
  whole(i: number): boolean {
    const { text } = this;
    const start = this.starts[i]!;
    let end = this.ends[i]!;
    if (text.charCodeAt(end) === 13) end++;
    return (start === 0 || text.charCodeAt(start - 1) === 10) && (end === text.length || text.charCodeAt(end) === 10);
  }

  /** The index of the line holding offset `at` (binary search). */
  indexOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A counter that bounds the lines all walks of one call may read, whatever the text holds. */
class Budget {
  constructor(private left: number) {}
  take(): boolean {
    return this.left-- > 0;
  }
}

/** A line's siblings (same key column, same block) and the line that opens their block. */
interface Block {
  siblings: number[];
  opener?: number;
  /** The block is a list item (anonymous); its opener line is the item's `- ` line. */
  item: boolean;
}

function blockOf(lines: Lines, i: number, k: number, budget: Budget): Block {
  const block: Block = { siblings: [], item: lines.at(i).dash && lines.at(i).kcol === k };
  if (block.item) block.opener = i;
  for (let j = i - 1; !block.item && j >= 0 && j >= i - SIBLINGS_UP && budget.take(); j--) {
    const l = lines.at(j);
    if (l.ind === -1 || l.ind > k) continue;
    if (l.section !== undefined || (l.ind < k && l.kcol !== k)) {
      block.opener = j;
      break;
    }
    if (l.key === undefined || l.kcol !== k) continue;
    block.siblings.push(j);
    if (l.dash) {
      block.opener = j;
      block.item = true;
    }
  }
  for (let j = i + 1; j < lines.length && j <= i + SIBLINGS_DOWN && budget.take(); j++) {
    const l = lines.at(j);
    if (l.ind === -1 || l.ind > k) continue;
    if (l.section !== undefined || l.dash || l.ind < k) break;
    if (l.key !== undefined && l.kcol === k) block.siblings.push(j);
  }
  return block;
}

/** `AWS_SECRET_ACCESS_KEY` as is; a path or an ARN by its last part (`/prod/app/aws_secret` → `aws_secret`). */
function nameOf(raw: string): string | undefined {
  const last = raw.split(/[/:]/).filter((p) => p !== '').pop() ?? '';
  const name = last.replace(/[^\w.\-]/g, '_');
  return name.length > 0 && name.length <= MAX_NAME ? name : undefined;
}

const fieldOf = (key: string | undefined): string => (key ?? '').toLowerCase().replace(/[_\-]/g, '');

/** The name an opener line gives its block: a key (`credentials:`), a section, HCL labels' last one. */
function openerName(lines: Lines, j: number): string {
  const l = lines.at(j);
  if (l.section !== undefined) return l.section;
  if (l.key !== undefined && !l.dash) return l.key;
  const labels = lines.text.slice(l.start, l.end).match(/"([^"\n]{1,96})"/g);
  if (labels !== null && labels.length > 0) return labels[labels.length - 1]!.slice(1, -1);
  return l.dash ? '' : (/^\s*\$?([A-Za-z_]\w*)/.exec(lines.text.slice(l.start, l.end))?.[1] ?? '');
}

/** The AWS word or region in a piece of structure, lowercased (`S3Client` → `s3`), or undefined. */
function awsWordIn(s: string): string | undefined {
  const plain = s.replace(NOT_CONTEXT, ' ');
  const m = AWS_CONTEXT.exec(plain);
  if (m === null) return CAMEL_S3.test(plain) ? 's3' : undefined;
  return (m[1] ?? m[2] ?? m[3])!.toLowerCase();
}

/** A line with what it says of its cloud read (once a call: walks from many values meet the same lines). */
function cloudOf(lines: Lines, j: number): Line {
  const l = lines.at(j);
  if (l.aws === undefined) {
    const s = lines.text.slice(l.start, l.end);
    l.other = OTHER_CLOUD.test(s);
    l.aws = awsWordIn(s) ?? null;
  }
  return l;
}

/**
 * The AWS word the structure around line `i` gives a generic name: its block's name or a sibling
 * (not the line itself), then its parent's, through blocks that say nothing of what they hold. A
 * block named for something else (`session:`, `github:`) ends the walk with nothing. Within a level,
 * a word (`provider: aws`) is preferred to a region, which says less.
 */
function awsContextOf(lines: Lines, i: number, budget: Budget): string | undefined {
  let at = i;
  let k = lines.at(i).kcol;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const block = blockOf(lines, at, k, budget);
    // the top of a flat file is no block: its lines share a file, not a structure
    if (block.opener === undefined) return undefined;
    const places = block.siblings.filter((j) => j !== i);
    if (!block.item) places.unshift(block.opener);
    const said = places.map((j) => cloudOf(lines, j));
    if (said.some((l) => l.other)) return undefined;
    const words = said.map((l) => l.aws).filter((w) => w !== null && w !== undefined);
    const word = words.find((w) => !/\d$/.test(w)) ?? words[0];
    if (word !== undefined) return word;
    const opener = lines.at(block.opener);
    const name = block.item ? '' : openerName(lines, block.opener);
    if (opener.section !== undefined || !TRANSPARENT.test(fieldOf(name).replace(/^\$/, '').replace(/\./g, ''))) return undefined;
    at = block.opener;
    k = block.item ? opener.ind : opener.kcol;
  }
  return undefined;
}

/** What to insert before a value: its name, and the AWS word its structure gives a generic name. */
interface Insertion {
  text: string;
  /** The structure gave an AWS word (the name alone would not say what the value is). */
  context: boolean;
}

/**
 * `awsFormat`: the record is in a format only AWS uses (CloudFormation's ParameterKey/ParameterValue),
 * so the structure itself is AWS context for a generic name (`SecretKey`).
 */
function insertionFor(lines: Lines, i: number, raw: string, budget: Budget, awsFormat = false): Insertion | undefined {
  const name = raw.replace(/[^\w.\-]/g, '_');
  if (name.length > MAX_NAME || !CREDENTIAL_NAME.test(name)) return undefined;
  const generic = isGeneric(name);
  const word = generic ? (awsContextOf(lines, i, budget) ?? (awsFormat ? 'aws' : undefined)) : undefined;
  return word === undefined ? { text: `${name}=`, context: false } : { text: `${word}:${name}=`, context: true };
}

/**
 * Rules read a name and a value together when only separators lie between them (what the rules'
 * `(?:[^A-Za-z0-9/+%]|%XX|</|value|name){1,40}` accepts): then the value needs no name of its own.
 */
function readTogether(text: string, nameEnd: number, valueStart: number): boolean {
  if (valueStart < nameEnd || valueStart - nameEnd > 200) return false;
  return /^(?:[^A-Za-z0-9/+%]|%[0-9a-f]{2}|<\/|value|name){1,40}$/i.test(text.slice(nameEnd, valueStart));
}

/** A value worth a name: the alphabet and length of a secret or token, and not hex (a digest: no rule reports one). */
const isValue = (s: string): boolean => s.length >= 30 && CANDIDATE.test(s) && !/^[0-9a-fA-F]+$/.test(s);
const isCandidate = (text: string, l: Line): boolean => isValue(text.slice(l.vStart, l.vEnd));

/** CloudFormation's field names: a record with them is AWS's own format. */
const AWS_FORMAT_FIELDS = new Set(['parameterkey', 'parametervalue']);

/** Where a record's name is: the line, its value's text and end, and whether the record is in CloudFormation's own format. */
type RecordName = { name: string; at: number; end: number; awsFormat: boolean };

/** A record's value field (`value: V`): its name is a sibling name field, or its block's name. */
function recordName(lines: Lines, i: number, budget: Budget): RecordName | undefined {
  const l = lines.at(i);
  const field = fieldOf(l.key);
  if (!VALUE_FIELDS.has(field) && !DEFAULT_FIELDS.has(field)) return undefined;
  const block = blockOf(lines, i, l.kcol, budget);
  const best = nearestNameField(lines, block.siblings, i);
  if (best !== undefined) return namedBy(lines, best, AWS_FORMAT_FIELDS.has(fieldOf(lines.at(best).key)) && AWS_FORMAT_FIELDS.has(field));
  if (!DEFAULT_FIELDS.has(field) || block.opener === undefined || block.item) return undefined;
  return outerRecordName(lines, block.opener, budget) ?? openerNamed(lines, block.opener);
}

/** The sibling closest to line `i` (within RECORD_LINES) that is a name field (`name:`, `ParameterKey`). */
function nearestNameField(lines: Lines, siblings: readonly number[], i: number): number | undefined {
  let best: number | undefined;
  for (const j of siblings) {
    const near = Math.abs(j - i) <= RECORD_LINES && (best === undefined || Math.abs(j - i) < Math.abs(best - i));
    if (near && NAME_FIELDS.has(fieldOf(lines.at(j).key))) best = j;
  }
  return best;
}

/** The name a name field's line gives (none when its value is empty). */
function namedBy(lines: Lines, j: number, awsFormat: boolean): RecordName | undefined {
  const n = lines.at(j);
  const raw = lines.text.slice(n.vStart, n.vEnd);
  return raw === '' ? undefined : { name: raw, at: j, end: n.vEnd, awsFormat };
}

/** The block's own name as the record's (`variable "x" { default = … }`). */
function openerNamed(lines: Lines, opener: number): RecordName | undefined {
  const name = openerName(lines, opener);
  return name === '' ? undefined : { name, at: opener, end: lines.at(opener).end, awsFormat: false };
}

/**
 * A value in a block that says nothing of what it holds (`properties: { value: … }`) is named by the
 * name field beside that block: a Key Vault secret in Bicep or ARM (`name: 'aws-secret-access-key'`
 * next to `properties:`).
 */
function outerRecordName(lines: Lines, opener: number, budget: Budget): RecordName | undefined {
  const o = lines.at(opener);
  if (o.key === undefined || o.dash || o.section !== undefined || fieldOf(o.key) !== 'properties') return undefined;
  const best = nearestNameField(lines, blockOf(lines, opener, o.kcol, budget).siblings, opener);
  return best === undefined ? undefined : namedBy(lines, best, false);
}

/** The name above a block's first line: a heredoc, a block scalar, or a key with nothing after it. */
function nameAbove(lines: Lines, i: number): number | undefined {
  const l = lines.at(i);
  if (l.key !== undefined || l.section !== undefined || l.ind === -1) return undefined;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const p = lines.at(j);
    if (p.ind === -1) continue;
    if (p.key === undefined || p.opener === undefined || p.opener === 'bracket') return undefined;
    if (p.opener !== 'heredoc' && l.ind <= p.kcol) return undefined;
    return j;
  }
  return undefined;
}

/** The whole line as a value (a heredoc's or block scalar's first line). */
function lineValue(lines: Lines, i: number): [number, number] | undefined {
  const l = lines.at(i);
  const s = lines.text.slice(l.start + l.ind, l.end).trimEnd();
  return isValue(s) ? [l.start + l.ind, l.start + l.ind + s.length] : undefined;
}

/** Edits for the value on line `i`, where one of the multi-line forms gives it a name. */
function lineEdit(lines: Lines, i: number, budget: Budget): Edit | undefined {
  const text = lines.text;
  const l = lines.at(i);
  const above = nameAbove(lines, i);
  if (above !== undefined) {
    const range = lineValue(lines, i);
    const heading = lines.at(above);
    // `default = <<EOT` in a Terraform variable: the heredoc is named as a default's value is, by its block
    const record = DEFAULT_FIELDS.has(fieldOf(heading.key!)) ? recordName(lines, above, budget) : undefined;
    const name = nameOf(record?.name ?? heading.key!);
    const insert = range && name !== undefined ? insertionFor(lines, record?.at ?? above, name, budget, record?.awsFormat) : undefined;
    if (insert === undefined || (!insert.context && readTogether(text, record?.end ?? heading.kEnd, range![0]))) return undefined;
    return { start: range![0], end: range![0], text: insert.text };
  }
  if (!isCandidate(text, l)) return undefined;
  const record = recordName(lines, i, budget);
  if (record !== undefined) {
    const name = nameOf(record.name);
    const insert = name === undefined ? undefined : insertionFor(lines, record.at, name, budget, record.awsFormat);
    if (insert === undefined || (!insert.context && readTogether(text, record.end, l.vStart))) return undefined;
    return { start: l.vStart, end: l.vStart, text: insert.text };
  }
  // the key as written (`checksum/secret` is a checksum, not a secret): not split like a path
  const own = l.key;
  if (own === undefined || !isGeneric(own)) return undefined;
  const insert = insertionFor(lines, i, own, budget);
  return insert?.context === true ? { start: l.vStart, end: l.vStart, text: insert.text } : undefined;
}

/** Every value field says `value` (or is Secrets Manager's SecretString): a record without one is no record. */
const VALUE_WORD = /value|secretstring/i;
const PAIR_IN_OBJECT = /(["']?)([A-Za-z_]\w{0,40})\1\s*[:=]\s*(["']?)([^"',}\s]{1,512})\3/g;

/**
 * Records on one line: `{"value": "V", "name": "X"}` (each `{…}` without nested braces), and the CLI
 * shorthand `ParameterValue=V,ParameterKey=X` (each blank-separated word).
 */
function inlineEdits(text: string, start: number, end: number, out: Edit[]): void {
  if (end - start > MAX_LINE) return;
  const s = text.slice(start, end);
  if (!VALUE_WORD.test(s)) return;
  // objects, then words outside them: `--parameters ParameterValue=V,ParameterKey=X` may share a
  // line with `${…}`; a word holding braces is not one record (`[{…},{…}]` minified)
  const words = [...s.matchAll(/\S+/g)].filter((w) => !/[{}]/.test(w[0]) && VALUE_WORD.test(w[0]));
  const groups = [...s.matchAll(/\{[^{}]*\}/g), ...words];
  for (const g of groups) {
    const group = g[0];
    const at = g.index;
    let name: [string, number] | undefined;
    let value: [number, number] | undefined;
    let awsFormat = 0;
    for (const m of group.matchAll(PAIR_IN_OBJECT)) {
      const field = fieldOf(m[2]);
      if (AWS_FORMAT_FIELDS.has(field)) awsFormat++;
      const vStart = m.index + m[0].length - m[4]!.length - m[3]!.length;
      if (NAME_FIELDS.has(field)) name ??= [m[4]!, start + at + vStart + m[4]!.length];
      else if (VALUE_FIELDS.has(field)) value ??= [start + at + vStart, start + at + vStart + m[4]!.length];
    }
    if (name === undefined || value === undefined || !isValue(text.slice(value[0], value[1]))) continue;
    const n = nameOf(name[0]);
    if (n === undefined || !CREDENTIAL_NAME.test(n) || readTogether(text, name[1], value[0])) continue;
    const generic = isGeneric(n);
    out.push({ start: value[0], end: value[0], text: generic && awsFormat === 2 ? `aws:${n}=` : `${n}=` });
  }
}

const FLAG_NAME = /(?:^|\s)--(?:name|secret-id)(?:=|\s+)(["']?)([\w.\-/:]{1,256})\1(?=\s|$)/;
const FLAG_VALUE = /(?:^|\s)--(?:value|secret-string)(?:=|\s+)(["']?)((?:[A-Za-z0-9/+]|%2[FfBb]){30,}(?:=|%3[Dd]){0,2})\1(?=\s|$)/d;

/** CLI flags on one line: `aws ssm put-parameter --name /prod/aws_secret --type SecureString --value V`. */
function flagEdit(text: string, start: number, end: number): Edit | undefined {
  if (end - start > MAX_LINE) return undefined;
  const s = text.slice(start, end);
  const value = FLAG_VALUE.exec(s);
  const name = value === null ? null : FLAG_NAME.exec(s);
  if (value === null || name === null) return undefined;
  const n = nameOf(name[2]!);
  const at = start + value.indices![2]![0];
  const nameEnd = start + name.index + name[0].length;
  if (n === undefined || !CREDENTIAL_NAME.test(n) || !isValue(value[2]!) || readTogether(text, nameEnd, at)) return undefined;
  return { start: at, end: at, text: `${n}=` };
}

/** `aws ssm get-parameters --output text`: `PARAMETERS <tab> … <tab> /prod/aws_secret <tab> SecureString <tab> V`. */
function ssmTextEdit(text: string, start: number, end: number): Edit | undefined {
  if (end - start > MAX_LINE || !/^PARAMETERS?\t/.test(text.slice(start, start + 11))) return undefined;
  const fields = text.slice(start, end).split('\t');
  let at = start;
  let name: string | undefined;
  for (const f of fields) {
    if (name === undefined && /^\/?[\w.\-/]+$/.test(f) && CREDENTIAL_NAME.test(f) && !f.startsWith('arn:')) name = nameOf(f);
    else if (name !== undefined && isValue(f)) return { start: at, end: at, text: `${name}=` };
    at += f.length + 1;
  }
  return undefined;
}

/** A run this long may be a value worth naming: only the lines holding one are looked at. */
const RUN = 30;

/** Whether code unit `c` is in the secret alphabet (`%` too: URL-escaped `/` and `+`). */
function inRun(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 37;
}

/** The offset where the next run of RUN alphabet characters at or after `at` reaches its RUN-th, or -1. */
function nextRun(text: string, at: number, to: number): number {
  let n = 0;
  for (; at < to; at++) {
    if (!inRun(text.charCodeAt(at))) n = 0;
    else if (++n === RUN) return at;
  }
  return -1;
}

function edits(text: string, from: number, to: number): Edit[] {
  from = Math.max(0, Math.min(from, text.length));
  to = Math.max(from, Math.min(to, text.length));
  if (from === to) return [];
  const lo = Math.max(0, from - LOOK_BEFORE);
  const windowStart = lo === 0 ? 0 : text.indexOf('\n', lo) + 1 || from;
  const lines = new Lines(text, Math.min(windowStart, from), Math.min(text.length, to + LOOK_AFTER));
  const budget = new Budget(BUDGET_BASE + Math.ceil((to - from) * BUDGET_PER_BYTE));
  const out: Edit[] = [];
  // a run that starts before `to` and reaches RUN characters after it still has its line read
  for (let at = nextRun(text, from, Math.min(text.length, to + RUN)); at !== -1; ) {
    const i = lines.indexOf(at);
    const start = lines.starts[i]!;
    const end = lines.ends[i]!;
    const found: Edit[] = [];
    const edit = lineEdit(lines, i, budget);
    if (edit !== undefined) found.push(edit);
    if (lines.whole(i)) {
      inlineEdits(text, start, end, found);
      for (const e of [ssmTextEdit(text, start, end), flagEdit(text, start, end)]) if (e !== undefined) found.push(e);
    }
    for (const e of found) if (e.start >= from && e.start < to) out.push(e);
    // on to the next line: every construct of this one was read
    at = end + 1 < to ? nextRun(text, end + 1, Math.min(text.length, to + RUN)) : -1;
  }
  return sortedUnique(out);
}

/** Sorted by position, one insertion per position (two forms may name the same value). */
function sortedUnique(list: Edit[]): Edit[] {
  list.sort((a, b) => a.start - b.start);
  return list.filter((e, k) => k === 0 || e.start !== list[k - 1]!.start);
}

export const structureDecoder: Decoder = {
  name: 'structure',
  edits(text: string, from: number, to: number): Edit[] {
    try {
      return edits(text, from, to);
    } catch {
      // A decoder never throws; a construct the scanner cannot read is left alone.
      return [];
    }
  },
};
