/**
 * The Markdown memo (`--format markdown`): what counsel could send to the contracting lead.
 * Findings by severity with quotes, section references and suggested language; missing
 * protections; the checklist. Built as mdast and serialised by remark, so contract text with
 * `*`, `_`, `|` or a leading "1." is escaped instead of turning into markup.
 */
import type { BlockContent, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Severity } from '../load/rule-schema.ts';
import { describePlace } from '../analysis/place.ts';
import type { ChecklistEntry, Finding } from '../types.ts';
import type { AnalysisReport } from './analysis-report.ts';

const SEVERITY_TITLE: Record<Severity, string> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk' };
const STATUS: Record<ChecklistEntry['status'], string> = { risky: 'Risky', acceptable: 'Acceptable', review: 'Not detected', 'not-found': 'Not found', 'not-covered': 'Not checked' };

/**
 * The contracting lead's decision on a finding, as the memo reads it: structurally the
 * decision `@redliner/redline` validates (rules sit below redline, so the shape is restated).
 */
export interface MemoDecision {
  action: 'accept' | 'edit' | 'reject';
  text?: string;
  reason?: string;
  alternative?: number;
}

/** Decisions keyed by finding id. */
export type MemoDecisions = Readonly<Record<string, MemoDecision>>;

const DECISION_WORDS: Record<MemoDecision['action'], string> = { accept: 'Accepted', edit: 'Accepted with our wording', reject: 'Rejected (payer language accepted)' };

function decisionWords(decision: MemoDecision | undefined): string {
  return decision ? DECISION_WORDS[decision.action] : 'Not decided';
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
// "**Where:** text": a space inside the emphasis makes remark write it as "&#x20;", so the
// space that ends a bold label moves to the text after it.
const para = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children: children.flatMap(spaceAfterStrong) });

function spaceAfterStrong(node: PhrasingContent): PhrasingContent[] {
  if (node.type !== 'strong' || node.children.length !== 1 || node.children[0]!.type !== 'text') return [node];
  const value = node.children[0]!.value;
  const trimmed = value.trimEnd();
  return trimmed === value ? [node] : [{ type: 'strong', children: [text(trimmed)] }, text(value.slice(trimmed.length))];
}
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });

function markdownBlocks(markdown: string): RootContent[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  // Explanation headings must not outrank the memo's own.
  for (const node of tree.children) if (node.type === 'heading') node.depth = Math.max(node.depth, 4) as 4 | 5 | 6;
  return tree.children;
}

function where(finding: Finding): string {
  const place = describePlace(finding.location) || 'end of the contract';
  // An absence finding's location is only where the fix would go, not where a problem is.
  return finding.kind === 'absence' ? `not in the contract; suggested place: ${place}` : place;
}

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [text(c)] })) });
  return { type: 'table', children: [row(header), ...rows.map(row)] };
}

function decisionNodes(finding: Finding, decision: MemoDecision | undefined): RootContent[] {
  const nodes: RootContent[] = [para(strong('Decision: '), text(decisionWords(decision)), ...(decision?.reason ? [text(` — ${decision.reason}`)] : []))];
  if (decision?.action === 'edit' && decision.text) nodes.push(para(strong('Our wording:')), { type: 'blockquote', children: [para(text(decision.text.trim()))] });
  const alternative = decision?.action === 'accept' && decision.alternative !== undefined ? finding.redline?.alternatives[decision.alternative] : undefined;
  if (alternative) nodes.push(para(strong('Fallback chosen:')), { type: 'blockquote', children: [para(text(alternative.trim()))] });
  return nodes;
}

function findingNodes(finding: Finding, report: AnalysisReport, decisions?: MemoDecisions): RootContent[] {
  const title = report.rules[finding.ruleId]?.title ?? finding.message;
  const nodes: RootContent[] = [heading(3, title), para(strong('Where: '), text(where(finding)), text(' · '), strong('Rule: '), { type: 'inlineCode', value: finding.ruleId })];
  if (finding.quote) nodes.push({ type: 'blockquote', children: [para(text(finding.quote))] });
  nodes.push(para(text(finding.message)));
  // A missing protection says what the contract does have, so counsel can judge it.
  if (finding.nearMiss) nodes.push(para(text(finding.nearMiss.summary)));
  nodes.push(...markdownBlocks(finding.explanation));
  const redline = finding.redline;
  if (redline) {
    const verb = redline.op === 'insert' ? 'Suggested addition' : redline.op === 'delete' ? 'Suggested deletion' : 'Suggested language';
    nodes.push(para(strong(`${verb}:`)));
    // Inserted language carries the space that joins it to the clause; a memo shows it bare.
    if (redline.text.trim()) nodes.push({ type: 'blockquote', children: [para(text(redline.text.trim()))] });
    if (redline.alternatives.length > 0) {
      nodes.push(para(strong('Fallback positions:')));
      nodes.push({ type: 'list', ordered: true, spread: false, children: redline.alternatives.map((alt) => ({ type: 'listItem', spread: false, children: [para(text(alt.trim()))] })) });
    }
    if (redline.note) nodes.push(para({ type: 'emphasis', children: [text(redline.note)] }));
  }
  if (decisions) nodes.push(...decisionNodes(finding, decisions[finding.id]));
  return nodes;
}

function checklistDetail(entry: ChecklistEntry): string {
  switch (entry.status) {
    case 'risky':
      return `${entry.findingIds.length} finding(s)`;
    case 'acceptable':
      return `“${entry.evidence.quote}”`;
    case 'review':
      return `No rule detected it, but ${entry.related.length} clause${entry.related.length === 1 ? ' relates' : 's relate'} to it: review ${entry.related.length === 1 ? 'it' : 'them'} (listed below).`;
    case 'not-found':
      return 'No such language found: nothing in the contract relates to this topic.';
    case 'not-covered':
      return 'No rule covers this topic yet';
  }
}

/** "Not detected — review these clauses": each topic with the clauses counsel should read. */
function reviewNodes(checklist: readonly ChecklistEntry[]): RootContent[] {
  const nodes: RootContent[] = [];
  for (const entry of checklist) {
    if (entry.status !== 'review') continue;
    if (nodes.length === 0) {
      nodes.push(heading(2, 'Not detected — review these clauses'));
      nodes.push(para(text('No rule detected these topics, but the contract has clauses related to them. The risk may be there in wording the rules do not recognise: read each clause.')));
    }
    nodes.push(heading(3, entry.title ?? entry.concept));
    nodes.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: entry.related.map((clause) => ({
        type: 'listItem',
        spread: false,
        children: [para(strong(describePlace(clause.location) || 'Clause'), text(` (${clause.why}): “${clause.quote}”`))],
      })),
    });
  }
  return nodes;
}

/** "Acme, Inc." stays as it is; "Acme" gets its full stop. */
function sentenceEnd(name: string): string {
  return /[.!?]$/.test(name) ? name : `${name}.`;
}

/**
 * Build the memo's mdast tree. With `decisions` (the review's, possibly none yet) the memo
 * says what was decided on each finding, with the reason and the lead's own wording.
 */
export function memoTree(report: AnalysisReport, decisions?: MemoDecisions): Root {
  const { document, summary } = report;
  const children: RootContent[] = [heading(1, `Contract review: ${document.name}`)];
  const payer = document.parties.payer.name ?? document.parties.payer.terms[0] ?? 'the payer';
  const provider = document.parties.provider.name ?? document.parties.provider.terms[0] ?? 'the provider';
  children.push(para(text(`Payer: ${sentenceEnd(payer)} Provider: ${sentenceEnd(provider)} Reviewed with the ${report.ruleset.name} ruleset${report.ruleset.version ? ` (version ${report.ruleset.version})` : ''}.`)));
  children.push(para(strong('Summary: '), text(`${summary.total} finding${summary.total === 1 ? '' : 's'}: ${summary.high} high, ${summary.medium} medium, ${summary.low} low risk.`)));
  if (decisions) {
    const count = (action: MemoDecision['action']) => report.findings.filter((f) => decisions[f.id]?.action === action).length;
    const open = report.findings.filter((f) => !decisions[f.id]).length;
    children.push(para(strong('Decisions: '), text(`${count('accept')} accepted, ${count('edit')} accepted with our wording, ${count('reject')} rejected, ${open} not decided.`)));
  }
  for (const warning of document.warnings) children.push({ type: 'blockquote', children: [para(strong('Note: '), text(warning.message))] });

  const presence = report.findings.filter((f) => f.kind === 'presence');
  if (presence.length > 0) {
    const header = ['Severity', 'Issue', 'Where', ...(decisions ? ['Decision'] : [])];
    children.push(table(header, presence.map((f) => [f.severity, report.rules[f.ruleId]?.title ?? f.message, where(f), ...(decisions ? [decisionWords(decisions[f.id])] : [])])));
  }
  for (const severity of ['high', 'medium', 'low'] as const) {
    const group = presence.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    children.push(heading(2, SEVERITY_TITLE[severity]));
    for (const finding of group) children.push(...findingNodes(finding, report, decisions));
  }
  const missing = report.findings.filter((f) => f.kind === 'absence');
  if (missing.length > 0) {
    children.push(heading(2, 'Missing protections'));
    for (const finding of missing) children.push(...findingNodes(finding, report, decisions));
  }
  if (report.checklist.length > 0) {
    children.push(heading(2, 'Checklist'));
    children.push(table(['Topic', 'Status', 'Detail'], report.checklist.map((entry) => [entry.title ?? entry.concept, STATUS[entry.status], checklistDetail(entry)])));
    children.push(...reviewNodes(report.checklist));
  }
  children.push(para({ type: 'emphasis', children: [text('Prepared with Redliner from the document text. Review each point against the full contract before relying on it; this memo is not legal advice.')] }));
  return { type: 'root', children };
}

/** Render the memo as GitHub-flavoured Markdown; with `decisions`, the review's decisions are in it. */
export function toMarkdownMemo(report: AnalysisReport, decisions?: MemoDecisions): string {
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', fences: true }).stringify(memoTree(report, decisions));
}
