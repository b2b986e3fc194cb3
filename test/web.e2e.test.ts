/**
 * The app in a real browser (Debian's Chromium through playwright-core) against the real
 * server and SQLite store: upload, decide (accept two, edit one, reject one with a reason,
 * rewrite one whole clause from the clause as it will read),
 * type the author, export the payer copy and check it holds exactly those decisions under that
 * name with nothing internal, export the internal copy, restart and find the decisions intact;
 * on the repo fixture and, when ../shared exists, on a payer-dev DOCX. Then re-analyse with
 * other rules and delete reviews. Hostile contract text must render inert, and no page may
 * break the CSP. Skips with a message when Chromium is absent.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '@redliner/parser';
import { startServer, type RunningServer } from '@redliner/server';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, WEB_DIR as WEB } from './support/browser.ts';
import { corpusPath, payerDevContracts, REPO_ROOT, SHARED_DIR, SKIP_MESSAGE } from './support/shared-corpus.ts';

const CONTRACT = join(REPO_ROOT, 'test/fixtures/contracts/payer-draft.docx');
/** A laptop screen: what counsel will use. */
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = Boolean(process.env.UPDATE_SCREENSHOTS);
warnIfNoChromium('browser tests');
if (!SHARED_DIR) console.warn(`${SKIP_MESSAGE} (browser test runs on the repo fixture only)`);

interface ApiReview {
  name: string;
  findings: Array<{ id: string; quote: string; redline?: { op: string; text: string } }>;
  decisions: Record<string, { action: string; text?: string; reason?: string }>;
}

/** The payer-dev DOCX the decision flow runs on: the hospital agreement, else the first DOCX there is. */
function payerDevDocx(): string {
  const docx = payerDevContracts().flatMap((c) => c.renderings.filter((p) => p.endsWith('.docx')));
  return docx.find((p) => basename(p) === '02-hospital-participation-hmo.docx') ?? docx[0]!;
}

/** A user ruleset "Short list": payer-core without its evergreen-renewal rules. */
function writeShortList(dataDir: string): void {
  const bundled = join(REPO_ROOT, 'rulesets/payer-core');
  const dir = join(dataDir, 'rulesets', 'short-list');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(bundled).filter((f) => f.endsWith('.yaml'))) {
    if (file === 'ruleset.yaml') {
      const manifest = readFileSync(join(bundled, file), 'utf8').replace(/^name: .*$/m, 'name: Short list').replace(/^version: .*$/m, 'version: "1"');
      writeFileSync(join(dir, file), manifest);
    } else if (!file.startsWith('evergreen-renewal')) {
      copyFileSync(join(bundled, file), join(dir, file));
    }
  }
}

// Inserted quotes follow the document's style (curly or straight): compare without it.
const squash = (text: string): string => text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

describe.skipIf(!HAS_CHROMIUM)('the review app in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-e2e-'));
  const start = () => startServer({ port: 0, dataDir, webRoot: join(WEB, 'dist'), logger: false });

  beforeAll(async () => {
    // The same build `pnpm start` makes.
    buildWeb();
    writeShortList(dataDir);
    server = await start();
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => shutDown(browser, server, dataDir));

  /** A page that records browser dialogs (alert/confirm: hostile text must never raise one) and CSP violations. */
  async function openPage(): Promise<{ page: Page; dialogs: string[]; cspViolations: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return { page, dialogs, cspViolations };
  }

  async function upload(page: Page, file: string): Promise<string> {
    await page.goto(server.url);
    await page.setInputFiles('#file-input', file);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
    return page.url().split('/').pop()!;
  }

  async function decisionFlow(contract: string, options: { hostile: boolean; screenshot: boolean }): Promise<void> {
    const { page, dialogs, cspViolations } = await openPage();
    const reviewId = await upload(page, contract);
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
      const saved = (await (await page.request.get(`${server.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
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
    const review = (await (await page.request.get(`${server.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    const byAction = (action: string) => Object.entries(review.decisions).filter(([, d]) => d.action === action);
    expect(byAction('accept')).toHaveLength(rewritten < 2 ? 1 : 2);
    expect(byAction('edit')).toHaveLength(2);
    expect(byAction('edit').filter(([, d]) => (d as { scope?: string }).scope === 'clause')).toHaveLength(1);
    expect(byAction('reject')).toHaveLength(1);
    expect(byAction('reject')[0]![1].reason).toBe('Acceptable for this payer.');
    await page.getByLabel('Your name on the changes').fill('Jane Counsel');
    const payerLink = page.getByRole('link', { name: 'Download redline for the payer' });
    await expect.poll(() => payerLink.getAttribute('href')).toMatch(/author=Jane\+Counsel/);
    const exported = await page.request.get(`${server.url}${await payerLink.getAttribute('href')}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['x-redliner-skipped']).toBe('0');
    expect(exported.headers()['content-disposition']).toMatch(/ - redline\.docx"/);
    const bytes = new Uint8Array(await exported.body());
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
    for (const [id] of byAction('accept')) if (suggestion(id)) expect(accepted).toContain(suggestion(id));
    const [rejectedId] = byAction('reject')[0]!;
    const rejectedText = suggestion(rejectedId);
    // Only checkable when no other finding suggests the same words.
    if (rejectedText && review.findings.filter((f) => suggestion(f.id) === rejectedText).length === 1) expect(accepted).not.toContain(rejectedText);
    // Findings not decided yet change nothing: checkable for suggestions neither in the original nor the same as a decided one.
    const original = squash((await parseDocument(new Uint8Array(readFileSync(contract)), { name: basename(contract) })).text);
    const decidedSuggestions = new Set(Object.keys(review.decisions).map(suggestion));
    const undecided = review.findings.filter((f) => !review.decisions[f.id]).map((f) => suggestion(f.id));
    const checkable = undecided.filter((text) => text && !decidedSuggestions.has(text) && !original.includes(text));
    expect(checkable.length).toBeGreaterThan(0);
    for (const text of checkable) expect(accepted).not.toContain(text);
    await page.getByText(/findings? not decided yet changes? nothing: left out of the payer copy/).waitFor();

    // The internal copy: every finding commented with the analysis, the reason, and marked internal.
    const internalHref = await page.getByRole('link', { name: 'Download internal redline' }).getAttribute('href');
    expect(internalHref).toMatch(/audience=internal/);
    const internal = await page.request.get(`${server.url}${internalHref}`);
    expect(internal.headers()['content-disposition']).toMatch(/ - internal redline\.docx"/);
    const internalComments = await (await JSZip.loadAsync(new Uint8Array(await internal.body()))).file('word/comments.xml')!.async('string');
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
    await server.close();
    server = await start();
    const again = (await (await fetch(`${server.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    expect(again.decisions).toEqual(review.decisions);
    const { page: reopened } = await openPage();
    await reopened.goto(`${server.url}/reviews/${reviewId}`);
    await reopened.getByText(`${decidedCount} of ${total} findings decided`).waitFor();
    await reopened.close();
  }

  it('uploads the repo fixture, records decisions, exports exactly those changes, and keeps them across a restart', async () => {
    await decisionFlow(CONTRACT, { hostile: true, screenshot: SHOTS && !SHARED_DIR });
  }, 180_000);

  it.skipIf(!SHARED_DIR)('does the same on a payer-dev DOCX', async () => {
    await decisionFlow(payerDevDocx(), { hostile: false, screenshot: SHOTS });
  }, 180_000);

  it('reviews a PDF: findings appear with their page, and the checklist says in plain words what was searched and which clauses to review', async () => {
    // A payer-dev PDF when the shared corpus is there; the repo's own PDF fixture otherwise.
    const pdf = SHARED_DIR ? corpusPath('payer-dev', 'docs', '04-lab-services-lbm.pdf') : join(REPO_ROOT, 'packages/parser/test/fixtures/pdf/flow.pdf');
    const { page, cspViolations } = await openPage();
    await upload(page, pdf);
    await page.getByText(/findings decided|No findings/).first().waitFor();
    if (SHARED_DIR) {
      await page.locator('li.finding').first().waitFor();
      expect(await page.locator('li.finding').count()).toBeGreaterThan(20);
      await expect.poll(() => page.getByText(/^Page \d+$/).count()).toBeGreaterThan(3);
    }
    await page.getByRole('link', { name: 'Checklist and summary' }).click();
    await page.getByText('Evergreen / automatic renewal', { exact: false }).first().waitFor();

    // Not-found topics: rule titles and where they looked, never rule ids or the engine's wording.
    const searched = page.locator('details.searched');
    const count = await searched.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await searched.nth(i).locator('summary').click();
      const text = (await searched.nth(i).innerText()).trim();
      expect(text).toMatch(/^No such language found\s+(Looked for: |Not relevant)/);
      expect(text).toMatch(/Searched (the whole contract|sections headed)/);
      expect(text).not.toMatch(/\b[a-z]+(?:-[a-z]+)+:|sections titled|does not apply|What was searched/);
      if (i > 0) await searched.nth(i).locator('summary').click();
    }

    // Topics no rule detected but the contract relates to: the clauses to review, never "not found".
    const related = page.locator('div.related');
    expect(await related.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await related.count()); i++) {
      const text = (await related.nth(i).innerText()).trim();
      expect(text).toMatch(/^Not detected — review these clauses\s/);
      expect(text).not.toMatch(/No such language found|\b[a-z]+(?:-[a-z]+)+:|sections titled|does not apply/);
      expect(await related.nth(i).locator('ol.related-list > li > a').count()).toBeGreaterThan(0);
    }
    if (SHOTS) {
      // Show the checklist around the first topic to review, its clauses listed.
      await related.first().evaluate((el) => el.closest('tr')?.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(REPO_ROOT, 'docs/checklist.png') });
    }
    // A related clause opens the contract scrolled to that clause, outlined as a selected finding is.
    const link = related.first().locator('ol.related-list > li > a').first();
    const offset = Number(/#clause-(\d+)$/.exec((await link.getAttribute('href')) ?? '')?.[1]);
    await link.click();
    await page.waitForURL(/#clause-\d+$/);
    const current = page.locator('.contract-text .is-current');
    await current.first().waitFor();
    await expect.poll(() => current.first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    const block = await current.first().getAttribute('data-block');
    const review = (await (await fetch(`${server.url}/api/reviews/${encodeURIComponent(/\/reviews\/([^/#]+)/.exec(page.url())![1]!)}`)).json()) as { document: { blocks: Array<{ id: string; start: number; end: number }> } };
    const target = review.document.blocks.find((b) => b.id === block)!;
    expect(target.start <= offset && offset < target.end).toBe(true);
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 180_000);

  it('re-analyses a review with other rules, keeping decisions, and deletes reviews after asking', async () => {
    const { page, dialogs, cspViolations } = await openPage();
    await page.goto(server.url);
    // Two rulesets, so the upload offers the choice.
    await page.getByLabel('Rules to apply').selectOption('user:short-list');
    await page.setInputFiles('#file-input', CONTRACT);
    await page.waitForURL(/\/reviews\/[^/]+$/, { timeout: 60_000 });
    const reviewId = page.url().split('/').pop()!;
    await page.getByText('Checked against Short list, version 1').waitFor();
    await page.locator('li.finding').first().waitFor();
    const short = await page.locator('li.finding').count();
    await page.locator('li.finding .finding-summary').first().click();
    await page.locator('li.finding').first().getByRole('button', { name: /^Accept/ }).click();
    await page.getByText(`1 of ${short} findings decided`).waitFor();

    const reanalyse = async (ruleset: string) => {
      await page.getByRole('button', { name: 'Re-analyse…' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByRole('heading').innerText()).toBe('Re-analyse “payer-draft.docx”?');
      await dialog.getByLabel('Rules to apply').selectOption(ruleset);
      await dialog.getByRole('button', { name: 'Re-analyse', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    // The full rules find the evergreen clause the short list leaves out; the decision made stays.
    await reanalyse('payer-core');
    await page.getByText('1 new finding.').waitFor();
    await page.getByText('Now checked against payer-core, version 0.1.0 (before: Short list, version 1).').waitFor();
    await page.getByText('Your decision was kept.').waitFor();
    expect(await page.locator('li.finding').count()).toBe(short + 1);
    const fresh = page.locator('li.finding', { has: page.locator('.badge.new') });
    expect(await fresh.count()).toBe(1);
    await page.getByText(`1 of ${short + 1} findings decided`).waitFor();

    // Back to the short list: the evergreen finding and its decision go, and the reader is told.
    await fresh.locator('.finding-summary').click();
    await fresh.getByRole('button', { name: 'Reject' }).click();
    await page.getByText(`2 of ${short + 1} findings decided`).waitFor();
    await reanalyse('user:short-list');
    await page.getByText('1 finding no longer applies.').waitFor();
    await page.getByText('1 decision was removed because its finding no longer applies.').waitFor();
    await page.getByText(`1 of ${short} findings decided`).waitFor();
    const saved = (await (await page.request.get(`${server.url}/api/reviews/${reviewId}`)).json()) as ApiReview;
    expect(Object.values(saved.decisions).map((d) => d.action)).toEqual(['accept']);

    // The last choice is remembered for the next upload.
    await page.getByRole('link', { name: '← All reviews' }).click();
    await page.locator('table.reviews-table').waitFor();
    expect(await page.getByLabel('Rules to apply').inputValue()).toBe('user:short-list');
    const row = page.locator(`tr[data-review="${reviewId}"]`);
    await row.getByText('Checked against Short list, version 1').waitFor();

    // Re-analyse from the list.
    await row.getByRole('button', { name: /^Re-analyse/ }).click();
    await page.getByRole('dialog').getByLabel('Rules to apply').selectOption('payer-core');
    await page.getByRole('dialog').getByRole('button', { name: 'Re-analyse', exact: true }).click();
    await page.getByText('“payer-draft.docx” re-analysed: 1 new finding.').waitFor();
    await row.getByText('Checked against payer-core, version 0.1.0').waitFor();
    if (SHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/reviews-list.png') });

    // Delete from the list: the confirmation names the review; Cancel keeps it.
    await row.getByRole('button', { name: /^Delete/ }).click();
    expect(await page.getByRole('dialog').getByRole('heading').innerText()).toBe('Delete the review of “payer-draft.docx”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete review' }).click();
    await page.getByText('The review of “payer-draft.docx” was deleted.').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await page.request.get(`${server.url}/api/reviews/${reviewId}`)).status()).toBe(404);

    // Delete from the review screen: back to the list, which says so.
    const otherId = await upload(page, CONTRACT);
    await page.getByRole('button', { name: 'Delete review…' }).click();
    expect(await page.getByRole('dialog').getByRole('heading').innerText()).toBe('Delete the review of “payer-draft.docx”?');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete review' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByText('The review of “payer-draft.docx” was deleted.').waitFor();
    expect((await page.request.get(`${server.url}/api/reviews/${otherId}`)).status()).toBe(404);
    expect(await page.locator(`tr[data-review="${otherId}"]`).count()).toBe(0);

    // Exactly one way to the rules from here.
    expect(await page.getByRole('link', { name: 'Rules', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Rules', exact: true }).getAttribute('href')).toBe('/rules');
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 180_000);
});
