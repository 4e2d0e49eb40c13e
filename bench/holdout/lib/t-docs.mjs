// Human-written places: blog posts with front matter, email, chat transcripts, Windows registry
// exports, desktop S3 client settings, wiki/runbook notes.

export const templates = [
  {
    name: 'blog-front-matter', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      if (v === 0) {
        const lines = ['---', 'layout: post', `title: "Deploying this blog to S3 with s3_website"`, `date: ${g.date()} 10:00:00 +0000`, 'tags: [aws, jekyll]',
          `s3_id: ${c.id}`, `s3_secret: ${c.secret}`, '---', '', 'Install the gem, then put your credentials in `s3_website.yml`:', '', '```yaml',
          `s3_id: ${g.neg.docsId()}`, `s3_secret: ${g.neg.docsSecret()}`, `s3_bucket: ${g.bucket()}`, '```', '',
          'An **AKIA** prefix means a long-term IAM user key; **ASIA** means temporary STS credentials.'];
        g.file(`repos/marketing-site/_posts/${g.date()}-deploying-to-s3.md`, lines, { fmt: 'markdown-front-matter' });
      } else if (v === 1) {
        const lines = [`s3_id: ${c.id}`, `s3_secret: '${c.secret}'`, `s3_bucket: ${g.bucket()}`, 'gzip: true', 'max_age:', '  "assets/*": 6000',
          'cloudfront_distribution_id: E' + g.neg.b32(13)];
        g.file(`repos/marketing-site/s3_website.yml`, lines, { fmt: 's3_website' });
      } else {
        const c2 = g.pair();
        const lines = ['+++', `title = "Backups the lazy way"`, `date = ${g.date()}T09:00:00Z`, 'draft = true', '[params]', `  aws_key = "${c.id}"`,
          `  aws_secret = "${c.secret}"`, '+++', '', 'Temporary notes, move to the vault later:', '', `    export AWS_ACCESS_KEY_ID=${c2.id}`,
          `    export AWS_SECRET_ACCESS_KEY=${c2.secret}`, '', `The commit ${g.neg.hex(40)} removed the old keys.`];
        g.file(`repos/devops-handbook/content/posts/lazy-backups.md`, lines, { fmt: 'markdown-toml-front-matter' });
      }
    },
  },
  {
    name: 'eml', count: 3,
    make(g) {
      const c = g.cred(g.chance(0.3));
      const from = g.user(), to = g.user();
      const boundary = `----=_Part_${g.int(100000, 999999)}_${g.int(1000000, 9999999)}`;
      const body = g.pick([
        ['Hi,', '', `Here are the keys for the ${g.bucket()} bucket:`, '', `Access key: ${c.id}`, `Secret: ${c.secret}`],
        ['hey - as discussed:', `${c.id} / ${c.secret}`, '', 'please rotate after the migration'],
        ['Credentials for the vendor upload:', '', `  AWS_ACCESS_KEY_ID     ${c.id}`, '', '(secret in the next line, don\'t forward)', `  AWS_SECRET_ACCESS_KEY ${c.secret}`],
      ]);
      if (c.token) body.push(`Session token (valid 12h): ${c.token}`);
      const lines = [`Return-Path: <${from}@example.org>`, `Message-ID: <${g.neg.hex(24)}@mail.example.org>`, `Date: Wed, 6 Mar 2024 ${g.time()} +0000`,
        `From: ${from} <${from}@example.org>`, `To: ${to} <${to}@partner.example.net>`, 'Subject: Re: S3 access', 'MIME-Version: 1.0',
        `DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel1; bh=${g.neg.b64(43)}=;`, `  b=${g.neg.b64(76)}`,
        `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 7bit', '', ...body, '', '--', `${from}`, '', `--${boundary}`,
        'Content-Type: application/pdf; name="invoice.pdf"', 'Content-Transfer-Encoding: base64', '',
        ...Array.from({ length: g.int(4, 10) }, () => g.neg.b64(76)), `--${boundary}--`];
      g.file(`mail/${g.user()}/${g.pick(['INBOX', 'Sent', 'Archive'])}/${g.int(1000, 9999)}.eml`, lines, { fmt: 'eml', eol: 'crlf' });
    },
  },
  {
    name: 'chat-transcript', count: 3,
    make(g) {
      const c = g.pair();
      const a = g.user(), b = g.user();
      const t = () => `[${g.time().slice(0, 5)}]`;
      const lines = [`${t()} ${a}: can someone give me access to the ${g.bucket()} bucket?`, `${t()} ${b}: use these for now`];
      const v = g.int(0, 2);
      if (v === 0) lines.push(`${t()} ${b}: ${c.id}`, `${t()} ${b}: ${c.secret}`);
      else if (v === 1) lines.push(`${t()} ${b}: key=${c.id} secret=${c.secret}`);
      else lines.push(`${t()} ${b}: \`aws configure\` with`, '```', c.id, c.secret, '```');
      lines.push(`${t()} ${a}: thanks!`, `${t()} ${b}: np, they're the same as in the wiki (AKIA... prefix = IAM user)`,
        `${t()} ${a}: btw the MFA seed for root is otpauth://totp/Amazon%20Web%20Services:root@${g.account()}?secret=${g.neg.totp(64)}`);
      g.file(`chat/${g.pick(['ops', 'random', 'data-team', 'incident-42'])}-${g.date()}.txt`, lines, { fmt: 'chat-txt' });
    },
  },
  {
    name: 'slack-json', count: 1,
    make(g) {
      const c = g.pair();
      const msgs = [
        { type: 'message', user: 'U' + g.neg.b32(10), text: 'which key does the exporter use?', ts: `${g.epoch()}.000200` },
        { type: 'message', user: 'U' + g.neg.b32(10), text: `this one: ${c.id}\nsecret is ${c.secret}`, ts: `${g.epoch()}.000300` },
        { type: 'message', user: 'U' + g.neg.b32(10), text: `commit ${g.neg.hex(40)} rotates it`, ts: `${g.epoch()}.000400` },
      ];
      g.file(`chat/slack-export/ops/${g.date()}.json`, JSON.stringify(msgs, null, 4), { fmt: 'slack-json' });
    },
  },
  {
    name: 'windows-reg', count: 3,
    make(g, i) {
      const c = g.pair();
      const utf16 = i === 0;
      const lines = [utf16 ? 'Windows Registry Editor Version 5.00' : 'REGEDIT4', '', '[HKEY_CURRENT_USER\\Environment]',
        `"AWS_ACCESS_KEY_ID"="${c.id}"`, `"AWS_SECRET_ACCESS_KEY"="${c.secret}"`, `"AWS_DEFAULT_REGION"="${g.region()}"`, '',
        `[HKEY_CURRENT_USER\\Software\\Acme\\${g.project()}\\Storage]`, `"Bucket"="${g.bucket()}"`, `"InstallId"="{${g.neg.uuid().toUpperCase()}}"`,
        `"LicenseHash"="${g.neg.hex(40)}"`, ''];
      if (!utf16 && g.chance(0.5)) {
        const c2 = g.pair();
        lines.splice(10, 0, `"AccessKey"="${c2.id}"`, `"SecretKey"="${c2.secret}"`);
      }
      g.file(`Users/${g.user()}/Desktop/${g.pick(['env', 'aws-settings', 'backup'])}.reg`, lines, { fmt: utf16 ? 'reg-utf16le' : 'reg', eol: 'crlf', enc: utf16 ? 'utf16le' : 'utf8' });
    },
  },
  {
    name: 'desktop-s3-clients', count: 3,
    make(g, i) {
      const c = g.pair();
      if (i % 3 === 0) {
        const lines = ['[Configuration]', 'ConfigurationVersion=1.0', '', `[Sessions\\${g.bucket()}]`, 'HostName=s3.amazonaws.com', 'FSProtocol=7',
          `UserName=${c.id}`, `S3DefaultRegion=${g.region()}`, `Password=${g.neg.hex(96).toUpperCase()}`, '', '[S3]', `; last used key, plaintext by ${g.user()}`,
          `SecretAccessKey=${c.secret}`];
        g.file(`Users/${g.user()}/AppData/Roaming/WinSCP.ini`, lines, { fmt: 'winscp-ini', eol: 'crlf' });
      } else if (i % 3 === 1) {
        const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
          '<plist version="1.0">', '<dict>', '\t<key>Protocol</key>', '\t<string>s3</string>', '\t<key>Hostname</key>', '\t<string>s3.amazonaws.com</string>',
          '\t<key>Username</key>', `\t<string>${c.id}</string>`, '\t<key>Password</key>', `\t<string>${c.secret}</string>`,
          '\t<key>UUID</key>', `\t<string>${g.neg.uuid()}</string>`, '</dict>', '</plist>'];
        g.file(`Users/${g.user()}/Library/Group Containers/G69SCX94XU.duck/Library/Application Support/duck/Bookmarks/${g.neg.uuid()}.duck`, lines, { fmt: 'cyberduck-duck' });
      } else {
        const lines = ['[General]', 'Language=en', 'CheckUpdates=1', '', `[Account_${g.int(1, 9)}]`, `Name=${g.project()}`, 'Type=AmazonS3',
          `AccessKeyID=${c.id}`, `SecretAccessKey=${c.secret}`, 'UseSSL=1', '', '[Account_legacy]', `AccessKeyID=${g.neg.placeholderId()}`,
          `SecretAccessKey=${g.neg.placeholderSecret()}`];
        g.file(`Users/${g.user()}/AppData/Roaming/S3Explorer/settings.ini`, lines, { fmt: 's3-client-ini', eol: 'crlf' });
      }
    },
  },
  {
    name: 'runbook-notes', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 2);
      const lines = [`# ${g.pick(['Onboarding', 'Incident 2024-03 notes', 'Migration runbook'])}`, ''];
      if (v === 0) {
        lines.push('Deploy from a laptop with Heroku:', '', '```', `heroku config:set AWS_ACCESS_KEY_ID=${c.id} AWS_SECRET_ACCESS_KEY=${c.secret} -a ${g.project()}`, '```');
      } else if (v === 1) {
        lines.push('| what | value |', '| --- | --- |', `| bucket | \`${g.bucket()}\` |`, `| key id | \`${c.id}\` |`, `| secret | \`${c.secret}\` |`,
          `| root MFA | \`${g.neg.totp(32)}\` |`);
      } else {
        lines.push('Old credentials (revoked? check with ops):', '', `* id: ${c.id}`, '* created: ' + g.date(), '* owner: ' + g.user(), '*  secret:',
          '', `      ${c.secret}`, '');
      }
      lines.push('', 'Note: the key ID starting with `AKIA` is not secret by itself; the 40-character secret is.',
        `See also: arn:aws:iam::${g.account()}:role/ops-admin (unique id ${g.neg.uniqueId('AROA')}).`);
      g.file(`repos/sre-runbooks/${g.pick(['onboarding', 'migration', 'incident'])}-${g.int(1, 99)}.md`, lines, { fmt: 'markdown' });
    },
  },
];
