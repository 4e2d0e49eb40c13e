// Ordinary plain leaks in contexts of this corpus's own: the key ID and secret written as they are.
const C = 'plain';

// [path, form, crlf, token?, render(id, sec, tok, g) -> lines]
const FORMS = [
  ['snowflake/stages/raw_events.sql', 'Snowflake external stage CREDENTIALS', false, false, (id, sec, t, g) => [
    'CREATE OR REPLACE STAGE raw.events_stage', `  URL = 's3://${g.bucket()}/events/'`, `  CREDENTIALS = (AWS_KEY_ID = '${id}' AWS_SECRET_KEY = '${sec}')`, "  FILE_FORMAT = (TYPE = 'PARQUET');"]],
  ['src/main/scala/io/geo/Clients.scala', 'Scala AwsBasicCredentials.create', false, false, (id, sec) => [
    'object Clients {', `  private val creds = AwsBasicCredentials.create("${id}", "${sec}")`, '  val s3 = S3Client.builder().credentialsProvider(StaticCredentialsProvider.create(creds)).build()', '}']],
  ['ios/Uploader/AppDelegate.swift', 'Swift static credentials provider', false, false, (id, sec) => [
    'import AWSCore', '', 'func configureAWS() {', `    let provider = AWSStaticCredentialsProvider(accessKey: "${id}", secretKey: "${sec}")`, '    let conf = AWSServiceConfiguration(region: .EUWest2, credentialsProvider: provider)', '    AWSServiceManager.default().defaultServiceConfiguration = conf', '}']],
  ['cgi-bin/upload.pl', 'Perl Net::Amazon::S3->new', false, false, (id, sec) => [
    'use Net::Amazon::S3;', 'my $s3 = Net::Amazon::S3->new(', `    aws_access_key_id     => '${id}',`, `    aws_secret_access_key => '${sec}',`, '    retry                 => 1,', ');']],
  ['app/lib/services/s3_service.dart', 'Dart AwsClientCredentials', false, false, (id, sec) => [
    "import 'package:aws_s3_api/s3-2006-03-01.dart';", '', 'final s3 = S3(', "  region: 'eu-west-2',", `  credentials: AwsClientCredentials(accessKey: '${id}', secretKey: '${sec}'),`, ');']],
  ['analysis/.Renviron', 'R .Renviron', false, false, (id, sec, t, g) => [
    `AWS_ACCESS_KEY_ID=${id}`, `AWS_SECRET_ACCESS_KEY=${sec}`, `AWS_DEFAULT_REGION=${g.region()}`]],
  ['gradle.properties', 'Gradle properties for an S3 maven repository', false, false, (id, sec) => [
    'org.gradle.jvmargs=-Xmx2g', `s3RepoAccessKey=${id}`, `s3RepoSecretKey=${sec}`]],
  ['config/dev.exs', 'Elixir ex_aws config', false, false, (id, sec) => [
    'import Config', '', 'config :ex_aws,', `  access_key_id: "${id}",`, `  secret_access_key: "${sec}"`]],
  ['pulumi/Pulumi.dev.yaml', 'Pulumi stack config aws:accessKey', false, false, (id, sec, t, g) => [
    'config:', `  aws:region: ${g.region()}`, `  aws:accessKey: ${id}`, `  aws:secretKey: ${sec}`]],
  ['chef/.chef/knife.rb', 'Chef knife.rb', false, false, (id, sec) => [
    "current_dir = File.dirname(__FILE__)", 'node_name "deploy"', `knife[:aws_access_key_id] = "${id}"`, `knife[:aws_secret_access_key] = "${sec}"`]],
  ['compose/dev/docker-compose.override.yml', 'docker-compose override environment', false, false, (id, sec) => [
    'services:', '  api:', '    environment:', `      - AWS_ACCESS_KEY_ID=${id}`, `      - AWS_SECRET_ACCESS_KEY=${sec}`]],
  ['src/Tiles.Api/appsettings.Development.json', '.NET appsettings AWS section', true, false, (id, sec, t, g) => [
    '{', '  "AWS": {', `    "Region": "${g.region()}",`, `    "AccessKey": "${id}",`, `    "SecretKey": "${sec}"`, '  }', '}']],
  ['postman/Local.postman_environment.json', 'Postman environment', false, false, (id, sec) => [
    '{', '  "name": "Local",', '  "values": [', `    { "key": "aws_access_key_id", "value": "${id}", "enabled": true },`, `    { "key": "aws_secret_access_key", "value": "${sec}", "enabled": true }`, '  ]', '}']],
  ['insomnia/export.yaml', 'Insomnia export with a session token', false, true, (id, sec, tok) => [
    '_type: export', '__export_format: 4', 'resources:', '  - _id: req_upload', '    _type: request', '    authentication:', '      type: iam',
    `      accessKeyId: ${id}`, `      secretAccessKey: ${sec}`, `      sessionToken: ${tok}`]],
  ['scripts/Connect-Archive.ps1', 'PowerShell Set-AWSCredential with a session token', true, true, (id, sec, tok) => [
    `Set-AWSCredential -AccessKey ${id} -SecretKey ${sec} -SessionToken ${tok} -StoreAs archive`, 'Get-S3Object -BucketName archive -ProfileName archive']],
  ['notebooks/quick_look.ipynb', 'Jupyter %env magic in a cell source', false, false, (id, sec) => [
    '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": [', `  "%env AWS_ACCESS_KEY_ID=${id}\\n",`, `  "%env AWS_SECRET_ACCESS_KEY=${sec}\\n",`, '  "import s3fs"', ']}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}']],
  ['nix/hosts/web/configuration.nix', 'Nix systemd environment', false, false, (id, sec) => [
    '{', '  systemd.services.thumbs.environment = {', `    AWS_ACCESS_KEY_ID = "${id}";`, `    AWS_SECRET_ACCESS_KEY = "${sec}";`, '  };', '}']],
  ['jenkins/casc.yaml', 'Jenkins Configuration as Code aws credentials', false, false, (id, sec) => [
    'credentials:', '  system:', '    domainCredentials:', '      - credentials:', '          - aws:', '              id: "deploy-aws"', '              scope: GLOBAL', `              accessKey: "${id}"`, `              secretKey: "${sec}"`]],
  ['exports/slack/general/2026-05-02.json', 'Slack export message without slashes', false, false, (id, sec) => [
    '[', '  {', '    "type": "message",', `    "text": "dev creds until IT sorts SSO: ${id} / ${sec}",`, '    "ts": "1777702300.000200"', '  }', ']']],
  ['group_vars/all/aws.yml', 'Ansible group_vars', false, false, (id, sec) => [
    '---', `aws_access_key: ${id}`, `aws_secret_key: ${sec}`, 'aws_region: eu-west-1']],
  ['src/archive.lua', 'Lua resty.s3 constructor', false, false, (id, sec) => [
    'local s3 = require("resty.s3")', `local client = s3:new("${id}", "${sec}", "archive", { timeout = 1000 })`]],
  ['.cargo/config.toml', 'Cargo env section', false, false, (id, sec) => [
    '[env]', `AWS_ACCESS_KEY_ID = "${id}"`, `AWS_SECRET_ACCESS_KEY = "${sec}"`]],
];

export const templates = [
  {
    count: FORMS.length,
    make(g, i) {
      const [path, form, crlf, withToken, render] = FORMS[i];
      const id = g.keyId(withToken ? 'ASIA' : 'AKIA'), sec = g.secret(), tok = withToken ? g.token() : null;
      const d = g.doc(path, crlf);
      const lines = render(id, sec, tok, g);
      d.add(lines.join('\n'));
      const at = (v) => lines.findIndex((l) => l.includes(v)) + 1;
      d.label(at(id), 'access-key-id', id, C, form);
      d.label(at(sec), 'secret-access-key', sec, C, form);
      if (tok) d.label(at(tok), 'session-token', tok, C, form);
    },
  },
];
