import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { removeFurniture } from '../src/pdf/page-furniture.ts';
import { opensClause } from '../src/pdf/line-roles.ts';
import type { PageText, PdfItem } from '../src/pdf/pdf-types.ts';
import { makeLine } from '../src/pdf/text-lines.ts';
import { blockWith, fixture } from './pdf-helpers.ts';

describe('extractPdf: paragraphs across page breaks, and what a running header is', async () => {
  const raw = await extractPdf(fixture('page-breaks.pdf'), { name: 'page-breaks.pdf' });

  it('joins a sentence that a page break cuts into one paragraph', () => {
    const block = blockWith(raw.blocks, '7.3 Review.');
    expect(block.text).toContain('the decision that Provider asks Plan to review under the utilization management program within sixty (60) days');
    expect(block).toMatchObject({ label: '7.3', page: 1 });
    const pages = new Set(block.pieces.map((p) => (p.source.type === 'pdf' ? p.source.page : 0)));
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('does not join a clause label or a heading at the top of the next page to an unfinished paragraph', () => {
    expect(blockWith(raw.blocks, '7.4 Arbitration.').text).toMatch(/for its network of providers$/);
    expect(blockWith(raw.blocks, 'Costs. Each party')).toMatchObject({ label: '7.5', page: 3 });
    expect(blockWith(raw.blocks, 'another way to resolve').text).toMatch(/at any$/);
    expect(blockWith(raw.blocks, 'ARTICLE 8')).toMatchObject({ kind: 'heading', label: 'ARTICLE 8', page: 5 });
    expect(raw.blocks.map((b) => b.label ?? '-')).toEqual(['ARTICLE 7', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '-', 'ARTICLE 8', '8.1']);
  });

  it('removes the running header and footer but keeps a one-off first line that starts with a footer word', () => {
    const all = raw.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Cedar Valley/);
    expect(all).not.toMatch(/^Attachment$/m);
    expect(blockWith(raw.blocks, '7.6 Denials.').text).toContain('the Agreement and/or this Attachment. A denial of payment or any action taken by Plan under a utilization review, referral, discharge planning program');
  });

  it('keeps a paragraph whole when its second line starts late, and marks an erased name only where a box shows one', () => {
    // Boxes where names were: the page's drawing is read because the paragraph ends on "notice to".
    const transfers = blockWith(raw.blocks, '7.1 Transfers.').text;
    expect(transfers).toContain('only after notice, upon [REDACTED] determination made in good faith');
    expect(transfers).toMatch(/to another provider, with notice to \[REDACTED\]$/);
    // No box and a document with no other redactions: one paragraph, no marker.
    const records = blockWith(raw.blocks, '7.2 Records.').text;
    expect(records).toContain('any auditor that the state agency names, within thirty (30) days');
    expect(records).not.toContain('[REDACTED]');
  });
});

const item = (str: string, x: number, baseline: number, size = 10): PdfItem => ({ str, page: 1, x, baseline, width: str.length * size * 0.5, size });
const line = (str: string, x: number, baseline: number, size = 10) => makeLine([item(str, x, baseline, size)]);

describe('removeFurniture', () => {
  // Seven pages with a running header; attachment titles open pages 1, 4 and 7, far apart.
  const pages: PageText[] = Array.from({ length: 7 }, (_, i) => ({
    page: i + 1,
    width: 612,
    height: 792,
    chars: 500,
    lines: [
      line('Northgate Provider Agreement', 72, 40, 8),
      ...(i % 3 === 0 ? [line('PARTICIPATION ATTACHMENT TO THE', 220, 80)] : []),
      line(`Body text of page ${i + 1} runs here as a full sentence of the agreement.`, 72, 200),
      line(`Page ${i + 1} of 7`, 280, 760, 8),
    ],
  }));

  it('removes text repeated at the edge of nearby pages, but not a title that recurs only on pages far apart', () => {
    const cleaned = removeFurniture(pages);
    const texts = cleaned.map((page) => page.lines.map((l) => l.text));
    expect(texts[0]).toEqual(['PARTICIPATION ATTACHMENT TO THE', 'Body text of page 1 runs here as a full sentence of the agreement.']);
    expect(texts[1]).toEqual(['Body text of page 2 runs here as a full sentence of the agreement.']);
    expect(texts[6]![0]).toBe('PARTICIPATION ATTACHMENT TO THE');
  });

  it('does not let a footer vouch for a header line', () => {
    const footed: PageText[] = pages.map((page) => ({ ...page, lines: [...page.lines.slice(0, -1), line('Medicaid Attachment', 72, 760, 8)] }));
    footed[2]!.lines.splice(1, 0, line('Medicaid Attachment', 72, 80));
    const cleaned = removeFurniture(footed);
    expect(cleaned[2]!.lines.map((l) => l.text)).toContain('Medicaid Attachment');
    expect(cleaned[3]!.lines.map((l) => l.text)).not.toContain('Medicaid Attachment');
  });
});

describe('opensClause: a citation broken across lines', () => {
  it('reads "WAC 284-170-" / "440." and "42 C.F.R." / "438.230(b). Provider…" as one sentence', () => {
    expect(opensClause(line('440.', 108, 100), 'unless the process meets all the provisions of WAC 284-170-')).toBe(false);
    expect(opensClause(line('438.230(b). Provider shall comply.', 108, 100), 'in accordance with 42 C.F.R.')).toBe(false);
  });

  it('still opens a clause after a finished sentence', () => {
    expect(opensClause(line('7.3.1 A dispute resolution process may include', 108, 100), 'unless the process meets all the provisions of WAC 284-170-440.')).toBe(true);
  });
});
