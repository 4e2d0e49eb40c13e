// Infrastructure and configuration-management files: Helm, Packer, Vagrant, Ansible, Chef, Puppet,
// Terragrunt, Pulumi, docker-compose.

export const templates = [
  {
    name: 'helm-values', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      const lines = ['replicaCount: 2', 'image:', `  repository: 123456789012.dkr.ecr.${g.region()}.amazonaws.com/${g.project()}`,
        `  tag: "${g.neg.hex(40)}"`, '  pullPolicy: IfNotPresent', ''];
      if (v === 0) {
        lines.push('aws:', `  region: ${g.region()}`, `  accessKeyId: ${g.q(c.id)}`, `  secretAccessKey: ${g.q(c.secret)}`,
          '  # prefer IRSA:', '  serviceAccountRoleArn: ""');
      } else if (v === 1) {
        lines.push('extraEnv:', '  - name: AWS_REGION', `    value: ${g.region()}`, '  - name: AWS_ACCESS_KEY_ID', `    value: "${c.id}"`,
          '  - name: AWS_SECRET_ACCESS_KEY', `    value: "${c.secret}"`, '  - name: DB_PASSWORD', '    valueFrom:',
          '      secretKeyRef: {name: db, key: password}');
      } else {
        lines.push('backup:', '  enabled: true', `  bucket: s3://${g.bucket()}/velero`, '  credentials:', '    secretContents:', '      cloud: |',
          '        [default]', `        aws_access_key_id=${c.id}`, `        aws_secret_access_key=${c.secret}`);
      }
      lines.push('', 'resources:', '  limits:', '    memory: 512Mi', `podAnnotations:`, `  checksum/config: ${g.neg.hex(64)}`);
      g.file(`repos/${g.project()}/charts/${g.project()}/values${g.pick(['', '-prod', '.production'])}.yaml`, lines, { fmt: 'helm-values' });
    },
  },
  {
    name: 'packer', count: 2,
    make(g) {
      const c = g.pair();
      if (g.chance(0.5)) {
        const lines = ['packer {', '  required_plugins {', '    amazon = {', '      version = ">= 1.2.8"',
          '      source  = "github.com/hashicorp/amazon"', '    }', '  }', '}', '', 'variable "aws_access_key" {', '  type    = string',
          `  default = "${c.id}"`, '}', '', 'source "amazon-ebs" "base" {', '  access_key    = var.aws_access_key',
          `  secret_key    = "${c.secret}"`, `  region        = "${g.region()}"`, '  instance_type = "t3.small"', `  source_ami    = "ami-0${g.neg.hex(16)}"`,
          '  ssh_username  = "ubuntu"', '  ami_name      = "base-{{timestamp}}"', '}', '', 'build {', '  sources = ["source.amazon-ebs.base"]', '}'];
        g.file(`repos/infra-live/packer/base.pkr.hcl`, lines, { fmt: 'packer-hcl' });
      } else {
        const obj = { variables: { aws_access_key: c.id, aws_secret_key: c.secret, region: g.region() },
          builders: [{ type: 'amazon-ebs', access_key: '{{user `aws_access_key`}}', secret_key: '{{user `aws_secret_key`}}',
            region: '{{user `region`}}', source_ami: `ami-0${g.neg.hex(16)}`, instance_type: 't3.micro', ssh_username: 'ec2-user', ami_name: 'legacy {{timestamp}}' }],
          provisioners: [{ type: 'shell', inline: ['sudo yum -y update'] }] };
        g.file(`repos/legacy-monolith/packer/template.json`, JSON.stringify(obj, null, 2), { fmt: 'packer-json' });
      }
    },
  },
  {
    name: 'vagrantfile', count: 1,
    make(g) {
      const c = g.cred(true);
      const lines = ['Vagrant.configure("2") do |config|', '  config.vm.box = "dummy"', '', '  config.vm.provider :aws do |aws, override|',
        `    aws.access_key_id = "${c.id}"`, `    aws.secret_access_key = "${c.secret}"`, `    aws.session_token = "${c.token}"`,
        `    aws.region = "${g.region()}"`, '    aws.keypair_name = "vagrant"', `    aws.ami = "ami-0${g.neg.hex(16)}"`,
        '    override.ssh.username = "ubuntu"', '  end', 'end'];
      g.file(`repos/${g.project()}/Vagrantfile`, lines, { fmt: 'vagrantfile' });
    },
  },
  {
    name: 'ansible-inventory', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      if (v === 0) {
        const lines = ['[web]', 'web1.internal ansible_host=10.0.1.10', 'web2.internal ansible_host=10.0.1.11', '', '[db]', 'db1.internal', '',
          '[all:vars]', 'ansible_user=deploy', `aws_access_key=${c.id}`, `aws_secret_key=${c.secret}`, `aws_region=${g.region()}`];
        g.file(`repos/${g.project()}/ansible/inventories/prod/hosts`, lines, { fmt: 'ansible-ini' });
      } else if (v === 1) {
        const lines = ['all:', '  children:', '    workers:', '      hosts:', '        worker-[01:04].internal:', '      vars:',
          `        s3_backup_key: ${c.id}`, `        s3_backup_secret: "${c.secret}"`, '        s3_backup_checksum: ' + g.neg.hex(40),
          '    monitoring:', '      hosts:', '        grafana.internal:', '      vars:', `        grafana_admin_password: "{{ vault_grafana_admin_password }}"`];
        g.file(`repos/${g.project()}/inventory/hosts.yml`, lines, { fmt: 'ansible-yaml' });
      } else {
        const lines = ['---', '# group_vars/all.yml', `ec2_access_key: ${c.id}`, 'ec2_region: ' + g.region(), 'ntp_servers:', '  - 0.pool.ntp.org',
          'users:', '  - name: deploy', `    ssh_key: "ssh-ed25519 ${g.neg.b64(68)} deploy@ci"`, `ec2_secret_key: >-`, `  ${c.secret}`,
          "aws_session_token: \"{{ lookup('env', 'AWS_SESSION_TOKEN') }}\""];
        g.file(`repos/${g.project()}/ansible/group_vars/all.yml`, lines, { fmt: 'ansible-yaml' });
      }
    },
  },
  {
    name: 'chef', count: 2,
    make(g) {
      const c = g.pair();
      if (g.chance(0.5)) {
        const lines = ['current_dir = File.dirname(__FILE__)', 'log_level :info', `node_name "${g.user()}"`,
          "client_key \"#{current_dir}/user.pem\"", `chef_server_url "https://chef.internal/organizations/acme"`,
          `knife[:aws_access_key_id] = "${c.id}"`, `knife[:aws_secret_access_key] = "${c.secret}"`, `knife[:region] = "${g.region()}"`];
        g.file(`${g.home()}/.chef/knife.rb`, lines, { fmt: 'chef-knife' });
      } else {
        const lines = ["default['backup']['enabled'] = true", `default['backup']['bucket'] = '${g.bucket()}'`,
          `default['backup']['aws_access_key'] = '${c.id}'`, "default['backup']['schedule'] = '0 4 * * *'",
          `default['backup']['aws_secret_key'] = '${c.secret}'`, `default['backup']['gpg_fingerprint'] = '${g.neg.hex(40).toUpperCase()}'`];
        g.file(`repos/chef-repo/cookbooks/backup/attributes/default.rb`, lines, { fmt: 'chef-attributes' });
      }
    },
  },
  {
    name: 'puppet', count: 2,
    make(g) {
      const c = g.pair();
      if (g.chance(0.5)) {
        const lines = ['---', 'profile::base::ntp_servers:', '  - 0.pool.ntp.org', `profile::backup::aws_access_key: '${c.id}'`,
          `profile::backup::aws_secret_key: '${c.secret}'`, "profile::backup::bucket: 'db-snapshots'",
          "profile::db::password: ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEwDQYJKoZIhvcNAQEBBQAEggEA" + g.neg.b64(40) + "]"];
        g.file(`repos/puppet-control/data/common.yaml`, lines, { fmt: 'puppet-hiera' });
      } else {
        const lines = ['class profile::uploads {', "  class { 's3fs':", `    access_key => '${c.id}',`, `    secret_key => '${c.secret}',`, '  }',
          "  s3fs::mount { 'uploads':", `    bucket      => '${g.bucket()}',`, "    mount_point => '/srv/uploads',", '  }', '}'];
        g.file(`repos/puppet-control/site/profile/manifests/uploads.pp`, lines, { fmt: 'puppet-manifest' });
      }
    },
  },
  {
    name: 'terragrunt', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['remote_state {', '  backend = "s3"', '  config = {', `    bucket     = "${g.bucket()}-tfstate"`, '    key        = "${path_relative_to_include()}/terraform.tfstate"',
        `    region     = "${g.region()}"`, '    encrypt    = true', `    access_key = "${c.id}"`, `    secret_key = "${c.secret}"`, '  }', '}', '',
        'inputs = {', '  db_password = get_env("TF_VAR_db_password")', '}'];
      g.file(`repos/infra-live/prod/terragrunt.hcl`, lines, { fmt: 'terragrunt' });
    },
  },
  {
    name: 'pulumi-config', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['config:', `  aws:region: ${g.region()}`, `  aws:accessKey: ${c.id}`, `  aws:secretKey: ${c.secret}`,
        '  app:dbPassword:', '    secure: v1:' + g.neg.b64(24) + ':' + g.neg.b64(60), `  app:imageDigest: sha256:${g.neg.hex(64)}`];
      g.file(`repos/${g.project()}/infra/Pulumi.${g.pick(['prod', 'dev', 'staging'])}.yaml`, lines, { fmt: 'pulumi' });
    },
  },
  {
    name: 'compose-list', count: 2,
    make(g) {
      const c = g.cred(g.chance(0.3));
      const lines = ["version: '3.8'", 'services:', '  uploader:', `    image: acme/uploader@sha256:${g.neg.hex(64)}`, '    environment:',
        `      - AWS_ACCESS_KEY_ID=${c.id}`, '      - AWS_REGION=' + g.region(), `      - "AWS_SECRET_ACCESS_KEY=${c.secret}"`];
      if (c.token) lines.push(`      - AWS_SESSION_TOKEN=${c.token}`);
      lines.push('      - DATABASE_URL=${DATABASE_URL}', '  localstack:', '    image: localstack/localstack:3', '    environment:',
        `      - AWS_ACCESS_KEY_ID=test`, '      - AWS_SECRET_ACCESS_KEY=test');
      g.file(`repos/${g.project()}/docker-compose.override.yml`, lines, { fmt: 'docker-compose' });
    },
  },
];
