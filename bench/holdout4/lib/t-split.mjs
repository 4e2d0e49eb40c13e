// Split values: a secret (sometimes a key ID too) built from string literals, the way a developer
// would write it in many languages: + . .. <> ++ ^ & || * and adjacent literals, join/concat/mkString/
// paste0/implode/buildString/StringBuilder, shell "a""b" and +=, template and IaC join functions.
const C = 'split';

// Each form: [path, form, crlf, splitsId, render(P, I, g)]. P: the secret's pieces, I: the key ID's
// pieces when splitsId, else [id]. render returns the file's lines.
const q = (a, c = '"') => a.map((p) => `${c}${p}${c}`);
const FORMS = [
  ['src/main/scala/io/tiles/S3Config.scala', 'Scala Seq(...).mkString on one line', false, false, (P, I, g) => [
    'package io.tiles', '', 'import software.amazon.awssdk.auth.credentials.AwsBasicCredentials', '', 'object S3Config {',
    `  val accessKeyId = "${I[0]}"`, `  val secretAccessKey = Seq(${q(P).join(', ')}).mkString`,
    `  val bucket = "${g.bucket()}"`, '  def creds = AwsBasicCredentials.create(accessKeyId, secretAccessKey)', '}']],
  ['modules/ingest/src/main/scala/Settings.scala', 'Scala + across lines', false, true, (P, I, g) => [
    'object Settings {', `  final val AwsKeyId: String = ${q(I).join(' + ')}`, '  final val AwsSecret: String =',
    ...P.map((p, k) => `    "${p}"${k < P.length - 1 ? ' +' : ''}`), `  final val Region = "${g.region()}"`, '}']],
  ['ios/Uploader/Sources/Secrets.swift', 'Swift + on one line', false, false, (P, I) => [
    'import AWSS3', '', 'enum Secrets {', `    static let awsAccessKey = "${I[0]}"`, `    static let awsSecretKey = ${q(P).join(' + ')}`, '}']],
  ['macos/Sync/AWSBootstrap.swift', 'Swift + across lines, operator at line start', false, false, (P, I, g) => [
    'import AWSClientRuntime', '', 'struct AWSBootstrap {', `    let accessKeyId = "${I[0]}"`, '    let secretAccessKey: String = ""',
    ...P.map((p, k) => `        ${k ? '+ ' : ''}"${p}"`), `    let region = "${g.region()}"`, '}']],
  ['ios/Shared/Keys.swift', 'Swift [...].joined()', false, false, (P, I) => [
    'struct Keys {', `    static let id = "${I[0]}"`, `    static let secret = [${q(P).join(', ')}].joined()`, '}']],
  ['crates/ingest/src/config.rs', 'Rust concat! with literals', false, false, (P, I) => [
    '// Credentials for the dev bucket; split so the linter stops complaining.', `pub const AWS_ACCESS_KEY_ID: &str = "${I[0]}";`,
    `pub const AWS_SECRET_ACCESS_KEY: &str = concat!(${q(P).join(', ')});`]],
  ['crates/tiles-cli/src/aws.rs', 'Rust format! with only literals', false, false, (P, I) => [
    'use aws_credential_types::Credentials;', '', 'pub fn dev_credentials() -> Credentials {', `    let key_id = "${I[0]}".to_string();`,
    `    let secret = format!("${'{}'.repeat(P.length)}", ${q(P).join(', ')});`, '    Credentials::new(key_id, secret, None, None, "hardcoded")', '}']],
  ['crates/backup/src/main.rs', 'Rust [...].concat() across lines', false, true, (P, I) => [
    'fn main() {', `    let id = [${q(I).join(', ')}].concat();`, '    let secret = [', ...P.map((p) => `        "${p}",`), '    ]', '    .concat();', '    run(&id, &secret);', '}']],
  ['lib/fleet/aws.ex', 'Elixir <> on one line', false, false, (P, I) => [
    'defmodule Fleet.Aws do', `  @access_key_id "${I[0]}"`, `  @secret_access_key ${q(P).join(' <> ')}`, '', '  def config, do: [access_key_id: @access_key_id, secret_access_key: @secret_access_key]', 'end']],
  ['config/runtime.exs', 'Elixir <> across lines', false, false, (P, I, g) => [
    'import Config', '', 'config :ex_aws,', `  access_key_id: "${I[0]}",`, '  secret_access_key:',
    ...P.map((p, k) => `    "${p}"${k < P.length - 1 ? ' <>' : ','}`), `  region: "${g.region()}"`]],
  ['apps/inbox/lib/inbox/s3.ex', 'Elixir Enum.join', false, true, (P, I) => [
    'defmodule Inbox.S3 do', `  def key_id, do: Enum.join([${q(I).join(', ')}])`, `  def secret, do: Enum.join([${q(P).join(', ')}])`, 'end']],
  ['script/backup-to-s3.pl', "Perl '.' on one line", false, false, (P, I, g) => [
    '#!/usr/bin/perl', 'use strict;', 'use warnings;', 'use Net::Amazon::S3;', '',
    `my $aws_access_key_id     = '${I[0]}';`, `my $aws_secret_access_key = ${q(P, "'").join(' . ')};`,
    'my $s3 = Net::Amazon::S3->new(aws_access_key_id => $aws_access_key_id, aws_secret_access_key => $aws_secret_access_key, retry => 1);', `my $bucket = $s3->bucket('${g.bucket()}');`]],
  ['lib/Archiver/Config.pm', 'Perl join across lines', false, false, (P, I) => [
    'package Archiver::Config;', 'use strict;', '', 'our %AWS = (', `    key_id => '${I[0]}',`, "    secret => join('',", ...P.map((p, k) => `        '${p}'${k < P.length - 1 ? ',' : '),'}`), ');', '1;']],
  ['tools/s3put.pl', 'Perl join with qw()', false, false, (P, I) => [
    'use Paws;', `$ENV{AWS_ACCESS_KEY_ID} = '${I[0]}';`, `$ENV{AWS_SECRET_ACCESS_KEY} = join '', qw(${P.join(' ')});`, "my $s3 = Paws->service('S3', region => 'eu-west-2');"]],
  ['nginx/lua/s3_proxy.lua', "Lua '..' on one line", false, false, (P, I) => [
    'local aws = require "resty.aws"', 'local _M = {}', '', `_M.access_key = "${I[0]}"`, `_M.secret_key = ${q(P).join(' .. ')}`, '', 'return _M']],
  ['game/config/storage.lua', "Lua '..' across lines", false, true, (P, I) => [
    'return {', `  aws_key_id = ${q(I, "'").join(' .. ')},`, '  aws_secret =', ...P.map((p, k) => `    '${p}'${k < P.length - 1 ? ' ..' : ','}`), '  bucket = "saves"', '}']],
  ['kong/plugins/s3-logger/conf.lua', 'Lua table.concat', false, false, (P, I) => [
    'local conf = {}', `conf.key_id = "${I[0]}"`, `conf.secret = table.concat({ ${q(P).join(', ')} })`, 'return conf']],
  ['app/lib/env/aws_keys.dart', 'Dart adjacent literals across lines', false, false, (P, I) => [
    '// ignore_for_file: constant_identifier_names', `const String AWS_ACCESS_KEY_ID = '${I[0]}';`, 'const String AWS_SECRET_ACCESS_KEY =', ...P.map((p, k) => `    '${p}'${k === P.length - 1 ? ';' : ''}`)]],
  ['packages/uploader/lib/src/credentials.dart', 'Dart + on one line', false, false, (P, I) => [
    "import 'package:aws_common/aws_common.dart';", '', `final creds = AWSCredentials('${I[0]}', ${q(P, "'").join(' + ')});`]],
  ['analysis/R/s3_setup.R', 'R paste0', false, false, (P, I, g) => [
    'library(aws.s3)', '', `Sys.setenv("AWS_ACCESS_KEY_ID" = "${I[0]}",`, `           "AWS_SECRET_ACCESS_KEY" = paste0(${q(P).join(', ')}),`, `           "AWS_DEFAULT_REGION" = "${g.region()}")`]],
  ['reports/R/fetch.R', 'R paste(sep = "") across lines', false, true, (P, I) => [
    `key_id <- paste(${q(I).join(', ')}, sep = "")`, 'secret <- paste(', ...P.map((p) => `  "${p}",`), '  sep = "")', 'aws.signature::use_credentials(key = key_id, secret = secret)']],
  ['build.gradle', 'Groovy + in a Gradle maven repository', false, false, (P, I) => [
    'repositories {', '    maven {', "        url 's3://tailspin-maven/releases'", '        credentials(AwsCredentials) {', `            accessKey '${I[0]}'`, `            secretKey ${q(P, "'").join(' + ')}`, '        }', '    }', '}']],
  ['buildSrc/src/main/kotlin/s3-publish.gradle.kts', 'Gradle Kotlin DSL joinToString', false, false, (P, I) => [
    'publishing {', '    repositories {', '        maven {', '            url = uri("s3://fabrikam-artifacts/maven")', '            credentials(AwsCredentials::class) {',
    `                accessKey = "${I[0]}"`, `                secretKey = listOf(${q(P).join(', ')}).joinToString("")`, '            }', '        }', '    }', '}']],
  ['android/app/src/main/java/com/wingtip/geo/AwsKeys.kt', 'Kotlin buildString { append() }', false, false, (P, I) => [
    'package com.wingtip.geo', '', 'object AwsKeys {', `    const val ACCESS_KEY_ID = "${I[0]}"`, '    val SECRET_ACCESS_KEY = buildString {', ...P.map((p) => `        append("${p}")`), '    }', '}']],
  ['service/src/main/java/com/contoso/catalog/S3Factory.java', 'Java StringBuilder append chain on one line', true, false, (P, I) => [
    'package com.contoso.catalog;', '', 'public final class S3Factory {', `    private static final String KEY_ID = "${I[0]}";`,
    `    private static final String SECRET = new StringBuilder().${P.map((p) => `append("${p}")`).join('.')}.toString();`, '}']],
  ['legacy/src/com/litware/payroll/Upload.java', 'Java StringBuilder append statements', false, false, (P, I) => [
    'public class Upload {', '    static AWSCredentials creds() {', '        StringBuilder sb = new StringBuilder();', ...P.map((p) => `        sb.append("${p}");`),
    `        return new BasicAWSCredentials("${I[0]}", sb.toString());`, '    }', '}']],
  ['scripts/Set-BackupEnv.ps1', "PowerShell '+'", true, false, (P, I) => [
    '# run before Invoke-NightlyBackup', `$env:AWS_ACCESS_KEY_ID = '${I[0]}'`, `$env:AWS_SECRET_ACCESS_KEY = ${q(P, "'").join(' + ')}`, 'Invoke-NightlyBackup -Bucket tiles-backups']],
  ['ops/Deploy-Tiles.ps1', 'PowerShell -join over lines', true, true, (P, I) => [
    'param([string]$Stage = "qa")', `$keyId = -join (${q(I).join(', ')})`, '$secret = -join @(', ...P.map((p, k) => `    "${p}"${k < P.length - 1 ? ',' : ''}`), ')', 'Set-AWSCredential -AccessKey $keyId -SecretKey $secret -StoreAs tiles']],
  ['nix/modules/uploader.nix', 'Nix + on one line', false, false, (P, I) => [
    '{ config, ... }:', '{', '  systemd.services.uploader.environment = {', `    AWS_ACCESS_KEY_ID = "${I[0]}";`, `    AWS_SECRET_ACCESS_KEY = ${q(P).join(' + ')};`, '  };', '}']],
  ['lib/tasks/s3_backup.rake', 'Ruby %w[].join', false, false, (P, I) => [
    'namespace :backup do', '  task s3: :environment do', `    Aws.config.update(credentials: Aws::Credentials.new('${I[0]}', %w[${P.join(' ')}].join))`, '  end', 'end']],
  ['web/config/filesystems.local.php', 'PHP implode', false, false, (P, I) => [
    '<?php', 'return [', "    's3' => [", `        'key' => '${I[0]}',`, `        'secret' => implode('', [${q(P, "'").join(', ')}]),`, "        'region' => 'eu-west-2',", '    ],', '];']],
  ['ci/upload.sh', 'shell adjacent quoted strings', false, false, (P, I) => [
    '#!/usr/bin/env bash', 'set -euo pipefail', `export AWS_ACCESS_KEY_ID="${I[0]}"`, `export AWS_SECRET_ACCESS_KEY=${q(P).join('')}`, 'aws s3 sync dist/ "s3://$BUCKET/"']],
  ['bin/restore.sh', 'shell += on the following lines', false, false, (P, I) => [
    '#!/bin/bash', `AWS_ACCESS_KEY_ID='${I[0]}'`, ...P.map((p, k) => `AWS_SECRET_ACCESS_KEY${k ? '+=' : '='}'${p}'`), 'export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY', 'restic restore latest --target /srv']],
  ['native/src/aws_keys.hpp', 'C++ adjacent literals across lines', false, false, (P, I) => [
    '#pragma once', `constexpr const char* kAwsAccessKeyId = "${I[0]}";`, 'constexpr const char* kAwsSecretAccessKey =', ...P.map((p, k) => `    "${p}"${k === P.length - 1 ? ';' : ''}`)]],
  ['src/Storage/Credentials.hs', 'Haskell ++', false, false, (P, I) => [
    'module Storage.Credentials where', '', 'awsKeyId, awsSecret :: String', `awsKeyId = "${I[0]}"`, `awsSecret = ${q(P).join(' ++ ')}`]],
  ['src/quotes/aws.clj', 'Clojure (str ...)', false, false, (P, I) => [
    '(ns quotes.aws)', '', '(def creds', `  {:access-key "${I[0]}"`, `   :secret-key (str ${q(P).join(' ')})`, '   :endpoint "eu-west-2"})']],
  ['scripts/fetch_tiles.jl', 'Julia *', false, false, (P, I) => [
    'using AWS', `ENV["AWS_ACCESS_KEY_ID"] = "${I[0]}"`, `ENV["AWS_SECRET_ACCESS_KEY"] = ${q(P).join(' * ')}`, 'aws = global_aws_config(; region="eu-north-1")']],
  ['bin/sync.ml', 'OCaml ^', false, false, (P, I) => [
    `let access_key = "${I[0]}"`, `let secret_key = ${q(P).join(' ^ ')}`, 'let () = Sync.run ~access_key ~secret_key']],
  ['Legacy/Archive/AwsSettings.vb', 'VB.NET &', true, false, (P, I) => [
    'Public Module AwsSettings', `    Public Const AccessKey As String = "${I[0]}"`, `    Public ReadOnly SecretKey As String = ${q(P).join(' & ')}`, 'End Module']],
  ['db/migrations/0042_seed_storage_settings.sql', "SQL '||'", false, false, (P, I) => [
    '-- storage settings for the export worker', 'INSERT INTO settings (name, value) VALUES', `  ('aws_access_key_id', '${I[0]}'),`, `  ('aws_secret_access_key', ${q(P, "'").join(' || ')});`]],
  ['src/Fsharp/Upload.fs', 'F# String.concat', false, false, (P, I) => [
    'module Upload', `let accessKey = "${I[0]}"`, `let secretKey = String.concat "" [ ${q(P).join('; ')} ]`]],
  ['src/s3.zig', 'Zig ++ at comptime', false, false, (P, I) => [
    'pub const access_key_id = "' + I[0] + '";', `pub const secret_access_key = ${q(P).join(' ++ ')};`]],
  ['apps/ledger_sync/src/ls_aws.erl', 'Erlang adjacent literals', false, false, (P, I) => [
    '-module(ls_aws).', '-export([config/0]).', '', 'config() ->', `    #{access_key_id => "${I[0]}",`, `      secret_access_key => ${q(P).join(' ')}}.`]],
  ['terraform/modules/exporter/main.tf', 'Terraform join("", [...])', false, false, (P, I, g) => [
    'provider "aws" {', `  region     = "${g.region()}"`, `  access_key = "${I[0]}"`, `  secret_key = join("", [${q(P).join(', ')}])`, '}']],
  ['charts/notifier/templates/secret.yaml', 'Helm printf with only literals', false, false, (P, I) => [
    'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "notifier.fullname" . }}-aws', 'stringData:', `  AWS_ACCESS_KEY_ID: ${I[0]}`,
    `  AWS_SECRET_ACCESS_KEY: {{ printf "${'%s'.repeat(P.length)}" ${q(P).join(' ')} | quote }}`]],
  ['cdk/lib/export-stack.ts', 'CDK Fn.join', false, false, (P, I) => [
    "import * as cdk from 'aws-cdk-lib';", "import * as lambda from 'aws-cdk-lib/aws-lambda';", '', 'export function exportEnv(): Record<string, string> {', '  return {',
    `    AWS_ACCESS_KEY_ID: '${I[0]}',`, `    AWS_SECRET_ACCESS_KEY: cdk.Fn.join('', [${q(P, "'").join(', ')}]),`, '  };', '}']],
  ['pulumi/Pulumi.yaml', 'Pulumi YAML fn::join', false, false, (P, I) => [
    'name: geo-export', 'runtime: yaml', 'resources:', '  exporter:', '    type: aws:lambda:Function', '    properties:', '      environment:', '        variables:',
    `          AWS_KEY_ID: ${I[0]}`, '          AWS_KEY_SECRET:', '            fn::join:', '              - ""', `              - [${q(P).join(', ')}]`]],
  ['cloudformation/legacy-uploader.yaml', 'CloudFormation !Join', false, false, (P, I) => [
    'Resources:', '  Uploader:', '    Type: AWS::Lambda::Function', '    Properties:', '      Environment:', '        Variables:',
    `          UPLOAD_KEY_ID: ${I[0]}`, '          UPLOAD_KEY_SECRET: !Join', "            - ''", `            - [${q(P, "'").join(', ')}]`]],
  ['ansible/group_vars/exporters.yml', "Ansible Jinja '~' in a folded scalar", false, false, (P, I) => [
    '---', `exporter_aws_access_key: ${I[0]}`, 'exporter_aws_secret_key: >-', `  {{ ${q(P, "'").join(' ~ ')} }}`]],
  ['notebooks/etl/setup_env.py', 'Python implicit concatenation in parentheses', false, true, (P, I) => [
    'import os', '', `os.environ["AWS_ACCESS_KEY_ID"] = ${q(I).join(' ')}`, 'os.environ["AWS_SECRET_ACCESS_KEY"] = (', ...P.map((p) => `    "${p}"`), ')']],
  ['src/Tiles.Worker/AwsDefaults.cs', 'C# string.Join over lines', true, false, (P, I) => [
    'namespace Tiles.Worker;', '', 'internal static class AwsDefaults', '{', `    public const string AccessKeyId = "${I[0]}";`, '    public static readonly string SecretAccessKey = string.Join(string.Empty, new[] {',
    ...P.map((p, k) => `        "${p}"${k < P.length - 1 ? ',' : ''}`), '    });', '}']],
  ['cmd/archiver/creds.go', 'Go + with the key ID cut after AKIA', false, true, (P, I) => [
    'package main', '', 'var (', `\tawsKeyID  = ${q(I).join(' + ')}`, `\tawsSecret = ${q(P).join(' + ')}`, ')']],
];

export const templates = [
  {
    count: FORMS.length,
    make(g, i) {
      const [path, form, crlf, splitsId, render] = FORMS[i];
      const id = g.keyId(), sec = g.secret();
      const P = g.cut(sec);
      const I = splitsId ? (i % 2 ? [id.slice(0, 4), id.slice(4)] : g.cut(id, 2)) : [id];
      const d = g.doc(path, crlf);
      const lines = render(P, I, g);
      d.add(lines.join('\n'));
      const find = (s) => { const n = lines.findIndex((l) => l.includes(s)); if (n < 0) throw new Error(`${path}: ${s} not written`); return n + 1; };
      const line = (p) => { const a = lines.findIndex((l) => l.includes(`"${p}"`) || l.includes(`'${p}'`) || l.includes(`[${p} `) || l.includes(`(${p} `)); if (a < 0) throw new Error(`${path}: piece not written`); return a + 1; };
      if (splitsId) d.label(line(I[0]), 'access-key-id', id, C, form, I[0]);
      else d.label(find(id), 'access-key-id', id, 'plain', `literal key ID beside a split secret (${form})`);
      d.label(line(P[0]), 'secret-access-key', sec, C, form, P[0]);
    },
  },
];
