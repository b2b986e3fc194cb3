import type { Section } from '@redliner/parser';
import { describe, expect, it } from 'vitest';
import { insertionSection } from '../src/analysis/insertion-section.ts';

let next = 0;
function section(title: string, children: Section[] = [], level = 1): Section {
  const start = next;
  next += 100;
  return { blockId: `b${start}`, title, level, start, end: next, children };
}

describe('insertionSection', () => {
  const definitions = section('Definitions', [section('Medical Records', [], 2), section('Payment', [], 2)]);
  const compensation = section('Compensation and Claims', [section('Compensation', [], 2), section('Claims Submission and Payment', [], 2), section('Overpayments', [], 2)]);
  const records = section('Records and Audit', [section('Medical Records', [], 2), section('Access and Audit', [], 2)]);
  const sections = [definitions, compensation, records];

  it('takes the author’s first word before later ones, and the deeper section of two', () => {
    expect(insertionSection(sections, ['payment', 'claims', 'compensation'])?.title).toBe('Claims Submission and Payment');
    expect(insertionSection(sections, ['audit', 'overpayment', 'records'])?.title).toBe('Access and Audit');
    expect(insertionSection(sections, ['overpayment', 'audit'])?.title).toBe('Overpayments');
  });

  it('never puts a clause among the definitions unless the rule asks for them', () => {
    expect(insertionSection([definitions], ['records', 'payment'])).toBeUndefined();
    expect(insertionSection(sections, ['definition', 'claims'])?.title).toBe('Definitions');
  });

  it('finds nothing when no title has a preferred word', () => {
    expect(insertionSection(sections, ['arbitration'])).toBeUndefined();
  });
});
