// The Source interface: what every scan mode (a folder walk, standard input, the staged index, history
// blobs, and later archives) gives the orchestrator (orchestrate.ts). A source only produces: it finds
// content and says where it is; it never runs the detector. The orchestrator filters paths, scans the
// content (in this thread or a worker pool), and hands each item's findings back to the source's
// post-filter, in the order the items were yielded.
import type { ByteSource } from '../sources/byte-source.js';
import type { CommitRef, Finding, ScanError, SkipCounts } from '../types.js';

interface Located {
  /** Where findings are reported: relative to the source's base (root()), '/' separators. */
  path: string;
  /** Prefixed to the message of a warning about this item (a blob: which blob, added where). */
  label?: string;
}

/** A file on disk, read (or streamed, when large) by whichever thread scans it. */
export interface FileItem extends Located {
  kind: 'file';
  /** As opened: bytes when the name is not valid UTF-8. */
  abs: string | Buffer;
  /** Bytes, 0 if unknown (a FIFO named on the command line). */
  size: number;
}

/** A git blob, read by the source (its content travels in the event, not in the item). */
export interface BlobItem extends Located {
  kind: 'blob';
  oid: string;
  size: number;
  /** History: the commit the blob first appeared in at this path. */
  commit?: CommitRef;
  /** The blob at this path before the change (staged: in HEAD; history: in the first parent). */
  previous?: string;
}

/** Bytes the source already holds (a string given to the library); the content travels in the event. */
export interface BytesItem extends Located {
  kind: 'bytes';
  size: number;
}

/** Content of unknown length read in pieces (standard input): always scanned in this thread. */
export interface StreamItem extends Located {
  kind: 'stream';
  source: ByteSource;
}

export type Item = FileItem | BlobItem | BytesItem | StreamItem;

export type SourceEvent<I extends Item = Item> =
  /** `content`: the bytes of a blob or bytes item (files and streams are read when scanned). */
  | { type: 'item'; item: I; content?: Uint8Array }
  /** Seen and deliberately not scanned. */
  | { type: 'skip'; reason: keyof SkipCounts; path: string }
  /** One input that could not be scanned (a too-large one is counted as skipped too). */
  | { type: 'error'; error: ScanError }
  /** A caveat about the whole scan (a shallow clone, missing objects). */
  | { type: 'warning'; message: string };

/** What the orchestrator gives a source to produce its items. */
export interface SourceContext {
  /** Content larger than this is not read: an error event of kind 'too-large'. */
  maxFileSize: number;
  /**
   * The path filters (the configuration's allowlist, keyhound's own files): why `path` is not to be
   * scanned, or undefined. Every source asks BEFORE reading the content, and yields a skip instead.
   */
  skipPath(path: string): keyof SkipCounts | undefined;
  /** The globs behind skipPath, for a walker that prunes whole folders (skipPath still decides files). */
  allowPaths: readonly string[];
  /** keyhound's own files (the configuration and ignore file in use), relative to the base. */
  ownFiles: readonly string[];
}

/** The folder that locations are relative to, where .keyhound.yml and .keyhoundignore are looked for. */
export type BaseLookup = { ok: true; dir: string } | { ok: false; messages: string[] };

export interface Source<I extends Item = Item> {
  /** For reports (SARIF's and the text report's wording). */
  readonly mode: 'scan' | 'staged' | 'history';
  /** Prefixed to the message of an unexpected failure ("reading git history failed"). */
  readonly failurePrefix?: string;
  /** The base directory (a repository's top level, or the working directory), found once. */
  base(): Promise<BaseLookup>;
  /**
   * The items, skips, errors and warnings, in a stable order. A problem that stops the whole scan
   * (not a repository, a bad revision, git failing) is thrown as a SourceFailure.
   */
  events(ctx: SourceContext): AsyncIterable<SourceEvent<I>>;
  /**
   * The findings of one item that this source reports (staged: on added lines and not already in
   * HEAD; history: once per fingerprint, at the introducing commit). Called in item order.
   */
  postFilter?(item: I, findings: Finding[]): Promise<Finding[]> | Finding[];
  /** After every item is scanned: completes the findings kept (history: atHead). */
  complete?(findings: Finding[]): Promise<void>;
  /** Releases what the source holds (git processes), whatever happened; a second call does nothing. */
  close(): Promise<void> | void;
}

/** A problem that stops the scan, with a one-line message for the user. */
export class SourceFailure extends Error {}
