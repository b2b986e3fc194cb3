/**
 * Edits a ruleset manifest's `disable:` list in place, keeping the author's comments and
 * layout, so turning a rule off from the web editor leaves a file a person can still read.
 */
import { isSeq, parseDocument } from 'yaml';

/** `text` with `ruleId` added to (`off`) or removed from the `disable:` list; unchanged when already so. */
export function setRuleDisabled(text: string, ruleId: string, off: boolean): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`the ruleset manifest is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const current = doc.get('disable');
  const ids = isSeq(current) ? current.items.map((item) => String((item as { value?: unknown }).value ?? item)) : [];
  const has = ids.includes(ruleId);
  if (has === off) return text;
  const next = off ? [...ids, ruleId].sort() : ids.filter((id) => id !== ruleId);
  if (next.length === 0) doc.delete('disable');
  else doc.set('disable', doc.createNode(next, { flow: false }));
  return doc.toString();
}
