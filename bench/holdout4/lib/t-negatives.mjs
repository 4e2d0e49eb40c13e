// Hard negatives: look-alikes that are not AWS credentials. Files of the "near a key ID" classes hold
// one literal AWS key ID, which is a real leak and labelled (plain); nothing else in them is.
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function nearId(d, line, id, cls) {
  d.label(line, 'access-key-id', id, 'plain', `literal key ID in a hard-negative file (${cls})`);
}

/** Random base64 of n characters with an AKIA/ASIA run planted at `at` (inside, never at an edge). */
function blob(g, n, at) {
  const run = g.pick(['AKIA', 'ASIA']) + g.str(16, ID_CHARS);
  const s = g.b64(n);
  return s.slice(0, at) + run + s.slice(at + run.length);
}

/** A Secrets Manager secret name of exactly 40 characters of [A-Za-z0-9/] (upper, lower, digit). */
function smName(g) {
  for (;;) {
    let s = `${g.pick(['prod', 'live', 'qa'])}/${g.pick(['tiles', 'checkout', 'inbox', 'fleet', 'payroll'])}/`;
    while (s.length < 40) s += g.pick(['Aws', 'Secret', 'Access', 'Key', 'Upload', 'Replication', 'User', 'Rotated', 'Cred', 'S3']);
    s = s.slice(0, 37) + String(g.int(100, 999));
    if (/^[A-Za-z0-9/]{40}$/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s)) return s;
  }
}
const smSuffix = (g) => g.alnum(6);

const PLACEHOLDER_IDS = ['AKIAPUTYOURKEYIDHERE', 'AKIAREPLACEMEPLEASE2', 'ASIATEMPKEYFROMSTS22', 'AKIACHANGEMEBEFOREGO'];
const PLACEHOLDER_SECRETS = ['Paste/Your/Secret/Access/Key/Here/Thank5', 'ReplaceWithTheSecretFromYourAwsAccount+2', 'YOUR+SECRET+ACCESS+KEY+GOES+HERE+thanks1', 'SecretAccessKeyPlaceholderChangeMe/2026x', 'TheSecretKeyYouDownloadedFromIAMGoesHer3'];

export const templates = [
  {
    // Another framework's secret one or two lines below a literal key ID whose AWS secret is a reference.
    count: 5,
    make(g, i) {
      const cls = 'neg-other-framework-secret';
      const id = g.keyId();
      const fake = g.secret();
      const d = g.doc(['apps/tiles/config/runtime.exs', 'superset/superset_config.py', 'monitoring/grafana/docker-compose.yml', 'cms/.env.production', 'charts/airflow/values-prod.yaml'][i]);
      let n;
      if (i === 0) {
        d.add('import Config', '', 'config :ex_aws,');
        n = d.add(`  access_key_id: "${id}",`);
        d.add('  secret_access_key: System.fetch_env!("AWS_SECRET_ACCESS_KEY")', '', 'config :tiles, TilesWeb.Endpoint,', `  secret_key_base: "${fake}"`);
      } else if (i === 1) {
        d.add('import os', '');
        n = d.add(`AWS_ACCESS_KEY_ID = "${id}"`);
        d.add('AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]', `SECRET_KEY = "${fake}"`);
      } else if (i === 2) {
        d.add('services:', '  grafana:', '    image: grafana/grafana:11.3.0', '    environment:');
        n = d.add(`      AWS_ACCESS_KEY_ID: ${id}`);
        d.add('      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY:?set me}', `      GF_SECURITY_SECRET_KEY: ${fake}`);
      } else if (i === 3) {
        d.add('HOST=0.0.0.0', 'PORT=1337');
        n = d.add(`AWS_ACCESS_KEY_ID=${id}`);
        d.add('AWS_ACCESS_SECRET=op://infra/strapi-uploads/secret-access-key', `ADMIN_JWT_SECRET=${fake}`, `API_TOKEN_SALT=${g.alnum(22)}`);
      } else {
        d.add('env:', '  - name: AIRFLOW_CONN_AWS_DEFAULT_REGION', `    value: ${g.region()}`, '  - name: AWS_ACCESS_KEY_ID');
        n = d.add(`    value: ${id}`);
        d.add('  - name: AWS_SECRET_ACCESS_KEY', '    valueFrom: {secretKeyRef: {name: airflow-aws, key: secret}}', `webserverSecretKey: ${fake}`);
      }
      nearId(d, n, id, cls);
      d.neg(cls);
    },
  },
  {
    // ID- and secret-shaped runs inside long base64: a notebook PNG, a HAR image body, a MIME image, a Swift icon.
    count: 4,
    make(g, i) {
      const d = g.doc(['notebooks/latency-plots.ipynb', 'support/tickets/4802/cdn-images.har', 'mail/design/2026-04.mbox', 'ios/Uploader/Sources/Icons.swift'][i]);
      if (i === 0) {
        d.add('{"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [{', ' "data": {');
        d.add(`  "image/png": "iVBORw0KGgoAAAANSUhEUgAA${blob(g, 1400, 700)}",`);
        d.add('  "text/plain": ["<Figure size 640x480 with 1 Axes>"]', ' }, "metadata": {}, "output_type": "display_data"}], "source": ["df.plot()"]}],', ' "metadata": {}, "nbformat": 4, "nbformat_minor": 5}');
      } else if (i === 1) {
        d.add('{"log": {"version": "1.2", "entries": [{', ' "request": {"method": "GET", "url": "https://cdn.example.net/img/hero.webp"},', ' "response": {"status": 200, "content": {"mimeType": "image/webp", "encoding": "base64",');
        d.add(`  "text": "UklGR${blob(g, 900, 333)}"`);
        d.add(' }}}]}}');
      } else if (i === 2) {
        d.add(`From ${g.person()}@example.org Wed Apr  1 10:00:00 2026`, 'Subject: new logo', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="zz"', '', '--zz', 'Content-Type: image/jpeg; name="logo.jpg"', 'Content-Transfer-Encoding: base64', '');
        const all = '/9j/4AAQSkZJRgABAQ' + blob(g, 76 * 12, 76 * 5 + 21);
        for (let k = 0; k < all.length; k += 76) d.add(all.slice(k, k + 76));
        d.add('', '--zz--');
      } else {
        d.add('import UIKit', '', 'enum Icons {', '    static let upload = UIImage(data: Data(base64Encoded:');
        d.add(`        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAw${blob(g, 600, 250)}"`);
        d.add('    )!)', '}');
      }
      d.neg('neg-base64-blob');
    },
  },
  {
    // 40-character debug IDs (x-amz-id-2, HostId) near a SigV4 credential scope or an AWSAccessKeyId element.
    count: 4,
    make(g, i) {
      const cls = 'neg-debug-ids';
      const id = g.keyId();
      const hostId = g.b64(40);
      const reqId = g.str(16, UPPER_DIGITS);
      const scope = `${id}/${g.date().replaceAll('-', '')}/${g.region()}/s3/aws4_request`;
      const d = g.doc(['logs/s3-errors/put-failure.xml', 'support/tickets/4811/s3-upload.har', 'logs/java-wire/uploader-wire.log', 'logs/go-sdk/sync-debug.log'][i]);
      let n;
      if (i === 0) {
        d.add('<?xml version="1.0" encoding="UTF-8"?>', '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>');
        n = d.add(`<AWSAccessKeyId>${id}</AWSAccessKeyId>`);
        d.add(`<SignatureProvided>${g.hex(64)}</SignatureProvided>`, `<RequestId>${reqId}</RequestId>`, `<HostId>${hostId}</HostId></Error>`);
      } else if (i === 1) {
        d.add('{"log": {"version": "1.2", "entries": [{', ' "request": {"method": "PUT", "url": "https://tiles.s3.amazonaws.com/a.png", "headers": [');
        n = d.add(`  {"name": "authorization", "value": "AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host;x-amz-date, Signature=${g.hex(64)}"}`);
        d.add(' ]},', ' "response": {"status": 200, "headers": [', `  {"name": "x-amz-id-2", "value": "${hostId}"},`, `  {"name": "x-amz-request-id", "value": "${reqId}"}`, ' ]}}]}}');
      } else if (i === 2) {
        const day = g.date(), hh = String(g.int(10, 22)), mm = String(g.int(10, 58));
        const at = (s) => `${day} ${hh}:${mm}:${String(s).padStart(2, '0')}`;
        d.add(`${at(11)} DEBUG wire - http-outgoing-3 >> "PUT /exports/day.csv HTTP/1.1[\\r][\\n]"`);
        n = d.add(`${at(11)} DEBUG wire - http-outgoing-3 >> "Authorization: AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${g.hex(64)}[\\r][\\n]"`);
        d.add(`${at(11)} DEBUG wire - http-outgoing-3 << "HTTP/1.1 200 OK[\\r][\\n]"`, `${at(11)} DEBUG wire - http-outgoing-3 << "x-amz-id-2: ${hostId}[\\r][\\n]"`, `${at(11)} DEBUG wire - http-outgoing-3 << "x-amz-request-id: ${reqId}[\\r][\\n]"`);
      } else {
        d.add('SDK 2026/06/02 11:04:19 DEBUG Request', 'PUT /day.csv?x-id=PutObject HTTP/1.1', 'Host: tiles.s3.eu-west-2.amazonaws.com');
        n = d.add(`Authorization: AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host;x-amz-date, Signature=${g.hex(64)}`);
        d.add('', 'SDK 2026/06/02 11:04:19 DEBUG Response', 'HTTP/1.1 200 OK', `X-Amz-Id-2: ${hostId}`, `X-Amz-Request-Id: ${reqId}`);
      }
      nearId(d, n, id, cls);
      d.neg(cls);
    },
  },
  {
    // Secrets Manager ARNs whose name part is 40 characters of [A-Za-z0-9/].
    count: 4,
    make(g, i) {
      const cls = 'neg-secretsmanager-arn';
      const arn = `arn:aws:secretsmanager:${g.region()}:${g.acct()}:secret:${smName(g)}-${smSuffix(g)}`;
      const d = g.doc(['k8s/external-secrets/tiles-aws.yaml', 'ecs/taskdef-uploader.json', 'cdk_app/stacks/uploader_stack.py', 'ansible/roles/app/defaults/main.yml'][i]);
      if (i === 0) {
        d.add('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata:', '  name: tiles-aws', 'spec:', '  secretStoreRef: {name: aws-sm, kind: ClusterSecretStore}', '  data:', '    - secretKey: AWS_SECRET_ACCESS_KEY', '      remoteRef:', `        key: ${arn}`, '        property: secret');
      } else if (i === 1) {
        const id = g.keyId();
        d.add('{', '  "family": "uploader",', '  "containerDefinitions": [{', '    "name": "uploader",', '    "environment": [');
        const n = d.add(`      {"name": "AWS_ACCESS_KEY_ID", "value": "${id}"}`);
        d.add('    ],', '    "secrets": [', `      {"name": "AWS_SECRET_ACCESS_KEY", "valueFrom": "${arn}"}`, '    ]', '  }]', '}');
        nearId(d, n, id, cls);
      } else if (i === 2) {
        d.add('from aws_cdk import aws_secretsmanager as sm', '', 'class UploaderStack(Stack):', '    def __init__(self, scope, id, **kw):', '        super().__init__(scope, id, **kw)', '        creds = sm.Secret.from_secret_complete_arn(', '            self, "UploaderCreds",', `            "${arn}",`, '        )');
      } else {
        const id = g.keyId();
        d.add('---');
        const n = d.add(`app_aws_access_key: ${id}`);
        d.add(`app_aws_secret_key: "{{ lookup('amazon.aws.secretsmanager_secret', '${arn}') }}"`);
        nearId(d, n, id, cls);
      }
      d.neg(cls);
    },
  },
  {
    // Other clouds' keys and tokens of similar shape.
    count: 4,
    make(g, i) {
      const d = g.doc(['home/.obsutilconfig', 'scripts/oss_sts_upload.pl', 'tencent/cos_config.py', 'linode/.s3cfg'][i]);
      if (i === 0) {
        d.add('[Credentials]', `ak=${g.str(20, UPPER_DIGITS)}`, `sk=${g.alnum(40)}`, `token=${g.b64(300)}`, 'endpoint=obs.cn-north-4.myhuaweicloud.com');
      } else if (i === 1) {
        d.add('# Alibaba Cloud OSS upload with STS credentials', 'my %sts = (', `    AccessKeyId     => 'STS.${g.alnum(25)}',`, `    AccessKeySecret => '${g.b64(40)}',`, `    SecurityToken   => 'CAIS${g.b64(400)}',`, ");", "my $oss = OSS->new(endpoint => 'oss-cn-hangzhou.aliyuncs.com', %sts);");
      } else if (i === 2) {
        d.add('from qcloud_cos import CosConfig', '', 'config = CosConfig(', "    Region='ap-guangzhou',", `    SecretId='AKID${g.alnum(32)}',`, `    SecretKey='${g.alnum(32)}',`, `    Token='${g.b64(380)}',`, ')');
      } else {
        d.add('[default]', `access_key = ${g.str(20, UPPER_DIGITS)}`, `secret_key = ${g.alnum(40)}`, 'host_base = us-east-1.linodeobjects.com', 'host_bucket = %(bucket)s.us-east-1.linodeobjects.com');
      }
      d.neg('neg-other-cloud');
    },
  },
  {
    // Placeholders written with words.
    count: 4,
    make(g, i) {
      const d = g.doc(['ios/Uploader/README.md', 'app/.env.example', 'lib/Archiver/README.pod', 'postman/Example.postman_environment.json'][i]);
      const id = PLACEHOLDER_IDS[i];
      const sec = PLACEHOLDER_SECRETS[i];
      if (i === 0) {
        d.add('## Configure', '', 'Put your own keys in `Secrets.swift` (never commit real ones):', '', '```swift', `static let awsAccessKey = "${id}"`, `static let awsSecretKey = "${sec}"`, '```');
      } else if (i === 1) {
        d.add('# copy to .env and fill in', `AWS_ACCESS_KEY_ID=${id}`, `AWS_SECRET_ACCESS_KEY=${sec}`, `AWS_REGION=${g.region()}`);
      } else if (i === 2) {
        d.add('=head1 SYNOPSIS', '', '  my $archiver = Archiver->new(', `      aws_access_key_id     => '${id}',`, `      aws_secret_access_key => '${sec}',`, '  );', '', '=cut');
      } else {
        d.add('{', '  "name": "Example (replace me)",', '  "values": [', `    { "key": "accessKey", "value": "${id}", "enabled": true },`, `    { "key": "secretKey", "value": "${sec}", "enabled": true },`, `    { "key": "sessionToken", "value": "", "enabled": false }`, '  ]', '}');
      }
      d.neg('neg-placeholder-words');
    },
  },
];
