// Class `encoded`: keys written through an encoding (base64 values and whole files, JSON string
// escapes, HTML character references, quoted-printable mail, percent-encoding).
import { Doc, b64, base64Doc, quotedPrintableDoc, jsonEscape, htmlEscape, urlEncode } from './core.mjs';

const E = 'encoded';

/** An ~/.aws/credentials (or .env) text as a Doc whose keys are marked with `form`. */
function credentialsDoc(ctx, { env = false, temp = false, form = 'base64-file' } = {}) {
  const d = new Doc();
  const id = ctx.id(temp);
  const mk = (kind, v) => ctx.m(kind, v, E, form);
  if (env) {
    d.add('AWS_DEFAULT_REGION=', ctx.region(), '\nAWS_ACCESS_KEY_ID=').put(mk('access-key-id', id));
    d.add('\nAWS_SECRET_ACCESS_KEY=').put(mk('secret-access-key', ctx.secret()));
    if (temp) d.add('\nAWS_SESSION_TOKEN=').put(mk('session-token', ctx.token()));
    d.add('\nS3_BUCKET=', ctx.pick(['assets', 'backups', 'exports']), '-', ctx.hex(6), '\n');
  } else {
    d.add('[', ctx.pick(['default', 'deploy', 'ci', 'prod']), ']\naws_access_key_id = ').put(mk('access-key-id', id));
    d.add('\naws_secret_access_key = ').put(mk('secret-access-key', ctx.secret()));
    if (temp) d.add('\naws_session_token = ').put(mk('session-token', ctx.token()));
    d.add('\nregion = ', ctx.region(), '\n');
  }
  return d;
}

const k8sSecret = {
  name: 'k8s-secret-data',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const ns = ctx.pick(['default', 'prod', 'batch', 'etl']);
    const name = ctx.pick(['aws-credentials', 's3-uploader', 'backup-creds', 'app-aws']);
    const temp = i === 1;
    if (i === 2) {
      // Velero's cloud credentials: a whole credentials file base64-encoded under one key.
      const inner = credentialsDoc(ctx, { temp: false });
      const enc = base64Doc(inner);
      d.add('apiVersion: v1\nkind: Secret\nmetadata:\n  name: cloud-credentials\n  namespace: velero\n  labels:\n    component: velero\ntype: Opaque\ndata:\n  cloud: ');
      d.embed(enc.text, enc.marks, (o) => o);
      d.add('\n');
      return { path: `deploy/velero/cloud-credentials-${i}.yaml`, doc: d };
    }
    const keyNames = i === 3 ? ['accesskey', 'secretkey', 'sessiontoken'] : ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
    const mk = (kind, v) => ctx.m(kind, v, E, 'base64');
    if (i === 1) d.add('# kubectl get secret ', name, ' -n ', ns, ' -o yaml\n');
    // kubectl prints the fields sorted (data before kind); people write kind and metadata first.
    const head = () => {
      d.add('kind: Secret\nmetadata:\n  name: ', name, '\n  namespace: ', ns, '\n');
      if (i === 1) d.add('  resourceVersion: "', String(ctx.int(100000, 999999)), '"\n  uid: ', ctx.keys.uuid(), '\n');
    };
    d.add('apiVersion: v1\n');
    if (i !== 1) head();
    d.add('data:\n');
    d.add('  ', keyNames[0], ': ');
    const id = ctx.id(temp);
    d.put(mk('access-key-id', id), b64(id));
    d.add('\n  ', keyNames[1], ': ');
    const s = ctx.secret();
    d.put(mk('secret-access-key', s), b64(s));
    if (temp) {
      const t = ctx.token();
      d.add('\n  ', keyNames[2], ': ').put(mk('session-token', t), b64(t));
    }
    d.add('\n  BUCKET: ', b64(`${name}-${ctx.hex(6)}`), '\n  REGION: ', b64(ctx.region()), '\n');
    if (i === 1) head();
    d.add('type: Opaque\n');
    if (i === 3) {
      d.add('---\napiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: export-\nspec:\n  artifactRepositoryRef:\n    key: s3\n');
    }
    return { path: `k8s/${ns}/${name}-${i}.yaml`, doc: d };
  },
};

const wholeFile = {
  name: 'base64-whole-file',
  n: 5,
  make(ctx, i) {
    const d = new Doc();
    const temp = i === 2;
    if (i === 0) {
      // One line: `base64 -w0 .env` pasted into a CI variables file.
      const enc = base64Doc(credentialsDoc(ctx, { env: true }));
      d.add('# CI variables (exported from the project settings)\nDEPLOY_ENV=production\nDOCKER_REGISTRY=registry.example.internal\n');
      d.add('ENV_FILE_B64=').embed(enc.text, enc.marks, (o) => o).add('\nSLACK_CHANNEL=#deploys\n');
      return { path: `ci/variables-${i}.env`, doc: d };
    }
    if (i === 1 || i === 2) {
      // A heredoc of `base64` output (wrapped at 76).
      const enc = base64Doc(credentialsDoc(ctx, { temp }), { wrap: 76, form: 'base64-wrapped' });
      d.add('#!/usr/bin/env bash\nset -euo pipefail\n# bootstrap the build agent\nmkdir -p "$HOME/.aws"\n');
      d.add("base64 -d > \"$HOME/.aws/credentials\" <<'EOF'\n").embed(enc.text, enc.marks, (o) => o).add('\nEOF\nchmod 600 "$HOME/.aws/credentials"\naws sts get-caller-identity\n');
      return { path: `scripts/bootstrap-agent-${i}.sh`, doc: d };
    }
    if (i === 3) {
      // cloud-init write_files with `encoding: b64`, wrapped and indented inside a YAML block scalar.
      const ind = '      ';
      const enc = base64Doc(credentialsDoc(ctx), { wrap: 76, indent: ind, form: 'base64-wrapped' });
      d.add('#cloud-config\npackage_update: true\npackages:\n  - awscli\nwrite_files:\n  - path: /root/.aws/credentials\n    permissions: "0600"\n    encoding: b64\n    content: |\n', ind);
      d.embed(enc.text, enc.marks, (o) => o).add('\nruncmd:\n  - [ aws, s3, sync, "s3://', ctx.pick(['media', 'static']), '-', ctx.hex(6), '", /srv/data ]\n');
      return { path: `infra/cloud-init/user-data-${i}.yaml`, doc: d };
    }
    const enc = base64Doc(credentialsDoc(ctx, { env: true }));
    d.add('FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n');
    d.add('RUN echo "').embed(enc.text, enc.marks, (o) => o).add('" | base64 -d > /app/.env\nCOPY . .\nCMD ["python", "-m", "worker"]\n');
    return { path: `docker/worker-${i}/Dockerfile`, doc: d };
  },
};

const jsonEscapes = {
  name: 'json-escapes',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const mk = (kind, v) => ctx.m(kind, v, E, 'json-escape');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 0) {
      // System.Text.Json writes `+` as \u002B.
      const s = ctx.secret('+');
      d.add('{\n  "Logging": {\n    "LogLevel": {\n      "Default": "Information"\n    }\n  },\n  "AWS": {\n    "Profile": "default",\n    "Region": "', ctx.region(), '",\n    "AccessKey": "');
      d.put(plain('access-key-id', ctx.id())).add('",\n    "SecretKey": "').put(mk('secret-access-key', s), jsonEscape(s, { slash: false }));
      d.add('"\n  },\n  "AllowedHosts": "*"\n}\n');
      return { path: `src/Api/appsettings.Production-${i}.json`, doc: d };
    }
    if (i === 1) {
      // PHP json_encode: `\/` for every slash, on one line.
      const s = ctx.secret('/');
      d.add('{"app":{"name":"shop","env":"production"},"filesystems":{"default":"s3","disks":{"s3":{"driver":"s3","key":"');
      d.put(plain('access-key-id', ctx.id())).add('","secret":"').put(mk('secret-access-key', s), jsonEscape(s, { plus: false }));
      d.add('","region":"', ctx.region(), '","bucket":"shop-media-', ctx.hex(6), '","url":"https:\\/\\/cdn.example.org\\/media"}}}}\n');
      return { path: `bootstrap/cache/config-${i}.json`, doc: d };
    }
    if (i === 2) {
      // A JSON document inside a JSON string (a logged request body): escaped twice.
      const s = ctx.secret('/+');
      const once = jsonEscape(s);
      const twice = once.replace(/\\/g, '\\\\');
      d.add('{"level":"debug","ts":"2026-03-0', String(ctx.int(1, 9)), 'T10:1', String(ctx.int(0, 9)), ':00Z","msg":"outgoing request","body":"{\\"accessKeyId\\":\\"');
      d.put(plain('access-key-id', ctx.id())).add('\\",\\"secretAccessKey\\":\\"').put(mk('secret-access-key', s), twice);
      d.add('\\",\\"region\\":\\"', ctx.region(), '\\"}"}\n');
      return { path: `logs/provisioner-${i}.jsonl`, doc: d };
    }
    // Cached temporary credentials written by a .NET tool: \u002B and \/ in secret and token.
    const s = ctx.secret('+/');
    const t = ctx.token('+/');
    d.add('{\n  "Credentials": {\n    "AccessKeyId": "').put(plain('access-key-id', ctx.id(true)));
    d.add('",\n    "SecretAccessKey": "').put(mk('secret-access-key', s), jsonEscape(s));
    d.add('",\n    "SessionToken": "').put(mk('session-token', t), jsonEscape(t));
    d.add('",\n    "Expiration": "2026-04-01T12:00:00Z"\n  },\n  "AssumedRoleUser": {\n    "Arn": "arn:aws:sts::', ctx.account(), ':assumed-role\\/deploy\\/ci"\n  }\n}\n');
    return { path: `.cache/sts/credentials-${i}.json`, doc: d };
  },
};

const htmlPages = {
  name: 'html-entities',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const s = ctx.secret('/+');
    const mk = (kind, v) => ctx.m(kind, v, E, 'html-entity');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    const id = ctx.id();
    if (i === 0) {
      d.add('<!DOCTYPE html>\n<html><head><title>deploy #', String(ctx.int(100, 999)), ' Console [Jenkins]</title></head>\n<body>\n<pre class="console-output">Started by user admin\n');
      d.add('[Pipeline] sh\n+ export AWS_ACCESS_KEY_ID=').put(plain('access-key-id', id));
      d.add('\n+ export AWS_SECRET_ACCESS_KEY=').put(mk('secret-access-key', s), htmlEscape(s, 'dec'));
      d.add('\n+ aws s3 cp build.tgz s3://releases-', ctx.hex(6), '/\nupload: ./build.tgz to s3://releases/build.tgz\n</pre>\n<a href="/job/deploy/?page=2&amp;sort=desc">older builds</a>\n</body></html>\n');
      return { path: `saved-pages/jenkins-deploy-${i}.html`, doc: d };
    }
    if (i === 1) {
      d.add('<html>\n<head><meta charset="utf-8"><title>Job #', String(ctx.int(1000, 9999)), ' · CI/CD · GitLab</title></head>\n<body class="ui-indigo">\n<div class="job-log">\n');
      d.add('<span class="term-fg-l-cyan">$ aws configure set aws_access_key_id ').put(plain('access-key-id', id)).add('</span>\n');
      d.add('<span class="term-fg-l-cyan">$ aws configure set aws_secret_access_key ').put(mk('secret-access-key', s), htmlEscape(s, 'hex')).add('</span>\n');
      d.add('<span>Job succeeded</span>\n</div>\n<a href="/group/project/-/jobs?scope=finished&amp;page=3">Jobs</a>\n</body>\n</html>\n');
      return { path: `saved-pages/gitlab-job-${i}.html`, doc: d };
    }
    d.add('<div class="confluence-content">\n<h2>Backup user</h2>\n<table class="confluenceTable">\n<tr><th>Access key ID</th><th>Secret access key</th></tr>\n');
    d.add('<tr><td>').put(plain('access-key-id', id)).add('</td><td>').put(mk('secret-access-key', s), htmlEscape(s, ctx.pick(['dec', 'hex']))).add('</td></tr>\n');
    d.add('</table>\n<p>Ask &amp; rotate every 90 days.</p>\n</div>\n');
    return { path: `exports/confluence/backup-user-${i}.html`, doc: d };
  },
};

const qpMail = {
  name: 'quoted-printable-mail',
  n: 3,
  make(ctx, i) {
    const temp = i === 2;
    const id = ctx.id(temp);
    const s = ctx.secret();
    const t = temp ? ctx.token() : null;
    const fillers = ['Hi team,', 'Hello,', 'Hi all, as discussed in the standup today,', 'Morning! Following up on the ticket,', 'Hey, quick one before I go on leave:'];
    // Retry lead-ins until every key is cut by a soft line break (so none is written as is).
    for (let attempt = 0; attempt < 500; attempt++) {
      const body = new Doc();
      const mk = (kind, v) => ctx.m(kind, v, E, 'quoted-printable');
      body.add(ctx.pick(fillers), ' here are the credentials for the ', ctx.pick(['deploy', 'backup', 'reporting', 'etl']), ' user (', ctx.pick(['', 'please ', 'and please do ', 'they expire never, so ', 'these are the new ones, ']), 'rotate them after the migration): access key ');
      body.put(mk('access-key-id', id)).add(' and secret access key ').put(mk('secret-access-key', s));
      if (t) body.add(' and session token ').put(mk('session-token', t));
      body.add('\n\n[default]\naws_region=', ctx.region(), '\n\nThanks,\n', ctx.pick(['Dana', 'Lee', 'Sam', 'Priya']), '\n');
      const qp = quotedPrintableDoc(body);
      if (!qp.marks.every((mk) => !qp.text.includes(mk.value))) continue;
      const d = new Doc();
      const eol = '\r\n';
      d.add(['From: ops@example.org', 'To: dev-team@example.org', `Subject: AWS access for the ${['deploy', 'backup', 'etl'][i % 3]} job`, `Date: Mon, ${ctx.int(1, 28)} Mar 2026 09:14:00 +0000`,
        `Message-ID: <${ctx.hex(16)}@example.org>`, 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1',
        'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '', ''].join(eol));
      d.embed(qp.text, qp.marks, (o) => o);
      d.add(eol, '--b1--', eol);
      return { path: `mail/aws-access-${i}.eml`, doc: d };
    }
    throw new Error('quoted-printable-mail: could not cut every key');
  },
};

const urlEncoded = {
  name: 'url-encoded',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const s = ctx.secret('/+');
    const mk = (kind, v) => ctx.m(kind, v, E, 'url');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 0) {
      d.add('10.0.', String(ctx.int(0, 255)), '.', String(ctx.int(1, 254)), ' - - [12/Mar/2026:10:0', String(ctx.int(0, 9)), ':11 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"\n');
      d.add('10.0.3.7 - - [12/Mar/2026:10:02:13 +0000] "POST /api/import?source=s3&bucket=exports-', ctx.hex(6), '&aws_access_key_id=');
      d.put(plain('access-key-id', ctx.id())).add('&aws_secret_access_key=').put(mk('secret-access-key', s), urlEncode(s));
      d.add('&region=', ctx.region(), ' HTTP/1.1" 202 41 "-" "python-requests/2.31.0"\n');
      return { path: `logs/nginx/access-${i}.log`, doc: d };
    }
    if (i === 1) {
      d.add('# Airflow connections for the ingest workers\nAIRFLOW__CORE__EXECUTOR=CeleryExecutor\nAIRFLOW_CONN_S3_ARCHIVE=aws://');
      d.put(plain('access-key-id', ctx.id())).add(':').put(mk('secret-access-key', s), urlEncode(s)).add('@/?region_name=', ctx.region(), '\n');
      return { path: `airflow/.env.workers-${i}`, doc: d };
    }
    const t = ctx.token('/+');
    d.add('$ curl -sS -X POST https://ingest.example.org/v1/sources \\\n  -H "Content-Type: application/x-www-form-urlencoded" \\\n  --data "kind=s3&AccessKeyId=');
    d.put(plain('access-key-id', ctx.id(true))).add('&SecretAccessKey=').put(mk('secret-access-key', s), urlEncode(s));
    d.add('&SessionToken=').put(mk('session-token', t), urlEncode(t)).add('"\n{"id":"src_', ctx.alnum(10), '","status":"pending"}\n');
    return { path: `notes/curl-trace-${i}.txt`, doc: d };
  },
};

export const templates = [k8sSecret, wholeFile, jsonEscapes, htmlPages, qpMail, urlEncoded].map((t) => ({ ...t, cls: E }));
