/** Worker-thread entry for rule checks (see rule-check.ts): piscina calls the default export. */
import { checkRule, type RuleCheck, type RuleCheckTask } from './rule-check.ts';

/** Piscina task: check one rule. */
export default function checkTask(task: RuleCheckTask): RuleCheck {
  return checkRule(task);
}
