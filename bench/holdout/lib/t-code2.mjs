// More code and app config: Python call shapes, Go SDK v2, .NET, Android/iOS, Gradle, Java properties,
// WordPress, Rails, tracebacks.

export const templates = [
  {
    name: 'python-call-shapes', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 3);
      let lines;
      if (v === 0) {
        lines = ['import boto3', '', '# positional: service, region, api_version, use_ssl, verify, endpoint_url, key id, secret',
          `s3 = boto3.client("s3", "${g.region()}", None, True, None, None, "${c.id}", "${c.secret}")`];
      } else if (v === 1) {
        lines = ['from uploader import S3Uploader', '', 'def main():', `    up = S3Uploader("${g.bucket()}",`, `                    '${c.id}',`,
          `                    '${c.secret}')`, '    up.push("out/report.csv")'];
      } else if (v === 2) {
        const c2 = g.pair();
        lines = ['ACCOUNTS = [', `    ("prod", "${c.id}", "${c.secret}"),`, `    ("staging", "${c2.id}", "${c2.secret}"),`,
          `    ("docs", "${g.neg.docsId()}", "${g.neg.docsSecret()}"),`, ']', '', 'for name, key, secret in ACCOUNTS:', '    check(name, key, secret)'];
      } else {
        lines = ['import os', '', '# quick hack for the notebook export job', `os.environ["AWS_ACCESS_KEY_ID"] = "${c.id}"`, 'os.environ["AWS_DEFAULT_REGION"] = "' + g.region() + '"',
          `os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "${c.secret}")`, `GITHUB_WEBHOOK_SECRET = "${g.neg.hex(40)}"`];
      }
      g.file(`repos/${g.project()}/scripts/${g.pick(['sync', 'export', 'check_keys', 'upload'])}_${g.int(1, 99)}.py`, lines, { fmt: 'python' });
    },
  },
  {
    name: 'json-array', count: 2,
    make(g) {
      const c = g.pair();
      const c2 = g.pair();
      const obj = { targets: [{ name: 'primary', type: 's3', bucket: g.bucket(), credentials: [c.id, c.secret] },
        { name: 'dr', type: 's3', bucket: g.bucket(), credentials: [c2.id, c2.secret], region: g.region() }], checksum: g.neg.hex(40) };
      const text = g.chance(0.5) ? JSON.stringify(obj, null, 2) : JSON.stringify(obj, null, 2).replace(/\[\n\s+("AKIA[^"]+"),\n\s+("[^"]+")\n\s+\]/g, '[$1, $2]');
      g.file(`repos/${g.project()}/replication.json`, text, { fmt: 'json-array' });
    },
  },
  {
    name: 'go-sdk-v2', count: 2,
    make(g) {
      const c = g.cred(g.chance(0.3));
      const lines = ['package storage', '', 'import (', '\t"context"', '', '\t"github.com/aws/aws-sdk-go-v2/config"',
        '\t"github.com/aws/aws-sdk-go-v2/credentials"', ')', '', 'func Load(ctx context.Context) (aws.Config, error) {',
        '\treturn config.LoadDefaultConfig(ctx,', `\t\tconfig.WithRegion("${g.region()}"),`,
        `\t\tconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(\`${c.id}\`, \`${c.secret}\`, \`${c.token || ''}\`)),`, '\t)', '}'];
      g.file(`repos/${g.project()}/internal/storage/config.go`, lines, { fmt: 'go' });
    },
  },
  {
    name: 'dotnet-appsettings', count: 2,
    make(g) {
      const c = g.pair();
      const obj = { Logging: { LogLevel: { Default: 'Information' } }, ConnectionStrings: {
        Blob: `DefaultEndpointsProtocol=https;AccountName=acme${g.int(10, 99)};AccountKey=${g.neg.azureKey()};EndpointSuffix=core.windows.net` },
        AWS: { Profile: 'default', Region: g.region(), AccessKey: c.id, SecretKey: c.secret }, AllowedHosts: '*' };
      g.file(`repos/${g.project()}/src/Api/appsettings.Production.json`, JSON.stringify(obj, null, 2), { fmt: 'dotnet-appsettings', bom: true, eol: 'crlf' });
    },
  },
  {
    name: 'android-strings', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<resources>', '    <string name="app_name">Acme</string>',
        `    <string name="aws_access_key" translatable="false">${c.id}</string>`, `    <string name="aws_bucket">${g.bucket()}</string>`,
        `    <string name="aws_secret_key" translatable="false">${c.secret}</string>`,
        `    <string name="google_maps_key">AIza${g.neg.b64url(35)}</string>`, '</resources>'];
      g.file(`repos/mobile-backend/android/app/src/main/res/values/secrets.xml`, lines, { fmt: 'android-xml' });
    },
  },
  {
    name: 'ios-plist', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">', '<dict>', '\t<key>AWSAccessKeyId</key>', `\t<string>${c.id}</string>`, '\t<key>AWSRegion</key>',
        `\t<string>${g.region()}</string>`, '\t<key>AWSSecretKey</key>', `\t<string>${c.secret}</string>`, '</dict>', '</plist>'];
      g.file(`repos/mobile-backend/ios/App/Config.plist`, lines, { fmt: 'plist' });
    },
  },
  {
    name: 'gradle', count: 2,
    make(g) {
      const c = g.pair();
      if (g.chance(0.5)) {
        const lines = ['org.gradle.jvmargs=-Xmx2g', 'android.useAndroidX=true', `awsAccessKey=${c.id}`, `awsSecretKey=${c.secret}`,
          `signing.keyId=${g.neg.hex(8).toUpperCase()}`, `signing.password=${g.neg.alnum(20)}`];
        g.file(`${g.home()}/.gradle/gradle.properties`, lines, { fmt: 'gradle-properties' });
      } else {
        const lines = ['repositories {', '    maven {', `        url "s3://${g.bucket()}/maven/releases"`, '        credentials(AwsCredentials) {',
          `            accessKey = '${c.id}'`, `            secretKey = '${c.secret}'`, '        }', '    }', '    mavenCentral()', '}'];
        g.file(`repos/${g.project()}/build.gradle`, lines, { fmt: 'gradle' });
      }
    },
  },
  {
    name: 'java-properties', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      const lines = ['# generated by ops on ' + g.date(), `keystore.path=/etc/${g.project()}/keystore.jks`, `keystore.password=${g.neg.alnum(16)}`,
        `truststore.sha1=${g.neg.hex(40).toUpperCase().match(/../g).join(':')}`];
      if (v === 0) lines.push(`cloud.aws.credentials.access-key=${c.id}`, `cloud.aws.credentials.secret-key=${c.secret}`, `cloud.aws.region.static=${g.region()}`);
      else if (v === 1) lines.push(`aws.accessKeyId = ${c.id}`, 'aws.secretKey = \\', `    ${c.secret}`);
      else lines.push(`s3service.aws-access-key : ${c.id}`, `s3service.aws-secret-key : ${c.secret}`, 's3service.https-only=true');
      lines.push(`app.instance-id=${g.neg.uuid()}`);
      g.file(`repos/${g.project()}/src/main/resources/${g.pick(['application-prod', 'keystore', 'jets3t', 'aws'])}.properties`, lines, { fmt: 'java-properties' });
    },
  },
  {
    name: 'wp-config', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['<?php', "define( 'DB_NAME', 'wordpress' );", `define( 'AUTH_KEY', '${g.neg.b64(64)}' );`,
        "define( 'AS3CF_SETTINGS', serialize( array(", "    'provider' => 'aws',", `    'access-key-id' => '${c.id}',`,
        `    'secret-access-key' => '${c.secret}',`, ') ) );', "require_once ABSPATH . 'wp-settings.php';"];
      g.file(`srv/www/${g.pick(['blog', 'shop', 'news'])}/wp-config.php`, lines, { fmt: 'php-wordpress' });
    },
  },
  {
    name: 'rails-storage', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['local:', '  service: Disk', '  root: <%= Rails.root.join("storage") %>', '', 'amazon:', '  service: S3',
        `  access_key_id: ${c.id}`, `  secret_access_key: ${c.secret}`, `  region: ${g.region()}`, `  bucket: ${g.bucket()}`, '',
        'amazon_staging:', '  service: S3', '  access_key_id: <%= ENV["AWS_ACCESS_KEY_ID"] %>',
        '  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>'];
      g.file(`repos/${g.project()}/config/storage.yml`, lines, { fmt: 'rails-storage' });
    },
  },
  {
    name: 'python-traceback', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['Traceback (most recent call last):', `  File "/srv/app/${g.project()}/sync.py", line 88, in <module>`, '    main()',
        `  File "/srv/app/${g.project()}/sync.py", line 61, in main`, '    client.upload_file(path, bucket, key)', '',
        'Local variables:', `    aws_access_key_id = '${c.id}'`, `    aws_secret_access_key = '${c.secret}'`, `    bucket = '${g.bucket()}'`,
        `    etag = '"${g.neg.hex(32)}"'`, "botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation"];
      g.file(`var/log/sentry-dumps/${g.neg.hex(12)}.txt`, lines, { fmt: 'traceback' });
    },
  },
];
