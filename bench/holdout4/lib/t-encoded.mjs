// Encoded values: base64 (a whole credentials file, one value, a MIME attachment, a HAR body), JSON
// escapes (Slack exports, Swift's JSONEncoder, System.Text.Json, Gson), HTML references (Jira, Teams,
// Mattermost exports), quoted-printable in an mbox, URL-encoding (HAR form bodies, DuckDB and Arrow URIs).
import { b64, b64Located, jsonSlash, jsonPlus, jsonGson, htmlDec, htmlHex, htmlHexLower, url, qpLocated, credsIni } from './encode.mjs';

const C = 'encoded';

/** Label both values of a one-line base64 text on `line`. */
function b64Both(d, line, id, sec, form) {
  d.label(line, 'access-key-id', id, C, form, null);
  d.label(line, 'secret-access-key', sec, C, form, null);
}

export const templates = [
  {
    // Velero's cloud-credentials Secret: the whole credentials file, base64, in data.cloud.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc(i === 0 ? 'deploy/velero/credentials-velero.yaml' : 'charts/rendered/velero/templates/secret.yaml');
      if (i === 1) d.add('---', '# Source: velero/templates/secret.yaml');
      d.add('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: cloud-credentials', '  namespace: velero', '  labels:', '    app.kubernetes.io/name: velero', 'type: Opaque', 'data:');
      const n = d.add(`  cloud: ${b64(credsIni(id, sec))}`);
      b64Both(d, n, id, sec, 'base64: Velero cloud-credentials Secret, whole credentials file in data.cloud');
      if (i === 1) d.add('---', '# Source: velero/templates/backupstoragelocation.yaml', 'apiVersion: velero.io/v1', 'kind: BackupStorageLocation', 'metadata:', '  name: default', 'spec:', '  provider: aws', '  objectStorage:', `    bucket: ${g.bucket()}`, '  config:', `    region: ${g.region()}`);
    },
  },
  {
    // Flux Bucket source / Argo Workflows artifact repository: accesskey and secretkey as Secret data.
    count: 3,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const names = [['accesskey', 'secretkey'], ['accessKey', 'secretKey'], ['access-key-id', 'secret-access-key']][i];
      const path = ['clusters/prod/flux-system/bucket-source.yaml', 'workflows/artifact-repo.yaml', 'gitops/apps/thanos/overlays/prod/s3-creds.yaml'][i];
      const d = g.doc(path);
      if (i === 0) d.add('apiVersion: source.toolkit.fluxcd.io/v1beta2', 'kind: Bucket', 'metadata:', '  name: manifests', '  namespace: flux-system', 'spec:', '  interval: 5m', '  provider: generic', `  bucketName: ${g.bucket()}`, `  endpoint: s3.${g.region()}.amazonaws.com`, '  secretRef:', '    name: bucket-creds', '---');
      if (i === 1) d.add('# artifact repository for the argo workflows controller', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: artifact-repositories', 'data:', '  default-v1: |', '    s3:', `      bucket: ${g.bucket()}`, '      endpoint: s3.amazonaws.com', '      accessKeySecret: {name: argo-s3, key: accessKey}', '      secretKeySecret: {name: argo-s3, key: secretKey}', '---');
      d.add('apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${['bucket-creds', 'argo-s3', 'thanos-s3'][i]}`, `  namespace: ${['flux-system', 'argo', 'monitoring'][i]}`, 'type: Opaque', 'data:');
      const a = d.add(`  ${names[0]}: ${b64(id)}`);
      const b = d.add(`  ${names[1]}: ${b64(sec)}`);
      const form = `base64: ${['Flux Bucket', 'Argo Workflows artifact', 'Thanos kustomize overlay'][i]} Secret data value`;
      d.label(a, 'access-key-id', id, C, form, b64(id).slice(0, 16));
      d.label(b, 'secret-access-key', sec, C, form, b64(sec).slice(0, 16));
    },
  },
  {
    // Loki/Thanos objstore.yml, whole file base64'd as one Secret key.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const conf = `type: S3\nconfig:\n  bucket: ${g.bucket()}\n  endpoint: s3.${g.region()}.amazonaws.com\n  access_key: ${id}\n  secret_key: ${sec}\n  insecure: false\n`;
      const d = g.doc('monitoring/thanos/objstore-secret.yaml');
      d.add('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: thanos-objstore', '  namespace: monitoring', 'data:');
      b64Both(d, d.add(`  objstore.yml: ${b64(conf)}`), id, sec, 'base64: Thanos objstore.yml Secret, whole YAML file');
    },
  },
  {
    // HAR: a credential-vending response body stored base64 (content.encoding = base64).
    count: 2,
    make(g, i) {
      const id = g.keyId('ASIA'), sec = g.secret(), tok = g.token();
      const body = JSON.stringify({ Credentials: { AccessKeyId: id, SecretAccessKey: sec, SessionToken: tok, Expiration: g.ts() } });
      const d = g.doc(i === 0 ? 'support/tickets/4711/portal.har' : 'debug/firefox-session-export.har');
      d.add('{', '  "log": {', '    "version": "1.2",', `    "creator": { "name": "${i === 0 ? 'WebInspector' : 'Firefox'}", "version": "${i === 0 ? '537.36' : '133.0'}" },`, '    "entries": [', '      {', `        "startedDateTime": "${g.ts()}",`, '        "request": {', '          "method": "POST",', `          "url": "https://portal.${g.org()}.internal/api/v2/cloud/session",`, '          "headers": [{ "name": "content-type", "value": "application/json" }]', '        },', '        "response": {', '          "status": 200,', '          "content": {', `            "size": ${body.length},`, '            "mimeType": "application/json",');
      const n = d.add(`            "text": "${b64(body)}",`);
      d.add('            "encoding": "base64"', '          }', '        }', '      }', '    ]', '  }', '}');
      const form = 'base64: HAR response body (content.encoding base64) holding STS credentials';
      d.label(n, 'access-key-id', id, C, form, null).label(n, 'secret-access-key', sec, C, form, null).label(n, 'session-token', tok, C, form, null);
    },
  },
  {
    // mbox: the IAM console's CSV as a MIME attachment, base64 wrapped at 76.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const who = g.person(), org = g.org();
      const csv = i === 0
        ? `Access key ID,Secret access key\r\n${id},${sec}\r\n`
        : `User name,Password,Access key ID,Secret access key,Console login link\r\nsvc-${g.app()},,${id},${sec},https://${g.acct()}.signin.aws.amazon.com/console\r\n`;
      const { lines, at } = b64Located(csv, [id, sec], 76);
      const d = g.doc(i === 0 ? 'mail/archive/2026-06.mbox' : 'exports/ops-inbox.mbox');
      d.add(`From ${who}@${org}.com Mon Jun  8 09:1${i}:04 2026`, `From: ${who} <${who}@${org}.com>`, `To: ops@${org}.com`, 'Subject: keys for the backup job', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1_x9"', '', '--b1_x9', 'Content-Type: text/plain; charset=utf-8', '', 'Attached, as discussed. Delete after import please.', '', '--b1_x9', `Content-Type: text/csv; name="${i === 0 ? 'accessKeys.csv' : 'credentials.csv'}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${i === 0 ? 'accessKeys.csv' : 'credentials.csv'}"`, '');
      const first = d.add(lines.join('\n'));
      d.add('', '--b1_x9--', '');
      const form = 'base64: IAM CSV as a MIME attachment in an mbox, wrapped at 76';
      d.label(first + at[0], 'access-key-id', id, C, form, null).label(first + at[1], 'secret-access-key', sec, C, form, null);
    },
  },
  {
    // A whole credentials file (or .env) base64'd in one string of a script or manifest, per language.
    count: 8,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const env = `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${sec}\nAWS_DEFAULT_REGION=${g.region()}\n`;
      const e = b64(i % 2 ? env : credsIni(id, sec));
      const forms = [
        ['scripts/Restore-AwsProfile.ps1', true, 'PowerShell [Convert]::FromBase64String', (d) => { d.add('# restores the backup profile on a fresh build agent', '$profileDir = Join-Path $HOME ".aws"', 'New-Item -ItemType Directory -Force -Path $profileDir | Out-Null'); const n = d.add(`$blob = '${e}'`); d.add('[IO.File]::WriteAllText((Join-Path $profileDir "credentials"), [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($blob)))'); return n; }],
        ['ansible/roles/backup/tasks/main.yml', false, 'Ansible b64decode filter', (d) => { d.add('---', '- name: aws profile for restic', '  ansible.builtin.copy:', '    dest: /root/.aws/credentials', '    mode: "0600"'); return d.add(`    content: "{{ '${e}' | b64decode }}"`); }],
        ['puppet/modules/s3sync/manifests/init.pp', false, "Puppet base64('decode')", (d) => { d.add('class s3sync {', "  file { '/etc/s3sync/aws.env':", "    ensure  => file,", "    mode    => '0600',"); const n = d.add(`    content => base64('decode', '${e}'),`); d.add('  }', '}'); return n; }],
        ['infra/main.bicep', false, 'Bicep base64ToString', (d) => { d.add("param location string = resourceGroup().location", '', '// mirrors the AWS profile onto the VM for the nightly S3 copy'); const n = d.add(`var awsCreds = base64ToString('${e}')`); d.add("resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' existing = {", "  name: 'copy-vm'", '}'); return n; }],
        ['nix/hosts/builder/aws.nix', false, 'Nix runCommand base64 -d', (d) => { d.add('{ pkgs, ... }:', 'let', '  awsCreds = pkgs.runCommand "aws-credentials" { } \'\''); const n = d.add(`    echo '${e}' | base64 -d > $out`); d.add("  '';", 'in {', '  environment.etc."aws/credentials".source = awsCreds;', '}'); return n; }],
        ['crates/uploader/src/creds.rs', false, 'Rust const decoded with the base64 crate', (d) => { d.add('use base64::{engine::general_purpose::STANDARD, Engine as _};', '', '/// Fallback profile for the CI runner (TODO: move to the secret store).'); const n = d.add(`const PROFILE_B64: &str = "${e}";`); d.add('', 'pub fn profile() -> String {', '    String::from_utf8(STANDARD.decode(PROFILE_B64).unwrap()).unwrap()', '}'); return n; }],
        ['app/codemagic.yaml', false, 'Flutter --dart-define in Codemagic', (d) => { d.add('workflows:', '  ios-release:', '    name: iOS release', '    scripts:', '      - name: build'); const n = d.add(`        script: flutter build ipa --dart-define=AWS_PROFILE_B64=${e}`); return n; }],
        ['docker-compose.override.yml', false, 'docker-compose override environment', (d) => { d.add('services:', '  worker:', '    environment:', '      LOG_LEVEL: debug'); return d.add(`      AWS_ENV_B64: ${e}`); }],
      ];
      const [path, crlf, form, body] = forms[i];
      const d = g.doc(path, crlf);
      b64Both(d, body(d), id, sec, `base64: whole ${i % 2 ? '.env' : 'credentials file'}, ${form}`);
    },
  },
  {
    // Slack export: message text with "\/" escapes (and &lt; &gt; around a code span).
    count: 3,
    make(g, i) {
      const id = g.keyId(), sec = g.secret(true);
      const d = g.doc(`slack-export/${['infra', 'data-eng', 'oncall'][i]}/${g.date()}.json`);
      const u = `U0${g.str(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
      d.add('[', '    {', '        "type": "message",', `        "user": "${u}",`);
      const texts = [
        (a, b) => `new keys for the uploader: id ${a} secret ${b}`,
        (a, b) => `\`\`\`aws_access_key_id = ${a}\\naws_secret_access_key = ${b}\`\`\``,
        (a, b) => `&lt;!here&gt; rotated. AWS_ACCESS_KEY_ID=${a} AWS_SECRET_ACCESS_KEY=${b} (old one is dead)`,
      ];
      const n = d.add(`        "text": "${texts[i](id, jsonSlash(sec))}",`);
      d.add(`        "ts": "${g.epoch()}.${g.int(100000, 999999)}",`, '        "team": "T024BE7LD"', '    }', ']');
      d.label(n, 'access-key-id', id, 'plain', 'literal key ID in a Slack export message');
      d.label(n, 'secret-access-key', sec, C, 'JSON escapes: Slack export text with \\/', null);
    },
  },
  {
    // Swift's JSONEncoder escapes "/" by default: a cached config written by an iOS/macOS app.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret(true);
      const d = g.doc(i === 0 ? 'ios/Fixtures/cached-upload-config.json' : 'macos/Support/Library/Application Support/Uploader/settings.json');
      d.add(`{"bucket":"${g.bucket()}","endpoint":"https:\\/\\/s3.${g.region()}.amazonaws.com",`);
      const a = d.add(`"accessKeyId":"${id}",`);
      const b = d.add(`"secretAccessKey":"${jsonSlash(sec)}","version":${g.int(2, 9)}}`);
      d.label(a, 'access-key-id', id, 'plain', 'literal key ID in a Swift JSONEncoder file');
      d.label(b, 'secret-access-key', sec, C, 'JSON escapes: Swift JSONEncoder \\/', null);
    },
  },
  {
    // .NET user-secrets secrets.json written by System.Text.Json (+ as \u002B).
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret(true);
      const d = g.doc(i === 0 ? 'dotnet/usersecrets/6c1e8f3a-2b7d-4c55-9e01-b8f4d2a9c310/secrets.json' : 'src/Tiles.Api/Properties/launchSettings.json', true);
      if (i === 0) {
        d.add('{');
        const a = d.add(`  "AWS:AccessKey": "${id}",`);
        const b = d.add(`  "AWS:SecretKey": "${jsonPlus(sec)}",`);
        d.add(`  "AWS:Region": "${g.region()}"`, '}');
        d.label(a, 'access-key-id', id, 'plain', 'literal key ID in .NET user-secrets');
        d.label(b, 'secret-access-key', sec, C, 'JSON escapes: .NET user-secrets \\u002B', null);
      } else {
        d.add('{', '  "profiles": {', '    "Tiles.Api": {', '      "commandName": "Project",', '      "applicationUrl": "https://localhost:7114",', '      "environmentVariables": {', '        "ASPNETCORE_ENVIRONMENT": "Development",');
        const a = d.add(`        "AWS_ACCESS_KEY_ID": "${id}",`);
        const b = d.add(`        "AWS_SECRET_ACCESS_KEY": "${jsonPlus(sec)}"`);
        d.add('      }', '    }', '  }', '}');
        d.label(a, 'access-key-id', id, 'plain', 'literal key ID in launchSettings.json');
        d.label(b, 'secret-access-key', sec, C, 'JSON escapes: launchSettings.json \\u002B', null);
      }
    },
  },
  {
    // Gson (HTML-safe by default) writes = as \u003d: a session token in a Java service log.
    make(g) {
      const id = g.keyId('ASIA'), sec = g.secret(), tok = g.token(true);
      const d = g.doc('logs/quotes-service/app-2026-07-14.log');
      d.add(`${g.date()} ${g.time()},211 INFO  [main] c.t.q.Bootstrap - starting quotes-service 4.2.1`);
      const n = d.add(`${g.date()} ${g.time()},877 DEBUG [pool-2-thread-1] c.t.q.aws.CredentialCache - refreshed: {"accessKeyId":"${id}","secretAccessKey":"${sec}","sessionToken":"${jsonGson(tok)}","expiration":"${g.ts()}"}`);
      d.add(`${g.date()} ${g.time()},880 INFO  [pool-2-thread-1] c.t.q.aws.CredentialCache - next refresh in 3300s`);
      d.label(n, 'access-key-id', id, 'plain', 'literal key ID in a Gson log line');
      d.label(n, 'secret-access-key', sec, 'plain', 'literal secret in a Gson log line');
      d.label(n, 'session-token', tok, C, 'JSON escapes: Gson \\u003d in a session token', null);
    },
  },
  {
    // HTML references in exported pages.
    count: 5,
    make(g, i) {
      const id = g.keyId(), sec = g.secret(true);
      const enc = [htmlHex, htmlHexLower, htmlDec, htmlDec, htmlHexLower][i](sec);
      const kinds = ['Jira HTML export (hex)', 'Jira HTML export (lower-case hex)', 'Teams chat HTML export (decimal)', 'Mattermost bulk export page (decimal)', 'Backstage TechDocs page (lower-case hex)'];
      const paths = ['exports/jira/OPS-2291.html', 'exports/jira/DATA-118.html', 'exports/teams/General/messages.html', 'exports/mattermost/town-square.html', 'site/docs/runbooks/s3-replication/index.html'];
      const d = g.doc(paths[i], i === 2);
      d.add('<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>export</title></head>', '<body>');
      let a, b;
      if (i < 2) {
        d.add(`<h1>[${i ? 'DATA-118' : 'OPS-2291'}] S3 sync fails after key rotation</h1>`, '<table class="grid">', '<tr><th>Field</th><th>Value</th></tr>');
        a = d.add(`<tr><td>Access key</td><td>${id}</td></tr>`);
        b = d.add(`<tr><td>Secret</td><td>${enc}</td></tr>`);
        d.add('</table>');
      } else if (i < 4) {
        d.add(`<div class="message"><span class="author">${g.person()}</span> <span class="time">${g.date()} ${g.time()}</span>`);
        a = d.add(`<p>aws_access_key_id: ${id}<br>`);
        b = d.add(`aws_secret_access_key: ${enc}</p></div>`);
      } else {
        d.add('<article class="md-content"><h2 id="credentials">Credentials</h2>', '<p>Until the role is ready the job uses a user key:</p>', '<pre><code class="language-ini">[replication]');
        a = d.add(`aws_access_key_id = ${id}`);
        b = d.add(`aws_secret_access_key = ${enc}`);
        d.add('</code></pre></article>');
      }
      d.add('</body></html>');
      d.label(a, 'access-key-id', id, 'plain', `literal key ID in an HTML page (${kinds[i]})`);
      d.label(b, 'secret-access-key', sec, C, `HTML references: ${kinds[i]}`, null);
    },
  },
  {
    // mbox: a quoted-printable message; the key ID glued to =3D, the secret cut by a soft break.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      let pad = 'For the migration box, please set';
      for (let tries = 0; ; tries++) {
        const src = ['Hi team,', '', `${pad} aws_access_key_id=${id} and aws_secret_access_key=${sec} in the profile.`, '', 'Thanks'];
        const { lines, at } = qpLocated(src, [id, sec]);
        if (!lines.some((l) => l.includes(sec))) {
          const d = g.doc(i === 0 ? 'mail/migration.mbox' : 'exports/helpdesk/2026-03.mbox');
          d.add(`From ${g.person()}@${g.org()}.com Tue Mar  3 1${i}:22:10 2026`, 'From: Helpdesk <helpdesk@example.org>', 'Subject: re: migration box', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '');
          const first = d.add(lines.join('\n'));
          d.add('');
          const glued = lines[at[0]].includes(`=3D${id}`);
          d.label(first + at[0], 'access-key-id', id, C, glued ? 'quoted-printable: mbox, key ID glued to =3D' : 'quoted-printable: mbox, key ID cut by a soft line break', glued ? `=3D${id}` : null);
          d.label(first + at[1], 'secret-access-key', sec, C, 'quoted-printable: mbox, secret cut by a soft line break', null);
          return;
        }
        if (tries > 60) throw new Error('no soft break in the secret');
        pad += g.pick([' on the new host', ' before Friday', ' on both nodes', ' (prod only)', ' too']);
      }
    },
  },
  {
    // URL-encoding.
    count: 3,
    make(g, i) {
      const id = g.keyId(), sec = g.secret(true);
      let d, n;
      if (i === 0) {
        d = g.doc('support/tickets/4790/admin-console.har');
        d.add('{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [', ' {"request": {', '   "method": "POST",', `   "url": "https://admin.${g.org()}.internal/settings/storage",`, '   "postData": {', '    "mimeType": "application/x-www-form-urlencoded",');
        n = d.add(`    "text": "provider=s3&bucket=${g.bucket()}&access_key_id=${id}&secret_access_key=${url(sec)}&save=1"`);
        d.add('   }', ' }, "response": {"status": 302}}', ']}}');
      } else if (i === 1) {
        d = g.doc('analysis/load_events.R');
        d.add('library(duckdb)', 'con <- dbConnect(duckdb())', 'dbExecute(con, "INSTALL httpfs; LOAD httpfs;")');
        n = d.add(`events <- dbGetQuery(con, "SELECT * FROM read_parquet('s3://${g.bucket()}/events/*.parquet?s3_region=${g.region()}&s3_access_key_id=${id}&s3_secret_access_key=${url(sec)}')")`);
        d.add('summary(events)');
      } else {
        d = g.doc('notebooks/scripts/arrow_sync.R');
        d.add('library(arrow)', '# arrow accepts credentials in the URI (URL-encoded)');
        n = d.add(`fs <- FileSystem$from_uri("s3://${id}:${url(sec)}@${g.bucket()}?region=${g.region()}")$fs`);
        d.add('ds <- open_dataset(fs$path("daily/"))');
      }
      const form = ['URL-encoding: HAR form body', 'URL-encoding: DuckDB s3:// query parameters in R', 'URL-encoding: Arrow s3:// URI userinfo in R'][i];
      d.label(n, 'access-key-id', id, 'plain', `literal key ID beside a URL-encoded secret`);
      d.label(n, 'secret-access-key', sec, C, form, url(sec).slice(0, 12));
    },
  },
];
