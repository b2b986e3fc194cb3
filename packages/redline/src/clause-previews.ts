/**
 * The clause as it will read: for the review screen, each finding's clause before and after
 * the changes the decisions make, from the same composed plan the DOCX and the issues list
 * use, so what the reader sees is what the payer gets. A finding nobody has decided on is
 * shown as it would read if its suggestion were accepted.
 */
import type { ContractDocument } from '@redliner/parser';
import type { Finding } from '@redliner/rules';
import { changePosition } from './clause-units.ts';
import { composeChanges } from './compose-changes.ts';
import { planFindings, type PlannedFinding } from './decisions.ts';
import { blockIndexAt, planTextEdits, type TextPlan } from './text-edits.ts';

/** One finding's clause before and after. */
export interface ClausePreview {
  findingId: string;
  /** `decided`: as the saved decisions leave it; `if-accepted`: the finding is undecided and shown accepted. */
  basis: 'decided' | 'if-accepted';
  /** The clause as the contract has it ('' when the change adds a clause of its own). */
  before: string;
  /** The clause as it will read (equal to `before` when this finding changes nothing in it). */
  after: string;
  /** Why the finding's own change is not what makes the clause read so, when it is not. */
  note?: string;
}

/** What `clausePreviews` needs: the review's document, findings and saved decisions. */
export interface ClausePreviewInput {
  document: ContractDocument;
  findings: Finding[];
  decisions?: unknown;
}

/** A preview for every finding that changes, or would change if accepted, the contract's text; rejected ones have none. */
export function clausePreviews(input: ClausePreviewInput): ClausePreview[] {
  const doc = input.document;
  const decided = new Set(Object.keys((input.decisions ?? {}) as object));
  const now = composed(input, false);
  const ifAccepted = decided.size === input.findings.length ? now : composed(input, true);
  const out: ClausePreview[] = [];
  input.findings.forEach((finding, i) => {
    const basis = decided.has(finding.id) ? 'decided' : 'if-accepted';
    const { planned, plans, text } = basis === 'decided' ? now : ifAccepted;
    const asked = planned[i]!.change;
    if (!asked || plans[i]!.outcome === 'rejected') return;
    const preview = previewOf(doc, text, finding.id, plans[i]!, asked.insertAt ?? changePosition(asked));
    if (preview) out.push({ findingId: finding.id, basis, ...preview });
  });
  return out;
}

interface Composed {
  planned: PlannedFinding[];
  plans: PlannedFinding[];
  text: TextPlan;
}

function composed(input: ClausePreviewInput, acceptUndecided: boolean): Composed {
  const planned = planFindings(input.findings, input.decisions, { audience: 'internal', acceptUndecided });
  const plans = composeChanges(input.document, planned);
  return { planned, plans, text: planTextEdits(input.document, plans) };
}

function previewOf(doc: ContractDocument, text: TextPlan, findingId: string, plan: PlannedFinding, at: number): Omit<ClausePreview, 'findingId' | 'basis'> | null {
  const paragraph = text.paragraphs.find((p) => p.findingId === findingId);
  if (paragraph) return { before: '', after: paragraph.text.trim() };
  const skipped = text.skipped.get(findingId);
  const edit = text.edits.find((e) => e.findingId === findingId);
  const block = blockIndexAt(doc.blocks, edit?.start ?? plan.change?.span?.start ?? at);
  if (block < 0) return null;
  const clause = clauseAfter(doc, text, block);
  if (skipped) return { ...clause, note: `Not placed in the text: ${skipped}.` };
  if (!edit) return { ...clause, note: clause.before === clause.after ? 'Not placed in the text: it would have damaged the clause; make this change by hand.' : 'Included in another change to this clause.' };
  return clause;
}

/** Block `index` before and after every edit planned in it. */
export function clauseAfter(doc: ContractDocument, text: TextPlan, index: number): { before: string; after: string } {
  const block = doc.blocks[index]!;
  const before = doc.text.slice(block.start, block.end);
  const inBlock = text.edits.filter((e) => e.start >= block.start && e.end <= block.end).sort((a, b) => b.start - a.start || b.end - a.end);
  let after = before;
  for (const e of inBlock) after = after.slice(0, e.start - block.start) + e.text + after.slice(e.end - block.start);
  return { before: before.trim(), after: after.replace(/[ \t]{2,}/g, ' ').trim() };
}
