/**
 * The rule editor in a real browser (Debian's Chromium through playwright-core) against the
 * real server: open a bundled rule, see a mistake underlined at its line and column as you
 * type, fix it, try the rule on pasted text, save it as your own rule (the bundled file is
 * untouched and reviews with "My rules" use your version), go back to the bundled rule, and
 * turn it off and on again in My rules.
 * Skips with a message when Chromium is absent.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULESET_DIR } from '@redliner/rules';
import { startServer, type RunningServer } from '@redliner/server';
import { buildWeb, HAS_CHROMIUM, launchChromium, shutDown, warnIfNoChromium, watchProblems } from './support/browser.ts';
import { REPO_ROOT } from './support/shared-corpus.ts';

const BUNDLED = join(DEFAULT_RULESET_DIR, 'audit-lookback-unlimited.yaml');
warnIfNoChromium('rule editor browser test');

describe.skipIf(!HAS_CHROMIUM)('the rule editor in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'redliner-rules-e2e-'));
  // Its own build folder: the review e2e test builds the web app at the same time.
  const webRoot = mkdtempSync(join(tmpdir(), 'redliner-rules-web-'));

  beforeAll(async () => {
    buildWeb(webRoot);
    server = await startServer({ port: 0, dataDir, webRoot, logger: false });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => shutDown(browser, server, dataDir, webRoot));

  it('edits a bundled rule with live errors, tries it, saves it as a user rule and restores the bundled one', async () => {
    const bundledBefore = readFileSync(BUNDLED, 'utf8');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems = watchProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });

    // The header link opens the editor on the first bundled rule.
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    // The first open waits for the server's warm-up, which compiles the whole bundled ruleset.
    await page.waitForURL(/\/rules\/payer-core\/[a-z0-9-]+$/, { timeout: 90_000 });
    await page.getByText('No problems found.').waitFor({ timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Rules' }).getByRole('link', { name: /Audit or overpayment recovery/ }).click();
    await page.waitForURL(/\/rules\/payer-core\/audit-lookback-unlimited$/);
    await page.getByText(/^Bundled rule/).waitFor();
    expect(await page.locator('.cm-content').innerText()).toContain('id: audit-lookback-unlimited');

    // A wrong value is underlined and listed at its line and column while typing.
    const severityLine = page.locator('.cm-line', { hasText: /^severity: high$/ });
    await severityLine.locator('text=high').dblclick();
    await page.keyboard.type('severe');
    await page.getByText('1 problem to fix before saving:').waitFor();
    const problem = page.locator('.rule-problems li').first();
    expect(await problem.innerText()).toMatch(/^Line 5, column 11: /);
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);

    // Fix it (medium instead of high), and the rule is clean again.
    await page.locator('.cm-line', { hasText: /^severity: severe$/ }).locator('text=severe').dblclick();
    await page.keyboard.type('medium');
    await page.getByText('No problems found.').waitFor();

    // Try it on pasted contract text.
    await page.getByLabel('Contract text to try the rule on').fill('Plan may audit any claim at any time and recover any overpayment identified.');
    await page.getByRole('button', { name: 'Try the rule on this text' }).click();
    await page.getByText('The rule flags 1 passage:').waitFor();
    expect(await page.locator('.try-finding').innerText()).toContain('Medium risk');
    await page.getByLabel('Contract text to try the rule on').fill('Provider shall keep records for ten (10) years.');
    await page.getByRole('button', { name: 'Try the rule on this text' }).click();
    await page.getByText('Nothing flagged').waitFor();

    // Save: the copy goes to My rules; the bundled file is untouched.
    await page.getByRole('button', { name: /^Save as my rule/ }).click();
    await page.waitForURL(/\/rules\/user%3Amy-rules\/audit-lookback-unlimited$/);
    await page.getByText(/Saved to your rules/).waitFor();
    await page.getByText(/^Your version of a bundled rule/).waitFor();
    expect(await page.locator('.rule-list a.current .badge').innerText()).toBe('Your version');
    expect(readFileSync(BUNDLED, 'utf8')).toBe(bundledBefore);
    const own = readFileSync(join(dataDir, 'rulesets/my-rules/audit-lookback-unlimited.yaml'), 'utf8');
    expect(own).toBe(bundledBefore.replace(/^severity: high$/m, 'severity: medium'));
    await page.getByText('No problems found.').waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(REPO_ROOT, 'docs/rule-editor.png') });

    // Reviews analysed with My rules use the saved version.
    const severities = await page.evaluate(async () => {
      const text = 'AUDITS\n\nPlan may audit any claim at any time and recover any overpayment identified.';
      const tried = await fetch('/api/rulesets/user%3Amy-rules/rules/audit-lookback-unlimited').then((r) => r.json() as Promise<{ yaml: string }>);
      const res = await fetch('/api/rules/try', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ yaml: tried.yaml, text }) });
      return ((await res.json()) as { findings: Array<{ severity: string }> }).findings.map((f) => f.severity);
    });
    expect(severities).toEqual(['medium']);

    // Going back to the bundled rule deletes the copy, after a confirmation.
    await page.getByRole('button', { name: 'Go back to the bundled rule' }).click();
    await page.getByText(/the bundled rule applies again/).waitFor();
    expect(dialogs.at(-1)).toMatch(/Delete your version of "audit-lookback-unlimited"/);
    expect(existsSync(join(dataDir, 'rulesets/my-rules/audit-lookback-unlimited.yaml'))).toBe(false);
    expect(await page.locator('.cm-content').innerText()).toContain('severity: high');

    // A bundled rule can be turned off in My rules (and on again) without touching its file.
    await page.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText(/is turned off in My rules/).waitFor();
    expect(await page.locator('.rule-list a.current .badge.off').innerText()).toBe('Off');
    expect(readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).toMatch(/disable:\n {2}- audit-lookback-unlimited/);
    await page.getByRole('button', { name: 'Turn back on' }).click();
    await page.getByText(/is turned back on/).waitFor();
    expect(readFileSync(join(dataDir, 'rulesets/my-rules/ruleset.yaml'), 'utf8')).not.toContain('disable');
    expect(readFileSync(BUNDLED, 'utf8')).toBe(bundledBefore);

    // Unsaved changes are not lost silently: leaving asks first.
    await page.locator('.cm-line', { hasText: /^severity: high$/ }).locator('text=high').dblclick();
    await page.keyboard.type('low');
    dialogs.length = 0;
    page.removeAllListeners('dialog');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    expect(dialogs).toEqual(['This rule has unsaved changes. Leave without saving?']);
    expect(page.url()).toMatch(/\/rules\//);

    expect(problems).toEqual([]);
  }, 300_000);
});
