/**
 * Warnings about what is already in the file: tracked changes (we read the accepted view, and
 * counsel must know that) and comments (we do not read them).
 */
import type { Document } from '@xmldom/xmldom';
import type { ParseWarning } from '../types.ts';
import { countWDescendants, wDescendants } from './ooxml-dom.ts';

const FORMAT_CHANGES = ['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange', 'tblPrExChange'];
const REVISION_NAMES = ['ins', 'cellIns', 'del', 'cellDel', 'moveFrom', ...FORMAT_CHANGES];

/** Count revisions in the story parts and warn when there are any. */
export function trackedChangesWarning(stories: Document[]): ParseWarning | null {
  let insertions = 0;
  let deletions = 0;
  let moves = 0;
  let formatting = 0;
  for (const doc of stories) {
    const counts = countWDescendants(doc, REVISION_NAMES);
    const count = (name: string) => counts.get(name) ?? 0;
    insertions += count('ins') + count('cellIns');
    deletions += count('del') + count('cellDel');
    moves += count('moveFrom');
    for (const name of FORMAT_CHANGES) formatting += count(name);
  }
  const total = insertions + deletions + moves + formatting;
  if (total === 0) return null;
  const parts = [
    insertions && `${insertions} insertion${insertions === 1 ? '' : 's'}`,
    deletions && `${deletions} deletion${deletions === 1 ? '' : 's'}`,
    moves && `${moves} move${moves === 1 ? '' : 's'}`,
    formatting && `${formatting} formatting change${formatting === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return {
    code: 'DOCX_TRACKED_CHANGES',
    message:
      `This document already contains ${total} tracked change${total === 1 ? '' : 's'} (${parts.join(', ')}). ` +
      'Redliner reads it as if they were accepted: inserted text is included and deleted text is left out. ' +
      'The exported redline keeps them; note that "Reject All" in Word would also reject these earlier changes.',
  };
}

/** Warn that existing comments are kept in the file but not reviewed. */
export function commentsWarning(comments: Document | null): ParseWarning | null {
  const count = comments ? wDescendants(comments, 'comment').length : 0;
  if (count === 0) return null;
  return {
    code: 'DOCX_COMMENTS',
    message: `This document already contains ${count} comment${count === 1 ? '' : 's'}. Redliner does not review comment text; the comments stay in the exported file.`,
  };
}
