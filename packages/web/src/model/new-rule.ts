/** The starting text of a new rule: a complete, valid rule for the chosen concept to edit from. */

/**
 * Rule YAML for `concept`, written the way rules are meant to read: who does what (`who` and
 * `does`), in the shared vocabulary of the bundled rules (`{may}`, `{discretion}`), with one
 * example of each kind that passes.
 */
export function newRuleYaml(concept: string, id = `${concept}-custom`): string {
  return `# A rule flags contract language for one concept. Change the id, title, match and examples,
# then try it on contract text. The examples are checked every time you save.
# {may} and {discretion} are vocabulary classes (see the Vocabulary tab); type { for the list.
id: ${id}
concept: ${concept}
title: Describe the risk in a few words
severity: medium
scope: sentence
kind: presence
match:
  all:
    # Who does what: the payer (not the provider) may change something...
    - who: payer
      does: '{may} change'
    # ...on its own judgment.
    - phrase: '{discretion}'
message: '{payer} may change terms at its sole discretion.'
explanation: |
  Say why this language is a risk for the provider, and what to ask for instead.
examples:
  flag:
    - Plan may change the fee schedule at its sole discretion.
    - Plan reserves the right to change its payment policies as it deems appropriate.
  pass:
    - Plan may change the fee schedule only with Provider's written consent.
    - Provider may change its billing address at its sole discretion.
`;
}
