// Hard negatives, part A: documentation example keys, placeholders, environment references,
// regexes that describe keys, IAM unique ids and ARNs. Nothing in these files is planted.
import { USERS, bucket, project, date, time } from './words.mjs';

export const EX_ID = 'AKIAIOSFODNN7EXAMPLE';
export const EX_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const EX_ID2 = 'AKIAI44QH8DHBEXAMPLE';
export const EX_SECRET2 = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
export const EX_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

/** An id ending in EXAMPLE, the way AWS docs write them. */
const exampleId = (ctx) => ctx.pick(['AKIA', 'ASIA']) + ctx.keys.alnum(9).toUpperCase().replace(/[^A-Z2-7]/g, 'Q') + 'EXAMPLE';
const exampleSecret = (ctx) => ctx.keys.b64(29) + 'EXAMPLEKEY'.slice(0, 11).padEnd(11, 'Y');

export const negativeTemplatesA = [
  {
    name: 'neg-docs-example-keys',
    n: 8,
    fn(ctx) {
      const style = ctx.int(0, 3);
      let L;
      if (style === 0) L = ['# Configuring credentials', '', '```', '$ aws configure', `AWS Access Key ID [None]: ${EX_ID}`, `AWS Secret Access Key [None]: ${EX_SECRET}`, `Default region name [None]: ${ctx.region()}`, 'Default output format [None]: json', '```', ''];
      else if (style === 1) L = ['[default]', `aws_access_key_id=${EX_ID}`, `aws_secret_access_key=${EX_SECRET}`, '', '[user1]', `aws_access_key_id=${EX_ID2}`, `aws_secret_access_key=${EX_SECRET2}`, ''];
      else if (style === 2) L = ['{', '  "Credentials": {', `    "AccessKeyId": "${exampleId(ctx).replace(/^..../, 'ASIA')}",`, `    "SecretAccessKey": "${EX_SECRET}",`, `    "SessionToken": "${EX_TOKEN}",`, `    "Expiration": "${date(ctx.rng)}T${time(ctx.rng)}Z"`, '  }', '}', ''];
      else L = ['import boto3', '', '# Example from the docs: never hard-code real keys', `client = boto3.client("s3", aws_access_key_id="${exampleId(ctx)}", aws_secret_access_key="${exampleSecret(ctx)}")`, ''];
      const file = ['docs/configure.md', 'docs/examples/credentials', 'docs/examples/assume-role-output.json', 'examples/example_client.py'][style];
      return { path: `repos/${project(ctx.rng)}/${file}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-placeholders-env',
    n: 8,
    fn(ctx) {
      const id = ctx.pick(['AKIAXXXXXXXXXXXXXXXX', 'YOUR_ACCESS_KEY_ID', '<your-access-key-id>', 'AKIA****************', 'changeme', '', 'AKIAAAAAAAAAAAAAAAAA']);
      const sec = ctx.pick(['<your-secret-key>', 'YOUR_SECRET_ACCESS_KEY', 'changeme', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '${AWS_SECRET_ACCESS_KEY}', 'REPLACE_ME', '****************************************']);
      const L = ['# Copy to .env and fill in', `AWS_ACCESS_KEY_ID=${id}`, `AWS_SECRET_ACCESS_KEY=${sec}`, `AWS_SESSION_TOKEN=${ctx.pick(['', '<optional>', '${AWS_SESSION_TOKEN}'])}`, `AWS_REGION=${ctx.region()}`, `S3_BUCKET=${bucket(ctx.rng)}`, ''];
      return { path: `repos/${project(ctx.rng)}/${ctx.pick(['.env.example', '.env.sample', '.env.template', 'env.dist'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-env-references-code',
    n: 10,
    fn(ctx) {
      const style = ctx.int(0, 5);
      const P = project(ctx.rng);
      const files = [
        [`${P}/app.py`, ['import os, boto3', '', 's3 = boto3.client(', '    "s3",', '    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],', '    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],', '    aws_session_token=os.getenv("AWS_SESSION_TOKEN"),', ')', '']],
        [`${P}/src/s3.js`, ["const AWS = require('aws-sdk');", 'const s3 = new AWS.S3({', '  accessKeyId: process.env.AWS_ACCESS_KEY_ID,', '  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,', '  sessionToken: process.env.AWS_SESSION_TOKEN,', '});', '']],
        [`${P}/.github/workflows/deploy.yml`, ['name: deploy', 'on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:', `      - uses: actions/checkout@${ctx.keys.gitSha()} # v4`,
          `      - uses: aws-actions/configure-aws-credentials@${ctx.keys.gitSha()} # v4.0.2`, '        with:', '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}', '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
          `          role-to-assume: arn:aws:iam::${ctx.account()}:role/github-deploy`, `          aws-region: ${ctx.region()}`, '']],
        [`infra/${P}/main.tf`, ['variable "aws_access_key" {}', 'variable "aws_secret_key" {', '  sensitive = true', '}', '', 'provider "aws" {', '  access_key = var.aws_access_key', '  secret_key = var.aws_secret_key', `  region     = "${ctx.region()}"`, '}', '',
          'module "vpc" {', `  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=${ctx.keys.gitSha()}"`, '}', '']],
        [`${P}/k8s/deployment.yaml`, ['env:', '  - name: AWS_ACCESS_KEY_ID', '    valueFrom:', '      secretKeyRef:', '        name: aws-credentials', '        key: AWS_ACCESS_KEY_ID', '  - name: AWS_SECRET_ACCESS_KEY', '    valueFrom:', '      secretKeyRef:', '        name: aws-credentials', '        key: AWS_SECRET_ACCESS_KEY', '']],
        [`${P}/docker-compose.yml`, ['services:', '  app:', '    image: app:latest', '    environment:', '      AWS_ACCESS_KEY_ID: ${AWS_ACCESS_KEY_ID}', '      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY:-changeme}', '      AWS_SESSION_TOKEN: "${AWS_SESSION_TOKEN}"', '']],
      ];
      const [p, L] = files[style];
      return { path: p.startsWith('infra/') ? p : `repos/${p}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-key-regexes',
    n: 5,
    fn(ctx) {
      const style = ctx.int(0, 2);
      const L = [
        ['// detect AWS keys before upload', 'const AWS_KEY_ID = /\\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b/;', 'const AWS_SECRET = /aws(.{0,20})?["\'][0-9a-zA-Z\\/+]{40}["\']/i;', 'export function looksLikeKey(s) {', '  return AWS_KEY_ID.test(s) || AWS_SECRET.test(s);', '}', ''],
        ['rules:', '  - id: aws-access-key', '    regex: "(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}"', '  - id: aws-secret', '    regex: "(?i)aws_secret_access_key\\s*=\\s*[A-Za-z0-9/+=]{40}"', ''],
        ['import re', '', 'AWS_ACCESS_KEY_RE = re.compile(r"AKIA[0-9A-Z]{16}")', 'AWS_SECRET_RE = re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")', '', 'def redact(line):', '    return AWS_ACCESS_KEY_RE.sub("AKIA****************", line)', ''],
      ][style];
      const file = ['src/lint/keys.js', 'config/secret-patterns.yaml', 'tools/redact.py'][style];
      return { path: `repos/${project(ctx.rng)}/${file}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-iam-unique-ids',
    n: 8,
    fn(ctx) {
      const acct = ctx.account();
      const style = ctx.int(0, 2);
      let obj;
      if (style === 0) obj = { User: { Path: '/', UserName: ctx.pick(USERS), UserId: 'AIDA' + ctx.keys.iamUniqueId().slice(4), Arn: `arn:aws:iam::${acct}:user/${ctx.pick(USERS)}`, CreateDate: `${date(ctx.rng)}T${time(ctx.rng)}Z` } };
      else if (style === 1) {
        obj = { Roles: [], Policies: [], Groups: [] };
        for (let i = 0; i < ctx.int(2, 4); i++) {
          obj.Roles.push({ RoleName: `role-${i}`, RoleId: 'AROA' + ctx.keys.iamUniqueId().slice(4), Arn: `arn:aws:iam::${acct}:role/role-${i}` });
          obj.Policies.push({ PolicyName: `policy-${i}`, PolicyId: 'ANPA' + ctx.keys.iamUniqueId().slice(4), Arn: `arn:aws:iam::${acct}:policy/policy-${i}`, DefaultVersionId: 'v1' });
          obj.Groups.push({ GroupName: `group-${i}`, GroupId: 'AGPA' + ctx.keys.iamUniqueId().slice(4) });
        }
        obj.InstanceProfiles = [{ InstanceProfileId: 'AIPA' + ctx.keys.iamUniqueId().slice(4), Arn: `arn:aws:iam::${acct}:instance-profile/web` }];
      } else {
        obj = { Records: [{ eventVersion: '1.08', userIdentity: { type: 'AssumedRole', principalId: `AROA${ctx.keys.iamUniqueId().slice(4)}:${ctx.pick(USERS)}`, arn: `arn:aws:sts::${acct}:assumed-role/Admin/${ctx.pick(USERS)}`, accountId: acct,
          sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROA' + ctx.keys.iamUniqueId().slice(4), arn: `arn:aws:iam::${acct}:role/Admin` } } },
          eventTime: `${date(ctx.rng)}T${time(ctx.rng)}Z`, eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: ctx.region(), requestID: ctx.keys.hex(16).toUpperCase(), eventID: ctx.keys.uuid(),
          resources: [{ ARN: `arn:aws:s3:::${bucket(ctx.rng)}/data/${ctx.keys.hex(8)}.csv`, type: 'AWS::S3::Object' }] }] };
      }
      const file = ['iam-get-user.json', 'iam-inventory.json', 'cloudtrail-event.json'][style];
      return { path: `audit/${acct}/${file}`, text: JSON.stringify(obj, null, 2) + '\n' };
    },
  },
  {
    name: 'neg-iam-policy-arns',
    n: 4,
    fn(ctx) {
      const acct = ctx.account();
      const b = bucket(ctx.rng);
      const obj = { Version: '2012-10-17', Statement: [
        { Sid: 'ReadBucket', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${acct}:role/reader`, `arn:aws:iam::${ctx.account()}:user/${ctx.pick(USERS)}`] }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`] },
        { Sid: 'Kms', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:${ctx.region()}:${acct}:key/${ctx.keys.uuid()}` },
        { Sid: 'Secrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:${ctx.region()}:${acct}:secret:prod/aws-secret-access-key-${ctx.keys.alnum(6)}` },
      ] };
      return { path: `repos/${project(ctx.rng)}/policies/${ctx.pick(['bucket-policy.json', 'reader.json', 'kms.json'])}`, text: JSON.stringify(obj, null, 2) + '\n' };
    },
  },
];
