/**
 * The bundled ruleset end to end on a small payer draft without comments: analyze → redline
 * with default decisions → a new comments part, and the output re-parses and opens.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { parseDocument } from '@redliner/parser';
import { analyze, loadRuleset } from '@redliner/rules';
import { redline } from './validated-redline.ts';
import { entries, entryText, libreOfficeView, parsed, sofficePath } from './helpers.ts';

const RULESET = fileURLToPath(new URL('../../../rulesets/payer-core', import.meta.url));
const soffice = sofficePath();

describe('payer draft with the bundled ruleset', async () => {
  const { bytes, doc } = await parsed('payer-draft.docx');
  const { findings } = analyze(doc, loadRuleset(RULESET).ruleset);
  const result = await redline({ document: doc, findings, original: bytes, options: { author: 'Provider Counsel', date: new Date('2025-02-01T09:00:00.123Z'), audience: 'internal', acceptUndecided: true } });

  it('has findings to work with', () => {
    expect(findings.length).toBeGreaterThan(2);
    expect(result.applied.length + result.skipped.length).toBe(findings.length);
  });

  it('creates the comments part with its content type and relationship', async () => {
    expect(await entryText(result.bytes, '[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(await entryText(result.bytes, 'word/_rels/document.xml.rels')).toMatch(/relationships\/comments" Target="comments.xml"/);
    const comments = await entryText(result.bytes, 'word/comments.xml');
    expect(comments.match(/<w:comment /g)).toHaveLength(findings.length);
    expect(comments).toContain('w:date="2025-02-01T09:00:00Z"');
    expect(comments).toContain('w:initials="PC"');
    const before = await entries(bytes);
    const after = await entries(result.bytes);
    for (const [name, data] of before) if (!/document\.xml|Content_Types|styles\.xml|settings\.xml/.test(name)) expect(Buffer.compare(Buffer.from(data), Buffer.from(after.get(name)!)), name).toBe(0);
  });

  it('re-parses with every accepted redline in the accepted view', async () => {
    const out = await parseDocument(result.bytes, { name: 'out.docx' });
    for (const a of result.applied) {
      const f = findings.find((x) => x.id === a.findingId)!;
      // New text takes the contract's curly quotes.
      const plain = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
      if (a.change && f.redline?.text) expect(plain(out.text)).toContain(plain(f.redline.text).trim().slice(0, 40));
    }
    expect(out.warnings.map((w) => w.code)).toContain('DOCX_TRACKED_CHANGES');
  });

  it('is readable by mammoth', async () => {
    const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(result.bytes) });
    expect(value).toContain('PROVIDER PARTICIPATION AGREEMENT');
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it.skipIf(!soffice)('shows the changes by the given author in LibreOffice', () => {
    const view = libreOfficeView(soffice!, result.bytes);
    expect(view.authors).toEqual(['Provider Counsel']);
    expect(view.insertions).toBeGreaterThan(0);
    expect(view.annotations).toBe(findings.length);
  });
});
