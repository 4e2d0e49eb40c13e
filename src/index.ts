// The library API: scan folders from code, or run the detector on text you already have.
export { scan, DEFAULT_OPTIONS, type ScanOptions, type ScanOutcome } from './run.js';
export { detect } from './detect/detector.js';
export { loadBuiltinRules, loadRuleFiles, type CompiledRule } from './rules/load.js';
export { accountIdOf, keyTypeOf } from './providers/aws/keys.js';
export type { Finding, ScanError, ScanResult, Stats, Severity, Fragment } from './types.js';
