import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse-document.ts';
import { extractPdf } from '../src/pdf/extract-pdf.ts';
import { blockWith, fixture } from './pdf-helpers.ts';

const TOKEN = /\[REDACTED\]/g;

describe('extractPdf: names a redaction erased from the text layer', () => {
  it('writes [REDACTED] where the name was: mid-line, after a clause number, at a line end and a line start', async () => {
    const raw = await extractPdf(fixture('redacted.pdf'), { name: 'redacted.pdf' });
    expect(blockWith(raw.blocks, 'by and between').text).toContain('by and between [REDACTED] ("Plan") and Lakeside Family Clinic');
    const denial = blockWith(raw.blocks, '2.1 Denial.').text;
    expect(denial).toContain('Provider agrees that [REDACTED] may deny payment');
    expect(denial).toContain('in the provider manual, and [REDACTED] shall decide each appeal');
    expect(blockWith(raw.blocks, '2.2 Assignment.').text).toContain('at the sole discretion of [REDACTED] [REDACTED] may assign this Agreement');
    expect(blockWith(raw.blocks, '2.3').text).toMatch(/^2\.3 \[REDACTED\] may audit the records/);
    expect(raw.blocks.map((b) => b.text).join('\n').match(TOKEN)).toHaveLength(6);
  });

  it('maps each [REDACTED] to the place on the page where the box is', async () => {
    const raw = await extractPdf(fixture('redacted.pdf'), { name: 'redacted.pdf' });
    const block = blockWith(raw.blocks, '2.1 Denial.');
    const at = block.text.indexOf('[REDACTED]');
    const piece = block.pieces.find((p) => p.start <= at && p.end > at);
    expect(piece?.source).toMatchObject({ type: 'pdf', page: 1 });
    // The 45 pt box sits right after "Provider agrees that", which starts the line at 108 pt.
    const rect = piece?.source.type === 'pdf' ? piece.source.rect : undefined;
    expect(rect?.width).toBeGreaterThan(35);
    expect(rect?.x).toBeGreaterThan(200);
  });

  it('gives the payer the token as a term, after its defined term', async () => {
    const document = await parseDocument(fixture('redacted.pdf'), { name: 'redacted.pdf' });
    expect(document.parties.payer).toMatchObject({ terms: ['Plan', '[REDACTED]'], redacted: true });
    expect(document.parties.provider).toMatchObject({ name: 'Lakeside Family Clinic, P.A.', terms: ['Provider'] });
  });

  it('leaves wide gaps that are layout alone: tab stops, table columns, signature blocks, justified words', async () => {
    const raw = await extractPdf(fixture('wide-gaps.pdf'), { name: 'wide-gaps.pdf' });
    const text = raw.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('NORTHGATE HEALTH PLAN, INC. LAKESIDE FAMILY CLINIC, P.A.');
    expect(text).toContain('(a) fails to pay any amount due');
    expect(text).toContain('Provider shall keep these records for ten years.');
    expect(text).not.toMatch(TOKEN);
  });

  it.each(['flow.pdf', 'two-column.pdf', 'two-column-under-title.pdf', 'table.pdf', 'false-starts.pdf'])('writes no [REDACTED] into %s', async (name) => {
    const raw = await extractPdf(fixture(name), { name });
    expect(raw.blocks.length).toBeGreaterThan(0);
    expect(raw.blocks.map((b) => b.text).join('\n')).not.toMatch(TOKEN);
  });
});
