// Names not beside the value: the name above (env lists, SSM output, inputs defaults, YAML values on the
// next line), the name after (CloudFormation parameter files), generic names whose AWS context is the
// file's structure.

const N = 'name-apart';

export const templates = [
  {
    name: 'k8s / compose env list, name above', count: 4,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const d = g.doc(`${['charts/' + g.app() + '/templates/deployment.yaml', 'k8s/cronjob-backup.yaml', 'helm/values-prod.yaml', 'k8s/job-reindex.yaml'][i]}`);
      d.add('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: ${g.app()}`, 'spec:', `  schedule: "${g.int(0, 59)} ${g.int(0, 23)} * * *"`, '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers:', `            - name: ${g.app()}`, `              image: ${g.app()}:latest`, '              env:', '                - name: LOG_LEVEL', '                  value: debug');
      let l1, l2;
      if (i % 2 === 0) {
        d.add('                - name: AWS_ACCESS_KEY_ID');
        l1 = d.add(`                  value: ${id}`);
        d.add('                - name: AWS_SECRET_ACCESS_KEY');
        l2 = d.add(`                  value: "${secret}"`);
      } else {
        l1 = d.add(`                - value: ${id}`);
        d.add('                  name: AWS_ACCESS_KEY_ID');
        l2 = d.add(`                - value: '${secret}'`);
        d.add('                  name: AWS_SECRET_ACCESS_KEY');
      }
      d.add('                - name: S3_BUCKET', `                  value: ${g.bucket()}`, '          restartPolicy: OnFailure');
      const o = i % 2 === 0 ? 'name on the line above (k8s env list)' : 'name on the line below (k8s env list, value first)';
      d.label(l1, 'access-key-id', id, N, o, id);
      d.label(l2, 'secret-access-key', secret, N, o, secret);
    },
  },
  {
    name: 'ECS task definition name/value objects', count: 3,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const d = g.doc(`ecs/${g.app()}-task-def-${i}.json`);
      const pair = (n, v) => (i === 1 ? [`        {`, `          "value": "${v}",`, `          "name": "${n}"`, `        },`] : [`        {`, `          "name": "${n}",`, `          "value": "${v}"`, `        },`]);
      d.add('{', `  "family": "${g.app()}",`, '  "networkMode": "awsvpc",', '  "containerDefinitions": [', '    {', `      "name": "${g.app()}",`, `      "image": "${g.acct()}.dkr.ecr.${g.region()}.amazonaws.com/${g.app()}:${g.hex(7)}",`, '      "environment": [');
      d.add(...pair('NODE_ENV', 'production'));
      const a = d.add(...pair('AWS_ACCESS_KEY_ID', id));
      const b = d.add(...pair(i === 2 ? 'AWS_SECRET_KEY' : 'AWS_SECRET_ACCESS_KEY', secret));
      d.add('        {', '          "name": "PORT",', '          "value": "8080"', '        }', '      ],', '      "essential": true', '    }', '  ]', '}');
      const off = i === 1 ? 1 : 2;
      const o = i === 1 ? 'name on the line below (ECS environment object, value first)' : 'name on the line above (ECS environment object)';
      d.label(a + off, 'access-key-id', id, N, o, id);
      d.label(b + off, 'secret-access-key', secret, N, o, secret);
    },
  },
  {
    name: 'GitHub Actions inputs default', count: 2,
    make(g, i) {
      const secret = g.secret();
      const id = g.keyId();
      const d = g.doc(`.github/actions/${['s3-publish', 'cache-sync'][i]}/action.yml`);
      d.add(`name: ${['S3 publish', 'Cache sync'][i]}`, 'description: uploads build output', 'inputs:', '  aws-access-key-id:', '    description: key id of the publisher user', '    required: false');
      const l1 = d.add(`    default: ${id}`);
      d.add('  aws-secret-access-key:', '    description: its secret (rotate with the key id)', '    required: false');
      const l2 = d.add(`    default: "${secret}"`);
      d.add('runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: aws s3 sync ./dist s3://' + g.bucket());
      d.label(l1, 'access-key-id', id, N, 'name three lines above (action inputs default)', id);
      d.label(l2, 'secret-access-key', secret, N, 'name three lines above (action inputs default)', secret);
    },
  },
  {
    name: 'docker-compose value on next line', count: 2,
    make(g, i) {
      const secret = g.secret(); const id = g.keyId();
      const d = g.doc(`${['docker-compose.override.yml', 'dev/compose.yaml'][i]}`);
      d.add('services:', `  ${g.app()}:`, '    build: .', '    environment:', `      AWS_REGION: ${g.region()}`, '      AWS_ACCESS_KEY_ID:');
      const l1 = d.add(`        ${id}`);
      d.add(i ? '      AWS_SECRET_ACCESS_KEY: >-' : '      AWS_SECRET_ACCESS_KEY:');
      const l2 = d.add(`        ${secret}`);
      d.add('    ports:', '      - "8080:8080"');
      d.label(l1, 'access-key-id', id, N, 'YAML plain scalar on the next line (compose)', id);
      d.label(l2, 'secret-access-key', secret, N, i ? 'YAML >- block scalar on the next line (compose)' : 'YAML plain scalar on the next line (compose)', secret);
    },
  },
  {
    name: 'SSM / Secrets Manager CLI output', count: 4,
    make(g, i) {
      const secret = g.secret(); const id = g.keyId();
      const d = g.doc(`notes/${['ssm-dump', 'params-prod', 'ssm-export', 'describe-params'][i]}.${i === 1 ? 'yaml' : 'json'}`);
      const app = g.app();
      let l1, l2;
      if (i === 1) {
        d.add('Parameters:');
        d.add(`- ARN: arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/prod/db_host`, `  DataType: text`, `  Name: /${app}/prod/db_host`, `  Type: String`, `  Value: db.${app}.internal`, `  Version: 3`);
        d.add(`- ARN: arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/prod/aws_access_key_id`, `  DataType: text`, `  Name: /${app}/prod/aws_access_key_id`, `  Type: SecureString`);
        l1 = d.add(`  Value: ${id}`);
        d.add(`  Version: 2`, `- ARN: arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/prod/aws_secret_access_key`, `  DataType: text`, `  Name: /${app}/prod/aws_secret_access_key`, `  Type: SecureString`);
        l2 = d.add(`  Value: ${secret}`);
        d.add('  Version: 2');
      } else {
        d.add('{', '    "Parameters": [');
        const p = (name, v, last) => [`        {`, `            "Name": "/${app}/${name}",`, `            "Type": "SecureString",`, `            "Value": "${v}",`, `            "Version": ${g.int(1, 9)},`, `            "LastModifiedDate": "${g.ts()}",`, `            "ARN": "arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/${name}",`, `            "DataType": "text"`, `        }${last ? '' : ','}`];
        const a = d.add(...p(i === 2 ? 'AccessKeyId' : 'aws/access_key_id', id, false));
        const b = d.add(...p(i === 2 ? 'SecretAccessKey' : 'aws/secret_access_key', secret, true));
        l1 = a + 3; l2 = b + 3;
        d.add('    ]', '}');
      }
      const o = i === 1 ? 'name two lines above (SSM get-parameters-by-path, YAML output)' : 'name two lines above (SSM get-parameters-by-path, JSON output)';
      d.label(l1, 'access-key-id', id, N, o, id);
      d.label(l2, 'secret-access-key', secret, N, o, secret);
    },
  },
  {
    name: 'CloudFormation parameter files, name after the value', count: 4,
    make(g, i) {
      const secret = g.secret(); const id = g.keyId();
      const d = g.doc(`cfn/params/${g.app()}-${['prod', 'staging', 'dr', 'prod-eu'][i]}.${i === 2 ? 'yaml' : 'json'}`);
      let l1, l2;
      if (i === 0) {
        d.add('[', `  {"ParameterValue": "${g.pick(['t3.small', 'm6i.large'])}", "ParameterKey": "InstanceType"},`);
        l1 = d.add(`  {"ParameterValue": "${id}", "ParameterKey": "UploaderAccessKeyId"},`);
        l2 = d.add(`  {"ParameterValue": "${secret}", "ParameterKey": "UploaderSecretAccessKey"},`);
        d.add(`  {"ParameterValue": "${g.bucket()}", "ParameterKey": "BucketName"}`, ']');
      } else if (i === 2) {
        d.add('# rain / sceptre style parameter overrides', '- ParameterValue: ' + g.region(), '  ParameterKey: Region');
        l1 = d.add(`- ParameterValue: ${id}`);
        d.add('  ParameterKey: ReplicationKeyId');
        l2 = d.add(`- ParameterValue: "${secret}"`);
        d.add('  ParameterKey: ReplicationSecret', '- ParameterValue: "true"', '  ParameterKey: EnableLogging');
      } else {
        d.add('[', '    {', `        "ParameterValue": "${g.bucket()}",`, '        "ParameterKey": "ArtifactBucket"', '    },', '    {');
        l1 = d.add(`        "ParameterValue": "${id}",`);
        d.add('        "UsePreviousValue": false,', i === 3 ? '        "ParameterKey": "CiAccessKey"' : '        "ParameterKey": "DeployUserKeyId"', '    },', '    {');
        l2 = d.add(`        "ParameterValue": "${secret}",`);
        d.add('        "UsePreviousValue": false,', i === 3 ? '        "ParameterKey": "CiSecretKey"' : '        "ParameterKey": "DeployUserSecret"', '    }', ']');
      }
      const o = ['name after the value (CloudFormation parameters, one line per object)', '', 'name after the value (CloudFormation parameters, YAML list)', ''][i] || 'name after the value (CloudFormation parameters, across lines)';
      d.label(l1, 'access-key-id', id, N, o, id);
      d.label(l2, 'secret-access-key', secret, N, o, secret);
    },
  },
  {
    name: 'generic names with AWS structure', count: 6,
    make(g, i) {
      const secret = g.secret(); const id = g.keyId();
      const app = g.app();
      const files = ['config/storage.ini', 'config/settings.toml', 'config/uploads.json', 'conf/backup.yaml', 'terraform/modules/mirror/main.tf', 'config/app.conf'];
      const d = g.doc(files[i]);
      let l1, l2, form;
      if (i === 0) {
        d.add('[database]', 'host = db.internal', 'port = 5432', '', '[aws]', `region = ${g.region()}`);
        l1 = d.add(`key = ${id}`);
        l2 = d.add(`secret = ${secret}`);
        d.add('', '[smtp]', 'host = mail.internal');
        form = 'generic key/secret under an [aws] INI section';
      } else if (i === 1) {
        d.add('[server]', 'port = 8080', '', '[storage]', 'backend = "s3"', '', '[storage.s3]', `bucket = "${g.bucket()}"`, `region = "${g.region()}"`);
        l1 = d.add(`id = "${id}"`);
        l2 = d.add(`secret = "${secret}"`);
        form = 'generic id/secret in a [storage.s3] TOML table';
      } else if (i === 2) {
        d.add('{', '  "uploads": {', '    "maxSizeMb": 50,', '    "target": {', '      "type": "aws-s3",', `      "bucket": "${g.bucket()}",`, '      "auth": {');
        l1 = d.add(`        "key": "${id}",`);
        d.add(`        "rotatedAt": "${g.date()}",`);
        l2 = d.add(`        "secret": "${secret}"`);
        d.add('      }', '    }', '  }', '}');
        form = 'generic key/secret in a JSON block whose parent is typed aws-s3';
      } else if (i === 3) {
        d.add('schedule: "0 2 * * *"', 'retention_days: 30', 'destination:', '  kind: s3', `  endpoint: https://s3.${g.region()}.amazonaws.com`, `  bucket: ${g.bucket()}`, '  credentials:');
        l1 = d.add(`    access: ${id}`);
        l2 = d.add(`    token: ${secret}`);
        form = 'generic access/token under a destination of kind s3 (YAML)';
      } else if (i === 4) {
        d.add('resource "aws_iam_access_key" "mirror" {', '  user = aws_iam_user.mirror.name', '}', '', 'locals {', '  mirror_creds = {');
        l1 = d.add(`    id     = "${id}"`);
        l2 = d.add('    secret = <<-EOT') + 1;
        d.add(`      ${secret}`, '    EOT', '  }', '}');
        form = 'Terraform heredoc under a generic secret key';
      } else {
        d.add('# rclone-like remote definitions', '[offsite]', 'type = s3', 'provider = AWS', 'env_auth = false');
        l1 = d.add(`access = ${id}`);
        l2 = d.add(`secret = ${secret}`);
        d.add(`region = ${g.region()}`, 'acl = private');
        form = 'generic access/secret in a remote of type s3';
      }
      d.label(l1, 'access-key-id', id, 'plain', 'literal key ID under a generic name', id);
      d.label(l2, 'secret-access-key', secret, N, form, secret);
    },
  },
  {
    name: 'secret alone, name far above', count: 3,
    make(g, i) {
      const secret = g.secret();
      const d = g.doc(['ansible/group_vars/prod/vault_plain.yml', 'docs/onboarding.md', 'k8s/configmap-legacy.yaml'][i]);
      let l;
      if (i === 0) {
        d.add('---', `app_name: ${g.app()}`, 'aws_credentials:', `  region: ${g.region()}`, '  secret_access_key: |');
        l = d.add(`    ${secret}`);
        d.add('backup_enabled: true');
      } else if (i === 1) {
        d.add('# Onboarding', '', 'Ask in #platform for the reader user, then put the AWS secret access key below into your', 'password manager (the key ID is in 1Password under "s3-reader"):', '', '```');
        l = d.add(secret);
        d.add('```', '', 'Never commit it.');
      } else {
        d.add('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: legacy-env', 'data:', '  AWS_SECRET_ACCESS_KEY: |-');
        l = d.add(`    ${secret}`);
        d.add(`  AWS_REGION: ${g.region()}`);
      }
      d.label(l, 'secret-access-key', secret, N, ['YAML | block scalar under secret_access_key', 'Markdown code block under prose naming the secret', 'YAML |- block scalar in a ConfigMap'][i], secret);
    },
  },
  {
    name: 'more names apart', count: 5,
    make(g, i) {
      const secret = g.secret(); const id = g.keyId();
      let d, l1 = 0, l2, form;
      if (i === 0) {
        d = g.doc('terraform/variables.tf');
        d.add('variable "region" {', `  default = "${g.region()}"`, '}', '', 'variable "legacy_secret_key" {', '  type      = string', '  sensitive = true', '  default   = <<EOT');
        l2 = d.add(secret);
        d.add('EOT', '}');
        form = 'Terraform variable default heredoc';
      } else if (i === 1) {
        d = g.doc(`helm/${g.app()}/values-staging.yaml`);
        d.add('replicaCount: 1', 'extraEnv:', '  - name: AWS_REGION', `    value: ${g.region()}`, '  - name: AWS_ACCESS_KEY_ID');
        l1 = d.add(`    value: ${id}`);
        d.add('  - name: AWS_SECRET_ACCESS_KEY', '    value: >-');
        l2 = d.add(`      ${secret}`);
        form = 'name two lines above, YAML >- block scalar (Helm extraEnv)';
      } else if (i === 2) {
        d = g.doc('src/main/resources/storage.properties', g.chance(0.5));
        d.add('# object storage', `storage.bucket=${g.bucket()}`);
        l1 = d.add(`storage.aws.access-key-id=${id}`);
        d.add('storage.aws.secret-access-key=\\');
        l2 = d.add(`    ${secret}`);
        form = 'Java properties value on the continuation line';
      } else if (i === 3) {
        d = g.doc('cfn/ecs-service.yaml');
        d.add('Resources:', '  TaskDefinition:', '    Type: AWS::ECS::TaskDefinition', '    Properties:', '      ContainerDefinitions:', `        - Name: ${g.app()}`, `          Image: ${g.app()}:latest`, '          Environment:', '            - Name: AWS_ACCESS_KEY_ID');
        l1 = d.add(`              Value: ${id}`);
        d.add('            - Name: AWS_SECRET_ACCESS_KEY');
        l2 = d.add(`              Value: "${secret}"`);
        d.add('            - Name: QUEUE_URL', `              Value: https://sqs.${g.region()}.amazonaws.com/${g.acct()}/${g.app()}`);
        form = 'name on the line above (CloudFormation ECS Environment Name/Value)';
      } else {
        d = g.doc('notes/secretsmanager-get.txt');
        d.add(`$ aws secretsmanager get-secret-value --secret-id ${g.app()}/s3-writer --query SecretString --output text | jq .`, '{');
        l1 = d.add(`  "accessKeyId": "${id}",`);
        d.add(`  "createdBy": "terraform",`, `  "note": "rotate with the key id above; the secret access key follows",`);
        l2 = d.add(`  "secret": "${secret}"`);
        d.add('}');
        form = 'generic secret in Secrets Manager output beside accessKeyId';
      }
      if (l1) d.label(l1, 'access-key-id', id, i === 2 || i === 4 ? 'plain' : N, i === 2 || i === 4 ? 'literal key ID under its own name' : form, id);
      d.label(l2, 'secret-access-key', secret, N, form, secret);
    },
  },
  {
    name: 'GitHub Actions env values on the next line', count: 1,
    make(g) {
      const secret = g.secret(); const id = g.keyId();
      const d = g.doc('.github/workflows/integration.yml');
      d.add('name: integration', 'on: [pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    services:', '      localstack:', '        image: localstack/localstack:3', '    env:', '      AWS_REGION: ' + g.region(), '      # the shared test user (read-only on the fixtures bucket)', '      AWS_ACCESS_KEY_ID: >-');
      const l1 = d.add(`        ${id}`);
      d.add('      AWS_SECRET_ACCESS_KEY: >-');
      const l2 = d.add(`        ${secret}`);
      d.add('    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci && npm run test:integration');
      d.label(l1, 'access-key-id', id, N, 'name on the line above (GitHub Actions env, >- value)', id);
      d.label(l2, 'secret-access-key', secret, N, 'name on the line above (GitHub Actions env, >- value)', secret);
    },
  },
];
