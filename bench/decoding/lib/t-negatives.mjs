// Hard negatives: look-alikes that sit next to AWS keys in AWS-heavy files. Nothing here is an
// AWS secret or session token; the only labelled values are `plain` key IDs planted beside them
// (a detector that ignores these files whole is seen in the recall of `plain`).
import { Doc } from './core.mjs';
import { ALPHABETS } from '../../eval/lib/random.mjs';

const plain = (ctx, kind, v) => ctx.m(kind, v, 'plain', 'plain');

/** A framework secret: 40 characters of base64 (hardest) or of letters and digits. */
const frameworkSecret = (ctx) => (ctx.chance(0.6) ? ctx.b64run(40) : ctx.alnum(40));

const framework = {
  name: 'framework-secret-near-id',
  negative: 'framework-secret',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    if (i === 0) {
      d.add('APP_ENV=production\nAWS_REGION=', ctx.region(), '\nAWS_ACCESS_KEY_ID=').put(plain(ctx, 'access-key-id', id));
      d.add('\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET_FROM_VAULT}\nSESSION_SECRET=', frameworkSecret(ctx), '\nCSRF_COOKIE_NAME=_csrf\n');
      return { path: `app/.env.production-${i}`, doc: d };
    }
    if (i === 1) {
      d.add('service: uploader\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  environment:\n    AWS_ACCESS_KEY_ID_UPLOADS: ').put(plain(ctx, 'access-key-id', id));
      d.add('\n    AWS_SECRET_ACCESS_KEY_UPLOADS: ${ssm:/uploader/prod/aws-secret-access-key}\n    CSRF_SECRET: ', frameworkSecret(ctx), '\n    SESSION_TTL: "3600"\n');
      return { path: `services/uploader-${i}/serverless.yml`, doc: d };
    }
    if (i === 2) {
      d.add("module.exports = {\n  aws: {\n    accessKeyId: '").put(plain(ctx, 'access-key-id', id));
      d.add("',\n    secretAccessKey: `${process.env.AWS_SECRET_ACCESS_KEY}`,\n  },\n  session: {\n    secret: '", frameworkSecret(ctx), "',\n    resave: false,\n  },\n};\n");
      return { path: `server/config/production-${i}.js`, doc: d };
    }
    d.add('services:\n  web:\n    image: shop/web:latest\n    environment:\n      AWS_ACCESS_KEY_ID: ').put(plain(ctx, 'access-key-id', id));
    d.add('\n      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY:?set it}\n      NEXTAUTH_SECRET: ', frameworkSecret(ctx), '\n      NEXTAUTH_URL: https://shop.example.org\n');
    return { path: `compose/docker-compose.prod-${i}.yml`, doc: d };
  },
};

/** A base64 blob with a key-ID-shaped run somewhere in the middle; its neighbours are base64 too. */
function blobWithId(ctx, head, n) {
  const body = ctx.b64(n);
  const at = ctx.int(Math.floor(n / 4), Math.floor((3 * n) / 4));
  const idShape = ctx.pick(['AKIA', 'ASIA']) + ctx.rng.str(ALPHABETS.B32, 16);
  return head + body.slice(0, at) + idShape + body.slice(at);
}

const blobs = {
  name: 'key-shapes-in-base64-blobs',
  negative: 'base64-blob',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    if (i === 0) {
      d.add('/* AWS console clone: access key / secret access key form */\n@font-face {\n  font-family: "Amazon Ember";\n  src: url(data:font/woff2;base64,', blobWithId(ctx, 'd09GMgABAAAAA', 3000), ') format("woff2");\n}\n');
      d.add('.aws-secret-access-key input { font-family: "Amazon Ember", monospace; letter-spacing: 0.05em; }\n');
      return { path: `web/styles/aws-console-${i}.css`, doc: d };
    }
    if (i === 1) {
      d.add('<form class="aws-credentials">\n  <label>Access key ID <input name="aws_access_key_id"></label>\n  <label>Secret access key <input name="aws_secret_access_key" type="password"></label>\n');
      d.add('  <img alt="key" src="data:image/png;base64,', blobWithId(ctx, 'iVBORw0KGgoAAAANSUhEUgAA', 1600), '">\n</form>\n');
      return { path: `web/templates/credentials-form-${i}.html`, doc: d };
    }
    const png = blobWithId(ctx, 'iVBORw0KGgoAAAANSUhEUgAA', 2400);
    const lines = [];
    for (let k = 0; k < png.length; k += 76) lines.push(png.slice(k, k + 76));
    d.add('{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 3,\n   "metadata": {},\n   "outputs": [\n    {\n     "data": {\n      "image/png": "');
    d.add(lines.join('\\n",\n      "'), '",\n      "text/plain": ["<Figure size 640x480>"]\n     },\n     "output_type": "display_data"\n    }\n   ],\n');
    d.add('   "source": ["session = boto3.Session(profile_name=\\"analytics\\")\\n", "s3 = session.client(\\"s3\\")  # aws_secret_access_key from the profile"]\n  }\n ],\n "nbformat": 4,\n "nbformat_minor": 5\n}\n');
    return { path: `notebooks/s3-usage-${i}.ipynb`, doc: d };
  },
};

const debugLogs = {
  name: 'debug-log-request-ids',
  negative: 'debug-log-ids',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const id = ctx.id();
    const region = ctx.region();
    const id2 = () => ctx.b64run(ctx.pick([40, 56, 76]));
    const ts = () => `2026-03-12 10:0${ctx.int(0, 9)}:${String(ctx.int(10, 59))},${String(ctx.int(100, 999))}`;
    if (i === 0 || i === 1) {
      d.add(ts(), ' - MainThread - botocore.auth - DEBUG - Calculating signature using v4 auth.\n');
      d.add(ts(), " - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=GET, url=https://s3.", region, ".amazonaws.com/?list-type=2, headers={'X-Amz-Date': b'20260312T100211Z', 'Authorization': b'AWS4-HMAC-SHA256 Credential=");
      d.put(plain(ctx, 'access-key-id', id)).add('/20260312/', region, "/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=", ctx.hex(64), "'}>\n");
      d.add(ts(), " - MainThread - botocore.parsers - DEBUG - Response headers: {'x-amz-id-2': '", id2(), "', 'x-amz-request-id': '", ctx.hex(16).toUpperCase(), "', 'Date': 'Thu, 12 Mar 2026 10:02:11 GMT', 'x-amz-bucket-region': '", region, "', 'Content-Type': 'application/xml'}\n");
      d.add(ts(), " - MainThread - botocore.hooks - DEBUG - Event needs-retry.s3.ListObjectsV2: calling handler <botocore.retryhandler.RetryHandler object>\n");
      d.add(ts(), " - MainThread - botocore.parsers - DEBUG - Response headers: {'x-amz-id-2': '", id2(), "', 'x-amz-request-id': '", ctx.hex(16).toUpperCase(), "'}\n");
      return { path: `logs/aws-cli-debug-${i}.log`, doc: d };
    }
    d.add('{"level":"debug","msg":"resolved credentials","provider":"fromIni","accessKeyId":"').put(plain(ctx, 'access-key-id', id)).add('"}\n');
    d.add('{"level":"debug","msg":"PutObjectCommand","$metadata":{"httpStatusCode":200,"requestId":"', ctx.b64run(40), '","extendedRequestId":"', id2(), '","cfId":"', ctx.b64run(54), '==","attempts":1}}\n');
    d.add('{"level":"debug","msg":"GetObjectCommand","$metadata":{"httpStatusCode":200,"requestId":"', ctx.b64run(40), '","extendedRequestId":"', ctx.b64run(76), '","attempts":1}}\n');
    return { path: `logs/sdk-js-${i}.jsonl`, doc: d };
  },
};

/** A Secrets Manager secret name of 40 letters, digits and slashes, as people name them. */
function secretName(ctx) {
  const words = ['Aws', 'Secret', 'Access', 'Key', 'Prod', 'Uploader', 'Credentials', 'Backup', 'Billing', 'Rotated', 'Deploy', 'Iam', 'User', 'Ci', 'Etl'];
  let s = ctx.pick(['prod', 'staging', 'shared']) + '/' + ctx.pick(['payments', 'billing', 'ingest', 'platform']) + '/';
  while (s.length < 40) s += ctx.pick(words);
  return s.slice(0, 40);
}

const arnNames = {
  name: 'secrets-manager-arn-names',
  negative: 'arn-name',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const arn = () => `arn:aws:secretsmanager:${ctx.region()}:${ctx.account()}:secret:${secretName(ctx)}-${ctx.alnum(6)}`;
    if (i === 0) {
      d.add('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ReadAwsSecretAccessKey",\n      "Effect": "Allow",\n      "Action": ["secretsmanager:GetSecretValue"],\n      "Resource": [\n        "', arn(), '",\n        "', arn(), '"\n      ]\n    }\n  ]\n}\n');
      return { path: `iam/policies/read-secrets-${i}.json`, doc: d };
    }
    if (i === 1) {
      d.add('{\n  "family": "api",\n  "containerDefinitions": [\n    {\n      "name": "api",\n      "secrets": [\n        {\n          "name": "AWS_SECRET_ACCESS_KEY",\n          "valueFrom": "', arn(), '"\n        },\n        {\n          "name": "AWS_ACCESS_KEY_ID",\n          "valueFrom": "', arn(), '"\n        }\n      ]\n    }\n  ]\n}\n');
      return { path: `ecs/api-secrets-${i}.json`, doc: d };
    }
    const name = secretName(ctx);
    d.add('$ aws secretsmanager list-secrets --filter Key=name,Values=', name.split('/')[0], '\n{\n    "SecretList": [\n        {\n            "ARN": "arn:aws:secretsmanager:', ctx.region(), ':', ctx.account(), ':secret:', name, '-', ctx.alnum(6), '",\n');
    d.add('            "Name": "', name, '",\n            "Description": "aws secret access key of the uploader",\n            "LastChangedDate": "2026-02-01T10:00:00+00:00"\n        }\n    ]\n}\n');
    return { path: `notes/list-secrets-${i}.txt`, doc: d };
  },
};

const B62 = ALPHABETS.ALNUM;
const otherClouds = {
  name: 'other-cloud-credentials',
  negative: 'other-cloud',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const cais = () => 'CAIS' + ctx.b64(ctx.int(400, 700)) + ctx.pick(['', '=', '==']);
    if (i === 0) {
      d.add('{\n  "RequestId": "', ctx.keys.uuid().toUpperCase(), '",\n  "AssumedRoleUser": {\n    "AssumedRoleId": "3', ctx.rng.str('0123456789', 17), ':oss-uploader",\n    "Arn": "acs:ram::', ctx.rng.str('0123456789', 16), ':role/oss-uploader/oss-uploader"\n  },\n');
      d.add('  "Credentials": {\n    "SecurityToken": "', cais(), '",\n    "AccessKeyId": "STS.NU', ctx.alnum(20), '",\n    "AccessKeySecret": "', ctx.rng.str(B62, 44), '",\n    "Expiration": "2026-03-12T11:00:00Z"\n  }\n}\n');
      return { path: `aliyun/assume-role-${i}.json`, doc: d };
    }
    if (i === 1) {
      d.add('[Credentials]\nlanguage=EN\nendpoint=oss-cn-hangzhou.aliyuncs.com\naccessKeyID=STS.NS', ctx.alnum(20), '\naccessKeySecret=', ctx.rng.str(B62, 44), '\nstsToken=', cais(), '\n');
      return { path: `home/.ossutilconfig-${i}`, doc: d };
    }
    if (i === 2) {
      d.add('[Credentials]\n# HMAC key of the gcs-sync service account (interoperability)\ngs_access_key_id = GOOG1E', ctx.rng.str(ALPHABETS.B32.replace(/[2-7]/g, '') + '0123456789', 55), '\ngs_secret_access_key = ', ctx.b64run(40), '\n\n[GSUtil]\ndefault_project_id = sync-', ctx.hex(6), '\n');
      return { path: `home/.boto-gcs-${i}`, doc: d };
    }
    d.add('# Huawei Cloud OBS\nHUAWEICLOUD_SDK_AK=', ctx.rng.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20), '\nHUAWEICLOUD_SDK_SK=', ctx.alnum(40), '\nOBS_ENDPOINT=https://obs.ap-southeast-1.myhuaweicloud.com\nOBS_BUCKET=archive-', ctx.hex(6), '\n');
    return { path: `deploy/huawei-${i}.env`, doc: d };
  },
};

/** A 40-character secret-shaped placeholder made of words. */
function wordySecret(ctx) {
  const words = ['Your', 'Secret', 'Access', 'Key', 'Goes', 'Here', 'Replace', 'Me', 'Put', 'Insert', 'Aws', 'Example', 'Dummy', 'Fake', 'Change', 'This'];
  const seps = ['', '', '/', '+'];
  let s = '';
  while (s.length < 40) s += ctx.pick(words) + ctx.pick(seps);
  s = s.slice(0, 36);
  return s + String(ctx.int(1000, 9999)).slice(0, 40 - s.length);
}
// Put together at run time, so this repository's own `keyhound scan .` stays clean.
const wordyIds = [['AKIA', 'YOURACCESSKEYHERE'], ['AKIA', 'YOURACCESSKEYID22'], ['AKIA', 'REPLACEWITHYOURS'], ['AKIA', 'INSERTKEYIDHERE2'], ['ASIA', 'YOURTEMPKEYIDHERE'], ['AKIA', 'PUTYOURKEYIDHERE']].map(([p, w]) => p + w);

const placeholders = {
  name: 'placeholder-words',
  negative: 'placeholder-words',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const pid = ctx.pick(wordyIds);
    if (i === 0) {
      d.add('## Quick start\n\n```sh\nexport AWS_ACCESS_KEY_ID=', pid, '\nexport AWS_SECRET_ACCESS_KEY=', wordySecret(ctx), '   # replace me\nnpm run deploy\n```\n');
      return { path: `docs/quickstart-${i}.md`, doc: d };
    }
    if (i === 1) {
      d.add('# copy to .env and replace the values\nAWS_ACCESS_KEY_ID=', pid, '\nAWS_SECRET_ACCESS_KEY=', wordySecret(ctx), '\nAWS_REGION=us-east-1\n');
      return { path: `.env.example-${i}`, doc: d };
    }
    if (i === 2) {
      d.add('# terraform.tfvars.example\naws_access_key = "', pid, '"  # replace me\naws_secret_key = "', wordySecret(ctx), '"\naws_region     = "eu-west-1"\n');
      return { path: `terraform/terraform-${i}.tfvars.example`, doc: d };
    }
    d.add('services:\n  app:\n    environment:\n      # REPLACE ME before running\n      AWS_ACCESS_KEY_ID: ', pid, '\n      AWS_SECRET_ACCESS_KEY: ', wordySecret(ctx), '\n');
    return { path: `compose/docker-compose.override-${i}.yml.sample`, doc: d };
  },
};

export const templates = [framework, blobs, debugLogs, arnNames, otherClouds, placeholders];
