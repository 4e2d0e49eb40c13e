// Shell histories and CI logs: where keys are typed or echoed rather than configured.

const NOISE = ['ls -la', 'cd ..', 'git status', 'git pull --rebase', 'vim ~/.aws/config', 'aws s3 ls', 'clear',
  'docker ps', 'kubectl get pods -n prod', 'terraform plan', 'make test', 'npm ci', 'python3 -m venv .venv',
  'source .venv/bin/activate', 'pip install -r requirements.txt', 'aws sts get-caller-identity', 'history | grep aws',
  'cat ~/.aws/credentials', 'aws configure list', 'htop', 'df -h', 'ssh bastion', 'exit', 'code .', 'git log --oneline | head',
  'aws iam list-access-keys --user-name ci-bot', 'kubectl logs -f deploy/api', 'terraform apply -auto-approve', 'top',
  'aws configure get aws_secret_access_key', 'unset AWS_SESSION_TOKEN', 'aws s3 cp ./dump.sql.gz s3://db-snapshots/',
  'brew upgrade awscli', 'aws --version', 'grep -r AKIA . | wc -l'];

function histNegatives(g) {
  const n = g.neg;
  return [
    `git checkout ${n.hex(40)}`,
    `git cherry-pick ${n.hex(40)}`,
    `export AWS_SECRET_ACCESS_KEY=$(aws configure get aws_secret_access_key --profile ${g.user()})`,
    `export AWS_ACCESS_KEY_ID=${n.docsId()}`,
    `aws configure set aws_secret_access_key ${n.docsSecret()} --profile docs-test`,
    `export GITHUB_TOKEN=ghp_${n.alnum(36)}`,
    `docker pull ghcr.io/acme/api@sha256:${n.hex(64)}`,
    `export AWS_SECRET_ACCESS_KEY="$(vault kv get -field=secret_key secret/aws/${g.user()})"`,
    `echo ${n.hex(40)}  terraform_1.7.4_linux_amd64.zip | sha1sum -c`,
    `aws configure set aws_access_key_id ${n.placeholderId()}`,
  ];
}

// One credential "event" as a list of history commands (ID and secret may be spread apart by the caller).
function events(g, c, profile) {
  const p = profile ? ` --profile ${profile}` : '';
  const b = g.bucket();
  const list = [
    () => [[`aws configure set aws_access_key_id ${c.id}${p}`], [`aws configure set aws_secret_access_key ${c.secret}${p}`]],
    () => [[`export AWS_ACCESS_KEY_ID=${g.q(c.id)}`], [`export AWS_SECRET_ACCESS_KEY=${g.q(c.secret)}`]],
    () => [[`AWS_ACCESS_KEY_ID=${c.id} AWS_SECRET_ACCESS_KEY=${c.secret} aws s3 ls s3://${b}/ --region ${g.region()}`]],
    () => [[`AWS_SECRET_ACCESS_KEY='${c.secret}' AWS_ACCESS_KEY_ID='${c.id}' aws s3 sync s3://${b} ./${b}`]],
    () => [[`printf '[default]\\naws_access_key_id = %s\\naws_secret_access_key = %s\\n' ${c.id} ${c.secret} > ~/.aws/credentials`]],
    () => [[`aws configure set default.aws_access_key_id ${c.id}`, `aws configure set default.aws_secret_access_key "${c.secret}"`]],
    () => [[`echo "export AWS_ACCESS_KEY_ID=${c.id}" >> ~/.bashrc`], [`echo "export AWS_SECRET_ACCESS_KEY=${c.secret}" >> ~/.bashrc`]],
  ];
  return g.pick(list)();
}

function historyLines(g, nCreds, { temp = false } = {}) {
  const out = g.sample(NOISE, g.int(8, 16));
  for (let k = 0; k < nCreds; k++) {
    const c = g.cred(temp && k === 0);
    const groups = events(g, c, g.chance(0.3) ? g.pick(['prod', 'staging', 'backup', 'personal']) : '');
    let at = g.int(0, out.length);
    for (const grp of groups) {
      out.splice(at, 0, ...grp);
      at += grp.length + g.int(0, 6); // the secret a few commands after the ID, sometimes adjacent
      at = Math.min(at, out.length);
    }
    if (c.token) out.splice(Math.min(at, out.length), 0, `export AWS_SESSION_TOKEN=${c.token}`);
    out.splice(g.int(0, out.length), 0, ...g.sample(NOISE, g.int(2, 6)));
  }
  for (const n of g.sample(histNegatives(g), g.int(2, 4))) out.splice(g.int(0, out.length), 0, n);
  return out;
}

export const templates = [
  {
    name: 'bash_history', count: 3,
    make(g) {
      g.file(`${g.home()}/.bash_history`, historyLines(g, g.int(1, 3), { temp: g.chance(0.4) }), { fmt: 'bash_history' });
    },
  },
  {
    name: 'zsh_history', count: 2,
    make(g) {
      let t = g.epoch();
      const lines = historyLines(g, g.int(1, 3), { temp: g.chance(0.5) }).map((cmd) => `: ${(t += g.int(3, 400))}:${g.int(0, 9)};${cmd}`);
      // zsh stores multi-line commands with a trailing backslash
      const c = g.pair();
      lines.splice(g.int(0, lines.length), 0, `: ${(t += 60)}:0;docker run --rm \\`, `  -e AWS_ACCESS_KEY_ID=${c.id} \\`,
        `  -e AWS_SECRET_ACCESS_KEY=${c.secret} \\`, `  amazon/aws-cli s3 ls`);
      g.file(`${g.home()}/.zsh_history`, lines, { fmt: 'zsh_history' });
    },
  },
  {
    name: 'fish_history', count: 1,
    make(g) {
      const lines = [];
      for (const cmd of historyLines(g, 2)) lines.push(`- cmd: ${cmd}`, `  when: ${g.epoch()}`);
      g.file(`${g.home()}/.local/share/fish/fish_history`, lines, { fmt: 'fish_history' });
    },
  },
  {
    name: 'powershell_history', count: 2,
    make(g) {
      const c = g.pair();
      const c2 = g.pair();
      const lines = [
        'cd C:\\src\\' + g.project(), 'Get-ChildItem', 'Install-Module -Name AWS.Tools.Installer',
        `Set-AWSCredential -AccessKey ${c.id} -SecretKey ${c.secret} -StoreAs default`,
        'Get-S3Bucket', `Write-S3Object -BucketName ${g.bucket()} -File .\\report.xlsx`,
        `$env:AWS_ACCESS_KEY_ID="${c2.id}"`, 'git status', `$env:AWS_SECRET_ACCESS_KEY="${c2.secret}"`,
        'aws s3 ls', `$env:AWS_SECRET_ACCESS_KEY = (Get-Secret -Name aws-prod -AsPlainText)`,
        `Set-AWSCredential -AccessKey ${g.neg.docsId()} -SecretKey ${g.neg.docsSecret()} -StoreAs sample`,
      ];
      g.file(`Users/${g.user()}/AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt`, lines,
        { eol: 'crlf', fmt: 'powershell-history' });
    },
  },
  {
    name: 'gha-log', count: 2,
    make(g) {
      let ms = g.int(1000000, 9000000);
      const ts = () => `2024-03-0${g.int(1, 9)}T10:${String(g.int(10, 59))}:${String(g.int(10, 59))}.${(ms += 12345) % 10000000}Z `;
      const c = g.cred(g.chance(0.5));
      const lines = [
        '##[group]Run ./scripts/deploy.sh', 'shell: /usr/bin/bash -e {0}', 'env:',
        '  AWS_REGION: ' + g.region(), '  AWS_ACCESS_KEY_ID: ***', '  AWS_SECRET_ACCESS_KEY: ***', '##[endgroup]',
        '+ set -euo pipefail', '+ echo \'Deploying build\'', 'Deploying build',
        `+ export AWS_ACCESS_KEY_ID=${c.id}`,
        '+ npm run build', `> build`, '+ [[ -n ${AWS_SECRET_ACCESS_KEY:-} ]]',
        `+ AWS_SECRET_ACCESS_KEY=${c.secret}`, `+ export AWS_SECRET_ACCESS_KEY`,
      ];
      if (c.token) lines.push(`+ export AWS_SESSION_TOKEN=${c.token}`);
      lines.push(`+ aws s3 sync dist/ s3://${g.bucket()}/ --delete`, `upload: dist/index.html to s3://${g.bucket()}/index.html`,
        `+ git rev-parse HEAD`, g.neg.hex(40), `##[debug]Evaluating: secrets.AWS_SECRET_ACCESS_KEY`, '##[debug]Result: ***');
      g.file(`ci-logs/github/${g.project()}/${g.int(1000, 9999)}_deploy.txt`, lines.map((l) => ts() + l), { fmt: 'ci-log' });
    },
  },
  {
    name: 'gitlab-log', count: 2,
    make(g) {
      const E = '\x1b';
      const c = g.pair();
      const lines = [
        `${E}[0KRunning with gitlab-runner 16.8.0 (c72a09b6)${E}[0;m`,
        `${E}[0K${E}[36;1mUsing Docker executor with image amazon/aws-cli:2.15.0 ...${E}[0;m`,
        `${E}[0Ksection_start:${g.epoch()}:step_script${E}[0K${E}[0K${E}[36;1mExecuting "step_script" stage${E}[0;m`,
        `${E}[32;1m$ set -x${E}[0;m`,
        `${E}[32;1m$ aws configure set aws_access_key_id ${c.id}${E}[0;m`,
        `+ aws configure set aws_access_key_id ${c.id}`,
        `${E}[32;1m$ aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY${E}[0;m`,
        `+ aws configure set aws_secret_access_key ${c.secret}`,
        `${E}[32;1m$ aws s3 cp build.tar.gz s3://${g.bucket()}/builds/$CI_COMMIT_SHA.tar.gz${E}[0;m`,
        `+ aws s3 cp build.tar.gz s3://${g.bucket()}/builds/${g.neg.hex(40)}.tar.gz`,
        `${E}[32;1mJob succeeded${E}[0;m`,
      ];
      g.file(`ci-logs/gitlab/job_${g.int(100000, 999999)}.log`, lines, { fmt: 'ci-log-ansi' });
    },
  },
  {
    name: 'jenkins-console', count: 2,
    make(g) {
      const c = g.pair();
      const c2 = g.cred(true);
      const env = g.shuffle([`AWS_ACCESS_KEY_ID=${c.id}`, `AWS_SECRET_ACCESS_KEY=${c.secret}`, 'HOME=/var/lib/jenkins',
        `BUILD_TAG=jenkins-${g.project()}-${g.int(10, 900)}`, 'JAVA_HOME=/usr/lib/jvm/java-17', `GIT_COMMIT=${g.neg.hex(40)}`,
        'PATH=/usr/local/bin:/usr/bin:/bin', `WORKSPACE=/var/lib/jenkins/workspace/${g.project()}`]);
      const lines = ['Started by user admin', '[Pipeline] Start of Pipeline', '[Pipeline] node', '[Pipeline] {', '[Pipeline] stage',
        '[Pipeline] { (Debug env)', '[Pipeline] sh', '+ env', ...env, '[Pipeline] sh',
        '+ aws configure set aws_secret_access_key ****', '[Pipeline] withCredentials',
        'Masking supported pattern matches of $AWS_SECRET_ACCESS_KEY', '[Pipeline] sh',
        `+ AWS_ACCESS_KEY_ID=${c2.id} AWS_SECRET_ACCESS_KEY=${c2.secret} AWS_SESSION_TOKEN=${c2.token} ./bin/publish.sh`,
        'Finished: SUCCESS'];
      g.file(`ci-logs/jenkins/${g.project()}/builds/${g.int(10, 500)}/log`, lines, { fmt: 'ci-log' });
    },
  },
  {
    name: 'nohup-env-dump', count: 2,
    make(g) {
      const c = g.pair();
      const map = g.shuffle([`AWS_ACCESS_KEY_ID=${c.id}`, `AWS_SECRET_ACCESS_KEY=${c.secret}`, 'LANG=C.UTF-8', 'SHLVL=1',
        `SPRING_PROFILES_ACTIVE=prod`, `DB_PASSWORD=${g.neg.alnum(16)}`, 'TZ=UTC']).join(', ');
      const lines = [`${g.date()} ${g.time()}.123  INFO 1 --- [main] c.a.Application : Starting Application v2.3.1`,
        `${g.date()} ${g.time()}.456 DEBUG 1 --- [main] c.a.config.EnvLogger : environment={${map}}`,
        `${g.date()} ${g.time()}.789  WARN 1 --- [main] c.a.s3.S3Config : Using static credentials; consider an instance profile`,
        `${g.date()} ${g.time()}.790  INFO 1 --- [main] c.a.s3.S3Config : request id ${g.neg.alnum(16).toUpperCase()}, x-amz-id-2 ${g.neg.b64(76)}`];
      g.file(`var/log/${g.project()}/nohup.out`, lines, { fmt: 'app-log' });
    },
  },
];
