// Class `name-apart`: a secret (or session token) whose name is not beside it: a line or more
// above (YAML name/value pairs, SSM output, heredocs and block scalars), after it (CloudFormation
// parameter files), or a generic name (`secret`) whose AWS context is the file's structure.
// Key IDs name themselves (AKIA/ASIA), so they are labelled `plain` here.
import { Doc } from './core.mjs';

const N = 'name-apart';

const k8sEnv = {
  name: 'k8s-env-name-value',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const na = (kind, v) => ctx.m(kind, v, N, 'name-above');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    const ind = i === 2 ? '        ' : '            ';
    if (i === 2) d.add('# values-prod.yaml\nimage:\n  repository: registry.example.internal/exporter\n  tag: "1.', String(ctx.int(0, 40)), '"\nworker:\n  replicas: 2\n  extraEnv:\n');
    else d.add('apiVersion: ', i === 1 ? 'batch/v1\nkind: CronJob' : 'apps/v1\nkind: Deployment', '\nmetadata:\n  name: exporter\nspec:\n  template:\n    spec:\n      containers:\n        - name: exporter\n          image: registry.example.internal/exporter:1.4\n          env:\n');
    d.add(ind, '- name: LOG_LEVEL\n', ind, '  value: info\n');
    d.add(ind, '- name: AWS_ACCESS_KEY_ID\n', ind, '  value: ').put(plain('access-key-id', ctx.id())).add('\n');
    d.add(ind, '- name: AWS_SECRET_ACCESS_KEY\n', ind, '  value: ');
    const q = ctx.pick(['', '"']);
    d.add(q).put(na('secret-access-key', ctx.secret())).add(q, '\n');
    d.add(ind, '- name: DB_PASSWORD\n', ind, '  valueFrom:\n', ind, '    secretKeyRef:\n', ind, '      name: db\n', ind, '      key: password\n');
    return { path: i === 2 ? `charts/exporter/values-prod-${i}.yaml` : `k8s/exporter-${i}.yaml`, doc: d };
  },
};

const ecsTask = {
  name: 'ecs-task-definition',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 2) {
      // The same in a CloudFormation template: YAML `- Name:` / `Value:` pairs.
      d.add('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  WorkerTask:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: report-worker\n      ContainerDefinitions:\n        - Name: worker\n          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/worker:latest"\n          Environment:\n');
      d.add('            - Name: QUEUE_NAME\n              Value: reports\n            - Name: AWS_ACCESS_KEY_ID\n              Value: ').put(plain('access-key-id', ctx.id()));
      d.add('\n            - Name: AWS_SECRET_ACCESS_KEY\n              Value: ').put(ctx.m('secret-access-key', ctx.secret(), N, 'name-above')).add('\n');
      return { path: `cloudformation/worker-task-${i}.yaml`, doc: d };
    }
    const valueFirst = i === 1;
    const pair = (name, write) => {
      d.add('        {\n');
      if (valueFirst) {
        d.add('          "value": "');
        write();
        d.add('",\n          "name": "', name, '"\n');
      } else {
        d.add('          "name": "', name, '",\n          "value": "');
        write();
        d.add('"\n');
      }
      d.add('        }');
    };
    d.add('{\n  "family": "report-worker",\n  "containerDefinitions": [\n    {\n      "name": "worker",\n      "image": "', ctx.account(), '.dkr.ecr.', ctx.region(), '.amazonaws.com/worker:latest",\n      "environment": [\n');
    pair('AWS_ACCESS_KEY_ID', () => d.put(plain('access-key-id', ctx.id())));
    d.add(',\n');
    pair('AWS_SECRET_ACCESS_KEY', () => d.put(ctx.m('secret-access-key', ctx.secret(), N, valueFirst ? 'name-below' : 'name-above')));
    d.add(',\n');
    pair('QUEUE_URL', () => d.add('https://sqs.', ctx.region(), '.amazonaws.com/', ctx.account(), '/reports'));
    d.add('\n      ]\n    }\n  ]\n}\n');
    return { path: `ecs/task-definition-${i}.json`, doc: d };
  },
};

const ssmOutput = {
  name: 'ssm-get-parameter',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const prefix = ctx.pick(['/prod/app', '/ci/deploy', '/shared/backup']);
    const param = (name, write, idx) => {
      const ind = i === 0 ? '    ' : '        ';
      d.add(ind, '"Name": "', prefix, '/', name, '",\n', ind, '"Type": "SecureString",\n', ind, '"Value": "');
      write();
      d.add('",\n', ind, '"Version": ', String(ctx.int(1, 9)), ',\n', ind, '"LastModifiedDate": "2026-02-1', String(idx), 'T08:00:00.000000+00:00",\n', ind, '"ARN": "arn:aws:ssm:', ctx.region(), ':', ctx.account(), ':parameter', prefix, '/', name, '",\n', ind, '"DataType": "text"\n');
    };
    const na = (kind, v) => ctx.m(kind, v, N, 'name-above');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 0) {
      d.add('$ aws ssm get-parameter --name ', prefix, '/aws_secret_access_key --with-decryption\n{\n    "Parameter": {\n');
      param('aws_secret_access_key', () => d.put(na('secret-access-key', ctx.secret())), 1);
      d.add('    }\n}\n');
      return { path: `notes/ssm-${i}.txt`, doc: d };
    }
    const temp = i === 2;
    d.add('{\n    "Parameters": [\n        {\n');
    param(temp ? 'AccessKeyId' : 'aws_access_key_id', () => d.put(plain('access-key-id', ctx.id(temp))), 1);
    d.add('        },\n        {\n');
    param(temp ? 'SecretAccessKey' : 'aws_secret_access_key', () => d.put(na('secret-access-key', ctx.secret())), 2);
    if (temp) {
      d.add('        },\n        {\n');
      param('SessionToken', () => d.put(na('session-token', ctx.token())), 3);
    }
    d.add('        }\n    ],\n    "InvalidParameters": []\n}\n');
    return { path: `ops/ssm-export-${i}.json`, doc: d };
  },
};

const heredocs = {
  name: 'heredoc-block-scalar',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const na = (kind, v) => ctx.m(kind, v, N, 'name-above');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 3) {
      // (added in session 5 with the decoder's support, after the blind corpus showed it missed)
      d.add('variable "aws_access_key" {\n  type    = string\n  default = "').put(plain('access-key-id', ctx.id())).add('"\n}\n\nvariable "aws_secret_key" {\n  type      = string\n  sensitive = true\n  default   = <<EOT\n');
      d.put(na('secret-access-key', ctx.secret())).add('\nEOT\n}\n');
      return { path: `terraform/modules/vars-${i}/variables.tf`, doc: d };
    }
    if (i === 0 || i === 1) {
      const tag = i === 0 ? 'EOT' : 'EOF';
      const dash = i === 1 ? '-' : '';
      const ind = i === 1 ? '    ' : '';
      d.add('provider "aws" {\n  region     = "', ctx.region(), '"\n  access_key = "').put(plain('access-key-id', ctx.id())).add('"\n  secret_key = <<', dash, tag, '\n', ind);
      d.put(na('secret-access-key', ctx.secret())).add('\n', ind, tag, '\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs-', ctx.hex(6), '"\n}\n');
      return { path: `terraform/envs/prod-${i}/main.tf`, doc: d };
    }
    d.add('---\n# group_vars/backup.yml\nbackup_schedule: "0 3 * * *"\nbackup_bucket: nightly-', ctx.hex(6), '\naws_access_key_id: ').put(plain('access-key-id', ctx.id())).add('\naws_secret_access_key: >-\n  ');
    d.put(na('secret-access-key', ctx.secret())).add('\nbackup_retention_days: 14\n');
    return { path: `ansible/group_vars/backup-${i}.yml`, doc: d };
  },
};

const cfnParameters = {
  name: 'cloudformation-parameters',
  n: 3,
  make(ctx, i) {
    const d = new Doc();
    const nb = (kind, v) => ctx.m(kind, v, N, 'name-below');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 2) {
      d.add('#!/usr/bin/env bash\naws cloudformation create-stack --stack-name uploader \\\n  --template-body file://uploader.yaml \\\n  --parameters ParameterValue=').put(plain('access-key-id', ctx.id()));
      d.add(',ParameterKey=AwsAccessKeyId \\\n    ParameterValue=').put(nb('secret-access-key', ctx.secret())).add(',ParameterKey=AwsSecretAccessKey \\\n    ParameterValue=', ctx.region(), ',ParameterKey=Region\n');
      return { path: `deploy/create-stack-${i}.sh`, doc: d };
    }
    const p = (key, write) => {
      d.add('  {\n    "ParameterValue": "');
      write();
      d.add('",\n    "ParameterKey": "', key, '"\n  }');
    };
    d.add('[\n');
    p('Environment', () => d.add(ctx.pick(['prod', 'staging'])));
    d.add(',\n');
    p(i === 0 ? 'AwsAccessKeyId' : 'AccessKey', () => d.put(plain('access-key-id', ctx.id())));
    d.add(',\n');
    p(i === 0 ? 'AwsSecretAccessKey' : 'SecretKey', () => d.put(nb('secret-access-key', ctx.secret())));
    d.add(',\n');
    p('BucketName', () => d.add('uploads-', ctx.hex(6)));
    d.add('\n]\n');
    return { path: `cloudformation/params/prod-${i}.json`, doc: d };
  },
};

const genericNames = {
  name: 'generic-name-structure',
  n: 4,
  make(ctx, i) {
    const d = new Doc();
    const gn = (kind, v) => ctx.m(kind, v, N, 'generic-name');
    const plain = (kind, v) => ctx.m(kind, v, 'plain', 'plain');
    if (i === 0) {
      // The AWS PHP SDK takes `key` and `secret`; the S3Client is ten lines above.
      d.add("<?php\n\nnamespace App\\Storage;\n\nuse Aws\\S3\\S3Client;\n\nfinal class ClientFactory\n{\n    public function make(): S3Client\n    {\n        $options = [\n            'version' => 'latest',\n            'region' => '", ctx.region(), "',\n");
      d.add("            'use_path_style_endpoint' => false,\n            'retries' => 3,\n            'http' => [\n                'connect_timeout' => 5,\n                'timeout' => 30,\n            ],\n            'credentials' => [\n                'key' => '");
      d.put(plain('access-key-id', ctx.id())).add("',\n                'secret' => '").put(gn('secret-access-key', ctx.secret())).add("',\n            ],\n        ];\n\n        return new S3Client($options);\n    }\n}\n");
      return { path: `src/Storage/ClientFactory${i}.php`, doc: d };
    }
    if (i === 1) {
      // YAML: `provider: aws` at the top of the block, the generic `secret` a dozen lines below.
      d.add('storage:\n  provider: aws\n  bucket: archive-', ctx.hex(6), '\n  region: ', ctx.region(), '\n  prefix: tenants/\n  multipart:\n    threshold_mb: 64\n    part_size_mb: 16\n    concurrency: 4\n  retry:\n    attempts: 5\n    backoff: exponential\n  timeouts:\n    connect: 5s\n    read: 60s\n  auth:\n    key: ');
      d.put(plain('access-key-id', ctx.id())).add('\n    # rotated 2026-01\n    owner: platform-team\n    created_by: terraform\n    expires: never\n    description: long-lived key for the archive job\n    secret: ').put(gn('secret-access-key', ctx.secret())).add('\nqueue:\n  name: archive-jobs\n');
      return { path: `config/archive-${i}.yaml`, doc: d };
    }
    if (i === 2) {
      // INI: the section is the only AWS context.
      d.add('[general]\nlog_level = info\nworkers = 4\n\n[s3]\nendpoint = https://s3.', ctx.region(), '.amazonaws.com\nbucket = exports-', ctx.hex(6), '\nsigning = v4\nmultipart_chunk_mb = 15\nverify_ssl = true\nmax_retries = 5\nstorage_class = STANDARD_IA\nkey = ');
      d.put(plain('access-key-id', ctx.id())).add('\nowner = data-eng\nrotation = 90d\nnotes = used by the nightly export only\ncreated = 2025-11-02\nalerting = pagerduty\nsecret = ').put(gn('secret-access-key', ctx.secret())).add('\n\n[smtp]\nhost = mail.example.org\n');
      return { path: `etc/exporter-${i}.ini`, doc: d };
    }
    // JSON: a generic credentials object inside a `"type": "s3"` destination, far from any AWS word.
    d.add('{\n  "destinations": [\n    {\n      "name": "warehouse",\n      "type": "s3",\n      "bucket": "wh-', ctx.hex(6), '",\n      "format": "parquet",\n      "compression": "snappy",\n      "partitionBy": ["date"],\n      "schedule": "hourly",\n      "batchSize": 5000,\n      "maxFileMb": 128,\n      "credentials": {\n        "id": "');
    d.put(plain('access-key-id', ctx.id())).add('",\n        "label": "warehouse loader",\n        "owner": "analytics",\n        "rotatedAt": "2026-01-15",\n        "expiresAt": null,\n        "tags": ["loader", "prod"],\n        "secret": "').put(gn('secret-access-key', ctx.secret()));
    d.add('"\n      }\n    }\n  ]\n}\n');
    return { path: `pipelines/destinations-${i}.json`, doc: d };
  },
};

export const templates = [k8sEnv, ecsTask, ssmOutput, heredocs, cfnParameters, genericNames].map((t) => ({ ...t, cls: N }));
