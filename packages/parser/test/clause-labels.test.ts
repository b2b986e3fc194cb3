import { describe, expect, it } from 'vitest';
import { continuesSentence, detectLabel } from '../src/clause-labels.ts';

describe('detectLabel', () => {
  it.each([
    ['ARTICLE IV TERM AND TERMINATION', 'ARTICLE IV', 1],
    ['Article 4. Term', 'Article 4', 1],
    ['Section 7.3 Recoupment. Plan may', 'Section 7.3', 2],
    ['§ 4.2 Notice', '§ 4.2', 2],
    ['4.2 Recoupment. Plan may recover', '4.2', 2],
    ['5.3(b)(ii) Plan may deny', '5.3(b)(ii)', 4],
    ['4. Term of Agreement', '4.', 1],
    ['(b) any claim submitted late', '(b)', 3],
    ['(iv) The Plan', '(iv)', 4],
    ['a) the first', 'a)', 3],
    ['Exhibit A - Fee Schedule', 'Exhibit A', 1],
    ['A. Plan issues benefits', 'A.', 2],
    ['A.2 Government Audits. The Department', 'A.2', 2],
    ['B.3.1 Records', 'B.3.1', 3],
  ])('%s → %s', (text, label, depth) => {
    expect(detectLabel(text)).toMatchObject({ label, depth });
  });

  it.each(['1.5 times the rate', '2024 Medicare fee schedule', '45 days after', 'WHEREAS, Plan', '$100.00 per visit', 'I. e. something'])('no label in "%s"', (text) => {
    expect(detectLabel(text)).toBeNull();
  });

  it('reports the label length including trailing punctuation', () => {
    expect(detectLabel('Article 4. Term')?.length).toBe(10);
    expect(detectLabel('4.2. Payment')?.length).toBe(4);
  });
});

describe('continuesSentence: a label-looking line start that is the previous sentence going on', () => {
  it.each([
    ['the numeral of a written number', 'continue for a term of one', '(1) year, and shall continue automatically'],
    ['a compound written number', 'Clean Claims within forty-five', '(45) days after receipt.'],
    ['hundreds', 'before the expiration of the three hundred sixty-five', '(365) day period referenced in section 3.1'],
    ['a capitalised unit after the numeral', 'no more than twenty-five', '(25) Calendar Days after the event'],
    ['a quantity with its unit', 'shall be submitted no later than', '(90) days after the date of service'],
    ['a citation glued to the line end', 'as set forth in 42 CFR § 422.504(i)', '(4).'],
    ['the first item of an enumeration run into the line', 'This Claim must be', '(i) from the same date of service, (ii) having the same'],
    ['a later item whose predecessor sits inside the previous line', 'physicians; (4) are reviewed and updated periodically; and', '(5) are communicated to providers'],
    ['bare "i)" items run into a sentence after a comma', 'which include but are not limited to,', 'i) CMS Medicare fee schedules; ii) Medicaid fee schedules'],
  ])('%s', (_why, prev, line) => {
    expect(detectLabel(line)).not.toBeNull();
    expect(continuesSentence(prev, line)).toBe(true);
  });

  it.each([
    ['an item after a colon', 'Either party may terminate if the other party:', '(a) fails to pay amounts due; or'],
    ['an item after "; or"', '(a) fails to pay amounts due; or', '(b) loses a license required by law; and'],
    ['an item after "; and" even when it names the previous one', '(b) subject to clause (a) above; and', '(c) becomes insolvent.'],
    ['an item after a finished sentence', 'Plan shall pay within thirty days.', '(1) Claims must be clean.'],
    ['the first item of a list whose items each open a line', 'Provider will notify anytime a Member is', 'a) approved for the program'],
    ['a number that is not what the words spell', 'the parties agree to the following one', '(2) Plan shall pay'],
    ['an item after an empty line', '', '(30) days'],
  ])('%s stays a label', (_why, prev, line) => {
    expect(continuesSentence(prev, line)).toBe(false);
  });

  it('never treats plain text as a continued label', () => {
    expect(continuesSentence('for a term of one', 'year, and shall continue')).toBe(false);
  });
});
