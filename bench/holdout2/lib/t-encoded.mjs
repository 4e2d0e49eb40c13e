// Encoded values: base64 (Kubernetes Secret data, whole credentials files in a variable or heredoc, one
// line or wrapped), JSON escapes ('\/', '\u002B'), HTML entities, quoted-printable, URL-encoding.
import { base64, wrappedBase64, base64Position, jsonSlashes, jsonUnicode, htmlEntities, urlEncode, quotedPrintable } from './encode.mjs';

const E = 'encoded';

/** A key's base64 on one line: label the line with the first 8 characters of the encoding as evidence. */
function labelB64(d, line, kind, value, form, encValue) {
  d.label(line, kind, value, E, form, encValue.slice(0, 8));
}

function credentialsIni(g, id, secret, token, profile = 'default') {
  const lines = [`[${profile}]`, `aws_access_key_id = ${id}`, `aws_secret_access_key = ${secret}`];
  if (token) lines.push(`aws_session_token = ${token}`);
  if (g.r.chance(0.5)) lines.push(`region = ${g.region()}`);
  return lines.join('\n') + '\n';
}

/** Label every key of `keys` inside base64(content) written as one line at `line`. */
function labelWhole(d, line, content, keys, form) {
  const { enc } = base64Position(content, keys[0][1]);
  for (const [kind, value] of keys) {
    const { idx } = base64Position(content, value);
    d.label(line, kind, value, E, form, enc.slice(idx, idx + 8));
  }
}

/** Write base64(content) wrapped at `width` with `indent`, labelling each key on its own line. */
function addWrapped(d, content, keys, width, indent, form) {
  const start = d.next;
  const { lines } = wrappedBase64(content, keys[0][1], width);
  d.add(lines.map((l) => indent + l).join('\n'));
  for (const [kind, value] of keys) {
    const w = wrappedBase64(content, value, width);
    d.label(start + w.index, kind, value, E, form, w.evidence);
  }
}

export const templates = [
  {
    name: 'k8s-secret-data', count: 6,
    make(g, i) {
      const app = g.app(); const env = g.r.pick(['prod', 'staging', 'dev']);
      const d = g.file(`gitops/clusters/${env}-${i}/apps/${app}/secret-aws.yaml`);
      const id = g.keyId(i % 3 === 2 ? 'ASIA' : 'AKIA'); const secret = g.secret(); const token = i % 3 === 2 ? g.sessionToken() : null;
      const names = g.r.pick([
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
        ['access-key-id', 'secret-access-key', 'session-token'],
        ['accesskey', 'secretkey', 'sessiontoken'],
        ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'],
      ]);
      d.add('# Flux-managed. Encrypt with `make seal` before committing (see docs/secrets.md).', '---', 'apiVersion: v1', 'kind: Secret', 'metadata:',
        `  name: ${app}-aws-credentials`, `  namespace: ${app}`, '  labels:', `    app.kubernetes.io/name: ${app}`, '    app.kubernetes.io/part-of: platform',
        '  annotations:', `    kustomize.toolkit.fluxcd.io/reconcile: "enabled"`, 'type: Opaque', 'data:');
      const entries = [[names[0], 'access-key-id', id], [names[1], 'secret-access-key', secret]];
      if (token) entries.push([names[2], 'session-token', token]);
      const ordered = g.r.chance(0.3) ? g.r.shuffle(entries) : entries;
      if (g.r.chance(0.5)) d.add(`  AWS_DEFAULT_REGION: ${base64(g.region())}`);
      for (const [name, kind, value] of ordered) {
        const enc = base64(value);
        labelB64(d, d.add(`  ${name}: ${enc}`), kind, value, 'base64 (k8s Secret data)', enc);
      }
      d.add(`  S3_BUCKET: ${base64(g.bucket())}`, '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${app}`, `  namespace: ${app}`, 'spec:',
        '  replicas: 2', '  template:', '    spec:', '      containers:', `        - name: ${app}`, `          image: ghcr.io/acme/${app}:${g.hex(7)}`,
        '          envFrom:', '            - secretRef:', `                name: ${app}-aws-credentials`);
    },
  },
  {
    name: 'k8s-secret-whole-file', count: 5,
    make(g, i) {
      const d = g.file(i % 2 ? `charts/velero/overlays/${g.r.pick(['prod', 'dr'])}-${i}/cloud-credentials.yaml` : `infra/k8s/${g.app()}-${i}/aws-credentials-secret.yml`);
      const id = g.keyId(); const secret = g.secret();
      const content = credentialsIni(g, id, secret, null, g.r.pick(['default', 'velero', 'backup']));
      d.add('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: cloud-credentials', `  namespace: ${i % 2 ? 'velero' : 'backup'}`, 'type: Opaque', 'data:');
      const key = g.r.pick(['cloud', 'credentials', 'aws-credentials']);
      const enc = base64(content);
      const line = d.add(`  ${key}: ${enc}`);
      labelWhole(d, line, content, [['access-key-id', id], ['secret-access-key', secret]], 'base64 of a credentials file (one line)');
    },
  },
  {
    name: 'k8s-secret-wrapped-block', count: 4,
    make(g, i) {
      const d = g.file(`deploy/helm/${g.app()}-${i}/templates/aws-secret.yaml`);
      const id = g.keyId(); const secret = g.secret();
      const content = credentialsIni(g, id, secret, null, g.r.pick(['default', 'ci', 'deploy'])) + `\n[profile reports]\nregion = ${g.region()}\noutput = json\n`;
      d.add('{{- if .Values.aws.createSecret }}', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ include "app.fullname" . }}-aws', 'type: Opaque', 'data:',
        '  # generated with: base64 < ~/.aws/credentials', '  credentials: |-');
      addWrapped(d, content, [['access-key-id', id], ['secret-access-key', secret]], 76, '    ', 'base64 of a credentials file (wrapped at 76, YAML block)');
      d.add('{{- end }}');
    },
  },
  {
    name: 'heredoc-base64-credentials', count: 4,
    make(g, i) {
      const ci = i % 2 === 0;
      const d = g.file(ci ? `.gitlab/ci/deploy-${i}.gitlab-ci.yml` : `scripts/bootstrap-runner-${i}.sh`);
      const asia = i === 3;
      const id = g.keyId(asia ? 'ASIA' : 'AKIA'); const secret = g.secret(); const token = asia ? g.sessionToken() : null;
      const content = credentialsIni(g, id, secret, token);
      const keys = [['access-key-id', id], ['secret-access-key', secret]];
      if (token) keys.push(['session-token', token]);
      const width = g.r.pick([76, 64]);
      if (ci) {
        d.add(`deploy:${g.app()}:`, '  stage: deploy', '  image: amazon/aws-cli:2.17.0', '  script:', '    - mkdir -p ~/.aws', '    - |',
          `      base64 -d > ~/.aws/credentials <<'EOF'`);
        addWrapped(d, content, keys, width, '      ', `base64 of a credentials file (heredoc, wrapped at ${width})`);
        d.add('      EOF', `    - aws s3 sync dist/ s3://${g.bucket()}/ --delete`, '  only:', '    - main');
      } else {
        d.add('#!/usr/bin/env bash', 'set -euo pipefail', '# Runner bootstrap: drops the deploy profile in place.', 'install -d -m 700 ~/.aws',
          'base64 --decode > ~/.aws/credentials <<EOF');
        addWrapped(d, content, keys, width, '', `base64 of a credentials file (heredoc, wrapped at ${width})`);
        d.add('EOF', 'chmod 600 ~/.aws/credentials', `aws sts get-caller-identity --query Account --output text`);
      }
    },
  },
  {
    name: 'base64-variable', count: 5,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const shape = i % 3;
      const content = shape === 0 ? credentialsIni(g, id, secret, null)
        : shape === 1 ? JSON.stringify({ accessKeyId: id, secretAccessKey: secret, region: g.region() })
          : `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${secret}\nAWS_DEFAULT_REGION=${g.region()}\n`;
      const enc = base64(content);
      const keys = [['access-key-id', id], ['secret-access-key', secret]];
      let d; let line;
      if (i === 0) {
        d = g.file(`.github/workflows/nightly-export-${i}.yml`);
        d.add('name: nightly-export', 'on:', '  schedule:', "    - cron: '17 3 * * *'", 'env:');
        line = d.add(`  AWS_CREDENTIALS_B64: "${enc}"`);
        d.add('jobs:', '  export:', '    runs-on: ubuntu-latest', '    steps:', '      - run: mkdir -p ~/.aws && echo "$AWS_CREDENTIALS_B64" | base64 -d > ~/.aws/credentials');
      } else if (i === 1) {
        d = g.file(`services/${g.app()}/Dockerfile`);
        d.add('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt');
        line = d.add(`ARG AWS_CREDS=${enc}`);
        d.add('RUN mkdir -p /root/.aws && echo "$AWS_CREDS" | base64 -d > /root/.aws/credentials', 'COPY . .', 'CMD ["python", "-m", "worker"]');
      } else if (i === 2) {
        d = g.file(`tools/sync_${g.app()}.py`);
        d.add('import base64', 'import configparser', 'import boto3', '', '# TODO(ops): stop shipping this blob, use the instance role', '');
        line = d.add(`_BLOB = "${enc}"`);
        d.add('', '', 'def session():', '    raw = base64.b64decode(_BLOB).decode()', '    ...');
      } else if (i === 3) {
        d = g.file(`env/${g.app()}.env`);
        d.add(`APP_ENV=production`, `LOG_LEVEL=info`);
        line = d.add(`AWS_CONFIG_B64=${enc}`);
        d.add(`FEATURE_FLAGS=reports,exports`);
      } else {
        d = g.file(`src/main/resources/bootstrap-${i}.properties`);
        d.add('spring.application.name=' + g.app(), 'management.endpoints.web.exposure.include=health');
        line = d.add(`storage.credentials.encoded=${enc}`);
        d.add('storage.bucket=' + g.bucket());
      }
      labelWhole(d, line, content, keys, 'base64 of a credentials file (one line)');
    },
  },
  {
    name: 'php-json-slashes', count: 6,
    make(g, i) {
      const d = g.file(i % 2 ? `storage/logs/laravel-${g.date()}-${i}.log` : `var/log/app-${i}.ndjson`);
      const id = g.keyId(); const secret = g.secret('/');
      const esc = jsonSlashes(secret);
      for (let k = 0; k < g.r.range(2, 5); k++) d.add(`[${g.date()} ${g.time()}] production.INFO: Queue worker processed {"job":"App\\\\Jobs\\\\Sync${g.app()}","ms":${g.r.range(20, 900)}}`);
      const ctx = i % 2
        ? `[${g.date()} ${g.time()}] production.ERROR: Unable to write file at location: exports\\/report.csv. {"exception":"[object] (League\\\\Flysystem\\\\UnableToWriteFile(code: 0))","disk":{"driver":"s3","key":"${id}","secret":"${esc}","region":"${g.region()}","bucket":"${g.bucket()}","url":"https:\\/\\/cdn.example.com"}}`
        : `{"level":"error","message":"aws config loaded","context":{"credentials":{"aws_access_key_id":"${id}","aws_secret_access_key":"${esc}"},"endpoint":"https:\\/\\/s3.${g.region()}.amazonaws.com"}}`;
      const line = d.add(ctx);
      d.label(line, 'access-key-id', id, 'plain', 'plain (in a PHP JSON log line)');
      d.label(line, 'secret-access-key', secret, E, 'JSON \\/ escapes (PHP json_encode)', esc.slice(0, esc.indexOf('\\/') + 2));
      for (let k = 0; k < g.r.range(1, 3); k++) d.add(`[${g.date()} ${g.time()}] production.INFO: Health check ok {"uptime":${g.r.range(100, 99999)}}`);
    },
  },
  {
    name: 'dotnet-json-u002b', count: 6,
    make(g, i) {
      const asia = i === 3;
      const id = g.keyId(asia ? 'ASIA' : 'AKIA'); const secret = g.secret('+'); const token = asia ? g.sessionToken() : null;
      const esc = jsonUnicode(secret);
      const ev = (s) => s.slice(0, s.indexOf('\\u002B') + 6);
      if (i % 2 === 0) {
        const d = g.file(`src/${g.r.pick(['Acme', 'Globex'])}.${g.r.pick(['Api', 'Worker'])}${i}/appsettings.Production.json`);
        d.add('{', '  "Logging": {', '    "LogLevel": {', '      "Default": "Information",', '      "Microsoft.AspNetCore": "Warning"', '    }', '  },',
          '  "AllowedHosts": "*",', '  "AWS": {', `    "Region": "${g.region()}",`);
        d.label(d.add(`    "AccessKey": "${id}",`), 'access-key-id', id, 'plain', 'plain');
        d.label(d.add(`    "SecretKey": "${esc}"${token ? ',' : ''}`), 'secret-access-key', secret, E, 'JSON \\u002B escapes (System.Text.Json)', ev(esc));
        if (token) { const t = jsonUnicode(token); d.label(d.add(`    "SessionToken": "${t}"`), 'session-token', token, E, 'JSON \\u002B escapes (System.Text.Json)', ev(t)); }
        d.add('  },', `  "ConnectionStrings": { "Default": "Host=db;Database=${g.app()};Username=app" }`, '}');
      } else {
        const d = g.file(`logs/${g.app()}-worker-${g.date()}.clef`);
        for (let k = 0; k < 3; k++) d.add(`{"@t":"${g.date()}T${g.time()}.${g.r.range(100, 999)}Z","@mt":"Heartbeat {Seq}","Seq":${g.r.range(1, 9999)}}`);
        const line = d.add(`{"@t":"${g.date()}T${g.time()}.${g.r.range(100, 999)}Z","@mt":"Options bound {@Options}","Options":{"Region":"${g.region()}","AccessKeyId":"${id}","SecretAccessKey":"${esc}","ServiceUrl":null},"SourceContext":"Acme.Storage.S3Options"}`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, 'JSON \\u002B escapes (System.Text.Json, Serilog CLEF)', ev(esc));
        d.add(`{"@t":"${g.date()}T${g.time()}.${g.r.range(100, 999)}Z","@mt":"Upload finished in {Elapsed} ms","Elapsed":${g.r.range(5, 400)}}`);
      }
    },
  },
  {
    name: 'saved-ci-page-html-entities', count: 8,
    make(g, i) {
      const style = ['dec', 'hex', 'mixed', 'named'][i % 4];
      const d = g.file(`docs/incidents/${g.date()}-build-${g.r.range(1000, 9999)}-console.html`);
      const asia = i % 4 === 1;
      const id = g.keyId(asia ? 'ASIA' : 'AKIA'); const secret = g.secret('+/'); const token = asia ? g.sessionToken() : null;
      const enc = htmlEntities(secret, style);
      const ev = (s) => s.slice(0, s.indexOf('&') + 4);
      d.add('<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>deploy-' + g.app() + ' #' + g.r.range(100, 999) + ' Console [Jenkins]</title>',
        '<link rel="stylesheet" href="/static/2f1e/css/style.css"></head>', '<body><div id="main-panel">', '<pre class="console-output">Started by user ' + g.person(),
        '[Pipeline] sh', '+ aws --version', 'aws-cli/2.17.0 Python/3.11.9 Linux/5.15 exe/x86_64');
      if (i % 2) {
        d.label(d.add(`+ export AWS_ACCESS_KEY_ID=${id}`), 'access-key-id', id, 'plain', 'plain');
        d.label(d.add(`+ export AWS_SECRET_ACCESS_KEY=${enc}`), 'secret-access-key', secret, E, `HTML entities (${style})`, ev(enc));
      } else {
        const line = d.add(`+ aws configure set aws_access_key_id ${id} &amp;&amp; aws configure set aws_secret_access_key &quot;${enc}&quot;`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, `HTML entities (${style})`, ev(enc));
      }
      if (token) { const t = htmlEntities(token, style); d.label(d.add(`+ export AWS_SESSION_TOKEN=${t}`), 'session-token', token, E, `HTML entities (${style})`, t.slice(0, 12)); }
      d.add(`+ aws s3 cp build.tar.gz s3://${g.bucket()}/releases/`, 'upload: ./build.tar.gz to s3://…/releases/build.tar.gz', 'Finished: SUCCESS</pre>', '</div></body></html>');
    },
  },
  {
    name: 'eml-quoted-printable', count: 9,
    make(g, i) {
      const d = g.file(`mail/${g.r.pick(['inbox', 'archive', 'export'])}/${g.date()}-new-ci-user-${i}.eml`, { crlf: true });
      const id = g.keyId(); const secret = g.secret();
      const who = g.person();
      d.add(`From: ${who} <${who.split(' ')[0].toLowerCase()}@example.com>`, 'To: platform-team@example.com', `Subject: =?utf-8?Q?Credentials_for_the_new_CI_user_=E2=80=93_${g.app()}?=`,
        `Date: Tue, ${g.r.range(1, 28)} Nov 2026 ${g.time()} +0100`, `Message-ID: <${g.hex(16)}@mail.example.com>`, 'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '');
      // Long lines, so that the 76-column soft breaks fall inside the keys in most of the files: the
      // prose variant tries a few wordings until one does (as real mail does by chance).
      const v = i % 3;
      const prose = (pad) => `Hi all,\n\nas discussed in the stand-up, here are the keys for the ${g.app()} deploy user (please rotate them after the migration${pad}): access key ID ${id}, secret ${secret} \u2013 stored nowhere else.\n\nThanks,\n${who}\n`;
      let body;
      if (v === 1) {
        for (let k = 0; k < 40; k++) {
          body = prose(g.r.shuffle([' next week', ' at the latest', ' as agreed with security', ' and tell me', ', really', ' before the audit', ' on Friday']).slice(0, g.r.range(0, 3)).join(''));
          const t = body.replace('\u2013', '-'); const q = quotedPrintable(t); const off = t.indexOf(secret);
          if (q.lineOf[off] !== q.lineOf[off + 39]) break;
        }
      } else if (v === 2) {
        body = `Hi,\n\nquick way to check the restore bucket from your laptop:\n\nAWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${secret} aws s3 ls s3://${g.bucket()}/ --recursive | tail\n\n${who}\n`;
      } else {
        body = `Hello,\n\nPaste this into ~/.aws/credentials (profile "deploy" is fine):\n\n[deploy]\naws_access_key_id=${id}\naws_secret_access_key=${secret}\nregion=${g.region()}\n\nCheers,\n${who}\n`;
      }
      const { lines, lineOf } = quotedPrintable(body.replace('\u2013', '-'));
      const start = d.next;
      d.add(lines.join('\n'));
      const text = body.replace('\u2013', '-');
      for (const [kind, value] of [['access-key-id', id], ['secret-access-key', secret]]) {
        const off = text.indexOf(value);
        const l0 = lineOf[off]; const l1 = lineOf[off + value.length - 1];
        const outLine = lines[l0];
        // evidence: the part of the value that sits on its first line
        const firstPart = value.slice(0, [...value].findIndex((_, k) => lineOf[off + k] !== l0) >>> 0 || value.length);
        const softBroken = l1 !== l0;
        // Encoded when a soft break cuts it, or when '=3D' sits right before it: then even a key ID is
        // glued to '3D' and has no word boundary until the mail is decoded. (The first run, before this
        // was seen, classed such IDs plain: see README.md.)
        const cls = softBroken || body.includes(`=${value}`) ? E : 'plain';
        d.label(start + l0, kind, value, cls, softBroken ? 'quoted-printable (soft line break inside)' : cls === E ? 'quoted-printable (=3D before it)' : 'plain (in a quoted-printable mail)', outLine.includes(firstPart) ? firstPart : value.slice(0, 4));
      }
    },
  },
  {
    name: 'url-encoded', count: 8,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret('+/');
      const enc = urlEncode(secret);
      const ev = enc.slice(0, enc.indexOf('%') + 3);
      if (i === 0 || i === 3) {
        const d = g.file(`logs/nginx/access-${g.date()}-${i}.log`);
        for (let k = 0; k < 3; k++) d.add(`10.0.${g.r.range(0, 9)}.${g.r.range(2, 250)} - - [03/Dec/2026:${g.time()} +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"`);
        const line = d.add(`10.0.${g.r.range(0, 9)}.${g.r.range(2, 250)} - - [03/Dec/2026:${g.time()} +0000] "GET /admin/integrations/s3/test?bucket=${g.bucket()}&access_key_id=${id}&secret_access_key=${enc}&region=${g.region()} HTTP/1.1" 200 41 "-" "Mozilla/5.0"`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, 'URL-encoding (query string)', ev);
        d.add(`10.0.${g.r.range(0, 9)}.${g.r.range(2, 250)} - - [03/Dec/2026:${g.time()} +0000] "GET /static/app.js HTTP/1.1" 304 0 "-" "Mozilla/5.0"`);
      } else if (i === 1 || i === 4) {
        const d = g.file(`support/ticket-${g.r.range(10000, 99999)}/capture-${i}.har`);
        const body = `AccessKeyId=${id}&SecretAccessKey=${enc}&Region=${g.region()}&Bucket=${g.bucket()}`;
        d.add('{', '  "log": {', '    "version": "1.2",', '    "creator": { "name": "Firefox", "version": "133.0" },', '    "entries": [', '      {',
          `        "startedDateTime": "${g.date()}T${g.time()}.000Z",`, '        "request": {', '          "method": "POST",',
          `          "url": "https://console.${g.app()}.example.com/api/storage/connect",`, '          "headers": [ { "name": "Content-Type", "value": "application/x-www-form-urlencoded" } ],',
          '          "postData": {', '            "mimeType": "application/x-www-form-urlencoded",');
        const line = d.add(`            "text": "${body}",`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, 'URL-encoding (form body in a HAR)', ev);
        d.add('            "params": [');
        d.label(d.add(`              { "name": "AccessKeyId", "value": "${id}" },`), 'access-key-id', id, 'plain', 'plain (HAR params)');
        d.label(d.add(`              { "name": "SecretAccessKey", "value": "${secret}" },`), 'secret-access-key', secret, 'plain', 'plain (HAR params, name/value object)');
        d.add(`              { "name": "Region", "value": "${g.region()}" }`, '            ]', '          }', '        },', '        "response": { "status": 204 }', '      }', '    ]', '  }', '}');
      } else if (i === 2) {
        const d = g.file(`airflow/logs/dag_id=${g.app()}_export/run_id=scheduled__${g.date()}/attempt=1.log`);
        d.add(`[${g.date()}T${g.time()}.000+0000] {taskinstance.py:1157} INFO - Dependencies all met`, `[${g.date()}T${g.time()}.000+0000] {spark_submit.py:341} INFO - Spark-Submit cmd: spark-submit --master yarn --name ${g.app()}`);
        const line = d.add(`[${g.date()}T${g.time()}.000+0000] {spark_submit.py:490} INFO - 26/12/03 INFO Writing to s3a://${id}:${enc}@${g.bucket()}/exports/dt=${g.date()}/`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, 'URL-encoding (userinfo of an s3a:// URL)', ev);
        d.add(`[${g.date()}T${g.time()}.000+0000] {taskinstance.py:1400} INFO - Marking task as SUCCESS.`);
      } else {
        const d = g.file(`home/${g.r.pick(['dana', 'luis', 'priya'])}/.bash_history.${i}`);
        d.add('cd ~/src/' + g.app(), 'git pull', 'aws sts get-caller-identity');
        const line = d.add(`curl -s -X POST https://ci.example.com/api/v4/projects/${g.r.range(10, 999)}/variables --data "key=AWS_CREDS&value=aws_access_key_id%3D${id}%26aws_secret_access_key%3D${enc}"`);
        d.label(line, 'access-key-id', id, 'plain', 'plain');
        d.label(line, 'secret-access-key', secret, E, 'URL-encoding (form value)', ev);
        d.add('history | tail', 'exit');
      }
    },
  },
];
