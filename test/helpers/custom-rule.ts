// A custom rule, as a user would add it in .keyhound.yml or a rules file, for the configuration tests.
export const CUSTOM_RULE_YAML = `  - id: acme-api-token
    title: ACME API token
    description: A token for the ACME API.
    severity: high
    regex: '\\b(acme_[a-z0-9]{16})\\b'
    keywords: [acme_]
    examples: ['token = acme_0123456789abcdef']
    negativeExamples: ['acme_short']
    remediation: Revoke it in the ACME console.
    references: []
`;
