// Split values: a key written as string pieces joined by the language (+, ., .., adjacent literals,
// join()), or a shell word continued with backslash-newline. Labelled at the line of the first piece.
const S = 'split';

const q = (parts, c = '"') => parts.map((p) => `${c}${p}${c}`);
const ID = 'access-key-id', SK = 'secret-access-key';

function js(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec), ip = g.cut(id, 2);
  if (i === 0) {
    const d = g.doc(`src/config/${g.pick(['aws', 's3', 'storage'])}.ts`);
    d.add("import { S3Client } from '@aws-sdk/client-s3';", '', '// TODO move to env before launch', 'export const s3 = new S3Client({', `  region: '${g.region()}',`, '  credentials: {');
    d.put(`    accessKeyId: '${id}',`, ID, id, 'plain', 'TypeScript SDK config');
    d.put(`    secretAccessKey: ${q(sp, "'").join(' + ')},`, SK, sec, S, 'JS + on one line', sp[0]);
    d.add('  },', '});');
  } else if (i === 1) {
    const d = g.doc('scripts/upload-assets.js');
    d.add("const AWS = require('aws-sdk');", '');
    d.put(`const KEY_ID = ${q(ip).join(' + ')};`, ID, id, S, 'JS + on one line (ID)', ip[0]);
    d.put(`const SECRET = ${q(sp).join(' + ')}; // split so github does not block the push`, SK, sec, S, 'JS + on one line', sp[0]);
    d.add('', `AWS.config.update({ accessKeyId: KEY_ID, secretAccessKey: SECRET, region: '${g.region()}' });`, 'const s3 = new AWS.S3();');
  } else if (i === 2) {
    const d = g.doc('lambda/thumbnail/index.mjs');
    d.add("import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';", '', 'const client = new S3Client({', `  region: "${g.region()}",`, '  credentials: {');
    d.put(`    accessKeyId: "${id}",`, ID, id, 'plain', 'JS SDK config');
    const n = d.add(`    secretAccessKey: "${sp[0]}" +`);
    d.add(...sp.slice(1).map((p, k) => `      "${p}"${k === sp.length - 2 ? ',' : ' +'}`));
    d.label(n, SK, sec, S, 'JS + across lines', sp[0]);
    d.add('  },', '});');
  } else if (i === 3) {
    const d = g.doc(`web/src/utils/${g.pick(['cdn', 'media'])}.js`);
    d.put(`const accessKeyId = [${q(ip, "'").join(', ')}].join('');`, ID, id, S, "array .join('')", ip[0]);
    d.put(`const secretAccessKey = [${q(sp, "'").join(', ')}].join('');`, SK, sec, S, "array .join('')", sp[0]);
    d.add('', `export const bucketUrl = 'https://${g.bucket()}.s3.amazonaws.com';`, 'export default { accessKeyId, secretAccessKey };');
  } else {
    const d = g.doc(`cypress/support/${g.pick(['s3', 'fixtures'])}.js`);
    d.add('// test bucket for upload e2e', 'Cypress.env({');
    d.put(`  AWS_ACCESS_KEY_ID: \`${id}\`,`, ID, id, 'plain', 'Cypress env');
    d.put(`  AWS_SECRET_ACCESS_KEY: ${q(sp, '`').join(' + ')},`, SK, sec, S, 'JS template literals +', sp[0]);
    d.add('});');
  }
}

function py(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec), ip = g.cut(id, 2);
  if (i === 0) {
    const d = g.doc(`${g.pick(['mysite', 'webapp', 'portal'])}/settings/production.py`);
    d.add('from .base import *  # noqa', '', 'DEBUG = False', 'DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"');
    d.put(`AWS_ACCESS_KEY_ID = "${id}"`, ID, id, 'plain', 'Django settings');
    d.add('AWS_SECRET_ACCESS_KEY = (');
    const n = d.add(...sp.map((p) => `    "${p}"`));
    d.label(n, SK, sec, S, 'Python implicit concatenation across lines', sp[0]);
    d.add(')', `AWS_STORAGE_BUCKET_NAME = "${g.bucket()}"`);
  } else if (i === 1) {
    const d = g.doc(`etl/${g.app().replace(/-/g, '_')}_job.py`);
    d.add('import boto3', '', '', 'def s3():', '    return boto3.client(', '        "s3",', `        region_name="${g.region()}",`);
    d.put(`        aws_access_key_id="${id}",`, ID, id, 'plain', 'boto3 call');
    const n = d.add(`        aws_secret_access_key="${sp[0]}"`);
    d.add(...sp.slice(1).map((p, k) => `        "${p}"${k === sp.length - 2 ? ',' : ''}`));
    d.label(n, SK, sec, S, 'Python implicit concatenation across lines (black)', sp[0]);
    d.add('    )');
  } else if (i === 2) {
    const d = g.doc('notebooks/explore_exports.py');
    d.add('# %%', 'import pandas as pd', 'import s3fs', '', '# %%');
    d.put(`KEY = ${q(ip, "'").join(' ')}`, ID, id, S, 'Python implicit concatenation on one line (ID)', ip[0]);
    d.put(`SECRET = ${q(sp, "'").join(' ')}`, SK, sec, S, 'Python implicit concatenation on one line', sp[0]);
    d.add('fs = s3fs.S3FileSystem(key=KEY, secret=SECRET)', `df = pd.read_parquet("s3://${g.bucket()}/daily/", filesystem=fs)`, 'df.head()');
  } else if (i === 3) {
    const d = g.doc('tests/conftest.py');
    d.add('import os', '', 'import pytest', '', '', '@pytest.fixture(scope="session", autouse=True)', 'def aws_env():');
    d.put(`    os.environ["AWS_ACCESS_KEY_ID"] = "${ip[0]}" + "${ip[1]}"`, ID, id, S, 'Python + on one line (ID)', ip[0]);
    d.put(`    os.environ["AWS_SECRET_ACCESS_KEY"] = ${q(sp).join(' + ')}`, SK, sec, S, 'Python + on one line', sp[0]);
    d.add('    yield');
  } else if (i === 4) {
    const d = g.doc('bot/config.py');
    d.add('TELEGRAM_CHAT = -100' + g.int(1000000000, 9999999999), '');
    d.put(`AWS_KEY = "".join(["${ip.join('", "')}"])`, ID, id, S, 'Python "".join', ip[0]);
    d.add('AWS_SECRET = "".join([');
    const n = d.add(...sp.map((p) => `    "${p}",`));
    d.label(n, SK, sec, S, 'Python "".join across lines', sp[0]);
    d.add('])');
  } else {
    const d = g.doc(`airflow/dags/${g.app().replace(/-/g, '_')}_sync.py`);
    d.add('from airflow import DAG', 'from airflow.providers.amazon.aws.transfers.local_to_s3 import LocalFilesystemToS3Operator', '', 'EXTRA = {');
    d.put(`    "aws_access_key_id": "${id}",`, ID, id, 'plain', 'Airflow extra dict');
    d.put(`    "aws_secret_access_key": "${sp[0]}" \\`, SK, sec, S, 'Python implicit concatenation with backslash', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `        "${p}"${k === sp.length - 2 ? ',' : ' \\'}`));
    d.add('}');
  }
}

function shell(g, i) {
  const id = g.keyId(), sec = g.secret();
  const at = g.int(8, 32);
  const a = sec.slice(0, at), b = sec.slice(at);
  if (i === 0) {
    const d = g.doc('deploy.sh');
    d.add('#!/bin/bash', 'set -e', '');
    d.put(`export AWS_ACCESS_KEY_ID=${id}`, ID, id, 'plain', 'shell export');
    d.put(`export AWS_SECRET_ACCESS_KEY=${a}\\`, SK, sec, S, 'shell backslash-newline', a);
    d.add(b, `export AWS_DEFAULT_REGION=${g.region()}`, '', `aws s3 sync build/ s3://${g.bucket()}/ --delete`);
  } else if (i === 1) {
    const app = g.app();
    const d = g.doc(`docs/setup-${app}.md`);
    d.add('## Configure the CLI', '', 'Run this once on the build agent:', '', '```sh');
    d.put(`aws configure set aws_access_key_id ${id} --profile ${app}`, ID, id, 'plain', 'aws configure set');
    d.put(`aws configure set aws_secret_access_key "${a}\\`, SK, sec, S, 'shell backslash-newline in quotes', a);
    d.add(`${b}" --profile ${app}`, '```');
  } else if (i === 2) {
    const d = g.doc('Dockerfile');
    d.add('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', '');
    d.put(`ENV AWS_ACCESS_KEY_ID=${id} \\`, ID, id, 'plain', 'Dockerfile ENV');
    d.put(`    AWS_SECRET_ACCESS_KEY=${a}\\`, SK, sec, S, 'Dockerfile ENV backslash-newline', a);
    d.add(`${b} \\`, `    AWS_DEFAULT_REGION=${g.region()}`, '', 'COPY . .', 'CMD ["python", "-m", "worker"]');
  } else {
    const d = g.doc('.circleci/restore_env.sh');
    d.add('#!/bin/sh', '# circle context is broken, hardcode for now', 'cat >> "$BASH_ENV" <<EOF');
    d.put(`export AWS_ACCESS_KEY_ID=${id}`, ID, id, 'plain', 'shell export');
    d.put(`export AWS_SECRET_ACCESS_KEY=${a}\\`, SK, sec, S, 'shell backslash-newline (heredoc)', a);
    d.add(b, 'EOF');
  }
}

function jvm(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec, g.int(2, 3)), ip = g.cut(id, 2);
  if (i === 0) {
    const d = g.doc(`src/main/java/com/${g.org()}/storage/S3Config.java`);
    d.add(`package com.${g.org()}.storage;`, '', 'import com.amazonaws.auth.AWSStaticCredentialsProvider;', 'import com.amazonaws.auth.BasicAWSCredentials;', '', 'public class S3Config {');
    d.put(`    private static final String ACCESS_KEY = "${id}";`, ID, id, 'plain', 'Java constant');
    const n = d.add(`    private static final String SECRET_KEY = "${sp[0]}" +`);
    d.add(...sp.slice(1).map((p, k) => `            "${p}"${k === sp.length - 2 ? ';' : ' +'}`));
    d.label(n, SK, sec, S, 'Java + across lines', sp[0]);
    d.add('', '    public static AWSStaticCredentialsProvider provider() {', '        return new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY));', '    }', '}');
  } else if (i === 1) {
    const d = g.doc('src/test/java/it/S3UploadIT.java');
    d.add('class S3UploadIT {', '    @BeforeAll', '    static void creds() {');
    d.put(`        System.setProperty("aws.accessKeyId", "${ip[0]}" + "${ip[1]}");`, ID, id, S, 'Java + on one line (ID)', ip[0]);
    d.put(`        System.setProperty("aws.secretKey", ${q(sp).join(' + ')});`, SK, sec, S, 'Java + on one line', sp[0]);
    d.add('    }', '}');
  } else if (i === 2) {
    const d = g.doc(`app/src/main/java/com/${g.org()}/app/AwsKeys.kt`);
    d.add(`package com.${g.org()}.app`, '', 'object AwsKeys {');
    d.put(`    const val ACCESS = "${id}"`, ID, id, 'plain', 'Kotlin constant');
    d.put(`    val SECRET = ${q(sp).join(' + ')}`, SK, sec, S, 'Kotlin + on one line', sp[0]);
    d.add('}');
  } else {
    const d = g.doc(`src/main/scala/${g.app().replace(/-/g, '')}/Job.scala`);
    d.add('object Job extends App {', '  val spark = SparkSession.builder.getOrCreate()', '  val hc = spark.sparkContext.hadoopConfiguration');
    d.put(`  hc.set("fs.s3a.access.key", "${id}")`, ID, id, 'plain', 'Spark hadoop conf');
    d.put(`  hc.set("fs.s3a.secret.key", "${sp[0]}" +`, SK, sec, S, 'Scala + across lines', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `    "${p}"${k === sp.length - 2 ? ')' : ' +'}`), '}');
  }
}

function cLike(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec, g.int(2, 3)), ip = g.cut(id, 2);
  if (i === 0) {
    const d = g.doc(`firmware/${g.pick(['cam_uploader', 'sensor_node', 'doorbell'])}/secrets.h`);
    d.add('#pragma once', '', `#define WIFI_SSID "${g.org()}-iot"`, `#define WIFI_PASS "${g.alnum(12)}"`);
    d.put(`#define AWS_KEY_ID "${id}"`, ID, id, 'plain', 'C #define');
    d.put(`#define AWS_SECRET_KEY "${sp[0]}" \\`, SK, sec, S, 'C adjacent literals in a #define, across lines', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `                       "${p}"${k === sp.length - 2 ? '' : ' \\'}`));
  } else if (i === 1) {
    const d = g.doc('src/main.cpp');
    d.add('#include <Arduino.h>', '#include "aws_sigv4.h"', '');
    d.put(`static const char *kAccessKey = "${ip[0]}" "${ip[1]}";`, ID, id, S, 'C adjacent literals on one line (ID)', ip[0]);
    const n = d.add(`static const char *kSecretKey = "${sp[0]}"`);
    d.add(...sp.slice(1).map((p, k) => `                                "${p}"${k === sp.length - 2 ? ';' : ''}`));
    d.label(n, SK, sec, S, 'C adjacent literals across lines', sp[0]);
    d.add('', 'void setup() {', '  Serial.begin(115200);', '}');
  } else if (i === 2) {
    const d = g.doc(`internal/${g.pick(['blob', 'store'])}/s3.go`);
    d.add('package store', '', 'import (', '\t"github.com/aws/aws-sdk-go-v2/credentials"', ')', '', 'var creds = credentials.NewStaticCredentialsProvider(');
    d.put(`\t"${id}",`, ID, id, 'plain', 'Go static credentials');
    d.put(`\t${q(sp).join(' + ')},`, SK, sec, S, 'Go + on one line', sp[0]);
    d.add('\t"",', ')');
  } else if (i === 3) {
    const d = g.doc('cmd/migrate/main.go');
    d.add('package main', '', 'const (');
    d.put(`\tawsKey    = "${ip[0]}" + "${ip[1]}"`, ID, id, S, 'Go + on one line (ID)', ip[0]);
    d.put(`\tawsSecret = "${sp[0]}" +`, SK, sec, S, 'Go + across lines', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `\t\t"${p}"${k === sp.length - 2 ? '' : ' +'}`), ')');
  } else if (i === 4) {
    const d = g.doc(`src/${g.pick(['Reports', 'Uploads'])}/AwsSettings.cs`, true);
    d.add('namespace Uploads;', '', 'public static class AwsSettings', '{');
    d.put(`    public const string AccessKey = "${id}";`, ID, id, 'plain', 'C# constant');
    d.put(`    public const string SecretKey = ${q(sp).join(' + ')};`, SK, sec, S, 'C# + on one line', sp[0]);
    d.add('}');
  } else if (i === 5) {
    const d = g.doc('tools/Sync-Backups.ps1', true);
    d.add('param([string]$Path = "C:\\backups")', '');
    d.put(`$env:AWS_ACCESS_KEY_ID = "${id}"`, ID, id, 'plain', 'PowerShell env');
    d.put(`$env:AWS_SECRET_ACCESS_KEY = ${q(sp).join(' + ')}`, SK, sec, S, 'PowerShell + on one line', sp[0]);
    d.add(`aws s3 sync $Path s3://${g.bucket()}/nightly`);
  } else if (i === 6) {
    const d = g.doc('src/aws.rs');
    d.add('use aws_credential_types::Credentials;', '', 'pub fn creds() -> Credentials {', '    Credentials::new(');
    d.put(`        "${id}",`, ID, id, 'plain', 'Rust credentials');
    d.put(`        concat!(${q(sp).join(', ')}),`, SK, sec, S, 'Rust concat!', sp[0]);
    d.add('        None,', '        None,', '        "static",', '    )', '}');
  } else {
    const d = g.doc(`Sources/${g.pick(['Uploader', 'Media'])}/Secrets.swift`);
    d.add('enum Secrets {');
    d.put(`    static let awsAccessKey = "${id}"`, ID, id, 'plain', 'Swift constant');
    d.put(`    static let awsSecretKey = ${q(sp).join(' + ')}`, SK, sec, S, 'Swift + on one line', sp[0]);
    d.add('}');
  }
}

function scripting(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec, g.int(2, 3)), ip = g.cut(id, 2);
  if (i === 0) {
    const d = g.doc('config/filesystems.local.php');
    d.add('<?php', '', 'return [', "    's3' => [", "        'driver' => 's3',");
    d.put(`        'key' => '${ip[0]}' . '${ip[1]}',`, ID, id, S, 'PHP . on one line (ID)', ip[0]);
    d.put(`        'secret' => ${q(sp, "'").join(' . ')},`, SK, sec, S, 'PHP . on one line', sp[0]);
    d.add(`        'region' => '${g.region()}',`, `        'bucket' => '${g.bucket()}',`, '    ],', '];');
  } else if (i === 1) {
    const d = g.doc(`includes/class-${g.app()}-backup.php`);
    d.add('<?php', 'class Backup_S3 {');
    d.put(`    const KEY = '${id}';`, ID, id, 'plain', 'PHP constant');
    d.put(`    const SECRET = '${sp[0]}'`, SK, sec, S, 'PHP . across lines', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `        . '${p}'${k === sp.length - 2 ? ';' : ''}`), '}');
  } else if (i === 2) {
    const d = g.doc('config/initializers/aws.rb');
    d.add("require 'aws-sdk-s3'", '', 'Aws.config.update(', `  region: '${g.region()}',`, '  credentials: Aws::Credentials.new(');
    d.put(`    '${id}',`, ID, id, 'plain', 'Ruby credentials');
    d.put(`    '${sp[0]}' \\`, SK, sec, S, 'Ruby adjacent literals with backslash', sp[0]);
    d.add(...sp.slice(1).map((p, k) => `    '${p}'${k === sp.length - 2 ? '' : ' \\'}`), '  )', ')');
  } else if (i === 3) {
    const d = g.doc('lib/tasks/export.rake');
    d.add('namespace :export do', '  task nightly: :environment do');
    d.put(`    key = %w[${ip.join(' ')}].join`, ID, id, S, 'Ruby %w[].join (ID)', ip[0]);
    d.put(`    secret = %w[${sp.join(' ')}].join`, SK, sec, S, 'Ruby %w[].join', sp[0]);
    d.add('    s3 = Aws::S3::Client.new(access_key_id: key, secret_access_key: secret)', '  end', 'end');
  } else if (i === 4) {
    const d = g.doc('scripts/s3_mirror.lua');
    d.add('local s3 = require("s3")', '');
    d.put(`local key = "${id}"`, ID, id, 'plain', 'Lua');
    d.put(`local secret = ${q(sp).join(' .. ')}`, SK, sec, S, 'Lua .. on one line', sp[0]);
    d.add(`local client = s3.new{ key = key, secret = secret, bucket = "${g.bucket()}" }`);
  } else {
    const d = g.doc('bin/push_logs.pl');
    d.add('#!/usr/bin/perl', 'use strict;', 'use Net::Amazon::S3;', '');
    d.put(`my $key = '${id}';`, ID, id, 'plain', 'Perl');
    d.put(`my $secret = join '', qw(${sp.join(' ')});`, SK, sec, S, "Perl join '', qw()", sp[0]);
    d.add('my $s3 = Net::Amazon::S3->new(aws_access_key_id => $key, aws_secret_access_key => $secret, retry => 1);');
  }
}

function iac(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec, 3);
  if (i === 0) {
    const d = g.doc(`cloudformation/${g.app()}-user.yaml`);
    d.add('AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  AppFunction:', '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler', '      Environment:', '        Variables:');
    d.put(`          UPLOAD_KEY_ID: ${id}`, ID, id, 'plain', 'CloudFormation env');
    d.put(`          UPLOAD_SECRET: !Join ["", [${q(sp).join(', ')}]]`, SK, sec, S, 'CloudFormation !Join', sp[0]);
  } else {
    const d = g.doc('terraform/modules/uploader/locals.tf');
    d.add('locals {');
    d.put(`  uploader_key_id = "${id}"`, ID, id, 'plain', 'Terraform local');
    d.put(`  uploader_secret = join("", [${q(sp).join(', ')}])`, SK, sec, S, 'Terraform join()', sp[0]);
    d.add('}');
  }
}

function more(g, i) {
  const id = g.keyId(), sec = g.secret();
  const sp = g.cut(sec, g.int(2, 3));
  if (i === 0) {
    const d = g.doc('Jenkinsfile');
    d.add('pipeline {', '  agent any', '  stages {', "    stage('Publish') {", '      steps {');
    d.put(`        withEnv(["AWS_ACCESS_KEY_ID=${id}",`, ID, id, 'plain', 'Jenkinsfile withEnv');
    d.put(`                 "AWS_SECRET_ACCESS_KEY=" + ${q(sp).join(' + ')}]) {`, SK, sec, S, 'Groovy + on one line (Jenkinsfile)', sp[0]);
    d.add(`          sh 'aws s3 cp build/libs/app.jar s3://${g.bucket()}/releases/'`, '        }', '      }', '    }', '  }', '}');
  } else if (i === 1) {
    const d = g.doc(`src/main/java/com/${g.org()}/util/Cfg.java`);
    d.add('final class Cfg {');
    d.put(`    static final String K = "${id}";`, ID, id, 'plain', 'Java constant');
    d.put(`    static final String S = new StringBuilder().append("${sp[0]}")`, SK, sec, S, 'Java StringBuilder.append chain', sp[0]);
    d.add(...sp.slice(1).map((p) => `            .append("${p}")`), '            .toString();', '}');
  } else {
    const d = g.doc('scripts/env.sh');
    d.add('#!/usr/bin/env bash');
    d.put(`AWS_ACCESS_KEY_ID="${id}"`, ID, id, 'plain', 'shell assignment');
    d.put(`AWS_SECRET_ACCESS_KEY="${sp[0]}"`, SK, sec, S, 'shell += across lines', sp[0]);
    d.add(...sp.slice(1).map((p) => `AWS_SECRET_ACCESS_KEY+="${p}"`), 'export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
  }
}

export const templates = [
  { name: 'JavaScript', count: 5, make: js },
  { name: 'Python', count: 6, make: py },
  { name: 'shell', count: 4, make: shell },
  { name: 'JVM', count: 4, make: jvm },
  { name: 'C-like', count: 8, make: cLike },
  { name: 'scripting', count: 6, make: scripting },
  { name: 'IaC', count: 2, make: iac },
  { name: 'more languages', count: 3, make: more },
];
