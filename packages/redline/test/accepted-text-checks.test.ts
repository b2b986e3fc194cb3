/** The accepted-text checks themselves: each fires on the problem it names, and not on the original's own text. */
import { describe, expect, it } from 'vitest';
import { acceptedTextProblems } from './accepted-text-checks.ts';
import type { TrackedParagraph } from './tracked-views.ts';

/** A paragraph with one tracked insertion appended to `text`. */
const withInsertion = (text: string, inserted: string): TrackedParagraph => ({
  accepted: text + inserted, rejected: text, inserted, revisions: [inserted],
  markInserted: false, markDeleted: false, numbered: false, joinable: true,
});
const plain = (text: string): TrackedParagraph => ({ ...withInsertion(text, ''), revisions: [] });
const checks = (paragraphs: TrackedParagraph[]) => acceptedTextProblems(paragraphs).map((p) => p.check);

describe('undefined-term', () => {
  it('fires when inserted language leans on a capitalized term the contract lacks', () => {
    const paragraphs = [plain('This Agreement runs for a term of one (1) year.'), withInsertion('8.1 Term.', ' This Agreement shall expire at the end of the Initial Term.')];
    expect(checks(paragraphs)).toContain('undefined-term');
  });

  it('accepts the contract\'s own terms (a plural of its singular), a term the redline defines, and statute names', () => {
    const paragraphs = [
      plain('The Participation Attachment and the Compensation Schedule are part of this Agreement.'),
      withInsertion('9.1 Amendment.', ' No amendment to its Attachments or the Compensation Schedule binds Provider unless signed.'),
      withInsertion('1.4', ' "Clean Claim" means a claim with all required data. Each Clean Claim is paid as the Consolidated Appropriations Act requires.'),
    ];
    expect(checks(paragraphs)).not.toContain('undefined-term');
  });
});

describe('lost-definition', () => {
  it('fires when a change strikes the only definition of a term the contract still uses', () => {
    const struck: TrackedParagraph = {
      accepted: 'Plan Rate means the rate in the schedule.', rejected: 'Plan Rate means the rate in the Plan Compensation Schedule ("PCS").', inserted: 'the schedule', revisions: ['the schedule', 'the Plan Compensation Schedule ("PCS")'],
      markInserted: false, markDeleted: false, numbered: false, joinable: true,
    };
    expect(checks([struck, plain('Plan pays the PCS rates.')])).toContain('lost-definition');
    // Defined again elsewhere, or no longer used: nothing lost.
    expect(checks([struck, plain('The schedule ("PCS") is attached. Plan pays the PCS rates.')])).not.toContain('lost-definition');
    expect(checks([struck, plain('Plan pays the rates.')])).not.toContain('lost-definition');
  });
});

describe('defined-twice', () => {
  it('fires when a change defines a term the paragraph already defines, in any defining form', () => {
    const original = '1.3 “Clean Claim” has the meaning given by the prompt-pay law.';
    expect(checks([withInsertion(original, ' “Clean Claim” shall mean a claim with all required data.')])).toContain('defined-twice');
    expect(checks([withInsertion('1.3 “Clean Claim” means a claim with all required data.', ' “Clean Claim” has the meaning given by the prompt-pay law.')])).toContain('defined-twice');
    // The contract's own definition, or one added where there was none, is one definition.
    expect(checks([plain(original)])).not.toContain('defined-twice');
    expect(checks([withInsertion('1.3', ' “Clean Claim” has the meaning given by the prompt-pay law.')])).not.toContain('defined-twice');
  });
});
