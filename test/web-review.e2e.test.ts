/**
 * The review screen in a real browser (Debian's Chromium through playwright-core) against the
 * real server and SQLite store: upload, decide (accept two, edit one, reject one with a reason,
 * rewrite one whole clause from the clause as it will read), type the author, export the payer
 * copy and check it holds exactly those decisions under that name with nothing internal, export
 * the internal copy and the issues list (both copies through the OOXML validator when
 * ../shared has it), restart and find the decisions intact; on the repo
 * fixture and, when ../shared exists, on a payer-dev DOCX. Hostile contract text must render
 * inert, and no page may break the CSP. Skips with a message when Chromium is absent.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { newErrors, validateDocx } from '../packages/redline/test/ooxml-validate.ts';
import { HAS_CHROMIUM, warnIfNoChromium } from './support/browser.ts';
import { CONTRACT, SHOTS, useReviewApp } from './support/review-app.ts';
import type { ApiReview } from './support/review-app.ts';
import { payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

warnIfNoChromium('browser tests');
if (!SHARED_DIR) console.warn(`${SKIP_MESSAGE} (browser test runs on the repo fixture only)`);

/** The payer-dev DOCX the decision flow runs on: the hospital agreement, else the first DOCX there is. */
function payerDevDocx(): string {
  const docx = payerDevContracts().flatMap((c) => c.renderings.filter((p) => p.endsWith('.docx')));
  return docx.find((p) => basename(p) === '02-hospital-participation-hmo.docx') ?? docx[0]!;
}

// Inserted quotes follow the document's style (curly or straight): compare without it.
const squash = (text: string): string => text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

describe.skipIf(!HAS_CHROMIUM)('the review screen in Chromium', () => {
  const app = useReviewApp();

  async function decisionFlow(contract: string, options: { hostile: boolean; screenshot: boolean }): Promise<void> {
    const { page, dialogs, cspViolations } = await app.openPage();
    const reviewId = await app.upload(page, contract);
    await page.locator('li.finding').first().waitFor();
    const total = await page.locator('li.finding').count();
    expect(total).toBeGreaterThanOrEqual(4);

    if (options.hostile) {
      // Hostile text in the contract is shown as text and never runs.
      await expect.poll(() => page.getByText('<script>alert("x")</script>', { exact: false }).count()).toBeGreaterThan(0);
      expect(await page.locator('script:not([src])').count()).toBe(0);
    }

    const open = async (index: number) => {
      await page.locator('li.finding .finding-summary').nth(index).click();
      return page.locator('li.finding').nth(index);
    };
    const decided = (n: number) => page.getByText(`${n} of ${total} findings decided`).waitFor();

    let item = await open(0);
    await item.getByRole('button', { name: /^Accept/ }).click();
    await decided(1);
    item = await open(1);
    await item.getByRole('button', { name: /^Accept/ }).click();
    await decided(2);
    item = await open(2);
    await item.getByRole('button', { name: 'Edit wording…' }).click();
    await item.locator('textarea.editor').fill('The parties shall agree any change in writing.');
    await item.getByRole('button', { name: 'Save my wording' }).click();
    await decided(3);
    item = await open(3);
    await item.getByRole('button', { name: 'Reject' }).click();
    await decided(4);
    // A reason typed after deciding is saved when the reader leaves the box, with no second click.
    item = page.locator('li.finding').nth(3);
    await item.locator('textarea.reason').fill('Acceptable for this payer.');
    await item.locator('textarea.reason').blur();
    await expect.poll(async () => {
      const saved = (await (await page.request.get(`${app.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
      return Object.values(saved.decisions).find((d) => d.action === 'reject')?.reason;
    }).toBe('Acceptable for this payer.');
    // The edited finding shows the reader's own wording once saved, not the suggestion.
    item = await open(2);
    await item.getByRole('heading', { name: 'Your wording (saved)' }).waitFor();
    await expect.poll(() => item.locator('p.diff:not(.clause-preview)').innerText()).toContain('The parties shall agree any change in writing.');

    // A whole clause rewritten from the clause as it will read (not the edited or rejected one).
    let rewritten = -1;
    for (let i = 0; i < total && rewritten < 0; i++) {
      if (i === 2 || i === 3) continue;
      item = await open(i);
      if ((await item.getByRole('button', { name: 'Edit whole clause…' }).count()) > 0) rewritten = i;
    }
    expect(rewritten).toBeGreaterThanOrEqual(0);
    await item.getByRole('heading', { name: /clause will read/ }).waitFor();
    await item.getByRole('button', { name: 'Edit whole clause…' }).click();
    const clauseEditor = item.locator('textarea.editor');
    const asItWillRead = await clauseEditor.inputValue();
    expect(asItWillRead.length).toBeGreaterThan(20);
    const added = 'Any change to this clause requires the written consent of both parties.';
    await clauseEditor.fill(`${asItWillRead} ${added}`);
    await item.getByRole('button', { name: 'Save the clause' }).click();
    const decidedCount = rewritten < 2 ? 4 : 5;
    await decided(decidedCount);
    item = page.locator('li.finding').nth(rewritten);
    await item.getByRole('heading', { name: 'Your wording of the clause (saved)' }).waitFor();
    // The clause as it will read: the preview without its struck-out words.
    const willRead = () => item.locator('p.clause-preview').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const del of copy.querySelectorAll('del')) del.remove();
      return copy.textContent ?? '';
    });
    await expect.poll(willRead).toContain(added);
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);

    // The payer copy holds exactly these decisions, under the name typed in the export area.
    const review = (await (await page.request.get(`${app.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    const byAction = (action: string) => Object.entries(review.decisions).filter(([, d]) => d.action === action);
    expect(byAction('accept')).toHaveLength(rewritten < 2 ? 1 : 2);
    expect(byAction('edit')).toHaveLength(2);
    expect(byAction('edit').filter(([, d]) => (d as { scope?: string }).scope === 'clause')).toHaveLength(1);
    expect(byAction('reject')).toHaveLength(1);
    expect(byAction('reject')[0]![1].reason).toBe('Acceptable for this payer.');
    await page.getByLabel('Your name on the changes').fill('Jane Counsel');
    const payerLink = page.getByRole('link', { name: 'Download redline for the payer' });
    await expect.poll(() => payerLink.getAttribute('href')).toMatch(/author=Jane\+Counsel/);
    const exported = await page.request.get(`${app.url}${await payerLink.getAttribute('href')}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['x-redliner-skipped']).toBe('0');
    expect(exported.headers()['content-disposition']).toMatch(/ - redline\.docx"/);
    const bytes = new Uint8Array(await exported.body());
    // What the browser downloads passes the OOXML validator, with no problem the original lacked.
    const originalBytes = new Uint8Array(readFileSync(contract));
    const payerReport = validateDocx(bytes, originalBytes);
    if (payerReport) expect(newErrors(payerReport)).toEqual([]);
    const zip = await JSZip.loadAsync(bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    const authors = [...body.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]);
    expect(authors.length).toBeGreaterThan(0);
    expect(new Set(authors)).toEqual(new Set(['Jane Counsel']));
    const payerComments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    expect(payerComments).not.toContain('w:author="Redliner"');
    const ruleIds = review.findings.map((f) => f.id.split('@')[0]!);
    for (const word of ['Acceptable for this payer.', 'HIGH', 'MEDIUM', 'LOW', 'Rule:', 'Note:', 'Fallback', 'Suggested language', 'Decision:', 'Not decided yet', 'INTERNAL', '{', ...ruleIds]) expect(payerComments, word).not.toContain(word);
    const accepted = squash((await parseDocument(bytes, { name: 'export.docx' })).text);
    expect(accepted).toContain('The parties shall agree any change in writing.');
    expect(accepted).toContain(added);
    const suggestion = (id: string) => squash(review.findings.find((f) => f.id === id)?.redline?.text.trim() ?? '').slice(0, 50);
    // Case aside: a term whose definition was not accepted reads as plain words ("every clean claim").
    for (const [id] of byAction('accept')) if (suggestion(id)) expect(accepted.toLowerCase()).toContain(suggestion(id).toLowerCase());
    const [rejectedId] = byAction('reject')[0]!;
    const rejectedText = suggestion(rejectedId);
    // Only checkable when no other finding suggests the same words.
    if (rejectedText && review.findings.filter((f) => suggestion(f.id) === rejectedText).length === 1) expect(accepted).not.toContain(rejectedText);
    // Findings not decided yet change nothing: checkable for suggestions neither in the original nor the same as a decided one.
    const original = squash((await parseDocument(originalBytes, { name: basename(contract) })).text);
    const decidedSuggestions = new Set(Object.keys(review.decisions).map(suggestion));
    const undecided = review.findings.filter((f) => !review.decisions[f.id]).map((f) => suggestion(f.id));
    const checkable = undecided.filter((text) => text && !decidedSuggestions.has(text) && !original.includes(text));
    expect(checkable.length).toBeGreaterThan(0);
    for (const text of checkable) expect(accepted).not.toContain(text);
    await page.getByText(/findings? not decided yet changes? nothing: left out of the payer copy/).waitFor();

    // The internal copy: every finding commented with the analysis, the reason, and marked internal.
    const internalHref = await page.getByRole('link', { name: 'Download internal redline' }).getAttribute('href');
    expect(internalHref).toMatch(/audience=internal/);
    const internal = await page.request.get(`${app.url}${internalHref}`);
    expect(internal.headers()['content-disposition']).toMatch(/ - internal redline\.docx"/);
    const internalBytes = new Uint8Array(await internal.body());
    const internalReport = validateDocx(internalBytes, originalBytes);
    if (internalReport) expect(newErrors(internalReport)).toEqual([]);
    const internalComments = await (await JSZip.loadAsync(internalBytes)).file('word/comments.xml')!.async('string');
    expect(internalComments).toContain('INTERNAL — not for the payer');
    expect(internalComments).toContain('Acceptable for this payer.');
    expect((internalComments.match(/<w:comment /g) ?? []).length).toBe(review.findings.length);
    expect(internalComments).toContain('w:author="Jane Counsel"');

    // The issues list for the payer, downloaded as a user does from "More downloads": a row per
    // requested change (accepted, edited, rewritten), with the lead's own wording, nothing internal.
    await page.locator('details.more-downloads summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Issues list for the payer (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/ - issues list\.xlsx$/);
    const sheetZip = await JSZip.loadAsync(readFileSync(await download.path()));
    const strings = (await sheetZip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const sheet = await sheetZip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cells = `${strings}${sheet}`;
    expect(cells).toContain('The parties shall agree any change in writing.');
    expect(cells).toContain(added);
    for (const word of ['Acceptable for this payer.', 'HIGH', 'Severity', 'Reason', ...ruleIds]) expect(cells, word).not.toContain(word);
    const requested = byAction('accept').length + byAction('edit').length;
    const rows = [...sheet.matchAll(/<row [^>]*r="(\d+)"/g)].map((m) => Number(m[1]));
    // The header row, then a row per requested change (a change inside a rewritten clause is
    // part of that clause's row), never one for the rejected finding.
    expect(rows.length - 1).toBeGreaterThanOrEqual(2);
    expect(rows.length - 1).toBeLessThanOrEqual(requested);

    if (options.screenshot) {
      // The header (rules used, downloads, Re-analyse, Delete) in view, the decided finding open beside the text.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        // Scroll only the findings panel, so the decision just made shows below the header.
        const panel = document.querySelector('.findings-panel');
        const decision = panel?.querySelector('.finding.selected .current-decision');
        if (panel && decision) panel.scrollTop += decision.getBoundingClientRect().top - panel.getBoundingClientRect().top - 260;
      });
      await page.screenshot({ path: join(REPO_ROOT, 'docs/review-screen.png') });
    }
    // The name is remembered on this computer.
    await page.reload();
    await expect.poll(() => page.getByLabel('Your name on the changes').inputValue()).toBe('Jane Counsel');
    await page.close();

    // Restart on the same data dir: the review and its decisions are intact, in the API and on screen.
    await app.restart();
    const again = (await (await fetch(`${app.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    expect(again.decisions).toEqual(review.decisions);
    const { page: reopened } = await app.openPage();
    await reopened.goto(`${app.url}/reviews/${reviewId}`);
    await reopened.getByText(`${decidedCount} of ${total} findings decided`).waitFor();
    await reopened.close();
  }

  it('uploads the repo fixture, records decisions, exports exactly those changes, and keeps them across a restart', async () => {
    await decisionFlow(CONTRACT, { hostile: true, screenshot: SHOTS && !SHARED_DIR });
  }, 180_000);

  it.skipIf(!SHARED_DIR)('does the same on a payer-dev DOCX', async () => {
    await decisionFlow(payerDevDocx(), { hostile: false, screenshot: SHOTS });
  }, 180_000);
});
