// API client exports: Postman collections and environments, HAR captures, Insomnia exports.
import { KINDS } from './core.mjs';

const uuid = (g) => g.neg.uuid();

export const templates = [
  {
    name: 'postman-collection', count: 3,
    make(g) {
      const c = g.cred(g.chance(0.4));
      const awsv4 = g.shuffle([
        { key: 'accessKey', value: c.id, type: 'string' },
        { key: 'secretKey', value: c.secret, type: 'string' },
        { key: 'region', value: g.region(), type: 'string' },
        { key: 'service', value: g.pick(['s3', 'execute-api', 'sqs']), type: 'string' },
        ...(c.token ? [{ key: 'sessionToken', value: c.token, type: 'string' }] : []),
      ]);
      const col = {
        info: { _postman_id: uuid(g), name: `${g.project()} API`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
          _exporter_id: String(g.int(1000000, 9999999)) },
        item: [
          { name: 'List objects', request: { auth: { type: 'awsv4', awsv4 }, method: 'GET', header: [],
            url: { raw: `https://${g.bucket()}.s3.amazonaws.com/?list-type=2`, protocol: 'https', host: [g.bucket(), 's3', 'amazonaws', 'com'], query: [{ key: 'list-type', value: '2' }] } }, response: [] },
          { name: 'Staging (uses env vars)', request: { auth: { type: 'awsv4', awsv4: [{ key: 'accessKey', value: '{{aws_access_key_id}}', type: 'string' },
            { key: 'secretKey', value: '{{aws_secret_access_key}}', type: 'string' }] }, method: 'GET', header: [], url: { raw: '{{base_url}}/health' } }, response: [] },
          { name: 'Webhook', request: { method: 'POST', header: [{ key: 'X-Hub-Signature', value: `sha1=${g.neg.hex(40)}` }],
            body: { mode: 'raw', raw: JSON.stringify({ event: 'push', after: g.neg.hex(40) }) }, url: { raw: 'https://hooks.internal/gh' } }, response: [] },
        ],
      };
      g.file(`exports/postman/${g.project()}.postman_collection.json`, JSON.stringify(col, null, '\t'), { fmt: 'postman-collection' });
    },
  },
  {
    name: 'postman-environment', count: 2,
    make(g) {
      const c = g.pair();
      const values = [
        { key: 'base_url', value: `https://api.${g.project()}.example.org`, type: 'default', enabled: true },
        { key: 'aws_access_key_id', value: c.id, type: 'default', enabled: true },
        { key: 'aws_secret_access_key', value: c.secret, type: 'secret', enabled: true },
        { key: 'jwt', value: g.neg.jwt(), type: 'default', enabled: false },
        { key: 'aws_region', value: g.region(), type: 'default', enabled: true },
      ];
      const env = { id: uuid(g), name: g.pick(['Production', 'Staging', 'Local']), values, _postman_variable_scope: 'environment',
        _postman_exported_at: `${g.date()}T${g.time()}.000Z`, _postman_exported_using: 'Postman/10.22.0' };
      g.file(`exports/postman/${env.name}.postman_environment.json`, JSON.stringify(env, null, '\t'), { fmt: 'postman-environment' });
    },
  },
  {
    name: 'har', count: 2,
    make(g) {
      const c = g.cred(true);
      const bucket = g.bucket();
      const region = g.region();
      const day = g.date().replace(/-/g, '');
      const amzDate = `${day}T${g.time().replace(/:/g, '')}Z`;
      const cognito = { Credentials: { AccessKeyId: c.id, Expiration: g.epoch(), SecretKey: c.secret, SessionToken: c.token },
        IdentityId: `${region}:${uuid(g)}` };
      const pId = g.id(); // a signed request carries only the key ID
      const tokEnc = g.plant(encodeURIComponent(c.token), KINDS.token);
      const presigned = `https://${bucket}.s3.${region}.amazonaws.com/exports/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
        `&X-Amz-Credential=${c.id}%2F${day}%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=${amzDate}&X-Amz-Expires=900` +
        `&X-Amz-Security-Token=${tokEnc}&X-Amz-Signature=${g.neg.hex(64)}&X-Amz-SignedHeaders=host`;
      const entries = [
        { startedDateTime: `${g.date()}T${g.time()}.120Z`, time: 87,
          request: { method: 'POST', url: `https://cognito-identity.${region}.amazonaws.com/`, httpVersion: 'HTTP/2',
            headers: [{ name: 'content-type', value: 'application/x-amz-json-1.1' }, { name: 'x-amz-target', value: 'AWSCognitoIdentityService.GetCredentialsForIdentity' }],
            postData: { mimeType: 'application/x-amz-json-1.1', text: JSON.stringify({ IdentityId: cognito.IdentityId }) } },
          response: { status: 200, statusText: '', headers: [{ name: 'x-amzn-requestid', value: uuid(g) }],
            content: { size: 1400, mimeType: 'application/x-amz-json-1.1', text: JSON.stringify(cognito) } } },
        { startedDateTime: `${g.date()}T${g.time()}.480Z`, time: 143,
          request: { method: 'GET', url: presigned, httpVersion: 'HTTP/1.1', headers: [{ name: 'accept', value: '*/*' }],
            queryString: [{ name: 'X-Amz-Credential', value: `${c.id}/${day}/${region}/s3/aws4_request` }, { name: 'X-Amz-Security-Token', value: c.token }] },
          response: { status: 200, headers: [{ name: 'x-amz-id-2', value: g.neg.b64(76) }, { name: 'x-amz-request-id', value: g.neg.hex(16).toUpperCase() },
            { name: 'ETag', value: `"${g.neg.hex(32)}"` }], content: { size: 0, mimeType: 'application/pdf' } } },
        { startedDateTime: `${g.date()}T${g.time()}.900Z`, time: 64,
          request: { method: 'PUT', url: `https://${g.bucket()}.s3.amazonaws.com/uploads/${uuid(g)}.jpg`, httpVersion: 'HTTP/1.1',
            headers: [{ name: 'Authorization', value: `AWS4-HMAC-SHA256 Credential=${pId}/${day}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${g.neg.hex(64)}` },
              { name: 'x-amz-content-sha256', value: g.neg.hex(64) }, { name: 'x-amz-date', value: amzDate }] },
          response: { status: 403, headers: [{ name: 'x-amz-id-2', value: g.neg.b64(76) }], content: { size: 0, mimeType: 'application/xml' } } },
      ];
      const har = { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } };
      g.file(`captures/${g.project()}-${g.int(1, 99)}.har`, JSON.stringify(har, null, 2), { fmt: 'har' });
    },
  },
  {
    name: 'insomnia', count: 1,
    make(g) {
      const c = g.cred(g.chance(0.5));
      const auth = { type: 'iam', disabled: false, accessKeyId: c.id, secretAccessKey: c.secret, ...(c.token ? { sessionToken: c.token } : {}) };
      const c2 = g.pair();
      const doc = { _type: 'export', __export_format: 4, __export_date: `${g.date()}T${g.time()}.000Z`, __export_source: 'insomnia.desktop.app:v8.6.1',
        resources: [
          { _id: `req_${g.neg.hex(32)}`, parentId: `wrk_${g.neg.hex(32)}`, url: `https://sqs.${g.region()}.amazonaws.com/${g.account()}/jobs`,
            name: 'Send message', method: 'POST', body: { mimeType: 'application/x-www-form-urlencoded' }, authentication: auth, _type: 'request' },
          { _id: `env_${g.neg.hex(32)}`, parentId: `wrk_${g.neg.hex(32)}`, name: 'Base Environment',
            data: { aws_key: c2.id, aws_secret: c2.secret, api_token: g.neg.jwt() }, _type: 'environment' },
          { _id: `req_${g.neg.hex(32)}`, name: 'templated', authentication: { type: 'iam', accessKeyId: '{{ _.aws_key }}', secretAccessKey: '{{ _.aws_secret }}' }, _type: 'request' },
        ] };
      g.file(`exports/insomnia/Insomnia_${g.date()}.json`, JSON.stringify(doc, null, g.pick([2, '\t'])), { fmt: 'insomnia' });
    },
  },
];
