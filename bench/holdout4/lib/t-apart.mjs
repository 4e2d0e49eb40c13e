// Names not beside the value: column headers (IAM CSVs, Markdown tables, a printed DataFrame), sibling
// key/name fields (Postman awsv4 auth, Hadoop XML properties, SSM/Key Vault parameter resources,
// terraform output -json, describe-stacks Outputs), names above (GitLab CI expanded variables, Argo,
// Tekton, Azure DevOps, Argo CD helm parameters, a Hiera folded scalar), names after the value
// (put-parameter --value before --name), prose above a value in an mbox, and generic names whose AWS
// context is the structure (HOCON, Lua, Elixir, Perl).
const C = 'name-apart';

function pair(d, a, b, id, sec, form) {
  d.label(a, 'access-key-id', id, C, form);
  d.label(b, 'secret-access-key', sec, C, form);
}

export const templates = [
  {
    // IAM console CSVs: the name is the column header on line 1.
    count: 2,
    make(g, i) {
      const d = g.doc(i === 0 ? 'onboarding/exports/credentials.csv' : 'handover/svc-archiver_accessKeys.csv', true);
      if (i === 0) {
        d.add('User name,Password,Access key ID,Secret access key,Console login link');
        for (let k = 0; k < 2; k++) {
          const id = g.keyId(), sec = g.secret();
          const n = d.add(`svc-${g.app()}-${k},,${id},${sec},https://${g.acct()}.signin.aws.amazon.com/console`);
          pair(d, n, n, id, sec, 'column header: IAM credentials.csv');
        }
      } else {
        const id = g.keyId(), sec = g.secret();
        d.add('Access key ID,Secret access key');
        const n = d.add(`${id},${sec}`);
        pair(d, n, n, id, sec, 'column header: IAM accessKeys.csv');
      }
    },
  },
  {
    // A Markdown handover table: names in the header row, values two rows below.
    make(g) {
      const d = g.doc('docs/handover/service-accounts.md');
      d.add('# Service accounts (temporary)', '', 'Rotate these after the migration. Owners in brackets.', '', '| account | owner | access key id | secret access key |', '|---|---|---|---|');
      for (let k = 0; k < 2; k++) {
        const id = g.keyId(), sec = g.secret();
        const n = d.add(`| svc-${g.app()} | ${g.person()} | ${id} | ${sec} |`);
        pair(d, n, n, id, sec, 'column header: Markdown table');
      }
      d.add('', 'Ping #infra if one of them stops working.');
    },
  },
  {
    // A Jupyter notebook whose output cell printed a DataFrame of keys.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc('notebooks/iam-audit.ipynb');
      d.add('{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 7,', '   "metadata": {},', '   "outputs": [', '    {', '     "data": {', '      "text/plain": [');
      d.add('       "          user         access_key_id                        secret_access_key\\n",');
      const n = d.add(`       "0  svc-${g.app()}  ${id}  ${sec}\\n"`);
      d.add('      ]', '     },', '     "execution_count": 7,', '     "metadata": {},', '     "output_type": "execute_result"', '    }', '   ],', '   "source": [', '    "keys[[\\"user\\", \\"access_key_id\\", \\"secret_access_key\\"]]"', '   ]', '  }', ' ],', ' "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},', ' "nbformat": 4,', ' "nbformat_minor": 5', '}');
      pair(d, n, n, id, sec, 'column header: DataFrame printed in a Jupyter output cell');
    },
  },
  {
    // Postman collection, awsv4 auth: {key, value} objects, key above value, or value above key.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc(i === 0 ? 'postman/Tiles API.postman_collection.json' : 'api/collections/export-v2.1.json');
      d.add('{', '\t"info": {', `\t\t"_postman_id": "${g.uuid()}",`, '\t\t"name": "Tiles API",', '\t\t"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"', '\t},', '\t"auth": {', '\t\t"type": "awsv4",', '\t\t"awsv4": [');
      let a, b;
      if (i === 0) {
        d.add('\t\t\t{', '\t\t\t\t"key": "secretKey",');
        b = d.add(`\t\t\t\t"value": "${sec}",`);
        d.add('\t\t\t\t"type": "string"', '\t\t\t},', '\t\t\t{', '\t\t\t\t"key": "accessKey",');
        a = d.add(`\t\t\t\t"value": "${id}",`);
        d.add('\t\t\t\t"type": "string"', '\t\t\t},');
      } else {
        d.add('\t\t\t{');
        b = d.add(`\t\t\t\t"value": "${sec}",`);
        d.add('\t\t\t\t"key": "secretKey",', '\t\t\t\t"type": "string"', '\t\t\t},', '\t\t\t{');
        a = d.add(`\t\t\t\t"value": "${id}",`);
        d.add('\t\t\t\t"key": "accessKey",', '\t\t\t\t"type": "string"', '\t\t\t},');
      }
      d.add('\t\t\t{', '\t\t\t\t"key": "region",', `\t\t\t\t"value": "${g.region()}",`, '\t\t\t\t"type": "string"', '\t\t\t}', '\t\t]', '\t},', '\t"item": []', '}');
      pair(d, a, b, id, sec, i === 0 ? 'sibling key: Postman awsv4 auth, key above value' : 'sibling key: Postman awsv4 auth, value above key');
    },
  },
  {
    // Hadoop core-site.xml: <name> above <value>.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc('hadoop/etc/hadoop/core-site.xml');
      d.add('<?xml version="1.0"?>', '<configuration>', '  <property>', '    <name>fs.s3a.access.key</name>');
      const a = d.add(`    <value>${id}</value>`);
      d.add('  </property>', '  <property>', '    <name>fs.s3a.secret.key</name>');
      const b = d.add(`    <value>${sec}</value>`);
      d.add('  </property>', '  <property>', '    <name>fs.s3a.endpoint</name>', `    <value>s3.${g.region()}.amazonaws.com</value>`, '  </property>', '</configuration>');
      pair(d, a, b, id, sec, 'sibling element: Hadoop core-site.xml <name>/<value>');
    },
  },
  {
    // GitLab CI expanded variables: value: under the variable's name, with a description.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc('.gitlab/ci/deploy-assets.gitlab-ci.yml');
      d.add('variables:', '  AWS_ACCESS_KEY_ID:', '    description: "deploy user (tiles-assets)"');
      const a = d.add(`    value: "${id}"`);
      d.add('  AWS_SECRET_ACCESS_KEY:', '    description: "deploy user secret, rotate quarterly"');
      const b = d.add(`    value: "${sec}"`);
      d.add('', 'deploy-assets:', '  stage: deploy', '  script:', '    - aws s3 sync public/ s3://$ASSETS_BUCKET/');
      pair(d, a, b, id, sec, 'name above: GitLab CI expanded variables (value under a description)');
    },
  },
  {
    // - name: / value: pairs in Argo Workflows, Tekton, Azure DevOps and Argo CD helm parameters.
    count: 4,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const names = [['aws-access-key-id', 'aws-secret-access-key'], ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], ['awsAccessKeyId', 'awsSecretAccessKey'], ['aws.accessKeyId', 'aws.secretAccessKey']][i];
      const d = g.doc(['workflows/nightly-export.yaml', 'tekton/pipelinerun-publish.yaml', 'azure-pipelines.yml', 'argocd/apps/exporter.yaml'][i]);
      const head = [
        ['apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata:', '  generateName: nightly-export-', 'spec:', '  entrypoint: export', '  arguments:', '    parameters:'],
        ['apiVersion: tekton.dev/v1', 'kind: PipelineRun', 'metadata:', '  name: publish-run-1', 'spec:', '  pipelineRef:', '    name: publish', '  params:'],
        ['trigger:', '  - main', '', 'variables:'],
        ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: exporter', 'spec:', '  source:', '    chart: exporter', '    helm:', '      parameters:'],
      ][i];
      const ind = ['    ', '    ', '  ', '        '][i];
      d.add(head.join('\n'));
      d.add(`${ind}- name: ${names[0]}`);
      const a = d.add(`${ind}  value: ${id}`);
      d.add(`${ind}- name: ${names[1]}`);
      const b = d.add(`${ind}  value: "${sec}"`);
      d.add(`${ind}- name: region`, `${ind}  value: ${g.region()}`);
      if (i === 2) d.add('', 'steps:', '  - script: ./publish.sh');
      pair(d, a, b, id, sec, `name above: ${['Argo Workflows arguments', 'Tekton PipelineRun params', 'Azure DevOps variables', 'Argo CD helm parameters'][i]} - name:/value:`);
    },
  },
  {
    // Parameter resources: the parameter's name (a path ending in the credential's name) is a sibling.
    count: 6,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const app = g.app();
      const forms = [
        ['ansible/playbooks/seed-params.yml', 'Ansible ssm_parameter name/value', (d) => {
          d.add('---', '- hosts: localhost', '  tasks:', '    - name: key id', '      community.aws.ssm_parameter:', `        name: /${app}/aws_access_key_id`);
          const a = d.add(`        value: ${id}`);
          d.add('    - name: secret', '      community.aws.ssm_parameter:', `        name: /${app}/aws_secret_access_key`, '        string_type: SecureString');
          return [a, d.add(`        value: "${sec}"`)];
        }],
        ['cloudformation/params.yaml', 'CloudFormation AWS::SSM::Parameter Name/Value', (d) => {
          d.add('Resources:', '  KeyIdParam:', '    Type: AWS::SSM::Parameter', '    Properties:', `      Name: /${app}/access-key-id`, '      Type: String');
          const a = d.add(`      Value: ${id}`);
          d.add('  SecretParam:', '    Type: AWS::SSM::Parameter', '    Properties:', `      Name: /${app}/secret-access-key`, '      Type: String');
          return [a, d.add(`      Value: ${sec}`)];
        }],
        ['cdk/lib/params-stack.ts', 'CDK StringParameter parameterName/stringValue', (d) => {
          d.add("import * as ssm from 'aws-cdk-lib/aws-ssm';", '', 'export function seed(scope: Construct) {', "  new ssm.StringParameter(scope, 'KeyId', {", `    parameterName: '/${app}/aws-access-key-id',`);
          const a = d.add(`    stringValue: '${id}',`);
          d.add('  });', "  new ssm.StringParameter(scope, 'Secret', {", `    parameterName: '/${app}/aws-secret-access-key',`);
          const b = d.add(`    stringValue: '${sec}',`);
          d.add('  });', '}');
          return [a, b];
        }],
        ['infra/keyvault.bicep', 'Bicep Key Vault secret name/properties.value', (d) => {
          d.add("resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {", "  name: 'kv-tiles'", '}', '', "resource keyId 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {", '  parent: kv', "  name: 'aws-access-key-id'", '  properties: {');
          const a = d.add(`    value: '${id}'`);
          d.add('  }', '}', '', "resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {", '  parent: kv', "  name: 'aws-secret-access-key'", '  properties: {');
          const b = d.add(`    value: '${sec}'`);
          d.add('  }', '}');
          return [a, b];
        }],
        ['pulumi/params/Pulumi.yaml', 'Pulumi YAML aws:ssm:Parameter name/value', (d) => {
          d.add('name: params', 'runtime: yaml', 'resources:', '  keyId:', '    type: aws:ssm:Parameter', '    properties:', `      name: /${app}/aws_access_key_id`, '      type: String');
          const a = d.add(`      value: ${id}`);
          d.add('  secret:', '    type: aws:ssm:Parameter', '    properties:', `      name: /${app}/aws_secret_access_key`, '      type: SecureString');
          return [a, d.add(`      value: ${sec}`)];
        }],
        ['terraform/ssm.tf', 'Terraform aws_ssm_parameter name/value', (d) => {
          d.add('resource "aws_ssm_parameter" "key_id" {', `  name  = "/${app}/aws_access_key_id"`, '  type  = "String"');
          const a = d.add(`  value = "${id}"`);
          d.add('}', '', 'resource "aws_ssm_parameter" "secret" {', `  name  = "/${app}/aws_secret_access_key"`, '  type  = "SecureString"');
          const b = d.add(`  value = "${sec}"`);
          d.add('}');
          return [a, b];
        }],
      ];
      const [path, form, body] = forms[i];
      const d = g.doc(path);
      const [a, b] = body(d);
      pair(d, a, b, id, sec, `sibling name: ${form}`);
    },
  },
  {
    // terraform output -json and describe-stacks Outputs.
    count: 2,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc(i === 0 ? 'ci/artifacts/tf-outputs.json' : 'ci/artifacts/describe-stacks.json');
      let a, b;
      if (i === 0) {
        d.add('{', '  "access_key_id": {', '    "sensitive": false,', '    "type": "string",');
        a = d.add(`    "value": "${id}"`);
        d.add('  },', '  "secret_access_key": {', '    "sensitive": true,', '    "type": "string",');
        b = d.add(`    "value": "${sec}"`);
        d.add('  }', '}');
      } else {
        d.add('{', '    "Stacks": [', '        {', `            "StackName": "${g.app()}-user",`, '            "Outputs": [', '                {', '                    "OutputKey": "AccessKeyId",');
        a = d.add(`                    "OutputValue": "${id}"`);
        d.add('                },', '                {', '                    "OutputKey": "SecretAccessKey",');
        b = d.add(`                    "OutputValue": "${sec}",`);
        d.add('                    "Description": "secret of the upload user"', '                }', '            ]', '        }', '    ]', '}');
      }
      pair(d, a, b, id, sec, i === 0 ? 'name above: terraform output -json' : 'sibling key: describe-stacks OutputKey/OutputValue');
    },
  },
  {
    // put-parameter with --value before --name (name after the value).
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const app = g.app();
      const d = g.doc('scripts/seed-ssm.sh');
      d.add('#!/bin/sh', 'set -e', 'aws ssm put-parameter --overwrite --type String \\');
      const a = d.add(`  --value '${id}' \\`);
      d.add(`  --name /${app}/aws_access_key_id`, 'aws ssm put-parameter --overwrite --type SecureString \\');
      const b = d.add(`  --value '${sec}' \\`);
      d.add(`  --name /${app}/aws_secret_access_key`);
      pair(d, a, b, id, sec, 'name after: put-parameter --value before --name');
    },
  },
  {
    // Hiera: folded scalars under the class parameter's name.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc('puppet/hieradata/nodes/backup01.yaml');
      d.add('---', 'profile::backup::bucket: ' + g.bucket(), 'profile::backup::aws_access_key_id: >');
      const a = d.add(`  ${id}`);
      d.add('profile::backup::aws_secret_access_key: >-');
      const b = d.add(`  ${sec}`);
      pair(d, a, b, id, sec, 'value on the next line: Hiera folded scalars');
    },
  },
  {
    // Prose above the values in a plain-text mail.
    make(g) {
      const id = g.keyId(), sec = g.secret();
      const d = g.doc('mail/ops/2026-02.mbox');
      d.add(`From ${g.person()}@tailspin.example Thu Feb 12 08:01:44 2026`, 'Subject: upload user', 'Content-Type: text/plain; charset=us-ascii', '', 'Here is the access key ID for the upload user:', '');
      const a = d.add(`    ${id}`);
      d.add('', 'and its secret access key (I will rotate it on Friday):', '');
      const b = d.add(`    ${sec}`);
      d.add('', '-- ', 'ops');
      pair(d, a, b, id, sec, 'prose above: plain-text mail in an mbox');
    },
  },
  {
    // Generic names (id/key/secret) whose AWS context is the enclosing block.
    count: 4,
    make(g, i) {
      const id = g.keyId(), sec = g.secret();
      let a, b;
      const form = ['HOCON block under provider = "aws"', 'Lua table under type = "s3"', 'Elixir keyword list of ExAws.S3 config', 'Perl hash under backend => amazon-s3'][i];
      const d = g.doc(['conf/application.conf', 'nginx/lua/storage_conf.lua', 'config/prod.exs', 'etc/archiver.conf.pl'][i]);
      if (i === 0) {
        d.add('storage {', '  provider = "aws"', `  bucket = "${g.bucket()}"`, '  credentials {');
        a = d.add(`    id = "${id}"`);
        b = d.add(`    secret = "${sec}"`);
        d.add('  }', '}');
      } else if (i === 1) {
        d.add('return {', '  storage = {', '    type = "s3",', `    region = "${g.region()}",`);
        a = d.add(`    key = "${id}",`);
        b = d.add(`    secret = "${sec}",`);
        d.add('  },', '}');
      } else if (i === 2) {
        d.add('import Config', '', 'config :ex_aws, :s3,', '  scheme: "https://",', `  host: "s3.${g.region()}.amazonaws.com",`, '  auth: [');
        a = d.add(`    id: "${id}",`);
        b = d.add(`    key: "${sec}"`);
        d.add('  ]');
      } else {
        d.add('{', "  backend => 'amazon-s3',", `  bucket  => '${g.bucket()}',`);
        a = d.add(`  id      => '${id}',`);
        b = d.add(`  key     => '${sec}',`);
        d.add('}');
      }
      pair(d, a, b, id, sec, `generic names: ${form}`);
    },
  },
];
