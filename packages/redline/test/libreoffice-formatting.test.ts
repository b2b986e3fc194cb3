/**
 * The redline leaves the rest of the contract alone: LibreOffice renders the original and the
 * redlined DOCX to PDF, `pdftotext -layout` reads both, and every line of the original outside
 * the changed clauses comes back, in order, with its clause number; headers and footers are on
 * every page. Runs on the payer draft fixture and, when ../shared is there, on a payer-dev
 * contract with a header and a "Page X of Y" footer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type ContractDocument } from '@redliner/parser';
import { analyze, loadRuleset, type Finding } from '@redliner/rules';
import { redline } from './validated-redline.ts';
import type { RedlineResult } from '../src/index.ts';
import { corpusPath, SHARED_DIR, SKIP_MESSAGE } from '../../../test/support/shared-corpus.ts';
import { entries, fixture, libreOfficeScratch, sofficePath } from './helpers.ts';

const RULESET = fileURLToPath(new URL('../../../rulesets/payer-core', import.meta.url));
const TIMEOUT_MS = 180_000;

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const soffice = sofficePath();
const skipReason = !soffice ? 'soffice not found' : !hasPdftotext() ? 'pdftotext (poppler-utils) not found' : null;
if (skipReason) console.warn(`LibreOffice formatting test skipped: ${skipReason}.`);
if (!SHARED_DIR) console.warn(SKIP_MESSAGE);

const scratch = libreOfficeScratch();
afterAll(() => scratch.cleanup());

/** PDF text (layout mode, raw lines) of each DOCX, one soffice run for all; pages split on form feeds. */
function pdfPages(files: Record<string, Uint8Array>): Record<string, string[][]> {
  const dir = scratch.make('redline-lo-pdf-');
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...paths], { stdio: 'ignore', timeout: TIMEOUT_MS });
    const out: Record<string, string[][]> = {};
    for (const name of Object.keys(files)) {
      execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, `${name}.pdf`), join(dir, `${name}.txt`)], { timeout: 60_000 });
      const pages = readFileSync(join(dir, `${name}.txt`), 'utf8').split('\f');
      if (pages.at(-1)!.trim() === '') pages.pop();
      out[name] = pages.map((p) => p.split('\n').filter((l) => l.trim() !== ''));
    }
    return out;
  } finally {
    scratch.stop(dir);
  }
}

/**
 * One rendered line, comparable across the two renderings: whitespace collapsed, page counts
 * neutralised ("Page 2 of 9" → "Page 2 of N"; the redline may add pages) and LibreOffice's
 * show-changes numbering dropped ("3.2[2.5]": it prints the number the item would have without
 * the tracked list changes in brackets after the real one).
 */
function normLine(line: string): string {
  return line
    .replace(/\[(\d+\.)*\d*\.?\]/g, ' ')
    .replace(/\b(Page \d+ of )\d+/gi, '$1N')
    .replace(/\s+/g, ' ')
    .trim();
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Blocks whose text a tracked change touches (new paragraphs touch none: they are new blocks). */
function changedBlocks(doc: ContractDocument, findings: Finding[], result: RedlineResult): Set<string> {
  const ids = new Set<string>();
  for (const a of result.applied) {
    if (!a.change || a.change === 'new-paragraph') continue;
    const r = findings.find((f) => f.id === a.findingId)!.redline!;
    const start = r.span?.start ?? r.insertAt!;
    const end = r.span?.end ?? r.insertAt!;
    for (const b of doc.blocks) if (b.start <= end && start <= b.end) ids.add(b.id);
  }
  return ids;
}

/** Text of the header and footer parts of a DOCX, one string per paragraph. */
async function headerFooterLines(docx: Uint8Array): Promise<string[]> {
  const out: string[] = [];
  for (const [name, data] of await entries(docx)) {
    if (!/^word\/(header|footer)\d*\.xml$/.test(name)) continue;
    const xml = Buffer.from(data).toString('utf8');
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      // field results (page numbers) vary by page; keep only literal runs outside fields
      const literal = p.replace(/<w:fldSimple[\s\S]*?<\/w:fldSimple>/g, '').replace(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*?<w:fldChar w:fldCharType="end"\/>/g, ' ');
      const text = norm([...literal.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
      if (text) out.push(...text.split(/\s*\|\s*|\s{2,}/).map((t) => t.replace(/\s*Page\s*(of)?\s*$/i, '').trim()).filter((t) => t.length > 3));
    }
  }
  return out.map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** Indexes of `a` in a longest common subsequence of `a` and `b` (lines kept in order). */
function commonSubsequence(a: readonly string[], b: readonly string[]): Set<number> {
  const w = b.length + 1;
  const dp = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const out = new Set<number>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.add(i++);
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

interface Case {
  name: string;
  load: () => Promise<{ bytes: Uint8Array; doc: ContractDocument }>;
  skip: boolean;
}

const cases: Case[] = [
  {
    name: 'payer-draft.docx',
    skip: false,
    load: async () => {
      const bytes = fixture('payer-draft.docx');
      return { bytes, doc: await parseDocument(bytes, { name: 'payer-draft.docx' }) };
    },
  },
  {
    name: 'payer-dev 01-ortho-physician-services.docx',
    skip: !SHARED_DIR,
    load: async () => {
      const path = corpusPath('payer-dev', 'docs', '01-ortho-physician-services.docx');
      const bytes = new Uint8Array(readFileSync(path));
      return { bytes, doc: await parseDocument(bytes, { name: basename(path) }) };
    },
  },
];

for (const c of cases) {
  describe.skipIf(!!skipReason || c.skip)(`LibreOffice renders the untouched parts of ${c.name} unchanged`, async () => {
    // Skipped suites are still collected: do not load a file that is not there.
    if (skipReason || c.skip) return;
    const { bytes, doc } = await c.load();
    const { findings } = analyze(doc, loadRuleset(RULESET).ruleset);
    const result = await redline({ document: doc, findings, original: bytes, options: { author: 'Provider Counsel', date: '2025-02-01T09:00:00Z', audience: 'internal', acceptUndecided: true } });
    const changed = changedBlocks(doc, findings, result);
    // a table row reflows as a whole when one of its cells grows: its other cells count as changed too
    const changedRows = new Set(doc.blocks.filter((b) => changed.has(b.id) && b.table).map((b) => `${b.table!.table}/${b.table!.row}`));
    const reflowed = (b: (typeof doc.blocks)[number]) => changed.has(b.id) || (!!b.table && changedRows.has(`${b.table.table}/${b.table.row}`));
    const changedText = doc.blocks.filter(reflowed).map((b) => norm(doc.text.slice(b.start, b.end)));
    let pages: Record<string, string[][]> | undefined;
    const render = () => (pages ??= pdfPages({ original: bytes, redlined: result.bytes }));

    /**
     * Is a rendered line of the original part of a changed clause? Its text (label stripped) lies
     * inside one, or, for a table row laid out on one line, one of its cell pieces does.
     */
    const inText = (piece: string) => {
      const body = piece.replace(/^(\(?[0-9A-Za-z]{1,4}[.)]){1,3}\s+/, '');
      return changedText.some((t) => t.includes(piece) || (body.length > 0 && t.includes(body)));
    };
    const inChanged = (raw: string) =>
      inText(normLine(raw)) ||
      raw
        .trim()
        .split(/\s{2,}/)
        .map(normLine)
        .some((piece) => piece.length > 3 && inText(piece));

    it('has changes to render', () => {
      expect(result.applied.filter((a) => a.change).length).toBeGreaterThan(0);
      expect(changed.size).toBeGreaterThan(0);
    });

    it('keeps every line outside the changed clauses, in order', async () => {
      const { original, redlined } = render();
      // running heads and feet move with the page breaks; the next test checks them page by page
      const parts = await headerFooterLines(bytes);
      const body = (l: string) => !parts.some((p) => l.includes(p));
      const kept = original!.flat().filter((l) => !inChanged(l)).map(normLine).filter(body);
      expect(kept.length).toBeGreaterThan(5);
      const matched = commonSubsequence(kept, redlined!.flat().map(normLine).filter(body));
      expect(kept.filter((_, i) => !matched.has(i))).toEqual([]);
    }, TIMEOUT_MS);

    it('keeps the clause numbers of the untouched clauses', () => {
      const { redlined } = render();
      const text = redlined!.flat().map(normLine).join('\n');
      const labelled = doc.blocks.filter((b) => b.label && !changed.has(b.id) && b.kind !== 'table-cell');
      expect(labelled.length).toBeGreaterThan(3);
      for (const b of labelled) {
        const body = norm(doc.text.slice(b.start, b.end)).slice(b.label!.length).trim().split(' ').slice(0, 4).join(' ');
        const label = b.label!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(text, `${b.label} ${body}`).toMatch(new RegExp(`(^|\\n)${label} ${body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      }
    }, TIMEOUT_MS);

    it('repeats the headers and footers on every page', async () => {
      const { original, redlined } = render();
      const parts = await headerFooterLines(bytes);
      if (parts.length === 0) return; // the fixture has none; the payer-dev contract does
      expect(redlined!.length).toBeGreaterThanOrEqual(original!.length);
      redlined!.forEach((page, i) => {
        const text = page.map(normLine).join('\n');
        for (const part of parts) if (original!.every((p) => p.map(normLine).join('\n').includes(part))) expect(text, `page ${i + 1}: ${part}`).toContain(part);
        if (original!.every((p) => p.some((l) => /Page \d+ of \d+/.test(l)))) expect(text).toContain(`Page ${i + 1} of N`);
      });
    }, TIMEOUT_MS);
  });
}
