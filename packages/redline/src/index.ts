/**
 * @redliner/redline: the contracting lead's decisions on findings → a redlined DOCX with Word
 * tracked changes and comments (the original package for DOCX sources, a new one for PDFs).
 */
export { redline } from './redline.ts';
export { issuesListFileName, redlineFileName } from './redline-file-name.ts';
export type { RedlineInput, RedlineOptions } from './redline.ts';
export { DecisionSchema, DecisionsSchema, planFindings } from './decisions.ts';
export type { Audience, Decision, Decisions, PlannedFinding, PlannedChange, PlanOptions } from './decisions.ts';
export { RedlineError, isRedlineError } from './errors.ts';
export type { RedlineErrorCode } from './errors.ts';
export type { RedlineResult, AppliedFinding, SkippedFinding } from './result.ts';
export { INTERNAL_MARKER, markdownToParagraphs } from './comment-content.ts';
export type { CommentParagraph, CommentRun } from './comment-content.ts';
export { wordHunks } from './word-hunks.ts';
export { clausePreviews } from './clause-previews.ts';
export type { ClausePreview, ClausePreviewInput } from './clause-previews.ts';
export { ISSUES_LIST_FORMATS, issuesList, issuesListCsv, issuesListDocx, issuesListFile, issuesListXlsx, issueColumns } from './issues/index.ts';
export type { IssueRow, IssueStatus, IssuesList, IssuesListFormat, IssuesListInput, IssueColumn } from './issues/index.ts';
