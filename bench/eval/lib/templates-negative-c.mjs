// Hard negatives, part C: masked keys, low-entropy placeholders of the right length,
// references to secrets (Terraform, CloudFormation, Secrets Manager), base32 strings that
// merely contain AKIA, and AWS-looking ids that are not keys (CloudFront key pair ids).
import { USERS, bucket, project } from './words.mjs';

export const negativeTemplatesC = [
  {
    name: 'neg-masked-keys',
    n: 4,
    fn(ctx) {
      const tail = ctx.keys.alnum(4).toUpperCase();
      const L = ['$ aws configure list', '      Name                    Value             Type    Location', '      ----                    -----             ----    --------',
        `   profile                <not set>             None    None`, `access_key     ****************${tail} shared-credentials-file`, `secret_key     ****************${ctx.keys.alnum(4)} shared-credentials-file`,
        `    region                ${ctx.region()}      config-file    ~/.aws/config`, '', `Rotated key AKIA****************, new key ends in ...${tail}`, `aws_secret_access_key = ${'*'.repeat(36)}${ctx.keys.alnum(4)}`, ''];
      return { path: `notes/${ctx.pick(USERS)}/aws-configure-${ctx.int(1, 99)}.txt`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-low-entropy-placeholders',
    n: 5,
    fn(ctx) {
      const id = ctx.pick(['AKIA0000000000000000', 'AKIAAAAAAAAAAAAAAAAA', 'AKIA1234567890123456', 'AKIAABCDEFGHIJKLMNOP', 'AKIAIOSFODNN7EXAMPLE']);
      const sec = ctx.pick(['0123456789012345678901234567890123456789', 'abcdefghijklmnopqrstuvwxyz0123456789ABCD', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'YOUR_SECRET_ACCESS_KEY_GOES_HERE_1234567', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
      const style = ctx.int(0, 1);
      const L = style === 0
        ? ['# test fixture: fake credentials for the unit tests', '[default]', `aws_access_key_id = ${id}`, `aws_secret_access_key = ${sec}`, '']
        : ['def test_client(monkeypatch):', `    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "${id}")`, `    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "${sec}")`, '    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")', ''];
      return { path: `repos/${project(ctx.rng)}/${style === 0 ? 'tests/fixtures/credentials' : 'tests/test_client.py'}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-secret-references',
    n: 6,
    fn(ctx) {
      const style = ctx.int(0, 2);
      const L = [
        ['resource "aws_iam_access_key" "ci" {', '  user = aws_iam_user.ci.name', '}', '', 'output "ci_secret" {', '  value     = aws_iam_access_key.ci.secret', '  sensitive = true', '}', '',
          'resource "aws_ssm_parameter" "secret" {', '  name  = "/ci/aws_secret_access_key"', '  type  = "SecureString"', '  value = aws_iam_access_key.ci.secret', '}', ''],
        ['Resources:', '  CiKey:', '    Type: AWS::IAM::AccessKey', '    Properties:', '      UserName: !Ref CiUser', 'Outputs:', '  AccessKeyId:', '    Value: !Ref CiKey', '  SecretAccessKey:', '    Value: !GetAtt CiKey.SecretAccessKey',
          '  DbPassword:', "    Value: '{{resolve:secretsmanager:prod/db:SecretString:password}}'", ''],
        ['provider:', '  name: aws', '  environment:', '    AWS_KEY: ${ssm:/app/aws_access_key_id}', '    AWS_SECRET: ${ssm:/app/aws_secret_access_key}', "    TOKEN: ${env:AWS_SESSION_TOKEN, ''}", `    BUCKET: ${bucket(ctx.rng)}`, ''],
      ][style];
      return { path: `repos/${project(ctx.rng)}/${['iam.tf', 'ci-user.yaml', 'serverless.yml'][style]}`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-base32-containing-akia',
    n: 4,
    fn(ctx) {
      const b32 = () => ctx.keys.alnum(40).toUpperCase().replace(/[^A-Z2-7]/g, 'M');
      const totp = (b32().slice(0, 10) + 'AKIA' + b32()).slice(0, 32);
      const L = ['# 2FA seeds for the shared test accounts (not AWS)', `otpauth://totp/Example:${ctx.pick(USERS)}?secret=${totp}&issuer=Example`, `backup_seed: ${(b32().slice(0, 6) + 'ASIA' + b32()).slice(0, 52)}`, ''];
      return { path: `repos/${project(ctx.rng)}/docs/otp-${ctx.int(1, 99)}.txt`, text: L.join('\n') };
    },
  },
  {
    name: 'neg-cloudfront-key-pair',
    n: 3,
    fn(ctx) {
      const kp = 'APKA' + ctx.keys.iamUniqueId().slice(4);
      const L = ['cloudfront:', `  distribution: E${ctx.keys.alnum(13).toUpperCase()}`, `  key_pair_id: ${kp}`, '  private_key_path: /etc/keys/cloudfront.pem', `  url: https://d${ctx.keys.alnum(12).toLowerCase()}.cloudfront.net`, ''];
      return { path: `repos/${project(ctx.rng)}/config/cdn.yml`, text: L.join('\n') };
    },
  },
];
