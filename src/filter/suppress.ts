// Suppression: drops findings the user has marked as reviewed (inline, .keyhoundignore, baseline)
// and counts each, so that nothing disappears without a trace.
import type { Finding, SuppressedCounts, UnusedIgnore } from '../types.js';

export interface Suppressions {
  /** False with --no-suppress: everything is reported. */
  enabled: boolean;
  /** .keyhoundignore: fingerprint → line in the file. */
  ignore: Map<string, number>;
  baseline: Set<string>;
}

export interface Suppressed {
  kept: Finding[];
  counts: SuppressedCounts;
  unusedIgnores: UnusedIgnore[];
}

export const noSuppressions = (): Suppressions => ({ enabled: true, ignore: new Map(), baseline: new Set() });

export function suppress(findings: readonly Finding[], s: Suppressions): Suppressed {
  const counts: SuppressedCounts = { inline: 0, ignoreFile: 0, baseline: 0 };
  const used = new Set<string>();
  const kept = findings.filter((f) => {
    if (!s.enabled) return true;
    if (f.inlineAllow !== undefined) counts.inline++;
    else if (s.ignore.has(f.fingerprint)) {
      counts.ignoreFile++;
      used.add(f.fingerprint);
    } else if (s.baseline.has(f.fingerprint)) counts.baseline++;
    else return true;
    return false;
  });
  const unusedIgnores = [...s.ignore].filter(([fp]) => !used.has(fp)).map(([fingerprint, line]) => ({ fingerprint, line }));
  return { kept, counts, unusedIgnores };
}
