/**
 * Whole-clause rewrites (clause-rewrite.ts) and the clause as it will read (clause-previews.ts):
 * the reader's wording replaces the clause's body with its label and caption kept, every other
 * change in that clause gives way to it, the latest rewrite of a clause wins, and the preview
 * shown before deciding is what Accept All gives.
 */
import { describe, expect, it } from 'vitest';
import { clausePreviews, issuesList, redline } from '../src/index.ts';
import { findingOn, parsed } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';
import { textDocument } from './text-document.ts';
import { trackedParagraphs, view } from './tracked-views.ts';

const OPTIONS = { comments: false, author: 'Provider Counsel', date: '2025-02-01T09:00:00Z' };

const contract = () =>
  textDocument([
    { kind: 'paragraph', label: '4.2', text: '4.2 Recoupment. Plan may recover any overpayment at any time by offset against any payment due to Provider.' },
    { kind: 'paragraph', label: '4.3', text: '4.3 Audits. Plan may audit Provider’s records for any period.' },
  ]);

async function acceptedText(doc: ReturnType<typeof contract>, findings: Parameters<typeof redline>[0]['findings'], decisions: Record<string, unknown>) {
  const result = await redline({ document: doc, findings, decisions, options: OPTIONS });
  expect(newValidationErrors(result.bytes)).toEqual([]);
  // Rebuilt from a "PDF": the clause numbers are Word's, read with the text.
  const paragraphs = await trackedParagraphs(result.bytes, { labels: true });
  return { accepted: view(paragraphs, 'accept').map((p) => p.text), rejected: view(paragraphs, 'reject').map((p) => p.text) };
}

describe('a clause rewritten whole', () => {
  const doc = contract();
  const time = findingOn(doc, 'at any time', { op: 'replace', text: 'within twelve (12) months after the date of payment' }, 'time');
  const offset = findingOn(doc, 'by offset against any payment due to Provider', { op: 'replace', text: 'after sixty (60) days written notice' }, 'offset');
  const audit = findingOn(doc, 'for any period', { op: 'replace', text: 'for the prior twenty-four (24) months' }, 'audit');
  const findings = [time, offset, audit];
  const mine = 'Plan may recover an overpayment identified within twelve (12) months after payment, after sixty (60) days written notice and a chance to dispute it.';

  it('replaces the body, keeps label and caption, and takes the place of the other change in the clause', async () => {
    const decisions = { offset: { action: 'accept' }, time: { action: 'edit', scope: 'clause', text: `4.2 Recoupment. ${mine}` }, audit: { action: 'accept' } };
    const { accepted, rejected } = await acceptedText(doc, findings, decisions);
    expect(accepted[0]).toBe(`4.2 Recoupment. ${mine}`);
    expect(accepted[1]).toBe('4.3 Audits. Plan may audit Provider’s records for the prior twenty-four (24) months.');
    expect(rejected).toEqual(doc.blocks.map((b) => doc.text.slice(b.start, b.end)));
  });

  it('takes the body alone when the reader left the label and caption out', async () => {
    const { accepted } = await acceptedText(doc, findings, { time: { action: 'edit', scope: 'clause', text: mine } });
    expect(accepted[0]).toBe(`4.2 Recoupment. ${mine}`);
  });

  it('keeps the latest of two rewrites of one clause', async () => {
    const decisions = { time: { action: 'edit', scope: 'clause', text: 'First wording of the clause.' }, offset: { action: 'edit', scope: 'clause', text: mine } };
    const { accepted } = await acceptedText(doc, findings, decisions);
    expect(accepted[0]).toBe(`4.2 Recoupment. ${mine}`);
  });

  it('previews the clause as Accept All will read it, and an undecided finding as if accepted', async () => {
    const decisions = { time: { action: 'accept' } };
    const previews = clausePreviews({ document: doc, findings, decisions });
    const { accepted } = await acceptedText(doc, findings, { ...decisions, offset: { action: 'accept' }, audit: { action: 'accept' } });
    const byId = new Map(previews.map((p) => [p.findingId, p]));
    expect(byId.get('time')).toMatchObject({ basis: 'decided', before: doc.text.slice(doc.blocks[0]!.start, doc.blocks[0]!.end), after: 'Plan may recover any overpayment within twelve (12) months after the date of payment by offset against any payment due to Provider.'.replace(/^/, '4.2 Recoupment. ') });
    // Undecided: shown with every undecided suggestion accepted, which is the Accept All text.
    expect(byId.get('offset')).toMatchObject({ basis: 'if-accepted', after: accepted[0] });
    expect(byId.get('audit')).toMatchObject({ basis: 'if-accepted', after: accepted[1] });
  });

  it('has no preview for a rejected finding and says when a change is folded into a rewrite', () => {
    const previews = clausePreviews({ document: doc, findings, decisions: { audit: { action: 'reject' }, time: { action: 'edit', scope: 'clause', text: mine }, offset: { action: 'accept' } } });
    expect(previews.map((p) => p.findingId).sort()).toEqual(['offset', 'time']);
    const offsetPreview = previews.find((p) => p.findingId === 'offset')!;
    expect(offsetPreview.after).toBe(`4.2 Recoupment. ${mine}`);
    expect(offsetPreview.note).toMatch(/Included in another change/);
  });

  it('lists the rewrite as the requested change in the issues list', () => {
    const list = issuesList({ document: doc, findings, decisions: { time: { action: 'edit', scope: 'clause', text: mine } } });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]!.proposedClause).toBe(`4.2 Recoupment. ${mine}`);
  });
});

describe('a clause rewritten whole in a Word file', async () => {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const findings = [
    findingOn(doc, 'Plan may terminate this Agreement without cause', { op: 'replace', text: 'Either party may terminate this Agreement without cause' }, 'who'),
    findingOn(doc, 'upon thirty (30) days’', { op: 'replace', text: 'upon one hundred eighty (180) days’' }, 'notice'),
  ];
  const mine = 'Either party may terminate this Agreement without cause upon one hundred eighty (180) days’ prior written notice to the other party, effective no earlier than the first anniversary of the Effective Date.';
  const result = await redline({ document: doc, findings, original: bytes, decisions: { notice: { action: 'accept' }, who: { action: 'edit', scope: 'clause', text: `1.2 ${mine}` } }, options: OPTIONS });
  const paragraphs = await trackedParagraphs(result.bytes);

  it('tracks the rewrite in the original paragraph, and Reject All gives the original back', async () => {
    const accepted = view(paragraphs, 'accept').map((p) => p.text);
    expect(accepted.some((p) => p.endsWith(mine))).toBe(true);
    expect(accepted.join('\n')).not.toContain('Plan may terminate');
    expect(view(paragraphs, 'reject').map((p) => p.text)).toEqual(view(await trackedParagraphs(bytes), 'accept').map((p) => p.text));
    expect(result.skipped).toEqual([]);
  });

  it('writes a valid Word file', () => {
    expect(newValidationErrors(result.bytes, bytes)).toEqual([]);
  });
});
