// Encoders, and where an encoded key lands in the encoded text.

// The encoders holdout3 has (its author copied them; one copy now serves both), and the forms added here.
export * from '../../holdout3/lib/encode.mjs';

// Forms added for holdout4.
/** ESAPI/OWASP-style HTML escaping: lower-case hex references for + / =. */
export const htmlHexLower = (v) => v.replace(/[+/=]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
/** Gson's HTML-safe default: = as \u003d (lower case). */
export const jsonGson = (v) => v.replaceAll('=', '\\u003d');
/** A credentials file in the shared-file INI layout. */
export const credsIni = (id, secret, profile = 'default', token = null) =>
  `[${profile}]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n${token ? `aws_session_token = ${token}\n` : ''}`;
