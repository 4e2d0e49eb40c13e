// Encoders: the ones holdout3/holdout4 have (re-exported, not copied), and the forms added here.
export * from '../../holdout4/lib/encode.mjs';

/** Go html/template in HTML text: + as &#43; (and nothing else of a base64 value). */
export const htmlGo = (v) => v.replaceAll('+', '&#43;');
/** validator.js escape(): / as &#x2F; (upper-case hex), + left alone. */
export const htmlValidator = (v) => v.replaceAll('/', '&#x2F;');
/** System.Text.Json's default encoder: + as \u002B, / left alone. */
export const jsonNet = (v) => v.replaceAll('+', '\\u002B');
/** application/x-www-form-urlencoded as Python's urlencode writes it (+ and / as %2B %2F). */
export const form = (v) => encodeURIComponent(v);
