/**
 * The issues list negotiators exchange beside a redline: one row per requested change (payer
 * copy) or per finding (internal copy), with the clause, the contract's words, the change asked
 * for and the clause as it will read. Built from the same composed plan as the redlined DOCX,
 * so the list and the tracked changes never disagree. Plain data; the DOCX, XLSX and CSV
 * writers only lay it out.
 */
import type { ContractDocument } from '@redliner/parser';
import type { Finding, Severity } from '@redliner/rules';
import { clauseAfter } from '../clause-previews.ts';
import { changePosition, composeChanges } from '../compose-changes.ts';
import { planFindings, type Audience, type PlannedFinding } from '../decisions.ts';
import { blockIndexAt, planTextEdits, type TextPlan } from '../text-edits.ts';

/** Where a row stands in the negotiation. */
export type IssueStatus = 'change requested' | 'open' | 'accepted as drafted';

/** One row of the issues list. */
export interface IssueRow {
  /** 1-based, in contract order. */
  number: number;
  findingId: string;
  /** "4.2 Recoupment", or "Not in the contract" for language the contract lacks. */
  clause: string;
  page?: number;
  /** The page's number as printed on it, when that differs from `page`. */
  printedPage?: string;
  /** What the issue is: the rule's finding message (internal) or its payer comment (payer). */
  issue: string;
  /** The contract's words the row is about; empty when the contract has none. */
  contractText: string;
  /** The language asked for (empty when nothing is asked). */
  requestedChange: string;
  /** The clause as it will read with every requested change in it (a new clause: its text). */
  proposedClause: string;
  status: IssueStatus;
  /** Internal copy only. */
  internal?: { severity: Severity; concept: string; ruleId: string; decision: string; reason: string };
}

/** The issues list of one contract for one audience. */
export interface IssuesList {
  contract: string;
  audience: Audience;
  rows: IssueRow[];
}

/** What `issuesList` needs: the same inputs as `redline`. */
export interface IssuesListInput {
  document: ContractDocument;
  findings: Finding[];
  decisions?: unknown;
  audience?: Audience;
  /** Treat findings without a decision as accepted (as `redline` does). */
  acceptUndecided?: boolean;
}

const DECISION_WORDS = { accepted: 'Accept suggested change', edited: 'Accept with our wording', rejected: 'Accept payer language', undecided: 'Not decided' } as const;

/**
 * Build the list. The payer copy has a row per change actually requested, with the rule's payer
 * comment as the issue and nothing internal; the internal copy has every finding with its
 * severity, decision and reason. Throws RedlineError for invalid decisions, as `redline` does.
 */
export function issuesList(input: IssuesListInput): IssuesList {
  const doc = input.document;
  const audience = input.audience ?? 'payer';
  const planned = planFindings(input.findings, input.decisions, { audience, acceptUndecided: input.acceptUndecided ?? false });
  const plans = composeChanges(doc, planned);
  const text = planTextEdits(doc, plans);
  const order = plans.map((_, i) => i).sort((a, b) => positionOf(plans[a]!) - positionOf(plans[b]!) || a - b);
  const rows: IssueRow[] = [];
  for (const i of order) {
    const plan = plans[i]!;
    const asked = planned[i]!.change !== undefined && (plan.outcome === 'accepted' || plan.outcome === 'edited');
    if (audience === 'payer' && (!asked || !plan.change)) continue;
    const f = plan.finding;
    const row: IssueRow = {
      number: rows.length + 1,
      findingId: f.id,
      clause: clauseName(doc, f),
      ...(f.location.page !== undefined ? { page: f.location.page } : {}),
      ...(f.location.printedPage !== undefined ? { printedPage: f.location.printedPage } : {}),
      issue: audience === 'payer' ? (f.redline?.payerComment?.trim() ?? '') : f.message,
      contractText: f.span ? contractWords(doc, f.span) : '',
      requestedChange: plan.change?.text.trim() ?? (audience === 'internal' && plan.outcome === 'undecided' ? suggestion(f) : ''),
      proposedClause: plan.change ? proposedClause(doc, text, f.id) : asked ? coveredBy(doc, rows, plans, planned[i]!) : '',
      status: asked ? 'change requested' : plan.outcome === 'rejected' ? 'accepted as drafted' : 'open',
    };
    if (audience === 'internal') {
      row.internal = { severity: f.severity, concept: f.concept, ruleId: f.ruleId, decision: DECISION_WORDS[plan.outcome], reason: plan.reason ?? '' };
    }
    rows.push(row);
  }
  return { contract: doc.name, audience, rows };
}

/** The rule's suggestion for a finding nobody has decided on (internal copy only: nothing is asked yet). */
function suggestion(f: Finding): string {
  const text = f.redline?.text.trim();
  return text ? `Suggested (not decided): ${text}` : '';
}

function positionOf(plan: PlannedFinding): number {
  const f = plan.finding;
  return f.span?.start ?? plan.change?.insertAt ?? f.insertAt ?? Number.MAX_SAFE_INTEGER;
}

function clauseName(doc: ContractDocument, f: Finding): string {
  if (!f.span) return 'Not in the contract';
  const parts = [f.location.label, f.location.section].filter((p): p is string => !!p && p.trim() !== '');
  if (parts.length === 2 && parts[1]!.startsWith(parts[0]!)) parts.shift();
  if (parts.length === 2) return `${parts[0]} (${parts[1]})`;
  return parts[0] ?? clauseOpening(doc, f.span.start);
}

const MAX_QUOTE = 2000;

/** The contract's words under the finding, whole (the finding's own quote is shortened for display). */
function contractWords(doc: ContractDocument, span: { start: number; end: number }): string {
  const words = doc.text.slice(span.start, span.end).replace(/[ \t]+/g, ' ').trim();
  return words.length > MAX_QUOTE ? `${words.slice(0, MAX_QUOTE).replace(/\s+\S*$/, '')} …` : words;
}

/** The first words of the paragraph, for a clause with neither label nor section. */
function clauseOpening(doc: ContractDocument, at: number): string {
  const block = doc.blocks[blockIndexAt(doc.blocks, at)];
  if (!block) return '';
  const words = doc.text.slice(block.start, block.end).trim().split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : words.join(' ');
}

/** The paragraph holding the finding's change with every change planned in it applied. */
function proposedClause(doc: ContractDocument, plan: TextPlan, findingId: string): string {
  const skipped = plan.skipped.get(findingId);
  if (skipped) return `(Not placed in the text: ${skipped}.)`;
  const paragraph = plan.paragraphs.find((p) => p.findingId === findingId);
  if (paragraph) return paragraph.text.trim();
  const edit = plan.edits.find((e) => e.findingId === findingId);
  const block = edit ? blockIndexAt(doc.blocks, edit.start) : -1;
  return block < 0 ? '' : clauseAfter(doc, plan, block).after;
}

/**
 * A request composition folded into another row's change (the same words, or the same clause),
 * or dropped because placing it would have damaged the clause.
 */
function coveredBy(doc: ContractDocument, rows: readonly IssueRow[], plans: readonly PlannedFinding[], mine: PlannedFinding): string {
  const words = mine.change!.text.trim();
  const block = blockIndexAt(doc.blocks, changePosition(mine.change!));
  const carrier = rows.find((r) => {
    if (r.status !== 'change requested' || !r.requestedChange) return false;
    const other = plans.find((p) => p.finding.id === r.findingId)?.change;
    return r.requestedChange === words || (other !== undefined && blockIndexAt(doc.blocks, changePosition(other)) === block);
  });
  return carrier ? `(Included in the change of item ${carrier.number}.)` : '(Not placed in the text: it would have damaged the clause; make this change by hand.)';
}
