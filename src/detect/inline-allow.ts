// Inline annotations that mark a line as reviewed: keyhound's own, and those of gitleaks and
// detect-secrets, so that a project moving to keyhound keeps the annotations it already has.

const MARKERS = /keyhound:allow|gitleaks:allow|pragma: (?:allow|white)list secret/;

/** The marker on any of the given lines, if there is one. */
export function inlineAllowMarker(lines: string): string | undefined {
  return MARKERS.exec(lines)?.[0];
}
