// Names and text that came from scanned files (or a stranger's configuration) must not drive the
// terminal or the CI log that shows them: the one escaping function the text and github reports and
// every one-line error use.

/** Control characters (C0, DEL, C1) and bidirectional overrides shown as visible escapes; tabs kept. */
export function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
