// Hard-negative-only files (nothing labelled): documentation keys, placeholders, masked keys,
// references to secret stores, hashes and digests, other vendors' secrets, IAM identifiers, TOTP seeds.
import { templates as more } from './t-negatives2.mjs';

const N = (name, count, make) => ({ name, count, negative: true, make });

export const templates = [
  N('neg-docs-readme', 2, (g) => {
    const n = g.neg;
    const lines = ['# Credentials', '', 'Access key IDs have a four-letter prefix: `AKIA` means a long-term key of an IAM user,',
      '`ASIA` a temporary key from STS. AKIA keys never expire; ASIA keys come with a session token.', '',
      'Example from the AWS documentation (not a real key):', '', '```ini', '[default]', `aws_access_key_id = ${n.docsId()}`,
      `aws_secret_access_key = ${n.docsSecret()}`, '```', '', 'A masked key in `aws configure list` looks like this:', '', '```',
      '      Name                    Value             Type    Location', '      ----                    -----             ----    --------',
      '   profile                <not set>             None    None', `access_key     ${n.maskedId().replace(/^AKIA/, '****')} shared-credentials-file`,
      `secret_key     ****************${n.b64(4)} shared-credentials-file`, '    region                us-east-1      config-file    ~/.aws/config', '```', '',
      'Detect them with `(AKIA|ASIA)[A-Z2-7]{16}` and `[A-Za-z0-9/+]{40}` near the word "secret".', '',
      `Never commit \`AKIA${'X'.repeat(16)}\`-style placeholders either; use \`<AWS_ACCESS_KEY_ID>\`.`];
    g.file(`repos/${g.project()}/docs/credentials.md`, lines, { fmt: 'markdown' });
  }),
  N('neg-example-credentials', 2, (g) => {
    const n = g.neg;
    const lines = ['# copied from https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html', '[default]',
      `aws_access_key_id=${n.docsId()}`, `aws_secret_access_key=${n.docsSecret()}`, '', '[user1]', `aws_access_key_id=${n.docsId()}`,
      `aws_secret_access_key=${n.docsSecret()}`, '', '[ci]', `aws_access_key_id = ${n.placeholderId()}`, `aws_secret_access_key = ${n.placeholderSecret()}`];
    g.file(`repos/${g.project()}/examples/aws-credentials.sample`, lines, { fmt: 'ini' });
  }),
  N('neg-env-example', 3, (g) => {
    const n = g.neg;
    const pre = g.pick(['', 'REACT_APP_', 'VITE_']);
    const lines = ['# copy to .env and fill in', `${pre}AWS_ACCESS_KEY_ID=${n.placeholderId()}`, `${pre}AWS_SECRET_ACCESS_KEY=${n.placeholderSecret()}`,
      `${pre}AWS_SESSION_TOKEN=`, `${pre}AWS_REGION=us-east-1`, `# ${pre}AWS_ACCESS_KEY_ID=${n.maskedId()}`, `# ${pre}AWS_SECRET_ACCESS_KEY=${n.maskedSecret()}`,
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:?must be set}', `DATABASE_URL=postgres://app:${'x'.repeat(12)}@localhost/app`];
    g.file(`repos/${g.project()}/${g.pick(['.env.example', '.env.sample', '.env.template', 'env.dist'])}`, lines, { fmt: 'dotenv-example' });
  }),
  N('neg-gha-secrets', 2, (g) => {
    const n = g.neg;
    const lines = ['name: deploy', 'on: [push]', 'permissions:', '  id-token: write', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:',
      `      - uses: actions/checkout@${n.hex(40)} # v4.1.1`, `      - uses: aws-actions/configure-aws-credentials@${n.hex(40)} # v4`, '        with:',
      '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}', '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      '          aws-session-token: ${{ secrets.AWS_SESSION_TOKEN }}', `          role-to-assume: arn:aws:iam::${g.account()}:role/gha-deploy`, '      - run: |',
      '          echo "key id: ${AWS_ACCESS_KEY_ID:0:4}****"', '          aws s3 sync dist s3://${{ vars.BUCKET }}', '        env:',
      '          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}', `          CACHE_KEY: ${n.hex(40)}`];
    g.file(`repos/${g.project()}/.github/workflows/deploy.yml`, lines, { fmt: 'github-actions' });
  }),
  N('neg-k8s-refs', 2, (g) => {
    const n = g.neg;
    const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', '  annotations:', `    checksum/secret: ${n.hex(64)}`,
      `    eks.amazonaws.com/role-arn: arn:aws:iam::${g.account()}:role/api-irsa`, 'spec:', '  template:', '    spec:', '      containers:', '        - name: api',
      `          image: ${g.account()}.dkr.ecr.us-east-1.amazonaws.com/api@sha256:${n.hex(64)}`, '          env:', '            - name: AWS_ACCESS_KEY_ID',
      '              valueFrom:', '                secretKeyRef: {name: aws, key: access-key-id}', '            - name: AWS_SECRET_ACCESS_KEY', '              valueFrom:',
      '                secretKeyRef:', '                  name: aws', '                  key: secret-access-key', '---', 'apiVersion: external-secrets.io/v1beta1',
      'kind: ExternalSecret', 'metadata:', '  name: aws', 'spec:', '  secretStoreRef: {name: vault, kind: ClusterSecretStore}', '  data:',
      '    - secretKey: secret-access-key', '      remoteRef: {key: secret/data/aws/api, property: secret_access_key}'];
    g.file(`repos/${g.project()}/k8s/deployment.yaml`, lines, { fmt: 'k8s' });
  }),
  N('neg-vault-templates', 2, (g) => {
    const lines = ['{{ with secret "aws/creds/deploy" }}', '[default]', 'aws_access_key_id = {{ .Data.access_key }}',
      'aws_secret_access_key = {{ .Data.secret_key }}', 'aws_session_token = {{ .Data.security_token }}', '{{ end }}', '',
      '# nomad template', 'AWS_SECRET_ACCESS_KEY={{ with nomadVar "nomad/jobs/api" }}{{ .aws_secret }}{{ end }}',
      'AWS_ACCESS_KEY_ID={{ key "config/aws/access_key_id" }}', 'aws_secret_access_key: {{ vault "secret/data/aws" "secret_key" }}'];
    g.file(`repos/${g.project()}/deploy/templates/aws-credentials.ctmpl`, lines, { fmt: 'consul-template' });
  }),
  N('neg-cloudformation', 2, (g) => {
    const n = g.neg;
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  AwsSecretParam:', '    Type: AWS::SSM::Parameter::Value<String>',
      '    Default: /prod/aws/secret-access-key', 'Resources:', '  Fn:', '    Type: AWS::Lambda::Function', '    Properties:', '      Environment:', '        Variables:',
      '          AWS_KEY_ID: !Ref AwsKeyIdParam', '          S3_SECRET: !Ref AwsSecretParam',
      "          SECRET_FROM_SM: '{{resolve:secretsmanager:prod/aws:SecretString:secret_access_key}}'",
      "          KEY_FROM_SSM: '{{resolve:ssm:/prod/aws/access-key-id:3}}'", `          DB_PASSWORD_ENCRYPTED: AQICAHh${n.b64(180)}==`,
      `          CODE_SHA: ${n.hex(40)}`, '  Key:', '    Type: AWS::IAM::AccessKey', '    Properties: {UserName: !Ref Uploader}', 'Outputs:',
      '  SecretOut:', '    Value: !GetAtt Key.SecretAccessKey', `    Description: role ${n.uniqueId('AROA')} in ${g.account()}`];
    g.file(`repos/${g.project()}/cfn/stack.yaml`, lines, { fmt: 'cloudformation' });
  }),
  N('neg-serverless-ssm', 1, (g) => {
    const lines = ['service: thumbnails', 'provider:', '  name: aws', '  runtime: nodejs20.x', '  environment:', '    AWS_KEY: ${ssm:/thumbnails/aws_access_key_id}',
      '    AWS_SECRET: ${ssm:/thumbnails/aws_secret_access_key~true}', '    TOKEN: ${env:AWS_SESSION_TOKEN, ""}', "    OTHER: ${file(./secrets.${opt:stage}.json):aws_secret}"];
    g.file(`repos/image-resizer/serverless.yml`, lines, { fmt: 'serverless' });
  }),
  N('neg-ansible-vault', 2, (g) => {
    const n = g.neg;
    const lines = ['$ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: g.int(8, 16) }, () => n.hex(80))];
    g.file(`repos/${g.project()}/ansible/group_vars/prod/vault.yml`, lines, { fmt: 'ansible-vault' });
  }),
  N('neg-git-log', 2, (g) => {
    const n = g.neg;
    const lines = [];
    for (let i = 0; i < g.int(4, 8); i++) {
      lines.push(`commit ${n.hex(40)}`, `Author: ${g.user()} <${g.user()}@example.org>`, `Date:   Mon Mar ${g.int(1, 28)} ${g.time()} 2024 +0000`, '',
        `    ${g.pick(['Rotate AWS keys (old AKIA key deleted)', 'Remove hard-coded secret', 'Bump aws-sdk', 'Use IRSA instead of static keys', 'Fix S3 upload'])}`, '');
    }
    lines.push(`Merge: ${n.hex(7)} ${n.hex(7)}`);
    g.file(`repos/${g.project()}/docs/git-log.txt`, lines, { fmt: 'git-log' });
  }),
  N('neg-checksums', 2, (g) => {
    const n = g.neg;
    const files = ['awscli-exe-linux-x86_64.zip', 'terraform_1.7.4_linux_amd64.zip', 'node-v20.11.1-linux-x64.tar.xz', 'session-manager-plugin.rpm', 'aws-iam-authenticator'];
    const lines = files.map((f) => `${n.hex(40)}  ${f}`);
    g.file(`repos/ops-scripts/downloads/SHA1SUMS${g.pick(['', '.txt'])}`, lines, { fmt: 'sha1sums' });
  }),
  N('neg-dockerfile', 2, (g) => {
    const n = g.neg;
    const lines = [`FROM public.ecr.aws/docker/library/python:3.12-slim@sha256:${n.hex(64)}`, 'ARG AWS_ACCESS_KEY_ID', 'ARG AWS_SECRET_ACCESS_KEY',
      'ARG AWS_SESSION_TOKEN', `ARG GIT_SHA=${n.hex(40)}`, 'ENV AWS_SECRET_ACCESS_KEY=""', 'RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://artifacts/model.bin /opt/',
      `LABEL org.opencontainers.image.revision="${n.hex(40)}"`];
    g.file(`repos/${g.project()}/Dockerfile${g.pick(['', '.worker'])}`, lines, { fmt: 'dockerfile' });
  }),
  N('neg-go-sum', 1, (g) => {
    const n = g.neg;
    const mods = ['github.com/aws/aws-sdk-go-v2', 'github.com/aws/aws-sdk-go-v2/config', 'github.com/aws/aws-sdk-go-v2/credentials', 'github.com/aws/smithy-go', 'golang.org/x/sys'];
    const lines = mods.flatMap((m) => [`${m} v1.${g.int(1, 30)}.${g.int(0, 9)} h1:${n.b64(43)}=`, `${m} v1.${g.int(1, 30)}.${g.int(0, 9)}/go.mod h1:${n.b64(43)}=`]);
    g.file(`repos/${g.project()}/go.sum`, lines, { fmt: 'go-sum' });
  }),
  N('neg-package-lock', 1, (g) => {
    const n = g.neg;
    const pk = {};
    for (const name of ['@aws-sdk/client-s3', '@aws-sdk/credential-providers', '@smithy/signature-v4', 'aws4', 'left-pad']) {
      pk[`node_modules/${name}`] = { version: `3.${g.int(100, 600)}.0`, resolved: `https://registry.npmjs.org/${name}/-/x.tgz`, integrity: `sha512-${n.b64(86)}==`,
        ...(g.chance(0.4) ? { shasum: n.hex(40) } : {}) };
    }
    g.file(`repos/${g.project()}/package-lock.json`, JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages: pk }, null, 2), { fmt: 'package-lock' });
  }),
  N('neg-azure-gcp', 2, (g, i) => {
    const n = g.neg;
    if (i === 0) {
      const lines = ['{', '  "Storage": {', `    "ConnectionString": "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${n.azureKey()};EndpointSuffix=core.windows.net",`,
        `    "SasToken": "sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-01-01&sig=${encodeURIComponent(n.b64(44))}"`, '  },',
        `  "ServiceBus": "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${n.b64(43)}="`, '}'];
      g.file(`repos/${g.project()}/src/Worker/appsettings.json`, lines, { fmt: 'azure-json' });
    } else {
      const sa = { type: 'service_account', project_id: 'acme-prod-123456', private_key_id: n.hex(40),
        private_key: `-----BEGIN PRIVATE KEY-----\n${n.pem(10).join('\n')}\n-----END PRIVATE KEY-----\n`, client_email: 'uploader@acme-prod-123456.iam.gserviceaccount.com',
        client_id: String(g.int(100000000, 999999999)) + String(g.int(100000000000, 999999999999)), auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: 'https://oauth2.googleapis.com/token', client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/uploader%40acme-prod-123456.iam.gserviceaccount.com' };
      g.file(`repos/${g.project()}/gcp-service-account.json`, JSON.stringify(sa, null, 2), { fmt: 'gcp-sa-json' });
    }
  }),
  ...more,
];
