// Other leak shapes: IAM console credential CSVs, Jupyter notebooks, Markdown docs, XML,
// log files, presigned S3 URLs, chat / ticket exports.
import { USERS, bucket, project, date, time, ip } from './words.mjs';

const amzDate = (ctx) => `${date(ctx.rng).replace(/-/g, '')}T${time(ctx.rng).replace(/:/g, '')}Z`;

function presigned(ctx, c) {
  const d = amzDate(ctx);
  const region = ctx.region();
  const cred = `${c.id}%2F${d.slice(0, 8)}%2F${region}%2Fs3%2Faws4_request`;
  let url = `https://${bucket(ctx.rng)}.s3.${region}.amazonaws.com/${ctx.pick(['reports', 'exports', 'uploads'])}/${ctx.keys.hex(12)}.${ctx.pick(['pdf', 'csv', 'zip', 'png'])}` +
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${cred}&X-Amz-Date=${d}&X-Amz-Expires=${ctx.pick([300, 3600, 604800])}`;
  if (c.token) {
    const enc = encodeURIComponent(c.token);
    ctx.plant('session-token', enc);
    url += `&X-Amz-Security-Token=${enc}`;
  }
  url += `&X-Amz-SignedHeaders=host&X-Amz-Signature=${ctx.keys.hex(64)}`;
  return url;
}

function ipynb(cells) {
  const nb = {
    cells: cells.map((c) =>
      c.type === 'md'
        ? { cell_type: 'markdown', metadata: {}, source: c.lines.map((l, i) => (i < c.lines.length - 1 ? l + '\n' : l)) }
        : { cell_type: 'code', execution_count: c.n ?? null, metadata: {}, outputs: c.outputs || [], source: c.lines.map((l, i) => (i < c.lines.length - 1 ? l + '\n' : l)) },
    ),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python', version: '3.11.4' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

export const miscTemplates = [
  {
    name: 'iam-console-csv',
    n: 8,
    fn(ctx) {
      const full = ctx.chance(0.5);
      const L = [];
      if (full) {
        L.push('User name,Password,Access key ID,Secret access key,Console login link');
        const n = ctx.int(1, 3);
        for (let i = 0; i < n; i++) {
          const c = ctx.pair();
          L.push(`${ctx.pick(USERS)}${ctx.int(1, 99)},${ctx.chance(0.5) ? ctx.keys.alnum(14) : ''},${c.id},${c.secret},https://${ctx.account()}.signin.aws.amazon.com/console`);
        }
      } else {
        const c = ctx.pair();
        L.push('Access key ID,Secret access key', `${c.id},${c.secret}`);
      }
      const user = ctx.pick(USERS);
      const path = ctx.pick([`home/${user}/Downloads/credentials.csv`, `home/${user}/Downloads/${user}_accessKeys.csv`, `shared/onboarding/new_user_credentials.csv`, `home/${user}/Desktop/accessKeys (${ctx.int(1, 5)}).csv`]);
      return { path: path.replace('/Downloads/', `/Downloads${ctx.int(1, 99)}/`), text: L.join(ctx.chance(0.5) ? '\r\n' : '\n') + '\n' };
    },
  },
  {
    name: 'jupyter-notebook',
    n: 7,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const cells = [
        { type: 'md', lines: ['# Exploratory analysis', '', `Data pulled from s3://${bucket(ctx.rng)}/raw/`] },
        { type: 'code', n: 1, lines: ['import boto3', 'import pandas as pd'] },
      ];
      const code = [];
      if (ctx.chance(0.5)) {
        code.push(`aws_access_key_id = '${c.id}'`, `aws_secret_access_key = '${c.secret}'`);
        if (c.token) code.push(`aws_session_token = '${c.token}'`);
        code.push('', "s3 = boto3.client('s3', aws_access_key_id=aws_access_key_id, aws_secret_access_key=aws_secret_access_key" + (c.token ? ', aws_session_token=aws_session_token)' : ')'));
      } else {
        code.push('import os', `os.environ['AWS_ACCESS_KEY_ID'] = '${c.id}'`, `os.environ['AWS_SECRET_ACCESS_KEY'] = '${c.secret}'`);
        if (c.token) code.push(`os.environ['AWS_SESSION_TOKEN'] = '${c.token}'`);
        code.push("s3 = boto3.client('s3')");
      }
      cells.push({ type: 'code', n: 2, lines: code });
      cells.push({ type: 'code', n: 3, lines: [`df = pd.read_csv(s3.get_object(Bucket='${bucket(ctx.rng)}', Key='data.csv')['Body'])`, 'df.head()'],
        outputs: [{ output_type: 'execute_result', execution_count: 3, data: { 'text/plain': ['   id  value\n', '0   1   0.42'] }, metadata: {} }] });
      return { path: `notebooks/${ctx.pick(USERS)}/${ctx.pick(['analysis', 'eda', 'Untitled', 'train-model', 's3-export'])}${ctx.int(1, 99)}.ipynb`, text: ipynb(cells) };
    },
  },
  {
    name: 'markdown-doc',
    n: 7,
    fn(ctx) {
      const c = ctx.creds(0.2);
      const L = [`# ${project(ctx.rng)}`, '', '## Local setup', '', 'The docs use the AWS example keys:', '', '```ini', '[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '```', ''];
      if (ctx.chance(0.5)) {
        L.push('For the shared staging account use:', '', '```bash', `export AWS_ACCESS_KEY_ID=${c.id}`, `export AWS_SECRET_ACCESS_KEY=${c.secret}`);
        if (c.token) L.push(`export AWS_SESSION_TOKEN=${c.token}`);
        L.push('```', '');
      } else {
        L.push('| setting | value |', '|---|---|', `| key | \`${c.id}\` |`, `| secret | \`${c.secret}\` |`);
        if (c.token) L.push(`| token | \`${c.token}\` |`);
        L.push(`| bucket | ${bucket(ctx.rng)} |`, '', '(these are the AWS credentials for the staging S3 bucket)', '');
      }
      return { path: `repos/${project(ctx.rng)}/${ctx.pick(['README.md', 'docs/setup.md', 'CONTRIBUTING.md', 'docs/onboarding.md', 'NOTES.md'])}`, text: L.join('\n') };
    },
  },
  {
    name: 'xml',
    n: 5,
    fn(ctx) {
      const c = ctx.pair();
      const style = ctx.int(0, 2);
      let L;
      if (style === 0) L = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>', `    <add key="AWSAccessKey" value="${c.id}" />`, `    <add key="AWSSecretKey" value="${c.secret}" />`, `    <add key="AWSRegion" value="${ctx.region()}" />`, '  </appSettings>', '</configuration>', ''];
      else if (style === 1) L = ['<settings>', '  <servers>', '    <server>', '      <id>s3-releases</id>', `      <username>${c.id}</username>`, `      <password>${c.secret}</password>`, '    </server>', '  </servers>', '</settings>', ''];
      else L = ['<beans>', '  <bean id="awsCredentials" class="com.amazonaws.auth.BasicAWSCredentials">', `    <constructor-arg value="${c.id}"/>`, `    <constructor-arg value="${c.secret}"/>`, '  </bean>', '</beans>', ''];
      const file = ['Web.config', 'settings.xml', 'applicationContext.xml'][style];
      return { path: `repos/${project(ctx.rng)}/${style === 1 ? '.m2/' : ''}${file}`, text: L.join('\n') };
    },
  },
  {
    name: 'log-file',
    n: 8,
    fn(ctx) {
      const c = ctx.creds(0.3);
      const L = [];
      const ts = () => `${date(ctx.rng)} ${time(ctx.rng)},${ctx.int(100, 999)}`;
      for (let i = 0; i < ctx.int(3, 8); i++) L.push(`${ts()} INFO  [worker-${ctx.int(1, 8)}] processed batch ${ctx.int(1, 9999)} in ${ctx.int(5, 900)}ms`);
      const style = ctx.int(0, 2);
      if (style === 0) {
        L.push(`${ts()} DEBUG botocore.credentials Found credentials in environment variables: access_key=${c.id} secret_key=${c.secret}` + (c.token ? ` token=${c.token}` : ''));
      } else if (style === 1) {
        L.push(`${ts()} DEBUG config loaded: {"region": "${ctx.region()}", "accessKeyId": "${c.id}",`);
        L.push(`${ts()} DEBUG   "secretAccessKey": "${c.secret}"${c.token ? `, "sessionToken": "${c.token}"` : ''}}`);
      } else {
        L.push(`${ts()} ERROR Failed to upload: SignatureDoesNotMatch (AWSAccessKeyId=${c.id})`);
        L.push(`${ts()} DEBUG env dump: AWS_ACCESS_KEY_ID=${c.id} AWS_SECRET_ACCESS_KEY=${c.secret}${c.token ? ` AWS_SESSION_TOKEN=${c.token}` : ''} HOME=/root`);
      }
      for (let i = 0; i < ctx.int(2, 6); i++) L.push(`${ts()} INFO  [http] ${ip(ctx.rng)} GET /health 200 ${ctx.int(1, 30)}ms`);
      return { path: `logs/${project(ctx.rng)}/${ctx.pick(['app.log', 'worker.log', 'debug.log', 'error.log'])}`, text: L.join('\n') + '\n' };
    },
  },
  {
    name: 'presigned-url',
    n: 7,
    fn(ctx) {
      const L = [];
      const style = ctx.int(0, 2);
      const n = ctx.int(1, 2);
      for (let i = 0; i < n; i++) {
        const temp = ctx.chance(0.6);
        const c = temp ? ctx.keys.temp() : ctx.keys.pair();
        ctx.plant('access-key-id', c.id);
        const url = presigned(ctx, c);
        if (style === 0) L.push(`${ip(ctx.rng)} - - [${date(ctx.rng)}:${time(ctx.rng)} +0000] "GET ${url.replace(/^https:\/\/[^/]+/, '')} HTTP/1.1" 200 ${ctx.int(100, 99999)}`);
        else if (style === 1) L.push(`Here is the download link, it expires in a week: ${url}`, '');
        else L.push(`  "downloadUrl": "${url}",`);
      }
      if (style === 2) L.unshift('{', `  "id": "${ctx.keys.uuid()}",`), L.push('  "status": "ready"', '}');
      const file = ['access.log', 'ticket-4411.txt', 'export-response.json'][style];
      return { path: `${ctx.pick(['logs', 'support', 'tmp'])}/${project(ctx.rng)}/${file}`, text: L.join('\n') + '\n' };
    },
  },
];
