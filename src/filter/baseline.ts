// Baselines: the findings a team has accepted, so that only new leaks fail the build. A baseline holds
// fingerprints (hashes of kind, path and secret) and locations for people to read, never a secret.
import { readFile } from 'node:fs/promises';
import type { Finding } from '../types.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
}

export interface BaselineFile {
  version: 1;
  tool: 'keyhound';
  createdAt: string;
  findings: BaselineEntry[];
}

export type BaselineResult = { ok: true; fingerprints: Set<string> } | { ok: false; problems: string[] };

export function renderBaseline(findings: readonly Finding[], now = new Date()): string {
  const file: BaselineFile = {
    version: 1,
    tool: 'keyhound',
    createdAt: now.toISOString(),
    findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, line: f.line })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export async function loadBaseline(file: string): Promise<BaselineResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, problems: [`--baseline ${file}: cannot read: ${(err as Error).message}`] };
  }
  return parseBaseline(text, file);
}

export function parseBaseline(text: string, file: string): BaselineResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`--baseline ${file}: not JSON: ${(err as Error).message}`] };
  }
  const findings = (data as Partial<BaselineFile> | null)?.findings;
  if ((data as Partial<BaselineFile> | null)?.version !== 1 || !Array.isArray(findings)) {
    return { ok: false, problems: [`--baseline ${file}: not a keyhound baseline (write one with --baseline-write)`] };
  }
  const bad = findings.findIndex((f) => typeof (f as Partial<BaselineEntry>)?.fingerprint !== 'string');
  if (bad >= 0) return { ok: false, problems: [`--baseline ${file}: findings[${bad}] has no fingerprint`] };
  return { ok: true, fingerprints: new Set(findings.map((f) => (f as BaselineEntry).fingerprint)) };
}
