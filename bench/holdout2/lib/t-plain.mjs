// Ordinary plain leaks in contexts the other corpora do not have, so this corpus also shows whether
// anything that used to be found is lost.
const P = 'plain';

export const templates = [
  {
    name: 'jupyter-outputs', count: 5,
    make(g, i) {
      const d = g.file(`notebooks/${g.person().split(' ')[0].toLowerCase()}/explore-${g.app()}-${i}.ipynb`);
      const asia = i === 2;
      const id = g.keyId(asia ? 'ASIA' : 'AKIA'); const secret = g.secret(); const token = asia ? g.sessionToken() : null;
      d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 3,', '   "metadata": {},', '   "outputs": [', '    {', '     "name": "stdout",',
        '     "output_type": "stream",', '     "text": [');
      d.add(`      "[${asia ? 'sts' : 'default'}]\\n",`);
      d.label(d.add(`      "aws_access_key_id = ${id}\\n",`), 'access-key-id', id, P, 'plain (Jupyter stream output)');
      d.label(d.add(`      "aws_secret_access_key = ${secret}${token ? '\\n",' : '\\n"'}`), 'secret-access-key', secret, P, 'plain (Jupyter stream output)');
      if (token) d.label(d.add(`      "aws_session_token = ${token}\\n"`), 'session-token', token, P, 'plain (Jupyter stream output)');
      d.add('     ]', '    }', '   ],', '   "source": [', '    "!cat ~/.aws/credentials"', '   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 4,',
        '   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import boto3\\n",', `    "s3 = boto3.client(\\"s3\\", region_name=\\"${g.region()}\\")"`, '   ]', '  }', ' ],',
        ' "metadata": { "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" } },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
    },
  },
  {
    name: 'sdk-code-plain', count: 8,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const v = i % 4;
      if (v === 0) {
        const d = g.file(`src/Acme.${g.app()}${i}/Program.cs`);
        d.add('using Amazon.S3;', 'using Amazon.Runtime;', '', 'var builder = WebApplication.CreateBuilder(args);');
        const l = d.add(`var creds = new BasicAWSCredentials("${id}", "${secret}");`);
        d.label(l, 'access-key-id', id, P, 'plain'); d.label(l, 'secret-access-key', secret, P, 'plain');
        d.add('builder.Services.AddSingleton<IAmazonS3>(new AmazonS3Client(creds, Amazon.RegionEndpoint.USEast1));', 'var app = builder.Build();', 'app.Run();');
      } else if (v === 1) {
        const d = g.file(`pkg/${g.app()}${i}/s3.go`);
        d.add(`package ${g.app()}`, '', 'import "github.com/aws/aws-sdk-go-v2/credentials"', '', 'func provider() credentials.StaticCredentialsProvider {');
        const l = d.add(`\treturn credentials.NewStaticCredentialsProvider("${id}", "${secret}", "")`);
        d.label(l, 'access-key-id', id, P, 'plain'); d.label(l, 'secret-access-key', secret, P, 'plain');
        d.add('}');
      } else if (v === 2) {
        const d = g.file(`src/test/java/com/acme/${g.app()}/S3IT${i}.java`);
        d.add(`package com.acme.${g.app()};`, '', 'class S3IT {', '  static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(');
        const l = d.add(`      AwsBasicCredentials.create("${id}", "${secret}"));`);
        d.label(l, 'access-key-id', id, P, 'plain'); d.label(l, 'secret-access-key', secret, P, 'plain');
        d.add('}');
      } else {
        const d = g.file(`lambda/${g.app()}-${i}/handler.py`);
        d.add('import boto3', '', 'session = boto3.Session(');
        d.label(d.add(`    aws_access_key_id="${id}",`), 'access-key-id', id, P, 'plain');
        d.label(d.add(`    aws_secret_access_key="${secret}",`), 'secret-access-key', secret, P, 'plain');
        d.add(')', '', 'def handler(event, context):', '    return session.client("s3").list_buckets()');
      }
    },
  },
  {
    name: 'compose-ansible-tf-cfn', count: 8,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const v = i % 4;
      if (v === 0) {
        const d = g.file(`docker-compose.${g.app()}-${i}.yml`);
        d.add('services:', `  ${g.app()}:`, `    image: ghcr.io/acme/${g.app()}:latest`, '    environment:');
        d.label(d.add(`      - AWS_ACCESS_KEY_ID=${id}`), 'access-key-id', id, P, 'plain');
        d.label(d.add(`      - AWS_SECRET_ACCESS_KEY=${secret}`), 'secret-access-key', secret, P, 'plain');
        d.add('    ports:', '      - "8080:8080"');
      } else if (v === 1) {
        const d = g.file(`ansible/roles/backup-${i}/defaults/main.yml`);
        d.add('---', 'backup_enabled: true');
        d.label(d.add(`backup_s3_access_key: "${id}"`), 'access-key-id', id, P, 'plain');
        d.label(d.add(`backup_s3_secret_key: "${secret}"`), 'secret-access-key', secret, P, 'plain');
        d.add(`backup_s3_bucket: ${g.bucket()}`);
      } else if (v === 2) {
        const d = g.file(`terraform/envs/${g.app()}-${i}/terraform.tfvars`);
        d.add(`region = "${g.region()}"`);
        d.label(d.add(`aws_access_key = "${id}"`), 'access-key-id', id, P, 'plain');
        d.label(d.add(`aws_secret_key = "${secret}"`), 'secret-access-key', secret, P, 'plain');
      } else {
        const d = g.file(`cloudformation/${g.app()}-${i}-lambda.yaml`);
        d.add("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  Fn:', '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler',
          '      Environment:', '        Variables:');
        d.label(d.add(`          UPLOAD_AWS_ACCESS_KEY_ID: ${id}`), 'access-key-id', id, P, 'plain');
        d.label(d.add(`          UPLOAD_AWS_SECRET_ACCESS_KEY: ${secret}`), 'secret-access-key', secret, P, 'plain');
      }
    },
  },
  {
    name: 'debug-log-plain', count: 3,
    make(g, i) {
      const d = g.file(`logs/${g.app()}-boto-debug-${i}.log`);
      const id = g.keyId(i === 1 ? 'ASIA' : 'AKIA'); const secret = g.secret();
      const ts = () => `${g.date()} ${g.time()},${g.r.range(100, 999)}`;
      d.add(`${ts()} botocore.hooks [DEBUG] Event choose-service-name: calling handler <function handle_service_name_alias>`);
      d.label(d.add(`${ts()} botocore.credentials [DEBUG] Using credentials: access_key=${id} secret_key=${secret}`), 'access-key-id', id, P, 'plain');
      d.label(d.lines.length, 'secret-access-key', secret, P, 'plain');
      d.add(`${ts()} botocore.endpoint [DEBUG] Sending http request: <AWSPreparedRequest stream_output=False, method=GET, url=https://${g.bucket()}.s3.amazonaws.com/?list-type=2>`);
    },
  },
];
