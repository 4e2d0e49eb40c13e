// The escape decoders of the decoding stage (issue 14): JSON string escapes, HTML character
// references, quoted-printable and percent-encoding, each a Decoder of its own (escapes/*.ts).
export { jsonEscapeDecoder } from './escapes/json.js';
export { htmlEntityDecoder } from './escapes/html.js';
export { quotedPrintableDecoder } from './escapes/quoted-printable.js';
export { urlDecoder } from './escapes/url.js';
