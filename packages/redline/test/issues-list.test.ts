/**
 * The issues list: rows from the same composed plan as the redline, the payer copy with only
 * requested changes and nothing internal, and the DOCX, XLSX and CSV files opened and read back.
 * Runs on the payer-draft fixture with the bundled ruleset.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { analyze, DEFAULT_RULESET_DIR, loadRuleset } from '@redliner/rules';
import type { Finding } from '@redliner/rules';
import { issueColumns, issuesList, issuesListCsv, issuesListDocx, issuesListXlsx } from '../src/index.ts';
import { parsed } from './helpers.ts';
import { newValidationErrors } from './ooxml-validate.ts';

const REASON = 'Business accepts the payer position on claim definitions.';
const EDITED = 'Plan shall maintain a written appeal process with decisions within thirty (30) days.';

let cached: ReturnType<typeof build> | undefined;
/** Parsed and analysed once: loading the bundled ruleset dominates each test's time. */
function setup() {
  cached ??= build();
  return cached;
}

async function build() {
  const { doc } = await parsed('payer-draft.docx');
  const { findings } = analyze(doc, loadRuleset(DEFAULT_RULESET_DIR).ruleset);
  const byRule = (prefix: string): Finding => {
    const found = findings.find((f) => f.ruleId.startsWith(prefix));
    if (!found) throw new Error(`the fixture no longer has a ${prefix} finding`);
    return found;
  };
  const evergreen = byRule('evergreen-renewal');
  const appeal = byRule('appeal-rights');
  const cleanClaim = byRule('clean-claim-definition');
  const decisions = {
    [evergreen.id]: { action: 'accept' },
    [appeal.id]: { action: 'edit', text: EDITED, reason: 'Agreed on the call.' },
    [cleanClaim.id]: { action: 'reject', reason: REASON },
  };
  return { doc, findings, decisions, evergreen, appeal, cleanClaim };
}

/** Rows of a CSV text (RFC 4180 quoting), without the byte-order mark. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}

describe('issues list', () => {
  it('lists in the payer copy only the changes asked for, with the clause as it will read', async () => {
    const { doc, findings, decisions, evergreen, appeal } = await setup();
    const list = issuesList({ document: doc, findings, decisions, audience: 'payer' });
    expect(list.rows.map((r) => r.findingId).sort()).toEqual([evergreen.id, appeal.id].sort());
    expect(list.rows.map((r) => r.number)).toEqual([1, 2]);
    const appealRow = list.rows.find((r) => r.findingId === appeal.id)!;
    expect(appealRow.requestedChange).toBe(EDITED);
    expect(appealRow.status).toBe('change requested');
    expect(appealRow.internal).toBeUndefined();
    const evergreenRow = list.rows.find((r) => r.findingId === evergreen.id)!;
    // The contract's words whole, not the finding's shortened quote.
    expect(evergreenRow.contractText).toBe(doc.text.slice(evergreen.span!.start, evergreen.span!.end).replace(/[ \t]+/g, ' ').trim());
    // The clause as proposed holds the new language and not the struck words.
    if (evergreen.redline?.op === 'replace') {
      expect(evergreenRow.proposedClause).toContain(evergreenRow.requestedChange);
      expect(evergreenRow.proposedClause).not.toContain(evergreen.quote);
    }
  });

  it('lists every finding in the internal copy with decision, reason and status', async () => {
    const { doc, findings, decisions, cleanClaim, evergreen } = await setup();
    const list = issuesList({ document: doc, findings, decisions, audience: 'internal' });
    expect(list.rows).toHaveLength(findings.length);
    const rejected = list.rows.find((r) => r.findingId === cleanClaim.id)!;
    expect(rejected.status).toBe('accepted as drafted');
    expect(rejected.internal).toMatchObject({ reason: REASON, ruleId: cleanClaim.ruleId, decision: 'Accept payer language' });
    expect(rejected.requestedChange).toBe('');
    expect(list.rows.find((r) => r.findingId === evergreen.id)!.status).toBe('change requested');
    const undecided = list.rows.filter((r) => r.status === 'open');
    expect(undecided.length).toBe(findings.length - 3);
    // Nothing is asked on an open finding; the internal copy shows what the rule suggests.
    const suggested = undecided.find((r) => findings.find((f) => f.id === r.findingId)!.redline?.text.trim());
    expect(suggested?.requestedChange).toMatch(/^Suggested \(not decided\): /);
    expect(suggested?.proposedClause).toBe('');
    // Contract order: rows with a clause come in the order of the text.
    const starts = list.rows.map((r) => findings.find((f) => f.id === r.findingId)!.span?.start).filter((s) => s !== undefined);
    expect(starts.length).toBeGreaterThan(2);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('writes an XLSX whose cells read back as the rows, with no internal column in the payer copy', async () => {
    const { doc, findings, decisions } = await setup();
    for (const audience of ['payer', 'internal'] as const) {
      const list = issuesList({ document: doc, findings, decisions, audience });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await issuesListXlsx(list)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Issues')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(issueColumns(audience, false).map((c) => c.header));
      expect(sheet.rowCount).toBe(list.rows.length + 1);
      const second = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
      expect(second).toEqual(issueColumns(audience, false).map((c) => c.value(list.rows[0]!)));
      if (audience === 'payer') expect(header).not.toContain('Severity');
      else expect(header).toEqual(expect.arrayContaining(['Severity', 'Decision', 'Reason', 'Rule']));
    }
  });

  it('writes a DOCX table and a CSV that read back, and the payer copy holds nothing internal', async () => {
    const { doc, findings, decisions } = await setup();
    const payer = issuesList({ document: doc, findings, decisions, audience: 'payer' });
    const payerDocx = await issuesListDocx(payer);
    expect(newValidationErrors(payerDocx)).toEqual([]);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(payerDocx) });
    expect(text).toContain('Issues list:');
    expect(text).toContain(EDITED);
    const csv = csvRows(issuesListCsv(payer));
    expect(csv[0]).toEqual(issueColumns('payer', false).map((c) => c.header));
    expect(csv).toHaveLength(payer.rows.length + 1);
    for (const file of [text, issuesListCsv(payer)]) {
      expect(file).not.toMatch(/\b(?:HIGH|MEDIUM|LOW) risk\b|Rule:|Fallback|Note:|INTERNAL/);
      expect(file).not.toContain(REASON);
      expect(file).not.toMatch(/\{[a-z-]+\}/);
      for (const f of findings) expect(file).not.toContain(f.ruleId);
    }
    const internal = issuesList({ document: doc, findings, decisions, audience: 'internal' });
    const internalDocx = await issuesListDocx(internal);
    expect(newValidationErrors(internalDocx)).toEqual([]);
    const { value: internalText } = await mammoth.extractRawText({ buffer: Buffer.from(internalDocx) });
    expect(internalText).toMatch(/^INTERNAL — not for the payer/);
    expect(internalText).toContain(REASON);
  });

  it('keeps a formula-like cell as text in the CSV', async () => {
    const { doc, findings } = await setup();
    const list = issuesList({ document: doc, findings, decisions: {}, audience: 'internal' });
    list.rows[0]!.issue = '=HYPERLINK("http://example.com")';
    const rows = csvRows(issuesListCsv(list));
    expect(rows[1]![issueColumns('internal', false).findIndex((c) => c.header === 'Issue')]).toBe('\'=HYPERLINK("http://example.com")');
  });
});
