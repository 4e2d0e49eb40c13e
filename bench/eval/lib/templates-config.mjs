// Credential and configuration files: ~/.aws/credentials, ~/.aws/config, .env, .s3cfg,
// rclone.conf, .boto, Java .properties.
import { PROFILES, USERS, bucket, project } from './words.mjs';

const EX_ID = 'AKIAIOSFODNN7EXAMPLE';
const EX_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const home = (ctx) => `home/${ctx.pick(['alice', 'bob', 'carol', 'dave', 'erin', 'ops', 'deploy', 'jenkins'])}${ctx.int(1, 99)}`;

export const configTemplates = [
  {
    name: 'aws-credentials-ini',
    n: 8,
    fn(ctx) {
      const profiles = ctx.rng.shuffle(PROFILES).slice(0, ctx.int(1, 3));
      const out = [];
      for (const p of profiles) {
        const c = ctx.creds(0.3);
        const sp = ctx.chance(0.3) ? ' = ' : ctx.chance(0.5) ? '=' : ' =';
        out.push(`[${p}]`);
        out.push(`aws_access_key_id${sp}${c.id}`);
        if (ctx.chance(0.3)) out.push(`region${sp}${ctx.region()}`);
        out.push(`aws_secret_access_key${sp}${c.secret}`);
        if (c.token) out.push(`aws_session_token${sp}${c.token}`);
        if (ctx.chance(0.2)) out.push(`# rotated ${ctx.int(2020, 2025)}-0${ctx.int(1, 9)}`);
        out.push('');
      }
      if (ctx.chance(0.3)) out.push('[example]', `aws_access_key_id = ${EX_ID}`, `aws_secret_access_key = ${EX_SECRET}`, '');
      const path = ctx.chance(0.7) ? `${home(ctx)}/.aws/credentials` : `backups/${project(ctx.rng)}/aws-credentials.txt`;
      return { path, text: out.join('\n') };
    },
  },
  {
    name: 'aws-config',
    n: 5,
    fn(ctx) {
      const out = [];
      out.push('[default]', `region = ${ctx.region()}`, 'output = json', '');
      const p = ctx.pick(PROFILES.filter((x) => x !== 'default'));
      const c = ctx.creds(0.2);
      out.push(`[profile ${p}]`, `region = ${ctx.region()}`);
      out.push(`aws_access_key_id = ${c.id}`, `aws_secret_access_key = ${c.secret}`);
      if (c.token) out.push(`aws_session_token = ${c.token}`);
      out.push('');
      out.push('[profile assumed]', `role_arn = arn:aws:iam::${ctx.account()}:role/Admin`, `source_profile = ${p}`, '');
      out.push('[profile sso-dev]', 'sso_start_url = https://my-sso-portal.awsapps.com/start', `sso_account_id = ${ctx.account()}`, 'sso_role_name = ReadOnly', '');
      return { path: `${home(ctx)}/.aws/config`, text: out.join('\n') };
    },
  },
  {
    name: 'dotenv',
    n: 12,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const quote = ctx.pick(['', '', '"', "'"]);
      const exp = ctx.chance(0.15) ? 'export ' : '';
      const v = (k, val) => `${exp}${k}=${quote}${val}${quote}`;
      const filler = [
        'NODE_ENV=production', 'PORT=3000', `DATABASE_URL=postgres://app:${ctx.keys.alnum(12)}@db:5432/app`,
        'LOG_LEVEL=info', `REDIS_URL=redis://cache:6379/0`, `SENTRY_DSN=https://${ctx.keys.hex(32)}@o1.ingest.sentry.io/42`,
        'FEATURE_FLAGS=beta,dark-mode', `S3_BUCKET=${bucket(ctx.rng)}`, `SESSION_SECRET=${ctx.keys.alnum(32)}`,
      ];
      const lines = ctx.rng.shuffle(filler).slice(0, ctx.int(2, 7));
      const names = ctx.pick([
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
        ['AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'AWS_SECURITY_TOKEN'],
        ['S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_SESSION_TOKEN'],
        ['AWS_KEY', 'AWS_SECRET', 'AWS_TOKEN'],
        ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY', 'PROD_AWS_SESSION_TOKEN'],
      ]);
      const cred = [v(names[0], c.id)];
      // sometimes the secret sits several lines below the id
      const gap = ctx.chance(0.5) ? lines.splice(0, ctx.int(1, 3)) : [];
      cred.push(...gap, v(names[1], c.secret));
      if (c.token) cred.push(v(names[2], c.token));
      cred.push(`AWS_DEFAULT_REGION=${ctx.region()}`);
      const at = ctx.int(0, lines.length);
      lines.splice(at, 0, ...cred);
      if (ctx.chance(0.3)) lines.unshift(`# ${ctx.pick(['local dev', 'do not commit', 'copied from 1password', 'prod values'])}`);
      const name = ctx.pick(['.env', '.env', '.env.local', '.env.production', '.env.dev', 'config/.env', 'deploy/prod.env']);
      return { path: `repos/${project(ctx.rng)}/${name}`, text: lines.join('\n') + '\n' };
    },
  },
  {
    name: 's3cfg',
    n: 4,
    fn(ctx) {
      const c = ctx.pair();
      const text = [
        '[default]', `access_key = ${c.id}`, 'access_token = ', 'add_encoding_exts = ', 'bucket_location = US',
        'ca_certs_file = ', 'check_ssl_certificate = True', 'default_mime_type = binary/octet-stream',
        'encrypt = False', 'host_base = s3.amazonaws.com', 'host_bucket = %(bucket)s.s3.amazonaws.com',
        'human_readable_sizes = False', `secret_key = ${c.secret}`, 'signature_v2 = False', 'use_https = True', '',
      ].join('\n');
      return { path: `${home(ctx)}/.s3cfg`, text };
    },
  },
  {
    name: 'rclone-conf',
    n: 4,
    fn(ctx) {
      const c = ctx.pair();
      const remote = ctx.pick(['s3', 'aws', 'backup', 'media-s3']);
      const text = [
        '[gdrive]', 'type = drive', 'scope = drive', `token = {"access_token":"ya29.${ctx.keys.alnum(60)}","token_type":"Bearer"}`, '',
        `[${remote}]`, 'type = s3', 'provider = AWS', 'env_auth = false', `access_key_id = ${c.id}`, `secret_access_key = ${c.secret}`,
        `region = ${ctx.region()}`, 'acl = private', '',
      ].join('\n');
      return { path: `${home(ctx)}/.config/rclone/rclone.conf`, text };
    },
  },
  {
    name: 'boto-cfg',
    n: 3,
    fn(ctx) {
      const c = ctx.pair();
      const text = [
        '[Credentials]', `aws_access_key_id = ${c.id}`, `aws_secret_access_key = ${c.secret}`, '',
        '[Boto]', 'debug = 0', 'num_retries = 10', '', '[s3]', 'calling_format = boto.s3.connection.OrdinaryCallingFormat', '',
      ].join('\n');
      return { path: ctx.chance(0.5) ? `${home(ctx)}/.boto` : `etc/boto.cfg`, text };
    },
  },
  {
    name: 'java-properties',
    n: 6,
    fn(ctx) {
      const c = ctx.creds(0.15);
      const style = ctx.int(0, 2);
      const pre = ['# Application configuration', `spring.application.name=${project(ctx.rng)}`, 'server.port=8080',
        `spring.datasource.url=jdbc:mysql://db:3306/app`, 'spring.datasource.username=app'];
      const keys = [
        ['cloud.aws.credentials.access-key', 'cloud.aws.credentials.secret-key', 'cloud.aws.credentials.session-token'],
        ['aws.accessKeyId', 'aws.secretKey', 'aws.sessionToken'],
        ['s3.access.key', 's3.secret.key', 's3.session.token'],
      ][style];
      const sep = ctx.pick(['=', ' = ', ': ']);
      const lines = [...pre, `${keys[0]}${sep}${c.id}`];
      if (ctx.chance(0.4)) lines.push(`cloud.aws.region.static=${ctx.region()}`, 'cloud.aws.stack.auto=false');
      lines.push(`${keys[1]}${sep}${c.secret}`);
      if (c.token) lines.push(`${keys[2]}${sep}${c.token}`);
      lines.push('logging.level.root=INFO', '');
      const file = ctx.pick(['application.properties', 'application-prod.properties', 'aws.properties', 'config.properties']);
      return { path: `repos/${project(ctx.rng)}/src/main/resources/${file}`, text: lines.join('\n') };
    },
  },
];
