// The reporter contract: a pure function from a finished scan to the text written to the output.
import type { ScanResult, Severity } from '../types.js';

/** What a reporter may say about a rule (SARIF lists every rule in tool.driver.rules). */
export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  /** The service whose credential the rule finds (SARIF tags it), if any. */
  provider?: string;
  remediation: string;
  references: string[];
}

export interface ReportContext {
  /** Every active rule, in rules-file order. */
  rules: RuleInfo[];
  /** Emit ANSI colours (text format only); decided by the CLI from the TTY and NO_COLOR. */
  color: boolean;
  /** --quiet: the text report shows findings only (no warnings, advice or summary). */
  quiet?: boolean;
  toolName: string;
  toolVersion: string;
  /** The scanned roots as the user named them, for headers and SARIF originalUriBaseIds. */
  roots: string[];
  /** Which command produced the result: the text report's advice differs (a blocked commit, history). */
  mode?: 'scan' | 'staged' | 'history';
  /** --sarif-base-uri: what %SRCROOT% stands for in SARIF; without it the scanning machine's folder is not told. */
  sarifBaseUri?: string;
  /** For git scans: the repository, for SARIF versionControlProvenance. */
  vcs?: { repositoryUri?: string; revisionId?: string; branch?: string };
}

/** Every format's words for a history finding whose commit a shallow clone cannot tell (Finding.beforeShallowBoundary). */
export const SHALLOW_NOTE = 'introduced before the shallow boundary (commit unknown)';

/** Findings arrive already redacted (unless --no-redact) and sorted by path, line, column. */
export type Reporter = (result: ScanResult, ctx: ReportContext) => string;

/** How a finding in decoded text says so: "decoded from base64 + json-escape" (what was undone, in order). */
export const decodedNote = (decoded: readonly string[]): string => `decoded from ${decoded.join(' + ')}`;
