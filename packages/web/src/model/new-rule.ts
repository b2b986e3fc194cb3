/** The starting text of a new rule: a complete, valid rule for the chosen concept to edit from. */

/** Rule YAML for `concept`, with a placeholder pattern and one example of each kind. */
export function newRuleYaml(concept: string, id = `${concept}-custom`): string {
  return `# A rule flags contract language for one concept. Change the id, title, match and examples,
# then try it on contract text. The examples are checked every time you save.
id: ${id}
concept: ${concept}
title: Describe the risk in a few words
severity: medium
scope: sentence
kind: presence
match:
  all:
    - phrase: sole discretion
    - pattern: '\\b(?:payer|plan|company)\\b'
message: '{payer} decides at its sole discretion.'
explanation: |
  Say why this language is a risk for the provider, and what to ask for instead.
examples:
  flag:
    - Plan may change the fee schedule at its sole discretion.
  pass:
    - Plan may change the fee schedule only with Provider's written consent.
`;
}
