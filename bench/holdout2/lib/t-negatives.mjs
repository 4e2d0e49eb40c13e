// Hard negatives (issue 14): what sits next to keys in AWS-heavy files and is not an AWS credential.
// Each file lists its classes in negatives.json; the key IDs some of them hold are real positives.
import { B32 } from './core.mjs';

/** Another framework's 40-character secret: base64 characters with every letter class. */
function frameworkSecret(g) {
  for (;;) { const s = g.b64(40); if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s)) return s; }
}

/** A long base64 blob with an ID-shaped run (AKIA/ASIA + 16) inside, base64 characters on both sides. */
function blobWithKeyShapes(g, len) {
  let blob = g.b64(len);
  for (const pfx of ['AKIA', 'ASIA']) {
    const at = g.r.range(50, len - 80);
    const run = pfx + g.r.chars(B32, 16);
    blob = blob.slice(0, at) + g.r.pick(['x', 'q', '9', 'm', '+']) + run + g.r.pick(['b', 'z', '7', '/', 'k']) + blob.slice(at + run.length + 2);
  }
  return blob.slice(0, len - (len % 4)) ;
}

/** Words joined into exactly `n` characters of [A-Za-z0-9/], the way people write placeholders. */
function wordySecret(g) {
  const words = ['Your', 'Secret', 'Access', 'Key', 'Goes', 'Here', 'Replace', 'Me', 'With', 'Real', 'Value', 'Paste', 'Insert', 'Not', 'Do', 'Commit', 'This', 'Dummy', 'Fake', 'Own'];
  for (;;) {
    const slash = g.r.chance(0.3);
    let s = '';
    while (s.length < 36) s += (slash && s ? '/' : '') + (slash ? g.r.pick(words).toLowerCase() : g.r.pick(words));
    if (s.length > 40) continue;
    s += '1234'.slice(0, 40 - s.length);
    if (s.length === 40) return s;
  }
}
const WORDY_IDS = ['AKIAREPLACEWITHYOURS', 'AKIAPUTYOURKEYIDHERE', 'AKIANOTAREALKEYSORRY', 'AKIAYOURKEYGOESRIGHT', 'AKIAINSERTACCESSKEYS', 'AKIACHANGEMETOYOURID',
  'AKIADUMMYKEYFORLOCAL', 'AKIAENTERYOURKEYHERE', 'ASIATEMPORARYKEYHERE', 'ASIAYOURSESSIONKEYID'];

/** A Secrets Manager secret name of exactly 40 characters of [A-Za-z0-9/] (then AWS's '-' + 6 suffix). */
function smName(g) {
  const parts = ['AwsSecretAccessKey', 'DeployUser', 'CiRunner', 'Credentials', 'S3Uploader', 'IamUserKey', 'Rotated', 'Backup', 'Terraform', 'Github'];
  for (;;) {
    let s = `${g.r.pick(['prod', 'shared', 'ci', 'platform'])}/${g.app()}/`;
    while (s.length < 37) s += g.r.pick(parts);
    if (s.length > 38) continue;
    s += 'V2'.padEnd(40 - s.length, '3').slice(0, 40 - s.length);
    if (s.length === 40 && /\d/.test(s)) return s;
  }
}

function caisToken(g) {
  return 'CAIS' + g.r.pick(['8QF1q6Ft5B2yfSjIr5', '+AF1q6Ft5B2yfSjIr5', '9AF1q6Ft5B2yfSjIr5']) + g.b64(g.r.range(380, 760)) + 'GoAB';
}

export const templates = [
  {
    name: 'neg-other-framework-secret', count: 10,
    // variants cycle with i % 5
    make(g, i) {
      const id = g.keyId();
      const s1 = frameworkSecret(g); const s2 = frameworkSecret(g);
      const ref = g.r.pick(['${AWS_SECRET_ACCESS_KEY_FROM_VAULT}', `\${ssm:/prod/${g.app()}/aws-secret-access-key}`, `ssm:/${g.app()}/prod/AWS_SECRET_ACCESS_KEY`, '${{ secrets.AWS_SECRET_ACCESS_KEY }}']);
      let d;
      if (i % 5 === 0) {
        d = g.file(`apps/${g.app()}-web-${i}/.env.production`);
        d.add('NODE_ENV=production', 'PORT=3000');
        d.label(d.add(`AWS_ACCESS_KEY_ID=${id}`), 'access-key-id', id, 'plain', 'plain');
        d.add(`AWS_SECRET_ACCESS_KEY=${ref}`, `SESSION_SECRET=${s1}`, `CSRF_SECRET=${s2}`, `REDIS_URL=redis://cache:6379/0`);
      } else if (i % 5 === 1) {
        d = g.file(`services/${g.app()}/serverless-${i}.yml`);
        d.add(`service: ${g.app()}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', '  environment:');
        d.label(d.add(`    AWS_KEY_ID: ${id}`), 'access-key-id', id, 'plain', 'plain');
        d.add(`    AWS_SECRET: \${ssm:/${g.app()}/aws-secret}`, `    SESSION_SECRET: ${s1}`, `    COOKIE_SECRET: ${s2}`, 'functions:', '  api:', '    handler: src/api.handler');
      } else if (i % 5 === 2) {
        d = g.file(`${g.app()}/config-${i}.py`);
        d.add('import os', '', 'class ProductionConfig:');
        d.label(d.add(`    AWS_ACCESS_KEY_ID = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        d.add('    AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]', `    SECRET_KEY = "${s1}"`, `    WTF_CSRF_SECRET_KEY = "${s2}"`, '    SESSION_COOKIE_SECURE = True');
      } else if (i % 5 === 3) {
        d = g.file(`${g.app()}site/settings/prod-${i}.py`);
        d.add('from .base import *  # noqa', '', `ALLOWED_HOSTS = ["${g.app()}.example.com"]`);
        d.label(d.add(`AWS_ACCESS_KEY_ID = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        d.add('AWS_SECRET_ACCESS_KEY = env("DJANGO_AWS_SECRET_ACCESS_KEY")', `SECRET_KEY = "${s1}"`, `CSRF_COOKIE_NAME = "csrftoken"`, `SIGNING_SALT = "${s2}"`);
      } else {
        d = g.file(`deploy/${g.app()}-${i}-compose.yml`);
        d.add('services:', '  api:', `    image: ghcr.io/acme/${g.app()}-api:2`, '    environment:');
        d.label(d.add(`      AWS_ACCESS_KEY_ID: ${id}`), 'access-key-id', id, 'plain', 'plain');
        d.add(`      AWS_SECRET_ACCESS_KEY: ${ref.startsWith('${{') ? '${AWS_SECRET_ACCESS_KEY:?set it}' : ref}`, `      EXPRESS_SESSION_SECRET: "${s1}"`, `      JWT_SIGNING_SECRET: "${s2}"`);
      }
      d.neg('neg-other-framework-secret');
    },
  },
  {
    name: 'neg-base64-blob', count: 8,
    // variants cycle with i % 4
    make(g, i) {
      if (i % 4 === 0) {
        const d = g.file(`web/static/css/fonts-${g.app()}-${i}.css`);
        d.add('/* Inter, subset; served through the aws cloudfront distribution for static assets */', '@font-face {', "  font-family: 'Inter';", '  font-display: swap;');
        d.add(`  src: url(data:font/woff2;base64,${blobWithKeyShapes(g, g.r.range(3000, 6000))}) format('woff2');`, '}');
        d.neg('neg-base64-blob');
      } else if (i % 4 === 1) {
        const d = g.file(`notebooks/${g.app()}-${i}-s3-usage-plot.ipynb`);
        const id = g.keyId(); const secret = g.secret();
        d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 1,', '   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import boto3\\n",');
        d.label(d.add(`    "s3 = boto3.client(\\"s3\\", aws_access_key_id=\\"${id}\\",\\n",`), 'access-key-id', id, 'plain', 'plain (Jupyter source, escaped quotes)');
        d.label(d.add(`    "                  aws_secret_access_key=\\"${secret}\\")\\n"`), 'secret-access-key', secret, 'plain', 'plain (Jupyter source, escaped quotes)');
        d.add('   ]', '  },', '  {', '   "cell_type": "code",', '   "execution_count": 2,', '   "metadata": {},', '   "outputs": [', '    {', '     "data": {');
        d.add(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAAA${blobWithKeyShapes(g, g.r.range(4000, 8000))}",`, '      "text/plain": [', '       "<Figure size 640x480 with 1 Axes>"', '      ]', '     },',
          '     "metadata": {},', '     "output_type": "display_data"', '    }', '   ],', '   "source": [', '    "plot_bucket_sizes(s3)"', '   ]', '  }', ' ],', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
        d.neg('neg-base64-blob');
      } else if (i % 4 === 2) {
        const d = g.file(`docs/saved/${g.app()}-${i}-cost-dashboard.html`);
        d.add('<html><head><title>AWS Cost Explorer - saved</title></head><body>', '<h1>Monthly S3 spend</h1>');
        d.add(`<img alt="chart" src="data:image/png;base64,iVBORw0KGgo${blobWithKeyShapes(g, g.r.range(3000, 5000))}">`, '</body></html>');
        d.neg('neg-base64-blob');
      } else {
        const d = g.file(`web/dist/assets/vendor-${g.hex(8)}-${i}.js`);
        d.add(`const cfg={region:"${g.region()}",accessKeyId:process.env.VITE_AWS_KEY,secretAccessKey:process.env.VITE_AWS_SECRET};const icon="data:image/svg+xml;base64,${blobWithKeyShapes(g, 2400)}";const font="data:font/woff;base64,${blobWithKeyShapes(g, 3200)}";export{cfg,icon,font};`);
        d.neg('neg-base64-blob');
      }
    },
  },
  {
    name: 'neg-debug-ids', count: 6,
    // variants cycle with i % 3
    make(g, i) {
      const id = g.keyId(i % 3 === 1 ? 'ASIA' : 'AKIA');
      const b40 = () => frameworkSecret(g);
      const d = g.file(`logs/${g.app()}-${i}-${i % 3 === 2 ? 'sdk-v3' : 'botocore'}-debug.log`);
      const ts = () => `${g.date()} ${g.time()},${g.r.range(100, 999)}`;
      if (i % 3 < 2) {
        const bucket = g.bucket();
        for (let k = 0; k < 2; k++) {
          d.add(`${ts()} botocore.auth [DEBUG] CanonicalRequest:`, 'GET', '/', 'list-type=2', `host:${bucket}.s3.amazonaws.com`);
          d.label(d.add(`${ts()} botocore.endpoint [DEBUG] Sending http request: <AWSPreparedRequest stream_output=False, method=GET, url=https://${bucket}.s3.amazonaws.com/?list-type=2, headers={'Authorization': b'AWS4-HMAC-SHA256 Credential=${id}/${g.date().replaceAll('-', '')}/${g.region()}/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${g.hex(64)}'}>`),
            'access-key-id', id, 'plain', 'plain (SigV4 Credential scope)');
          d.add(`${ts()} botocore.parsers [DEBUG] Response headers: {'x-amz-id-2': '${b40()}', 'x-amz-request-id': '${g.hex(16).toUpperCase()}', 'Date': 'Wed, 03 Dec 2026 ${g.time()} GMT', 'x-amz-bucket-region': '${g.region()}', 'Content-Type': 'application/xml', 'Server': 'AmazonS3'}`,
            `${ts()} botocore.hooks [DEBUG] Event needs-retry.s3.ListObjectsV2: calling handler <botocore.retryhandler.RetryHandler object at 0x7f${g.hex(10)}>`,
            `x-amz-id-2: ${b40()}`, `x-amz-cf-id: ${b40()}`);
        }
      } else {
        d.add(`[${g.date()}T${g.time()}Z] debug: endpoints Resolved endpoint: {"url":"https://s3.${g.region()}.amazonaws.com/"}`);
        d.label(d.add(`[${g.date()}T${g.time()}Z] debug: credentials {"accessKeyId":"${id}","secretAccessKey":"[redacted]","source":"env"}`), 'access-key-id', id, 'plain', 'plain');
        d.add(`[${g.date()}T${g.time()}Z] info: ListObjectsV2Command { $metadata: { httpStatusCode: 200, requestId: '${g.hex(16).toUpperCase()}', extendedRequestId: '${b40()}', cfId: undefined, attempts: 1 } }`,
          `[${g.date()}T${g.time()}Z] info: PutObjectCommand { $metadata: { httpStatusCode: 200, requestId: '${g.hex(16).toUpperCase()}', extendedRequestId: '${b40()}', cfId: '${b40()}', attempts: 1 }, ETag: '"${g.hex(32)}"' }`);
      }
      d.neg('neg-debug-ids');
    },
  },
  {
    name: 'neg-secretsmanager-arn', count: 6,
    // variants cycle with i % 3
    make(g, i) {
      const id = g.keyId();
      const arn = () => `arn:aws:secretsmanager:${g.region()}:${g.account()}:secret:${smName(g)}-${g.alnum(6)}`;
      let d;
      if (i % 3 === 0) {
        d = g.file(`.github/workflows/${g.app()}-${i}-release.yml`);
        d.add('name: release', 'on: { push: { tags: ["v*"] } }', 'jobs:', '  release:', '    runs-on: ubuntu-latest', '    env:');
        d.label(d.add(`      AWS_ACCESS_KEY_ID: ${id}`), 'access-key-id', id, 'plain', 'plain');
        d.add('    steps:', '      - uses: aws-actions/aws-secretsmanager-get-secrets@v2', '        with:', '          secret-ids: |', `            AWS_SECRET_ACCESS_KEY, ${arn()}`, `            NPM_TOKEN, ${arn()}`);
      } else if (i % 3 === 1) {
        d = g.file(`iam/policies/${g.app()}-${i}-read-secrets.json`);
        d.add('{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Action": ["secretsmanager:GetSecretValue"],', '      "Resource": [');
        d.add(`        "${arn()}",`, `        "${arn()}"`, '      ]', '    }', '  ]', '}');
      } else {
        d = g.file(`terraform/${g.app()}/secrets-${i}.tf`);
        d.add('provider "aws" {', `  region     = "${g.region()}"`);
        d.label(d.add(`  access_key = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        d.add('  secret_key = data.aws_secretsmanager_secret_version.ci.secret_string', '}', '', 'data "aws_secretsmanager_secret_version" "ci" {', `  secret_id = "${arn()}"`, '}');
      }
      d.neg('neg-secretsmanager-arn');
    },
  },
  {
    name: 'neg-alibaba', count: 6,
    // variants cycle with i % 3
    make(g, i) {
      let d;
      if (i % 3 === 0) {
        d = g.file(`ops/aliyun/assume-role-${g.date()}-${i}.json`);
        d.add('{', `    "RequestId": "${g.reqId().toUpperCase()}",`, '    "AssumedRoleUser": {', `        "AssumedRoleId": "3${g.r.chars('0123456789', 17)}:ci-session",`,
          `        "Arn": "acs:ram::1${g.r.chars('0123456789', 15)}:role/ci-deployer/ci-session"`, '    },', '    "Credentials": {', `        "SecurityToken": "${caisToken(g)}",`,
          `        "AccessKeyId": "STS.N${g.alnum(23)}",`, `        "AccessKeySecret": "${g.alnum(44)}",`, `        "Expiration": "${g.date()}T${g.time()}Z"`, '    }', '}');
      } else if (i % 3 === 1) {
        d = g.file(`home/${g.r.pick(['aiko', 'tomasz'])}-${i}/.ossutilconfig`);
        d.add('[Credentials]', 'language=EN', 'endpoint=oss-cn-hangzhou.aliyuncs.com', `accessKeyID=LTAI5t${g.alnum(18)}`, `accessKeySecret=${g.alnum(30)}`, `stsToken=${caisToken(g)}`);
      } else {
        d = g.file(`terraform/multicloud/${g.app()}/providers-${i}.tf`);
        d.add('provider "aws" {', `  region     = "${g.region()}"`, '  access_key = var.aws_access_key', '  secret_key = var.aws_secret_key', '  token      = var.aws_session_token', '}', '',
          'provider "alicloud" {', '  region         = "cn-shanghai"', `  access_key     = "STS.N${g.alnum(23)}"`, `  secret_key     = "${g.alnum(44)}"`, `  security_token = "${caisToken(g)}"`, '}');
      }
      d.neg('neg-alibaba');
    },
  },
  {
    name: 'neg-placeholder-words', count: 8,
    // variants cycle with i % 4
    make(g, i) {
      const ids = g.r.shuffle(WORDY_IDS);
      let d;
      if (i % 4 === 0) {
        d = g.file(`apps/${g.app()}-${i}/.env.example`);
        d.add('# Copy to .env and replace me with your own values (never commit .env)', `AWS_ACCESS_KEY_ID=${ids[0]}`, `AWS_SECRET_ACCESS_KEY=${wordySecret(g)}`, `AWS_REGION=${g.region()}`);
      } else if (i % 4 === 1) {
        d = g.file(`docs/${g.app()}-${i}-quickstart.md`);
        d.add(`# ${g.app()} quick start`, '', 'Configure the CLI with your own key (replace me!):', '', '```ini', '[default]', `aws_access_key_id = ${ids[1]}`, `aws_secret_access_key = ${wordySecret(g)}`, '```', '',
          'For a temporary key:', '', '```sh', `export AWS_ACCESS_KEY_ID=${ids.find((x) => x.startsWith('ASIA'))}`, `export AWS_SECRET_ACCESS_KEY=${wordySecret(g)}`, '```');
      } else if (i % 4 === 2) {
        d = g.file(`charts/${g.app()}/values-${i}.example.yaml`);
        d.add('aws:', '  # replace me: use an IRSA role in production', `  accessKeyId: "${ids[2]}"`, `  secretAccessKey: "${wordySecret(g)}"`, `  region: ${g.region()}`);
      } else {
        d = g.file(`examples/${g.app()}/main-${i}.go`);
        d.add('package main', '', '// Replace the placeholders below with your own credentials.', 'var (', `\taccessKey = "${ids[3]}"`, `\tsecretKey = "${wordySecret(g)}"`, ')');
      }
      d.neg('neg-placeholder-words');
    },
  },
];
