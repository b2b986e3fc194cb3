/** What the editor's check says about a rule that has no problems: how its examples ran, in words. */
import type { RuleValidation } from '@redliner/server';

/**
 * The sentence after "No problems found." A rule may have no examples at all (they are
 * optional), and then nothing was checked against them: say so instead of claiming they pass.
 */
export function examplesNote(examples: RuleValidation['examples']): string {
  if (examples.total === 0) return 'It has no examples yet: add flag and pass examples to pin down what it must and must not find.';
  if (examples.failed > 0) return `${examples.failed} of its ${examples.total} examples ${examples.failed === 1 ? 'does' : 'do'} not behave as declared.`;
  return examples.total === 1 ? 'Its one example behaves as declared.' : `All ${examples.total} of its examples behave as declared.`;
}
