// More leak shapes seen in the wild: Hadoop/Spark s3a settings, credentials inside URLs,
// PowerShell and cmd, terraform.tfstate, IMDS / credential_process / CLI cache JSON,
// `aws sts ... --output text`, ECS task definitions, far-apart and reversed pairs,
// chat exports, Windows line endings and a UTF-8 BOM.
import { USERS, bucket, project, date, time } from './words.mjs';

const iso = (ctx) => `${date(ctx.rng)}T${time(ctx.rng)}Z`;
const repo = (ctx) => `repos/${project(ctx.rng)}`;

export const extraTemplates = [
  {
    name: 'hadoop-core-site-xml',
    n: 4,
    fn(ctx) {
      const c = ctx.creds(0.3);
      const prop = (n, v) => ['  <property>', `    <name>${n}</name>`, `    <value>${v}</value>`, '  </property>'];
      const L = ['<?xml version="1.0"?>', '<configuration>', ...prop('fs.s3a.endpoint', `s3.${ctx.region()}.amazonaws.com`), ...prop('fs.s3a.access.key', c.id), ...prop('fs.s3a.secret.key', c.secret)];
      if (c.token) L.push(...prop('fs.s3a.session.token', c.token), ...prop('fs.s3a.aws.credentials.provider', 'org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider'));
      L.push('</configuration>', '');
      return { path: `${repo(ctx)}/conf/core-site.xml`, text: L.join('\n') };
    },
  },
  {
    name: 'spark-conf',
    n: 3,
    fn(ctx) {
      const c = ctx.pair();
      const L = ['spark.master                     yarn', 'spark.executor.memory            4g', `spark.hadoop.fs.s3a.access.key   ${c.id}`, `spark.hadoop.fs.s3a.secret.key   ${c.secret}`, 'spark.sql.shuffle.partitions     200', ''];
      return { path: `${repo(ctx)}/conf/spark-defaults.conf`, text: L.join('\n') };
    },
  },
  {
    name: 'credentials-in-url',
    n: 5,
    fn(ctx) {
      const c = ctx.keys.pair();
      // the secret as it appears in the URL: URL-encoded when it holds / or +
      const secretInText = encodeURIComponent(c.secret);
      ctx.plant('access-key-id', c.id);
      ctx.plant('secret-access-key', secretInText);
      const style = ctx.int(0, 2);
      const b = bucket(ctx.rng);
      const L = [
        ['# backup target', `BACKUP_URL=s3://${c.id}:${secretInText}@${b}/nightly`, 'BACKUP_RETENTION_DAYS=14', ''],
        ['import duckdb', '', `con = duckdb.connect()`, `df = con.sql("SELECT * FROM read_parquet('s3a://${c.id}:${secretInText}@${b}/events/*.parquet')").df()`, ''],
        ['[storage]', `url = "s3://${c.id}:${secretInText}@s3.${ctx.region()}.amazonaws.com/${b}"`, ''],
      ][style];
      const file = ['.env', 'query.py', 'restic.toml'][style];
      return { path: `${repo(ctx)}/${file}`, text: L.join('\n') };
    },
  },
  {
    name: 'powershell-cmd',
    n: 6,
    fn(ctx) {
      const c = ctx.creds(0.25);
      const style = ctx.int(0, 2);
      let L;
      if (style === 0) {
        L = [`$env:AWS_ACCESS_KEY_ID = "${c.id}"`, `$env:AWS_SECRET_ACCESS_KEY = "${c.secret}"`];
        if (c.token) L.push(`$env:AWS_SESSION_TOKEN = "${c.token}"`);
        L.push(`Write-S3Object -BucketName ${bucket(ctx.rng)} -File .\\report.pdf`);
      } else if (style === 1) {
        L = ['Import-Module AWSPowerShell', `Set-AWSCredential -AccessKey ${c.id} -SecretKey ${c.secret}${c.token ? ` -SessionToken ${c.token}` : ''} -StoreAs ${ctx.pick(['default', 'prod'])}`, 'Get-S3Bucket'];
      } else {
        L = ['@echo off', `set AWS_ACCESS_KEY_ID=${c.id}`, `set AWS_SECRET_ACCESS_KEY=${c.secret}`];
        if (c.token) L.push(`set AWS_SESSION_TOKEN=${c.token}`);
        L.push(`aws s3 cp C:\\backup\\db.bak s3://${bucket(ctx.rng)}/`);
      }
      return { path: `${repo(ctx)}/${['deploy.ps1', 'setup-aws.ps1', 'backup.bat'][style]}`, text: L.join('\r\n') + '\r\n' };
    },
  },
  {
    name: 'terraform-tfstate',
    n: 4,
    fn(ctx) {
      const c = ctx.pair();
      const user = ctx.pick(USERS);
      const state = { version: 4, terraform_version: '1.6.2', serial: ctx.int(1, 200), lineage: ctx.keys.uuid(), outputs: {}, resources: [
        { mode: 'managed', type: 'aws_iam_access_key', name: user, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes: {
          create_date: iso(ctx), encrypted_secret: null, encrypted_ses_smtp_password_v4: null, id: c.id, key_fingerprint: null, pgp_key: null,
          secret: c.secret, ses_smtp_password_v4: 'B' + ctx.keys.b64(43), status: 'Active', user } , sensitive_attributes: [] }] },
      ] };
      return { path: `repos/infra-live/${ctx.pick(['iam', 'users', 'ci'])}${ctx.int(1, 99)}/terraform.tfstate`, text: JSON.stringify(state, null, 2) + '\n' };
    },
  },
  {
    name: 'imds-credential-process-cache',
    n: 6,
    fn(ctx) {
      const c = ctx.temp();
      const style = ctx.int(0, 2);
      if (style === 0) {
        const o = { Code: 'Success', LastUpdated: iso(ctx), Type: 'AWS-HMAC', AccessKeyId: c.id, SecretAccessKey: c.secret, Token: c.token, Expiration: iso(ctx) };
        const text = `$ curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/${ctx.pick(['web-role', 'ec2-default'])}\n${JSON.stringify(o, null, 2)}\n`;
        return { path: `support/${project(ctx.rng)}/ssrf-report-${ctx.int(1, 999)}.txt`, text };
      }
      if (style === 1) {
        const o = { Version: 1, AccessKeyId: c.id, SecretAccessKey: c.secret, SessionToken: c.token, Expiration: iso(ctx) };
        return { path: `${repo(ctx)}/bin/credential-process-output.json`, text: JSON.stringify(o) + '\n' };
      }
      const o = { Credentials: { AccessKeyId: c.id, SecretAccessKey: c.secret, SessionToken: c.token, Expiration: iso(ctx) }, AssumedRoleUser: { AssumedRoleId: `AROA${ctx.keys.iamUniqueId().slice(4)}:botocore-session-${ctx.int(1e9, 2e9)}`, Arn: `arn:aws:sts::${ctx.account()}:assumed-role/Dev/botocore-session` }, ResponseMetadata: { RequestId: ctx.keys.uuid(), HTTPStatusCode: 200 } };
      return { path: `home/${ctx.pick(USERS)}${ctx.int(1, 99)}/.aws/cli/cache/${ctx.keys.hex(40)}.json`, text: JSON.stringify(o) };
    },
  },
  {
    name: 'sts-text-output',
    n: 3,
    fn(ctx) {
      const c = ctx.temp();
      const L = [`$ aws sts get-session-token --serial-number arn:aws:iam::${ctx.account()}:mfa/${ctx.pick(USERS)} --token-code ${ctx.int(100000, 999999)} --output text`, `CREDENTIALS\t${c.id}\t${iso(ctx)}\t${c.secret}\t${c.token}`, ''];
      return { path: `notes/${ctx.pick(USERS)}/mfa-session-${ctx.int(1, 99)}.txt`, text: L.join('\n') };
    },
  },
  {
    name: 'ecs-task-definition',
    n: 4,
    fn(ctx) {
      const c = ctx.pair();
      const o = { family: project(ctx.rng), containerDefinitions: [{ name: 'app', image: `${ctx.account()}.dkr.ecr.${ctx.region()}.amazonaws.com/app:latest`, essential: true, environment: [
        { name: 'AWS_REGION', value: ctx.region() }, { name: 'AWS_ACCESS_KEY_ID', value: c.id }, { name: 'AWS_SECRET_ACCESS_KEY', value: c.secret }, { name: 'LOG_LEVEL', value: 'info' },
      ] }], cpu: '256', memory: '512' };
      return { path: `${repo(ctx)}/ecs/task-definition.json`, text: JSON.stringify(o, null, 2) + '\n' };
    },
  },
  {
    name: 'far-apart-and-reversed',
    n: 6,
    fn(ctx) {
      const c = ctx.pair();
      const filler = () => `${ctx.pick(['TIMEOUT', 'RETRIES', 'PAGE_SIZE', 'CACHE_TTL', 'WORKERS', 'BATCH'])}_${ctx.int(1, 99)} = ${ctx.int(1, 5000)}`;
      const L = ['"""Application settings."""', 'import os', '', 'DEBUG = False', `ALLOWED_HOSTS = ["${project(ctx.rng)}.example.com"]`, ''];
      const first = ctx.chance(0.5) ? ['secret', c.secret] : ['id', c.id];
      const second = first[0] === 'secret' ? ['id', c.id] : ['secret', c.secret];
      const name = { id: ctx.pick(['AWS_ACCESS_KEY_ID', 'AWS_KEY', 'S3_ACCESS_KEY']), secret: ctx.pick(['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET', 'S3_SECRET', 'SECRET_KEY_S3']) };
      L.push(`${name[first[0]]} = "${first[1]}"`);
      for (let i = 0; i < ctx.int(8, 25); i++) L.push(filler());
      L.push(`${name[second[0]]} = "${second[1]}"`, `AWS_STORAGE_BUCKET_NAME = "${bucket(ctx.rng)}"`, "DEFAULT_FILE_STORAGE = 'storages.backends.s3boto3.S3Boto3Storage'", '');
      return { path: `${repo(ctx)}/${ctx.pick(['settings.py', 'config/settings/production.py', 'project/settings.py'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'chat-export',
    n: 5,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const who = () => ctx.pick(USERS);
      const t = () => `[${date(ctx.rng)} ${time(ctx.rng).slice(0, 5)}]`;
      const L = [`${t()} ${who()}: can someone give me access to the ${bucket(ctx.rng)} bucket?`, `${t()} ${who()}: use the shared IAM user for now`,
        `${t()} ${who()}: key ${c.id}`, `${t()} ${who()}: secret ${c.secret}`];
      if (c.token) L.push(`${t()} ${who()}: and the session token (expires in 1h): ${c.token}`);
      L.push(`${t()} ${who()}: thanks! works`, `${t()} ${who()}: please rotate it after the demo`, '');
      return { path: `exports/slack/${ctx.pick(['devops', 'data-eng', 'general', 'incidents'])}-${date(ctx.rng)}.txt`, text: L.join('\n') };
    },
  },
  {
    name: 'bom-crlf-ini',
    n: 3,
    fn(ctx) {
      const c = ctx.creds(0.3);
      const L = ['[default]', `aws_access_key_id = ${c.id}`, `aws_secret_access_key = ${c.secret}`];
      if (c.token) L.push(`aws_session_token = ${c.token}`);
      L.push(`region = ${ctx.region()}`, '');
      return { path: `home/${ctx.pick(USERS)}-win${ctx.int(1, 99)}/.aws/credentials`, text: '\uFEFF' + L.join('\r\n') };
    },
  },
];
