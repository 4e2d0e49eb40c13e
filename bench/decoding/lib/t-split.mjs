// Class `split`: a key built from string pieces (one line or several), Python implicit
// concatenation, join() of a list, a shell assignment continued with backslash-newline.
import { Doc, pieces } from './core.mjs';

const S = 'split';
const lit = (q) => (p) => `${q}${p}${q}`;

/** Mark the value at the first piece: the label's line is the line its first piece starts on. */
function splitOrPlain(ctx, d, kind, value, form, render, split = true) {
  if (!split) {
    const w = render([value]);
    const at = w.indexOf(value);
    return d.add(w.slice(0, at)).put(ctx.m(kind, value, 'plain', 'plain')).add(w.slice(at + value.length));
  }
  const ps = pieces(ctx, value, ctx.int(2, 4));
  const w = render(ps);
  let at = 0; // the first piece's opening quote
  while (!(`"'\``.includes(w[at]) && w.startsWith(ps[0], at + 1))) at++;
  return d.add(w.slice(0, at)).put(ctx.m(kind, value, S, form), w.slice(at));
}

const sameLine = {
  name: 'concat-same-line',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const s = ctx.secret();
    const splitId = i % 2 === 0;
    if (i === 0 || i === 2) {
      // JavaScript / TypeScript
      const r = (ps) => ps.map(lit(ctx.pick(['"', "'"]))).join(' + ');
      d.add("import { S3Client } from '@aws-sdk/client-s3';\n\n// TODO move to env before release\nconst accessKeyId = ");
      splitOrPlain(ctx, d, 'access-key-id', id, 'concat', r, splitId).add(';\nconst secretAccessKey = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'concat', r).add(';\n\nexport const s3 = new S3Client({ region: \'', ctx.region(), "', credentials: { accessKeyId, secretAccessKey } });\n");
      return { path: `web/src/lib/storage-${i}.ts`, doc: d };
    }
    if (i === 1) {
      const r = (ps) => ps.map(lit('"')).join(' + ');
      d.add('package com.example.export;\n\nimport com.amazonaws.auth.BasicAWSCredentials;\n\npublic final class Creds {\n    static final String ACCESS = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'concat', r, splitId).add(';\n    static final String SECRET = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'concat', r).add(';\n\n    static BasicAWSCredentials get() {\n        return new BasicAWSCredentials(ACCESS, SECRET);\n    }\n}\n');
      return { path: `src/main/java/com/example/export/Creds${i}.java`, doc: d };
    }
    const r = (ps) => ps.map(lit("'")).join(' . ');
    d.add("<?php\n\nuse Aws\\S3\\S3Client;\n\n$client = new S3Client([\n    'version' => 'latest',\n    'region' => '", ctx.region(), "',\n    'credentials' => [\n        'key' => ");
    splitOrPlain(ctx, d, 'access-key-id', id, 'concat', r, splitId).add(",\n        'secret' => ");
    splitOrPlain(ctx, d, 'secret-access-key', s, 'concat', r).add(',\n    ],\n]);\n');
    return { path: `app/Services/Uploader${i}.php`, doc: d };
  },
};

const acrossLines = {
  name: 'concat-across-lines',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const s = ctx.secret();
    if (i === 0) {
      const r = (ps) => ps.map(lit('"')).join(' +\n            ');
      d.add('package com.example.backup\n\nobject AwsConfig {\n    const val KEY_ID = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'concat-lines', r, false).add('\n    const val SECRET_KEY = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'concat-lines', r).add('\n    const val REGION = "', ctx.region(), '"\n}\n');
      return { path: `app/src/main/kotlin/AwsConfig${i}.kt`, doc: d };
    }
    if (i === 1) {
      const r = (ps) => ps.map(lit('"')).join('\n    + ');
      d.add('using Amazon.Runtime;\n\nnamespace Reports;\n\npublic static class Storage\n{\n    private static readonly string Id =\n    ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'concat-lines', r).add(';\n    private static readonly string Secret =\n    ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'concat-lines', r).add(';\n    public static AWSCredentials Credentials => new BasicAWSCredentials(Id, Secret);\n}\n');
      return { path: `src/Reports/Storage${i}.cs`, doc: d };
    }
    const r = (ps) => ps.map(lit('`')).join(' +\n\t\t');
    d.add('package storage\n\nimport "github.com/aws/aws-sdk-go/aws/credentials"\n\nvar creds = credentials.NewStaticCredentials(\n\t');
    splitOrPlain(ctx, d, 'access-key-id', id, 'concat-lines', r, false).add(',\n\t');
    splitOrPlain(ctx, d, 'secret-access-key', s, 'concat-lines', r).add(',\n\t"",\n)\n');
    return { path: `internal/storage/creds${i}.go`, doc: d };
  },
};

const implicitConcat = {
  name: 'python-implicit-concat',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const temp = i === 2;
    const id = ctx.id(temp);
    const s = ctx.secret();
    const q = ctx.pick(['"', "'"]);
    const oneLine = (ps) => ps.map(lit(q)).join(' ');
    const paren = (ps) => '(' + ps.map(lit(q)).join('\n    ') + ')';
    d.add('import boto3\n\n');
    d.add('AWS_ACCESS_KEY_ID = ');
    splitOrPlain(ctx, d, 'access-key-id', id, 'implicit-concat', oneLine, i === 1).add('\n');
    d.add('AWS_SECRET_ACCESS_KEY = ');
    splitOrPlain(ctx, d, 'secret-access-key', s, 'implicit-concat', i === 0 ? oneLine : paren).add('\n');
    if (temp) {
      d.add('AWS_SESSION_TOKEN = (\n    ');
      const t = ctx.token();
      d.put(ctx.m('session-token', t, S, 'implicit-concat'), pieces(ctx, t, 5).map(lit(q)).join('\n    ')).add('\n)\n');
    }
    d.add('\nsession = boto3.Session(\n    aws_access_key_id=AWS_ACCESS_KEY_ID,\n    aws_secret_access_key=AWS_SECRET_ACCESS_KEY,\n');
    if (temp) d.add('    aws_session_token=AWS_SESSION_TOKEN,\n');
    d.add(')\n');
    return { path: `jobs/settings_${i}.py`, doc: d };
  },
};

const joins = {
  name: 'join-of-list',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const s = ctx.secret();
    if (i === 0) {
      const r = (ps) => '"".join([' + ps.map(lit('"')).join(', ') + '])';
      d.add('import os\n\n# split so the scanner does not complain\n_KEY = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join', r).add('\n_SECRET = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join', r).add('\nos.environ.setdefault("AWS_ACCESS_KEY_ID", _KEY)\nos.environ.setdefault("AWS_SECRET_ACCESS_KEY", _SECRET)\n');
      return { path: `tools/upload_${i}.py`, doc: d };
    }
    if (i === 1) {
      const r = (ps) => "''.join([\n    " + ps.map(lit("'")).join(',\n    ') + ',\n])';
      d.add('from storages.backends.s3boto3 import S3Boto3Storage\n\nAWS_STORAGE_BUCKET_NAME = "media-', ctx.hex(6), '"\nAWS_ACCESS_KEY_ID = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join', (ps) => ps.map(lit("'")).join(''), false).add('\nAWS_SECRET_ACCESS_KEY = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join', r).add('\n');
      return { path: `mysite/settings/production_${i}.py`, doc: d };
    }
    const r = (ps) => '[' + ps.map(lit("'")).join(', ') + "].join('')";
    d.add("const AWS = require('aws-sdk');\n\nAWS.config.update({\n  accessKeyId: ");
    splitOrPlain(ctx, d, 'access-key-id', id, 'join', r).add(',\n  secretAccessKey: ');
    splitOrPlain(ctx, d, 'secret-access-key', s, 'join', r).add(",\n  region: '", ctx.region(), "',\n});\n");
    return { path: `lambda/legacy/config-${i}.js`, doc: d };
  },
};

const continuation = {
  name: 'backslash-continuation',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const s = ctx.secret();
    const cont = (ps) => ps.join('\\\n');
    const mk = (kind, v) => ctx.m(kind, v, S, 'continuation');
    if (i === 0) {
      d.add('#!/bin/sh\n# restore the nightly dump\nexport AWS_ACCESS_KEY_ID=').put(ctx.m('access-key-id', id, 'plain', 'plain'));
      d.add('\nexport AWS_SECRET_ACCESS_KEY=').put(mk('secret-access-key', s), cont(pieces(ctx, s, 2)));
      d.add('\naws s3 cp "s3://dumps-', ctx.hex(6), '/latest.sql.gz" - | gunzip | psql "$DATABASE_URL"\n');
      return { path: `ops/restore-${i}.sh`, doc: d };
    }
    if (i === 1) {
      d.add('FROM node:20-alpine\nENV NODE_ENV=production \\\n    AWS_REGION=', ctx.region(), ' \\\n    AWS_ACCESS_KEY_ID=');
      d.put(mk('access-key-id', id), cont(pieces(ctx, id, 2))).add(' \\\n    AWS_SECRET_ACCESS_KEY=');
      d.put(mk('secret-access-key', s), cont(pieces(ctx, s, 2))).add('\nWORKDIR /srv\nCOPY . .\nCMD ["node", "server.js"]\n');
      return { path: `services/api-${i}/Dockerfile`, doc: d };
    }
    d.add('#!/usr/bin/env bash\nset -e\naws configure set aws_access_key_id ').put(ctx.m('access-key-id', id, 'plain', 'plain'));
    d.add(' --profile backup\naws configure set aws_secret_access_key "').put(mk('secret-access-key', s), cont(pieces(ctx, s, 3)));
    d.add('" --profile backup\naws configure set region ', ctx.region(), ' --profile backup\n');
    return { path: `ops/configure-backup-${i}.sh`, doc: d };
  },
};

// Added in session 5, after the blind corpus (bench/holdout2) showed these forms missed: calls that
// join literals with an empty separator, in the languages that spell them so.
const joinCalls = {
  name: 'join-call',
  n: 5,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const s = ctx.secret();
    if (i === 0) {
      const r = (ps) => 'String.join("", ' + ps.map(lit('"')).join(', ') + ')';
      d.add('package com.example.storage;\n\npublic final class S3Settings {\n    static final String ACCESS_KEY_ID = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join-call', (ps) => ps.map(lit('"')).join(''), false).add(';\n    static final String SECRET_ACCESS_KEY = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join-call', r).add(';\n}\n');
      return { path: `src/main/java/com/example/storage/S3Settings${i}.java`, doc: d };
    }
    if (i === 1) {
      const r = (ps) => 'string.Concat(\n            ' + ps.map(lit('"')).join(',\n            ') + ')';
      d.add('namespace Example.Storage;\n\npublic static class AwsKeys\n{\n    public const string AccessKeyId = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join-call', (ps) => ps.map(lit('"')).join(''), false).add(';\n    public static readonly string SecretAccessKey = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join-call', r).add(';\n}\n');
      return { path: `src/Example.Storage${i}/AwsKeys.cs`, doc: d };
    }
    if (i === 2) {
      const r = (ps) => 'strings.Join([]string{' + ps.map(lit('"')).join(', ') + '}, "")';
      d.add('package storage\n\nimport (\n\t"strings"\n\n\t"github.com/aws/aws-sdk-go/aws/credentials"\n)\n\nvar creds = credentials.NewStaticCredentials(\n\t');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join-call', r).add(',\n\t');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join-call', r).add(',\n\t"",\n)\n');
      return { path: `internal/storage${i}/creds.go`, doc: d };
    }
    if (i === 3) {
      const r = (ps) => 'join("", [\n    ' + ps.map(lit('"')).join(',\n    ') + ',\n  ])';
      d.add('provider "aws" {\n  region     = "', ctx.region(), '"\n  access_key = ');
      splitOrPlain(ctx, d, 'access-key-id', id, 'join-call', (ps) => ps.map(lit('"')).join(''), false).add('\n  secret_key = ');
      splitOrPlain(ctx, d, 'secret-access-key', s, 'join-call', r).add('\n}\n');
      return { path: `terraform/stacks/edge-${i}/provider.tf`, doc: d };
    }
    const r = (ps) => 'String.Join(string.Empty, new[] { ' + ps.map(lit('"')).join(', ') + ' })';
    d.add('var credentials = new BasicAWSCredentials(\n    ');
    splitOrPlain(ctx, d, 'access-key-id', id, 'join-call', r).add(',\n    ');
    splitOrPlain(ctx, d, 'secret-access-key', s, 'join-call', (ps) => 'String.Join("", new[] { ' + ps.map(lit('"')).join(', ') + ' })').add(');\n');
    return { path: `src/Example.Uploader${i}/Program.cs`, doc: d };
  },
};

export const templates = [sameLine, acrossLines, implicitConcat, joins, joinCalls, continuation].map((t) => ({ ...t, cls: S }));
