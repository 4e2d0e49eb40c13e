// Encoded values: the key is in the file, but only after base64, JSON escapes, HTML references,
// URL-encoding or quoted-printable are undone. Where the ID is written as is beside an encoded
// secret, it is labelled plain.
import { b64, b64Located, qpLocated, credsIni, jsonSlash, jsonNet, htmlGo, htmlValidator, htmlHexLower, url, form } from './encode.mjs';

const E = 'encoded';

function k8sSecret(g, i) {
  const app = g.app();
  const id = g.keyId(i === 4 ? 'ASIA' : 'AKIA');
  const sec = g.secret();
  const paths = [`deploy/k8s/${app}/aws-credentials.yaml`, `k8s/base/secret-aws.yml`, `infra/velero/credentials-secret.yaml`, `manifests/${app}-secrets.yaml`, `ops/cronjobs/${app}-s3-sync-secret.yaml`];
  const d = g.doc(paths[i], g.chance(0.2));
  if (i === 2) {
    // Velero: the whole shared credentials file under one data key.
    const ini = credsIni(id, sec);
    const enc = b64(ini);
    d.add('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: cloud-credentials', '  namespace: velero', '  labels:', '    component: velero', 'type: Opaque', 'data:');
    const n = d.add(`  cloud: ${enc}`);
    d.label(n, 'access-key-id', id, E, 'base64 credentials file (k8s Secret, velero cloud)', enc).label(n, 'secret-access-key', sec, E, 'base64 credentials file (k8s Secret, velero cloud)', enc);
    d.add('---', 'apiVersion: velero.io/v1', 'kind: BackupStorageLocation', 'metadata:', '  name: default', '  namespace: velero', 'spec:', '  provider: aws', '  objectStorage:', `    bucket: ${g.bucket()}`, '  config:', `    region: ${g.region()}`);
    return;
  }
  if (i === 3) {
    // cert-manager Route53 issuer: the ID in the Issuer as is, the secret base64 in the Secret.
    const e = b64(sec);
    d.add('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: route53-credentials', '  namespace: cert-manager', 'type: Opaque', 'data:');
    d.put(`  secret-access-key: ${e}`, 'secret-access-key', sec, E, 'base64 k8s Secret data (cert-manager)', e);
    d.add('---', 'apiVersion: cert-manager.io/v1', 'kind: ClusterIssuer', 'metadata:', '  name: letsencrypt-prod', 'spec:', '  acme:', '    server: https://acme-v02.api.letsencrypt.org/directory', `    email: ${g.person()}@${g.org()}.io`, '    privateKeySecretRef:', '      name: letsencrypt-prod', '    solvers:', '    - dns01:', '        route53:', `          region: ${g.region()}`);
    d.put(`          accessKeyID: ${id}`, 'access-key-id', id, 'plain', 'cert-manager issuer accessKeyID');
    d.add('          secretAccessKeySecretRef:', '            name: route53-credentials', '            key: secret-access-key');
    return;
  }
  const names = g.pick([['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'], ['access-key-id', 'secret-access-key', 'session-token'], ['accessKey', 'secretKey', 'sessionToken']]);
  const eid = b64(id), esec = b64(sec);
  const tok = i === 4 ? g.token() : null;
  const etok = tok ? b64(tok) : null;
  d.add('apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${app}-aws`);
  if (i === 1) {
    // kubectl get secret -o yaml: the last-applied annotation repeats the data as JSON.
    const json = JSON.stringify({ apiVersion: 'v1', data: { [names[0]]: eid, [names[1]]: esec }, kind: 'Secret', metadata: { annotations: {}, name: `${app}-aws`, namespace: 'default' }, type: 'Opaque' });
    d.add('  annotations:', '    kubectl.kubernetes.io/last-applied-configuration: |');
    const n = d.add(`      ${json}`);
    d.label(n, 'access-key-id', id, E, 'base64 k8s Secret data (last-applied JSON)', eid).label(n, 'secret-access-key', sec, E, 'base64 k8s Secret data (last-applied JSON)', esec);
    d.add(`  creationTimestamp: "${g.date()}T${g.time()}Z"`, '  namespace: default', `  resourceVersion: "${g.int(100000, 9999999)}"`, `  uid: ${g.uuid()}`);
  } else {
    d.add(`  namespace: ${g.pick(['default', app, 'prod', 'jobs'])}`, '  labels:', `    app.kubernetes.io/name: ${app}`);
  }
  d.add('type: Opaque', 'data:');
  const order = g.chance(0.5) ? [0, 1] : [1, 0];
  for (const k of order) {
    if (k === 0) d.put(`  ${names[0]}: ${eid}`, 'access-key-id', id, E, 'base64 k8s Secret data', eid);
    else d.put(`  ${names[1]}: ${esec}`, 'secret-access-key', sec, E, 'base64 k8s Secret data', esec);
  }
  if (tok) d.put(`  ${names[2]}: ${etok}`, 'session-token', tok, E, 'base64 k8s Secret data', etok);
  if (g.chance(0.5)) d.add(`  BUCKET: ${b64(g.bucket())}`);
}

function kubectlJson(g, i) {
  const id = g.keyId(), sec = g.secret();
  const eid = b64(id), esec = b64(sec);
  const d = g.doc([`debug/kubectl-get-secret-${g.app()}.json`, `support/ticket-${g.int(1000, 9999)}/secret.json`][i]);
  d.add('{', '    "apiVersion": "v1",', '    "data": {');
  d.add(`        "DATABASE_URL": "${b64(`postgres://app:${g.alnum(16)}@db.internal:5432/app`)}",`);
  d.put(`        "S3_ACCESS_KEY": "${eid}",`, 'access-key-id', id, E, 'base64 k8s Secret data (kubectl -o json)', eid);
  d.put(`        "S3_SECRET_KEY": "${esec}"`, 'secret-access-key', sec, E, 'base64 k8s Secret data (kubectl -o json)', esec);
  d.add('    },', '    "kind": "Secret",', '    "metadata": {', `        "creationTimestamp": "${g.date()}T${g.time()}Z",`, `        "name": "${g.app()}-env",`, '        "namespace": "default",', `        "uid": "${g.uuid()}"`, '    },', '    "type": "Opaque"', '}');
}

function credsOneLine(g, i) {
  const id = g.keyId(), sec = g.secret();
  const ini = credsIni(id, sec, g.pick(['default', 'default', 'deploy']));
  const enc = b64(ini);
  const f = 'base64 credentials file on one line';
  if (i === 0) {
    const d = g.doc('.env.ci');
    d.add('# CI-only settings, loaded by scripts/ci-env.sh', 'NODE_ENV=test', `S3_BUCKET=${g.bucket()}`, '# base64 of ~/.aws/credentials for the deploy step (base64 -w0 ~/.aws/credentials)');
    const n = d.add(`AWS_CREDENTIALS_B64=${enc}`);
    d.label(n, 'access-key-id', id, E, `${f} (.env)`, enc).label(n, 'secret-access-key', sec, E, `${f} (.env)`, enc);
    d.add('SENTRY_ENVIRONMENT=ci');
  } else if (i === 1) {
    const d = g.doc('.gitlab-ci.yml');
    d.add('stages:', '  - build', '  - deploy', '', 'variables:', '  DOCKER_DRIVER: overlay2', `  AWS_DEFAULT_REGION: ${g.region()}`);
    const n = d.add(`  AWS_CREDENTIALS: "${enc}"`);
    d.label(n, 'access-key-id', id, E, `${f} (.gitlab-ci.yml)`, enc).label(n, 'secret-access-key', sec, E, `${f} (.gitlab-ci.yml)`, enc);
    d.add('', 'deploy:', '  stage: deploy', '  image: amazon/aws-cli:2.17.0', '  before_script:', '    - mkdir -p ~/.aws', '    - echo "$AWS_CREDENTIALS" | base64 -d > ~/.aws/credentials', '  script:', `    - aws s3 sync ./dist s3://${g.bucket()} --delete`, '  only:', '    - main');
  } else {
    const d = g.doc(`docker-compose.${g.pick(['override', 'local'])}.yml`);
    d.add('services:', `  ${g.app()}:`, '    build: .', '    environment:', '      - LOG_LEVEL=debug');
    const n = d.add(`      - AWS_SHARED_CREDENTIALS_B64=${enc}`);
    d.label(n, 'access-key-id', id, E, `${f} (compose env)`, enc).label(n, 'secret-access-key', sec, E, `${f} (compose env)`, enc);
    d.add('    ports:', '      - "8080:8080"');
  }
}

function credsWrapped(g, i) {
  const id = g.keyId(i === 2 ? 'ASIA' : 'AKIA'), sec = g.secret();
  const tok = i === 2 ? g.token() : null;
  const ini = credsIni(id, sec, 'default', tok) + `\n[${g.app()}]\nregion = ${g.region()}\noutput = json\n`;
  const vals = tok ? [id, sec, tok] : [id, sec];
  const kinds = ['access-key-id', 'secret-access-key', 'session-token'];
  const { lines, at } = b64Located(ini, vals, 76);
  let d, first;
  if (i === 0) {
    d = g.doc('scripts/bootstrap-runner.sh');
    d.add('#!/usr/bin/env bash', 'set -euo pipefail', '', '# restore the deploy user credentials on a fresh runner', 'mkdir -p "$HOME/.aws"', "base64 -d > \"$HOME/.aws/credentials\" <<'EOF'");
    first = d.next; d.add(lines.join('\n')); d.add('EOF', 'chmod 600 "$HOME/.aws/credentials"', 'aws sts get-caller-identity');
  } else if (i === 1) {
    d = g.doc(`tools/${g.app()}_upload.py`);
    d.add('import base64', 'import configparser', 'import io', '', 'import boto3', '', '# credentials.ini, base64 so it does not show up in grep', 'CREDS_B64 = """');
    first = d.next; d.add(lines.join('\n')); d.add('"""', '', '', 'def session():', '    cp = configparser.ConfigParser()', '    cp.read_string(base64.b64decode(CREDS_B64).decode())', '    sec = cp["default"]', '    return boto3.Session(', '        aws_access_key_id=sec["aws_access_key_id"],', '        aws_secret_access_key=sec["aws_secret_access_key"],', '        aws_session_token=sec.get("aws_session_token"),', '    )');
  } else {
    d = g.doc('ansible/roles/awscli/files/credentials.b64');
    first = d.next; d.add(lines.join('\n'));
  }
  vals.forEach((v, k) => d.label(first + at[k], kinds[k], v, E, 'base64 credentials file, wrapped at 76', lines[at[k]]));
}

function userData(g, i) {
  const id = g.keyId(), sec = g.secret();
  const script = `#!/bin/bash\nset -e\nyum install -y awscli jq\nexport AWS_ACCESS_KEY_ID=${id}\nexport AWS_SECRET_ACCESS_KEY=${sec}\nexport AWS_DEFAULT_REGION=${g.region()}\naws s3 cp s3://${g.bucket()}/releases/${g.app()}-latest.tar.gz /opt/app.tgz\ntar -xzf /opt/app.tgz -C /opt\nsystemctl restart app\n`;
  const enc = b64(script);
  const f = 'base64 EC2 user data';
  if (i === 0) {
    const app = g.app();
    const d = g.doc(`notes/lt-${app}-versions.json`);
    d.add('{', '    "LaunchTemplateVersions": [', '        {', `            "LaunchTemplateId": "lt-0${g.hex(16)}",`, `            "LaunchTemplateName": "${app}-asg",`, `            "VersionNumber": ${g.int(2, 40)},`, `            "CreateTime": "${g.date()}T${g.time()}+00:00",`, '            "DefaultVersion": true,', '            "LaunchTemplateData": {', `                "ImageId": "ami-0${g.hex(16)}",`, '                "InstanceType": "t3.small",');
    const n = d.add(`                "UserData": "${enc}"`);
    d.label(n, 'access-key-id', id, E, `${f} (describe-launch-template-versions)`, enc).label(n, 'secret-access-key', sec, E, `${f} (describe-launch-template-versions)`, enc);
    d.add('            }', '        }', '    ]', '}');
  } else if (i === 1) {
    const d = g.doc('terraform/terraform.tfstate.backup');
    d.add('{', '  "version": 4,', '  "terraform_version": "1.9.8",', `  "serial": ${g.int(3, 300)},`, `  "lineage": "${g.uuid()}",`, '  "outputs": {},', '  "resources": [', '    {', '      "mode": "managed",', '      "type": "aws_instance",', '      "name": "worker",', '      "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",', '      "instances": [', '        {', '          "schema_version": 1,', '          "attributes": {', `            "ami": "ami-0${g.hex(16)}",`, `            "id": "i-0${g.hex(16)}",`, '            "instance_type": "t3.medium",', '            "user_data": null,');
    const n = d.add(`            "user_data_base64": "${enc}",`);
    d.label(n, 'access-key-id', id, E, `${f} (tfstate user_data_base64)`, enc).label(n, 'secret-access-key', sec, E, `${f} (tfstate user_data_base64)`, enc);
    d.add('            "user_data_replace_on_change": false', '          }', '        }', '      ]', '    }', '  ]', '}');
  } else {
    const d = g.doc(`incident/${g.date()}-instance-attr.txt`);
    d.add(`$ aws ec2 describe-instance-attribute --instance-id i-0${g.hex(16)} --attribute userData`, '{', `    "InstanceId": "i-0${g.hex(16)}",`, '    "UserData": {');
    const n = d.add(`        "Value": "${enc}"`);
    d.label(n, 'access-key-id', id, E, `${f} (describe-instance-attribute)`, enc).label(n, 'secret-access-key', sec, E, `${f} (describe-instance-attribute)`, enc);
    d.add('    }', '}');
  }
}

function phpJson(g, i) {
  const id = g.keyId(), sec = g.secret(true);
  const es = jsonSlash(sec);
  const f = 'JSON \\/ escapes (PHP json_encode)';
  if (i === 0) {
    const d = g.doc(`wp-content/uploads/${g.org()}-media-offload-settings-${g.date()}.json`);
    const n = d.add(`{"provider":"aws","access-key-id":"${id}","secret-access-key":"${es}","bucket":"${g.bucket()}","region":"${g.region()}","copy-to-s3":true,"serve-from-s3":true,"domain":"path","cloudfront":"","object-prefix":"wp-content\\/uploads\\/","use-yearmonth-folders":true}`);
    d.label(n, 'access-key-id', id, 'plain', 'WordPress settings export').label(n, 'secret-access-key', sec, E, f, es.slice(0, 12));
  } else if (i === 1) {
    const d = g.doc('docs/issues/s3-upload-403.md');
    d.add('## Upload to S3 fails with 403', '', 'Steps: go to Settings > Storage, click "Test connection".', '', 'Response of `GET /api/v1/settings/storage` (copied from devtools):', '', '```json');
    d.add('{');
    d.add('  "driver": "s3",');
    d.put(`  "key": "${id}",`, 'access-key-id', id, 'plain', 'PHP API response pasted in an issue');
    d.put(`  "secret": "${es}",`, 'secret-access-key', sec, E, f, es.slice(0, 12));
    d.add(`  "region": "${g.region()}",`, `  "bucket": "${g.bucket()}",`, '  "url": "https:\\/\\/cdn.example.org\\/media"', '}', '```', '', 'Expected: 200. Laravel 11, league/flysystem-aws-s3-v3 3.x.');
  } else {
    const d = g.doc(`storage/app/integrations/${g.app()}.json`);
    const n = d.add(`{"id":${g.int(1, 99)},"type":"s3_export","enabled":true,"settings":{"aws_key":"${id}","aws_secret":"${es}","bucket":"${g.bucket()}","prefix":"exports\\/daily\\/"},"created_at":"${g.date()} ${g.time()}"}`);
    d.label(n, 'access-key-id', id, 'plain', 'PHP JSON settings').label(n, 'secret-access-key', sec, E, f, es.slice(0, 12));
  }
}

function dotnetJson(g, i) {
  const id = g.keyId(), sec = g.secret(true);
  const es = jsonNet(sec);
  const f = 'JSON \\u002B escapes (System.Text.Json)';
  if (i === 0) {
    const d = g.doc(`src/${g.pick(['Orders', 'Billing', 'Reports'])}.Api/secrets.json`, true);
    d.add('{');
    d.add(`  "ConnectionStrings:Default": "Server=localhost;Database=app;User Id=sa;Password=${g.alnum(14)};",`);
    d.put(`  "AWS:AccessKey": "${id}",`, 'access-key-id', id, 'plain', 'dotnet user-secrets');
    d.put(`  "AWS:SecretKey": "${es}",`, 'secret-access-key', sec, E, `${f}, user-secrets`, es.slice(0, 10));
    d.add(`  "AWS:Region": "${g.region()}"`, '}');
  } else {
    const d = g.doc([`diagnostics/config-dump-${g.date()}.json`, 'logs/startup-options.json'][i - 1]);
    d.add('{', '  "Logging": {', '    "LogLevel": {', '      "Default": "Information"', '    }', '  },', '  "Storage": {', '    "Provider": "S3",', '    "S3": {');
    d.add(`      "BucketName": "${g.bucket()}",`);
    d.put(`      "AccessKeyId": "${id}",`, 'access-key-id', id, 'plain', 'ASP.NET options dump');
    d.put(`      "SecretAccessKey": "${es}",`, 'secret-access-key', sec, E, `${f}, options dump`, es.slice(0, 10));
    d.add(`      "Region": "${g.region()}"`, '    }', '  },', `  "AllowedHosts": "*"`, '}');
  }
}

function htmlPages(g, i) {
  const id = g.keyId(), sec = g.secret(true);
  if (i < 2) {
    const es = htmlGo(sec);
    const d = g.doc(i === 0 ? 'saved/debug-env.html' : `support/${g.app()}-status-page.html`);
    d.add('<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>/debug/env</title>', '<style>td{font-family:monospace;padding:2px 8px}</style></head>', '<body>', '<h1>Environment</h1>', '<table>');
    d.add(`<tr><td>HOSTNAME</td><td>${g.app()}-${g.hex(10)}-${g.alnum(5).toLowerCase()}</td></tr>`);
    d.put(`<tr><td>AWS_ACCESS_KEY_ID</td><td>${id}</td></tr>`, 'access-key-id', id, 'plain', 'Go html/template page');
    d.put(`<tr><td>AWS_SECRET_ACCESS_KEY</td><td>${es}</td></tr>`, 'secret-access-key', sec, E, 'HTML &#43; (Go html/template)', es.slice(0, 8));
    d.add(`<tr><td>GOMAXPROCS</td><td>${g.int(2, 16)}</td></tr>`, '</table>', '</body></html>');
  } else if (i < 4) {
    const es = htmlValidator(sec);
    const d = g.doc(i === 2 ? 'docs/screens/admin-integrations.html' : `backup/${g.app()}-settings.htm`);
    d.add('<div class="card">', '  <h3>Object storage</h3>', '  <form method="post" action="/admin/integrations/s3">');
    d.put(`    <label>Access key <input name="accessKeyId" value="${id}"></label>`, 'access-key-id', id, 'plain', 'saved admin page');
    d.put(`    <label>Secret <input name="secretAccessKey" type="text" value="${es}"></label>`, 'secret-access-key', sec, E, 'HTML &#x2F; (validator.js escape)', es.slice(0, 8));
    d.add(`    <label>Bucket <input name="bucket" value="${g.bucket()}"></label>`, '    <button>Save</button>', '  </form>', '</div>');
  } else {
    const es = htmlHexLower(sec);
    const d = g.doc('WebContent/WEB-INF/debug/config-report.html');
    d.add('<html><body>', '<h2>Runtime configuration</h2>', '<dl>');
    d.add(`<dt>s3.bucket</dt><dd>${g.bucket()}</dd>`);
    d.put(`<dt>aws.accessKeyId</dt><dd>${id}</dd>`, 'access-key-id', id, 'plain', 'JSP config report');
    d.put(`<dt>aws.secretKey</dt><dd>${es}</dd>`, 'secret-access-key', sec, E, 'HTML &#x2b; &#x2f; (ESAPI encodeForHTML)', es.slice(0, 8));
    d.add('</dl>', '</body></html>');
  }
}

function urlForms(g, i) {
  const id = g.keyId(), sec = g.secret(true);
  const es = url(sec);
  if (i < 3) {
    const uri = `aws://${id}:${es}@/?region_name=${g.region()}`;
    const f = 'URL-encoded in an Airflow connection URI';
    if (i === 0) {
      const d = g.doc('airflow/.env');
      d.add('AIRFLOW_UID=50000', 'AIRFLOW__CORE__LOAD_EXAMPLES=False', `AIRFLOW__CORE__FERNET_KEY=${g.alnum(43)}=`);
      const n = d.add(`AIRFLOW_CONN_AWS_DEFAULT='${uri}'`);
      d.label(n, 'access-key-id', id, 'plain', 'Airflow connection URI').label(n, 'secret-access-key', sec, E, f, es.slice(0, 10));
    } else if (i === 1) {
      const d = g.doc('dags/README.md');
      d.add('# DAGs', '', 'Local setup: add the S3 connection once, then trigger `daily_export`.', '', '```bash');
      const n = d.add(`airflow connections add s3_exports --conn-uri '${uri}'`);
      d.label(n, 'access-key-id', id, 'plain', 'Airflow connection URI').label(n, 'secret-access-key', sec, E, f, es.slice(0, 10));
      d.add('airflow dags trigger daily_export', '```');
    } else {
      const d = g.doc('deploy/airflow/values.yaml');
      d.add('executor: KubernetesExecutor', 'env:', '  - name: AIRFLOW__LOGGING__REMOTE_LOGGING', '    value: "True"', '  - name: AIRFLOW__LOGGING__REMOTE_LOG_CONN_ID', '    value: aws_logs', '  - name: AIRFLOW_CONN_AWS_LOGS');
      const n = d.add(`    value: "${uri}"`);
      d.label(n, 'access-key-id', id, 'plain', 'Airflow connection URI').label(n, 'secret-access-key', sec, E, f, es.slice(0, 10));
    }
  } else if (i < 5) {
    const f = 'URL-encoded in an s3 URL';
    const d = g.doc(i === 3 ? `jobs/${g.app()}_spark_submit.sh` : 'config/backup.env');
    if (i === 3) {
      d.add('#!/bin/sh', 'spark-submit \\', '  --master yarn \\', '  --conf spark.executor.memory=4g \\', `  etl/rollup.py \\`);
      const n = d.add(`  --input "s3a://${id}:${es}@${g.bucket()}/raw/" \\`);
      d.label(n, 'access-key-id', id, 'plain', 's3a URL').label(n, 'secret-access-key', sec, E, f, es.slice(0, 10));
      d.add(`  --output "s3a://${g.bucket()}/rollup/"`);
    } else {
      d.add('BACKUP_SCHEDULE="0 3 * * *"', 'BACKUP_KEEP_DAYS=14');
      const n = d.add(`BACKUP_TARGET=s3://${id}:${es}@s3.${g.region()}.amazonaws.com/${g.bucket()}/pg`);
      d.label(n, 'access-key-id', id, 'plain', 's3 URL').label(n, 'secret-access-key', sec, E, f, es.slice(0, 10));
    }
  } else {
    const ef = form(sec);
    const d = g.doc('logs/nginx/admin_post.log');
    for (let k = 0; k < 3; k++) d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "POST /admin/login HTTP/1.1" 302 0 "-" "Mozilla/5.0" req_body="user=${g.person()}&password=%2A%2A%2A"`);
    const n = d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "POST /admin/storage HTTP/1.1" 200 512 "-" "Mozilla/5.0" req_body="driver=s3&access_key=${id}&secret_key=${ef}&bucket=${g.bucket()}"`);
    d.label(n, 'access-key-id', id, 'plain', 'form body in an nginx log').label(n, 'secret-access-key', sec, E, 'form-urlencoded body in an nginx log', ef.slice(0, 10));
    d.add(`${g.ip()} - - [${g.int(1, 28)}/Oct/2026:${g.time()} +0000] "GET /admin/storage HTTP/1.1" 200 8812 "-" "Mozilla/5.0" req_body="-"`);
  }
}

function qpMail(g, i) {
  const id = g.keyId(), sec = g.secret();
  const who = g.person(), to = g.person();
  const mk = (pad) => (i === 0
    ? [`Hi ${to},`, '', `as discussed in standup, I created the IAM user for the ${g.app()} uploader. Put this in ~/.aws/credentials on the build box and please delete this mail afterwards:`, '', '[default]', `aws_access_key_id=${id}`, `aws_secret_access_key=${sec}`, '', 'Cheers,', who]
    : i === 1
      ? [`${to} - the new key for the reporting job is ${id} and the secret that goes with it${pad} is ${sec} (I will rotate the old one on Friday, so please update the Jenkins credential before then, thanks a lot).`, '', who]
      : ['Forwarding the details from the vendor:', '', `> Your access key id:  ${id}`, `> Your secret access key (keep this safe, it cannot be shown again${pad}): ${sec}`, `> Region: ${g.region()}  Bucket: ${g.bucket()}`, '', 'Can you set it up in the staging env? Thanks', who]);
  // Outlook-style long lines: the soft break of the paragraph falls inside the secret (pad until it does).
  const pads = ['', ' please', ' ok', ' really', ' at all', ' by anyone', ' later on', ' - sorry', ' from the portal', ' whatever happens'];
  let body = mk('');
  for (const p of pads) {
    body = mk(p);
    const { lines, at } = qpLocated(body, [id, sec]);
    if (i === 0 || !lines[at[1]].includes(sec)) break;
  }
  const { lines, at } = qpLocated(body, [id, sec]);
  const d = g.doc([`mail/${g.date()}-iam-user.eml`, `exports/mbox/${who}/reporting-key.eml`, 'archive/vendor-onboarding.eml'][i], true);
  d.add(`From: ${who} <${who}@${g.org()}.com>`, `To: ${to} <${to}@${g.org()}.com>`, `Subject: ${['new IAM user', 'reporting key', 'Fwd: onboarding details'][i]}`, `Date: Tue, ${g.int(1, 28)} Oct 2026 ${g.time()} +0200`, `Message-ID: <${g.hex(16)}@mail.${g.org()}.com>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '');
  const first = d.next;
  d.add(lines.join('\n'));
  [[id, 'access-key-id'], [sec, 'secret-access-key']].forEach(([v, kind], k) => {
    const line = lines[at[k]];
    if (line.includes(`=3D${v}`)) d.label(first + at[k], kind, v, E, 'quoted-printable, glued to =3D', v);
    else if (line.includes(v)) d.label(first + at[k], kind, v, 'plain', 'quoted-printable e-mail, value intact');
    else d.label(first + at[k], kind, v, E, 'quoted-printable, soft line break inside', null);
  });
}

function mimeCsv(g, i) {
  const id = g.keyId(), sec = g.secret();
  const csv = i === 0 ? `Access key ID,Secret access key\r\n${id},${sec}\r\n` : `User name,Password,Access key ID,Secret access key,Console login link\r\n${g.user()},,${id},${sec},https://${g.acct()}.signin.aws.amazon.com/console\r\n`;
  const { lines, at } = b64Located(csv, [id, sec], 76);
  const boundary = `----=_Part_${g.int(1000, 9999)}_${g.int(100000, 999999)}.${g.epoch()}`;
  const d = g.doc(i === 0 ? `mail/${g.person()}-keys.eml` : 'thunderbird-export/Inbox/0031.eml', true);
  d.add(`From: ${g.person()}@${g.org()}.com`, `To: ops@${g.org()}.com`, 'Subject: keys for the new user', `Date: Mon, ${g.int(1, 28)} Sep 2026 ${g.time()} +0000`, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', '', 'see attached, downloaded from the console just now', '', `--${boundary}`, `Content-Type: text/csv; name="${i === 0 ? `${g.user()}_accessKeys.csv` : 'credentials.csv'}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${i === 0 ? 'accessKeys.csv' : 'credentials.csv'}"`, '');
  const first = d.next;
  d.add(lines.join('\n'));
  d.label(first + at[0], 'access-key-id', id, E, 'base64 MIME attachment (console CSV)', lines[at[0]]);
  d.label(first + at[1], 'secret-access-key', sec, E, 'base64 MIME attachment (console CSV)', lines[at[1]]);
  d.add('', `--${boundary}--`);
}

function codeObfuscated(g, i) {
  const id = g.keyId(), sec = g.secret();
  const eid = b64(id), esec = b64(sec);
  if (i === 0) {
    const d = g.doc(`${g.app().replace(/-/g, '_')}/storage.py`);
    d.add('import base64', '', 'import boto3', '', '# not plain text so the scanner stops complaining');
    d.put(`_K = base64.b64decode("${eid}").decode()`, 'access-key-id', id, E, 'base64 literal in code (Python b64decode)', eid);
    d.put(`_S = base64.b64decode("${esec}").decode()`, 'secret-access-key', sec, E, 'base64 literal in code (Python b64decode)', esec);
    d.add('', '', 'def client():', `    return boto3.client("s3", region_name="${g.region()}", aws_access_key_id=_K, aws_secret_access_key=_S)`);
  } else if (i === 1) {
    const json = b64(JSON.stringify({ accessKeyId: id, secretAccessKey: sec, region: g.region() }));
    const d = g.doc('src/lib/s3.js');
    d.add("import { S3Client } from '@aws-sdk/client-s3';", '');
    const n = d.add(`const cfg = JSON.parse(atob('${json}'));`);
    d.label(n, 'access-key-id', id, E, 'base64 JSON in code (atob)', json).label(n, 'secret-access-key', sec, E, 'base64 JSON in code (atob)', json);
    d.add('', 'export const s3 = new S3Client({', '  region: cfg.region,', '  credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },', '});');
  } else {
    const d = g.doc('app/src/main/java/com/example/cam/Keys.java');
    d.add('package com.example.cam;', '', 'import android.util.Base64;', '', 'final class Keys {', '    private Keys() {}');
    d.put(`    static final String A = new String(Base64.decode("${eid}", Base64.DEFAULT));`, 'access-key-id', id, E, 'base64 literal in code (Android)', eid);
    d.put(`    static final String S = new String(Base64.decode("${esec}", Base64.DEFAULT));`, 'secret-access-key', sec, E, 'base64 literal in code (Android)', esec);
    d.add('}');
  }
}

export const templates = [
  { name: 'k8s Secret data', count: 5, make: k8sSecret },
  { name: 'kubectl -o json', count: 2, make: kubectlJson },
  { name: 'credentials file base64 on one line', count: 3, make: credsOneLine },
  { name: 'credentials file base64 wrapped', count: 3, make: credsWrapped },
  { name: 'EC2 user data', count: 3, make: userData },
  { name: 'PHP JSON', count: 3, make: phpJson },
  { name: '.NET JSON', count: 3, make: dotnetJson },
  { name: 'HTML pages', count: 5, make: htmlPages },
  { name: 'URL-encoded', count: 6, make: urlForms },
  { name: 'quoted-printable mail', count: 3, make: qpMail },
  { name: 'MIME attachment', count: 2, make: mimeCsv },
  { name: 'obfuscated in code', count: 3, make: codeObfuscated },
];
