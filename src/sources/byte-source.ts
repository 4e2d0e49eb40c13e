// Byte sources: where content comes from when it is read in pieces (a large file, a FIFO, a device,
// standard input). They only produce bytes; what scans them is in src/scan/.
import { read } from 'node:fs';
import { open } from 'node:fs/promises';

/** Where a streamed scan reads its bytes from: a file, a descriptor, standard input. */
export interface ByteSource {
  /** Reads up to `length` bytes into buf at `offset`; 0 at the end. */
  read(buf: Buffer, offset: number, length: number): Promise<number>;
  /** Stops reading early (standard input is not drained). */
  close?(): Promise<void> | void;
}

/** An open file descriptor (a FIFO, a device, a regular file) as a source; the caller closes it. */
export function fdSource(fd: number): ByteSource {
  return {
    read: (buf, offset, length) => new Promise((resolve, reject) => read(fd, buf, offset, length, null, (err, n) => (err ? reject(err) : resolve(n)))),
  };
}

/** An async iterable of byte chunks (standard input) as a source: reads a chunk only when asked, so the producer is held back. */
export function iterableSource(chunks: AsyncIterable<Uint8Array>): ByteSource {
  const it = chunks[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  let done = false;
  return {
    async read(buf, offset, length) {
      while (pending.length === 0 && !done) {
        const next = await it.next();
        if (next.done) done = true;
        else pending = next.value;
      }
      const n = Math.min(length, pending.length);
      buf.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      if (!done) await it.return?.();
    },
  };
}


/** The file at `abs`, opened now; close() closes it. */
export async function fileSource(abs: string | Buffer): Promise<ByteSource> {
  const handle = await open(abs, 'r');
  return {
    read: async (buf, offset, length) => (await handle.read(buf, offset, length, null)).bytesRead,
    close: () => handle.close(),
  };
}

/** Reads at most `max` bytes of `inner`, then looks one byte further to tell whether the input went on. */
export class LimitedSource implements ByteSource {
  truncated = false;
  private count = 0;
  constructor(private readonly inner: ByteSource, private readonly max: number) {}

  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    if (this.count >= this.max) {
      if (!this.truncated && length > 0) this.truncated = (await this.inner.read(Buffer.alloc(1), 0, 1)) > 0;
      return 0;
    }
    const n = await this.inner.read(buf, offset, Math.min(length, this.max - this.count));
    this.count += n;
    return n;
  }
}

