// Ordinary plain leaks, in contexts chosen for this corpus.

const P = 'plain';

export const templates = [
  {
    name: 'plain leaks', count: 24,
    make(g, i) {
      const id = g.keyId(i === 4 || i === 11 ? 'ASIA' : 'AKIA'); const secret = g.secret();
      const token = i === 4 || i === 11 ? g.token() : null;
      const app = g.app();
      const L = (line, kind, v, form) => d.label(line, kind, v, P, form, v);
      let d, a, b, c, form;
      switch (i) {
        case 0:
          d = g.doc('packer/ami-base.pkr.json');
          d.add('{', '  "builders": [{', '    "type": "amazon-ebs",', `    "region": "${g.region()}",`);
          a = d.add(`    "access_key": "${id}",`); b = d.add(`    "secret_key": "${secret}",`);
          d.add('    "instance_type": "t3.micro",', `    "ami_name": "${app}-{{timestamp}}"`, '  }]', '}');
          form = 'Packer builder JSON'; break;
        case 1:
          d = g.doc('serverless.yml');
          d.add(`service: ${app}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', '  environment:');
          a = d.add(`    UPLOAD_KEY_ID: ${id}`); b = d.add(`    UPLOAD_SECRET: ${secret}`);
          d.add('functions:', '  resize:', '    handler: handler.resize');
          form = 'serverless.yml provider environment'; break;
        case 2:
          d = g.doc('src/main/resources/application-prod.properties', g.chance(0.5));
          d.add('server.port=8443', `spring.datasource.url=jdbc:postgresql://db:5432/${app}`);
          a = d.add(`aws.s3.accessKeyId=${id}`); b = d.add(`aws.s3.secretKey=${secret}`);
          d.add(`aws.s3.bucket=${g.bucket()}`);
          form = 'Spring properties'; break;
        case 3:
          d = g.doc('cmd/uploader/main.go');
          d.add('package main', '', 'import (', '\t"context"', '\t"github.com/aws/aws-sdk-go/aws/credentials"', ')', '', 'func creds() *credentials.Credentials {');
          a = d.add(`\treturn credentials.NewStaticCredentials("${id}", "${secret}", "")`); b = a;
          d.add('}');
          form = 'Go aws-sdk-go v1 NewStaticCredentials'; break;
        case 4:
          d = g.doc('home/.aws/credentials');
          d.add('[default]', `aws_access_key_id = ${g.keyId()}`.replace(/=.*/, '= ${PLACEHOLDER_SET_BY_SSO}'), '', `[${app}-temp]`);
          a = d.add(`aws_access_key_id = ${id}`); b = d.add(`aws_secret_access_key = ${secret}`); c = d.add(`aws_session_token = ${token}`);
          form = 'credentials file with a session token'; break;
        case 5:
          d = g.doc('rclone/rclone.conf');
          d.add('[gdrive]', 'type = drive', `token = {"access_token":"ya29.${g.alnum(60)}","expiry":"${g.ts()}"}`, '', '[s3-archive]', 'type = s3', 'provider = AWS');
          a = d.add(`access_key_id = ${id}`); b = d.add(`secret_access_key = ${secret}`);
          d.add(`region = ${g.region()}`);
          form = 'rclone.conf'; break;
        case 6:
          d = g.doc('src/jobs/export_job.rb');
          d.add('class ExportJob < ApplicationJob', '  def s3', '    @s3 ||= Aws::S3::Client.new(');
          a = d.add(`      access_key_id: '${id}',`); b = d.add(`      secret_access_key: '${secret}',`);
          d.add(`      region: '${g.region()}'`, '    )', '  end', 'end');
          form = 'Ruby Aws::S3::Client.new'; break;
        case 7:
          d = g.doc('terraform/providers.tf');
          d.add('terraform {', '  required_providers {', '    aws = { source = "hashicorp/aws", version = "~> 5.0" }', '  }', '}', '', 'provider "aws" {', `  region     = "${g.region()}"`);
          a = d.add(`  access_key = "${id}"`); b = d.add(`  secret_key = "${secret}"`);
          d.add('}');
          form = 'Terraform provider block'; break;
        case 8:
          d = g.doc('.env.production');
          d.add(`APP_NAME=${app}`, 'APP_ENV=production', `APP_KEY=base64:${g.b64(43)}=`, '', 'FILESYSTEM_DISK=s3');
          a = d.add(`AWS_ACCESS_KEY_ID=${id}`); b = d.add(`AWS_SECRET_ACCESS_KEY="${secret}"`);
          d.add(`AWS_DEFAULT_REGION=${g.region()}`, `AWS_BUCKET=${g.bucket()}`);
          form = '.env file'; break;
        case 9:
          d = g.doc('lambda/thumbnailer/handler.py');
          d.add('import boto3', '', 's3 = boto3.client(', '    "s3",');
          a = d.add(`    aws_access_key_id="${id}",`); b = d.add(`    aws_secret_access_key="${secret}",`);
          d.add(')', '', 'def handler(event, context):', '    return {"ok": True}');
          form = 'boto3.client keyword arguments'; break;
        case 10:
          d = g.doc('README.ops.md');
          d.add('# Ops notes', '', 'Temporary debug creds for the staging bucket (delete after the migration):', '');
          a = d.add(`* key: \`${id}\``); b = d.add(`* secret: \`${secret}\``);
          form = 'Markdown notes'; break;
        case 11:
          d = g.doc('logs/assume-role-output.json');
          d.add('{', '    "Credentials": {');
          a = d.add(`        "AccessKeyId": "${id}",`); b = d.add(`        "SecretAccessKey": "${secret}",`); c = d.add(`        "SessionToken": "${token}",`);
          d.add(`        "Expiration": "${g.ts()}"`, '    },', '    "AssumedRoleUser": {', `        "Arn": "arn:aws:sts::${g.acct()}:assumed-role/${app}/ci"`, '    }', '}');
          form = 'sts assume-role output'; break;
        case 12:
          d = g.doc('web/src/aws-config.ts');
          d.add("import { S3Client } from '@aws-sdk/client-s3';", '', 'export const s3 = new S3Client({', `  region: '${g.region()}',`, '  credentials: {');
          a = d.add(`    accessKeyId: '${id}',`); b = d.add(`    secretAccessKey: '${secret}',`);
          d.add('  },', '});');
          form = 'TypeScript S3Client credentials'; break;
        case 13:
          d = g.doc('src/Infra/S3Factory.cs', g.chance(0.5));
          d.add('using Amazon.S3;', 'using Amazon.Runtime;', '', 'public static class S3Factory', '{');
          a = d.add(`    public static IAmazonS3 Create() => new AmazonS3Client(new BasicAWSCredentials("${id}", "${secret}"), Amazon.RegionEndpoint.${g.pick(['USEast1', 'EUWest1'])});`); b = a;
          d.add('}');
          form = 'C# BasicAWSCredentials'; break;
        case 14:
          d = g.doc('ansible/roles/backup/defaults/main.yml');
          d.add('---', 'backup_schedule: "0 3 * * *"', `backup_bucket: ${g.bucket()}`);
          a = d.add(`backup_aws_access_key: "${id}"`); b = d.add(`backup_aws_secret_key: "${secret}"`);
          form = 'Ansible role defaults'; break;
        case 16:
          d = g.doc('.github/workflows/release.yml');
          d.add('name: release', 'on:', '  push:', '    tags: ["v*"]', 'jobs:', '  publish:', '    runs-on: ubuntu-latest', '    env:');
          a = d.add(`      AWS_ACCESS_KEY_ID: ${id}`); b = d.add(`      AWS_SECRET_ACCESS_KEY: ${secret}`);
          d.add('    steps:', '      - uses: actions/checkout@v4', `      - run: aws s3 cp dist/ s3://${g.bucket()}/releases/ --recursive`);
          form = 'GitHub Actions job env'; break;
        case 17:
          d = g.doc('notebooks/explore-logs.ipynb');
          d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 3,', '   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import boto3\\n",');
          a = d.add(`    "session = boto3.Session(aws_access_key_id=\\"${id}\\",\\n",`); b = d.add(`    "                        aws_secret_access_key=\\"${secret}\\")\\n",`);
          d.add(`    "s3 = session.client(\\"s3\\")"`, '   ]', '  }', ' ],', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
          form = 'Jupyter notebook source (JSON-escaped quotes)'; break;
        case 18:
          d = g.doc('scripts/Set-DevEnv.ps1', true);
          d.add('# dot-source me: . .\\scripts\\Set-DevEnv.ps1', `$env:AWS_DEFAULT_REGION = "${g.region()}"`);
          a = d.add(`$env:AWS_ACCESS_KEY_ID = "${id}"`); b = d.add(`$env:AWS_SECRET_ACCESS_KEY = "${secret}"`);
          d.add('Write-Host "AWS env set"');
          form = 'PowerShell $env: assignments'; break;
        case 19:
          d = g.doc('cfn/lambda-ingest.yaml');
          d.add('AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  IngestFunction:', '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler', '      Environment:', '        Variables:');
          a = d.add(`          PARTNER_AWS_KEY_ID: ${id}`); b = d.add(`          PARTNER_AWS_SECRET_KEY: ${secret}`);
          d.add(`          TARGET_BUCKET: ${g.bucket()}`);
          form = 'CloudFormation Lambda environment'; break;
        case 20:
          d = g.doc('Jenkinsfile');
          d.add('pipeline {', '  agent any', '  stages {', "    stage('Publish') {", '      steps {');
          a = d.add(`        withEnv(['AWS_ACCESS_KEY_ID=${id}',`); b = d.add(`                 'AWS_SECRET_ACCESS_KEY=${secret}']) {`);
          d.add(`          sh 'aws s3 sync build/ s3://${g.bucket()}/'`, '        }', '      }', '    }', '  }', '}');
          form = 'Jenkinsfile withEnv'; break;
        case 21:
          d = g.doc('.travis.yml');
          d.add('language: node_js', 'node_js: "20"', 'deploy:', '  provider: s3');
          a = d.add(`  access_key_id: ${id}`); b = d.add(`  secret_access_key: "${secret}"`);
          d.add(`  bucket: ${g.bucket()}`, '  skip_cleanup: true', '  local_dir: dist');
          form = 'Travis CI s3 deploy'; break;
        case 22:
          d = g.doc('Makefile');
          d.add(`BUCKET ?= ${g.bucket()}`);
          a = d.add(`AWS_ACCESS_KEY_ID ?= ${id}`); b = d.add(`AWS_SECRET_ACCESS_KEY ?= ${secret}`);
          d.add('export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY', '', 'publish:', '\taws s3 sync public/ s3://$(BUCKET)/');
          form = 'Makefile variables'; break;
        case 23:
          d = g.doc('crates/uploader/src/creds.rs');
          d.add('use aws_credential_types::Credentials;', '', 'pub fn static_creds() -> Credentials {');
          a = d.add(`    Credentials::new("${id}", "${secret}", None, None, "static")`); b = a;
          d.add('}');
          form = 'Rust Credentials::new'; break;
        default:
          d = g.doc('scripts/s3cmd.cfg');
          d.add('[default]');
          a = d.add(`access_key = ${id}`);
          d.add('bucket_location = US', 'check_ssl_certificate = True', 'host_base = s3.amazonaws.com');
          b = d.add(`secret_key = ${secret}`);
          d.add('use_https = True');
          form = '.s3cfg'; break;
      }
      L(a, 'access-key-id', id, form);
      L(b, 'secret-access-key', secret, form);
      if (token) L(c, 'session-token', token, form);
    },
  },
];
