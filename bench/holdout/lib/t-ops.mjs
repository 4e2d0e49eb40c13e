// Ops scripts and service configs: docker run, kubectl, curl, cron, systemd, Makefiles, log shippers.

export const templates = [
  {
    name: 'docker-run', count: 3,
    make(g) {
      const c = g.cred(g.chance(0.3));
      const img = g.pick(['amazon/aws-cli:2.15.0', `acme/${g.project()}:latest`, 'minio/mc', 'peakcom/s5cmd:v2.2.2']);
      const v = g.int(0, 2);
      const lines = ['#!/usr/bin/env bash', 'set -e', `# run the ${g.project()} exporter locally`, ''];
      if (v === 0) {
        lines.push('docker run --rm -it \\', `  -e AWS_ACCESS_KEY_ID=${c.id} \\`, `  -e AWS_SECRET_ACCESS_KEY=${c.secret} \\`);
        if (c.token) lines.push(`  -e AWS_SESSION_TOKEN=${c.token} \\`);
        lines.push(`  -e AWS_DEFAULT_REGION=${g.region()} \\`, `  -v "$PWD:/work" ${img} s3 ls`);
      } else if (v === 1) {
        lines.push(`docker run -d --name exporter --env "AWS_SECRET_ACCESS_KEY=${c.secret}" --env "AWS_ACCESS_KEY_ID=${c.id}"` +
          (c.token ? ` --env AWS_SESSION_TOKEN=${c.token}` : '') + ` ${img}`);
      } else {
        lines.push(`ACCESS="${c.id}"`, `SECRET='${c.secret}'`, c.token ? `TOKEN=${c.token}` : '# no session token (long-term key)', '',
          'docker run --rm -e AWS_ACCESS_KEY_ID="$ACCESS" -e AWS_SECRET_ACCESS_KEY="$SECRET" \\', `  -e AWS_SESSION_TOKEN="\${TOKEN:-}" ${img} s3 ls`);
      }
      lines.push('', '# CI variant reads from the environment instead:', `# docker run -e AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY} ${img}`,
        `docker run --rm ${img}@sha256:${g.neg.hex(64)} --version`);
      g.file(`repos/${g.project()}/scripts/run-local.sh`, lines, { fmt: 'docker-run' });
    },
  },
  {
    name: 'kubectl-secret', count: 3,
    make(g) {
      const c = g.pair();
      const ns = g.pick(['prod', 'staging', 'data', 'default']);
      const v = g.int(0, 2);
      let lines;
      if (v === 0) {
        lines = ['#!/bin/sh', `kubectl -n ${ns} create secret generic aws-creds \\`, `  --from-literal=AWS_ACCESS_KEY_ID=${c.id} \\`,
          `  --from-literal=AWS_SECRET_ACCESS_KEY='${c.secret}' \\`, '  --dry-run=client -o yaml | kubectl apply -f -'];
      } else if (v === 1) {
        lines = ['# one-off, from the runbook', `kubectl create secret generic s3-backup --from-literal=accesskey="${c.id}" --from-literal=secretkey="${c.secret}" -n ${ns}`];
      } else {
        lines = ['## Rotate the velero credentials', '', '```bash', `cat > /tmp/credentials-velero <<EOF`, '[default]',
          `aws_access_key_id=${c.id}`, `aws_secret_access_key=${c.secret}`, 'EOF',
          'kubectl -n velero create secret generic cloud-credentials --from-file=cloud=/tmp/credentials-velero', '```', '',
          'Never use the documentation keys:', '', `    --from-literal=AWS_ACCESS_KEY_ID=${g.neg.docsId()}`];
      }
      lines.push(`# image digest: sha256:${g.neg.hex(64)}`);
      g.file(`repos/${g.project()}/${v === 2 ? 'docs/velero.md' : 'k8s/create-secret.sh'}`, lines, { fmt: 'kubectl' });
    },
  },
  {
    name: 'curl-sigv4', count: 3,
    make(g) {
      const c = g.cred(g.chance(0.4));
      const host = `${g.bucket()}.s3.${g.region()}.amazonaws.com`;
      const v = g.int(0, 2);
      const lines = [];
      if (v === 0) {
        lines.push('#!/bin/bash', '# curl >= 7.75 can sign requests itself', `curl --aws-sigv4 "aws:amz:${g.region()}:s3" \\`,
          `     --user "${c.id}:${c.secret}" \\`);
        if (c.token) lines.push(`     -H "x-amz-security-token: ${c.token}" \\`);
        lines.push(`     "https://${host}/reports/latest.csv" -o latest.csv`);
      } else if (v === 1) {
        lines.push(`curl -sS -u ${c.id}:${c.secret} --aws-sigv4 aws:amz:${g.region()}:execute-api https://api.${g.project()}.internal/v1/health` +
          (c.token ? ` -H 'X-Amz-Security-Token: ${c.token}'` : ''));
        lines.push(`curl -H "Authorization: Bearer ${g.neg.jwt()}" https://auth.internal/userinfo`);
      } else {
        lines.push('# How to call the private API gateway', '', '```', `curl --aws-sigv4 'aws:amz:${g.region()}:execute-api' \\`,
          `  -u '${c.id}':'${c.secret}' \\`, `  https://${g.neg.alnum(10).toLowerCase()}.execute-api.${g.region()}.amazonaws.com/prod/orders`, '```');
        if (c.token) lines.push('', 'For temporary credentials also pass', '', `    -H "x-amz-security-token: ${c.token}"`);
        lines.push('', `Placeholder form: \`curl --aws-sigv4 aws:amz:us-east-1:s3 --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ...\``);
      }
      g.file(`repos/${g.project()}/${v === 2 ? 'README.md' : 'bin/fetch.sh'}`, lines, { fmt: 'curl' });
    },
  },
  {
    name: 'crontab', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['# m h  dom mon dow   command', 'MAILTO=ops@example.org', 'SHELL=/bin/bash'];
      if (g.chance(0.5)) {
        lines.push(`AWS_ACCESS_KEY_ID=${c.id}`, `AWS_SECRET_ACCESS_KEY=${c.secret}`, `15 3 * * * /opt/backup/run.sh >> /var/log/backup.log 2>&1`);
      } else {
        lines.push(`15 3 * * * AWS_ACCESS_KEY_ID=${c.id} AWS_SECRET_ACCESS_KEY=${c.secret} /usr/local/bin/aws s3 sync /srv/uploads s3://${g.bucket()}/uploads`);
      }
      lines.push('0 * * * * /usr/bin/certbot renew --quiet', `*/5 * * * * curl -fsS https://hc-ping.com/${g.neg.uuid()} > /dev/null`);
      g.file(`var/spool/cron/crontabs/${g.pick(['root', 'deploy', 'backup'])}`, lines, { fmt: 'crontab' });
    },
  },
  {
    name: 'systemd-unit', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['[Unit]', `Description=${g.project()} worker`, 'After=network-online.target', '', '[Service]', 'User=app',
        `Environment="AWS_ACCESS_KEY_ID=${c.id}"`, `Environment=AWS_DEFAULT_REGION=${g.region()}`,
        `Environment=AWS_SECRET_ACCESS_KEY=${c.secret}`, 'EnvironmentFile=-/etc/default/worker',
        'ExecStart=/usr/local/bin/worker --queue jobs', 'Restart=always', '', '[Install]', 'WantedBy=multi-user.target'];
      g.file(`etc/systemd/system/${g.project()}.service`, lines, { fmt: 'systemd' });
    },
  },
  {
    name: 'supervisord', count: 1,
    make(g) {
      const c = g.pair();
      const lines = [`[program:${g.project()}]`, 'command=/srv/app/.venv/bin/celery -A app worker', 'directory=/srv/app', 'autostart=true',
        `environment=AWS_ACCESS_KEY_ID="${c.id}",AWS_SECRET_ACCESS_KEY="${c.secret}",AWS_DEFAULT_REGION="${g.region()}"`,
        'stdout_logfile=/var/log/worker.log'];
      g.file(`etc/supervisor/conf.d/${g.project()}.conf`, lines, { fmt: 'supervisord' });
    },
  },
  {
    name: 'makefile', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      const lines = [`APP := ${g.project()}`, `REGION ?= ${g.region()}`];
      if (v === 0) lines.push(`AWS_ACCESS_KEY_ID ?= ${c.id}`, `AWS_SECRET_ACCESS_KEY ?= ${c.secret}`, 'export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
      lines.push('', '.PHONY: build deploy', 'build:', '\tnpm run build', '', 'deploy: build');
      if (v === 1) lines.push(`\tAWS_ACCESS_KEY_ID=${c.id} \\`, `\tAWS_SECRET_ACCESS_KEY=${c.secret} \\`, `\taws s3 sync dist/ s3://${g.bucket()}/ --delete`);
      else if (v === 2) lines.push(`\t@aws configure set aws_access_key_id ${c.id} --profile $(APP)`, '\t@echo configured',
        `\t@aws configure set aws_secret_access_key ${c.secret} --profile $(APP)`, '\taws s3 sync dist/ s3://$(APP)/ --profile $(APP)');
      else lines.push(`\taws s3 sync dist/ s3://${g.bucket()}/ --delete`);
      lines.push('', 'release:', `\t@echo "creds: $(shell aws configure get aws_access_key_id)"`, `\tgit tag -a v$(VERSION) ${g.neg.hex(40)}`);
      g.file(`repos/${g.project()}/Makefile`, lines, { fmt: 'makefile' });
    },
  },
  {
    name: 'backup-env', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      let p, lines;
      if (v === 0) {
        p = 'etc/restic/restic.env';
        lines = [`export RESTIC_REPOSITORY="s3:s3.amazonaws.com/${g.bucket()}/restic"`, `export RESTIC_PASSWORD='${g.neg.alnum(24)}'`,
          `export AWS_ACCESS_KEY_ID="${c.id}"`, `export AWS_SECRET_ACCESS_KEY="${c.secret}"`];
      } else if (v === 1) {
        p = 'etc/pgbackrest/pgbackrest.conf';
        lines = ['[global]', 'repo1-type=s3', `repo1-s3-bucket=${g.bucket()}`, 'repo1-s3-endpoint=s3.amazonaws.com', `repo1-s3-region=${g.region()}`,
          `repo1-s3-key=${c.id}`, `repo1-s3-key-secret=${c.secret}`, 'repo1-path=/pgbackrest', `repo1-cipher-pass=${g.neg.b64(40)}`,
          'repo1-cipher-type=aes-256-cbc', '', '[main]', 'pg1-path=/var/lib/postgresql/15/main'];
      } else {
        p = 'etc/wal-g/env';
        lines = [`WALG_S3_PREFIX=s3://${g.bucket()}/wal-g`, `AWS_ACCESS_KEY_ID=${c.id}`, `AWS_REGION=${g.region()}`, 'WALG_COMPRESSION_METHOD=brotli',
          `AWS_SECRET_ACCESS_KEY=${c.secret}`, 'PGHOST=/var/run/postgresql'];
      }
      g.file(`${g.pick(['srv/db01', 'srv/db02', 'srv/backup'])}/${p}`, lines, { fmt: 'backup-config' });
    },
  },
  {
    name: 'log-shipper', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      let p, lines;
      if (v === 0) {
        p = 'etc/td-agent/td-agent.conf';
        lines = ['<match app.**>', '  @type s3', `  aws_key_id ${c.id}`, `  aws_sec_key ${c.secret}`, `  s3_bucket ${g.bucket()}`,
          `  s3_region ${g.region()}`, '  path logs/', '  <buffer time>', '    timekey 3600', '  </buffer>', '</match>'];
      } else if (v === 1) {
        p = 'etc/logstash/conf.d/s3-out.conf';
        lines = ['output {', '  s3 {', `    access_key_id => "${c.id}"`, `    secret_access_key => "${c.secret}"`, `    region => "${g.region()}"`,
          `    bucket => "${g.bucket()}"`, '    codec => "json_lines"', '  }', '}'];
      } else {
        p = 'etc/vector/vector.toml';
        lines = ['[sinks.archive]', 'type = "aws_s3"', 'inputs = ["app_logs"]', `bucket = "${g.bucket()}"`, `region = "${g.region()}"`,
          'compression = "gzip"', '', '[sinks.archive.auth]', `access_key_id = "${c.id}"`, `secret_access_key = "${c.secret}"`,
          '', '[sinks.archive.encoding]', 'codec = "json"'];
      }
      g.file(`srv/${g.pick(['logs01', 'edge', 'ingest'])}/${p}`, lines, { fmt: 'log-shipper' });
    },
  },
  {
    name: 'nginx-s3-proxy', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['server {', '  listen 8080;', '  location ~* ^/assets/(.*) {', '    set $bucket "' + g.bucket() + '.s3.amazonaws.com";',
        `    aws_access_key ${c.id};`, `    aws_secret_key ${c.secret};`, '    s3_bucket $bucket;', '    proxy_set_header Authorization $s3_auth_token;',
        '    proxy_pass http://$bucket/$1;', '  }', '}'];
      g.file(`etc/nginx/sites-enabled/assets-proxy`, lines, { fmt: 'nginx' });
    },
  },
  {
    name: 'git-patch', count: 2,
    make(g) {
      const c = g.pair();
      const lines = [`From ${g.neg.hex(40)} Mon Sep 17 00:00:00 2001`, `From: ${g.user()} <${g.user()}@example.org>`, `Date: Tue, 5 Mar 2024 ${g.time()} +0100`,
        'Subject: [PATCH] move AWS creds to the environment', '', '---', ' config/settings.py | 4 ++--', ' 1 file changed, 2 insertions(+), 2 deletions(-)', '',
        `diff --git a/config/settings.py b/config/settings.py`, `index ${g.neg.hex(7)}..${g.neg.hex(7)} 100644`, '--- a/config/settings.py',
        '+++ b/config/settings.py', '@@ -12,8 +12,8 @@ DATABASES = {', ' ', ' # storage',
        `-AWS_ACCESS_KEY_ID = "${c.id}"`, `-AWS_SECRET_ACCESS_KEY = "${c.secret}"`,
        '+AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]', '+AWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]',
        ' AWS_STORAGE_BUCKET_NAME = "' + g.bucket() + '"', ' ', '-- ', '2.43.0'];
      g.file(`patches/${g.project()}/0001-move-aws-creds-to-the-environment.patch`, lines, { fmt: 'git-patch' });
    },
  },
];
