// Source code in less common languages: Elixir, Erlang, Kotlin, Scala, Swift, Rust, Dart, Lua, Perl, R, MATLAB.

export const templates = [
  {
    name: 'elixir-config', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['import Config', '', 'config :ex_aws,', `  access_key_id: "${c.id}",`, `  secret_access_key: "${c.secret}",`,
        `  region: "${g.region()}"`, '', 'config :ex_aws, :s3,', '  scheme: "https://",', '  host: "s3.amazonaws.com"', '',
        '# staging reads from the environment:', '# config :ex_aws, access_key_id: [{:system, "AWS_ACCESS_KEY_ID"}, :instance_role]',
        `config :my_app, MyApp.Endpoint, secret_key_base: "${g.neg.alnum(64)}"`];
      g.file(`repos/${g.project()}/config/${g.pick(['prod.exs', 'runtime.exs', 'prod.secret.exs'])}`, lines, { fmt: 'elixir' });
    },
  },
  {
    name: 'erlang-sys-config', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['[', '  {kernel, [{logger_level, info}]},', '  {erlcloud, [', `    {aws_access_key_id, "${c.id}"},`,
        `    {aws_secret_access_key, "${c.secret}"},`, `    {aws_region, "${g.region()}"}`, '  ]},', `  {my_app, [{cookie_hash, "${g.neg.hex(40)}"}]}`, '].'];
      g.file(`repos/${g.project()}/config/sys.config`, lines, { fmt: 'erlang' });
    },
  },
  {
    name: 'kotlin', count: 2,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 1);
      const body = v === 0
        ? ['    private val credentials = BasicAWSCredentials(', `        "${c.id}",`, `        "${c.secret}"`, '    )',
          '    val s3: AmazonS3 = AmazonS3ClientBuilder.standard()', '        .withCredentials(AWSStaticCredentialsProvider(credentials))',
          `        .withRegion("${g.region()}")`, '        .build()']
        : ['    companion object {', `        private const val AWS_KEY = "${c.id}"`, '        private const val BUCKET = "' + g.bucket() + '"',
          `        private const val AWS_SECRET = """${c.secret}"""`, '    }', '    val client = S3Client.builder()',
          '        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AWS_KEY, AWS_SECRET)))', '        .build()'];
      const lines = [`package com.acme.${g.project().replace(/-/g, '')}.storage`, '', 'import com.amazonaws.auth.BasicAWSCredentials', '',
        'class StorageModule {', ...body, '}'];
      g.file(`repos/${g.project()}/app/src/main/kotlin/StorageModule.kt`, lines, { fmt: 'kotlin' });
    },
  },
  {
    name: 'scala', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['object S3Job extends App {', '  val spark = SparkSession.builder().appName("s3-job").getOrCreate()',
        `  spark.sparkContext.hadoopConfiguration.set("fs.s3a.access.key", "${c.id}")`,
        `  spark.sparkContext.hadoopConfiguration.set("fs.s3a.secret.key", "${c.secret}")`, '',
        `  val df = spark.read.json("s3a://${g.bucket()}/raw/")`, '  df.write.parquet("s3a://' + g.bucket() + '/curated/")', '}'];
      if (g.chance(0.5)) {
        const c2 = g.pair();
        lines.push('', 'object LegacyClient {', `  val creds = new BasicAWSCredentials("${c2.id}",`, `    "${c2.secret}")`, '}');
      }
      g.file(`repos/${g.project()}/src/main/scala/S3Job.scala`, lines, { fmt: 'scala' });
    },
  },
  {
    name: 'swift', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['import AWSCore', 'import AWSS3', '', 'enum AWSConfig {', `    static let accessKey = "${c.id}"`,
        `    static let secretKey = "${c.secret}"`, '    static let region = AWSRegionType.USEast1', '}', '',
        'func configureAWS() {', '    let provider = AWSStaticCredentialsProvider(accessKey: AWSConfig.accessKey, secretKey: AWSConfig.secretKey)',
        '    let configuration = AWSServiceConfiguration(region: AWSConfig.region, credentialsProvider: provider)',
        '    AWSServiceManager.default().defaultServiceConfiguration = configuration', '}'];
      if (g.chance(0.5)) {
        const c2 = g.pair();
        lines.push('', '// debug build only', `let debugProvider = AWSStaticCredentialsProvider(accessKey: "${c2.id}", secretKey: "${c2.secret}")`);
      }
      g.file(`repos/mobile-backend/ios/App/AWSConfig.swift`, lines, { fmt: 'swift' });
    },
  },
  {
    name: 'rust', count: 2,
    make(g) {
      const c = g.cred(g.chance(0.4));
      const lines = ['use aws_credential_types::Credentials;', 'use aws_sdk_s3::config::Region;', '',
        `const ACCESS_KEY: &str = "${c.id}";`, `const SECRET_KEY: &str = r#"${c.secret}"#;`];
      if (c.token) lines.push(`const SESSION_TOKEN: &str = "${c.token}";`);
      lines.push('', 'pub async fn client() -> aws_sdk_s3::Client {',
        `    let creds = Credentials::new(ACCESS_KEY, SECRET_KEY, ${c.token ? 'Some(SESSION_TOKEN.to_string())' : 'None'}, None, "hardcoded");`,
        `    let conf = aws_sdk_s3::Config::builder().region(Region::new("${g.region()}")).credentials_provider(creds).build();`,
        '    aws_sdk_s3::Client::from_conf(conf)', '}', '', '#[cfg(test)]', 'mod tests {',
        `    const FAKE: (&str, &str) = ("${g.neg.docsId()}", "${g.neg.docsSecret()}");`, '}');
      g.file(`repos/${g.project()}/src/storage.rs`, lines, { fmt: 'rust' });
    },
  },
  {
    name: 'dart', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ["import 'package:minio/minio.dart';", '', 'final minio = Minio(', "  endPoint: 's3.amazonaws.com',",
        `  accessKey: '${c.id}',`, `  secretKey: '${c.secret}',`, `  region: '${g.region()}',`, ');', '',
        'class Env {', `  static const sentryDsn = 'https://${g.neg.hex(32)}@o${g.int(10000, 99999)}.ingest.sentry.io/${g.int(100000, 999999)}';`, '}'];
      g.file(`repos/mobile-backend/flutter_app/lib/services/storage.dart`, lines, { fmt: 'dart' });
    },
  },
  {
    name: 'lua', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['-- openresty: sign S3 requests', 'local aws_signature = require "resty.aws_signature"', '', 'local config = {',
        `  aws_key = "${c.id}",`, `  aws_secret = [[${c.secret}]],`, `  aws_region = "${g.region()}",`, '  aws_service = "s3",', '}', '',
        'return function(uri)', '  return aws_signature.sign(config, ngx.var.request_method, uri)', 'end'];
      g.file(`repos/${g.project()}/nginx/lua/s3_sign.lua`, lines, { fmt: 'lua' });
    },
  },
  {
    name: 'perl', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['#!/usr/bin/perl', 'use strict;', 'use warnings;', 'use Net::Amazon::S3;', '',
        'my $s3 = Net::Amazon::S3->new({', `    aws_access_key_id     => '${c.id}',`, `    aws_secret_access_key => '${c.secret}',`,
        '    retry                 => 1,', '});', `my $bucket = $s3->bucket('${g.bucket()}');`, '',
        `my @legacy = qw(${g.neg.docsId()} ${g.neg.docsSecret()}); # sample from the docs`];
      g.file(`repos/legacy-monolith/bin/upload_${g.int(1, 9)}.pl`, lines, { fmt: 'perl' });
    },
  },
  {
    name: 'r-script', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['library(aws.s3)', 'library(dplyr)', ''];
      if (g.chance(0.5)) {
        lines.push('Sys.setenv(', `  "AWS_ACCESS_KEY_ID" = "${c.id}",`, `  "AWS_SECRET_ACCESS_KEY" = "${c.secret}",`, `  "AWS_DEFAULT_REGION" = "${g.region()}"`, ')');
      } else {
        lines.push(`Sys.setenv("AWS_ACCESS_KEY_ID" = "${c.id}", "AWS_SECRET_ACCESS_KEY" = "${c.secret}")`);
      }
      const c2 = g.pair();
      lines.push('', `df <- s3read_using(read.csv, object = "sales.csv", bucket = "${g.bucket()}")`,
        `b <- get_bucket("${g.bucket()}", key = "${c2.id}", secret = "${c2.secret}")`, '', '# Sys.setenv("AWS_SECRET_ACCESS_KEY" = "<SECRET>")');
      g.file(`repos/analytics/R/${g.pick(['load_data', 'report', 'sales'])}.R`, lines, { fmt: 'r' });
    },
  },
  {
    name: 'matlab', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['% Configure S3 access for datastore()', `setenv('AWS_ACCESS_KEY_ID', '${c.id}');`, `setenv('AWS_SECRET_ACCESS_KEY', '${c.secret}');`,
        `setenv('AWS_DEFAULT_REGION', '${g.region()}');`, `ds = datastore('s3://${g.bucket()}/sensor/*.csv');`, 'T = readall(ds);'];
      g.file(`repos/analytics/matlab/load_sensor_data.m`, lines, { fmt: 'matlab' });
    },
  },
];
