import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyCorrections, buildKeyTerms, keyTermsCsv, loadKeyTerms, readKeyTerms, textDocument } from '../src/index.ts';
import { keyTermsJsonSchemaText } from '../src/load/rule-json-schema.ts';
import { fixture, PAYER_CORE } from './helpers.ts';

const bundled = loadKeyTerms(PAYER_CORE);
const CONTRACT = [
  'This Agreement is made and entered into as of January 1, 2026 (the "Effective Date").',
  '7.1 Term. This Agreement shall commence on the Effective Date and continue for an initial term of three (3) years. Thereafter, this Agreement shall automatically renew for successive one (1) year terms unless either party gives written notice of non-renewal at least one hundred twenty (120) days before the end of the then-current term.',
  '7.2 Termination Without Cause. Plan may terminate this Agreement without cause upon sixty (60) days\u2019 prior written notice to Provider. Provider may terminate this Agreement without cause upon one hundred eighty (180) days\u2019 prior written notice to Plan.',
  '5.1 Claims. Provider shall submit each claim within ninety (90) days after the date of service.',
  '10.8 Governing Law. This Agreement shall be governed by the laws of the State of Tennessee.',
].join('\n\n');

function term(id: string, text = CONTRACT) {
  const report = readKeyTerms(textDocument(text), bundled.definitions);
  return report.terms.find((t) => t.id === id)!;
}

describe('bundled key terms', () => {
  it('load without errors and match the committed JSON Schema', () => {
    expect(bundled.errors).toEqual([]);
    expect(bundled.definitions.fields.length).toBeGreaterThanOrEqual(20);
    const committed = fileURLToPath(new URL('../../../schemas/key-terms.schema.json', import.meta.url));
    expect(readFileSync(committed, 'utf8')).toBe(keyTermsJsonSchemaText());
  });

  it('read durations normalized to days, with the words as written and the clause', () => {
    const initial = term('initial-term');
    expect(initial).toMatchObject({ status: 'stated', asWritten: 'three (3) years', display: '3 years', location: { label: '7.1' } });
    expect(initial.value).toEqual({ kind: 'duration', days: 1095.75, unlimited: false });
    expect(CONTRACT.slice(initial.valueSpan!.start, initial.valueSpan!.end)).toBe('three (3) years');
    expect(CONTRACT.slice(initial.span!.start, initial.span!.end)).toBe(initial.quote);
    expect(term('renewal-term').display).toBe('1 year');
    expect(term('non-renewal-notice').display).toBe('120 days');
    expect(term('timely-filing-initial').value).toEqual({ kind: 'duration', days: 90, unlimited: false });
  });

  it('tells the payer\u2019s without-cause notice from the provider\u2019s', () => {
    expect(term('termination-without-cause-payer').display).toBe('60 days');
    expect(term('termination-without-cause-provider').display).toBe('180 days');
  });

  it('reads a date, yes/no and text', () => {
    expect(term('effective-date').value).toEqual({ kind: 'date', date: '2026-01-01' });
    expect(term('automatic-renewal').value).toEqual({ kind: 'yes-no', yes: true });
    expect(term('automatic-renewal', 'This Agreement will not renew automatically; any extension requires a written amendment signed by both parties.').value).toEqual({ kind: 'yes-no', yes: false });
    expect(term('governing-law').display).toBe('Tennessee');
  });

  it('reads a rate: percent of a schedule, its year, and a billed-charges cap', () => {
    expect(term('rate-basis', 'Plan shall pay the lesser of billed charges or one hundred ten percent (110%) of the 2025 Medicare Physician Fee Schedule.').value).toEqual({ kind: 'rate', percent: 110, schedule: 'medicare', year: 2025, lesserOfCharges: true });
    // The percentage here caps the charges; the rate itself is the schedule's.
    const capped = term('rate-basis', '"Plan Rate" means the lesser of one hundred percent (100%) of Eligible Charges for Covered Services, or the amount set forth in the Plan Compensation Schedule.');
    expect(capped.value).toEqual({ kind: 'rate', schedule: 'fee-schedule', lesserOfCharges: true });
  });

  it('completes a rate defined by its schedule with the percentage the schedule gives, keeping the cap', () => {
    const text = [
      '1.9 "Contract Rate" means the lesser of the charges Practice bills for a service, or the amount shown for it in the Payment Exhibit.',
      'Payment Exhibit',
      'Home and community based services: ninety-five percent (95%) of the applicable State 1915(c) waiver rate, per unit.',
    ].join('\n\n');
    const rate = term('rate-basis', text);
    expect(rate.value).toEqual({ kind: 'rate', percent: 95, schedule: 'medicaid', lesserOfCharges: true });
    expect(rate.display).toBe('95% of Medicaid, or billed charges if less');
    // The clause cited is the one with the percentage; the definition's words come with it.
    expect(rate.quote).toMatch(/^Home and community/);
    expect(rate.asWritten).toMatch(/waiver rate, per unit; lesser of the charges .* Payment Exhibit$/);
    // A rate read first with its own percentage keeps it, and takes the definition's cap.
    expect(term('rate-basis', `Plan shall pay eighty percent (80%) of the Medicare fee schedule.\n\n${text}`).value).toEqual({ kind: 'rate', percent: 80, schedule: 'medicare', lesserOfCharges: true });
    // With no such definition there is no cap to take.
    expect(term('rate-basis', 'Plan shall pay eighty percent (80%) of the Medicare fee schedule.').value).toEqual({ kind: 'rate', percent: 80, schedule: 'medicare', lesserOfCharges: false });
  });

  it('says "not stated" when no clause states the term', () => {
    const cure = term('cure-period');
    expect(cure.status).toBe('not-stated');
    expect(cure.value).toBeUndefined();
    expect(cure.searched).toMatch(/No clause/);
  });

  it('lays a correction over the reading, keeping the original', () => {
    const report = readKeyTerms(textDocument(CONTRACT), bundled.definitions);
    const corrected = applyCorrections(report, {
      'termination-without-cause-payer': { text: '90 days', at: '2026-12-05T00:00:00Z' },
      'cure-period': { text: 'thirty (30) days', at: '2026-12-05T00:00:00Z' },
      'governing-law': { text: 'not stated', at: '2026-12-05T00:00:00Z' },
    });
    const payer = corrected.terms.find((t) => t.id === 'termination-without-cause-payer')!;
    expect(payer).toMatchObject({ display: '90 days', value: { kind: 'duration', days: 90 }, corrected: { original: { display: '60 days' } } });
    expect(corrected.terms.find((t) => t.id === 'cure-period')).toMatchObject({ status: 'stated', display: '30 days' });
    expect(corrected.terms.find((t) => t.id === 'governing-law')).toMatchObject({ status: 'not-stated', corrected: { original: { display: 'Tennessee' } } });
  });

  it('exports CSV with one row per field, formula-looking cells kept as text', () => {
    const report = readKeyTerms(textDocument(CONTRACT), bundled.definitions);
    const csv = keyTermsCsv(applyCorrections(report, { 'cure-period': { text: '=HYPERLINK("x")', at: 'now' } }));
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(report.terms.length + 1);
    expect(csv).toContain(`'=HYPERLINK`);
  });
});

describe('key-term definitions with mistakes', () => {
  it('report each problem at its line and keep the good fields', () => {
    const { definitions, errors } = loadKeyTerms(fixture('terms-bad'));
    expect(definitions.fields.map((f) => f.id)).toEqual(['ok-field']);
    const at = (code: string) => errors.filter((e) => e.code === code).map((e) => `${e.line}:${e.col}`);
    expect(at('RULE_UNKNOWN_PLACEHOLDER')).toEqual(['7:15']);
    expect(errors.some((e) => e.message.includes('needs `yes`'))).toBe(true);
    expect(errors.some((e) => e.code === 'RULE_BAD_PATTERN' && e.line === 18)).toBe(true);
  });

  it('refuse a duplicate id, and an own field replaces an inherited one', () => {
    const field = (title: string) => `version: 1\nfields:\n  - id: cure\n    title: ${title}\n    read: duration\n    match:\n      all:\n        - phrase: cure\n        - duration: {}\n`;
    const dup = buildKeyTerms([{ file: 'a.yaml', text: field('A') }, { file: 'b.yaml', text: field('B') }], [], 'x');
    expect(dup.errors.map((e) => `${e.file}:${e.line} ${e.code}`)).toEqual(['b.yaml:3 RULE_DUPLICATE_ID']);
    const own = buildKeyTerms([{ file: 'mine.yaml', text: field('Mine') }, { file: 'base.yaml', text: field('Base'), inherited: true }], [], 'x');
    expect(own.errors).toEqual([]);
    expect(own.definitions.fields.map((f) => f.title)).toEqual(['Mine']);
  });
});
