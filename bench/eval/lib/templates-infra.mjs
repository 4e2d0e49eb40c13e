// Infrastructure files: docker-compose, Kubernetes, GitHub Actions, JSON config,
// `aws sts assume-role` output, Terraform, tfvars, CloudFormation, serverless.yml,
// Ansible vars, Dockerfile.
import { bucket, project, date, time } from './words.mjs';

const iso = (ctx) => `${date(ctx.rng)}T${time(ctx.rng)}Z`;

export const infraTemplates = [
  {
    name: 'docker-compose',
    n: 8,
    fn(ctx) {
      const c = ctx.creds(0.15);
      const list = ctx.chance(0.5);
      const env = (k, v) => (list ? `      - ${k}=${v}` : `      ${k}: ${ctx.chance(0.3) ? JSON.stringify(v) : v}`);
      const lines = ['version: "3.8"', 'services:', '  app:', `    image: ${project(ctx.rng)}:latest`, '    ports:', '      - "8080:8080"', '    environment:'];
      lines.push(env('NODE_ENV', 'production'));
      lines.push(env('AWS_ACCESS_KEY_ID', c.id));
      if (ctx.chance(0.4)) lines.push(env('S3_BUCKET', bucket(ctx.rng)));
      lines.push(env('AWS_SECRET_ACCESS_KEY', c.secret));
      if (c.token) lines.push(env('AWS_SESSION_TOKEN', c.token));
      lines.push(env('AWS_REGION', ctx.region()));
      lines.push('    depends_on:', '      - db', '  db:', '    image: postgres:15', '    environment:', '      POSTGRES_PASSWORD: example', '');
      return { path: `repos/${project(ctx.rng)}/${ctx.pick(['docker-compose.yml', 'docker-compose.yaml', 'docker-compose.prod.yml', 'compose.yaml'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'k8s-manifest',
    n: 8,
    fn(ctx) {
      const c = ctx.pair();
      const kind = ctx.int(0, 2);
      let lines;
      if (kind === 0) {
        lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: aws-credentials`, `  namespace: ${ctx.pick(['default', 'prod', 'jobs'])}`, 'type: Opaque', 'stringData:',
          `  AWS_ACCESS_KEY_ID: ${c.id}`, `  AWS_SECRET_ACCESS_KEY: ${c.secret}`, ''];
      } else if (kind === 1) {
        lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${project(ctx.rng)}`, 'spec:', '  replicas: 2', '  template:', '    spec:', '      containers:',
          `        - name: app`, `          image: registry.example.com/app:${ctx.keys.hex(7)}`, '          env:',
          '            - name: AWS_REGION', `              value: ${ctx.region()}`,
          '            - name: AWS_ACCESS_KEY_ID', `              value: "${c.id}"`,
          '            - name: AWS_SECRET_ACCESS_KEY', `              value: "${c.secret}"`, ''];
      } else {
        lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:', '  config.yaml: |', '    storage:', '      driver: s3', `      bucket: ${bucket(ctx.rng)}`,
          `      accesskey: ${c.id}`, `      secretkey: ${c.secret}`, `      region: ${ctx.region()}`, ''];
      }
      return { path: `repos/${project(ctx.rng)}/k8s/${ctx.pick(['secret.yaml', 'deployment.yaml', 'configmap.yaml', 'app.yml'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'github-actions',
    n: 7,
    fn(ctx) {
      const c = ctx.pair();
      const lines = ['name: deploy', 'on:', '  push:', '    branches: [main]', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest'];
      const viaAction = ctx.chance(0.5);
      if (!viaAction) lines.push('    env:', `      AWS_ACCESS_KEY_ID: ${c.id}`, `      AWS_SECRET_ACCESS_KEY: ${c.secret}`, `      AWS_DEFAULT_REGION: ${ctx.region()}`);
      lines.push('    steps:', '      - uses: actions/checkout@v4');
      if (viaAction) {
        lines.push('      - uses: aws-actions/configure-aws-credentials@v4', '        with:', `          aws-access-key-id: ${c.id}`, `          aws-secret-access-key: ${c.secret}`, `          aws-region: ${ctx.region()}`);
      }
      lines.push('      - run: npm ci && npm run build', `      - run: aws s3 sync dist s3://${bucket(ctx.rng)} --delete`, '');
      return { path: `repos/${project(ctx.rng)}/.github/workflows/${ctx.pick(['deploy.yml', 'ci.yml', 'release.yaml'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'json-config',
    n: 8,
    fn(ctx) {
      const c = ctx.creds(0.15);
      const style = ctx.int(0, 2);
      let obj;
      if (style === 0) obj = { name: project(ctx.rng), port: 8080, aws: { region: ctx.region(), accessKeyId: c.id, secretAccessKey: c.secret, ...(c.token ? { sessionToken: c.token } : {}) }, logging: { level: 'info' } };
      else if (style === 1) obj = { storage: { type: 's3', bucket: bucket(ctx.rng), credentials: { access_key_id: c.id, secret_access_key: c.secret, ...(c.token ? { session_token: c.token } : {}) } }, cache: { ttl: 300 } };
      else obj = { AWS_ACCESS_KEY_ID: c.id, AWS_SECRET_ACCESS_KEY: c.secret, ...(c.token ? { AWS_SESSION_TOKEN: c.token } : {}), AWS_REGION: ctx.region(), STAGE: 'prod' };
      const text = JSON.stringify(obj, null, ctx.pick([2, 4])) + '\n';
      return { path: `repos/${project(ctx.rng)}/${ctx.pick(['config.json', 'config/production.json', 'settings.json', 'appsettings.json', 'secrets.json'])}`, text };
    },
  },
  {
    name: 'sts-assume-role-output',
    n: 6,
    fn(ctx) {
      const c = ctx.temp();
      const acct = ctx.account();
      const role = ctx.pick(['Admin', 'Deploy', 'ReadOnly', 'DataScientist']);
      const obj = {
        Credentials: { AccessKeyId: c.id, SecretAccessKey: c.secret, SessionToken: c.token, Expiration: iso(ctx).replace('Z', '+00:00') },
        AssumedRoleUser: { AssumedRoleId: `${ctx.keys.iamUniqueId().replace(/^..../, 'AROA')}:${ctx.pick(['cli', 'session1', 'botocore-session-1700000000'])}`, Arn: `arn:aws:sts::${acct}:assumed-role/${role}/cli` },
      };
      const path = ctx.chance(0.5) ? `tmp/${ctx.pick(['creds', 'sts', 'assume-role'])}-${ctx.int(1, 999)}.json` : `repos/${project(ctx.rng)}/scripts/session.json`;
      return { path, text: JSON.stringify(obj, null, 4) + '\n' };
    },
  },
  {
    name: 'terraform-provider',
    n: 8,
    fn(ctx) {
      const c = ctx.creds(0.1);
      const lines = ['terraform {', '  required_providers {', '    aws = {', '      source  = "hashicorp/aws"', '      version = "~> 5.0"', '    }', '  }', '}', '',
        'provider "aws" {', `  region     = "${ctx.region()}"`, `  access_key = "${c.id}"`, `  secret_key = "${c.secret}"`];
      if (c.token) lines.push(`  token      = "${c.token}"`);
      lines.push('}', '', 'resource "aws_s3_bucket" "assets" {', `  bucket = "${bucket(ctx.rng)}"`, '}', '');
      return { path: `repos/infra-live/${ctx.pick(['prod', 'staging', 'dev', 'shared'])}${ctx.int(1, 9)}/${ctx.pick(['main.tf', 'provider.tf', 'providers.tf'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'terraform-tfvars',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const lines = [`environment = "${ctx.pick(['prod', 'staging'])}"`, `instance_type = "t3.${ctx.pick(['micro', 'small', 'large'])}"`, `aws_access_key = "${c.id}"`,
        `vpc_cidr = "10.${ctx.int(0, 255)}.0.0/16"`, `aws_secret_key = "${c.secret}"`, `tags = { Owner = "platform" }`, ''];
      return { path: `repos/infra-live/${ctx.pick(['prod', 'staging', 'dev'])}${ctx.int(10, 99)}/${ctx.pick(['terraform.tfvars', 'secrets.auto.tfvars', 'prod.tfvars'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'cloudformation',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: Worker stack', 'Parameters:', '  Env:', '    Type: String', '    Default: prod', 'Resources:',
        '  WorkerFunction:', '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler',
        `      Role: arn:aws:iam::${ctx.account()}:role/lambda-exec`, '      Environment:', '        Variables:',
        `          BUCKET: ${bucket(ctx.rng)}`, `          EXTERNAL_AWS_ACCESS_KEY_ID: ${c.id}`, `          EXTERNAL_AWS_SECRET_ACCESS_KEY: ${c.secret}`, ''];
      return { path: `repos/${project(ctx.rng)}/cloudformation/${ctx.pick(['template.yaml', 'stack.yml', 'worker.cfn.yaml'])}`, text: lines.join('\n') };
    },
  },
  {
    name: 'serverless-yml',
    n: 4,
    fn(ctx) {
      const c = ctx.pair();
      const lines = [`service: ${project(ctx.rng)}`, 'frameworkVersion: "3"', 'provider:', '  name: aws', '  runtime: nodejs18.x', `  region: ${ctx.region()}`, '  environment:',
        `    TABLE: orders-${ctx.int(1, 9)}`, `    S3_KEY: ${c.id}`, `    S3_SECRET: ${c.secret}`, 'functions:', '  hello:', '    handler: handler.hello', ''];
      return { path: `repos/${project(ctx.rng)}/serverless.yml`, text: lines.join('\n') };
    },
  },
  {
    name: 'ansible-vars',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const lines = ['---', `app_name: ${project(ctx.rng)}`, 'app_port: 8080', `aws_region: ${ctx.region()}`, `aws_access_key: ${c.id}`, `aws_secret_key: "${c.secret}"`,
        `s3_backup_bucket: ${bucket(ctx.rng)}`, 'ntp_servers:', '  - 0.pool.ntp.org', ''];
      if (ctx.chance(0.4)) lines.splice(5, 0, '# used by the s3 backup role', 'backup_hour: 3');
      return { path: `ansible/${ctx.pick(['group_vars/all.yml', 'group_vars/prod/vars.yml', 'host_vars/web1.yml', 'roles/backup/defaults/main.yml'])}`.replace('ansible/', `ansible-${ctx.int(1, 99)}/`), text: lines.join('\n') };
    },
  },
  {
    name: 'dockerfile',
    n: 6,
    fn(ctx) {
      const c = ctx.pair();
      const arg = ctx.chance(0.4);
      const lines = [`FROM ${ctx.pick(['python:3.12-slim', 'node:20-alpine', 'amazoncorretto:21'])}`, 'WORKDIR /app', 'COPY . .'];
      if (arg) lines.push(`ARG AWS_ACCESS_KEY_ID=${c.id}`, `ARG AWS_SECRET_ACCESS_KEY=${c.secret}`);
      else if (ctx.chance(0.5)) lines.push(`ENV AWS_ACCESS_KEY_ID=${c.id} \\`, `    AWS_SECRET_ACCESS_KEY=${c.secret} \\`, `    AWS_DEFAULT_REGION=${ctx.region()}`);
      else lines.push(`ENV AWS_ACCESS_KEY_ID ${c.id}`, `ENV AWS_SECRET_ACCESS_KEY ${c.secret}`);
      lines.push(`RUN aws s3 cp s3://${bucket(ctx.rng)}/model.bin /app/model.bin`, 'CMD ["./start.sh"]', '');
      return { path: `repos/${project(ctx.rng)}/${ctx.pick(['Dockerfile', 'Dockerfile', 'docker/Dockerfile.prod', 'build.Dockerfile'])}`, text: lines.join('\n') };
    },
  },
];
