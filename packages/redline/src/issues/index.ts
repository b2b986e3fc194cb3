/** The issues list: rows built from the composed plan, and its DOCX, XLSX and CSV writers. */
export { issuesList } from './issues-list.ts';
export type { IssueRow, IssueStatus, IssuesList, IssuesListInput } from './issues-list.ts';
export { hasPages, issueColumns, issuesTitle } from './columns.ts';
export type { IssueColumn } from './columns.ts';
export { issuesListCsv } from './issues-csv.ts';
export { issuesListXlsx } from './issues-xlsx.ts';
export { issuesListDocx } from './issues-docx.ts';
export { ISSUES_LIST_FORMATS, issuesListFile } from './issues-file.ts';
export type { IssuesListFormat } from './issues-file.ts';
