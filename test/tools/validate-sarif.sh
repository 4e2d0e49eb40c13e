#!/usr/bin/env bash
# Checks a SARIF file with Microsoft's SARIF Multitool (its schema check plus the SARIF guideline rules).
# Optional and not part of `npm test`: the tool is a 43 MB self-contained Linux binary fetched by npx.
#
# Usage: test/tools/validate-sarif.sh [FILE.sarif]
#   With no FILE, validates what the built reporter (dist/) makes of the test sample: run `npm run build` first.
# Exit: 0 no errors or warnings (notes are listed, not failed on); 1 errors or warnings; 2 could not run.
set -euo pipefail

MULTITOOL='@microsoft/sarif-multitool@5.7.0'
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The package's bin runs the tool through a shell, so it is only ever given paths without special characters.
if [ $# -ge 1 ]; then
  [ -f "$1" ] || { echo "validate-sarif: no such file: $1" >&2; exit 2; }
  cp "$1" "$work/input.sarif"
else
  (cd "$root" && node --input-type=module -e "
    import { sarif } from './dist/src/report/sarif.js';
    import { sampleScan } from './dist/test/helpers/sample-findings.js';
    const s = sampleScan();
    process.stdout.write(sarif(s.result, s.ctx));
  ") > "$work/input.sarif" || { echo 'validate-sarif: build first (npm run build)' >&2; exit 2; }
fi

npx --yes "$MULTITOOL" validate "$work/input.sarif" --output "$work/report.sarif" \
  --log ForceOverwrite --level '"Error;Warning;Note"' || { echo 'validate-sarif: the Multitool failed to run' >&2; exit 2; }
[ -f "$work/report.sarif" ] || { echo 'validate-sarif: the Multitool wrote no report' >&2; exit 2; }

# The Multitool exits 0 even when it finds errors (it listed them above), so its own SARIF report decides.
node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const count = { error: 0, warning: 0, note: 0 };
  for (const r of log.runs[0].results ?? []) count[r.level ?? "warning"] += 1;
  console.log(`validate-sarif: ${count.error} errors, ${count.warning} warnings, ${count.note} notes`);
  process.exit(count.error + count.warning > 0 ? 1 : 0);
' "$work/report.sarif"
