/** Pure helpers over a review: ordering, grouping, filtering, decision wording, summaries. */
import { SEVERITIES, type ChecklistEntry, type Decision, type DecisionInput, type Finding, type Review, type Severity } from '../types.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk' };

/** Findings in reading order (presence by position; absence after them, by severity). */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  const pos = (f: Finding): number => f.span?.start ?? f.insertAt ?? f.redline?.insertAt ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || pos(a) - pos(b) || a.id.localeCompare(b.id));
}

export type StatusFilter = 'all' | 'undecided' | 'decided';

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  status: StatusFilter;
}

export function matchesFilter(finding: Finding, decisions: Record<string, Decision>, filter: FindingFilter): boolean {
  if (!filter.severities.has(finding.severity)) return false;
  const decided = decisions[finding.id] !== undefined;
  if (filter.status === 'undecided' && decided) return false;
  if (filter.status === 'decided' && !decided) return false;
  return true;
}

/** Findings grouped by severity (high first), keeping each group's order. */
export function groupBySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
}

/** A decision in plain words, e.g. "Accepted — fallback 2". */
export function describeDecision(decision: Decision | undefined): string {
  if (!decision) return 'Not decided yet';
  switch (decision.action) {
    case 'accept':
      return decision.alternative === undefined ? 'Accepted — preferred wording' : `Accepted — fallback ${decision.alternative + 1}`;
    case 'edit':
      return decision.scope === 'clause' ? 'Accepted — your wording of the whole clause' : 'Accepted — your own wording';
    case 'reject':
      return 'Rejected — no change';
  }
}

export interface SeverityTally {
  severity: Severity;
  total: number;
  decided: number;
}

/** Counts by severity, and how many of each are decided. */
export function tally(review: Pick<Review, 'findings' | 'decisions'>): { rows: SeverityTally[]; total: number; decided: number; undecided: Finding[] } {
  const rows = SEVERITIES.map((severity) => {
    const group = review.findings.filter((f) => f.severity === severity);
    return { severity, total: group.length, decided: group.filter((f) => review.decisions[f.id]).length };
  });
  const undecided = orderFindings(review.findings.filter((f) => !review.decisions[f.id]));
  return { rows, total: review.findings.length, decided: review.findings.length - undecided.length, undecided };
}

/** "audit-lookback" → "Audit lookback", for concepts without a title. */
export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const CHECKLIST_STATUS: Record<ChecklistEntry['status'], string> = {
  risky: 'Risky',
  acceptable: 'Acceptable',
  review: 'Not detected',
  'not-found': 'Not found',
  'not-covered': 'Not checked',
};

/** "page 12", or "page 12 (PDF page 14)" where the page prints another number than the PDF counts. */
export function pageName(location: Finding['location']): string | undefined {
  if (location.page === undefined) return undefined;
  return location.printedPage !== undefined ? `page ${location.printedPage} (PDF page ${location.page})` : `page ${location.page}`;
}

/** "Section 4.2 Recoupment · page 3" (empty when the finding has no location). */
export function describeLocation(location: Finding['location']): string {
  const parts: string[] = [];
  const section = location.section?.trim();
  const label = location.label?.trim();
  if (section) parts.push(section);
  if (label && !(section ?? '').includes(label)) parts.push(`clause ${label}`);
  const page = pageName(location);
  if (page) parts.push(page);
  return parts.join(' · ');
}

/** A date the way a reader writes it: "24 Nov 2026, 14:05". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The next or previous finding id in `order` (wrapping), from `current`. */
export function step(order: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (order.length === 0) return null;
  const index = current === null ? -1 : order.indexOf(current);
  if (index === -1) return delta === 1 ? order[0]! : order[order.length - 1]!;
  return order[(index + delta + order.length) % order.length]!;
}

/** The body to send for a decision (empty reason left out): redline's own decision shape, as PUT …/decisions/:findingId takes it. */
export function decisionBody(action: 'accept' | 'edit' | 'reject', options: { alternative?: number | undefined; text?: string; scope?: 'clause' | undefined; reason?: string }): DecisionInput {
  const reason = options.reason?.trim();
  const why = reason ? { reason } : {};
  if (action === 'accept') return { action, ...(options.alternative !== undefined ? { alternative: options.alternative } : {}), ...why };
  if (action === 'edit') return { action, text: options.text ?? '', ...(options.scope ? { scope: options.scope } : {}), ...why };
  return { action, ...why };
}

/** Findings with the same message, together in first-seen order (a rule firing in five clauses is one line, five places). */
export function groupByMessage<T extends Pick<Finding, 'message'>>(findings: readonly T[]): Array<{ message: string; findings: T[] }> {
  const groups = new Map<string, T[]>();
  for (const finding of findings) {
    const group = groups.get(finding.message);
    if (group) group.push(finding);
    else groups.set(finding.message, [finding]);
  }
  return [...groups].map(([message, members]) => ({ message, findings: members }));
}

/** A short name for where a finding is: "clause 4.2", "Exhibit A", "page 3", else "place 2" (1-based `index`). */
export function placeName(location: Finding['location'], index: number): string {
  const label = location.label?.trim();
  // Numbers like 4.2 or (b) read as clauses; worded labels ("EXHIBIT A") are names of their own.
  if (label && !/\s/.test(label)) return `clause ${label}`;
  if (label) return label === label.toUpperCase() ? label.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : label;
  return pageName(location) ?? `place ${index + 1}`;
}

/** The distinct places of `findings`, each with the first finding there and how many are there. */
export function distinctPlaces<T extends Pick<Finding, 'location'>>(findings: readonly T[]): Array<{ name: string; first: T; count: number }> {
  const places = new Map<string, { name: string; first: T; count: number }>();
  findings.forEach((finding, index) => {
    const name = placeName(finding.location, index);
    const place = places.get(name);
    if (place) place.count++;
    else places.set(name, { name, first: finding, count: 1 });
  });
  return [...places.values()];
}

