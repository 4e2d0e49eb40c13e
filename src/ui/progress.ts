// The spinner for people scanning by hand: files and bytes so far, on stderr, redrawn at most 10 times
// a second. Loaded only when stderr is a terminal outside CI, so machine runs never pay for ora.
import ora from 'ora';
import type { Stats } from '../types.js';

const REDRAW_MS = 100;

export interface Progress {
  update(stats: Readonly<Stats>): void;
  stop(): void;
}

/** The terminal the spinner draws on; `columns` is its width as the terminal reports it. */
export type SpinnerStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** `color: false` (NO_COLOR is set): ora would otherwise paint the spinner glyph cyan whatever the environment says. */
export function startSpinner(stream: SpinnerStream, opts: { color?: boolean } = {}): Progress {
  // ora counts the lines to clear as text width / columns: a terminal that reports 0 columns (`script`,
  // some CI pseudo-terminals) makes that Infinity, and ora writes cursor escapes forever. No width, no spinner.
  if (!(typeof stream.columns === 'number' && stream.columns > 0)) return { update() {}, stop() {} };
  const spinner = ora({ text: 'Scanning…', stream, discardStdin: false, ...(opts.color === false ? { color: false as const } : {}) }).start();
  let last = 0;
  return {
    update(stats) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      spinner.text = `Scanning… ${stats.filesScanned} files, ${(stats.bytesScanned / 1024 / 1024).toFixed(1)} MiB, ${stats.findings > 0 ? stats.findings : 'no'} findings so far`;
    },
    stop() {
      spinner.stop();
    },
  };
}
