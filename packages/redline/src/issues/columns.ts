/**
 * The columns of the issues list, defined once for every writer (DOCX, XLSX, CSV) so the
 * three files always carry the same headings in the same order. The payer copy has no internal
 * column: no severity, rule, decision or reason.
 */
import type { Audience } from '../decisions.ts';
import type { IssueRow, IssuesList } from './issues-list.ts';

/** One column: its heading, a relative width, and how a row fills it. */
export interface IssueColumn {
  header: string;
  /** Relative width (characters, roughly): the writers scale it to the page or sheet. */
  width: number;
  value: (row: IssueRow) => string;
}

const STATUS_WORDS = { 'change requested': 'Change requested', open: 'Open', 'accepted as drafted': 'Accepted as drafted' } as const;

const common = {
  number: { header: 'No.', width: 7, value: (r: IssueRow) => String(r.number) },
  clause: { header: 'Clause', width: 20, value: (r: IssueRow) => r.clause },
  page: { header: 'Page', width: 8, value: (r: IssueRow) => (r.page === undefined ? '' : r.printedPage !== undefined ? `${r.printedPage} (PDF p. ${r.page})` : String(r.page)) },
  contractText: { header: 'Contract language', width: 40, value: (r: IssueRow) => r.contractText || '(none)' },
  requestedChange: { header: 'Requested change', width: 40, value: (r: IssueRow) => r.requestedChange },
  proposedClause: { header: 'Clause as proposed', width: 48, value: (r: IssueRow) => r.proposedClause },
} satisfies Record<string, IssueColumn>;

/** Whether any row has a page number (a PDF source); a Word source has none, and no Page column. */
export function hasPages(list: IssuesList): boolean {
  return list.rows.some((r) => r.page !== undefined);
}

/** The columns of the list for `audience`, in order; `pages` adds the Page column. */
export function issueColumns(audience: Audience, pages = true): IssueColumn[] {
  const page = pages ? [common.page] : [];
  if (audience === 'payer') {
    return [common.number, common.clause, ...page, common.contractText, common.requestedChange, common.proposedClause,
      { header: 'Explanation', width: 36, value: (r) => r.issue }];
  }
  return [
    common.number, common.clause, ...page,
    { header: 'Issue', width: 32, value: (r) => r.issue },
    { header: 'Severity', width: 9, value: (r) => r.internal?.severity ?? '' },
    common.contractText, common.requestedChange, common.proposedClause,
    { header: 'Decision', width: 18, value: (r) => r.internal?.decision ?? '' },
    { header: 'Reason', width: 30, value: (r) => r.internal?.reason ?? '' },
    { header: 'Status', width: 14, value: (r) => STATUS_WORDS[r.status] },
    { header: 'Rule', width: 22, value: (r) => r.internal?.ruleId ?? '' },
  ];
}

/** The list's title line: says which copy it is, so the internal one is never sent by mistake. */
export function issuesTitle(contract: string, audience: Audience): string {
  return audience === 'payer' ? `Issues list: ${contract}` : `INTERNAL — not for the payer. Issues list: ${contract}`;
}
