// The library API: scan a string, files and folders, the staged changes or a range of history, and
// format the result with any reporter. See README "Library".
export { scan, DEFAULT_OPTIONS, type ScanOptions, type ScanOutcome } from './run.js';
export { scanString, scanStaged, scanHistory, scanSource, formatResult, REPORTERS, type FormatName, type FormatOptions, type LibraryOptions } from './api.js';
export { detect } from './detect/detector.js';
export { loadBuiltinRules, loadRuleFiles, type CompiledRule } from './rules/load.js';
export { accountIdOf, keyTypeOf } from './providers/aws/keys.js';
export { SourceFailure, type Source, type Item, type FileItem, type BlobItem, type BytesItem, type StreamItem, type SourceEvent, type SourceContext, type BaseLookup } from './scan/source.js';
export type { Finding, ScanError, ScanResult, Stats, Severity, Fragment } from './types.js';
