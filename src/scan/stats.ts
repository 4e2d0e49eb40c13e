// The counts every scan mode keeps.
import type { Stats } from '../types.js';

export function emptyStats(): Stats {
  return {
    filesScanned: 0,
    bytesScanned: 0,
    findings: 0,
    skipped: { binary: 0, tooLarge: 0, symlink: 0, gitignored: 0, excluded: 0, allowlisted: 0 },
    suppressed: { inline: 0, ignoreFile: 0, baseline: 0 },
    errors: 0,
    durationMs: 0,
  };
}
