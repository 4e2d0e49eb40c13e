// Plain leaks, the control class: keys written as is beside their names, in the files where they
// are most often committed or pasted.
const P = 'plain';
const ID = 'access-key-id', SK = 'secret-access-key', TK = 'session-token';

function files(g, i) {
  const id = g.keyId(), sec = g.secret();
  const pair = (d, idLine, secLine, form) => { d.put(idLine, ID, id, P, form); d.put(secLine, SK, sec, P, form); };
  switch (i) {
    case 0: {
      const d = g.doc('.aws/credentials');
      d.add('[default]');
      pair(d, `aws_access_key_id = ${id}`, `aws_secret_access_key = ${sec}`, 'shared credentials file');
      const tid = g.keyId('ASIA'), ts = g.secret(), tok = g.token();
      d.add('', `[${g.app()}-mfa]`);
      d.put(`aws_access_key_id = ${tid}`, ID, tid, P, 'shared credentials file');
      d.put(`aws_secret_access_key = ${ts}`, SK, ts, P, 'shared credentials file');
      d.put(`aws_session_token = ${tok}`, TK, tok, P, 'shared credentials file');
      return;
    }
    case 1: {
      const d = g.doc('.env');
      d.add('PORT=3000', `DATABASE_URL=postgres://postgres:postgres@localhost:5432/${g.app().replace(/-/g, '_')}`, `REDIS_URL=redis://localhost:6379`);
      pair(d, `AWS_ACCESS_KEY_ID=${id}`, `AWS_SECRET_ACCESS_KEY=${sec}`, '.env');
      d.add(`AWS_REGION=${g.region()}`, `S3_BUCKET=${g.bucket()}`);
      return;
    }
    case 2: {
      const d = g.doc('.github/workflows/deploy.yml');
      d.add('name: deploy', 'on:', '  push:', '    branches: [main]', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    env:');
      pair(d, `      AWS_ACCESS_KEY_ID: ${id}`, `      AWS_SECRET_ACCESS_KEY: ${sec}`, 'GitHub Actions env');
      d.add('    steps:', '      - uses: actions/checkout@v4', `      - run: aws s3 sync ./public s3://${g.bucket()}`);
      return;
    }
    case 3: {
      const d = g.doc(`notebooks/${g.pick(['EDA', 'churn_model', 'sales-report'])}.ipynb`);
      d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 3,', '   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import boto3\\n",', '    "\\n",', '    "s3 = boto3.client(\\n",', '    "    \\"s3\\",\\n",');
      pair(d, `    "    aws_access_key_id=\\"${id}\\",\\n",`, `    "    aws_secret_access_key=\\"${sec}\\",\\n",`, 'Jupyter notebook source');
      d.add('    ")"', '   ]', '  }', ' ],', ' "metadata": {', '  "kernelspec": {', '   "display_name": "Python 3",', '   "language": "python",', '   "name": "python3"', '  }', ' },', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
      return;
    }
    case 4: {
      const d = g.doc('home/.bash_history');
      d.add('ls -la', 'cd ~/projects', 'git pull');
      d.put(`export AWS_ACCESS_KEY_ID=${id}`, ID, id, P, 'shell history');
      d.put(`export AWS_SECRET_ACCESS_KEY=${sec}`, SK, sec, P, 'shell history');
      d.add('aws s3 ls', `aws s3 cp dump.sql.gz s3://${g.bucket()}/`, 'history | tail');
      return;
    }
    case 5: {
      const d = g.doc('docs/INSTALL.md');
      d.add('## Configure AWS', '', '```', '$ aws configure');
      pair(d, `AWS Access Key ID [None]: ${id}`, `AWS Secret Access Key [None]: ${sec}`, 'aws configure transcript');
      d.add(`Default region name [None]: ${g.region()}`, 'Default output format [None]: json', '```');
      return;
    }
    case 6: {
      const tid = g.keyId('ASIA'), ts = g.secret(), tok = g.token();
      const d = g.doc(`debug/assume-role-${g.date()}.json`);
      d.add('{', '    "Credentials": {');
      d.put(`        "AccessKeyId": "${tid}",`, ID, tid, P, 'sts assume-role output');
      d.put(`        "SecretAccessKey": "${ts}",`, SK, ts, P, 'sts assume-role output');
      d.put(`        "SessionToken": "${tok}",`, TK, tok, P, 'sts assume-role output');
      d.add(`        "Expiration": "${g.date()}T${g.time()}+00:00"`, '    },', '    "AssumedRoleUser": {', `        "AssumedRoleId": "AROA${g.upper(17)}:ci",`, `        "Arn": "arn:aws:sts::${g.acct()}:assumed-role/deploy/ci"`, '    }', '}');
      g.used.add(id); g.used.add(sec);
      return;
    }
    case 7: {
      const d = g.doc('rclone.conf');
      d.add(`[${g.app()}]`, 'type = s3', 'provider = AWS', 'env_auth = false');
      pair(d, `access_key_id = ${id}`, `secret_access_key = ${sec}`, 'rclone.conf');
      d.add(`region = ${g.region()}`, 'acl = private');
      return;
    }
    case 8: {
      const d = g.doc('.s3cfg');
      d.add('[default]');
      pair(d, `access_key = ${id}`, `secret_key = ${sec}`, '.s3cfg');
      d.add('bucket_location = US', 'host_base = s3.amazonaws.com', 'host_bucket = %(bucket)s.s3.amazonaws.com', 'use_https = True');
      return;
    }
    case 9: {
      const d = g.doc('serverless.yml');
      d.add(`service: ${g.app()}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', `  region: ${g.region()}`, '  environment:');
      pair(d, `    S3_ACCESS_KEY_ID: ${id}`, `    S3_SECRET_ACCESS_KEY: ${sec}`, 'serverless.yml');
      d.add('functions:', '  hello:', '    handler: handler.hello');
      return;
    }
    case 10: {
      const d = g.doc(`ci-logs/build-${g.int(1000, 9999)}.log`);
      const t = () => `${g.date()}T${g.time()}.${g.int(1000000, 9999999)}Z`;
      d.add(`${t()} ##[group]Run env | sort`, `${t()} env | sort`, `${t()} shell: /usr/bin/bash -e {0}`, `${t()} ##[endgroup]`, `${t()} AGENT_TOOLSDIRECTORY=/opt/hostedtoolcache`);
      pair(d, `${t()} AWS_ACCESS_KEY_ID=${id}`, `${t()} AWS_SECRET_ACCESS_KEY=${sec}`, 'CI log env dump');
      d.add(`${t()} CI=true`, `${t()} HOME=/home/runner`);
      return;
    }
    case 11: {
      const d = g.doc(`src/main/java/com/${g.org()}/AwsClient.java`);
      d.add('public class AwsClient {');
      const n = d.add(`    private final BasicAWSCredentials creds = new BasicAWSCredentials("${id}", "${sec}");`);
      d.label(n, ID, id, P, 'BasicAWSCredentials one line').label(n, SK, sec, P, 'BasicAWSCredentials one line');
      d.add('}');
      return;
    }
    case 12: {
      const d = g.doc('main.tf');
      d.add('provider "aws" {', `  region     = "${g.region()}"`);
      pair(d, `  access_key = "${id}"`, `  secret_key = "${sec}"`, 'Terraform provider');
      d.add('}');
      return;
    }
    case 13: {
      const d = g.doc(`scripts/${g.pick(['resize', 'cleanup', 'report'])}.py`);
      d.add('import boto3', '');
      const n = d.add(`s3 = boto3.resource("s3", aws_access_key_id="${id}", aws_secret_access_key="${sec}")`);
      d.label(n, ID, id, P, 'boto3 one line').label(n, SK, sec, P, 'boto3 one line');
      d.add(`for obj in s3.Bucket("${g.bucket()}").objects.all():`, '    print(obj.key)');
      return;
    }
    case 14: {
      const d = g.doc(`jenkins/console-${g.int(100, 999)}.txt`);
      d.add('Started by user admin', 'Running in Durability level: MAX_SURVIVABILITY', '[Pipeline] sh');
      pair(d, `+ export AWS_ACCESS_KEY_ID=${id}`, `+ export AWS_SECRET_ACCESS_KEY=${sec}`, 'Jenkins console set -x');
      d.add(`+ aws s3 cp target/app.war s3://${g.bucket()}/`, 'Finished: SUCCESS');
      return;
    }
    default: {
      const d = g.doc(`iam/create-access-key-${g.user()}.json`);
      d.add('{', '    "AccessKey": {', `        "UserName": "${g.user()}",`);
      pair(d, `        "AccessKeyId": "${id}",`, `        "SecretAccessKey": "${sec}",`, 'iam create-access-key output');
      d.add('        "Status": "Active",', `        "CreateDate": "${g.date()}T${g.time()}+00:00"`, '    }', '}');
    }
  }
}

export const templates = [{ name: 'plain leaks', count: 16, make: files }];
