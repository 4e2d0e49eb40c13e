// The library API: scan a string, files and folders, the staged changes or a range of history, and
// format the result with any reporter. See README "Library".
export { scan, DEFAULT_OPTIONS, type ScanOptions, type ScanOutcome } from './run.js';
export { scanString, scanStaged, scanHistory, formatResult, REPORTERS, type FormatName, type FormatOptions, type LibraryOptions } from './api.js';
export { detect } from './detect/detector.js';
export { loadBuiltinRules, loadRuleFiles, type CompiledRule } from './rules/load.js';
export { accountIdOf, keyTypeOf } from './detect/aws.js';
export type { Source, Item, SourceEvent, SourceContext } from './scan/source.js';
export type { Finding, ScanError, ScanResult, Stats, Severity, Fragment } from './types.js';
