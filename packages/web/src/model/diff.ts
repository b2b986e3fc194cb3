/** Pure view model for a suggested change: what is struck out and what is added. */
import { diffWords } from 'diff';
import type { Finding, Redline } from '../types.ts';

export interface DiffPart {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

/** Below this share of unchanged characters a change is shown as a whole replacement (as the redline writes it). */
const MIN_UNCHANGED = 0.5;

/** Word-level difference between the contract's language and the proposed language. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  if (!before) return after ? [{ kind: 'inserted', text: after }] : [];
  if (!after) return [{ kind: 'deleted', text: before }];
  const changes = diffWords(before, after);
  // Mostly rewritten: the old clause struck and the new one underlined read better than a confetti of fragments.
  const unchanged = changes.reduce((n, c) => (c.added || c.removed ? n : n + c.value.length), 0);
  if (unchanged < MIN_UNCHANGED * Math.max(before.length, after.length)) return [{ kind: 'deleted', text: before }, { kind: 'inserted', text: after }];
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind: DiffPart['kind'] = change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** The contract language a redline changes ('' for a pure insertion). */
export function originalText(documentText: string, finding: Finding, redline: Redline): string {
  if (redline.op === 'insert') return '';
  const span = redline.span ?? finding.span;
  if (span && span.end > span.start && span.end <= documentText.length) return documentText.slice(span.start, span.end);
  return finding.quote;
}

/** The options the reader can accept: the preferred wording, then each fallback. */
export interface RedlineOption {
  /** undefined for the preferred wording, else the fallback's index (what the API calls `alternative`). */
  alternative: number | undefined;
  label: string;
  text: string;
}

export function redlineOptions(redline: Redline | undefined): RedlineOption[] {
  if (!redline) return [];
  const options: RedlineOption[] = [{ alternative: undefined, label: redline.op === 'delete' ? 'Strike this language' : 'Preferred wording', text: redline.text }];
  redline.alternatives.forEach((text, index) => options.push({ alternative: index, label: `Fallback ${index + 1}`, text }));
  return options;
}

/** The diff shown for one option of a finding's redline. */
export function redlineDiff(documentText: string, finding: Finding, text: string): DiffPart[] {
  const redline = finding.redline;
  if (!redline) return [];
  const before = originalText(documentText, finding, redline);
  if (redline.op === 'delete') return wordDiff(before, '');
  return wordDiff(before, text);
}
