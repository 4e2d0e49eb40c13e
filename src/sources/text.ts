// A string as a source (the library's scanString): one item, the string's UTF-8 bytes, reported under
// the path given. Scanned like a file of that name: binary sniffing, decoding and detection included.
import type { BaseLookup, BytesItem, Source, SourceContext, SourceEvent } from '../scan/source.js';
import { tooLargeError } from './fs-error.js';

export interface TextSourceOptions {
  text: string;
  /** Reported as this path (and fingerprinted with it); default `<text>`. */
  path?: string;
  /** Where .keyhound.yml and .keyhoundignore are looked for; default process.cwd(). */
  cwd?: string;
}

export class TextSource implements Source<BytesItem> {
  readonly mode = 'scan';

  constructor(private readonly opts: TextSourceOptions) {}

  async base(): Promise<BaseLookup> {
    return { ok: true, dir: this.opts.cwd ?? process.cwd() };
  }

  async *events(ctx: SourceContext): AsyncGenerator<SourceEvent<BytesItem>> {
    const path = this.opts.path ?? '<text>';
    const bytes = Buffer.from(this.opts.text, 'utf8');
    const skip = ctx.skipPath(path);
    if (skip !== undefined) yield { type: 'skip', reason: skip, path };
    else if (bytes.length > ctx.maxFileSize) yield { type: 'error', error: tooLargeError(path, bytes.length, ctx.maxFileSize) };
    else yield { type: 'item', item: { kind: 'bytes', path, size: bytes.length }, content: bytes };
  }

  close(): void {}
}
