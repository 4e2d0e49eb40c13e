// The structure decoder (src/decode/structure.ts): a value whose name is apart gets its name
// inserted before it. Each case runs the real detector with the built-in rules over the file and
// over the decoder's view (three rounds, as the decoding stage runs decoders), and follows the view's
// map back to the file: the value must be found at its own line in the view, and for the forms the
// detector missed before, not in the file itself (the decoder is what finds it).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { structureDecoder } from '../src/decode/structure.js';
import type { Edit } from '../src/decode/types.js';
import { applyEdits, View } from '../src/decode/view.js';
import { detect } from '../src/detect/detector.js';
import { loadBuiltinRules, type CompiledRule } from '../src/rules/load.js';
import { Keys } from './helpers/keys.js';

const loaded = loadBuiltinRules();
if (!loaded.ok) throw new Error('built-in rules are invalid');
const rules: CompiledRule[] = loaded.rules;
const keys = new Keys(1414);

function viewOf(text: string): View | undefined {
  let view: View | undefined;
  for (let round = 0; round < 3; round++) {
    const cur = view?.text ?? text;
    const next = View.of(view ?? text, 'structure', structureDecoder.edits(cur, 0, cur.length));
    if (next === undefined) break;
    view = next;
  }
  return view;
}

const lineOf = (text: string, at: number): number => text.slice(0, at).split('\n').length;
const offsetOf = (text: string, line: number, column: number): number => {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
};

interface Found {
  ruleId: string;
  value: string;
  line: number;
}

/** The detector's findings in the file's text (`decoded` false) or in the decoder's view, at file lines. */
function findings(text: string, decoded: boolean, path = 'config/file.txt'): Found[] {
  const view = decoded ? viewOf(text) : undefined;
  // the detector as it reads text as written: the view is this test's own (decodeDepth 0, no stage)
  const fs = detect({ path, text: view?.text ?? text }, rules, { decodeDepth: 0 });
  return fs.map((f) => {
    if (view === undefined) return { ruleId: f.ruleId, value: f.value, line: f.line };
    const at = offsetOf(view.text, f.line, f.column);
    return { ruleId: f.ruleId, value: f.value, line: lineOf(text, view.toOriginal(at, at + f.value.length)[0]) };
  });
}

const has = (fs: Found[], value: string, line: number): boolean => fs.some((f) => f.value === value && f.line === line);
const show = (fs: Found[]): string => fs.map((f) => `${f.ruleId}@${f.line}:${f.value.slice(0, 8)}…`).join(', ') || 'nothing';

/** The file holds `value` at `line`: found in the view, and (unless `before`) not found in the file. */
function assertDecoded(text: string, value: string, line: number, opts: { before?: boolean; path?: string } = {}): void {
  assert.ok(text.split('\n')[line - 1]!.includes(value), `the fixture holds the value at line ${line}`);
  const after = findings(text, true, opts.path);
  assert.ok(has(after, value, line), `found in the view at line ${line}: ${show(after)}\n${viewOf(text)?.text ?? '(no edits)'}`);
  if (opts.before === undefined) return;
  const plain = findings(text, false, opts.path);
  assert.is(has(plain, value, line), opts.before, `found in the file itself: ${show(plain)}`);
}

/** Nothing of `value` is found in the view (nor in the file). */
function assertNotFound(text: string, value: string, path?: string): void {
  const after = findings(text, true, path);
  assert.not.ok(after.some((f) => f.value.includes(value) || value.includes(f.value)), `not reported: ${show(after)}\n${viewOf(text)?.text ?? ''}`);
}

const filler = (n: number, indent: string, sep = ': '): string =>
  Array.from({ length: n }, (_, k) => `${indent}option_${k}${sep}${k}\n`).join('');

// --- name-above --------------------------------------------------------------------------------

const above = suite('structure: the name above the value');

above('aws ssm get-parameter JSON: "Name" two lines above "Value"', () => {
  const secret = keys.secret();
  const text = `{\n    "Parameter": {\n        "Name": "/prod/app/aws_secret_access_key",\n        "Type": "SecureString",\n        "Value": "${secret}",\n        "Version": 3,\n        "DataType": "text"\n    }\n}\n`;
  assertDecoded(text, secret, 5, { before: false });
});

above('aws ssm get-parameters JSON: each parameter takes its own name, a session token too', () => {
  const secret = keys.secret();
  const token = keys.sessionToken(376).slice(16); // no STS prefix: the shape rule would find it alone
  const param = (name: string, value: string): string =>
    `        {\n            "Name": "/ci/deploy/${name}",\n            "Type": "SecureString",\n            "Value": "${value}",\n            "Version": 1\n        }`;
  const text = `{\n    "Parameters": [\n${param('SecretAccessKey', secret)},\n${param('SessionToken', token)}\n    ],\n    "InvalidParameters": []\n}\n# arn:aws:ssm:eu-west-1:123456789012:parameter/ci/deploy\n`;
  assertDecoded(text, secret, 6, { before: false });
  assertDecoded(text, token, 12, { before: false });
});

above('aws ssm get-parameter --output yaml, table and text', () => {
  const secret = keys.secret();
  const yaml = `Parameter:\n  ARN: arn:aws:ssm:us-east-1:123456789012:parameter/prod/aws_secret_access_key\n  DataType: text\n  Name: /prod/aws_secret_access_key\n  Type: SecureString\n  Value: ${secret}\n  Version: 2\n`;
  assertDecoded(yaml, secret, 6, { before: false });
  const table = `||  DataType         |  text                               ||\n||  Name             |  /prod/aws_secret_access_key        ||\n||  Type             |  SecureString                       ||\n||  Value            |  ${secret}  ||\n||  Version          |  2                                  ||\n`;
  assertDecoded(table, secret, 4, { before: false });
  const tsv = `PARAMETERS\tarn:aws:ssm:us-east-1:123456789012:parameter/prod/aws_secret_access_key\ttext\t2026-01-01T00:00:00+00:00\t/prod/aws_secret_access_key\tSecureString\t${secret}\t2\n`;
  assertDecoded(tsv, secret, 1, { before: false });
});

above('k8s env and CloudFormation ECS pairs: a field between the name and the value', () => {
  const secret = keys.secret();
  const k8s = `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    # rotated by the platform team\n    value: "${secret}"\n  - name: LOG_LEVEL\n    value: info\n`;
  assertDecoded(k8s, secret, 4, { before: false });
  const cfn = `Environment:\n  - Name: AWS_SECRET_ACCESS_KEY\n    Description: uploader key\n    Value: ${secret}\n`;
  assertDecoded(cfn, secret, 4, { before: false });
});

above('a Key Vault secret in Bicep: the value under properties takes the name beside properties', () => {
  const secret = keys.secret();
  const bicep = `resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv-tiles'\n}\n\nresource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  parent: kv\n  name: 'aws-secret-access-key'\n  properties: {\n    contentType: 'text/plain'\n    value: '${secret}'\n  }\n}\n`;
  assertDecoded(bicep, secret, 10, { before: false });
  // a block that says what it is (not properties) keeps its own name: nothing here names the value a secret
  const other = bicep.replace('properties: {', 'tags: {');
  assertNotFound(other, secret);
});

above('a pair the rules read as it is stays as it is (no edit), and is still found', () => {
  const secret = keys.secret();
  const text = `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: ${secret}\n`;
  assert.equal(structureDecoder.edits(text, 0, text.length), []);
  assertDecoded(text, secret, 3, { before: true });
});

above('a Terraform heredoc (<<EOT, <<-EOF) under a generic name in the aws provider block', () => {
  const secret = keys.secret();
  const settings = filler(12, '  ', ' = ');
  const eot = `provider "aws" {\n${settings}  secret_key = <<EOT\n${secret}\nEOT\n}\n`;
  assertDecoded(eot, secret, 15, { before: false });
  assert.match(applyEdits(eot, structureDecoder.edits(eot, 0, eot.length)), `aws:secret_key=${secret}`);
  const dash = `provider "aws" {\n${settings}  secret_key = <<-EOF\n    ${secret}\n  EOF\n}\n`;
  assertDecoded(dash, secret, 15, { before: false });
});

above('a Terraform heredoc that is a variable\'s default takes the variable\'s name; a variable named for nothing gets none', () => {
  const secret = keys.secret();
  const text = `variable "aws_secret_key" {\n  type      = string\n  sensitive = true\n  default   = <<EOT\n${secret}\nEOT\n}\n`;
  assertDecoded(text, secret, 5, { before: false });
  assert.match(applyEdits(text, structureDecoder.edits(text, 0, text.length)), `aws_secret_key=${secret}`);
  const dash = `variable "deploy_secret_access_key" {\n  default = <<-EOF\n    ${secret}\n  EOF\n}\n`;
  assertDecoded(dash, secret, 3, { before: false });
  const other = `variable "motd" {\n  default = <<EOT\n${secret}\nEOT\n}\n`;
  assert.equal(structureDecoder.edits(other, 0, other.length), []);
});

above('a YAML block scalar (>-, |) under a name', () => {
  const secret = keys.secret();
  const text = `backup:\n  aws_secret_key: |\n    ${secret}\n  retention: 14\n`;
  assertDecoded(text, secret, 3);
  const folded = `deploy_secret_access_key: >-\n  ${secret}\n`;
  assertDecoded(folded, secret, 2);
});

above('a default with its name on the block: Terraform variable, CloudFormation parameter', () => {
  const secret = keys.secret();
  const tf = `variable "aws_secret_access_key" {\n  description = "the uploader's key"\n  type        = string\n  sensitive   = true\n  default     = "${secret}"\n}\n`;
  assertDecoded(tf, secret, 5, { before: false });
  const cfn = `Parameters:\n  AwsSecretAccessKey:\n    Type: String\n    NoEcho: true\n    Default: ${secret}\n`;
  assertDecoded(cfn, secret, 5, { before: false });
});

above('other name/value fields: Secrets Manager SecretString, Terraform secret_name, CDK parameterName', () => {
  const secret = keys.secret();
  const sm = `{\n    "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/uploader-AbCdEf",\n    "Name": "prod/uploader/aws_secret_access_key",\n    "VersionId": "b6a4c2e0-0000-4000-8000-000000000000",\n    "SecretString": "${secret}",\n    "VersionStages": ["AWSCURRENT"]\n}\n`;
  assertDecoded(sm, secret, 5); // (the in-AWS-context rule reads `SecretString` near `arn:aws` too)
  const gh = `resource "github_actions_secret" "deploy" {\n  repository      = "site"\n  secret_name     = "AWS_SECRET_ACCESS_KEY"\n  plaintext_value = "${secret}"\n}\n`;
  assertDecoded(gh, secret, 4, { before: false });
  const cdk = `new ssm.StringParameter(this, 'Key', { parameterName: '/prod/aws_secret_access_key', description: 'x', stringValue: '${secret}' });\n`;
  assertDecoded(cdk, secret, 1, { before: false });
});

above('CLI flags on one line, and XML properties with a field between name and value', () => {
  const secret = keys.secret();
  const cli = `aws ssm put-parameter --name /prod/aws_secret_access_key --type SecureString --value ${secret} --overwrite\n`;
  assertDecoded(cli, secret, 1, { before: false });
  const xml = `<configuration>\n  <property>\n    <name>fs.s3a.secret.key</name>\n    <description>the uploader's key</description>\n    <value>${secret}</value>\n  </property>\n</configuration>\n`;
  assertDecoded(xml, secret, 5, { before: false });
});

above.run();

// --- name-below --------------------------------------------------------------------------------

const below = suite('structure: the name below the value');

below('CloudFormation parameter file: "ParameterValue" before "ParameterKey"', () => {
  const secret = keys.secret();
  const text = `[\n  {\n    "ParameterValue": "prod",\n    "ParameterKey": "Environment"\n  },\n  {\n    "ParameterValue": "${secret}",\n    "ParameterKey": "AwsSecretAccessKey"\n  }\n]\n`;
  assertDecoded(text, secret, 7, { before: false });
});

below('a generic ParameterKey (SecretKey): a CloudFormation parameter file is AWS structure by its format', () => {
  const secret = keys.secret();
  const text = `[\n  {\n    "ParameterValue": "\${KEY_ID}",\n    "ParameterKey": "AccessKey"\n  },\n  {\n    "ParameterValue": "${secret}",\n    "ParameterKey": "SecretKey"\n  }\n]\n`;
  assertDecoded(text, secret, 7, { before: false });
  assert.match(applyEdits(text, structureDecoder.edits(text, 0, text.length)), `aws:SecretKey=${secret}`);
  const cli = `aws cloudformation deploy --parameter-overrides x \\\n  --parameters ParameterValue=${secret},ParameterKey=SecretKey\n`;
  assertDecoded(cli, secret, 2, { before: false });
  // the same generic name in a name/value list of no AWS format gets its name only, no AWS word
  const other = `[{"name": "SecretKey", "note": "x", "value": "${secret}"}]\n`;
  assert.equal(structureDecoder.edits(other, 0, other.length).map((e) => e.text), ['SecretKey=']);
});

below('ECS environment written value first, in JSON and in YAML', () => {
  const secret = keys.secret();
  const json = `"environment": [\n  {\n    "value": "${secret}",\n    "name": "AWS_SECRET_ACCESS_KEY"\n  }\n]\n`;
  assertDecoded(json, secret, 3, { before: false });
  const yaml = `env:\n  - value: ${secret}\n    name: AWS_SECRET_ACCESS_KEY\n`;
  assertDecoded(yaml, secret, 2, { before: false });
});

below('one-line objects and the CLI shorthand, in either order', () => {
  const secret = keys.secret();
  const json = `[{"ParameterValue":"${secret}","ParameterKey":"AwsSecretAccessKey"},{"ParameterValue":"eu","ParameterKey":"Region"}]\n`;
  assertDecoded(json, secret, 1, { before: false });
  const cli = `aws cloudformation create-stack --stack-name up \\\n  --parameters ParameterValue=${secret},ParameterKey=AwsSecretAccessKey \\\n    ParameterKey=Region,ParameterValue=eu-west-1\n`;
  assertDecoded(cli, secret, 2, { before: false });
  const keyFirst = `aws cloudformation update-stack --parameters ParameterKey=AwsSecretAccessKey,ParameterValue=${secret}\n`;
  assertDecoded(keyFirst, secret, 1, { before: false });
  const withVar = `aws cloudformation update-stack --stack-name \${STACK} --parameters ParameterValue=${secret},ParameterKey=AwsSecretAccessKey\n`;
  assertDecoded(withVar, secret, 1, { before: false });
  // minified: each object is its own record (the first has no name field: it names nothing)
  const other = keys.secret();
  const minified = `[{"value":"${other}"},{"value":"${secret}","name":"AWS_SECRET_ACCESS_KEY"}]\n`;
  const view = applyEdits(minified, structureDecoder.edits(minified, 0, minified.length));
  assert.is(view, minified.replace(secret, `AWS_SECRET_ACCESS_KEY=${secret}`));
});

below.run();

// --- generic-name ------------------------------------------------------------------------------

const generic = suite('structure: a generic name in AWS structure');

generic('YAML: `provider: aws` fifteen lines above, in the parent block', () => {
  const secret = keys.secret();
  const text = `storage:\n  provider: aws\n${filler(13, '  ')}  auth:\n${filler(4, '    ')}    secret: ${secret}\nqueue:\n  name: jobs\n`;
  const line = 21;
  assertDecoded(text, secret, line, { before: false });
  assert.match(applyEdits(text, structureDecoder.edits(text, 0, text.length)), `aws:secret=${secret}`);
});

generic('a generic token beside the secret: the same context makes it a session token', () => {
  const secret = keys.secret();
  const token = keys.sessionToken(376).slice(16);
  const text = `storage:\n  provider: aws\n${filler(13, '  ')}  auth:\n    secret: ${secret}\n    token: ${token}\n`;
  assertDecoded(text, secret, 17, { before: false });
  assertDecoded(text, token, 18, { before: false });
  assertNotFound(`aws:\n  region: eu-west-1\n${filler(12, '  ')}github:\n  token: ${token}\n`, token);
});

generic('INI: the [s3] section is the only AWS context', () => {
  const secret = keys.secret();
  const text = `[general]\nlog_level = info\n\n[s3]\nbucket = exports\n${filler(11, '', ' = ')}secret = ${secret}\n\n[smtp]\nhost = mail.example.org\n`;
  assertDecoded(text, secret, 17, { before: false });
});

generic('JSON: a credentials object inside a destination of "type": "s3"', () => {
  const secret = keys.secret();
  const text = `{\n  "destinations": [\n    {\n      "name": "warehouse",\n      "type": "s3",\n${filler(8, '      ', '": ').replace(/option/g, '"option')}      "credentials": {\n${filler(4, '        ', '": ').replace(/option/g, '"option')}        "secret": "${secret}"\n      }\n    }\n  ]\n}\n`;
  assertDecoded(text, secret, 19, { before: false });
});

generic("PHP: the SDK's 'credentials' array, a region among its parent's options", () => {
  const secret = keys.secret();
  const text = `<?php\n$options = [\n    'version' => 'latest',\n    'region' => 'eu-west-1',\n${filler(9, '    ', ' => ')}    'credentials' => [\n        'key' => env('UPLOADER_KEY'),\n        'secret' => '${secret}',\n    ],\n];\n`;
  assertDecoded(text, secret, 16, { before: false, path: 'src/Storage.php' });
  const laravel = `<?php\nreturn [\n    'disks' => [\n        's3' => [\n            'driver' => 's3',\n            'key' => env('KEY'),\n            'secret' => '${secret}',\n        ],\n    ],\n];\n`;
  assertDecoded(laravel, secret, 7, { path: 'config/filesystems.php' });
});

generic('no AWS context in the structure: nothing is invented', () => {
  const secret = keys.secret();
  // a secret under github: in a file that mentions AWS elsewhere
  assertNotFound(`aws:\n  region: eu-west-1\n${filler(12, '  ')}github:\n  secret: ${secret}\n`, secret);
  // a session secret beside an AWS block whose secret is a reference
  assertNotFound(`module.exports = {\n  aws: {\n    accessKeyId: process.env.KEY_ID,\n    secretAccessKey: \`\${process.env.AWS_SECRET_ACCESS_KEY}\`,\n  },\n  session: {\n    secret: '${secret}',\n    resave: false,\n  },\n};\n`, secret);
  // an INI section of something else, below an [s3] one
  assertNotFound(`[s3]\nbucket = x\n${filler(12, '', ' = ')}[smtp]\nsecret = ${secret}\n`, secret);
  // Flask's and Django's SECRET_KEY in a settings class, AWS settings far above it
  assertNotFound(`class ProductionConfig(Config):\n    AWS_REGION = 'eu-west-1'\n${filler(12, '    ', ' = ')}    SECRET_KEY = '${secret}'\n`, secret, 'app/config.py');
  // a flat file has no structure to lend: the rules' own window decides
  assertNotFound(`cloud = aws\n${filler(14, '', ' = ')}secret = ${secret}\n`, secret);
});

generic('another cloud in the block: no AWS context, even beside an sts word', () => {
  const secret = keys.secret();
  const text = `{\n  "Credentials": {\n    "AccessKeyId": "STS.NUabcdefghijklmnopqrst",\n    "AccessKeySecret": "${secret}",\n    "Endpoint": "oss-cn-hangzhou.aliyuncs.com"\n  }\n}\n`;
  assert.equal(structureDecoder.edits(text, 0, text.length), []);
  const oss = `storage:\n  endpoint: https://oss-cn-hangzhou.aliyuncs.com\n  sts_endpoint: sts.aliyuncs.com\n  auth:\n    secret: ${secret}\n`;
  assert.equal(structureDecoder.edits(oss, 0, oss.length), []);
});

generic.run();

// --- negatives ---------------------------------------------------------------------------------

const negatives = suite('structure: what is not a named value');

negatives('a valueFrom ARN is not a value; an ARN under "Name" is not a name given to anything', () => {
  const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/ingest/UploaderDeployCredentialsA-x9YzQw';
  const ecs = `"secrets": [\n  {\n    "name": "AWS_SECRET_ACCESS_KEY",\n    "valueFrom": "${arn}"\n  }\n]\n{"name": "AWS_SECRET_ACCESS_KEY", "valueFrom": "${arn}"}\n`;
  assert.equal(structureDecoder.edits(ecs, 0, ecs.length), []);
  const list = `{\n  "SecretList": [\n    {\n      "ARN": "${arn}",\n      "Name": "prod/payments/AwsSecretAccessKeyRotatedU",\n      "Description": "aws secret access key of the uploader"\n    }\n  ]\n}\n`;
  assert.equal(structureDecoder.edits(list, 0, list.length), []);
});

negatives('framework secrets two lines below a key ID, the AWS secret a reference: left alone', () => {
  const secret = keys.secret();
  const id = keys.keyId();
  const env = `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=\${AWS_SECRET_FROM_VAULT}\nSESSION_SECRET=${secret}\n`;
  assert.equal(structureDecoder.edits(env, 0, env.length), []);
  const sls = `provider:\n  name: aws\n  environment:\n    AWS_ACCESS_KEY_ID: ${id}\n    AWS_SECRET_ACCESS_KEY: \${ssm:/uploader/prod/aws-secret-access-key}\n    CSRF_SECRET: ${secret}\n`;
  assert.equal(structureDecoder.edits(sls, 0, sls.length), []);
});

negatives("a framework secret's name moved beside it: the near-key-id rule's allowlist now applies", () => {
  const secret = keys.secret();
  const text = `env:\n  - name: AWS_ACCESS_KEY_ID\n    value: ${keys.keyId()}\n  - name: SESSION_SECRET\n    description: cookie signing\n    value: ${secret}\n`;
  // (as written, today's near-key-id rule takes a 40-character value two lines from a key ID, with no
  // name beside it, for that key's secret)
  assert.match(applyEdits(text, structureDecoder.edits(text, 0, text.length)), `SESSION_SECRET=${secret}`);
  assert.not.ok(findings(text, true).some((f) => f.value === secret), 'not reported once its name is beside it');
});

negatives('a record whose name is not a credential name, or whose value is a reference, gets nothing', () => {
  const secret = keys.secret();
  const text = `env:\n  - name: BUILD_SHA\n    description: x\n    value: ${secret}\n  - name: AWS_SECRET_ACCESS_KEY\n    description: x\n    value: \${AWS_SECRET_ACCESS_KEY}\n`;
  assert.equal(structureDecoder.edits(text, 0, text.length), []);
});

negatives('a heredoc or block scalar that holds a document, not a value, gets nothing', () => {
  const text = `policy = <<EOF\n{\n  "Version": "2012-10-17"\n}\nEOF\nsecret_text: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEA1234567890abcdefghijklmnopqrstuv\n`;
  assert.equal(structureDecoder.edits(text, 0, text.length), []);
});

negatives.run();

// --- the contract ------------------------------------------------------------------------------

const contract = suite('structure: the decoder contract');

contract('edits are insertions, sorted, inside [from, to), and a second round adds none', () => {
  const secret = keys.secret();
  const text = `[\n  {"ParameterValue": "${keys.secret()}", "ParameterKey": "AwsSecretAccessKey"},\n  {\n    "ParameterValue": "${secret}",\n    "ParameterKey": "SecretKey"\n  }\n]\n`;
  const all = structureDecoder.edits(text, 0, text.length);
  assert.is(all.length, 2);
  for (let k = 0; k < all.length; k++) {
    assert.is(all[k]!.start, all[k]!.end);
    if (k > 0) assert.ok(all[k]!.start > all[k - 1]!.start);
  }
  const second = text.indexOf('\n  {\n');
  assert.equal(structureDecoder.edits(text, second, text.length), [all[1]]);
  assert.equal(structureDecoder.edits(text, 0, second), [all[0]]);
  const once = applyEdits(text, all);
  assert.equal(structureDecoder.edits(once, 0, once.length), []);
});

contract("a region's edits are the whole text's edits that start in it, wherever the region is cut", () => {
  const secret = keys.secret();
  const text = [
    `{\n  "Name": "/prod/aws_secret_access_key",\n  "Type": "SecureString",\n  "Value": "${keys.secret()}"\n}`,
    `[s3]\nbucket = b\n${filler(12, '', ' = ')}secret = ${keys.secret()}`,
    `# a minified line longer than the look around a region\n${`{"value":"${secret}","name":"AWS_SECRET_ACCESS_KEY"},`.repeat(800)}`,
    `provider "aws" {\n  secret_key = <<EOT\n${keys.secret()}\nEOT\n}`,
    `aws ssm put-parameter --name /prod/aws_secret_access_key --type SecureString --value ${keys.secret()}`,
  ].join('\n\n');
  const whole = structureDecoder.edits(text, 0, text.length);
  assert.ok(whole.length >= 4, `${whole.length} edits`);
  for (const size of [97, 512, 2048]) {
    const got: Edit[] = [];
    for (let at = 0; at < text.length; at += size) got.push(...structureDecoder.edits(text, at, Math.min(text.length, at + size)));
    // the long line is read whole only where it is whole in the window: never more than the whole text gives
    const key = (e: { start: number; text: string }): string => `${e.start}:${e.text}`;
    const wholeKeys = new Set(whole.map(key));
    assert.ok(got.every((e) => wholeKeys.has(key(e))), `region edits of size ${size} are whole-text edits`);
    const short = whole.filter((e) => e.text !== 'AWS_SECRET_ACCESS_KEY=');
    assert.ok(short.every((e) => got.some((g) => key(g) === key(e))), `every edit of a short line is found by regions of ${size}`);
  }
});

contract('out-of-range and empty regions return nothing and never throw', () => {
  const text = `"Value": "${keys.secret()}"`;
  assert.equal(structureDecoder.edits(text, 5, 5), []);
  assert.equal(structureDecoder.edits(text, -10, -1), []);
  assert.equal(structureDecoder.edits(text, text.length + 5, text.length + 50), []);
  assert.equal(structureDecoder.edits('', 0, 10), []);
});

contract('hostile input: megabytes of triggers, unterminated constructs, deep nesting: bounded edits', () => {
  const secret = keys.secret();
  const cases = [
    // a megabyte of name/value records: one edit each, no more
    `  - name: AWS_SECRET_ACCESS_KEY\n    note: x\n    value: ${secret}\n`.repeat(12_000),
    // deep nesting with a generic secret at the bottom of each level, and no AWS word anywhere
    Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k % 200)}level${k}:\n${' '.repeat((k % 200) + 2)}secret: ${secret}\n`).join(''),
    // unterminated heredocs, quotes and braces
    `secret_key = <<EOT\n${`{"value": "${secret}`.repeat(20_000)}`,
    // one line of megabytes of the secret alphabet and `value=` words
    `value=${secret},name=AWS_SECRET_ACCESS_KEY `.repeat(30_000),
    // a run of the alphabet with no line break at all
    'A'.repeat(2_000_000),
  ];
  for (const text of cases) {
    const edits = structureDecoder.edits(text, 0, text.length);
    const lines = text.split('\n').length;
    assert.ok(edits.length <= lines, `${edits.length} edits for ${lines} lines`);
    for (const e of edits) assert.ok(e.start === e.end && e.start >= 0 && e.start <= text.length && e.text.length <= 200);
  }
  // the first case: every record named once
  const first = cases[0]!;
  assert.is(structureDecoder.edits(first, 0, first.length).length, 12_000);
  // a small region of a big file reads a bounded stretch around it: its edits are the region's own
  const mid = Math.floor(first.length / 2);
  const region = structureDecoder.edits(first, mid, mid + 2048);
  assert.ok(region.length >= 20 && region.length <= 30, `${region.length} edits in 2 KiB`);
});

contract.run();
