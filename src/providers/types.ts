// What the core may ask of a provider: the service whose credentials a group of rules finds (AWS first).
// Rules name their provider and the credential part they find (rules/*.yml: provider, part, pairs); a
// provider with code behind it adds what data cannot say: labels, offline facts about a value, the
// names that introduce its parts (for pairing), and how much of a value redaction may keep.
// A provider without code (a rules file with `provider: github`) works without any of this.

/** One part of a provider's credential: an access key ID, a secret access key, a session token. */
export interface PartInfo {
  /** How reports name a value of this part: "access key ID", "secret access key". */
  label: string;
  /**
   * The name that introduces a value of this part (`aws_access_key_id = `), as a regex anchored at the
   * end ($) and starting with its literal; pairing prefers partners introduced by their names.
   */
  name?: RegExp;
}

import type { Finding } from '../types.js';
import type { VerifyOptions } from '../verify/verify.js';

export type EnrichOutcome = { ok: true } | { ok: false; message: string };

/** Adds what needs more than the value (a canary list, a network check) to a provider's findings; mutates them. */
export type Enricher = (findings: Finding[], verify: VerifyOptions | undefined) => Promise<EnrichOutcome>;

/** Facts a value says about itself, offline (an AWS key ID: its key type and account). */
export interface ValueFacts {
  keyType?: string;
  accountId?: string;
}

export interface Provider {
  id: string;
  /** The parts it knows; a rule of this provider must name one of them. */
  parts: Readonly<Record<string, PartInfo>>;
  /**
   * The identity a finding of `part` hashes into its fingerprint. Default: `provider/part`. AWS keeps
   * the bare part name its fingerprints hashed before providers existed, so baselines stay valid.
   */
  identityOf?(part: string): string;
  /** Offline facts about a value of `part`; only called for findings, so it may do a little work. */
  factsOf?(part: string, value: string): ValueFacts | undefined;
  /**
   * Where its credentials belong instead of the code, after "load it from an environment variable, ":
   * the staged report's advice names it when one of the provider's keys blocked the commit.
   */
  credentialSources?: string;
  /**
   * Loads (lazily: it may pull in a canary list, a request signer) what enriches this provider's
   * findings after suppression, with --verify or without. Called only when there are some.
   */
  loadEnricher?(): Promise<Enricher>;
  /**
   * Characters redaction may keep at each end of `value` when it has this provider's public shape
   * (an AWS key ID keeps its prefix, the key type), or undefined: the default (at most 4, a tenth).
   */
  redactionKeep?(value: string): number | undefined;
}
