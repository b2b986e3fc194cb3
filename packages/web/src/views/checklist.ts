/// <reference lib="dom" />
/** The checklist tab of the review screen. */
import { h } from '../dom/h.ts';
import { CHECKLIST_STATUS, SEVERITY_LABEL, describeLocation, distinctPlaces, groupByMessage, humanize, tally } from '../model/review.ts';
import { describeSearched } from '../model/searched.ts';
import type { ChecklistEntry, Finding, Review } from '../types.ts';

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

function evidence(review: Review, byId: ReadonlyMap<string, Finding>, entry: ChecklistEntry): Node {
  switch (entry.status) {
    case 'risky': {
      const link = (f: Finding, text: string): HTMLElement => h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${encodeURIComponent(f.id)}`, 'data-nav': '' }, text);
      const findings = entry.findingIds.map((fid) => byId.get(fid)).filter((f) => f !== undefined);
      return h(
        'ul',
        { class: 'plain' },
        groupByMessage(findings).map((group) =>
          h(
            'li',
            {},
            link(group.findings[0]!, group.message),
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
    }
    case 'acceptable': {
      const where = describeLocation(entry.evidence.location);
      return h('figure', { class: 'quote small' }, h('blockquote', {}, entry.evidence.quote), where ? h('figcaption', {}, where) : null);
    }
    case 'not-found': {
      const described = describeSearched(/* absent in reviews saved before it existed */ entry.searchedIn ?? entry.searched, (ruleId) => review.rules?.[ruleId]?.title, entry.title ?? humanize(entry.concept));
      return h(
        'details',
        { class: 'searched' },
        h('summary', {}, 'No such language found'),
        [described.lookedFor, described.where, described.notApplicable].filter(Boolean).map((line) => h('p', { class: 'muted' }, line)),
      );
    }
    case 'not-covered':
      return h('span', { class: 'muted' }, 'The rules do not check this topic.');
  }
}
