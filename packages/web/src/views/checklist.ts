/** The checklist tab of the review screen. */
import { h } from '../dom/h.ts';
import { CHECKLIST_STATUS, SEVERITY_LABEL, describeLocation, distinctPlaces, groupByMessage, humanize, tally } from '../model/review.ts';
import { clauseHash } from '../model/clause-link.ts';
import { describeSearched } from '../model/searched.ts';
import type { ChecklistEntry, Evidence, Finding, Review } from '../types.ts';

/** The checklist tab: counts by severity, what is still undecided, and every concept's status. */
export function renderChecklistTab(review: Review): HTMLElement {
  const byId = new Map(review.findings.map((f) => [f.id, f]));
  const t = tally(review);
  const wrap = h('div', { class: 'checklist-view' });
  wrap.append(
    h('h2', {}, 'Summary'),
    h(
      'table',
      { class: 'summary-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Risk'), h('th', { scope: 'col' }, 'Found'), h('th', { scope: 'col' }, 'Decided'), h('th', { scope: 'col' }, 'Still to decide'))),
      h(
        'tbody',
        {},
        t.rows.map((row) =>
          h('tr', {}, h('th', { scope: 'row' }, h('span', { class: `dot sev-${row.severity}`, 'aria-hidden': 'true' }), ` ${SEVERITY_LABEL[row.severity]}`), h('td', {}, String(row.total)), h('td', {}, String(row.decided)), h('td', {}, String(row.total - row.decided))),
        ),
        h('tr', { class: 'total' }, h('th', { scope: 'row' }, 'All'), h('td', {}, String(t.total)), h('td', {}, String(t.decided)), h('td', {}, String(t.total - t.decided))),
      ),
    ),
  );
  if (t.undecided.length > 0) {
    wrap.append(
      h('h3', {}, 'Still to decide'),
      h(
        'ul',
        { class: 'undecided' },
        t.undecided.map((f) => {
          const link = h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${encodeURIComponent(f.id)}`, 'data-nav': '' }, f.message);
          return h('li', {}, h('span', { class: `dot sev-${f.severity}`, 'aria-hidden': 'true' }), ' ', link, f.kind === 'absence' ? h('span', { class: 'muted' }, ' — missing protection') : null);
        }),
      ),
    );
  } else if (t.total > 0) {
    wrap.append(h('p', { class: 'all-done' }, 'Every finding has a decision. The redlined Word file is ready to download.'));
  }

  wrap.append(h('h2', {}, 'Checklist'), h('p', { class: 'muted' }, 'Each topic the rules check, and what was found in this contract.'));
  const rows = review.checklist.map((entry) => h('tr', {}, h('th', { scope: 'row' }, entry.title ?? humanize(entry.concept)), h('td', {}, h('span', { class: `badge st-${entry.status}` }, CHECKLIST_STATUS[entry.status])), h('td', {}, evidence(review, byId, entry))));
  wrap.append(h('table', { class: 'checklist' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Topic'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Evidence'))), h('tbody', {}, rows)));
  return wrap;
}

/** "Looked for: …", "Searched …", in the rules' own titles (never their ids). */
function searchedLines(review: Review, entry: Extract<ChecklistEntry, { searched: string }>): HTMLElement[] {
  const described = describeSearched(/* absent in reviews saved before it existed */ entry.searchedIn ?? entry.searched, (ruleId) => review.rules?.[ruleId]?.title, entry.title ?? humanize(entry.concept));
  return [described.lookedFor, described.where, described.notApplicable].filter(Boolean).map((line) => h('p', { class: 'muted' }, line));
}

/** "Not detected — review these clauses": each related clause links to its place in the contract. */
function relatedClauses(review: Review, entry: Extract<ChecklistEntry, { status: 'review' }>): HTMLElement {
  const items = entry.related.map((clause) => {
    const place = describeLocation(clause.location) || 'This clause';
    const link = h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${clauseHash(clause.span.start)}`, 'data-nav': '', title: 'Show this clause in the contract' }, place);
    return h('li', {}, link, h('span', { class: 'why' }, ` — ${clause.why}`), h('blockquote', {}, clause.quote));
  });
  return h(
    'div',
    { class: 'related' },
    h('p', { class: 'related-head' }, 'Not detected — review these clauses'),
    h('p', { class: 'muted' }, 'No rule recognised this topic, but these clauses relate to it. Its risk may be there in other words.'),
    h('ol', { class: 'related-list' }, items),
    h('details', { class: 'looked-for' }, h('summary', {}, 'What the rules looked for'), searchedLines(review, entry)),
  );
}

/** Every clause that satisfied an absence rule, each linked to its place, so a weak protection is not hidden behind the first. */
function satisfiedList(review: Review, list: readonly Evidence[], head: string): HTMLElement {
  const items = list.map((e) => {
    const place = describeLocation(e.location) || 'This clause';
    const link = h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${clauseHash(e.span.start)}`, 'data-nav': '', title: 'Show this clause in the contract' }, place);
    return h('li', {}, link, h('blockquote', {}, e.quote));
  });
  return h('details', { class: 'satisfied' }, h('summary', {}, head), h('ol', { class: 'related-list' }, items));
}

function evidence(review: Review, byId: ReadonlyMap<string, Finding>, entry: ChecklistEntry): Node {
  switch (entry.status) {
    case 'risky': {
      const link = (f: Finding, text: string): HTMLElement => h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${encodeURIComponent(f.id)}`, 'data-nav': '' }, text);
      const findings = entry.findingIds.map((fid) => byId.get(fid)).filter((f) => f !== undefined);
      const satisfied = entry.satisfied ?? [];
      const list = h(
        'ul',
        { class: 'plain' },
        groupByMessage(findings).map((group) =>
          h(
            'li',
            {},
            link(group.findings[0]!, group.message),
            // A missing protection says what the contract does have, so counsel can judge it.
            group.findings[0]!.nearMiss ? h('p', { class: 'near-miss muted' }, group.findings[0]!.nearMiss.summary) : null,
            group.findings.length > 1
              ? h(
                  'span',
                  { class: 'places' },
                  ` Found in ${group.findings.length} places: `,
                  distinctPlaces(group.findings).flatMap((place, i) => [i > 0 ? ', ' : '', link(place.first, place.count > 1 ? `${place.name} (${place.count} times)` : place.name)]),
                )
              : null,
          ),
        ),
      );
      return satisfied.length > 0 ? h('div', {}, list, satisfiedList(review, satisfied, `Protective language found in ${satisfied.length} place${satisfied.length === 1 ? '' : 's'}`)) : list;
    }
    case 'acceptable': {
      const where = describeLocation(entry.evidence.location);
      const others = (entry.satisfied ?? []).filter((e) => e.span.start !== entry.evidence.span.start);
      return h(
        'div',
        {},
        h('figure', { class: 'quote small' }, h('blockquote', {}, entry.evidence.quote), where ? h('figcaption', {}, where) : null),
        others.length > 0 ? satisfiedList(review, others, `Also found in ${others.length} more place${others.length === 1 ? '' : 's'}`) : null,
      );
    }
    case 'review':
      return relatedClauses(review, entry);
    case 'not-found': {
      return h('details', { class: 'searched' }, h('summary', {}, 'No such language found'), searchedLines(review, entry));
    }
    case 'not-covered':
      return h('span', { class: 'muted' }, 'The rules do not check this topic.');
  }
}
