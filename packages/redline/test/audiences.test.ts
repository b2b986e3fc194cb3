/**
 * The two copies of a redline: the payer copy (tracked changes under the user's name, only the
 * rules' payer comments, nothing internal, undecided and rejected findings leave no trace) and
 * the internal copy (every finding commented with the analysis, marked internal). Runs on the
 * payer-draft fixture with the bundled ruleset, from the DOCX and from its text as a PDF would give it.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { analyze, DEFAULT_RULESET_DIR, loadRuleset } from '@redliner/rules';
import type { Finding } from '@redliner/rules';
import { INTERNAL_MARKER, redlineFileName } from '../src/index.ts';
import { redline } from './validated-redline.ts';
import type { RedlineOptions } from '../src/index.ts';
import { entries, entryText, parsed } from './helpers.ts';

const AUTHOR = 'Jane Counsel';
const REASON = 'Business accepts the payer position on claim definitions.';
const EDITED = 'Plan shall maintain a written appeal process with decisions within thirty (30) days.';

async function setup() {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const { findings } = analyze(doc, loadRuleset(DEFAULT_RULESET_DIR).ruleset);
  const byConcept = (prefix: string): Finding => {
    const found = findings.find((f) => f.ruleId.startsWith(prefix));
    if (!found) throw new Error(`the fixture no longer has a ${prefix} finding`);
    return found;
  };
  const evergreen = byConcept('evergreen-renewal');
  const termination = byConcept('termination-without-cause');
  const appeal = byConcept('appeal-rights');
  const cleanClaim = byConcept('clean-claim-definition');
  const promptPay = byConcept('prompt-pay-deadline');
  // Our own fixture rule data: every finding has a payer comment except the termination one, which has none.
  for (const f of findings) if (f.redline && f !== termination) f.redline.payerComment ??= `Provider requests this change to ${f.concept}.`;
  if (termination.redline) delete termination.redline.payerComment;
  const decisions = {
    [evergreen.id]: { action: 'accept' },
    [termination.id]: { action: 'accept' },
    [appeal.id]: { action: 'edit', text: EDITED, reason: 'Shorter than the rule suggests, as agreed on the call.' },
    [cleanClaim.id]: { action: 'reject', reason: REASON },
  };
  return { bytes, doc, findings, decisions, evergreen, termination, appeal, cleanClaim, promptPay };
}

/** Every w:t text of a part, joined, so words split over runs still read whole. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The text of the comment the reader meets first: the first comment range in the body. */
function firstCommentInBody(body: string, comments: string): string {
  const id = /<w:commentRangeStart w:id="(\d+)"/.exec(body)?.[1];
  const comment = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"[\s\S]*?<\/w:comment>/g)].find((m) => m[1] === id);
  return comment ? textOf(comment[0]) : '';
}

/** One string per comment: its paragraphs' text. */
function commentTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:comment [\s\S]*?<\/w:comment>/g)].map((m) => textOf(m[0]));
}

// Inserted quotes follow the document's style (curly or straight): compare without it.
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

describe('the payer copy and the internal copy', async () => {
  const c = await setup();
  const run = (options: RedlineOptions, doc: ContractDocument = c.doc) => redline({ document: doc, findings: c.findings, decisions: c.decisions, original: c.bytes, options: { date: '2025-03-01T00:00:00Z', ...options } });
  const payer = await run({ author: AUTHOR });
  const internal = await run({ author: AUTHOR, audience: 'internal' });
  const payerComments = await entryText(payer.bytes, 'word/comments.xml');
  const payerBody = await entryText(payer.bytes, 'word/document.xml');
  const accepted = squash((await parseDocument(payer.bytes, { name: 'payer.docx' })).text);

  it('has decided findings of every kind to work with', () => {
    expect(c.findings.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(c.decisions)).toHaveLength(4);
  });

  it('tracks the accepted and edited changes, and nothing for rejected or undecided findings', () => {
    expect(accepted).toContain(squash(c.evergreen.redline!.text.trim()).slice(0, 50));
    expect(accepted).toContain(EDITED);
    expect(accepted).not.toContain(squash(c.cleanClaim.redline!.text.trim()).slice(0, 50));
    expect(accepted).not.toContain(squash(c.promptPay.redline!.text.trim()).slice(0, 50));
    const outcomes = Object.fromEntries(payer.applied.map((a) => [a.findingId, a]));
    expect(outcomes[c.promptPay.id]).toEqual({ findingId: c.promptPay.id, outcome: 'undecided', comment: false });
    expect(outcomes[c.cleanClaim.id]).toEqual({ findingId: c.cleanClaim.id, outcome: 'rejected', comment: false });
    expect(payer.skipped).toEqual([]);
  });

  it('puts every tracked change and comment under the user\'s name', () => {
    const authors = [...payerBody.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]);
    expect(authors.length).toBeGreaterThanOrEqual(3);
    expect(new Set(authors)).toEqual(new Set([AUTHOR]));
    expect(new Set([...payerComments.matchAll(/<w:comment [^>]*w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set([AUTHOR]));
  });

  it('comments only on changes made, with the rule\'s payer comment, and none where the rule has none', () => {
    // Accepted evergreen and edited appeal; the accepted termination's rule has no payer comment.
    expect(commentTexts(payerComments)).toEqual([c.evergreen, c.appeal].map((f) => f.redline!.payerComment!));
  });

  it('shows the payer nothing internal', async () => {
    const everything = `${textOf(payerBody)}\n${commentTexts(payerComments).join('\n')}`;
    expect(everything).not.toMatch(/\b(HIGH|MEDIUM|LOW)\b/);
    expect(everything).not.toMatch(/\b(high|medium|low) risk\b/i);
    for (const f of c.findings) expect(everything).not.toContain(f.ruleId);
    for (const f of c.findings) if (f.redline?.note) expect(everything).not.toContain(f.redline.note.slice(0, 30));
    for (const word of ['Note:', 'Fallback', 'Suggested language', 'Decision:', 'Not decided', 'Rule:', REASON, 'as agreed on the call', INTERNAL_MARKER, '{']) expect(everything, word).not.toContain(word);
    for (const xml of [payerBody, payerComments]) expect(xml).not.toContain('w:author="Redliner"');
  });

  it('leaves comments out entirely when asked', async () => {
    const silent = await run({ author: AUTHOR, comments: false });
    expect((await entries(silent.bytes)).has('word/comments.xml')).toBe(false);
    expect(squash((await parseDocument(silent.bytes, { name: 's.docx' })).text)).toBe(accepted);
  });

  it('signs with the provider\'s name when no author is given, never "Redliner"', async () => {
    const unnamed = await run({});
    const body = await entryText(unnamed.bytes, 'word/document.xml');
    const name = c.doc.parties.provider.name!;
    expect(name).toBeTruthy();
    expect(body).toContain(`w:author="${name.replace(/&/g, '&amp;')}"`);
    expect(body).not.toContain('w:author="Redliner"');
  });

  it('proposes undecided suggestions only when asked to accept them', async () => {
    const draft = await run({ author: AUTHOR, acceptUndecided: true });
    const text = squash((await parseDocument(draft.bytes, { name: 'd.docx' })).text);
    expect(text.toLowerCase()).toContain(squash(c.promptPay.redline!.text.trim()).slice(0, 50).toLowerCase());
    // A rejection still wins over --accept-all.
    expect(text).not.toContain(squash(c.cleanClaim.redline!.text.trim()).slice(0, 50));
    // With its definition rejected, "Clean Claim" in the accepted clause reads as plain words.
    expect(text).toContain('every clean claim');
  });

  it('marks the internal copy on its first comment and in its file name, with the analysis of every finding', async () => {
    const xml = await entryText(internal.bytes, 'word/comments.xml');
    const texts = commentTexts(xml);
    expect(texts).toHaveLength(c.findings.length);
    expect(firstCommentInBody(await entryText(internal.bytes, 'word/document.xml'), xml).startsWith(INTERNAL_MARKER)).toBe(true);
    expect(texts.filter((t) => t.includes(INTERNAL_MARKER))).toHaveLength(1);
    expect(xml).toContain(REASON);
    expect(xml).toContain('Not decided yet');
    expect(xml).toContain(`Rule: ${c.cleanClaim.ruleId}`);
    // The same contract changes as the payer copy: only the comments differ.
    expect(squash((await parseDocument(internal.bytes, { name: 'i.docx' })).text)).toBe(accepted);
    expect(redlineFileName('payer-draft.docx', 'internal')).toBe('payer-draft - internal redline.docx');
    expect(redlineFileName('payer-draft.docx', 'payer')).toBe('payer-draft - redline.docx');
  });

  it('does the same in a DOCX rebuilt from a PDF\'s text', async () => {
    const asPdf: ContractDocument = { ...c.doc, format: 'pdf', sourceMap: { format: 'pdf', spans: [] } };
    const fromPdf = await run({ author: AUTHOR }, asPdf);
    const comments = await entryText(fromPdf.bytes, 'word/comments.xml');
    expect(commentTexts(comments)).toEqual([c.evergreen, c.appeal].map((f) => f.redline!.payerComment!));
    const body = await entryText(fromPdf.bytes, 'word/document.xml');
    expect(new Set([...body.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set([AUTHOR]));
    expect(squash((await parseDocument(fromPdf.bytes, { name: 'p.docx' })).text)).not.toContain(squash(c.promptPay.redline!.text.trim()).slice(0, 50));
    const internalPdf = (await run({ author: AUTHOR, audience: 'internal' }, asPdf)).bytes;
    const internalComments = await entryText(internalPdf, 'word/comments.xml');
    expect(firstCommentInBody(await entryText(internalPdf, 'word/document.xml'), internalComments).startsWith(INTERNAL_MARKER)).toBe(true);
    expect(commentTexts(internalComments)).toHaveLength(c.findings.length);
  });
});
