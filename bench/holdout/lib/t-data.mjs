// Data-ish files: SQL dumps and seeds, spreadsheet exports, database backup tools, Airflow, Spark/Hadoop.

function sqlEsc(s) { return s.replace(/'/g, "''"); }

export const templates = [
  {
    name: 'sql-dump-insert', count: 2,
    make(g) {
      const rows = [];
      const n = g.int(2, 4);
      for (let i = 1; i <= n; i++) {
        const c = g.pair();
        rows.push(`(${i},'${g.pick(['s3-backup', 'media-upload', 'reporting', 'partner-feed', 'ses-mailer'])}','${c.id}','${c.secret}','${g.date()} ${g.time()}',${g.int(0, 1)})`);
      }
      rows.push(`(${n + 1},'sandbox','${g.neg.docsId()}','${g.neg.docsSecret()}','${g.date()} 00:00:00',0)`);
      const lines = ['-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)', '--', `-- Host: db.internal    Database: ${g.project().replace(/-/g, '_')}`,
        '-- ------------------------------------------------------', '/*!40101 SET NAMES utf8mb4 */;', '',
        'DROP TABLE IF EXISTS `credentials`;', 'CREATE TABLE `credentials` (', '  `id` int NOT NULL AUTO_INCREMENT,', '  `name` varchar(64) NOT NULL,',
        '  `access_key` varchar(32) NOT NULL,', '  `secret_key` varchar(64) NOT NULL,', '  `created_at` datetime DEFAULT NULL,', '  `active` tinyint(1) DEFAULT 1,',
        '  PRIMARY KEY (`id`)', ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;', '', 'LOCK TABLES `credentials` WRITE;'];
      if (g.chance(0.5)) lines.push(`INSERT INTO \`credentials\` VALUES ${rows.join(',')};`);
      else lines.push('INSERT INTO `credentials` VALUES', ...rows.map((r, i) => r + (i === rows.length - 1 ? ';' : ',')));
      lines.push('UNLOCK TABLES;', '', `INSERT INTO \`schema_migrations\` VALUES ('${g.neg.hex(40)}'),('${g.neg.hex(40)}');`);
      g.file(`dumps/${g.project()}-${g.date()}.sql`, lines, { fmt: 'sql-dump' });
    },
  },
  {
    name: 'sql-json-config', count: 2,
    make(g) {
      const c = g.pair();
      const json = JSON.stringify({ provider: 'aws', region: g.region(), access_key: c.id, secret: c.secret, bucket: g.bucket() });
      const esc = json.replace(/"/g, '\\"');
      const lines = ['--', '-- Dumping data for table `integrations`', '--', '',
        `INSERT INTO \`integrations\` (\`id\`, \`account_id\`, \`type\`, \`settings\`) VALUES (${g.int(1, 90)}, ${g.int(100, 999)}, 'storage', '${esc}');`,
        `INSERT INTO \`integrations\` (\`id\`, \`account_id\`, \`type\`, \`settings\`) VALUES (${g.int(100, 200)}, ${g.int(100, 999)}, 'stripe', '{\\"secret_key\\":\\"sk_live_${g.neg.alnum(24)}\\"}');`];
      g.file(`dumps/${g.project()}_integrations.sql`, lines, { fmt: 'sql-dump-json' });
    },
  },
  {
    name: 'pg-copy', count: 2,
    make(g) {
      const lines = ['--', '-- PostgreSQL database dump', '--', 'SET statement_timeout = 0;', '',
        'COPY public.storage_accounts (id, name, region, access_key_id, secret_access_key, created_at) FROM stdin;'];
      for (let i = 1; i <= g.int(2, 3); i++) {
        const c = g.pair();
        lines.push([i, g.pick(['exports', 'thumbnails', 'archive', 'ingest']), g.region(), c.id, c.secret, `${g.date()} ${g.time()}+00`].join('\t'));
      }
      lines.push(['9', 'placeholder', 'us-east-1', '\\N', '\\N', `${g.date()} 00:00:00+00`].join('\t'), '\\.', '',
        'COPY public.api_tokens (id, token_sha1) FROM stdin;', `1\t${g.neg.hex(40)}`, `2\t${g.neg.hex(40)}`, '\\.');
      g.file(`dumps/pg_${g.project()}.sql`, lines, { fmt: 'sql-pg-copy' });
    },
  },
  {
    name: 'seed-file', count: 2,
    make(g) {
      const c = g.pair();
      if (g.chance(0.5)) {
        const lines = ['# db/seeds.rb', "admin = User.find_or_create_by!(email: 'admin@example.org')", '',
          `Integration.create!(provider: 'aws', name: 'uploads', key: '${c.id}',`, `                    secret: '${c.secret}', account: admin.account)`,
          `Integration.create!(provider: 'github', name: 'ci', key: 'Iv1.${g.neg.hex(16)}', secret: '${g.neg.hex(40)}')`];
        g.file(`repos/${g.project()}/db/seeds.rb`, lines, { fmt: 'rails-seeds' });
      } else {
        const lines = ['exports.seed = async function (knex) {', "  await knex('storage_credentials').del();", "  await knex('storage_credentials').insert([",
          `    { id: 1, label: 'prod', access_key_id: '${c.id}', secret_access_key: '${c.secret}' },`,
          `    { id: 2, label: 'docs', access_key_id: '${g.neg.docsId()}', secret_access_key: '${g.neg.docsSecret()}' },`, '  ]);', '};'];
        g.file(`repos/${g.project()}/seeds/01_storage_credentials.js`, lines, { fmt: 'knex-seed' });
      }
    },
  },
  {
    name: 'secrets-spreadsheet-csv', count: 2,
    make(g) {
      const lines = [g.pick(['Service,Environment,Owner,Key ID,Secret,Notes', '"System","Env","Owner","Username / Key","Password / Secret","Comment"'])];
      const n = g.int(2, 4);
      const rows = [];
      for (let i = 0; i < n; i++) {
        const c = g.pair();
        rows.push(`AWS ${g.pick(['S3', 'SES', 'root-ish', 'CI user', 'backup'])},${g.pick(['prod', 'staging'])},${g.user()},${c.id},${g.q(c.secret, ['"', ''])},"rotated ${g.date()}, ask ${g.user()}"`);
      }
      rows.push(`Twilio,prod,${g.user()},AC${g.neg.hex(32)},${g.neg.hex(32)},`, `Okta,prod,${g.user()},0oa${g.neg.alnum(17)},${g.neg.b64url(40)},"OIDC app client secret"`,
        `AWS legacy,prod,${g.user()},${g.neg.maskedId()},REDACTED,"deleted"`, `GitHub,all,${g.user()},deploy-bot,ghp_${g.neg.alnum(36)},`,
        `Datadog,prod,${g.user()},${g.neg.hex(32)},${g.neg.hex(40)},"api key / app key"`);
      lines.push(...g.shuffle(rows));
      g.file(`exports/${g.pick(['Passwords', 'secrets', 'Team Credentials', 'access-list'])} ${g.date()}.csv`, lines, { fmt: 'csv-export' });
    },
  },
  {
    name: 'tsv-export', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['account\tiam_user\taccess_key\tsecret\tlast_used', `${g.account()}\tci-deployer\t${c.id}\t${c.secret}\t${g.date()}`,
        `${g.account()}\tread-only\t${g.neg.maskedId()}\t(hidden)\tN/A`];
      g.file(`exports/iam-users.tsv`, lines, { fmt: 'tsv-export', eol: 'crlf' });
    },
  },
  {
    name: 'db-backup-tools', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      if (v === 0) {
        const lines = ['# Percona Backup for MongoDB', 'storage:', '  type: s3', '  s3:', `    region: ${g.region()}`, `    bucket: ${g.bucket()}`,
          '    prefix: pbm/backup', '    credentials:', `      access-key-id: ${g.q(c.id)}`, `      secret-access-key: ${g.q(c.secret)}`, 'pitr:', '  enabled: true'];
        g.file(`srv/mongo01/etc/pbm-config.yaml`, lines, { fmt: 'mongodb-pbm' });
      } else if (v === 1) {
        const lines = ['# redis-s3-backup settings', '[redis]', 'host = 127.0.0.1', 'port = 6379', `password = ${g.neg.alnum(32)}`, '', '[s3]',
          `bucket = ${g.bucket()}`, `aws_access_key_id = ${c.id}`, `aws_secret_access_key = ${c.secret}`, 'prefix = redis/dump.rdb', 'schedule = @daily'];
        g.file(`srv/cache01/etc/redis-backup.ini`, lines, { fmt: 'redis-backup' });
      } else {
        const lines = ['{', '  "mongodb": { "uri": "mongodb://backup:' + g.neg.alnum(20) + '@mongo01:27017/?authSource=admin" },', '  "target": {',
          '    "type": "s3",', `    "s3": { "bucket": "${g.bucket()}", "accessKey": "${c.id}",`, `            "secretKey": "${c.secret}", "region": "${g.region()}" }`, '  }', '}'];
        g.file(`srv/mongo02/opt/mongo-backup/config.json`, lines, { fmt: 'mongodb-backup-json' });
      }
    },
  },
  {
    name: 'airflow', count: 4,
    make(g) {
      const v = g.int(0, 3);
      const c = v === 1 ? { id: g.id() } : g.pair();
      if (v === 0) {
        const lines = ['#!/bin/bash', 'airflow connections add aws_default \\', '    --conn-type aws \\',
          `    --conn-extra '{"aws_access_key_id": "${c.id}", "aws_secret_access_key": "${c.secret}", "region_name": "${g.region()}"}'`];
        g.file(`repos/etl-jobs/scripts/bootstrap_connections.sh`, lines, { fmt: 'airflow-cli' });
      } else if (v === 1) {
        const s = g.urlSecret();
        const lines = ['# .env for docker-compose airflow', 'AIRFLOW__CORE__EXECUTOR=LocalExecutor', `AIRFLOW__CORE__FERNET_KEY=${g.neg.b64(43)}=`,
          `AIRFLOW_CONN_AWS_DEFAULT=aws://${c.id}:${s.enc}@`, 'AIRFLOW_CONN_POSTGRES_DEFAULT=postgresql://airflow:airflow@postgres/airflow'];
        g.file(`repos/etl-jobs/deploy/airflow.env`, lines, { fmt: 'airflow-uri' });
      } else if (v === 2) {
        const obj = { aws_default: { conn_type: 'aws', description: '', login: c.id, password: c.secret, extra: JSON.stringify({ region_name: g.region() }) },
          slack_default: { conn_type: 'http', host: 'https://hooks.slack.com', password: `T${g.neg.b32(8)}/B${g.neg.b32(8)}/${g.neg.alnum(24)}` } };
        g.file(`repos/etl-jobs/connections.json`, JSON.stringify(obj, null, 4), { fmt: 'airflow-json' });
      } else {
        const lines = ['connections:', '  - conn_id: aws_s3_reports', '    conn_type: aws', '    extra:', `      aws_access_key_id: ${c.id}`,
          `      aws_secret_access_key: ${c.secret}`, '      region_name: ' + g.region(), '  - conn_id: aws_docs', '    conn_type: aws',
          '    extra:', `      aws_access_key_id: ${g.neg.docsId()}`, `      aws_secret_access_key: ${g.neg.docsSecret()}`];
        g.file(`repos/etl-jobs/airflow_settings.yaml`, lines, { fmt: 'airflow-yaml' });
      }
    },
  },
  {
    name: 'spark-hadoop', count: 4,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      if (v === 0) {
        const lines = ['spark.master                     yarn', 'spark.eventLog.enabled           true',
          `spark.hadoop.fs.s3a.access.key   ${c.id}`, `spark.hadoop.fs.s3a.secret.key   ${c.secret}`,
          'spark.hadoop.fs.s3a.impl         org.apache.hadoop.fs.s3a.S3AFileSystem', 'spark.serializer                 org.apache.spark.serializer.KryoSerializer'];
        g.file(`srv/spark/conf/spark-defaults.conf`, lines, { fmt: 'spark-defaults' });
      } else if (v === 1) {
        const lines = ['<?xml version="1.0"?>', '<configuration>', '  <property>', '    <name>fs.s3a.access.key</name>', `    <value>${c.id}</value>`,
          '  </property>', '  <property>', '    <name>fs.s3a.secret.key</name>', `    <value>${c.secret}</value>`, '  </property>',
          '  <property>', '    <name>fs.s3a.endpoint</name>', `    <value>s3.${g.region()}.amazonaws.com</value>`, '  </property>', '</configuration>'];
        g.file(`srv/hadoop/etc/hadoop/core-site.xml`, lines, { fmt: 'hadoop-xml' });
      } else {
        const lines = ['from pyspark.sql import SparkSession', '', 'spark = SparkSession.builder.appName("daily").getOrCreate()',
          'hconf = spark.sparkContext._jsc.hadoopConfiguration()', `hconf.set("fs.s3a.access.key", "${c.id}")`,
          `hconf.set("fs.s3a.secret.key", "${c.secret}")`, 'hconf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")',
          `df = spark.read.parquet("s3a://${g.bucket()}/events/dt=${g.date()}/")`];
        g.file(`repos/${g.project()}/jobs/daily_${g.int(1, 99)}.py`, lines, { fmt: 'pyspark' });
      }
    },
  },
];

export { sqlEsc };
