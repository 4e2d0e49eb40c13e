// The provider registry: the core (detector, pairing, redaction, reporters) asks here about a rule's
// provider and part instead of knowing any service itself. A provider named only in rule data (no code
// here) is valid: its parts are whatever its rules say, labelled from their names.
import { aws } from './aws/index.js';
import type { PartInfo, Provider } from './types.js';

export type { PartInfo, Provider, ValueFacts } from './types.js';

const PROVIDERS: ReadonlyMap<string, Provider> = new Map([[aws.id, aws]]);

/** The provider with code behind it, or undefined (unknown, or a data-only provider). */
export function providerOf(id: string | undefined): Provider | undefined {
  return id === undefined ? undefined : PROVIDERS.get(id);
}

/** Every provider with code behind it. */
export const knownProviders = (): Provider[] => [...PROVIDERS.values()];

/** What a rule finds, as far as the core cares: its provider and credential part, both optional. */
export interface RulePart {
  id: string;
  provider?: string;
  part?: string;
}

/** What the rule's provider knows of its part; own keys only, so a part named `constructor` is no part. */
export function partInfo(rule: Pick<RulePart, 'provider' | 'part'>): PartInfo | undefined {
  const parts = providerOf(rule.provider)?.parts;
  return rule.part === undefined || parts === undefined || !Object.hasOwn(parts, rule.part) ? undefined : parts[rule.part];
}

/** How reports name a value: the part's label ("access key ID"), its name ("token"), else "secret". */
export function partLabel(rule: Pick<RulePart, 'provider' | 'part'>): string {
  if (rule.part === undefined) return 'secret';
  return partInfo(rule)?.label ?? rule.part.replace(/-/g, ' ');
}

/**
 * What a finding's fingerprint hashes besides path and value: provider-qualified part (`github/token`),
 * or the rule id for a rule without a part. So findings of different providers never share one, and a
 * rule that is refined (or replaced by another rule for the same part) keeps its findings' fingerprints.
 * Rule ids are kebab-case (no `/`); a provider's bare identities (AWS's) are reserved as rule ids.
 */
export function identityOf(rule: RulePart): string {
  if (rule.part === undefined || rule.provider === undefined) return rule.id;
  const provider = providerOf(rule.provider);
  return provider?.identityOf?.(rule.part) ?? `${rule.provider}/${rule.part}`;
}

/** Identities that are not provider-qualified, which a rule id must not take ("secret-key"). */
export function reservedIdentities(): string[] {
  return knownProviders().flatMap((p) => Object.keys(p.parts).map((part) => p.identityOf?.(part) ?? `${p.id}/${part}`)).filter((id) => !id.includes('/'));
}

/** Characters of `value` redaction may keep at each end, when a provider recognises its shape. */
export function redactionKeep(value: string): number | undefined {
  for (const p of PROVIDERS.values()) {
    const keep = p.redactionKeep?.(value);
    if (keep !== undefined) return keep;
  }
  return undefined;
}
