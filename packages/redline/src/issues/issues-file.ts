/** The issues list as a file in one of its formats: the one dispatch the CLI and the server share. */
import { issuesListCsv } from './issues-csv.ts';
import { issuesListDocx } from './issues-docx.ts';
import type { IssuesList } from './issues-list.ts';
import { issuesListXlsx } from './issues-xlsx.ts';

/** The file formats of the issues list, the default first. */
export const ISSUES_LIST_FORMATS = ['xlsx', 'docx', 'csv'] as const;
/** One of ISSUES_LIST_FORMATS. */
export type IssuesListFormat = (typeof ISSUES_LIST_FORMATS)[number];

/** The bytes of `list` written as `format`. */
export async function issuesListFile(list: IssuesList, format: IssuesListFormat): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(issuesListCsv(list));
  return format === 'docx' ? issuesListDocx(list) : issuesListXlsx(list);
}
