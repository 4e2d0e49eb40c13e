// Split values: string concatenation on one line and across lines, Python implicit concatenation,
// join(), shell backslash-newline continuation. The label is on the line of the first piece.
import { pieces } from './encode.mjs';

const S = 'split';

/** Label a split value: the line of its first piece, the first piece as evidence. */
function labelSplit(d, line, kind, value, parts, form) {
  d.label(line, kind, value, S, form, parts[0]);
}

/** Either a plain ID, or one split in two the way people dodge scanners ('AKIA' + '…'). */
function idParts(g, id, split) {
  return split ? [id.slice(0, 4), id.slice(4)] : [id];
}

export const templates = [
  {
    name: 'js-concat', count: 8,
    make(g, i) {
      const ts = i % 2 === 1;
      const d = g.file(i < 2 ? `src/config/aws.${ts ? 'ts' : 'js'}` : `packages/${g.app()}-${i}/lib/storage.${ts ? 'ts' : 'mjs'}`);
      const id = g.keyId(); const secret = g.secret();
      const q = g.r.pick(["'", '"', '`']);
      const splitId = i % 2 === 0;
      d.add(ts ? "import { S3Client } from '@aws-sdk/client-s3';" : "const { S3Client } = require('@aws-sdk/client-s3');", '',
        '// FIXME: temporary until the deploy role works in the new account (OPS-' + g.r.range(100, 999) + ')');
      const ip = idParts(g, id, splitId);
      const idLine = d.add(`const accessKeyId = ${ip.map((p) => q + p + q).join(' + ')};`);
      if (splitId) labelSplit(d, idLine, 'access-key-id', id, ip, 'concatenation (one line)');
      else d.label(idLine, 'access-key-id', id, 'plain', 'plain');
      const parts = pieces(g.r, secret, g.r.range(2, 4));
      if (i % 2 === 0) {
        labelSplit(d, d.add(`const secretAccessKey = ${parts.map((p) => q + p + q).join(' + ')};`), 'secret-access-key', secret, parts, 'concatenation (one line)');
      } else {
        d.add('const secretAccessKey =');
        const first = d.next;
        parts.forEach((p, k) => d.add(`  ${q}${p}${q}${k < parts.length - 1 ? ' +' : ';'}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'concatenation (across lines)');
      }
      d.add('', `export const s3 = new S3Client({ region: '${g.region()}', credentials: { accessKeyId, secretAccessKey } });`);
    },
  },
  {
    name: 'python-implicit-concat', count: 7,
    make(g, i) {
      const d = g.file(i % 2 ? `${g.app()}_${i}/settings/production.py` : `notebooks/helpers/s3_${g.app()}_${i}.py`);
      const asia = i === 4 || i === 6;
      const id = g.keyId(asia ? 'ASIA' : 'AKIA'); const secret = g.secret(); const token = asia ? g.sessionToken() : null;
      const q = g.r.pick(["'", '"']);
      d.add('import os', 'import boto3', '');
      if (i % 2) {
        d.label(d.add(`AWS_ACCESS_KEY_ID = ${q}${id}${q}`), 'access-key-id', id, 'plain', 'plain');
        const parts = pieces(g.r, secret, g.r.range(2, 3));
        d.add('AWS_SECRET_ACCESS_KEY = (');
        const first = d.next;
        for (const p of parts) d.add(`    ${q}${p}${q}`);
        d.add(')');
        labelSplit(d, first, 'secret-access-key', secret, parts, 'Python implicit concatenation (parenthesised, across lines)');
        d.add(`AWS_STORAGE_BUCKET_NAME = ${q}${g.bucket()}${q}`);
      } else {
        const parts = pieces(g.r, secret, 2);
        d.add('', 'def client():', '    return boto3.client(', `        "s3",`, `        region_name="${g.region()}",`);
        d.label(d.add(`        aws_access_key_id="${id}",`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`        aws_secret_access_key="${parts[0]}" "${parts[1]}",`), 'secret-access-key', secret, parts, 'Python implicit concatenation (one line)');
        if (token) {
          const tp = pieces(g.r, token, 4, 60);
          d.add('        aws_session_token=(');
          const first = d.next;
          for (const p of tp) d.add(`            "${p}"`);
          d.add('        ),');
          labelSplit(d, first, 'session-token', token, tp, 'Python implicit concatenation (token across lines)');
        }
        d.add('    )');
      }
    },
  },
  {
    name: 'join', count: 9,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const parts = pieces(g.r, secret, g.r.range(3, 4));
      const lang = i % 6;
      const q = lang === 0 || lang === 5 ? "'" : '"';
      const list = parts.map((p) => q + p + q).join(', ');
      const form = 'join()';
      if (lang === 0) {
        const d = g.file(`scripts/rotate_${g.app()}_${i}.py`);
        d.add('import boto3', '', '# obfuscated so the linter stops complaining');
        d.label(d.add(`KEY_ID = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`SECRET = "".join([${list}])`), 'secret-access-key', secret, parts, `${form} (Python, one line)`);
        d.add('s3 = boto3.client("s3", aws_access_key_id=KEY_ID, aws_secret_access_key=SECRET)');
      } else if (lang === 1) {
        const d = g.file(`src/main/java/com/acme/${g.app()}/AwsConfig${i}.java`);
        d.add(`package com.acme.${g.app()};`, '', 'import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;', '', 'public final class AwsConfig {');
        d.label(d.add(`    static final String ACCESS_KEY = "${id}";`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`    static final String SECRET_KEY = String.join("", ${list});`), 'secret-access-key', secret, parts, `${form} (Java String.join)`);
        d.add('    static AwsBasicCredentials credentials() { return AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY); }', '}');
      } else if (lang === 2) {
        const d = g.file(`src/${g.r.pick(['Acme', 'Initech'])}.Storage${i}/AwsOptions.cs`);
        d.add('using Amazon.Runtime;', '', 'namespace Acme.Storage;', '', 'internal static class AwsOptions', '{');
        d.label(d.add(`    private const string KeyId = "${id}";`), 'access-key-id', id, 'plain', 'plain');
        d.add('    private static readonly string Secret = string.Concat(');
        const first = d.next;
        parts.forEach((p, k) => d.add(`        "${p}"${k < parts.length - 1 ? ',' : ');'}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'string.Concat (C#, across lines)');
        d.add('    public static AWSCredentials Credentials => new BasicAWSCredentials(KeyId, Secret);', '}');
      } else if (lang === 3) {
        const d = g.file(`internal/${g.app()}${i}/awsclient.go`);
        d.add(`package ${g.app()}`, '', 'import (', '\t"strings"', '', '\t"github.com/aws/aws-sdk-go-v2/credentials"', ')', '');
        d.label(d.add(`const keyID = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`var secret = strings.Join([]string{${list}}, "")`), 'secret-access-key', secret, parts, `${form} (Go strings.Join)`);
        d.add('', 'var provider = credentials.NewStaticCredentialsProvider(keyID, secret, "")');
      } else if (lang === 4) {
        const d = g.file(`terraform/modules/${g.app()}-${i}/provider.tf`);
        d.add('locals {');
        d.label(d.add(`  ci_key_id = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        d.add('  ci_secret = join("", [');
        const first = d.next;
        parts.forEach((p, k) => d.add(`    "${p}"${k < parts.length - 1 ? ',' : ''}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'join() (Terraform, across lines)');
        d.add('  ])', '}', '', 'provider "aws" {', `  region     = "${g.region()}"`, '  access_key = local.ci_key_id', '  secret_key = local.ci_secret', '}');
      } else {
        const d = g.file(`web/src/lib/upload-${i}.js`);
        const ip = idParts(g, id, true);
        labelSplit(d, d.add(`const KEY = [${ip.map((p) => `'${p}'`).join(', ')}].join('');`), 'access-key-id', id, ip, `${form} (JS, key ID)`);
        labelSplit(d, d.add(`const SECRET = [${list}].join('');`), 'secret-access-key', secret, parts, `${form} (JS array)`);
        d.add(`AWS.config.update({ accessKeyId: KEY, secretAccessKey: SECRET, region: '${g.region()}' });`);
      }
    },
  },
  {
    name: 'shell-continuation', count: 8,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const parts = pieces(g.r, secret, 2, 8);
      const v = i % 4;
      if (v === 0) {
        const d = g.file(`ops/${g.app()}-${i}/env.sh`);
        d.add('#!/bin/sh', '# sourced by the cron jobs on the reporting box');
        d.label(d.add(`export AWS_ACCESS_KEY_ID=${id}`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`export AWS_SECRET_ACCESS_KEY=${parts[0]}\\`), 'secret-access-key', secret, parts, 'shell backslash-newline continuation');
        d.add(parts[1], `export AWS_DEFAULT_REGION=${g.region()}`);
      } else if (v === 1) {
        const d = g.file(`images/${g.app()}-builder-${i}/Dockerfile`);
        d.add('FROM node:20-bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends awscli && rm -rf /var/lib/apt/lists/*');
        d.label(d.add(`ENV AWS_ACCESS_KEY_ID=${id} \\`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`    AWS_SECRET_ACCESS_KEY=${parts[0]}\\`), 'secret-access-key', secret, parts, 'Dockerfile backslash-newline continuation');
        d.add(`${parts[1]} \\`, `    AWS_DEFAULT_REGION=${g.region()}`, 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build');
      } else if (v === 2) {
        const d = g.file(`home/${g.r.pick(['oskar', 'aiko'])}/.zsh_history.${i}`);
        d.add(`: 17${g.r.range(10000000, 99999999)}:0;cd infra`, `: 17${g.r.range(10000000, 99999999)}:0;terraform plan`);
        d.label(d.add(`: 17${g.r.range(10000000, 99999999)}:0;AWS_ACCESS_KEY_ID=${id} \\`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`AWS_SECRET_ACCESS_KEY=${parts[0]}\\`), 'secret-access-key', secret, parts, 'shell continuation in zsh history');
        d.add(`${parts[1]} aws s3 ls s3://${g.bucket()}`, `: 17${g.r.range(10000000, 99999999)}:0;exit`);
      } else {
        const d = g.file(`docs/runbooks/${g.app()}-restore-${i}.md`);
        d.add(`# Restoring ${g.app()} from S3`, '', 'Run this on the bastion (credentials of the `restore-bot` user):', '', '```sh');
        d.label(d.add(`AWS_ACCESS_KEY_ID=${id} \\`), 'access-key-id', id, 'plain', 'plain');
        labelSplit(d, d.add(`AWS_SECRET_ACCESS_KEY=${parts[0]}\\`), 'secret-access-key', secret, parts, 'shell continuation in a Markdown code block');
        d.add(`${parts[1]} \\`, `  restic -r s3:s3.amazonaws.com/${g.bucket()} restore latest --target /srv`, '```');
      }
    },
  },
  {
    name: 'multiline-plus', count: 8,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const parts = pieces(g.r, secret, 3);
      const lang = i % 3;
      const splitId = i % 2 === 1;
      if (lang === 0) {
        const d = g.file(`app/src/main/java/com/acme/${g.app()}/S3Uploader${i}.java`);
        d.add(`package com.acme.${g.app()};`, '', 'import com.amazonaws.auth.BasicAWSCredentials;', '', 'class S3Uploader {');
        const ip = idParts(g, id, splitId);
        const l = d.add(`    private static final String ID = ${ip.map((p) => `"${p}"`).join(' + ')};`);
        if (splitId) labelSplit(d, l, 'access-key-id', id, ip, 'concatenation (Java, one line)'); else d.label(l, 'access-key-id', id, 'plain', 'plain');
        d.add('    private static final String KEY =');
        const first = d.next;
        parts.forEach((p, k) => d.add(`        ${k ? '+ ' : ''}"${p}"${k === parts.length - 1 ? ';' : ''}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'concatenation (Java, + at the start of the next lines)');
        d.add('    final BasicAWSCredentials creds = new BasicAWSCredentials(ID, KEY);', '}');
      } else if (lang === 1) {
        const d = g.file(`src/Acme.${g.app()}${i}/Startup.Aws.cs`);
        d.add('// <auto-generated/> no: hand-written, see #' + g.r.range(100, 999), 'using Amazon.S3;', 'using Amazon.Runtime;', '', 'public partial class Startup', '{');
        const ip = idParts(g, id, splitId);
        const l = d.add(`    const string AwsKey = ${ip.map((p) => `"${p}"`).join(' + ')};`);
        if (splitId) labelSplit(d, l, 'access-key-id', id, ip, 'concatenation (C#, one line)'); else d.label(l, 'access-key-id', id, 'plain', 'plain');
        d.add('    const string AwsSecret = ');
        const first = d.next;
        parts.forEach((p, k) => d.add(`        "${p}"${k < parts.length - 1 ? ' +' : ';'}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'concatenation (C#, across lines)');
        d.add('    static IAmazonS3 S3() => new AmazonS3Client(new BasicAWSCredentials(AwsKey, AwsSecret), Amazon.RegionEndpoint.EUWest1);', '}');
      } else {
        const d = g.file(`cmd/${g.app()}-sync${i}/main.go`);
        d.add('package main', '', 'import (', '\t"github.com/aws/aws-sdk-go/aws/credentials"', ')', '');
        const ip = idParts(g, id, splitId);
        const l = d.add(`const akid = ${ip.map((p) => `"${p}"`).join(' + ')}`);
        if (splitId) labelSplit(d, l, 'access-key-id', id, ip, 'concatenation (Go, one line)'); else d.label(l, 'access-key-id', id, 'plain', 'plain');
        d.add('const secretKey = "" +');
        const first = d.next;
        parts.forEach((p, k) => d.add(`\t"${p}"${k < parts.length - 1 ? ' +' : ''}`));
        labelSplit(d, first, 'secret-access-key', secret, parts, 'concatenation (Go, across lines)');
        d.add('', 'func main() {', '\t_ = credentials.NewStaticCredentials(akid, secretKey, "")', '}');
      }
    },
  },
];
