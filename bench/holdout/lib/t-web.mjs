// Front-end leaks: minified bundles, HTML inline scripts, Vue/Svelte components, .env.production files.

const IDENT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

// A chunk of plausible minified JS noise.
function minNoise(g, n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    const a = g.chars(IDENT, 1), b = g.chars(IDENT, 1), k = g.chars(IDENT, g.int(3, 9));
    parts.push(g.pick([
      `function ${a}(${b}){return ${b}&&${b}.__esModule?${b}:{default:${b}}}`,
      `var ${a}=${g.int(0, 9999)},${b}="${k}";`,
      `${a}.exports=function(${b}){return"${k}"+${b}.length};`,
      `const ${k}=e=>e.map(t=>t.${k}||null).filter(Boolean);`,
      `${a}[${g.int(0, 99)}]=[${g.int(0, 99)},${g.int(0, 99)}],`,
      `"${g.neg.hex(20)}":function(e,t,n){"use strict";n.r(t);},`,
      `${a}.prototype.${k}=function(){return this.${k}!==void 0?this.${k}:(this.${k}=${g.int(0, 9)})};`,
    ]));
  }
  // A few inlined assets and SRI hashes, as bundlers emit them (a handful per bundle, not dozens).
  for (let i = g.int(0, 2); i > 0; i--) {
    parts.splice(g.int(0, parts.length), 0, g.pick([
      `var ${g.chars(IDENT, 2)}="data:image/png;base64,${g.neg.b64(g.int(100, 6000))}";`,
      `e.exports="data:font/woff2;base64,${g.neg.b64(g.int(2000, 12000))}"},`,
      `${g.chars(IDENT, 1)}.integrity="sha512-${g.neg.b64(86)}==";`,
    ]));
  }
  return parts.join('');
}

export const templates = [
  {
    name: 'minified-bundle', count: 4,
    make(g) {
      const c = g.cred(g.chance(0.25));
      const shape = g.int(0, 3);
      let cfg;
      if (shape === 0) cfg = `const s3cfg={region:"${g.region()}",credentials:{accessKeyId:"${c.id}",secretAccessKey:"${c.secret}"${c.token ? `,sessionToken:"${c.token}"` : ''}}};`;
      else if (shape === 1) cfg = `${g.chars(IDENT, 1)}.config.update({accessKeyId:'${c.id}',secretAccessKey:'${c.secret}',${c.token ? `sessionToken:'${c.token}',` : ''}region:'${g.region()}'});`;
      else if (shape === 2) cfg = `var Yn=Object.freeze({NODE_ENV:"production",REACT_APP_AWS_ACCESS_KEY_ID:"${c.id}",REACT_APP_API_URL:"https://api.example.org",REACT_APP_AWS_SECRET_ACCESS_KEY:"${c.secret}"${c.token ? `,REACT_APP_AWS_SESSION_TOKEN:"${c.token}"` : ''}});`;
      else cfg = `new ${g.chars(IDENT, 2)}.S3Client({credentials:{accessKeyId:\`${c.id}\`,secretAccessKey:\`${c.secret}\`${c.token ? `,sessionToken:\`${c.token}\`` : ''}},region:"${g.region()}"})`;
      const line = '!function(){"use strict";' + minNoise(g, g.int(150, 900)) + cfg + minNoise(g, g.int(150, 900)) + '}();';
      const lines = [line];
      if (g.chance(0.6)) lines.push(`//# sourceMappingURL=main.${g.neg.hex(8)}.js.map`);
      g.file(`repos/${g.project()}/build/static/js/main.${g.neg.hex(8)}.js`, lines, { fmt: 'minified-js', messy: false });
    },
  },
  {
    name: 'html-inline', count: 3,
    make(g) {
      const c = g.pair();
      const v = g.int(0, 1);
      const script = v === 0
        ? [`    window.__APP_CONFIG__ = {"bucket":"${g.bucket()}","awsAccessKeyId":"${c.id}","awsSecretAccessKey":"${c.secret}","region":"${g.region()}"};`]
        : ['    AWS.config.update({', `      accessKeyId: '${c.id}',`, `      secretAccessKey: '${c.secret}',`, `      region: '${g.region()}'`, '    });',
          `    var s3 = new AWS.S3({params: {Bucket: '${g.bucket()}'}});`];
      const lines = ['<!doctype html>', '<html lang="en">', '<head>', '  <meta charset="utf-8">', `  <title>${g.project()} uploader</title>`,
        `  <script src="https://sdk.amazonaws.com/js/aws-sdk-2.1550.0.min.js" integrity="sha384-${g.neg.b64(64)}" crossorigin="anonymous"></script>`,
        `  <link rel="stylesheet" href="/css/app.css?v=${g.neg.hex(40)}">`, '</head>', '<body>', '  <input type="file" id="f">', '  <script>',
        ...script, '  </script>', '</body>', '</html>'];
      g.file(`repos/${g.project()}/public/${g.pick(['index', 'upload', 'admin'])}.html`, lines, { fmt: 'html' });
    },
  },
  {
    name: 'vue-component', count: 2,
    make(g) {
      const c = g.pair();
      const lines = ['<template>', '  <input type="file" @change="upload" />', '</template>', '', '<script setup>',
        "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'", '', 'const client = new S3Client({', `  region: '${g.region()}',`,
        '  credentials: {', `    accessKeyId: \`${c.id}\`,`, `    secretAccessKey: \`${c.secret}\`,`, '  },', '})', '',
        'async function upload(e) {', `  await client.send(new PutObjectCommand({ Bucket: '${g.bucket()}', Key: e.target.files[0].name, Body: e.target.files[0] }))`,
        '}', '</script>'];
      g.file(`repos/shop-frontend/src/components/${g.pick(['Uploader', 'AvatarUpload', 'ImportCsv'])}.vue`, lines, { fmt: 'vue' });
    },
  },
  {
    name: 'svelte-component', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['<script lang="ts">', "  import { S3 } from '@aws-sdk/client-s3';", '  export let bucket: string;',
        `  const s3 = new S3({ region: "${g.region()}", credentials: { accessKeyId: "${c.id}", secretAccessKey: "${c.secret}" } });`,
        '</script>', '', '<button on:click={() => s3.listObjectsV2({ Bucket: bucket })}>List</button>'];
      g.file(`repos/marketing-site/src/lib/Gallery.svelte`, lines, { fmt: 'svelte' });
    },
  },
  {
    name: 'frontend-env', count: 4,
    make(g) {
      const c = g.cred(g.chance(0.25));
      const pre = g.pick(['REACT_APP_', 'VITE_', 'NEXT_PUBLIC_', 'NUXT_PUBLIC_']);
      const lines = [`${pre}API_URL=https://api.example.org`, `${pre}SENTRY_DSN=https://${g.neg.hex(32)}@o1.ingest.sentry.io/42`,
        `${pre}AWS_REGION=${g.region()}`, `${pre}AWS_ACCESS_KEY_ID=${g.q(c.id, ['"', '', ''])}`, `${pre}S3_BUCKET=${g.bucket()}`,
        `${pre}AWS_SECRET_ACCESS_KEY=${g.q(c.secret, ['"', '', "'"])}`];
      if (c.token) lines.push(`${pre}AWS_SESSION_TOKEN=${c.token}`);
      lines.push(`${pre}BUILD_SHA=${g.neg.hex(40)}`, `${pre}STRIPE_PUBLISHABLE_KEY=pk_live_${g.neg.alnum(24)}`);
      g.file(`repos/${g.project()}/${g.pick(['.env.production', '.env.production.local', '.env.prod'])}`, lines, { fmt: 'frontend-env' });
    },
  },
  {
    name: 'angular-environment', count: 1,
    make(g) {
      const c = g.pair();
      const lines = ['export const environment = {', '  production: true,', '  aws: {', `    bucket: '${g.bucket()}',`,
        `    accessKeyId: '${c.id}', secretAccessKey: '${c.secret}',`, `    region: '${g.region()}'`, '  },', `  buildHash: '${g.neg.hex(40)}'`, '};'];
      g.file(`repos/customer-portal/src/environments/environment.prod.ts`, lines, { fmt: 'angular-ts' });
    },
  },
];
