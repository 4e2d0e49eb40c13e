// More hard-negative-only files.

const N = (name, count, make) => ({ name, count, negative: true, make });

export const templates = [
  N('neg-jwt-log', 2, (g) => {
    const n = g.neg;
    const lines = [];
    for (let i = 0; i < g.int(4, 8); i++) {
      lines.push(`${g.date()}T${g.time()}Z INFO  http request method=GET path=/api/v1/orders status=200 auth="Bearer ${n.jwt()}" req_id=${n.uuid()}`);
    }
    lines.push(`${g.date()}T${g.time()}Z DEBUG s3 upload ok etag="${n.hex(32)}" x-amz-id-2=${n.b64(76)} x-amz-request-id=${n.hex(16).toUpperCase()}`);
    lines.push(`${g.date()}T${g.time()}Z DEBUG using credentials from instance profile (access key ${n.maskedId()})`);
    g.file(`var/log/${g.project()}/app.log`, lines, { fmt: 'app-log' });
  }),
  N('neg-oauth-config', 3, (g) => {
    const n = g.neg;
    const v = g.int(0, 2);
    let lines;
    if (v === 0) {
      lines = ['okta:', '  oauth2:', `    issuer: https://acme.okta.com/oauth2/default`, `    client-id: 0oa${n.alnum(17)}`, `    client-secret: ${n.b64(40)}`, '    scopes: openid,profile'];
    } else if (v === 1) {
      lines = ['[oauth]', 'provider = auth0', `client_id = ${n.alnum(32)}`, `client_secret = ${n.b64(40)}`, 'audience = https://api.example.org', '',
        '[session]', `secret_key = ${n.b64(40)}`];
    } else {
      lines = ["SECRET_KEY = '" + n.b64(40) + "'", `FLASK_SECRET = "${n.b64(40)}"`, `GITHUB_CLIENT_SECRET = "${n.hex(40)}"`, 'DEBUG = False'];
    }
    g.file(`repos/${g.project()}/config/${g.pick(['auth.yml', 'oauth.ini', 'settings_local.py'])}`, lines, { fmt: 'oauth-config' });
  }),
  N('neg-vendor-env', 2, (g) => {
    const n = g.neg;
    const lines = [`TWILIO_ACCOUNT_SID=AC${n.hex(32)}`, `TWILIO_AUTH_TOKEN=${n.hex(32)}`, `STRIPE_SECRET_KEY=sk_live_${n.alnum(99)}`,
      `STRIPE_WEBHOOK_SECRET=whsec_${n.alnum(32)}`, `SENDGRID_API_KEY=SG.${n.b64url(22)}.${n.b64url(43)}`, `DD_API_KEY=${n.hex(32)}`, `DD_APP_KEY=${n.hex(40)}`,
      `SLACK_SIGNING_SECRET=${n.hex(32)}`, `NPM_TOKEN=npm_${n.alnum(36)}`, `SECRET_KEY_BASE=${n.hex(128)}`, `MAILGUN_API_KEY=key-${n.hex(32)}`,
      `CLIENT_SECRET=${n.b64(40)}`];
    g.file(`repos/${g.project()}/.env.vendors`, g.shuffle(lines), { fmt: 'dotenv-vendors' });
  }),
  N('neg-totp', 2, (g) => {
    const n = g.neg;
    const lines = ['# 2FA backup - printed and stored in the safe', ''];
    for (const svc of ['GitHub', 'Amazon Web Services', 'Google', 'Okta', 'AWS root']) {
      lines.push(`otpauth://totp/${encodeURIComponent(svc)}:${g.user()}?secret=${n.totp(svc.includes('A') ? 64 : 32)}&issuer=${encodeURIComponent(svc)}`);
    }
    lines.push('', `recovery codes: ${Array.from({ length: 4 }, () => n.hex(10)).join(' ')}`, `raw seed: ${n.totp(32)}`);
    g.file(`Users/${g.user()}/Documents/2fa-backup.txt`, lines, { fmt: 'totp' });
  }),
  N('neg-iam-output', 2, (g) => {
    const n = g.neg;
    const acct = g.account();
    const role = { Role: { Path: '/', RoleName: 'ops-admin', RoleId: n.uniqueId('AROA'), Arn: `arn:aws:iam::${acct}:role/ops-admin`,
      CreateDate: `${g.date()}T${g.time()}+00:00`, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }] } } };
    const user = { User: { UserName: 'ci-bot', UserId: n.uniqueId('AIDA'), Arn: `arn:aws:iam::${acct}:user/ci-bot` } };
    const caller = { UserId: `${n.uniqueId('AROA')}:botocore-session-${g.epoch()}`, Account: acct, Arn: `arn:aws:sts::${acct}:assumed-role/ops-admin/botocore-session` };
    const text = [JSON.stringify(role, null, 4), JSON.stringify(user, null, 4), JSON.stringify(caller, null, 4),
      `policy ${n.uniqueId('ANPA')}  group ${n.uniqueId('AGPA')}  instance profile ${n.uniqueId('AIPA')}`].join('\n');
    g.file(`repos/sre-runbooks/outputs/iam-${g.int(1, 99)}.json.txt`, text, { fmt: 'iam-output' });
  }),
  N('neg-cloudtrail', 1, (g) => {
    const n = g.neg;
    const ev = { Records: [{ eventVersion: '1.08', userIdentity: { type: 'IAMUser', principalId: n.uniqueId('AIDA'), arn: `arn:aws:iam::${g.account()}:user/alice`,
      accessKeyId: n.docsId(), userName: 'alice' }, eventTime: `${g.date()}T${g.time()}Z`, eventSource: 's3.amazonaws.com', eventName: 'GetObject',
      requestID: n.hex(16).toUpperCase(), eventID: n.uuid(), additionalEventData: { SignatureVersion: 'SigV4', 'x-amz-id-2': n.b64(76) } }] };
    g.file(`exports/cloudtrail/${g.date()}.json`, JSON.stringify(ev), { fmt: 'cloudtrail' });
  }),
  N('neg-masked-ci-log', 2, (g) => {
    const n = g.neg;
    const lines = ['+ aws configure set aws_access_key_id ***', '+ aws configure set aws_secret_access_key ***', `+ export AWS_ACCESS_KEY_ID=${n.maskedId()}`,
      `+ export AWS_SECRET_ACCESS_KEY=${n.maskedSecret()}`, '+ aws configure list', `access_key     ****************${n.b32(4)} env`,
      `secret_key     ****************${n.b64(4)} env`, `+ git checkout ${n.hex(40)}`, `HEAD is now at ${n.hex(7)} Rotate keys`,
      '+ echo "AWS_SECRET_ACCESS_KEY=[MASKED]"', 'AWS_SECRET_ACCESS_KEY=[MASKED]', '+ echo $AWS_SESSION_TOKEN | head -c 8', 'IQoJb3Jp'];
    g.file(`ci-logs/masked/${g.project()}-${g.int(100, 999)}.log`, lines, { fmt: 'ci-log' });
  }),
  N('neg-terraform-vars', 2, (g) => {
    const lines = ['provider "aws" {', '  region     = var.region', '  access_key = var.aws_access_key_id', '  secret_key = var.aws_secret_access_key',
      '  token      = data.vault_aws_access_credentials.creds.security_token', '}', '', 'resource "aws_iam_access_key" "ci" {', '  user    = aws_iam_user.ci.name',
      '  pgp_key = "keybase:acme_ops"', '}', '', 'output "ci_secret" {', '  value     = aws_iam_access_key.ci.encrypted_secret', '  sensitive = true', '}',
      '', 'variable "aws_secret_access_key" {', '  type      = string', '  sensitive = true', '  default   = ""', '}'];
    g.file(`repos/infra-live/${g.pick(['modules/ci', 'global/iam', 'prod/app'])}/main.tf`, lines, { fmt: 'terraform' });
  }),
  N('neg-test-fixtures', 2, (g) => {
    const n = g.neg;
    const lines = ['import pytest', '', 'FAKE_KEY_ID = "AKIA0000000000000000"', 'FAKE_SECRET = "' + 'x'.repeat(40) + '"',
      `DOCS_KEY = ("${n.docsId()}", "${n.docsSecret()}")`, '', 'def test_rejects_placeholder():', '    assert not looks_real("AKIA****************")',
      '    assert not looks_real("your-access-key")', '', 'def test_prefix():', '    assert classify("AKIA") == "long-term"', '    assert classify("ASIA") == "temporary"',
      `    assert mask("${n.maskedId()}").endswith("*")`, '', 'def test_sha():', `    assert sha1(b"secret") == "${n.hex(40)}"`];
    g.file(`repos/${g.project()}/tests/test_${g.pick(['keys', 'masking', 'credentials'])}.py`, lines, { fmt: 'python-test' });
  }),
  N('neg-scanner-rules', 1, (g) => {
    const lines = ['[[rules]]', 'id = "aws-access-key"', "regex = '''(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'''", 'keywords = ["akia", "asia"]', '',
      '[[rules.allowlists]]', "regexes = ['''.+EXAMPLE$''']", `paths = ['''(?:^|/)${'x'.repeat(4)}\\.md$''']`];
    g.file(`repos/${g.project()}/.gitleaks.toml`, lines, { fmt: 'toml' });
  }),
  N('neg-base64-assets', 2, (g) => {
    const n = g.neg;
    const lines = ['.logo {', `  background-image: url("data:image/png;base64,${n.b64(g.int(600, 2000))}");`, '}', '@font-face {', '  font-family: "Inter";',
      `  src: url(data:font/woff2;base64,${n.b64(g.int(800, 3000))}) format("woff2");`, '}'];
    g.file(`repos/${g.project()}/public/css/inline-${n.hex(8)}.css`, lines, { fmt: 'css' });
  }),
  N('neg-ssh-pgp', 2, (g, i) => {
    const n = g.neg;
    if (i === 0) {
      const lines = Array.from({ length: 4 }, () => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${n.b64(340)} ${g.user()}@laptop`);
      lines.push(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${n.b64(43)} ci@runner`);
      g.file(`${g.home()}/.ssh/authorized_keys`, lines, { fmt: 'ssh' });
    } else {
      const lines = ['-----BEGIN PGP PUBLIC KEY BLOCK-----', '', ...n.pem(12), `=${n.b64(4)}`, '-----END PGP PUBLIC KEY BLOCK-----'];
      g.file(`repos/${g.project()}/KEYS.asc`, lines, { fmt: 'pgp' });
    }
  }),
  N('neg-crypto-addresses', 1, (g) => {
    const n = g.neg;
    const lines = ['wallets:', `  eth: 0x${n.hex(40)}`, `  eth_cold: "0x${n.hex(40).toUpperCase()}"`, `  onion: ${n.b32(56).toLowerCase()}.onion`,
      `  btc: bc1q${n.alnum(38).toLowerCase()}`];
    g.file(`repos/${g.project()}/config/payouts.yml`, lines, { fmt: 'yaml' });
  }),
  N('neg-placeholder-code', 3, (g) => {
    const n = g.neg;
    const v = g.int(0, 2);
    let lines, p;
    if (v === 0) {
      p = 'src/aws.js';
      lines = ["const { S3Client } = require('@aws-sdk/client-s3');", 'module.exports = new S3Client({', '  credentials: {',
        '    accessKeyId: process.env.AWS_ACCESS_KEY_ID,', "    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || '<SECRET>',", '  },', '});',
        `// e.g. AWS_ACCESS_KEY_ID=${n.docsId()}`, `if (!/^AKIA[A-Z2-7]{16}$/.test(id)) throw new Error('bad key id')`];
    } else if (v === 1) {
      p = 'src/main/java/com/acme/Aws.java';
      lines = ['public class Aws {', '  static AWSCredentials creds() {', '    return new BasicAWSCredentials(System.getenv("AWS_ACCESS_KEY_ID"),',
        '        System.getenv("AWS_SECRET_ACCESS_KEY"));', '  }', `  // legacy: new BasicAWSCredentials("${n.placeholderId()}", "${n.placeholderSecret()}")`,
        '  static boolean isLongTerm(String id) { return id.startsWith("AKIA"); }', '}'];
    } else {
      p = 'lib/storage.rb';
      lines = ['Aws.config.update(', "  credentials: Aws::Credentials.new(ENV.fetch('AWS_ACCESS_KEY_ID'), ENV.fetch('AWS_SECRET_ACCESS_KEY')),",
        "  region: 'us-east-1'", ')', `# SECRET = "${'REDACTED'}"`, `# KEY = "${n.maskedId()}"`];
    }
    g.file(`repos/${g.project()}/${p}`, lines, { fmt: 'code-placeholders' });
  }),
  N('neg-travel-blog', 1, (g) => {
    const lines = ['---', 'title: "Three weeks in ASIA"', 'tags: [travel, south-east-asia]', '---', '',
      'Our guide, Akia, met us in Bangkok. ASIA PACIFIC flights were cheap; the AKIA-branded hostel was not.',
      `Booking ref ${g.neg.b32(6)}, confirmation ${g.neg.alnum(40)}.`];
    g.file(`repos/marketing-site/_posts/${g.date()}-asia.md`, lines, { fmt: 'markdown' });
  }),
  N('neg-shell-history', 1, (g) => {
    const n = g.neg;
    const lines = ['aws configure get aws_access_key_id', 'export AWS_SECRET_ACCESS_KEY=$(aws configure get aws_secret_access_key)',
      `export AWS_ACCESS_KEY_ID=${n.docsId()}`, 'aws-vault exec prod -- aws s3 ls', `git reset --hard ${n.hex(40)}`,
      'export AWS_SESSION_TOKEN=$(aws sts get-session-token --query Credentials.SessionToken --output text)',
      `aws configure set aws_secret_access_key ${n.placeholderSecret()}`];
    g.file(`${g.home()}/.bash_history`, lines, { fmt: 'bash_history' });
  }),
];
