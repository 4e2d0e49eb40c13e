// The spinner on a terminal that reports 0 columns (`script -qc ...`, some CI pseudo-terminals): ora
// divided by the width and cleared Infinity lines, writing cursor escapes without end.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Writable } from 'node:stream';
import { startSpinner, type SpinnerStream } from '../src/ui/progress.js';
import { startProgress } from '../src/commands/report.js';
import { emptyStats } from '../src/pipeline.js';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// ora paints its glyph with chalk, whose colour level comes from this process's stdout: the test sets it,
// so it sees colour wherever it runs (a pipe under npm test included). chalk is ora's dependency, not
// ours: it is resolved from where ora is, so the test holds the very instance ora paints with.
const chalkPath = createRequire(createRequire(import.meta.url).resolve('ora')).resolve('chalk');
const { default: chalk } = (await import(pathToFileURL(chalkPath).href)) as { default: { level: number } };

/** A fake terminal of `columns` columns that counts what is written, and stops a runaway writer at 1 MiB. */
function fakeTerminal(columns: number | undefined): { stream: SpinnerStream; written: () => number } {
  let written = 0;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      written += chunk.length;
      done();
    },
  }) as Writable & { isTTY: boolean; columns?: number };
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Buffer, ...rest: never[]) => {
    if (written > 1024 * 1024) throw new Error(`runaway output: over ${written} bytes written`);
    return write(chunk, ...rest);
  }) as typeof stream.write;
  // What a tty.WriteStream has and ora uses to redraw.
  Object.assign(stream, {
    isTTY: true,
    columns,
    cursorTo: (x: number) => stream.write(`\u001b[${x + 1}G`),
    moveCursor: (dx: number, dy: number) => stream.write(`\u001b[${dy}A\u001b[${dx}C`),
    clearLine: () => stream.write('\u001b[2K'),
  });
  return { stream, written: () => written };
}

const spinner = suite('spinner');

// ora draws nothing under CI (is-interactive), where these tests would prove nothing: say so.
const underCi = 'CI' in process.env;
if (underCi) console.log('  (spinner tests: CI is set, so ora would not draw; they check only that nothing is written)');

spinner('a terminal of 0 (or unknown) columns gets no spinner, and the output stays bounded', async () => {
  for (const columns of [0, undefined]) {
    const term = fakeTerminal(columns);
    const progress = startSpinner(term.stream);
    const stats = emptyStats();
    for (let i = 0; i < 5; i++) {
      stats.filesScanned += 100;
      progress.update(stats);
      await new Promise((r) => setTimeout(r, 120));
    }
    progress.stop();
    assert.ok(term.written() < 4096, `${term.written()} bytes written to a ${columns}-column terminal`);
  }
});

spinner('an 80-column terminal still gets its spinner, and it stops', async () => {
  const term = fakeTerminal(80);
  const progress = startSpinner(term.stream);
  progress.update(emptyStats());
  await new Promise((r) => setTimeout(r, 250));
  progress.stop();
  const after = term.written();
  await new Promise((r) => setTimeout(r, 250));
  assert.is(term.written(), after, 'nothing drawn after stop()');
  if (!underCi) assert.ok(after > 0 && after < 64 * 1024, `${after} bytes`);
});

spinner('startProgress hands the command\'s own stderr to the spinner', async () => {
  const term = fakeTerminal(0);
  const args = { progress: true, quiet: false } as Parameters<typeof startProgress>[0];
  const progress = await startProgress(args, { stdout: { write: () => true }, stderr: term.stream as never, env: {} });
  progress?.update(emptyStats());
  await new Promise((r) => setTimeout(r, 150));
  progress?.stop();
  assert.ok(term.written() < 4096, `${term.written()} bytes`);
});

spinner('NO_COLOR: the spinner glyph is not coloured (and is without NO_COLOR, so the test can tell)', async () => {
  if (underCi) {
    console.log('  (skipped: CI is set, ora draws nothing to look at)');
    return;
  }
  const level = chalk.level;
  chalk.level = 1;
  try {
    const drawn = async (env: Record<string, string>): Promise<string> => {
      let text = '';
      const term = fakeTerminal(80);
      const write = term.stream.write.bind(term.stream);
      term.stream.write = ((chunk: string | Buffer, ...rest: never[]) => ((text += String(chunk)), write(chunk, ...rest))) as typeof term.stream.write;
      const args = { progress: true, quiet: false } as Parameters<typeof startProgress>[0];
      const progress = await startProgress(args, { stdout: { write: () => true }, stderr: term.stream as never, env });
      await new Promise((r) => setTimeout(r, 250));
      progress?.stop();
      return text;
    };
    const cyan = '\u001b[36m';
    assert.ok((await drawn({})).includes(cyan), 'coloured glyph without NO_COLOR');
    const plain = await drawn({ NO_COLOR: '1' });
    assert.ok(plain.includes('Scanning'), 'the spinner still draws');
    assert.not.ok(/\u001b\[3\dm/.test(plain), `coloured under NO_COLOR: ${JSON.stringify(plain.slice(0, 200))}`);
  } finally {
    chalk.level = level;
  }
});

spinner.run();
