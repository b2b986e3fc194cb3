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
    expect(parties.payer.redacted).toBe(true);
    expect(parties.detected).toBe(false);
  });
});

describe('detectParties: letters', () => {
  it('reads an amendment letter as we/us/our writing to you/your, with both names', () => {
    const parties = detectParties(load('letter.txt'));
    expect(parties.payer).toMatchObject({ name: 'Northstar Health Plan, Inc.', terms: ['we', 'us', 'our'] });
    expect(parties.provider).toMatchObject({ name: 'Dr. Smith', terms: ['you', 'your'] });
    expect(parties.detected).toBe(true);
    expect(parties.provider.evidence.map((e) => e.source)).toContain('letter');
  });

  it('does not take a role in the salutation ("Dear Valued Provider,") for a name', () => {
    const parties = detectParties(load('letter-generic-salutation.txt'));
    expect(parties.payer.terms).toEqual(['we', 'us', 'our']);
    expect(parties.provider.terms).toEqual(['you', 'your']);
    expect(parties.provider.name).toBeUndefined();
  });

  it('does not read a contract with defined terms as a letter', () => {
    const parties = detectParties(load('traditional.txt'));
    expect(parties.payer.terms).not.toContain('we');
    expect(parties.provider.terms).not.toContain('you');
  });
});

describe('detectParties: company names used as the party term', () => {
  it('takes the short name the body uses when the preamble defines no term', () => {
    const parties = detectParties(load('company-name.txt'));
    expect(parties.payer).toMatchObject({ name: 'Northstar Health Plan, Inc.', terms: ['Northstar'] });
    expect(parties.provider).toMatchObject({ name: 'Lakeside Family Clinic, P.A.', terms: ['Lakeside'] });
    expect(parties.detected).toBe(true);
  });
});

describe('detectParties: redacted names', () => {
  it('keeps the defined terms when blanks replace both names', () => {
    const parties = detectParties(load('redacted-blanks.txt'));
    expect(parties.payer).toMatchObject({ terms: ['Health Plan'], redacted: true });
    expect(parties.provider).toMatchObject({ terms: ['Provider'], redacted: true });
    expect(parties.payer.name).toBeUndefined();
    expect(parties.detected).toBe(true);
  });

  it('records the blank as the term when the body names the party only by it', () => {
    const parties = detectParties(load('redacted-name-used.txt'));
    expect(parties.payer).toMatchObject({ terms: ['[REDACTED]'], redacted: true });
    expect(parties.payer.name).toBeUndefined();
    expect(parties.provider).toMatchObject({ name: 'Riverside Medical Group, P.A.', terms: ['Group'] });
    expect(parties.detected).toBe(true);
  });

  it('marks a defined term the redaction erased, keeps the other party clean, and reads the definitions', () => {
    const parties = detectParties(load('erased-term.txt'));
    expect(parties.payer).toMatchObject({ terms: ['Plan'], redacted: true });
    expect(parties.payer.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['redacted', 'definitions']));
    // What the redaction left of the payer's name is not the provider's name.
    expect(parties.provider.name).toBeUndefined();
    expect(parties.provider.terms).toEqual(['Provider']);
  });
});

describe('detectParties: the [REDACTED] token the PDF reader writes for a blacked-out name', () => {
  it('adds the token to the payer whose defined term the redaction erased, after the term the definitions give', () => {
    const parties = detectParties(load('redacted-token-erased-term.txt'));
    expect(parties.payer).toMatchObject({ terms: ['Plan', '[REDACTED]'], redacted: true });
    expect(parties.provider.terms).toEqual(['Provider']);
    expect(parties.provider.redacted).toBeUndefined();
  });

  it('gives the token to the payer when the body pairs it with the provider and no preamble survives', () => {
    const parties = detectParties(load('redacted-token-no-preamble.txt'));
    expect(parties.payer).toMatchObject({ terms: ['[REDACTED]'], redacted: true });
    expect(parties.payer.evidence.map((e) => e.source)).toEqual(['body']);
    expect(parties.provider.terms).not.toContain('[REDACTED]');
    expect(parties.detected).toBe(true);
  });

  it('names a party known only from the definitions by the word the body acts with first', () => {
    // Suggested language says terms[0]: "Provider shall", not the network class "Participating Provider shall".
    const parties = detectParties(load('redacted-token-no-preamble.txt'));
    expect(parties.provider.terms[0]).toBe('Provider');
    expect(parties.provider.terms).toContain('Participating Provider');
  });

  it('gives the token to neither party when it stands for both', () => {
    const parties = detectParties(load('redacted-token-both.txt'));
    expect(parties.payer.terms).not.toContain('[REDACTED]');
    expect(parties.provider.terms).not.toContain('[REDACTED]');
    expect(parties.payer.terms).toContain('Health Plan');
  });
});

describe('detectParties: generic role words', () => {
  it('uses the role words that act as parties, not the same words inside longer names', () => {
    const parties = detectParties(load('generic-roles.txt'));
    expect(parties.payer.terms).toEqual(['Carrier']);
    expect(parties.provider.terms).toEqual(['Practitioner']);
    expect(parties.detected).toBe(false);
  });
});
