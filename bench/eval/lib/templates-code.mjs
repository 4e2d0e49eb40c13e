// Source code: Python (boto3), JavaScript / TypeScript (SDK v2 and v3), Java, Go, Ruby, PHP,
// C#, shell scripts.
import { bucket, project, SERVICES } from './words.mjs';

const repo = (ctx) => `repos/${project(ctx.rng)}`;

export const codeTemplates = [
  {
    name: 'python-boto3-client',
    n: 10,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const svc = ctx.pick(SERVICES);
      const style = ctx.int(0, 3);
      const q = ctx.pick(["'", '"']);
      const L = ['import boto3', 'import json', ''];
      if (style === 0) {
        L.push(`${svc} = boto3.client(`, `    ${q}${svc}${q},`, `    region_name=${q}${ctx.region()}${q},`, `    aws_access_key_id=${q}${c.id}${q},`, `    aws_secret_access_key=${q}${c.secret}${q},`);
        if (c.token) L.push(`    aws_session_token=${q}${c.token}${q},`);
        L.push(')');
      } else if (style === 1) {
        // generic variable names, several lines apart
        L.push(`ACCESS_KEY = ${q}${c.id}${q}`, `BUCKET = ${q}${bucket(ctx.rng)}${q}`, `REGION = ${q}${ctx.region()}${q}`, `SECRET = ${q}${c.secret}${q}`);
        if (c.token) L.push(`TOKEN = ${q}${c.token}${q}`);
        L.push('', 'session = boto3.Session(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET' + (c.token ? ', aws_session_token=TOKEN)' : ')'), `s3 = session.resource(${q}s3${q})`);
      } else if (style === 2) {
        L.push('AWS_CONFIG = {', `    ${q}aws_access_key_id${q}: ${q}${c.id}${q},`, `    ${q}aws_secret_access_key${q}: ${q}${c.secret}${q},`);
        if (c.token) L.push(`    ${q}aws_session_token${q}: ${q}${c.token}${q},`);
        L.push(`    ${q}region_name${q}: ${q}${ctx.region()}${q},`, '}', '', `client = boto3.client(${q}${svc}${q}, **AWS_CONFIG)`);
      } else {
        L.push('class Settings:', `    aws_key = ${q}${c.id}${q}`, `    aws_secret = ${q}${c.secret}${q}`);
        if (c.token) L.push(`    aws_token = ${q}${c.token}${q}`);
        L.push(`    bucket = ${q}${bucket(ctx.rng)}${q}`, '', 'def get_client():', `    return boto3.client("s3", aws_access_key_id=Settings.aws_key, aws_secret_access_key=Settings.aws_secret)`);
      }
      L.push('', 'def handler(event, context):', '    return {"statusCode": 200}', '');
      return { path: `${repo(ctx)}/${ctx.pick(['app.py', 'upload.py', 'settings.py', 'scripts/sync_s3.py', 'src/aws_utils.py', 'lambda_function.py'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'js-sdk-v2',
    n: 7,
    fn(ctx) {
      const c = ctx.pair();
      const q = ctx.pick(["'", '"', '`']);
      const style = ctx.int(0, 2);
      const L = ["const AWS = require('aws-sdk');", ''];
      if (style === 0) L.push('const s3 = new AWS.S3({', `  accessKeyId: ${q}${c.id}${q},`, `  secretAccessKey: ${q}${c.secret}${q},`, `  region: '${ctx.region()}',`, '});');
      else if (style === 1) L.push('AWS.config.update({', `  accessKeyId: ${q}${c.id}${q},`, `  secretAccessKey: ${q}${c.secret}${q},`, '});', 'const sqs = new AWS.SQS();');
      else L.push(`AWS.config.credentials = new AWS.Credentials(${q}${c.id}${q}, ${q}${c.secret}${q});`);
      L.push('', 'module.exports = async function upload(key, body) {', `  return s3.putObject({ Bucket: '${bucket(ctx.rng)}', Key: key, Body: body }).promise();`, '};', '');
      return { path: `${repo(ctx)}/${ctx.pick(['index.js', 'lib/s3.js', 'src/upload.js', 'server.js', 'config/aws.js'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'ts-sdk-v3',
    n: 7,
    fn(ctx) {
      const c = ctx.creds(0.25);
      const L = ["import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';", '', 'export const client = new S3Client({', `  region: '${ctx.region()}',`, '  credentials: {',
        `    accessKeyId: '${c.id}',`, `    secretAccessKey: '${c.secret}',`];
      if (c.token) L.push(`    sessionToken: '${c.token}',`);
      L.push('  },', '});', '', 'export async function put(key: string, body: string): Promise<void> {', `  await client.send(new PutObjectCommand({ Bucket: '${bucket(ctx.rng)}', Key: key, Body: body }));`, '}', '');
      return { path: `${repo(ctx)}/${ctx.pick(['src/s3.ts', 'src/lib/storage.ts', 'app/aws.ts', 'src/config.ts'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'java-basic-credentials',
    n: 6,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const pkg = `com.${ctx.pick(['acme', 'globex', 'initech'])}.${ctx.pick(['storage', 'aws', 'util'])}`;
      const L = [`package ${pkg};`, '', 'import com.amazonaws.auth.AWSStaticCredentialsProvider;'];
      if (c.token) {
        L.push('import com.amazonaws.auth.BasicSessionCredentials;', '', 'public class S3Factory {', '    public static AmazonS3 create() {',
          '        BasicSessionCredentials creds = new BasicSessionCredentials(', `            "${c.id}",`, `            "${c.secret}",`, `            "${c.token}");`);
      } else if (ctx.chance(0.5)) {
        L.push('import com.amazonaws.auth.BasicAWSCredentials;', '', 'public class S3Factory {', `    private static final String ACCESS_KEY = "${c.id}";`, `    private static final String SECRET_KEY = "${c.secret}";`, '',
          '    public static AmazonS3 create() {', '        BasicAWSCredentials creds = new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY);');
      } else {
        L.push('import com.amazonaws.auth.BasicAWSCredentials;', '', 'public class S3Factory {', '    public static AmazonS3 create() {',
          `        BasicAWSCredentials creds = new BasicAWSCredentials("${c.id}", "${c.secret}");`);
      }
      L.push('        return AmazonS3ClientBuilder.standard()', '            .withCredentials(new AWSStaticCredentialsProvider(creds))', `            .withRegion("${ctx.region()}").build();`, '    }', '}', '');
      return { path: `${repo(ctx)}/src/main/java/${pkg.replace(/\./g, '/')}/S3Factory.java`, text: L.join('\n') };
    },
  },
  {
    name: 'go-static-credentials',
    n: 5,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const L = ['package storage', '', 'import (', '\t"github.com/aws/aws-sdk-go/aws"', '\t"github.com/aws/aws-sdk-go/aws/credentials"', '\t"github.com/aws/aws-sdk-go/aws/session"', ')', ''];
      if (ctx.chance(0.5)) {
        L.push('const (', `\tawsKeyID     = "${c.id}"`, `\tawsSecretKey = "${c.secret}"`, `\tawsToken     = "${c.token || ''}"`, ')', '', 'func NewSession() *session.Session {',
          '\tcreds := credentials.NewStaticCredentials(awsKeyID, awsSecretKey, awsToken)');
      } else {
        L.push('func NewSession() *session.Session {', `\tcreds := credentials.NewStaticCredentials("${c.id}", "${c.secret}", "${c.token || ''}")`);
      }
      L.push(`\treturn session.Must(session.NewSession(&aws.Config{Region: aws.String("${ctx.region()}"), Credentials: creds}))`, '}', '');
      return { path: `${repo(ctx)}/${ctx.pick(['internal/storage/s3.go', 'pkg/aws/session.go', 'main.go'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'ruby',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const L = ctx.chance(0.5)
        ? ["require 'aws-sdk-s3'", '', 'Aws.config.update(', `  region: '${ctx.region()}',`, `  credentials: Aws::Credentials.new('${c.id}', '${c.secret}')`, ')', '', `BUCKET = '${bucket(ctx.rng)}'`, '']
        : ['# config/initializers/aws.rb', 'Aws.config.update({', `  access_key_id: "${c.id}",`, `  secret_access_key: "${c.secret}",`, `  region: "${ctx.region()}"`, '})', ''];
      return { path: `${repo(ctx)}/${ctx.pick(['config/initializers/aws.rb', 'lib/uploader.rb', 'app/services/s3_service.rb'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'php',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const L = ctx.chance(0.5)
        ? ['<?php', 'require \'vendor/autoload.php\';', 'use Aws\\S3\\S3Client;', '', '$s3 = new S3Client([', "    'version' => 'latest',", `    'region'  => '${ctx.region()}',`,
            "    'credentials' => [", `        'key'    => '${c.id}',`, `        'secret' => '${c.secret}',`, '    ],', ']);', '']
        : ['<?php', '', 'return [', "    's3' => [", "        'driver' => 's3',", `        'key' => env('AWS_ACCESS_KEY_ID', '${c.id}'),`, `        'secret' => env('AWS_SECRET_ACCESS_KEY', '${c.secret}'),`,
            `        'region' => '${ctx.region()}',`, `        'bucket' => '${bucket(ctx.rng)}',`, '    ],', '];', ''];
      return { path: `${repo(ctx)}/${ctx.pick(['config/filesystems.php', 'upload.php', 'src/Storage.php'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'csharp',
    n: 5,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const L = ['using Amazon;', 'using Amazon.Runtime;', 'using Amazon.S3;', '', 'public static class StorageFactory', '{', '    public static IAmazonS3 Create()', '    {'];
      if (c.token) L.push(`        var creds = new SessionAWSCredentials("${c.id}", "${c.secret}", "${c.token}");`);
      else if (ctx.chance(0.5)) L.push(`        var creds = new BasicAWSCredentials("${c.id}", "${c.secret}");`);
      else L.push(`        const string accessKey = "${c.id}";`, '        // secret from the ops vault, temporary', `        const string secretKey = "${c.secret}";`, '        var creds = new BasicAWSCredentials(accessKey, secretKey);');
      L.push(`        return new AmazonS3Client(creds, RegionEndpoint.${ctx.pick(['USEast1', 'EUWest1', 'USWest2'])});`, '    }', '}', '');
      return { path: `${repo(ctx)}/${ctx.pick(['src/StorageFactory.cs', 'Services/AwsClient.cs'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'shell-export',
    n: 8,
    fn(ctx) {
      const c = ctx.creds(0.3);
      const q = ctx.pick(['', '"', "'"]);
      const L = ['#!/usr/bin/env bash', 'set -euo pipefail', ''];
      if (ctx.chance(0.7)) {
        L.push(`export AWS_ACCESS_KEY_ID=${q}${c.id}${q}`, `export AWS_SECRET_ACCESS_KEY=${q}${c.secret}${q}`);
        if (c.token) L.push(`export AWS_SESSION_TOKEN=${q}${c.token}${q}`);
        L.push(`export AWS_DEFAULT_REGION=${ctx.region()}`, '', `aws s3 sync ./build s3://${bucket(ctx.rng)}/ --delete`);
      } else {
        L.push(`aws configure set aws_access_key_id ${c.id} --profile ${ctx.pick(['ci', 'deploy'])}`, `aws configure set aws_secret_access_key ${c.secret} --profile ci`);
        if (c.token) L.push(`aws configure set aws_session_token ${c.token} --profile ci`);
        L.push('aws sts get-caller-identity --profile ci');
      }
      L.push('echo done', '');
      return { path: `${repo(ctx)}/${ctx.pick(['deploy.sh', 'scripts/backup.sh', 'bin/sync-assets', 'ci/setup.sh', 'run.sh'])}`, text: L.join('\n') };
    },
  },
];
