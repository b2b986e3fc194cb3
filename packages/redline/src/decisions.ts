/**
 * The contracting lead's decisions on findings, validated with zod, and the plan they imply:
 * which text goes where and which findings become comments. Pure: no XML here.
 */
import { z } from 'zod';
import type { Finding, Redline } from '@redliner/rules';
import { RedlineError } from './errors.ts';

const reason = z.string().max(4000).optional();
const comment = z.boolean().optional();

/** One decision, as the API and CLI accept it. */
export const DecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), alternative: z.number().int().min(0).optional(), reason, comment }).strict(),
  // `scope: 'clause'`: `text` is the whole clause as it will read, not just the suggestion's words.
  z.object({ action: z.literal('edit'), text: z.string(), scope: z.literal('clause').optional(), reason, comment }).strict(),
  z.object({ action: z.literal('reject'), reason, comment }).strict(),
]);

/** Decisions keyed by finding id. */
export const DecisionsSchema = z.record(z.string(), DecisionSchema);

/** A decision on one finding: accept the suggestion (or fallback `alternative`), edit it, or reject it. */
export type Decision = z.infer<typeof DecisionSchema>;
/** Decisions keyed by finding id; findings without one change nothing unless `acceptUndecided` (see `planFindings`). */
export type Decisions = Record<string, Decision>;

/** The contract change one finding produces. */
export interface PlannedChange {
  op: Redline['op'];
  span?: { start: number; end: number };
  insertAt?: number;
  text: string;
  newParagraph: boolean;
  /** The reader rewrote the whole clause: `text` is its new wording, after its label and caption. */
  clause?: true;
  /** For a rewrite: when it was decided among the decisions (a later rewrite of the same clause wins). */
  rank?: number;
}

/** What to do for one finding. */
export interface PlannedFinding {
  finding: Finding;
  /** `undecided`: no decision yet (and not accepted by `acceptUndecided`): the text is left alone. */
  outcome: 'accepted' | 'edited' | 'rejected' | 'undecided';
  /** Absent when rejected or when the finding suggests no language. */
  change?: PlannedChange;
  comment: boolean;
  reason?: string;
}

const ACCEPT: Decision = { action: 'accept' };

/**
 * Who the file is for. `payer`: the copy sent to the other side, with only the rules' payer
 * comments; `internal`: the provider's working copy with the analysis, decisions and reasons.
 */
export type Audience = 'payer' | 'internal';

/** How `planFindings` treats comments and findings nobody has decided on. */
export interface PlanOptions {
  /** Default `payer`. */
  audience?: Audience;
  /** Comment on findings (default true); a decision's own `comment` flag wins. */
  comments?: boolean;
  /** Treat findings without a decision as accepted: a quick full draft (default false: they change nothing). */
  acceptUndecided?: boolean;
}

/**
 * Validate `decisions` against `findings` and plan every finding. Only decided findings change
 * the text unless `acceptUndecided`. In the payer copy a finding is commented only when its
 * change is made and its rule has a payer comment; rejected and undecided findings leave no
 * trace there. Throws RedlineError with REDLINE_INVALID_DECISIONS, REDLINE_UNKNOWN_FINDING,
 * REDLINE_EMPTY_EDIT or REDLINE_NO_ALTERNATIVE.
 */
export function planFindings(findings: Finding[], decisions: unknown, options: PlanOptions = {}): PlannedFinding[] {
  const audience = options.audience ?? 'payer';
  const defaultComments = options.comments ?? true;
  const parsed = DecisionsSchema.safeParse(decisions ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new RedlineError('REDLINE_INVALID_DECISIONS', `Invalid decisions${where}: ${issue?.message ?? 'wrong shape'}. Each decision is {action: "accept" | "edit" | "reject", …}.`);
  }
  const byId = new Map(findings.map((f) => [f.id, f]));
  const rankOf = new Map(Object.keys(parsed.data).map((id, i) => [id, i]));
  for (const id of Object.keys(parsed.data)) {
    if (!byId.has(id)) throw new RedlineError('REDLINE_UNKNOWN_FINDING', `There is no finding "${id}" in this analysis; re-run the analysis and decide on the findings it returns.`, id);
  }
  return findings.map((finding) => {
    const decision = parsed.data[finding.id] ?? (options.acceptUndecided ? ACCEPT : undefined);
    // An undecided finding changes nothing; the internal copy still says what was found and suggested.
    if (!decision) return { finding, outcome: 'undecided', comment: audience === 'internal' && defaultComments };
    const plan = planOne(finding, decision, defaultComments);
    if (plan.change?.clause) plan.change.rank = rankOf.get(finding.id) ?? 0;
    if (audience === 'payer') plan.comment = plan.comment && plan.change !== undefined && Boolean(finding.redline?.payerComment);
    return plan;
  });
}

function planOne(finding: Finding, decision: Decision, defaultComments: boolean): PlannedFinding {
  const base = { finding, comment: decision.comment ?? defaultComments, ...(decision.reason ? { reason: decision.reason } : {}) };
  if (decision.action === 'reject') return { ...base, outcome: 'rejected' };
  if (decision.action === 'edit') {
    if (decision.text.trim() === '') throw new RedlineError('REDLINE_EMPTY_EDIT', `The edited text for finding "${finding.id}" is empty; give the language to use, or reject the finding instead.`, finding.id);
    const change = decision.scope === 'clause' && finding.span ? { op: 'replace' as const, span: finding.span, text: decision.text, newParagraph: false, clause: true as const } : editedChange(finding, decision.text);
    return { ...base, outcome: 'edited', change };
  }
  const redline = finding.redline;
  if (!redline) return { ...base, outcome: 'accepted' };
  let text = redline.text;
  if (decision.alternative !== undefined) {
    const alt = redline.alternatives[decision.alternative];
    if (alt === undefined) throw new RedlineError('REDLINE_NO_ALTERNATIVE', `Finding "${finding.id}" has ${redline.alternatives.length} fallback alternative(s); alternative ${decision.alternative} does not exist.`, finding.id);
    text = alt;
  }
  return { ...base, outcome: 'accepted', change: changeFrom(finding, redline, text) };
}

function changeFrom(finding: Finding, redline: Redline, text: string): PlannedChange {
  const change: PlannedChange = { op: redline.op, text, newParagraph: redline.newParagraph === true };
  const span = redline.span ?? finding.span ?? undefined;
  if (span) change.span = span;
  const at = redline.insertAt ?? finding.insertAt ?? finding.span?.end;
  if (at !== undefined) change.insertAt = at;
  // A fallback alternative of a deletion is wording to keep in place of the clause.
  if (change.op === 'delete' && text.trim() !== '') change.op = 'replace';
  return change;
}

/** Edited text keeps the suggestion's kind of change; without a suggestion, it replaces the flagged clause or adds a paragraph. */
function editedChange(finding: Finding, text: string): PlannedChange {
  if (finding.redline) return changeFrom(finding, finding.redline, text);
  if (finding.span) return { op: 'replace', span: finding.span, text, newParagraph: false };
  return { op: 'insert', ...(finding.insertAt !== undefined ? { insertAt: finding.insertAt } : {}), text, newParagraph: true };
}
