/**
 * The text of a finding's comment as plain paragraphs of runs, independent of the writer: the
 * OOXML comment builder (DOCX sources) and the `docx` library (PDF sources) both render it.
 * The rule explanation is Markdown; Word comments have no Markdown, so we map it to runs.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Audience, PlannedFinding } from './decisions.ts';

/** One run of comment text. */
export interface CommentRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One comment paragraph. */
export type CommentParagraph = CommentRun[];

/** Convert Markdown to plain paragraphs: emphasis → italics, strong → bold, list items → "• " paragraphs. */
export function markdownToParagraphs(markdown: string): CommentParagraph[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const out: CommentParagraph[] = [];
  const block = (node: RootContent, prefix = '') => {
    switch (node.type) {
      case 'paragraph':
        out.push(withPrefix(prefix, phrasing(node.children)));
        return;
      case 'heading':
        out.push(withPrefix(prefix, phrasing(node.children).map((r) => ({ ...r, bold: true }))));
        return;
      case 'list':
        node.children.forEach((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
          item.children.forEach((child, j) => block(child, j === 0 ? prefix + marker : prefix + '   '));
        });
        return;
      case 'blockquote':
        for (const child of node.children) block(child, prefix);
        return;
      case 'code':
        out.push(withPrefix(prefix, [{ text: node.value }]));
        return;
      default:
        if ('value' in node && typeof node.value === 'string') out.push(withPrefix(prefix, [{ text: node.value }]));
    }
  };
  for (const node of tree.children) block(node);
  return out.filter((p) => p.some((r) => r.text.trim() !== ''));
}

function withPrefix(prefix: string, runs: CommentRun[]): CommentParagraph {
  return prefix ? [{ text: prefix }, ...runs] : runs;
}

function phrasing(nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean } = {}): CommentRun[] {
  const runs: CommentRun[] = [];
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') runs.push({ text: node.value.replace(/\s*\n\s*/g, ' '), ...style });
    else if (node.type === 'strong') runs.push(...phrasing(node.children, { ...style, bold: true }));
    else if (node.type === 'emphasis') runs.push(...phrasing(node.children, { ...style, italic: true }));
    else if (node.type === 'link') {
      runs.push(...phrasing(node.children, style));
      // Comments cannot hold a clickable link without extra relationships; show the address.
      runs.push({ text: ` (${node.url})`, ...style });
    } else if (node.type === 'break') runs.push({ text: ' ', ...style });
    else if ('children' in node) runs.push(...phrasing(node.children as PhrasingContent[], style));
  }
  return runs;
}

const OUTCOME_WORDS = { accepted: 'Accepted', edited: 'Accepted with edits', rejected: 'Rejected', undecided: 'Not decided yet' } as const;

/**
 * The comment for one finding: what was found, why it matters, the suggestion when it was not
 * applied as a tracked change, the decision and its reason, and the rule id.
 */
export function findingComment(plan: PlannedFinding, skippedReason?: string): CommentParagraph[] {
  const f = plan.finding;
  const paragraphs: CommentParagraph[] = [[{ text: `${f.severity.toUpperCase()} risk: `, bold: true }, { text: f.message }]];
  paragraphs.push(...markdownToParagraphs(f.explanation));
  if (skippedReason && plan.change) {
    paragraphs.push([{ text: 'Suggested language (not applied as a tracked change: ', italic: true }, { text: skippedReason, italic: true }, { text: '): ', italic: true }, { text: plan.change.text }]);
  } else if ((plan.outcome === 'rejected' || plan.outcome === 'undecided') && f.redline?.text) {
    paragraphs.push([{ text: 'Suggested language (not applied): ', italic: true }, { text: f.redline.text }]);
  }
  if (f.redline?.note) paragraphs.push([{ text: 'Note: ', bold: true }, { text: f.redline.note }]);
  const decision: CommentRun[] = [{ text: 'Decision: ', bold: true }, { text: OUTCOME_WORDS[plan.outcome] }];
  if (plan.reason) decision.push({ text: ` — ${plan.reason}` });
  paragraphs.push(decision);
  paragraphs.push([{ text: `Rule: ${f.ruleId}`, italic: true }]);
  return paragraphs;
}

/** The first paragraph of the internal copy's first comment, so the file is never mistaken for the payer copy. */
export const INTERNAL_MARKER = 'INTERNAL — not for the payer';

// A placeholder left unfilled would show the payer our template; such a comment is left out.
const UNFILLED = /\{[a-z][a-z-]*\}/;

/**
 * The payer copy's comment for one finding: the rule's payer comment (written for the other
 * side), and, when the change could not be made as a tracked change, the proposed wording so
 * the request is not lost. Nothing internal: no severity, rationale, note, decision or rule id.
 */
export function payerComment(plan: PlannedFinding, skippedReason?: string): CommentParagraph[] {
  const paragraphs: CommentParagraph[] = [];
  const text = plan.finding.redline?.payerComment?.trim();
  if (text && !UNFILLED.test(text)) paragraphs.push([{ text }]);
  if (skippedReason && plan.change && plan.change.text.trim() && !UNFILLED.test(plan.change.text)) {
    paragraphs.push([{ text: 'Proposed wording: ', italic: true }, { text: plan.change.text.trim() }]);
  }
  return paragraphs;
}

/** The comment for one finding in the copy for `audience` (empty: no comment). */
export function commentFor(audience: Audience, plan: PlannedFinding, skippedReason?: string): CommentParagraph[] {
  return audience === 'payer' ? payerComment(plan, skippedReason) : findingComment(plan, skippedReason);
}

/**
 * Mark the internal copy's first comment in reading order (in place), so whoever opens the file
 * sees at once that it is not for the payer; the payer copy is left as it is.
 */
export function markFirstComment<T extends { paragraphs: CommentParagraph[] }>(audience: Audience, comments: T[], positionOf: (comment: T) => number): void {
  if (audience !== 'internal' || comments.length === 0) return;
  const first = comments.reduce((a, b) => (positionOf(b) < positionOf(a) ? b : a));
  first.paragraphs.unshift([{ text: INTERNAL_MARKER, bold: true }]);
}

/** Where a finding sits in the document text, for ordering its comment. */
export function findingPosition(plan: PlannedFinding): number {
  const f = plan.finding;
  return f.span?.start ?? f.insertAt ?? f.redline?.insertAt ?? Number.MAX_SAFE_INTEGER;
}
