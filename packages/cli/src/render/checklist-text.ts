/**
 * The checklist for a terminal: every topic with its status in plain words, the evidence for
 * acceptable ones, and for topics no rule detected, the clauses counsel should read.
 */
import type { AnalysisReport, ChecklistEntry, Evidence, FindingLocation } from '@redliner/rules';
import { wrap } from './wrap.ts';

const STATUS: Record<ChecklistEntry['status'], string> = {
  risky: 'RISKY',
  acceptable: 'ACCEPTABLE',
  review: 'REVIEW',
  'not-found': 'NOT FOUND',
  'not-covered': 'NOT CHECKED',
};
const PAD = 13;
const INDENT = '  '.padEnd(PAD + 2);

/** "8.4 Immediate Termination, clause 8.4.1, p. 10" (empty when the place is not known). */
export function placeText(location: FindingLocation): string {
  const { section, label, page } = location;
  // Two clauses under one heading differ only by their label.
  const clause = label && section && !section.includes(label) ? `clause ${label}` : undefined;
  return [section ?? label, clause, page !== undefined ? `p. ${page}` : undefined].filter(Boolean).join(', ');
}

// Every clause that satisfied an absence rule: a weak "protection" must not hide behind the first one.
function satisfiedLines(list: readonly Evidence[], head: string): Array<[string, number]> {
  if (list.length === 0) return [];
  return [[`${head} (${list.length}):`, 0], ...list.map((e): [string, number] => [`• ${placeText(e.location) || 'clause'}: “${e.quote}”`, 1])];
}

/** Lines of an entry's detail, each with its depth (0: under the title; 1: under a clause). */
function detail(entry: ChecklistEntry): Array<[string, number]> {
  switch (entry.status) {
    case 'risky':
      return [[`${entry.findingIds.length} finding${entry.findingIds.length === 1 ? '' : 's'} above`, 0], ...satisfiedLines(entry.satisfied ?? [], 'protective language found')];
    case 'acceptable': {
      const place = placeText(entry.evidence.location);
      const others = (entry.satisfied ?? []).filter((e) => e.span.start !== entry.evidence.span.start);
      return [[`acceptable language${place ? ` in ${place}` : ''}: “${entry.evidence.quote}”`, 0], ...satisfiedLines(others, 'also found')];
    }
    case 'review':
      return [
        ['not detected — review these clauses (the rules may have missed their wording):', 0],
        ...entry.related.flatMap((clause): Array<[string, number]> => [
          [`• ${placeText(clause.location) || 'clause'} — ${clause.why}`, 0],
          [`“${clause.quote}”`, 1],
        ]),
      ];
    case 'not-found':
      return [['no such language found; nothing in the contract relates to this topic', 0]];
    case 'not-covered':
      return [['no rule checks this topic yet', 0]];
  }
}

/** The checklist section of one document's terminal report. */
export function renderChecklistText(report: AnalysisReport): string[] {
  if (report.checklist.length === 0) return [];
  const out = ['', '  Checklist'];
  for (const entry of report.checklist) {
    out.push('');
    out.push(`  ${STATUS[entry.status].padEnd(PAD)}${entry.title ?? entry.concept}`);
    // Bullets hang: their continuation lines align with the text after "• ".
    for (const [line, depth] of detail(entry)) out.push(wrap(line, INDENT + '  '.repeat(depth), 96, INDENT + '  '.repeat(line.startsWith('• ') ? depth + 1 : depth)));
  }
  return out;
}
