// Encoded values: base64 (k8s data, whole files in variables, cloud-init, CI, Dockerfile, opaque
// configs), JSON escapes, HTML character references, quoted-printable mail, URL-encoding.
import { b64, b64Located, jsonSlash, jsonPlus, jsonPlusLower, htmlDec, htmlHex, htmlNamed, url, qpLocated } from './encode.mjs';

const E = 'encoded';

/** A credentials/.env/INI/JSON text holding an id, a secret and sometimes a token. */
function credText(g, style, id, secret, token) {
  switch (style) {
    case 'ini': return [`[${g.pick(['default', 'prod', 'deploy', 'ci'])}]`, `aws_access_key_id = ${id}`, `aws_secret_access_key = ${secret}`, ...(token ? [`aws_session_token = ${token}`] : []), `region = ${g.region()}`, ''].join('\n');
    case 'env': return [`# ${g.app()} runtime`, `AWS_REGION=${g.region()}`, `AWS_ACCESS_KEY_ID=${id}`, `AWS_SECRET_ACCESS_KEY=${secret}`, ...(token ? [`AWS_SESSION_TOKEN=${token}`] : []), `S3_BUCKET=${g.bucket()}`, `LOG_LEVEL=info`, ''].join('\n');
    default: return JSON.stringify({ region: g.region(), credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) }, bucket: g.bucket() }, null, 2) + '\n';
  }
}

function labelPair(d, lineOf, id, secret, token, form) {
  d.label(lineOf(0), 'access-key-id', id, E, form, null);
  d.label(lineOf(1), 'secret-access-key', secret, E, form, null);
  if (token) d.label(lineOf(2), 'session-token', token, E, form, null);
}

export const templates = [
  {
    name: 'k8s Secret data', count: 5,
    make(g, i) {
      const app = g.app();
      const d = g.doc(`deploy/k8s/${app}-${i}/secret.yaml`);
      const id = g.keyId(i === 3 ? 'ASIA' : 'AKIA');
      const secret = g.secret();
      const token = i === 3 ? g.token() : null;
      const names = [['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], ['aws_access_key_id', 'aws_secret_access_key'], ['accesskey', 'secretkey'], ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], ['access-key-id', 'secret-access-key']][i];
      d.add('# managed by kustomize; do not edit by hand', '---', 'apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${app}-aws`, `  namespace: ${g.pick(['default', 'prod', app])}`, '  labels:', `    app.kubernetes.io/name: ${app}`, 'type: Opaque', 'data:');
      d.add(`  DATABASE_URL: ${b64(`postgres://${app}:${g.alnum(18)}@db.internal:5432/${app}`)}`);
      if (i % 2) d.add(`  ${names[1]}: ${b64(secret)}`, `  ${names[0]}: ${b64(id)}`);
      else d.add(`  ${names[0]}: ${b64(id)}`, `  ${names[1]}: ${b64(secret)}`);
      const ln = (v) => d.lines.findIndex((l) => l.includes(b64(v))) + 1;
      if (token) d.add(`  AWS_SESSION_TOKEN: ${b64(token)}`);
      d.add(`  REDIS_PASSWORD: ${b64(g.alnum(24))}`);
      d.label(ln(id), 'access-key-id', id, E, 'base64 (k8s Secret data value)', b64(id).slice(0, 20));
      d.label(ln(secret), 'secret-access-key', secret, E, 'base64 (k8s Secret data value)', b64(secret).slice(0, 20));
      if (token) d.label(ln(token), 'session-token', token, E, 'base64 (k8s Secret data value)', b64(token).slice(0, 20));
      if (i === 4) d.add('---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${app}`, 'spec:', '  replicas: 2', '  template:', '    spec:', '      containers:', `        - name: ${app}`, `          image: registry.internal/${app}:1.${g.int(0, 40)}.${g.int(0, 9)}`, '          envFrom:', '            - secretRef:', `                name: ${app}-aws`);
    },
  },
  {
    name: 'whole file base64 in a script variable (one line)', count: 4,
    make(g, i) {
      const style = ['ini', 'env', 'json', 'ini'][i];
      const id = g.keyId(); const secret = g.secret(); const token = i === 3 ? g.token() : null;
      const text = credText(g, style, id, secret, token);
      const { enc } = b64Located(text, [id], 0);
      const lang = ['sh', 'sh', 'py', 'sh'][i];
      if (lang === 'sh') {
        const d = g.doc(`scripts/${['bootstrap-runner', 'restore-env', '', 'ci-assume'][i]}.sh`);
        d.add('#!/usr/bin/env bash', 'set -euo pipefail', '', `# ${['copied from the old jenkins box', 'TODO move this to vault', '', 'temporary until OIDC works'][i]}`);
        const ln = d.add(`${['CREDS_B64', 'DOTENV_B64', '', 'AWS_PROFILE_BLOB'][i]}="${enc}"`);
        d.add('', `mkdir -p "$HOME/.aws"`, style === 'ini' ? `echo "$${['CREDS_B64', '', '', 'AWS_PROFILE_BLOB'][i]}" | base64 -d > "$HOME/.aws/credentials"` : `echo "$DOTENV_B64" | base64 --decode > .env`, `chmod 600 "$HOME/.aws/credentials" 2>/dev/null || true`, `aws sts get-caller-identity --region ${g.region()}`);
        labelPair(d, () => ln, id, secret, token, `base64 of a whole ${style} file in a shell variable (one line)`);
      } else {
        const d = g.doc(`tools/${g.app()}_sync.py`);
        d.add('import base64', 'import json', 'import boto3', '', '# config blob pasted from the ops wiki, see OPS-' + g.int(100, 999));
        const ln = d.add(`_CONFIG = "${enc}"`);
        d.add('', '', 'def client():', '    cfg = json.loads(base64.b64decode(_CONFIG))', '    c = cfg["credentials"]', '    return boto3.client("s3", region_name=cfg["region"],', '                        aws_access_key_id=c["accessKeyId"],', '                        aws_secret_access_key=c["secretAccessKey"])');
        labelPair(d, () => ln, id, secret, null, 'base64 of a whole json file in a Python variable (one line)');
      }
    },
  },
  {
    name: 'cloud-init write_files base64 (wrapped)', count: 3,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const style = ['ini', 'env', 'ini'][i];
      const text = credText(g, style, id, secret, null);
      const width = [76, 64, 60][i];
      const { lines, at } = b64Located(text, [id, secret], width);
      const d = g.doc(`infra/cloud-init/${['worker', 'bastion', 'gpu-node'][i]}.yaml`);
      d.add('#cloud-config', 'package_update: true', 'packages:', '  - awscli', '  - jq', 'write_files:', `  - path: ${style === 'ini' ? '/root/.aws/credentials' : '/etc/default/app.env'}`, '    owner: root:root', "    permissions: '0600'", '    encoding: b64', '    content: |');
      const first = d.add(...lines.map((l) => '      ' + l));
      d.add('runcmd:', `  - [ systemctl, restart, ${g.app()} ]`);
      labelPair(d, (k) => first + at[k], id, secret, null, `base64 of a whole ${style} file (cloud-init, wrapped at ${width})`);
    },
  },
  {
    name: 'heredoc wrapped base64', count: 2,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret(); const token = i ? g.token() : null;
      const text = credText(g, i ? 'env' : 'ini', id, secret, token);
      const { lines, at } = b64Located(text, token ? [id, secret, token] : [id, secret], 76);
      const d = g.doc(`ops/${['restore-creds', 'seed-runner'][i]}.sh`);
      d.add('#!/bin/sh', '# restores the deploy profile on a fresh runner', `base64 -d > ${i ? '/srv/app/.env' : '"$HOME/.aws/credentials"'} <<'EOF'`);
      const first = d.add(...lines);
      d.add('EOF', 'echo restored');
      labelPair(d, (k) => first + at[k], id, secret, token, 'base64 of a whole file in a heredoc (wrapped at 76)');
    },
  },
  {
    name: 'CI YAML base64', count: 2,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const text = credText(g, 'env', id, secret, null);
      const { enc } = b64Located(text, [id], 0);
      const d = g.doc(i ? '.gitlab-ci.yml' : '.github/workflows/nightly-export.yml');
      if (i) {
        d.add('stages: [build, deploy]', '', 'variables:', '  DOCKER_DRIVER: overlay2');
        const ln = d.add(`  DEPLOY_ENV_B64: "${enc}"`);
        d.add('', 'deploy:', '  stage: deploy', '  image: amazon/aws-cli:2.15.0', '  script:', '    - echo "$DEPLOY_ENV_B64" | base64 -d > .env', '    - set -a; . ./.env; set +a', `    - aws s3 sync dist/ s3://${g.bucket()}/`);
        labelPair(d, () => ln, id, secret, null, 'base64 of a whole env file in a CI variable (one line)');
      } else {
        d.add('name: nightly export', 'on:', '  schedule:', "    - cron: '17 3 * * *'", 'jobs:', '  export:', '    runs-on: ubuntu-latest', '    env:');
        const ln = d.add(`      EXPORT_ENV: ${enc}`);
        d.add('    steps:', '      - uses: actions/checkout@v4', '      - run: echo "$EXPORT_ENV" | base64 -d >> "$GITHUB_ENV"', '      - run: ./scripts/export.sh');
        labelPair(d, () => ln, id, secret, null, 'base64 of a whole env file in a CI variable (one line)');
      }
    },
  },
  {
    name: 'Dockerfile ARG base64', count: 2,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const d = g.doc(`${['images/uploader', 'images/backup'][i]}/Dockerfile`);
      d.add(`FROM ${g.pick(['python:3.12-slim', 'node:20-alpine', 'debian:bookworm-slim'])}`, 'WORKDIR /app');
      if (i) {
        const text = credText(g, 'ini', id, secret, null);
        const ln = d.add(`ARG AWS_CREDENTIALS_B64=${b64(text)}`);
        d.add('RUN mkdir -p /root/.aws && echo "$AWS_CREDENTIALS_B64" | base64 -d > /root/.aws/credentials');
        labelPair(d, () => ln, id, secret, null, 'base64 of a whole ini file in a Dockerfile ARG');
      } else {
        const l1 = d.add(`ARG AWS_KEY_B64=${b64(id)}`);
        const l2 = d.add(`ARG AWS_SECRET_B64=${b64(secret)}`);
        d.add('ENV AWS_DEFAULT_REGION=' + g.region());
        d.label(l1, 'access-key-id', id, E, 'base64 of the value in a Dockerfile ARG', b64(id));
        d.label(l2, 'secret-access-key', secret, E, 'base64 of the value in a Dockerfile ARG', b64(secret));
      }
      d.add('COPY . .', 'CMD ["./run.sh"]');
    },
  },
  {
    name: 'opaque config base64 JSON', count: 2,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const text = credText(g, 'json', id, secret, null);
      const d = g.doc(`config/${['vector.sealed.json', 'fluent-output.json'][i]}`);
      const enc = b64(text);
      const lines = [`{`, `  "version": ${g.int(2, 9)},`, `  "sink": "s3",`, `  "encoding": "base64",`, `  "opaque": "${enc}",`, `  "checksum": "${g.hex(64)}"`, `}`];
      d.add(...lines);
      labelPair(d, () => 5, id, secret, null, 'base64 of a whole json file in an opaque JSON field');
    },
  },
  {
    name: 'JSON \\/ escapes (PHP logs, a JSON document logged as a string)', count: 3,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret(true);
      const d = g.doc(`storage/logs/${['laravel-' + g.date(), 'worker-' + g.date(), 'api-' + g.date()][i]}.log`);
      for (let k = 0; k < 3; k++) d.add(`{"time":"${g.ts()}","level":"info","message":"job processed","context":{"job":"${g.app()}","ms":${g.int(3, 900)}}}`);
      let ln;
      if (i === 0) ln = d.add(`{"time":"${g.ts()}","level":"debug","message":"filesystem config","context":{"disk":"s3","key":"${id}","secret":"${jsonSlash(secret)}","bucket":"${g.bucket()}","url":"https:\\/\\/${g.bucket()}.s3.amazonaws.com\\/"}}`);
      else {
        const inner = JSON.stringify({ aws: { accessKeyId: id, secretAccessKey: secret, region: g.region() } });
        const outer = JSON.stringify(inner).replaceAll('/', '\\/');
        ln = d.add(`{"time":"${g.ts()}","level":"debug","message":"loaded remote config","payload":${outer}}`);
      }
      for (let k = 0; k < 2; k++) d.add(`{"time":"${g.ts()}","level":"warning","message":"retrying","context":{"attempt":${k + 2}}}`);
      d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a JSON log line', id);
      d.label(ln, 'secret-access-key', secret, E, i ? 'JSON \\/ escapes (a JSON document logged as a JSON string)' : 'JSON \\/ escapes (PHP json_encode log)', jsonSlash(secret).slice(0, secret.indexOf('/') + 2));
    },
  },
  {
    name: 'JSON \\u002B escapes (System.Text.Json)', count: 3,
    make(g, i) {
      const id = g.keyId(i === 2 ? 'ASIA' : 'AKIA'); const secret = g.secret(true);
      const token = i === 2 ? g.token(true) : null;
      const d = g.doc(`src/${['Billing.Api', 'Reports.Worker', 'Media.Service'][i]}/appsettings.${['Production', 'Staging', 'Development'][i]}.json`, g.chance(0.5));
      const enc = i === 1 ? jsonPlusLower : jsonPlus;
      d.add('{', '  "Logging": {', '    "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" }', '  },', '  "AWS": {', `    "Region": "${g.region()}",`);
      const l1 = d.add(`    "AccessKey": "${id}",`);
      const l2 = d.add(`    "SecretKey": "${enc(secret)}"${token ? ',' : ''}`);
      const l3 = token ? d.add(`    "SessionToken": "${enc(token)}"`) : 0;
      d.add('  },', `  "AllowedHosts": "*"`, '}');
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID in appsettings.json', id);
      const first = (v) => { const m = enc(v); const j = m.indexOf('\\u'); return m.slice(0, j + 6); };
      d.label(l2, 'secret-access-key', secret, E, i === 1 ? 'JSON \\u002b/\\u002f escapes (lower-case hex)' : 'JSON \\u002B escapes (System.Text.Json)', first(secret));
      if (token) d.label(l3, 'session-token', token, E, 'JSON \\u002B and \\u003D escapes (session token)', first(token));
    },
  },
  {
    name: 'HTML character references', count: 4,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret(true);
      const enc = [htmlDec, htmlHex, htmlNamed, htmlHex][i];
      const kind = ['Jenkins console', 'GitLab job log', 'Confluence export', 'Jenkins console'][i];
      const d = g.doc(`docs/saved/${['jenkins-build-' + g.int(100, 999), 'gitlab-job-' + g.int(10000, 99999), 'Runbook-S3-Restore', 'jenkins-deploy-' + g.int(100, 999)][i]}.html`, g.chance(0.4));
      d.add('<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>' + kind + '</title></head>', '<body>');
      let l1, l2;
      if (i === 2) {
        d.add('<h1>S3 restore runbook</h1>', '<p>Use the break-glass user below only when the restore role is unavailable.</p>', '<table class="confluenceTable"><tbody>', '<tr><th class="confluenceTh">Setting</th><th class="confluenceTh">Value</th></tr>');
        l1 = d.add(`<tr><td class="confluenceTd">Access key ID</td><td class="confluenceTd">${id}</td></tr>`);
        l2 = d.add(`<tr><td class="confluenceTd">Secret access key</td><td class="confluenceTd"><code>${enc(secret)}</code></td></tr>`);
        d.add('</tbody></table>');
      } else {
        d.add('<pre class="console-output">', `<span class="timestamp"><b>${g.time()}</b> </span>Started by user ${g.pick(['admin', 'deploy-bot', 'jdoe'])}`, `<span class="timestamp"><b>${g.time()}</b> </span>[Pipeline] sh`);
        l1 = d.add(`<span class="timestamp"><b>${g.time()}</b> </span>+ export AWS_ACCESS_KEY_ID=${id}`);
        l2 = d.add(`<span class="timestamp"><b>${g.time()}</b> </span>+ export AWS_SECRET_ACCESS_KEY=${enc(secret)}`);
        d.add(`<span class="timestamp"><b>${g.time()}</b> </span>+ aws s3 cp build.tar.gz s3://${g.bucket()}/`, `<span class="timestamp"><b>${g.time()}</b> </span>upload: ./build.tar.gz to s3://${g.bucket()}/build.tar.gz`, 'Finished: SUCCESS', '</pre>');
      }
      d.add('</body></html>');
      d.label(l1, 'access-key-id', id, 'plain', `literal key ID in a saved ${kind} page`, id);
      const fm = { 0: 'decimal &#43;/&#47;', 1: 'hex &#x2B;/&#x2F;', 2: 'named &plus;/&sol;', 3: 'hex &#x2B;/&#x2F;' }[i];
      d.label(l2, 'secret-access-key', secret, E, `HTML character references, ${fm} (${kind})`, enc(secret).slice(0, 12));
    },
  },
  {
    name: 'quoted-printable mail', count: 3,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const d = g.doc(`mail/${['onboarding', 'rotation-notice', 'fwd-vendor-access'][i]}.eml`, true);
      const body = [
        `Hi ${g.pick(['Sam', 'Priya', 'Jonas', 'Mei'])},`,
        '',
        `Here is the ${g.pick(['upload', 'backup', 'reporting'])} user for the ${g.app()} bucket - please keep it out of Slack.`,
        '',
        `    aws_access_key_id=${id}`,
        `    ${['and the secret, keep it safe: ', 'secret for profile deploy -> ', 'paste into ~/.aws/credentials: '][i]}aws_secret_access_key=${secret}`,
        '',
        'Thanks,',
        `${g.pick(['Ops', 'Platform team', 'IT'])}`,
      ];
      const { lines, at } = qpLocated(body, [id, secret]);
      d.add(`From: ${g.pick(['ops', 'it-help', 'platform'])}@example.org`, 'To: newhire@example.org', `Subject: ${g.pick(['Your AWS access', 'Rotated keys', 'Fwd: vendor bucket access'])}`, `Date: Tue, ${g.int(1, 28)} Oct 2026 ${g.time()} +0000`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '');
      const first = d.add(...lines);
      d.label(first + at[0], 'access-key-id', id, E, 'quoted-printable, glued to =3D', `=3D${id}`);
      d.label(first + at[1], 'secret-access-key', secret, E, 'quoted-printable, cut by a soft line break', null);
    },
  },
  {
    name: 'URL-encoding', count: 4,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret(true);
      if (i === 0) {
        const d = g.doc('logs/nginx/access.log');
        for (let k = 0; k < 3; k++) d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"`);
        const ln = d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "GET /admin/storage/test?provider=s3&access_key=${id}&secret_key=${url(secret)}&bucket=${g.bucket()} HTTP/1.1" 302 0 "-" "Mozilla/5.0"`);
        d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "GET /static/app.js HTTP/1.1" 200 48211 "-" "Mozilla/5.0"`);
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a query string', id);
        d.label(ln, 'secret-access-key', secret, E, 'URL-encoding (query string)', url(secret).slice(0, 10));
      } else if (i === 1) {
        const d = g.doc('captures/settings-save.http');
        d.add(`POST /settings/backup HTTP/1.1`, `Host: ${g.app()}.internal`, 'Content-Type: application/x-www-form-urlencoded', `Cookie: session=${g.hex(32)}`, '');
        const ln = d.add(`csrf=${g.hex(32)}&target=s3&region=${g.region()}&key_id=${id}&secret=${url(secret)}&prefix=nightly%2F`);
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a form body', id);
        d.label(ln, 'secret-access-key', secret, E, 'URL-encoding (form body)', url(secret).slice(0, 10));
      } else {
        const d = g.doc(i === 2 ? 'conf/spark-defaults.conf' : 'airflow/connections.env');
        d.add(i === 2 ? 'spark.master                     yarn' : '# exported with airflow connections export --format env', i === 2 ? 'spark.executor.memory            8g' : `AIRFLOW_CONN_POSTGRES_DEFAULT=postgresql://airflow:${g.alnum(14)}@pg:5432/airflow`);
        const ln = d.add(i === 2 ? `spark.hadoop.fs.s3a.endpoint.uri s3a://${id}:${url(secret)}@${g.bucket()}/warehouse` : `AIRFLOW_CONN_AWS_DEFAULT=aws://${id}:${url(secret)}@/?region_name=${g.region()}`);
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a connection URI', id);
        d.label(ln, 'secret-access-key', secret, E, 'URL-encoding (connection URI)', url(secret).slice(0, 10));
      }
    },
  },
  {
    name: 'more escapes: QP HTML mail, Serilog CLEF, Celery SQS URL, curl history, Confluence pre block', count: 6,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret(true);
      if (i === 0) {
        const d = g.doc('mail/fwd-env-file.eml', true);
        const body = ['<html><body style="font-family: Arial, sans-serif">', '<p>Forwarding the env file the vendor asked for:</p>', `<pre style="background:#eee">AWS_ACCESS_KEY_ID=${id}`, `<span style="color:#333">AWS_SECRET_ACCESS_KEY</span>=${secret}</pre>`, '</body></html>'];
        const { lines, at } = qpLocated(body, [id, secret]);
        d.add('From: "Vendor Desk" <desk@example.net>', 'To: ops@example.org', 'Subject: Fwd: env', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '');
        const first = d.add(...lines);
        d.add('--b1--');
        d.label(first + at[0], 'access-key-id', id, E, 'quoted-printable HTML part, glued to =3D', `=3D${id}`);
        d.label(first + at[1], 'secret-access-key', secret, E, 'quoted-printable HTML part, glued to =3D and cut by a soft line break', null);
      } else if (i === 1) {
        const d = g.doc(`logs/${g.app()}-clef.json`);
        for (let k = 0; k < 2; k++) d.add(`{"@t":"${g.ts()}","@mt":"Request {Path} finished in {Elapsed} ms","Path":"/api/${g.app()}","Elapsed":${g.int(2, 400)}}`);
        const ln = d.add(`{"@t":"${g.ts()}","@mt":"Storage options bound {@Options}","@l":"Debug","Options":{"Region":"${g.region()}","AccessKey":"${id}","SecretKey":"${jsonPlus(secret).replaceAll('/', '\\u002F')}"},"SourceContext":"Startup"}`);
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a Serilog CLEF line', id);
        d.label(ln, 'secret-access-key', secret, E, 'JSON \\u002B/\\u002F escapes (Serilog CLEF)', jsonPlus(secret).replaceAll('/', '\\u002F').slice(0, 8));
      } else if (i === 2) {
        const d = g.doc('worker/celeryconfig.py');
        d.add('# broker: SQS (the secret must be URL-quoted, see kombu docs)', `broker_transport_options = {"region": "${g.region()}", "visibility_timeout": 3600}`);
        const ln = d.add(`broker_url = "sqs://${id}:${url(secret)}@"`);
        d.add('task_default_queue = "' + g.app() + '"');
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a connection URI', id);
        d.label(ln, 'secret-access-key', secret, E, 'URL-encoding (Celery SQS broker URL)', url(secret).slice(0, 10));
      } else if (i === 3) {
        const d = g.doc('home/.bash_history');
        d.add('ls -la', 'cd ~/work/' + g.app(), 'git pull');
        const ln = d.add(`curl -s -X POST https://${g.app()}.internal/api/integrations/s3 -d "keyId=${id}&secretKey=${url(secret)}&bucket=${g.bucket()}"`);
        d.add('history | tail', 'exit');
        d.label(ln, 'access-key-id', id, 'plain', 'literal key ID in a form body', id);
        d.label(ln, 'secret-access-key', secret, E, 'URL-encoding (curl form body in shell history)', url(secret).slice(0, 10));
      } else if (i === 4) {
        const d = g.doc('docs/saved/Backup-Service-Credentials.html', true);
        d.add('<html><head><title>Backup service credentials - Confluence</title></head><body>', '<div class="wiki-content">', '<p>Profile for the backup host (<strong>rotate quarterly</strong>):</p>', '<pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="brush: bash; gutter: false">[backup]');
        const l1 = d.add(`aws_access_key_id = ${id}`);
        const l2 = d.add(`aws_secret_access_key = ${htmlDec(secret).replaceAll('&#47;', '&#x2F;')}`);
        d.add(`region = ${g.region()}</pre>`, '</div></body></html>');
        d.label(l1, 'access-key-id', id, 'plain', 'literal key ID in a saved Confluence export page', id);
        d.label(l2, 'secret-access-key', secret, E, 'HTML character references, mixed &#43;/&#x2F; (Confluence pre block)', htmlDec(secret).replaceAll('&#47;', '&#x2F;').slice(0, 10));
      } else {
        const d = g.doc(`docs/saved/gitlab-job-${g.int(10000, 99999)}-deploy.html`);
        d.add('<div class="job-log"><code class="job-log-line">');
        d.add(`<span class="term-fg-l-green">$ aws configure set region ${g.region()}</span>`);
        const l1 = d.add(`<span class="term-fg-l-green">$ docker run --rm -e AWS_ACCESS_KEY_ID=${id} -e AWS_SECRET_ACCESS_KEY=${htmlNamed(secret).replaceAll('&plus;', '&#x2b;')} amazon/aws-cli s3 ls</span>`);
        d.add('<span>2026-10-14 09:12:01 ' + g.bucket() + '</span>', '<span class="term-fg-l-green term-bold">Job succeeded</span>', '</code></div>');
        d.label(l1, 'access-key-id', id, 'plain', 'literal key ID in a saved GitLab job log page', id);
        d.label(l1, 'secret-access-key', secret, E, 'HTML character references, mixed &#x2b;/&sol; (GitLab job log)', null);
      }
    },
  },
];
