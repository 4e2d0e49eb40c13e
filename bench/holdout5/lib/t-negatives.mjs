// Hard negatives: look-alikes a careful reviewer would not call an AWS credential. The only labels
// here are literal AWS key IDs that sit beside a look-alike (a real, if partial, leak: plain).
const ID = 'access-key-id';

/** 40 base64 characters with upper, lower and digit, like a secret (but not one). */
function look40(g, alnumOnly = false) {
  return g.fresh(() => {
    const v = alnumOnly ? g.alnum(40) : g.b64(40);
    return /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v) && !/^(AKIA|ASIA)/.test(v) ? v : '';
  });
}

function otherFramework(g, i) {
  const id = g.keyId(), other = look40(g);
  const app = g.app();
  const N = 'neg-other-framework-secret';
  if (i === 0) {
    const d = g.doc(`services/${app}/serverless.yml`).neg(N);
    d.add(`service: ${app}`, 'provider:', '  name: aws', '  environment:');
    d.put(`    S3_KEY_ID: ${id}`, ID, id, 'plain', 'beside another framework secret');
    d.add(`    S3_SECRET: \${ssm:/${app}/s3_secret}`, `    SESSION_SECRET: ${other}`, '    NODE_ENV: production');
  } else if (i === 1) {
    const d = g.doc(`${app}/.env.production`).neg(N);
    d.put(`AWS_ACCESS_KEY_ID=${id}`, ID, id, 'plain', 'beside another framework secret');
    d.add('AWS_SECRET_ACCESS_KEY=${VAULT_AWS_SECRET}', `JWT_SECRET=${other}`, 'JWT_EXPIRES_IN=1h');
  } else if (i === 2) {
    const d = g.doc('mysite/settings/staging.py').neg(N);
    d.add('import os', '');
    d.put(`AWS_ACCESS_KEY_ID = "${id}"`, ID, id, 'plain', 'beside another framework secret');
    d.add('AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]', `SECRET_KEY = "${other}"`, 'CSRF_COOKIE_SECURE = True');
  } else if (i === 3) {
    const d = g.doc(`cloudformation/${app}-web.yaml`).neg(N);
    d.add('Resources:', '  Web:', '    Type: AWS::ECS::TaskDefinition', '    Properties:', '      ContainerDefinitions:', '        - Name: web', '          Environment:', '            - Name: AWS_ACCESS_KEY_ID');
    d.put(`              Value: ${id}`, ID, id, 'plain', 'beside another framework secret');
    d.add('            - Name: AWS_SECRET_ACCESS_KEY', `              Value: '{{resolve:secretsmanager:${app}/aws:SecretString:secret}}'`, '            - Name: CSRF_SECRET', `              Value: ${other}`);
  } else {
    const d = g.doc('config/application.yml').neg(N);
    d.put(`AWS_ACCESS_KEY_ID: ${id}`, ID, id, 'plain', 'beside another framework secret');
    d.add(`AWS_SECRET_ACCESS_KEY: <%= ENV.fetch("AWS_SECRET_ACCESS_KEY") %>`, `DEVISE_SECRET_KEY: ${other}`, `SMTP_HOST: smtp.${g.org()}.com`);
  }
}

function blob(g, n) {
  // A base64 blob with, somewhere inside, an ID-shaped run glued to its base64 neighbours.
  const body = g.b64(n);
  const at = g.int(200, n - 200);
  return body.slice(0, at) + 'AKIA' + g.str(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') + body.slice(at);
}

function base64Blob(g, i) {
  const N = 'neg-base64-blob';
  if (i === 0) {
    const d = g.doc('public/css/fonts.css').neg(N);
    d.add('@font-face {', "  font-family: 'Inter';", '  font-style: normal;', '  font-weight: 400;');
    d.add(`  src: url(data:font/woff2;base64,${blob(g, 3000)}) format('woff2');`, '}');
  } else if (i === 1) {
    const d = g.doc(`templates/email/${g.pick(['welcome', 'receipt'])}.html`).neg(N);
    d.add('<table width="600"><tr><td>');
    d.add(`<img alt="logo" width="120" src="data:image/png;base64,${blob(g, 2400)}">`, '</td></tr>', '<tr><td>Thanks for your order!</td></tr></table>');
  } else if (i === 2) {
    const d = g.doc('notebooks/plots.ipynb').neg(N);
    d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 7,', '   "metadata": {},', '   "outputs": [', '    {', '     "data": {');
    const b = blob(g, 4000);
    d.add(`      "image/png": "${b.slice(0, 76)}\\n${b.slice(76)}",`, '      "text/plain": [', '       "<Figure size 640x480 with 1 Axes>"', '      ]', '     },', '     "metadata": {},', '     "output_type": "display_data"', '    }', '   ],', '   "source": [', '    "df.plot()"', '   ]', '  }', ' ],', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  } else {
    const d = g.doc(`.kube/config-${g.app()}`).neg(N);
    const ca = blob(g, 1500);
    d.add('apiVersion: v1', 'clusters:', '- cluster:', `    certificate-authority-data: ${ca}`, `    server: https://${g.hex(32).toUpperCase()}.gr7.${g.region()}.eks.amazonaws.com`, `  name: ${g.app()}`, 'users:', `- name: ${g.app()}`, '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1', '      command: aws', '      args: ["eks", "get-token", "--cluster-name", "' + g.app() + '"]', '      env:', '        - name: AWS_PROFILE', '          value: prod');
  }
}

function debugIds(g, i) {
  const N = 'neg-debug-ids';
  const id = g.keyId();
  const id2 = look40(g);
  const rid = g.str(16, '0123456789ABCDEF');
  const date = g.date().replace(/-/g, '');
  const region = g.region();
  const auth = `AWS4-HMAC-SHA256 Credential=${id}/${date}/${region}/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${g.hex(64)}`;
  if (i === 0) {
    const d = g.doc(`debug/aws-cli-debug-${g.date()}.log`).neg(N);
    const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`;
    const hh = String(g.int(0, 23)).padStart(2, '0');
    let sec = g.int(0, 40);
    const t = () => `${day} ${hh}:${String(Math.floor(sec / 60) + 10).padStart(2, '0')}:${String((sec += g.int(0, 2)) % 60).padStart(2, '0')},${g.int(100, 999)}`;
    d.add(`${t()} - MainThread - botocore.auth - DEBUG - StringToSign:`, 'AWS4-HMAC-SHA256', `${date}T${hh}1000Z`);
    d.put(`${t()} - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=GET, url=https://${g.bucket()}.s3.${region}.amazonaws.com/?list-type=2, headers={'User-Agent': b'aws-cli/2.17.0', 'Authorization': b'${auth}'}>`, ID, id, 'plain', 'in a SigV4 Authorization header');
    d.add(`${t()} - MainThread - botocore.parsers - DEBUG - Response headers: {'x-amz-id-2': '${id2}', 'x-amz-request-id': '${rid}', 'Date': 'Tue, 14 Oct 2026 10:00:00 GMT', 'Content-Type': 'application/xml', 'Server': 'AmazonS3'}`);
  } else if (i === 1) {
    const d = g.doc('logs/s3-client-debug.txt').neg(N);
    d.add(`DEBUG [main] org.apache.http.headers - http-outgoing-0 >> GET /${g.app()}/report.csv HTTP/1.1`, `DEBUG [main] org.apache.http.headers - http-outgoing-0 >> Host: ${g.bucket()}.s3.amazonaws.com`);
    d.put(`DEBUG [main] org.apache.http.headers - http-outgoing-0 >> Authorization: ${auth}`, ID, id, 'plain', 'in a SigV4 Authorization header');
    d.add('DEBUG [main] org.apache.http.headers - http-outgoing-0 << HTTP/1.1 403 Forbidden', `DEBUG [main] org.apache.http.headers - http-outgoing-0 << x-amz-request-id: ${rid}`, `DEBUG [main] org.apache.http.headers - http-outgoing-0 << x-amz-id-2: ${id2}`);
  } else if (i === 2) {
    const d = g.doc(`support/curl-${g.app()}.txt`).neg(N);
    d.add(`$ curl -v "https://${g.bucket()}.s3.amazonaws.com/index.html?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${g.hex(64)}&X-Amz-Credential=${id}%2F${date}%2F${region}%2Fs3%2Faws4_request"`);
    d.label(d.lines.length, ID, id, 'plain', 'in a presigned URL');
    d.add('< HTTP/1.1 200 OK', `< x-amz-id-2: ${id2}`, `< x-amz-request-id: ${rid}`, '< Last-Modified: Mon, 13 Oct 2026 09:12:44 GMT', '< Content-Type: text/html');
  } else {
    const d = g.doc('logs/boto3-trace.log').neg(N);
    d.add(`DEBUG:botocore.credentials:Found credentials in shared credentials file: ~/.aws/credentials`);
    d.put(`DEBUG:botocore.auth:CanonicalRequest ... Credential=${id}/${date}/${region}/sqs/aws4_request`, ID, id, 'plain', 'in a SigV4 credential scope');
    d.add(`DEBUG:botocore.parsers:Response body: b'{"ResponseMetadata":{"RequestId":"${g.uuid()}"}}'`, `DEBUG:botocore.hooks:Event needs-retry.s3.PutObject: x-amz-id-2=${id2} request-id=${rid}`);
  }
}

function smArn(g, i) {
  const N = 'neg-secretsmanager-arn';
  const app = g.app();
  const name = () => `${g.pick(['prod', 'production', 'staging'])}/${app.replace(/-/g, '')}/${g.pick(['AwsSecretAccessKeyForUploadUser', 'DeployUserSecretAccessKeyRotated', 'IamUserCredentialsForBackupJob2026'])}-${g.alnum(6)}`;
  const arn = () => `arn:aws:secretsmanager:${g.region()}:${g.acct()}:secret:${name()}`;
  if (i === 0) {
    const d = g.doc(`iam/policies/${app}-read-secrets.json`).neg(N);
    d.add('{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Action": ["secretsmanager:GetSecretValue"],', '      "Resource": [', `        "${arn()}",`, `        "${arn()}"`, '      ]', '    }', '  ]', '}');
  } else if (i === 1) {
    const d = g.doc(`ecs/${app}-secrets-taskdef.json`).neg(N);
    d.add('{', '  "containerDefinitions": [', '    {', `      "name": "${app}",`, '      "secrets": [', '        {', '          "name": "AWS_SECRET_ACCESS_KEY",', `          "valueFrom": "${arn()}"`, '        }', '      ]', '    }', '  ]', '}');
  } else if (i === 2) {
    const d = g.doc('terraform/data.tf').neg(N);
    d.add('data "aws_secretsmanager_secret_version" "aws_secret_key" {', `  secret_id = "${arn()}"`, '}');
  } else {
    const d = g.doc(`functions/${app}/serverless.yml`).neg(N);
    d.add(`service: ${app}`, 'provider:', '  name: aws', '  iam:', '    role:', '      statements:', '        - Effect: Allow', '          Action: secretsmanager:GetSecretValue', `          Resource: ${arn()}`, '  environment:', `    AWS_SECRET_ARN: ${arn()}`);
  }
}

function otherCloud(g, i) {
  const N = 'neg-other-cloud';
  if (i === 0) {
    const d = g.doc('.boto').neg(N);
    d.add('[Credentials]', `gs_access_key_id = GOOG1E${g.upper(55)}`, `gs_secret_access_key = ${look40(g)}`, '', '[Boto]', 'https_validate_certificates = True', '', '[GSUtil]', `default_project_id = ${g.app()}-${g.int(100000, 999999)}`);
  } else if (i === 1) {
    const d = g.doc('.aliyun/config.json').neg(N);
    d.add('{', '\t"current": "default",', '\t"profiles": [', '\t\t{', '\t\t\t"name": "default",', '\t\t\t"mode": "StsToken",', `\t\t\t"access_key_id": "STS.${g.alnum(25)}",`, `\t\t\t"access_key_secret": "${g.alnum(44)}",`, `\t\t\t"sts_token": "CAIS${g.b64(g.int(400, 600))}",`, `\t\t\t"region_id": "cn-hangzhou"`, '\t\t}', '\t]', '}');
  } else if (i === 2) {
    const d = g.doc('obs-sync/.env').neg(N);
    d.add(`HUAWEICLOUD_SDK_AK=${g.fresh(() => { const v = g.upper(20); return /^(AKIA|ASIA)/.test(v) ? '' : v; })}`, `HUAWEICLOUD_SDK_SK=${look40(g, true)}`, 'OBS_ENDPOINT=https://obs.ap-southeast-1.myhuaweicloud.com', `OBS_BUCKET=${g.bucket()}`);
  } else if (i === 3) {
    const d = g.doc('appsettings.Azure.json').neg(N);
    d.add('{', '  "Storage": {', `    "ConnectionString": "DefaultEndpointsProtocol=https;AccountName=${g.org()}${g.int(10, 99)};AccountKey=${g.b64(86)}==;EndpointSuffix=core.windows.net"`, '  }', '}');
  } else {
    const d = g.doc('cos/config.yaml').neg(N);
    d.add('# Tencent Cloud COS', `secret_id: AKID${g.alnum(32)}`, `secret_key: ${g.alnum(32)}`, 'region: ap-guangzhou', `bucket: ${g.bucket()}-${g.int(1250000000, 1259999999)}`, '', '# Alibaba OSS mirror', `oss_access_key_id: LTAI${g.alnum(20)}`, `oss_access_key_secret: ${g.alnum(30)}`);
  }
}

function placeholders(g, i) {
  const N = 'neg-placeholder-words';
  if (i === 0) {
    const d = g.doc('.env.example').neg(N);
    d.add('# copy to .env and fill in', 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX', 'AWS_SECRET_ACCESS_KEY=YourSecretAccessKeyGoesHere/ReplaceMe123', `AWS_REGION=${g.region()}`);
  } else if (i === 1) {
    const d = g.doc(`README.${g.pick(['md', 'markdown'])}`).neg(N);
    d.add(`# ${g.app()}`, '', '## Configuration', '', '```python', 's3 = boto3.client(', '    "s3",', '    aws_access_key_id="AKIAPUTYOURKEYIDHERE",', '    aws_secret_access_key="<your-secret-access-key>",  # replace me', ')', '```');
  } else if (i === 2) {
    const d = g.doc('tests/fixtures/aws_config.py').neg(N);
    d.add('# fake values for moto', 'FAKE_KEY_ID = "AKIATESTTESTTESTTEST"', 'FAKE_SECRET = "testtesttesttesttesttesttesttesttesttest"', 'FAKE_TEMP_KEY_ID = "ASIAYOURTEMPKEYHERE2"', 'FAKE_TOKEN = "FAKE_SESSION_TOKEN_REPLACE_ME"');
  } else {
    const d = g.doc(`docs/deploy/${g.app()}.md`).neg(N);
    d.add('Set the repository secrets:', '', '| Name | Value |', '|---|---|', '| `AWS_ACCESS_KEY_ID` | `AKIACHANGEMECHANGEME` |', '| `AWS_SECRET_ACCESS_KEY` | `CHANGEME-CHANGEME-CHANGEME-CHANGEME-CHAN` |', '', 'or with the CLI: `aws configure set aws_access_key_id AKIAREPLACEMEREPLACE`');
  }
}

export const templates = [
  { name: 'another framework secret', count: 5, make: otherFramework },
  { name: 'base64 blobs', count: 4, make: base64Blob },
  { name: 'debug IDs', count: 4, make: debugIds },
  { name: 'Secrets Manager ARNs', count: 4, make: smArn },
  { name: 'other clouds', count: 5, make: otherCloud },
  { name: 'placeholders', count: 4, make: placeholders },
];
