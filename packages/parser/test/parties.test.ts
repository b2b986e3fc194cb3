import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectParties } from '../src/parties.ts';
import type { Block } from '../src/types.ts';

function load(name: string): { text: string; blocks: Block[] } {
  const text = readFileSync(new URL(`./fixtures/parties/${name}`, import.meta.url), 'utf8').trim();
  const blocks: Block[] = [];
  let start = 0;
  for (const para of text.split('\n\n')) {
    blocks.push({ id: `b${blocks.length}`, kind: /^[A-Z0-9 ]+$/.test(para) ? 'heading' : 'paragraph', start, end: start + para.length });
    start += para.length + 2;
  }
  return { text, blocks };
}

describe('detectParties', () => {
  it('reads names and defined terms from a traditional preamble and definitions', () => {
    const parties = detectParties(load('traditional.txt'));
    expect(parties.detected).toBe(true);
    expect(parties.payer.name).toBe('Lakeshore Health Plan, Inc.');
    expect(parties.payer.terms).toEqual(['Plan', 'Payor']);
    expect(parties.provider.name).toBe('Birchwood Family Medicine, P.A.');
    expect(parties.provider.terms).toEqual(['Group']);
    expect(parties.payer.evidence.map((e) => e.source)).toEqual(['preamble', 'definitions']);
  });

  it('maps we/you in a plain-English contract and takes the practice name from the signature block', () => {
    const parties = detectParties(load('plain-english.txt'));
    expect(parties.payer.name).toBe('Seabright Health Insurance Company');
    expect(parties.payer.terms).toEqual(['Seabright', 'we', 'us', 'our']);
    expect(parties.provider.terms).toEqual(['you', 'your']);
    expect(parties.provider.name).toBe('Driftwood Telepsychiatry, PLLC');
    expect(parties.provider.evidence.map((e) => e.source)).toContain('signature');
  });

  it('reads numbered party lists with straight quotes', () => {
    const parties = detectParties(load('numbered-parties.txt'));
    expect(parties.payer).toMatchObject({ name: 'Keystone Lab Benefit Management, LLC', terms: ['LBM'] });
    expect(parties.provider).toMatchObject({ name: 'Ridgeview Diagnostics, Inc.', terms: ['Laboratory'] });
  });

  it('falls back to the generic terms the body uses when the payer is redacted', () => {
    const parties = detectParties(load('redacted-payer.txt'));
    expect(parties.provider.terms).toContain('Provider');
    expect(parties.payer.terms[0]).toBe('Company');
    expect(parties.payer.name).toBeUndefined();
    expect(parties.detected).toBe(false);
  });
});
