import { describe, expect, it } from 'vitest';
import { problemMessage } from '../src/model/problem.ts';
import { decisionBody, describeDecision, describeLocation, distinctPlaces, groupByMessage, groupBySeverity, humanize, matchesFilter, orderFindings, placeName, step, tally } from '../src/model/review.ts';
import type { Decision } from '../src/types.ts';
import { finding } from './fixtures.ts';

const low = finding('l@1', 'low', 'Plan');
const high = finding('h@1', 'high', 'without notice');
const high2 = finding('h@0', 'high', 'recoup');
const missing = finding('m@absent', 'medium', null);
const all = [low, high, missing, high2];
const accepted: Decision = { findingId: 'h@1', action: 'accept', alternative: 1, decidedAt: '2026-01-01T00:00:00Z' };

describe('review model', () => {
  it('orders by severity then position, and groups by severity', () => {
    expect(orderFindings(all).map((f) => f.id)).toEqual(['h@0', 'h@1', 'm@absent', 'l@1']);
    expect(groupBySeverity(orderFindings(all)).map((g) => [g.severity, g.findings.length])).toEqual([
      ['high', 2],
      ['medium', 1],
      ['low', 1],
    ]);
  });

  it('filters by severity and decision status', () => {
    const decisions = { 'h@1': accepted };
    const filter = { severities: new Set(['high'] as const), status: 'undecided' as const };
    expect(all.filter((f) => matchesFilter(f, decisions, filter)).map((f) => f.id)).toEqual(['h@0']);
  });

  it('tallies decided and undecided findings', () => {
    const t = tally({ findings: all, decisions: { 'h@1': accepted } });
    expect(t.rows).toEqual([
      { severity: 'high', total: 2, decided: 1 },
      { severity: 'medium', total: 1, decided: 0 },
      { severity: 'low', total: 1, decided: 0 },
    ]);
    expect([t.total, t.decided]).toEqual([4, 1]);
    expect(t.undecided.map((f) => f.id)).toEqual(['h@0', 'm@absent', 'l@1']);
  });

  it('words decisions and locations for a reader', () => {
    expect(describeDecision(undefined)).toBe('Not decided yet');
    expect(describeDecision(accepted)).toBe('Accepted — fallback 2');
    expect(describeDecision({ ...accepted, action: 'reject' } as Decision)).toBe('Rejected — no change');
    expect(describeLocation({ section: 'Article 4 Payment', label: '4.1', page: 3 })).toBe('Article 4 Payment · clause 4.1 · page 3');
    expect(describeLocation({})).toBe('');
    expect(humanize('audit-lookback')).toBe('Audit lookback');
  });

  it('steps through findings with wrap-around', () => {
    expect(step(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(step(['a', 'b', 'c'], null, -1)).toBe('c');
    expect(step(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(step(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(step([], 'a', 1)).toBeNull();
  });

  it('builds decision bodies the API accepts', () => {
    expect(decisionBody('accept', { alternative: undefined, reason: '  ' })).toEqual({ action: 'accept' });
    expect(decisionBody('accept', { alternative: 0, reason: 'payer will not move' })).toEqual({ action: 'accept', alternative: 0, reason: 'payer will not move' });
    expect(decisionBody('edit', { text: 'new words', alternative: 1 })).toEqual({ action: 'edit', text: 'new words' });
    expect(decisionBody('reject', { alternative: 1 })).toEqual({ action: 'reject' });
  });

  it('explains failures in plain words from problem details', () => {
    expect(problemMessage(415, { title: 'Unsupported file type', detail: 'This is a legacy .doc file; save it as .docx.' })).toBe('Unsupported file type. This is a legacy .doc file; save it as .docx.');
    expect(problemMessage(0, undefined)).toMatch(/could not be reached/);
    expect(problemMessage(500, 'not json')).toMatch(/went wrong on the server/);
  });

  it('puts findings with the same message on one line, naming their places', () => {
    const again = finding('h@9', 'high', 'Plan', { message: high.message, location: { page: 2 } });
    const groups = groupByMessage([high, low, again]);
    expect(groups.map((g) => [g.message, g.findings.map((f) => f.id)])).toEqual([
      ['message h@1', ['h@1', 'h@9']],
      ['message l@1', ['l@1']],
    ]);
    expect(groups[0]!.findings.map((f, i) => placeName(f.location, i))).toEqual(['clause 4.1', 'page 2']);
    expect(placeName({}, 2)).toBe('place 3');
    expect(placeName({ label: 'EXHIBIT A' }, 0)).toBe('Exhibit A');
    expect(placeName({ label: 'Schedule of Rates' }, 0)).toBe('Schedule of Rates');
    const inExhibit = (id: string, label: string) => finding(id, 'high', 'Plan', { location: { label } });
    expect(distinctPlaces([inExhibit('a@1', 'A.2'), inExhibit('a@2', 'EXHIBIT A'), inExhibit('a@3', 'EXHIBIT A')]).map((p) => [p.name, p.first.id, p.count])).toEqual([
      ['clause A.2', 'a@1', 1],
      ['Exhibit A', 'a@2', 2],
    ]);
  });
});
