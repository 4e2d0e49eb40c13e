// Per-file context handed to every template: the rng, the key factory, and the
// "plant" registry that turns planted values into labels once the file text is known.
//
// A template plants a value with ctx.plant(kind, value) (or the ctx.pair()/ctx.temp()
// helpers) and returns { path, text }. After rendering, every occurrence of every planted
// value is located line by line and becomes one label { path, line, kind, value }.
// A planted value that never appears in the text is a template bug and throws.

import { createKeys } from './random.mjs';

export const KINDS = ['access-key-id', 'secret-access-key', 'session-token'];

export function createContext(rng) {
  const keys = createKeys(rng);
  let planted = [];
  const ctx = {
    rng,
    keys,
    pick: rng.pick,
    int: rng.int,
    chance: rng.chance,
    plant(kind, value) {
      if (!KINDS.includes(kind)) throw new Error(`bad kind ${kind}`);
      planted.push({ kind, value });
      return value;
    },
    /** A long-term pair, both planted. */
    pair(prefix) {
      const c = keys.pair(prefix);
      ctx.plant('access-key-id', c.id);
      ctx.plant('secret-access-key', c.secret);
      return c;
    },
    /** Temporary credentials (ASIA id + secret + session token), all planted. */
    temp() {
      const c = keys.temp();
      ctx.plant('access-key-id', c.id);
      ctx.plant('secret-access-key', c.secret);
      ctx.plant('session-token', c.token);
      return c;
    },
    /** Either kind: temporary with probability p. */
    creds(p = 0.25) {
      return rng.chance(p) ? ctx.temp() : ctx.pair();
    },
    region: keys.region,
    account: keys.accountId,
    /** Reset between files (called by the generator). */
    _take() {
      const p = planted;
      planted = [];
      return p;
    },
  };
  return ctx;
}

/** Turn a rendered file plus its planted values into labels. */
export function labelFile(relPath, text, planted) {
  const lines = text.split('\n');
  const labels = [];
  const seen = new Set();
  for (const { kind, value } of planted) {
    const k = `${kind}\u0000${value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    let found = 0;
    lines.forEach((ln, i) => {
      let from = 0;
      for (;;) {
        const at = ln.indexOf(value, from);
        if (at < 0) break;
        labels.push({ path: relPath, line: i + 1, kind, value });
        found++;
        from = at + value.length;
      }
    });
    if (!found) throw new Error(`${relPath}: planted ${kind} ${value.slice(0, 24)}… does not occur in the text`);
  }
  labels.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
  return labels;
}

/** Small text helpers shared by templates. */
export const q = (s) => JSON.stringify(s);
export const indent = (text, n) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
