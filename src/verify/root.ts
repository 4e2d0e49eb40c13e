// What a verification does to a finding's severity, and what to do about a live root key.
import type { Severity } from '../types.js';
import type { Verification } from './verify.js';

/**
 * For a live key whose ARN is the account's root user (arn:aws:iam::<account>:root). Drawn from AWS's
 * "Root user best practices for your AWS account" and "Delete access keys for the root user" (IAM User
 * Guide) and CIS AWS Foundations ("Ensure no 'root' user account access key exists").
 */
export const ROOT_REMEDIATION =
  "This is a live access key of the AWS account's root user: it can do anything in the account, " +
  'including billing and closing it, and no IAM policy limits it. Sign in as the root user now and, under ' +
  'Security credentials > Access keys, deactivate and then delete this key (AWS recommends the root user ' +
  'have no access keys at all). Turn on MFA for the root user and change its password if it may also be ' +
  'exposed. Do everyday work as an IAM Identity Center user or an IAM role (or, failing that, an IAM user) ' +
  'with only the permissions it needs, never as root. Review CloudTrail for calls made with this key ' +
  '(userIdentity.type "Root" and its accessKeyId) since it was first committed, and look for IAM users, ' +
  'access keys, roles and resources you did not create. Then remove the key from the code and from git history.';

export const ROOT_REFERENCES: readonly string[] = [
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
];

/**
 * A severity with one level above critical: a live root key. `root` is only ever assigned by
 * verification (a rule cannot know whose key it matched). Ordered like SEVERITIES in src/types.ts.
 */
export type VerifiedSeverity = Severity | 'root';
export const VERIFIED_SEVERITIES: readonly VerifiedSeverity[] = ['low', 'medium', 'high', 'critical', 'root'];

/**
 * The severity a finding gets once verified (`base`: its severity from the scan):
 * - live, root user: 'root'; live, anything else: 'critical' (a usable credential);
 * - canary: 'low' (a planted decoy: harmless unless you meant to leave it there, and do not use it);
 * - invalid: 'low' (AWS rejected it: deleted, wrong secret, expired or inactive);
 * - unknown, or not verified: `base`, unchanged.
 */
export function severityFor(verification: Verification | undefined, base: Severity = 'critical'): VerifiedSeverity {
  switch (verification?.status) {
    case 'live':
      return verification.principalType === 'root' ? 'root' : 'critical';
    case 'canary':
    case 'invalid':
      return 'low';
    default:
      return base;
  }
}

/** The remediation to show for a verified finding: ROOT_REMEDIATION for a live root key, else the rule's. */
export function remediationFor(verification: Verification | undefined, base: string): string {
  return verification?.status === 'live' && verification.principalType === 'root' ? ROOT_REMEDIATION : base;
}
