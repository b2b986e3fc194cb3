import { describe, expect, it } from 'vitest';
import { findingChanges, summarizeReanalysis } from '../src/model/reanalysis.ts';
import type { Decision, ReanalysisResult, ReviewSummary } from '../src/types.ts';

const decision = (findingId: string): Decision => ({ findingId, action: 'reject', decidedAt: '2026-01-01T00:00:00Z' });
const summary = (ruleset: ReviewSummary['ruleset']): ReviewSummary => ({
  id: 'r1',
  name: 'draft.docx',
  created: '',
  updated: '',
  format: 'docx',
  ruleset,
  counts: { high: 1, medium: 0, low: 0 },
  decided: 1,
  total: 1,
});
const core = { id: 'payer-core', name: 'payer-core', version: '0.1.0' };
const mine = { id: 'user:mine', name: 'My rules', version: '2' };

describe('re-analysis summary', () => {
  it('counts new findings and findings that no longer apply, and what happened to decisions', () => {
    const result: ReanalysisResult = {
      review: summary(mine),
      kept: ['a@1', 'b@2'],
      dropped: [
        { findingId: 'c@3', reason: 'finding-gone', decision: decision('c@3') },
        { findingId: 'd@4', reason: 'alternative-gone', decision: decision('d@4') },
      ],
      added: ['x@1', 'y@2', 'z@3'],
      removed: ['c@3'],
    };
    const s = summarizeReanalysis(result, summary(core), findingChanges(result));
    expect(s.headline).toBe('3 new findings, 1 finding no longer applies.');
    expect(s.details).toEqual([
      'Now checked against My rules, version 2 (before: payer-core, version 0.1.0).',
      'Your 2 decisions were kept.',
      '1 decision was removed because its finding no longer applies.',
      '1 decision was cleared because the fallback wording chosen is no longer offered; decide it again.',
    ]);
  });

  it('says plainly when nothing changed', () => {
    const result: ReanalysisResult = { review: summary(core), kept: [], dropped: [], added: [], removed: [] };
    const s = summarizeReanalysis(result, summary(core), findingChanges(result));
    expect(s.headline).toBe('No change: the same findings as before.');
    expect(s.details).toEqual(['Checked again against payer-core, version 0.1.0.']);
  });

  it('works out the changes from the finding lists when the server does not report them', () => {
    const result: ReanalysisResult = { review: summary(core), kept: [], dropped: [{ findingId: 'a', reason: 'finding-gone', decision: decision('a') }] };
    expect(findingChanges(result, [{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }])).toEqual({ added: ['c'], removed: ['a'] });
    expect(findingChanges(result)).toEqual({ added: [], removed: ['a'] });
    const two = summarizeReanalysis(result, summary(core), { added: [], removed: ['a', 'b'] });
    expect(two.headline).toBe('2 findings no longer apply.');
  });
});
