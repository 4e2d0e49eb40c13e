// Split values: string concatenation on one line and across lines, join-like calls, implicit
// concatenation, and shell backslash-newline continuation.

const S = 'split';

/** Cut `v` into n non-empty pieces at random places (each piece at least 3 characters). */
export function pieces(g, v, n) {
  const cuts = new Set();
  while (cuts.size < n - 1) cuts.add(g.int(3, v.length - 3));
  const at = [0, ...[...cuts].sort((a, b) => a - b), v.length];
  const out = [];
  for (let k = 0; k < n; k++) out.push(v.slice(at[k], at[k + 1]));
  if (out.some((p) => p.length < 2)) return pieces(g, v, n);
  return out;
}

/** Language table: one-line and multi-line concatenation of quoted pieces. */
const LANGS = {
  js: { q: "'", op: ' + ', ext: 'js' },
  ts: { q: '`', op: ' + ', ext: 'ts' },
  java: { q: '"', op: ' + ', ext: 'java' },
  cs: { q: '"', op: ' + ', ext: 'cs' },
  kt: { q: '"', op: ' + ', ext: 'kt' },
  go: { q: '"', op: ' + ', ext: 'go' },
  php: { q: "'", op: ' . ', ext: 'php' },
  rb: { q: '"', op: ' + ', ext: 'rb' },
};
const lit = (L, p) => `${L.q}${p}${L.q}`;

function decl(lang, name, expr) {
  switch (lang) {
    case 'js': return `const ${name} = ${expr};`;
    case 'ts': return `export const ${name}: string = ${expr};`;
    case 'java': return `    private static final String ${name.toUpperCase()} = ${expr};`;
    case 'cs': return `        private const string ${name[0].toUpperCase() + name.slice(1)} = ${expr};`;
    case 'kt': return `    val ${name} = ${expr}`;
    case 'go': return `\t${name} = ${expr}`;
    case 'php': return `    '${name}' => ${expr},`;
    case 'rb': return `  ${name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}: ${expr},`;
  }
  return '';
}

function wrapFile(g, lang, d, body) {
  const head = {
    js: ['// legacy uploader, kept for the nightly import', "const { S3Client } = require('@aws-sdk/client-s3');", ''],
    ts: ["import { S3Client } from '@aws-sdk/client-s3';", '', '// FIXME: read these from the environment'],
    java: ['package com.acme.storage;', '', 'import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;', '', 'public final class StorageConfig {'],
    cs: ['using Amazon.Runtime;', '', 'namespace Acme.Storage', '{', '    internal static class Keys', '    {'],
    kt: ['package com.acme.sync', '', 'import aws.sdk.kotlin.runtime.auth.credentials.StaticCredentialsProvider', '', 'object SyncCredentials {'],
    go: ['package storage', '', 'import "github.com/aws/aws-sdk-go-v2/credentials"', '', 'var ('],
    php: ['<?php', '', 'return [', "    'driver' => 's3',"],
    rb: ['# frozen_string_literal: true', '', 'Aws.config.update(', `  region: '${g.region()}',`],
  }[lang];
  const tail = {
    js: ['', 'module.exports = new S3Client({ credentials: { accessKeyId, secretAccessKey } });'],
    ts: ['', `export const client = new S3Client({ region: '${g.region()}', credentials: { accessKeyId, secretAccessKey } });`],
    java: ['', '    static AwsBasicCredentials credentials() {', '        return AwsBasicCredentials.create(ACCESSKEYID, SECRETACCESSKEY);', '    }', '}'],
    cs: ['', '        public static BasicAWSCredentials Get() => new(AccessKeyId, SecretAccessKey);', '    }', '}'],
    kt: ['', '    val provider = StaticCredentialsProvider { accessKeyId = this@SyncCredentials.accessKeyId; secretAccessKey = this@SyncCredentials.secretAccessKey }', '}'],
    go: [')', '', 'func Provider() credentials.StaticCredentialsProvider {', '\treturn credentials.NewStaticCredentialsProvider(accessKeyId, secretAccessKey, "")', '}'],
    php: [`    'region' => '${g.region()}',`, `    'bucket' => '${g.bucket()}',`, '];'],
    rb: [')'],
  }[lang];
  d.add(...head);
  body();
  d.add(...tail);
}

export const templates = [
  {
    name: 'concatenation on one line', count: 8,
    make(g, i) {
      const lang = ['js', 'ts', 'java', 'cs', 'kt', 'go', 'php', 'rb'][i];
      const L = LANGS[lang];
      const d = g.doc(`src/${['uploader', 'lib/s3', 'storage/StorageConfig', 'Storage/Keys', 'sync/SyncCredentials', 'internal/storage/creds', 'config/filesystems', 'config/initializers/aws'][i]}.${L.ext}`, (lang === 'cs' || lang === 'java') && g.chance(0.5));
      const id = g.keyId(); const secret = g.secret();
      wrapFile(g, lang, d, () => {
        const splitId = i % 3 === 0;
        const idp = splitId ? ['AKIA', id.slice(4)] : null;
        const l1 = d.add(decl(lang, lang === 'php' ? 'key' : 'accessKeyId', splitId ? idp.map((p) => lit(L, p)).join(L.op) : lit(L, id)));
        const sp = pieces(g, secret, g.int(2, 4));
        const l2 = d.add(decl(lang, lang === 'php' ? 'secret' : 'secretAccessKey', sp.map((p) => lit(L, p)).join(L.op)));
        if (splitId) d.label(l1, 'access-key-id', id, S, `concatenation on one line (${lang}, key ID cut after AKIA)`, lit(L, 'AKIA'));
        else d.label(l1, 'access-key-id', id, 'plain', `literal key ID (${lang})`, id);
        d.label(l2, 'secret-access-key', secret, S, `concatenation on one line (${lang})`, lit(L, sp[0]));
      });
    },
  },
  {
    name: 'concatenation across lines', count: 7,
    make(g, i) {
      const lang = ['java', 'cs', 'kt', 'go', 'js', 'php', 'ts'][i];
      const L = LANGS[lang];
      const d = g.doc(`lib/${['archive/ArchiveKeys', 'Media/Credentials', 'export/ExportAuth', 'pkg/backup/keys', 'legacy/aws-keys', 'app/Support/s3', 'scripts/seed-bucket'][i]}.${L.ext}`, lang === 'cs' && g.chance(0.5));
      const id = g.keyId(); const secret = g.secret();
      wrapFile(g, lang, d, () => {
        const l1 = d.add(decl(lang, lang === 'php' ? 'key' : 'accessKeyId', lit(L, id)));
        const sp = pieces(g, secret, g.int(2, 3));
        const ind = lang === 'go' ? '\t\t' : '            ';
        const opEnd = L.op.trimEnd();
        const lines = sp.map((p, k) => (k === 0 ? '' : ind) + lit(L, p) + (k < sp.length - 1 ? opEnd : ''));
        const full = decl(lang, lang === 'php' ? 'secret' : 'secretAccessKey', lines.join('\n'));
        const l2 = d.add(full);
        d.label(l1, 'access-key-id', id, 'plain', `literal key ID (${lang})`, id);
        d.label(l2, 'secret-access-key', secret, S, `concatenation across lines (${lang})`, lit(L, sp[0]));
      });
    },
  },
  {
    name: 'Python implicit concatenation', count: 3,
    make(g, i) {
      const d = g.doc(`${['etl/settings_prod', 'notebooks/helpers/aws_session', 'services/report/config'][i]}.py`);
      const id = g.keyId(i === 1 ? 'ASIA' : 'AKIA'); const secret = g.secret(); const token = i === 1 ? g.token() : null;
      d.add('import os', '', `REGION = os.environ.get("AWS_REGION", "${g.region()}")`);
      const l1 = d.add(`AWS_ACCESS_KEY_ID = "${id}"`);
      const sp = pieces(g, secret, 2);
      const l2 = i === 0 ? d.add(`AWS_SECRET_ACCESS_KEY = "${sp[0]}" "${sp[1]}"`) : d.add(`AWS_SECRET_ACCESS_KEY = (\n    "${sp[0]}"\n    "${sp[1]}"\n)`) + 1;
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID (Python)', id);
      d.label(l2, 'secret-access-key', secret, S, i === 0 ? 'Python implicit concatenation (one line)' : 'Python implicit concatenation (parenthesised, across lines)', `"${sp[0]}"`);
      if (token) {
        const tp = pieces(g, token, 5);
        const l3 = d.add('AWS_SESSION_TOKEN = (', ...tp.map((p) => `    "${p}"`), ')') + 1;
        d.label(l3, 'session-token', token, S, 'Python implicit concatenation (session token over five lines)', `"${tp[0]}"`);
      }
      d.add('', 'BUCKET = "' + g.bucket() + '"');
    },
  },
  {
    name: 'join-like calls', count: 5,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const sp = pieces(g, secret, g.int(3, 4));
      const q = (p) => `"${p}"`;
      const spec = [
        { path: 'tools/rotate_helper.py', line: `SECRET = "".join([${sp.map(q).join(', ')}])`, idl: `KEY_ID = "${id}"`, form: 'Python "".join([...])' },
        { path: 'web/src/env.js', line: `export const awsSecret = [${sp.map((p) => `'${p}'`).join(', ')}].join('');`, idl: `export const awsKeyId = '${id}';`, form: "JS [...].join('')" },
        { path: 'lib/tasks/s3_backup.rake', line: `  secret = %w[${sp.join(' ')}].join`, idl: `  key_id = '${id}'`, form: 'Ruby %w[...].join' },
        { path: 'src/main/java/com/acme/Keys.java', line: `    static final String SECRET = String.join("", ${sp.map(q).join(', ')});`, idl: `    static final String KEY_ID = "${id}";`, form: 'Java String.join("", ...)' },
        { path: 'deploy/render.py', line: `aws_secret = "".join(\n    [\n        ${sp.map(q).join(',\n        ')},\n    ]\n)`, idl: `aws_key = "${id}"`, form: 'Python "".join over lines' },
      ][i];
      const d = g.doc(spec.path);
      d.add(i === 2 ? 'namespace :s3 do' : i === 3 ? 'package com.acme;' : '# helper', '');
      const l1 = d.add(spec.idl);
      const l2 = d.add(spec.line);
      d.add(i === 2 ? 'end' : '');
      const firstLine = i === 4 ? l2 + 2 : l2;
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID beside a join', id);
      d.label(firstLine, 'secret-access-key', secret, S, `join-like call (${spec.form})`, sp[0]);
    },
  },
  {
    name: 'shell backslash-newline', count: 5,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const sp = pieces(g, secret, 2);
      const d = g.doc(['scripts/local-dev.sh', 'ops/run-migrator.sh', 'docs/snippets/configure.sh', 'scripts/e2e.sh', '.zsh_history_export.txt'][i]);
      d.add('#!/usr/bin/env bash', '# set up access for the import job');
      let l1, l2, form;
      if (i === 0 || i === 3) {
        l1 = d.add(`export AWS_ACCESS_KEY_ID=${id}`);
        l2 = d.add(`export AWS_SECRET_ACCESS_KEY=${sp[0]}\\\n${sp[1]}`);
        form = 'export, value continued with backslash-newline';
      } else if (i === 1) {
        d.add('docker run --rm \\', '  --network host \\');
        l1 = d.add(`  -e AWS_ACCESS_KEY_ID=${id} \\`);
        l2 = d.add(`  -e AWS_SECRET_ACCESS_KEY=${sp[0]}\\\n${sp[1]} \\`);
        d.add(`  -e AWS_REGION=${g.region()} \\`, `  registry.internal/migrator:${g.int(1, 9)}.${g.int(0, 20)}`);
        form = 'docker run -e, value continued with backslash-newline';
      } else {
        l1 = d.add(`aws configure set aws_access_key_id ${id} --profile ${g.app()}`);
        l2 = d.add(`aws configure set aws_secret_access_key ${sp[0]}\\\n${sp[1]} --profile ${g.app()}`);
        form = 'aws configure set, value continued with backslash-newline';
      }
      d.add('echo done');
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID (shell)', id);
      d.label(l2, 'secret-access-key', secret, S, form, sp[0]);
    },
  },
  {
    name: 'more builders: both ID and secret split', count: 6,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const ip = pieces(g, id, 2); const sp = pieces(g, secret, 3);
      const q = (p) => `"${p}"`;
      const spec = [
        { path: 'app/services/archive_uploader.rb', ids: [`  KEY_ID = "${ip[0]}" \\`, `           "${ip[1]}"`], secs: [`  SECRET = "${sp[0]}" \\`, `           "${sp[1]}" \\`, `           "${sp[2]}"`], head: ['class ArchiveUploader'], tail: ['end'], form: 'Ruby adjacent literals with backslash continuation' },
        { path: 'src/main/java/com/acme/ingest/LegacyCreds.java', ids: [`        String id = new StringBuilder().append("${ip[0]}").append("${ip[1]}").toString();`], secs: [`        String secret = new StringBuilder()`, `            .append("${sp[0]}")`, `            .append("${sp[1]}")`, `            .append("${sp[2]}")`, `            .toString();`], head: ['package com.acme.ingest;', '', 'final class LegacyCreds {', '    static String[] get() {'], tail: ['        return new String[] { id, secret };', '    }', '}'], form: 'Java StringBuilder append chain', secOff: 1 },
        { path: 'src/Reports/LegacyAuth.cs', ids: [`        var keyId = string.Concat(${ip.map(q).join(', ')});`], secs: [`        var secret = string.Concat(${sp.map(q).join(', ')});`], head: ['namespace Reports;', '', 'static class LegacyAuth', '{', '    static (string, string) Get()', '    {'], tail: ['        return (keyId, secret);', '    }', '}'], form: 'C# string.Concat' },
        { path: 'internal/mirror/static.go', ids: [`var mirrorKeyID = strings.Join([]string{${ip.map(q).join(', ')}}, "")`], secs: [`var mirrorSecret = strings.Join([]string{`, `\t${q(sp[0])},`, `\t${q(sp[1])},`, `\t${q(sp[2])},`, `}, "")`], head: ['package mirror', '', 'import "strings"', ''], tail: [], form: 'Go strings.Join', secOff: 1 },
        { path: 'wp-content/plugins/offload/config.php', ids: [`define('OFFLOAD_KEY_ID', '${ip[0]}' . '${ip[1]}');`], secs: [`define('OFFLOAD_SECRET', implode('', ['${sp[0]}', '${sp[1]}', '${sp[2]}']));`], head: ['<?php', '// offload media to S3'], tail: [], form: 'PHP concatenation and implode' },
        { path: 'jobs/nightly.py', ids: [`KEY_ID = "${ip[0]}" + \\`, `    "${ip[1]}"`], secs: [`SECRET = ("${sp[0]}" +`, `          "${sp[1]}" +`, `          "${sp[2]}")`], head: ['"""Nightly export (legacy credentials, see TICKET-' + g.int(100, 999) + ')."""', ''], tail: ['', 'BUCKET = "' + g.bucket() + '"'], form: 'Python + across lines' },
      ][i];
      const d = g.doc(spec.path, spec.path.endsWith('.cs') && g.chance(0.5));
      d.add(...spec.head);
      const l1 = d.add(...spec.ids);
      const l2 = d.add(...spec.secs) + (spec.secOff ?? 0);
      d.add(...spec.tail);
      d.label(l1, 'access-key-id', id, S, spec.form, ip[0]);
      d.label(l2, 'secret-access-key', secret, S, spec.form, sp[0]);
    },
  },
  {
    name: 'more split layouts', count: 7,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const sp = pieces(g, secret, i === 2 || i === 3 ? 3 : 2);
      const spec = [
        { path: 'src/Tools/Migrate/Program.cs', head: ['var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 };'], idl: `var keyId = @"${id}";`, sec: [`var secret = @"${sp[0]}" + @"${sp[1]}";`], tail: ['var s3 = new AmazonS3Client(keyId, secret, config);'], form: 'C# verbatim strings joined with + on one line' },
        { path: 'cmd/replicator/creds.go', head: ['package main', ''], idl: `const replKeyID = \`${id}\``, sec: [`const replSecret = \`${sp[0]}\` + \`${sp[1]}\``], tail: [], form: 'Go raw strings joined with + on one line' },
        { path: 'web/server/storage.js', head: ["'use strict';", ''], idl: `const KEY_ID = '${id}';`, sec: ['const SECRET =', `  '${sp[0]}' +`, `  '${sp[1]}' +`, `  '${sp[2]}';`], off: 1, tail: ['', 'module.exports = { KEY_ID, SECRET };'], form: 'JS + at line ends, first piece on the line after the name' },
        { path: 'src/main/java/com/acme/batch/S3Keys.java', head: ['package com.acme.batch;', '', 'final class S3Keys {'], idl: `    static final String ID = "${id}";`, sec: [`    static final String SECRET = "${sp[0]}"`, `        + "${sp[1]}"`, `        + "${sp[2]}";`], tail: ['}'], form: 'Java + at line starts' },
        { path: 'scripts/nightly-sync.sh', head: ['#!/bin/bash', 'set -e'], idl: `AWS_ACCESS_KEY_ID="${id}"`, sec: [`AWS_SECRET_ACCESS_KEY="${sp[0]}""${sp[1]}"`], tail: ['export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY', `aws s3 sync /srv/data s3://${g.bucket()}/`], form: 'shell adjacent quoted strings' },
        { path: 'scripts/profile.d/aws.sh', head: ['# sourced by login shells on the build box'], idl: `export AWS_ACCESS_KEY_ID=${id}`, sec: [`AWS_SECRET_ACCESS_KEY="${sp[0]}"`, `AWS_SECRET_ACCESS_KEY+="${sp[1]}"`], tail: ['export AWS_SECRET_ACCESS_KEY'], form: 'bash += append on the next line' },
        { path: 'images/sync/Dockerfile', head: [`FROM amazon/aws-cli:2.${g.int(10, 17)}.0`], idl: `ENV AWS_ACCESS_KEY_ID=${id}`, sec: [`ENV AWS_SECRET_ACCESS_KEY=${sp[0]}\\`, `${sp[1]} \\`, `    AWS_DEFAULT_REGION=${g.region()}`], tail: ['ENTRYPOINT ["aws", "s3", "sync"]'], form: 'Dockerfile ENV continued with backslash-newline' },
      ][i];
      const d = g.doc(spec.path, spec.path.endsWith('.cs') && g.chance(0.5));
      d.add(...spec.head);
      const l1 = d.add(spec.idl);
      const l2 = d.add(...spec.sec) + (spec.off ?? 0);
      d.add(...spec.tail);
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID beside a split secret', id);
      d.label(l2, 'secret-access-key', secret, S, spec.form, sp[0]);
    },
  },
];
