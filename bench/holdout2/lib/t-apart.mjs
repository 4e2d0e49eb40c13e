// Names that are not beside the value: the name a line or two above (YAML name/value pairs, SSM output,
// heredocs and block scalars), the name after the value (CloudFormation parameter files, ECS
// environment objects), and generic names whose AWS context is the structure of the file.
const N = 'name-apart';

export const templates = [
  {
    name: 'k8s-env-name-value', count: 10,
    make(g, i) {
      const app = g.app();
      const deploy = i % 2 === 0;
      const d = g.file(deploy ? `gitops/apps/${app}-${i}/deployment.yaml` : `charts/${app}-${i}/values-prod.yaml`);
      const id = g.keyId(); const secret = g.secret();
      const idFromSecret = i % 3 !== 1;
      if (deploy) {
        d.add('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${app}`, 'spec:', '  template:', '    spec:', '      containers:', `        - name: ${app}`,
          `          image: 123456789012.dkr.ecr.${g.region()}.amazonaws.com/${app}:v${g.r.range(1, 9)}.${g.r.range(0, 30)}.0`, '          env:',
          '            - name: LOG_LEVEL', '              value: info');
      } else {
        d.add(`replicaCount: 3`, 'image:', `  repository: ghcr.io/acme/${app}`, '  tag: ""', 'extraEnv:', '  - name: LOG_LEVEL', '    value: info');
      }
      const ind = deploy ? '            ' : '  ';
      if (idFromSecret) {
        d.add(`${ind}- name: AWS_ACCESS_KEY_ID`, `${ind}  valueFrom:`, `${ind}    secretKeyRef: { name: ${app}-aws, key: id }`);
      } else {
        d.add(`${ind}- name: AWS_ACCESS_KEY_ID`);
        d.label(d.add(`${ind}  value: ${id}`), 'access-key-id', id, 'plain', 'plain');
        for (let k = 0; k < g.r.range(3, 4); k++) d.add(`${ind}- name: FEATURE_${k}`, `${ind}  value: "${g.r.pick(['true', 'false'])}"`);
      }
      if (g.r.chance(0.5)) {
        d.add(`${ind}- name: AWS_SECRET_ACCESS_KEY`);
        d.label(d.add(`${ind}  value: "${secret}"`), 'secret-access-key', secret, N, 'name on the line above (YAML name/value)');
      } else {
        d.label(d.add(`${ind}- value: "${secret}"`), 'secret-access-key', secret, N, 'name on the line below (YAML value/name)');
        d.add(`${ind}  name: AWS_SECRET_ACCESS_KEY`);
      }
      d.add(`${ind}- name: S3_BUCKET`, `${ind}  value: ${g.bucket()}`);
    },
  },
  {
    name: 'ecs-codebuild-env-objects', count: 8,
    make(g, i) {
      const d = g.file(i % 2 ? `deploy/ecs/${g.app()}-${i}-taskdef.json` : `ci/codebuild/${g.app()}-${i}-project.json`);
      const secret = g.secret();
      const valueFirst = i % 4 < 2;
      d.add('{');
      if (i % 2) d.add(`  "family": "${g.app()}",`, '  "containerDefinitions": [', '    {', `      "name": "${g.app()}",`, `      "image": "ghcr.io/acme/${g.app()}:latest",`, '      "environment": [');
      else d.add(`  "name": "${g.app()}-build",`, '  "environment": {', '    "type": "LINUX_CONTAINER",', '    "image": "aws/codebuild/standard:7.0",', '    "environmentVariables": [');
      d.add('        { "name": "NODE_ENV", "value": "production" },', '        {');
      const name = g.r.pick(['AWS_SECRET_ACCESS_KEY', 'DEPLOY_AWS_SECRET_ACCESS_KEY', 'S3_SECRET_ACCESS_KEY']);
      if (valueFirst) {
        d.label(d.add(`          "value": "${secret}",`), 'secret-access-key', secret, N, 'name after the value (JSON name/value object)');
        if (!(i % 2)) d.add('          "type": "PLAINTEXT",');
        d.add(`          "name": "${name}"`);
      } else {
        d.add(`          "name": "${name}",`);
        if (!(i % 2)) d.add('          "type": "PLAINTEXT",');
        d.label(d.add(`          "value": "${secret}"`), 'secret-access-key', secret, N, 'name above the value (JSON name/value object)');
      }
      d.add('        }', '      ]');
      if (i % 2) d.add('    }', '  ]', '}'); else d.add('  }', '}');
    },
  },
  {
    name: 'ssm-get-parameter-output', count: 6,
    make(g, i) {
      const d = g.file(i % 2 ? `ci-logs/${g.app()}-deploy-${g.r.range(1000, 9999)}-${i}.log` : `notes/${g.person().split(' ')[0].toLowerCase()}-ssm-dump-${i}.txt`);
      const id = g.keyId(); const secret = g.secret();
      const pfx = `/${g.r.pick(['prod', 'shared', 'ci'])}/${g.app()}`;
      d.add(`$ aws ssm get-parameters-by-path --path ${pfx} --with-decryption --region ${g.region()}`, '{', '    "Parameters": [', '        {',
        `            "Name": "${pfx}/aws_access_key_id",`, '            "Type": "SecureString",');
      d.label(d.add(`            "Value": "${id}",`), 'access-key-id', id, 'plain', 'plain');
      d.add('            "Version": 2,', `            "LastModifiedDate": "${g.date()}T${g.time()}.512000+00:00",`, `            "ARN": "arn:aws:ssm:${g.region()}:${g.account()}:parameter${pfx}/aws_access_key_id",`,
        '            "DataType": "text"', '        },', '        {', `            "Name": "${pfx}/db_password",`, '            "Type": "SecureString",',
        `            "Value": "${g.alnum(24)}",`, '            "Version": 7,', '            "DataType": "text"', '        },', '        {');
      const nameLine = `            "Name": "${pfx}/${g.r.pick(['aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'aws-secret-access-key'])}",`;
      d.add(nameLine, '            "Type": "SecureString",');
      d.label(d.add(`            "Value": "${secret}",`), 'secret-access-key', secret, N, 'name two lines above (SSM get-parameter output)');
      d.add('            "Version": 2,', `            "ARN": "arn:aws:ssm:${g.region()}:${g.account()}:parameter${pfx}/aws_secret_access_key",`, '            "DataType": "text"', '        }', '    ]', '}');
    },
  },
  {
    name: 'terraform-heredoc', count: 6,
    make(g, i) {
      const d = g.file(`terraform/${g.r.pick(['live', 'envs'])}/${g.app()}-${i}/main.tf`);
      const id = g.keyId(); const secret = g.secret();
      const dash = g.r.chance(0.5) ? '-' : '';
      const tag = g.r.pick(['EOT', 'EOF', 'KEY']);
      if (i % 2 === 0) {
        d.add('terraform {', '  required_providers {', '    aws = { source = "hashicorp/aws", version = "~> 5.0" }', '  }', '}', '', 'provider "aws" {', `  region     = "${g.region()}"`);
        d.label(d.add(`  access_key = "${id}"`), 'access-key-id', id, 'plain', 'plain');
        d.add(`  secret_key = <<${dash}${tag}`);
        d.label(d.add(`${dash ? '    ' : ''}${secret}`), 'secret-access-key', secret, N, 'name above a Terraform heredoc');
        d.add(`${dash ? '  ' : ''}${tag}`, '}');
      } else {
        d.add(`resource "kubernetes_secret" "${g.app()}_aws" {`, '  metadata {', `    name = "${g.app()}-aws"`, '  }', '  data = {', '    AWS_REGION = "' + g.region() + '"', '  }', '}', '',
          'variable "ci_secret_access_key" {', '  type      = string', '  sensitive = true', `  default   = <<${dash}${tag}`);
        d.label(d.add(`${dash ? '    ' : ''}${secret}`), 'secret-access-key', secret, N, 'name above a Terraform heredoc (variable default)');
        d.add(`${dash ? '  ' : ''}${tag}`, '}');
      }
    },
  },
  {
    name: 'cloudformation-parameters', count: 8,
    make(g, i) {
      const d = g.file(`cloudformation/parameters/${g.app()}-${g.r.pick(['prod', 'staging'])}-${i}.json`);
      const id = g.keyId(); const secret = g.secret();
      const oneLine = i % 2 === 0;
      const withId = i % 3 === 0;
      const secretName = g.r.pick(['AwsSecretAccessKey', 'DeployUserSecretAccessKey', 'SecretAccessKey', 'IamUserSecret']);
      d.add('[');
      if (oneLine) {
        d.add(`  {"ParameterValue": "${g.app()}", "ParameterKey": "ServiceName"},`, `  {"ParameterValue": "t3.medium", "ParameterKey": "InstanceType"},`);
        if (withId) d.label(d.add(`  {"ParameterValue": "${id}", "ParameterKey": "AwsAccessKeyId"},`), 'access-key-id', id, 'plain', 'plain');
        d.label(d.add(`  {"ParameterValue": "${secret}", "ParameterKey": "${secretName}"},`), 'secret-access-key', secret, N, 'name after the value (CloudFormation ParameterValue/ParameterKey, one line)');
        d.add(`  {"ParameterValue": "${g.bucket()}", "ParameterKey": "ArtifactBucket"}`);
      } else {
        d.add('  {', '    "ParameterValue": "' + g.app() + '",', '    "ParameterKey": "ServiceName"', '  },');
        if (withId) { d.add('  {'); d.label(d.add(`    "ParameterValue": "${id}",`), 'access-key-id', id, 'plain', 'plain'); d.add('    "ParameterKey": "AwsAccessKeyId"', '  },'); }
        d.add('  {', '    "ParameterValue": "vpc-' + g.hex(17) + '",', '    "ParameterKey": "VpcId"', '  },', '  {');
        d.label(d.add(`    "ParameterValue": "${secret}",`), 'secret-access-key', secret, N, 'name after the value (CloudFormation ParameterValue/ParameterKey, across lines)');
        d.add(`    "ParameterKey": "${secretName}"`, '  }');
      }
      d.add(']');
    },
  },
  {
    name: 'generic-name-structure', count: 10,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const v = i % 5;
      // In the second round the key ID is not in the file (a reference), so only the name can tell.
      const idOr = (d, text, ref) => (i < 5 ? d.label(d.add(text), 'access-key-id', id, 'plain', 'plain') : d.add(ref));
      if (v === 0) {
        // s3cmd writes its options alphabetically: access_key near the top, secret_key 40+ lines below.
        const d = g.file(i % 2 === 0 ? `home/${g.r.pick(['dana', 'grace'])}-${i}/.s3cfg` : `backup/configs/s3cfg-${g.app()}-${i}`);
        d.add('[default]');
        d.label(d.add(`access_key = ${id}`), 'access-key-id', id, 'plain', 'plain');
        for (const l of ['access_token = ', 'add_encoding_exts = ', 'add_headers = ', 'bucket_location = US', 'ca_certs_file = ', 'cache_file = ', 'check_ssl_certificate = True',
          'check_ssl_hostname = True', 'cloudfront_host = cloudfront.amazonaws.com', 'connection_max_age = 5', 'connection_pooling = True', 'content_disposition = ', 'content_type = ',
          'default_mime_type = binary/octet-stream', 'delay_updates = False', 'delete_after = False', 'delete_after_fetch = False', 'delete_removed = False', 'dry_run = False',
          'enable_multipart = True', 'encoding = UTF-8', 'encrypt = False', 'expiry_date = ', 'expiry_days = ', 'expiry_prefix = ', 'follow_symlinks = False', 'force = False',
          'get_continue = False', 'gpg_command = /usr/bin/gpg', 'gpg_passphrase = ', 'guess_mime_type = True', 'host_base = s3.amazonaws.com', 'host_bucket = %(bucket)s.s3.amazonaws.com',
          'human_readable_sizes = False', 'invalidate_default_index_on_cf = False', 'invalidate_on_cf = False', 'limit = -1', 'limitrate = 0', 'list_md5 = False',
          'log_target_prefix = ', 'long_listing = False', 'max_delete = -1', 'mime_type = ', 'multipart_chunk_size_mb = 15', 'multipart_copy_chunk_size_mb = 1024',
          'preserve_attrs = True', 'progress_meter = True', 'proxy_host = ', 'proxy_port = 0', 'public_url_use_https = False', 'put_continue = False', 'recursive = False',
          'recv_chunk = 65536', 'reduced_redundancy = False', 'requester_pays = False', 'restore_days = 1', 'restore_priority = Standard']) d.add(l);
        d.label(d.add(`secret_key = ${secret}`), 'secret-access-key', secret, N, 'generic name, AWS context from the file (.s3cfg), key ID 60 lines above');
        d.add('send_chunk = 65536', 'server_side_encryption = False', 'signature_v2 = False', 'signurl_use_https = False', 'simpledb_host = sdb.amazonaws.com', 'skip_existing = False',
          'socket_timeout = 300', 'stats = False', 'stop_on_error = False', 'storage_class = ', 'throttle_max = 100', 'upload_id = ', 'urlencoding_mode = normal', 'use_http_expect = False',
          'use_https = True', 'use_mime_magic = True', 'verbosity = WARNING', 'website_endpoint = http://%(bucket)s.s3-website-%(location)s.amazonaws.com/', 'website_error = ', 'website_index = index.html');
      } else if (v === 1 || v === 4) {
        // Spring Boot: cloud.aws.credentials.secret-key, with the "aws:" key many lines above.
        const d = g.file(`services/${g.app()}-${i}/src/main/resources/application-prod.yml`);
        d.add('server:', '  port: 8080', 'cloud:', '  aws:', '    region:', `      static: ${g.region()}`, '    stack:', '      auto: false', '    sqs:', '      listener:',
          '        max-number-of-messages: 10', '        wait-timeout: 20', '        visibility-timeout: 300', '    s3:', `      bucket: ${g.bucket()}`, '      path-style-access: false',
          '      transfer:', '        multipart-threshold: 16MB', '        part-size: 8MB', '    credentials:', '      instance-profile: false', '      use-default-aws-credentials-chain: false');
        if (v === 1) d.label(d.add(`      access-key: ${id}`), 'access-key-id', id, 'plain', 'plain');
        else d.add('      access-key: ${S3_ACCESS_KEY:}');
        d.label(d.add(`      secret-key: ${secret}`), 'secret-access-key', secret, N, 'generic name (secret-key) under cloud.aws.credentials');
        d.add('management:', '  endpoints:', '    web:', '      exposure:', '        include: health,info');
      } else if (v === 2) {
        const d = g.file(`config/${g.app()}-${i}-production.json`);
        d.add('{', '  "server": { "port": 3000, "trustProxy": true },', '  "storage": {', '    "provider": "aws",', '    "options": {', `      "region": "${g.region()}",`,
          `      "bucket": "${g.bucket()}",`, '      "acl": "private",', '      "signatureVersion": "v4",', '      "multipart": {', '        "partSize": 8388608,',
          '        "queueSize": 4', '      },', '      "cacheControl": "max-age=31536000",', '      "serverSideEncryption": "AES256",', '      "credentials": {', '        "key": "${STORAGE_KEY}",');
        d.label(d.add(`        "secret": "${secret}"`), 'secret-access-key', secret, N, 'generic name (secret), AWS context from the structure 13 lines up');
        d.add('      }', '    }', '  },', '  "mail": { "from": "noreply@example.com" }', '}');
      } else {
        const d = g.file(`config/filesystems.${i}.php`);
        d.add('<?php', '', 'return [', "    'default' => env('FILESYSTEM_DISK', 'local'),", "    'disks' => [", "        'local' => [", "            'driver' => 'local',",
          "            'root' => storage_path('app'),", '        ],', "        's3' => [", "            'driver' => 's3',");
        d.label(d.add(`            'key' => '${id}',`), 'access-key-id', id, 'plain', 'plain');
        d.label(d.add(`            'secret' => '${secret}',`), 'secret-access-key', secret, N, "generic name ('secret') in Laravel's s3 disk");
        d.add(`            'region' => '${g.region()}',`, `            'bucket' => '${g.bucket()}',`, "            'throw' => false,", '        ],', '    ],', '];');
      }
    },
  },
  {
    name: 'value-on-next-line', count: 10,
    make(g, i) {
      const id = g.keyId(); const secret = g.secret();
      const v = i % 5;
      // In the second round the key ID is not in the file (a reference), so only the name can tell.
      const idOr = (d, text, ref) => (i < 5 ? d.label(d.add(text), 'access-key-id', id, 'plain', 'plain') : d.add(ref));
      if (v === 0) {
        const d = g.file(`ansible/group_vars/${g.app()}_servers_${i}.yml`);
        d.add('---', `backup_bucket: ${g.bucket()}`);
        idOr(d, `aws_access_key: ${id}`, 'aws_access_key: "{{ vault_aws_access_key }}"');
        d.add(`aws_secret_key: >-`);
        d.label(d.add(`  ${secret}`), 'secret-access-key', secret, N, 'name above a YAML block scalar');
        d.add(`backup_retention_days: 30`);
      } else if (v === 1) {
        const d = g.file(`src/main/resources/${g.app()}-${i}.properties`);
        d.add(`app.name=${g.app()}`);
        idOr(d, `aws.accessKeyId=${id}`, 'aws.accessKeyId=${AWS_ACCESS_KEY_ID}');
        d.add('aws.secretKey=\\');
        d.label(d.add(`    ${secret}`), 'secret-access-key', secret, N, 'name above (Java properties line continuation)');
        d.add(`aws.region=${g.region()}`);
      } else if (v === 2) {
        const d = g.file(`docs/onboarding/${g.app()}-access-${i}.md`);
        d.add(`# Access for the ${g.app()} sandbox`, '', 'Use the shared IAM user until SSO is set up.', '', '**Access key ID**', '');
        idOr(d, `    ${id}`, '    (in 1Password, vault "Platform")');
        d.add('', '**Secret access key**', '');
        d.label(d.add(`    ${secret}`), 'secret-access-key', secret, N, 'name two lines above (Markdown)');
        d.add('', 'Ping #platform if it stops working.');
      } else if (v === 3) {
        const d = g.file(`ci/jenkins/${g.app()}-setup-${i}.sh`);
        d.add('#!/bin/bash', 'set -e');
        idOr(d, `aws configure set aws_access_key_id ${id} --profile ci`, 'aws configure set aws_access_key_id "$CI_KEY_ID" --profile ci');
        for (const l of ['aws configure set region ' + g.region() + ' --profile ci', 'aws configure set output json --profile ci', 'aws configure set cli_pager "" --profile ci', '# the secret', 'aws configure set \\', '    aws_secret_access_key \\']) d.add(l);
        d.label(d.add(`    ${secret} \\`), 'secret-access-key', secret, N, 'name on the line above (shell continuation)');
        d.add('    --profile ci');
      } else {
        const d = g.file(`helm/${g.app()}/values.${i}.yaml`);
        d.add('s3:', `  bucket: ${g.bucket()}`, `  region: ${g.region()}`, '  auth:', '    existingSecret: ""', '    accessKeyId: ""', '    secretAccessKey: |');
        d.label(d.add(`      ${secret}`), 'secret-access-key', secret, N, 'name above a YAML literal block');
        d.add('persistence:', '  enabled: true');
      }
    },
  },
];
