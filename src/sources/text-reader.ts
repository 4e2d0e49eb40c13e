// Bytes to text as they are read, in bounded memory: the streaming counterpart of decode.ts, with the
// same sniffing (sniffEncoding) and the same decoding, so a streamed file reads as the whole file would.
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import type { ByteSource } from './byte-source.js';
import { BINARY_SNIFF_BYTES, sniffEncoding } from './decode.js';

/** The file's text, decoded as decode.ts does, held from `base` on; earlier text is dropped. */
export class TextReader {
  text = '';
  /** Absolute offset (in characters of the whole text) of text[0]. */
  base = 0;
  eof = false;
  bytes = 0;
  /** Newlines before `base`, and where the line holding `base` starts. */
  newlinesBefore = 0;
  lineStartBefore = 0;
  /**
   * UTF-8 through StringDecoder: it holds back a character split across reads and decodes the rest with
   * Buffer's decoder, as decode.ts does (same U+FFFD for invalid bytes), into one-byte strings for ASCII
   * text where TextDecoder's are two bytes a character: half the memory per window.
   */
  private utf8: StringDecoder | undefined = new StringDecoder('utf8');
  private utf16: TextDecoder | undefined;
  private readonly buf: Buffer;

  constructor(private readonly source: ByteSource, private readonly readSize: number) {
    this.buf = Buffer.alloc(Math.max(readSize, BINARY_SNIFF_BYTES));
  }

  get end(): number {
    return this.base + this.text.length;
  }

  /** The bytes start() read, while nothing else has been: a binary's first bytes, for its strings. */
  get head(): Buffer {
    return this.buf.subarray(0, this.bytes);
  }

  /** Reads the start of the file and picks the decoding; false when the file is binary. */
  async start(): Promise<boolean> {
    let got = 0;
    while (got < BINARY_SNIFF_BYTES) {
      const bytesRead = await this.source.read(this.buf, got, this.buf.length - got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.bytes = got;
    const head = this.buf.subarray(0, got);
    const encoding = sniffEncoding(head);
    if (encoding === 'binary') return false;
    if (encoding !== 'utf-8') [this.utf8, this.utf16] = [undefined, new TextDecoder(encoding)];
    this.eof = got < BINARY_SNIFF_BYTES;
    this.append(head);
    // decode.ts drops a UTF-8 byte-order mark; the UTF-16 decoders drop theirs themselves (and only that one).
    if (encoding === 'utf-8' && this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1);
    return true;
  }

  /** Reads until the text reaches absolute offset `target` or the file ends. */
  async fill(target: number): Promise<void> {
    while (!this.eof && this.end < target) {
      const bytesRead = await this.source.read(this.buf, 0, this.readSize);
      if (bytesRead === 0) this.eof = true;
      this.bytes += bytesRead;
      this.append(this.buf.subarray(0, bytesRead));
    }
  }

  /** Forgets the text before absolute offset `to`, counting its newlines. */
  drop(to: number): void {
    if (to <= this.base) return;
    const gone = this.text.slice(0, to - this.base);
    this.newlinesBefore += countNewlines(gone);
    const last = gone.lastIndexOf('\n');
    if (last !== -1) this.lineStartBefore = this.base + last + 1;
    this.text = this.text.slice(to - this.base);
    this.base = to;
  }

  /** A character split across reads is held back by the decoder until its last byte is read. */
  private append(bytes: Buffer): void {
    if (this.utf8) this.text += this.eof ? this.utf8.end(bytes) : this.utf8.write(bytes);
    else this.text += this.utf16!.decode(bytes, { stream: !this.eof });
  }
}


export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

