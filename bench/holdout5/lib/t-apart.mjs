// Names not beside the value: the name a line or more above (name/value pairs, headers, heredocs,
// labels copied from the console), after the value, or a generic name (`secret`, `default`, `Value`)
// whose AWS context is the file's structure. The literal key ID in such files is labelled plain.
const A = 'name-apart';
const ID = 'access-key-id', SK = 'secret-access-key';

function k8sEnv(g, i) {
  const app = g.app();
  const d = g.doc([`k8s/${app}/deployment.yaml`, `charts/${app}/values-prod.yaml`, `k8s/jobs/${app}-backup-cronjob.yml`, `workflows/${app}-export.argo.yaml`][i]);
  const pairs = i === 0 ? [[g.keyId(), g.secret()], [g.keyId(), g.secret()]] : [[g.keyId(), g.secret()]];
  const ind = i === 1 ? '  ' : i === 2 ? '              ' : i === 3 ? '      ' : '        ';
  if (i === 0) d.add('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${app}`, 'spec:', '  replicas: 2', '  template:', '    spec:', '      containers:');
  else if (i === 1) d.add(`image:`, `  repository: ghcr.io/${g.org()}/${app}`, '  tag: "1.4.2"', '', 'extraEnv:');
  else if (i === 2) d.add('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: ${app}-backup`, 'spec:', '  schedule: "15 2 * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers:', '          - name: backup', '            image: amazon/aws-cli:2.17.0', '            env:');
  else d.add('apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'spec:', '  templates:', '  - name: export', '    container:', `      image: ${g.org()}/exporter:latest`, '    env:');
  pairs.forEach(([id, sec], k) => {
    if (i === 0) d.add(`      - name: ${k ? 'sidecar' : app}`, `        image: ${g.org()}/${k ? 'log-shipper' : app}:${g.int(1, 9)}.${g.int(0, 20)}`, '        env:');
    d.add(`${ind}- name: AWS_REGION`, `${ind}  value: ${g.region()}`);
    d.add(`${ind}- name: AWS_ACCESS_KEY_ID`);
    d.put(`${ind}  value: ${id}`, ID, id, 'plain', 'k8s env value under its name');
    d.add(`${ind}- name: AWS_SECRET_ACCESS_KEY`);
    d.put(`${ind}  value: ${g.chance(0.5) ? `"${sec}"` : sec}`, SK, sec, A, 'k8s env - name: / value: pair');
  });
}

function ecsTask(g, i) {
  const id = g.keyId(), sec = g.secret();
  const app = g.app();
  const d = g.doc([`ecs/${app}-taskdef.json`, `deploy/task-definition.${g.pick(['prod', 'staging'])}.json`, `infra/ecs/${app}.container.json`][i]);
  d.add('{', `  "family": "${app}",`, '  "networkMode": "awsvpc",', '  "containerDefinitions": [', '    {', `      "name": "${app}",`, `      "image": "${g.acct()}.dkr.ecr.${g.region()}.amazonaws.com/${app}:latest",`, '      "environment": [');
  if (i < 2) {
    d.add('        {', '          "name": "AWS_ACCESS_KEY_ID",');
    d.put(`          "value": "${id}"`, ID, id, 'plain', 'ECS environment value');
    d.add('        },', '        {', '          "name": "AWS_SECRET_ACCESS_KEY",');
    d.put(`          "value": "${sec}"`, SK, sec, A, 'ECS environment name/value on separate lines');
    d.add('        },', '        {', '          "name": "NODE_ENV",', '          "value": "production"', '        }');
  } else {
    d.add('        {');
    d.put(`          "value": "${id}",`, ID, id, 'plain', 'ECS environment value');
    d.add('          "name": "S3_ACCESS_KEY"', '        },', '        {');
    d.put(`          "value": "${sec}",`, SK, sec, A, 'ECS environment, value before name');
    d.add('          "name": "S3_SECRET_KEY"', '        }');
  }
  d.add('      ],', '      "essential": true', '    }', '  ]', '}');
}

function cfnParams(g, i) {
  const id = g.keyId(), sec = g.secret();
  const d = g.doc([`cloudformation/params/${g.app()}-prod.json`, `cfn/parameters.${g.pick(['staging', 'qa'])}.json`, `ops/${g.date()}-describe-stacks.json`][i]);
  if (i === 0) {
    d.add('[', '  {', '    "ParameterKey": "Environment",', '    "ParameterValue": "prod"', '  },', '  {', '    "ParameterKey": "AwsAccessKeyId",');
    d.put(`    "ParameterValue": "${id}"`, ID, id, 'plain', 'CloudFormation parameter value');
    d.add('  },', '  {', '    "ParameterKey": "AwsSecretAccessKey",');
    d.put(`    "ParameterValue": "${sec}"`, SK, sec, A, 'CloudFormation ParameterKey above ParameterValue');
    d.add('  }', ']');
  } else if (i === 1) {
    d.add('[', '  {', '    "ParameterValue": "t3.small",', '    "ParameterKey": "InstanceType"', '  },', '  {');
    d.put(`    "ParameterValue": "${id}",`, ID, id, 'plain', 'CloudFormation parameter value');
    d.add('    "ParameterKey": "AwsAccessKeyId"', '  },', '  {');
    d.put(`    "ParameterValue": "${sec}",`, SK, sec, A, 'CloudFormation ParameterValue before ParameterKey');
    d.add('    "ParameterKey": "AwsSecretAccessKey"', '  }', ']');
  } else {
    const app = g.app();
    d.add('{', '    "Stacks": [', '        {', `            "StackId": "arn:aws:cloudformation:${g.region()}:${g.acct()}:stack/${app}/${g.uuid()}",`, `            "StackName": "${app}",`, '            "Parameters": [', '                {', '                    "ParameterKey": "UploaderSecretKey",');
    d.put(`                    "ParameterValue": "${sec}"`, SK, sec, A, 'describe-stacks ParameterKey above ParameterValue');
    d.add('                },', '                {', '                    "ParameterKey": "UploaderKeyId",');
    d.put(`                    "ParameterValue": "${id}"`, ID, id, 'plain', 'CloudFormation parameter value');
    d.add('                }', '            ],', `            "StackStatus": "UPDATE_COMPLETE"`, '        }', '    ]', '}');
  }
}

function ssm(g, i) {
  const id = g.keyId(), sec = g.secret();
  const app = g.app();
  const d = g.doc([`notes/ssm-${app}.json`, `runbooks/${app}-params.yaml`, `tmp/params-${g.date()}.txt`][i]);
  if (i === 0) {
    d.add(`$ aws ssm get-parameter --name /${app}/prod/aws_secret_access_key --with-decryption`, '{', '    "Parameter": {', `        "Name": "/${app}/prod/aws_secret_access_key",`, '        "Type": "SecureString",');
    d.put(`        "Value": "${sec}",`, SK, sec, A, 'SSM get-parameter Name above Value');
    d.add(`        "Version": ${g.int(1, 9)},`, `        "LastModifiedDate": "${g.date()}T${g.time()}.${g.int(100, 999)}000+00:00",`, `        "ARN": "arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/prod/aws_secret_access_key",`, '        "DataType": "text"', '    }', '}');
    d.add('', `# key id is in /${app}/prod/aws_access_key_id`);
  } else if (i === 1) {
    d.add(`# aws ssm get-parameters-by-path --path /${app}/ --with-decryption --output yaml`, 'Parameters:', `- ARN: arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/AWS_ACCESS_KEY_ID`, '  DataType: text', `  LastModifiedDate: '${g.date()}T${g.time()}+00:00'`, `  Name: /${app}/AWS_ACCESS_KEY_ID`, '  Type: String');
    d.put(`  Value: ${id}`, ID, id, 'plain', 'SSM value');
    d.add('  Version: 1', `- ARN: arn:aws:ssm:${g.region()}:${g.acct()}:parameter/${app}/AWS_SECRET_ACCESS_KEY`, '  DataType: text', `  LastModifiedDate: '${g.date()}T${g.time()}+00:00'`, `  Name: /${app}/AWS_SECRET_ACCESS_KEY`, '  Type: SecureString');
    d.put(`  Value: ${sec}`, SK, sec, A, 'SSM get-parameters-by-path YAML, Name lines above Value');
    d.add('  Version: 3');
  } else {
    d.add(`$ aws ssm get-parameters --names /${app}/key_id /${app}/secret --with-decryption --query 'Parameters[].[Name,Value]' --output text`);
    d.put(`/${app}/key_id\t${id}`, ID, id, 'plain', 'SSM text output');
    d.put(`/${app}/secret\t${sec}`, SK, sec, A, 'SSM text output, generic name in the path');
  }
}

function terraform(g, i) {
  const id = g.keyId(), sec = g.secret();
  if (i === 0) {
    const d = g.doc('terraform/secrets.tf');
    d.add('resource "aws_secretsmanager_secret_version" "uploader" {', '  secret_id = aws_secretsmanager_secret.uploader.id', '  secret_string = jsonencode({');
    d.put(`    key_id = "${id}"`, ID, id, 'plain', 'Terraform value');
    d.add('    secret_key = <<EOT');
    d.put(sec, SK, sec, A, 'Terraform heredoc under secret_key = <<EOT');
    d.add('EOT', '  })', '}');
  } else if (i < 3) {
    const d = g.doc(i === 1 ? 'variables.tf' : `envs/${g.pick(['dev', 'sandbox'])}/variables.tf`);
    d.add('variable "region" {', `  default = "${g.region()}"`, '}', '', `variable "${i === 1 ? 'aws_access_key' : 'access_key'}" {`, '  type    = string');
    d.put(`  default = "${id}"`, ID, id, 'plain', 'Terraform variable default');
    d.add('}', '', `variable "${i === 1 ? 'aws_secret_key' : 'secret_key'}" {`, '  type      = string', '  sensitive = true', '  description = "IAM user for the uploader"');
    d.put(`  default   = "${sec}"`, SK, sec, A, 'Terraform variable block, generic `default` under the name');
    d.add('}');
  } else {
    const d = g.doc(i === 3 ? 'terraform.tfstate' : `state/${g.app()}.tfstate`);
    d.add('{', '  "version": 4,', `  "terraform_version": "1.${g.int(5, 9)}.${g.int(0, 9)}",`, '  "resources": [', '    {', '      "mode": "managed",', '      "type": "aws_iam_access_key",', `      "name": "${g.user().replace(/-/g, '_')}",`, '      "instances": [', '        {', '          "schema_version": 0,', '          "attributes": {', `            "create_date": "${g.date()}T${g.time()}Z",`, '            "encrypted_secret": null,', '            "encrypted_ses_smtp_password_v4": null,');
    d.put(`            "id": "${id}",`, ID, id, 'plain', 'tfstate aws_iam_access_key id');
    d.add('            "key_fingerprint": null,', '            "pgp_key": null,');
    d.put(`            "secret": "${sec}",`, SK, sec, A, 'tfstate aws_iam_access_key, generic name `secret`');
    d.add('            "status": "Active",', `            "user": "${g.user()}"`, '          },', '          "sensitive_attributes": []', '        }', '      ]', '    }', '  ]', '}');
  }
}

function csv(g, i) {
  const d = g.doc([`${g.user()}_accessKeys.csv`, `Downloads/credentials (${g.int(1, 4)}).csv`, 'docs/iam-users-2026.csv'][i], true);
  if (i === 0) {
    const id = g.keyId(), sec = g.secret();
    d.add('Access key ID,Secret access key');
    d.label(d.add(`${id},${sec}`), ID, id, 'plain', 'console CSV row').label(d.lines.length, SK, sec, A, 'console CSV, header row above');
  } else if (i === 1) {
    const id = g.keyId(), sec = g.secret();
    d.add('User name,Password,Access key ID,Secret access key,Console login link');
    const n = d.add(`${g.user()},,${id},${sec},https://${g.acct()}.signin.aws.amazon.com/console`);
    d.label(n, ID, id, 'plain', 'console CSV row').label(n, SK, sec, A, 'console CSV, header row above');
  } else {
    d.add('user;team;created;access_key;secret;notes');
    for (let k = 0; k < 3; k++) {
      const id = g.keyId(), sec = g.secret();
      const n = d.add(`${g.user()};${g.pick(['data', 'web', 'ops'])};${g.date()};${id};${sec};${g.pick(['rotated', '', 'used by jenkins', 'ask ' + g.person()])}`);
      d.label(n, ID, id, 'plain', 'spreadsheet row').label(n, SK, sec, A, 'spreadsheet export, generic column `secret`');
    }
  }
}

function mdTable(g, i) {
  const d = g.doc([`wiki/Environments.md`, `docs/onboarding/${g.app()}.md`][i]);
  d.add(`# ${i ? 'Onboarding' : 'Environments'}`, '', 'Shared IAM users (ask in #infra before using prod):', '');
  d.add('| Env | Access key | Secret | Bucket |', '|-----|------------|--------|--------|');
  for (const env of ['dev', 'staging', 'prod'].slice(0, i ? 2 : 3)) {
    const id = g.keyId(), sec = g.secret();
    const n = d.add(`| ${env} | \`${id}\` | \`${sec}\` | ${g.bucket()} |`);
    d.label(n, ID, id, 'plain', 'markdown table cell').label(n, SK, sec, A, 'markdown table, column header `Secret` above');
  }
  d.add('', 'Rotate every 90 days.');
}

function postman(g, i) {
  const id = g.keyId(), sec = g.secret();
  if (i === 0) {
    const d = g.doc(`postman/${g.app()}.postman_environment.json`);
    d.add('{', `\t"id": "${g.uuid()}",`, `\t"name": "${g.app()} prod",`, '\t"values": [', '\t\t{', '\t\t\t"key": "baseUrl",', `\t\t\t"value": "https://api.${g.org()}.com",`, '\t\t\t"type": "default",', '\t\t\t"enabled": true', '\t\t},', '\t\t{', '\t\t\t"key": "aws_access_key",');
    d.put(`\t\t\t"value": "${id}",`, ID, id, 'plain', 'Postman environment value');
    d.add('\t\t\t"type": "default",', '\t\t\t"enabled": true', '\t\t},', '\t\t{', '\t\t\t"key": "aws_secret_key",');
    d.put(`\t\t\t"value": "${sec}",`, SK, sec, A, 'Postman environment key/value on separate lines');
    d.add('\t\t\t"type": "secret",', '\t\t\t"enabled": true', '\t\t}', '\t],', '\t"_postman_variable_scope": "environment"', '}');
  } else {
    const d = g.doc(`collections/${g.app()}-${i === 1 ? 'api' : 's3'}.postman_collection.json`);
    d.add('{', '\t"info": {', `\t\t"_postman_id": "${g.uuid()}",`, `\t\t"name": "${g.app()}",`, '\t\t"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"', '\t},', '\t"auth": {', '\t\t"type": "awsv4",', '\t\t"awsv4": [');
    const items = [['region', g.region()], ['service', i === 1 ? 'execute-api' : 's3'], ['secretKey', sec], ['accessKey', id]];
    if (i === 2) items.reverse();
    items.forEach(([k, v], n) => {
      d.add('\t\t\t{', `\t\t\t\t"key": "${k}",`);
      if (v === sec) d.put(`\t\t\t\t"value": "${v}",`, SK, sec, A, 'Postman awsv4 auth key/value on separate lines');
      else if (v === id) d.put(`\t\t\t\t"value": "${v}",`, ID, id, 'plain', 'Postman awsv4 value');
      else d.add(`\t\t\t\t"value": "${v}",`);
      d.add('\t\t\t\t"type": "string"', `\t\t\t}${n < items.length - 1 ? ',' : ''}`);
    });
    d.add('\t\t]', '\t},', '\t"item": []', '}');
  }
}

function generic(g, i) {
  const id = g.keyId(), sec = g.secret();
  if (i === 0) {
    const d = g.doc('config/filesystems.php');
    d.add('<?php', '', 'return [', "    'default' => env('FILESYSTEM_DISK', 'local'),", "    'disks' => [", "        's3' => [", "            'driver' => 's3',");
    d.put(`            'key' => env('AWS_ACCESS_KEY_ID', '${id}'),`, ID, id, 'plain', 'Laravel env default');
    d.put(`            'secret' => env('AWS_SECRET', '${sec}'),`, SK, sec, A, "Laravel disk 's3', generic name 'secret'");
    d.add(`            'region' => env('AWS_DEFAULT_REGION', '${g.region()}'),`, `            'bucket' => '${g.bucket()}',`, '        ],', '    ],', '];');
  } else if (i === 1) {
    const d = g.doc('config/services.php');
    d.add('<?php', '', 'return [', "    'mailgun' => [", `        'domain' => 'mg.${g.org()}.com',`, '    ],', '', "    'ses' => [");
    d.put(`        'key' => '${id}',`, ID, id, 'plain', 'Laravel services');
    d.put(`        'secret' => '${sec}',`, SK, sec, A, "Laravel services 'ses', generic name 'secret'");
    d.add(`        'region' => '${g.region()}',`, '    ],', '];');
  } else if (i === 2) {
    const d = g.doc('config.yml');
    d.add('server:', '  port: 8080', 'storage:', '  backend: s3', '  s3:', `    bucket: ${g.bucket()}`, `    region: ${g.region()}`);
    d.put(`    key: ${id}`, ID, id, 'plain', 'YAML s3 block');
    d.put(`    secret: ${sec}`, SK, sec, A, 'YAML under s3:, generic name `secret`');
  } else if (i === 3) {
    const d = g.doc(`group_vars/${g.pick(['all', 'webservers'])}.yml`);
    d.add('---', 'app_user: deploy', 'backup:', '  provider: aws', '  aws:');
    d.put(`    id: ${id}`, ID, id, 'plain', 'Ansible vars');
    d.put(`    key: "${sec}"`, SK, sec, A, 'Ansible vars under aws:, generic name `key`');
    d.add(`    bucket: ${g.bucket()}`);
  } else {
    const d = g.doc('uploader.ini', true);
    d.add('[general]', 'threads = 4', '', '; amazon s3 account used by the nightly uploader', '[s3]');
    d.put(`user = ${id}`, ID, id, 'plain', 'INI value');
    d.put(`pass = ${sec}`, SK, sec, A, 'INI [s3] section, generic name `pass`');
  }
}

function ebCodeBuild(g, i) {
  const id = g.keyId(), sec = g.secret();
  if (i === 0) {
    const d = g.doc('.ebextensions/options.config.json');
    d.add('[', '  {', '    "Namespace": "aws:elasticbeanstalk:application:environment",', '    "OptionName": "AWS_ACCESS_KEY_ID",');
    d.put(`    "Value": "${id}"`, ID, id, 'plain', 'EB option value');
    d.add('  },', '  {', '    "Namespace": "aws:elasticbeanstalk:application:environment",', '    "OptionName": "AWS_SECRET_ACCESS_KEY",');
    d.put(`    "Value": "${sec}"`, SK, sec, A, 'Elastic Beanstalk OptionName above Value');
    d.add('  }', ']');
  } else {
    const d = g.doc(`codebuild/${g.app()}-project.json`);
    d.add('{', `  "name": "${g.app()}-build",`, '  "environment": {', '    "type": "LINUX_CONTAINER",', '    "image": "aws/codebuild/standard:7.0",', '    "environmentVariables": [', '      {', '        "name": "AWS_ACCESS_KEY_ID",');
    d.put(`        "value": "${id}",`, ID, id, 'plain', 'CodeBuild value');
    d.add('        "type": "PLAINTEXT"', '      },', '      {', '        "name": "AWS_SECRET_ACCESS_KEY",');
    d.put(`        "value": "${sec}",`, SK, sec, A, 'CodeBuild name above value');
    d.add('        "type": "PLAINTEXT"', '      }', '    ]', '  }', '}');
  }
}

function chat(g, i) {
  const id = g.keyId(), sec = g.secret();
  const a = g.person(), b = g.person();
  if (i === 0) {
    const d = g.doc(`slack-export/${g.pick(['infra', 'dev-ops', 'backend'])}/${g.date()}.json`);
    const ts = () => `${g.epoch()}.${g.int(100000, 999999)}`;
    d.add('[', '    {', '        "type": "message",', `        "user": "U0${g.upper(8)}",`, `        "text": "can someone send me the creds for the ${g.app()} bucket? the old ones were revoked",`, `        "ts": "${ts()}"`, '    },', '    {', '        "type": "message",', `        "user": "U0${g.upper(8)}",`, '        "text": "sure, access key id and secret in the next two messages, delete after copying pls",', `        "ts": "${ts()}"`, '    },', '    {', '        "type": "message",', `        "user": "U0${g.upper(8)}",`);
    d.put(`        "text": "${id}",`, ID, id, 'plain', 'Slack message');
    d.add(`        "ts": "${ts()}"`, '    },', '    {', '        "type": "message",', `        "user": "U0${g.upper(8)}",`);
    d.put(`        "text": "${sec}",`, SK, sec, A, 'Slack export, the value alone in a message, named two messages up');
    d.add(`        "ts": "${ts()}"`, '    }', ']');
  } else if (i === 1) {
    const d = g.doc(`chat/WhatsApp Chat with ${b}.txt`, true);
    let m = g.int(0, 20);
    const t = (step) => { m += step; return `14/10/2026, 21:${String(m).padStart(2, '0')}`; };
    d.add(`${t(0)} - ${a}: hey are you still up? prod uploads are failing`, `${t(g.int(1, 9))} - ${b}: yes, I made a new IAM user, sending key id + secret`);
    d.put(`${t(g.int(1, 5))} - ${b}: ${id}`, ID, id, 'plain', 'chat message');
    d.put(`${t(0)} - ${b}: ${sec}`, SK, sec, A, 'chat export, secret alone in a message, named above');
    d.add(`${t(g.int(2, 20))} - ${a}: works now, thanks!!`);
  } else {
    const d = g.doc(`irc-logs/#${g.org()}-ops.${g.date()}.log`);
    d.add(`[${g.time()}] <${a}> ${b}: what are the aws creds for the staging box again`, `[${g.time()}] <${b}> key:`);
    d.put(`[${g.time()}] <${b}> ${id}`, ID, id, 'plain', 'chat message');
    d.add(`[${g.time()}] <${b}> secret:`);
    d.put(`[${g.time()}] <${b}> ${sec}`, SK, sec, A, 'IRC log, secret on the line after its name');
    d.add(`[${g.time()}] <${a}> ty`);
  }
}

function ctorWrapped(g, i) {
  const id = g.keyId(), sec = g.secret();
  if (i === 0) {
    const d = g.doc(`src/main/java/com/${g.org()}/backup/S3Factory.java`);
    d.add('public final class S3Factory {', '    public static AmazonS3 create() {', '        AWSCredentials creds = new BasicAWSCredentials(');
    d.put(`                "${id}",`, ID, id, 'plain', 'Java constructor argument');
    d.put(`                "${sec}");`, SK, sec, A, 'BasicAWSCredentials( on the line above, no name');
    d.add(`        return AmazonS3ClientBuilder.standard().withRegion("${g.region()}")`, '                .withCredentials(new AWSStaticCredentialsProvider(creds)).build();', '    }', '}');
  } else if (i === 1) {
    const d = g.doc('legacy/s3_backup.py');
    d.add('import boto', 'from boto.s3.key import Key', '', 'conn = boto.connect_s3(');
    d.put(`    '${id}',`, ID, id, 'plain', 'boto positional argument');
    d.put(`    '${sec}')`, SK, sec, A, 'boto.connect_s3( on the line above, positional');
    d.add(`bucket = conn.get_bucket('${g.bucket()}')`);
  } else {
    const d = g.doc('pkg/uploader/client.go');
    d.add('func newSession() *session.Session {', '\treturn session.Must(session.NewSession(&aws.Config{', `\t\tRegion: aws.String("${g.region()}"),`, '\t\tCredentials: credentials.NewStaticCredentials(');
    d.put(`\t\t\t"${id}",`, ID, id, 'plain', 'Go positional argument');
    d.put(`\t\t\t"${sec}",`, SK, sec, A, 'NewStaticCredentials( on the line above, positional');
    d.add('\t\t\t""),', '\t}))', '}');
  }
}

function blockScalar(g, i) {
  const id = g.keyId(), sec = g.secret();
  const d = g.doc([`ansible/host_vars/${g.app()}-01.yml`, `.github/actions/${g.app()}-deploy/defaults.yml`][i]);
  d.put(`aws_access_key_id: ${id}`, ID, id, 'plain', 'YAML value');
  d.add(`aws_secret_access_key: ${i ? '>-' : '|'}`);
  d.put(`  ${sec}`, SK, sec, A, `YAML block scalar (${i ? '>-' : '|'}) under the name`);
  d.add(`aws_region: ${g.region()}`);
}

function consolePaste(g, i) {
  const id = g.keyId(), sec = g.secret();
  const d = g.doc([`notes/${g.person()}-todo.txt`, `docs/handover-${g.app()}.md`][i]);
  if (i === 0) d.add('- renew cert', '- ask about vpn', '', `new key for ${g.user()} (copied from console):`, 'Access key');
  else d.add(`# Handover: ${g.app()}`, '', '## AWS', '', `IAM user \`${g.user()}\`, created ${g.date()}. From the "Retrieve access keys" page:`, '', 'Access key');
  d.put(id, ID, id, 'plain', 'console copy');
  d.add('Secret access key');
  d.put(sec, SK, sec, A, 'copied from the console, label on the line above');
  if (i) d.add('', 'Bucket policy lives in `infra/`.');
}

function ciVariables(g, i) {
  const id = g.keyId(), sec = g.secret();
  const d = g.doc(i === 0 ? `tmp/gitlab-project-${g.int(100, 9999)}-variables.json` : 'bitbucket/pipelines-variables.json');
  const vars = [['AWS_ACCESS_KEY_ID', id], ['AWS_SECRET_ACCESS_KEY', sec], ['AWS_DEFAULT_REGION', g.region()]];
  d.add(i === 0 ? '[' : '{\n  "values": [');
  vars.forEach(([k, v], n) => {
    d.add('  {', i === 0 ? '    "variable_type": "env_var",' : `    "uuid": "{${g.uuid()}}",`, `    "key": "${k}",`);
    if (v === id) d.put(`    "value": "${v}",`, ID, id, 'plain', 'CI variables API value');
    else if (v === sec) d.put(`    "value": "${v}",`, SK, sec, A, `${i === 0 ? 'GitLab' : 'Bitbucket'} CI variables API, key above value`);
    else d.add(`    "value": "${v}",`);
    d.add(`    "${i === 0 ? 'masked' : 'secured'}": false`, `  }${n < vars.length - 1 ? ',' : ''}`);
  });
  d.add(i === 0 ? ']' : '  ]\n}');
}

export const templates = [
  { name: 'k8s env pairs', count: 4, make: k8sEnv },
  { name: 'ECS task definitions', count: 3, make: ecsTask },
  { name: 'CloudFormation parameters', count: 3, make: cfnParams },
  { name: 'SSM output', count: 3, make: ssm },
  { name: 'Terraform', count: 5, make: terraform },
  { name: 'CSV', count: 3, make: csv },
  { name: 'markdown tables', count: 2, make: mdTable },
  { name: 'Postman', count: 3, make: postman },
  { name: 'generic names', count: 5, make: generic },
  { name: 'EB / CodeBuild', count: 2, make: ebCodeBuild },
  { name: 'chat exports', count: 3, make: chat },
  { name: 'wrapped constructors', count: 3, make: ctorWrapped },
  { name: 'YAML block scalars', count: 2, make: blockScalar },
  { name: 'console copy-paste', count: 2, make: consolePaste },
  { name: 'CI variables API', count: 2, make: ciVariables },
];
