/** The findings panel beside the contract: severity and status filters, then findings grouped by severity. */
import { clear, h } from '../dom/h.ts';
import { SEVERITY_LABEL, groupBySeverity, matchesFilter, type StatusFilter } from '../model/review.ts';
import { SEVERITIES, type Finding, type Severity } from '../types.ts';
import { findingCard } from './finding-card.ts';
import type { ReviewActions } from './review-state.ts';

/** The findings the filters let through, in panel order. */
export function visibleFindings(actions: Pick<ReviewActions, 'state' | 'ordered'>): Finding[] {
  return actions.ordered.filter((f) => matchesFilter(f, actions.state.review.decisions, actions.state.filter));
}

/** Re-render `panel` from the state, keeping its scroll position. */
export function renderFindingsPanel(panel: HTMLElement, actions: ReviewActions): void {
  const scroll = panel.scrollTop;
  clear(panel);
  panel.append(filters(actions));
  const list = visibleFindings(actions);
  if (list.length === 0) panel.append(h('p', { class: 'empty' }, actions.ordered.length === 0 ? 'No risks were found in this contract.' : 'No findings match these filters.'));
  for (const group of groupBySeverity(list)) {
    panel.append(
      h(
        'section',
        { class: `group sev-${group.severity}` },
        h('h2', {}, `${SEVERITY_LABEL[group.severity]} (${group.findings.length})`),
        h('ol', { class: 'finding-list' }, group.findings.map((f) => findingCard(actions, f))),
      ),
    );
  }
  panel.append(h('p', { class: 'shortcuts' }, 'Keyboard: J next · K previous · A accept · R reject'));
  panel.scrollTop = scroll;
}

function filters(actions: ReviewActions): HTMLElement {
  const { state } = actions;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, actions.ordered.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const boxes = SEVERITIES.map((severity) => {
    const input = h('input', { type: 'checkbox', checked: state.filter.severities.has(severity) });
    input.addEventListener('change', () => {
      if (input.checked) state.filter.severities.add(severity);
      else state.filter.severities.delete(severity);
      actions.renderPanel();
    });
    return h('label', { class: `chip sev-${severity}` }, input, ` ${SEVERITY_LABEL[severity]} (${counts[severity]})`);
  });
  const status = h(
    'select',
    { 'aria-label': 'Show' },
    (['all', 'undecided', 'decided'] as const).map((value) =>
      h('option', { value, selected: state.filter.status === value }, value === 'all' ? 'All findings' : value === 'undecided' ? 'Not decided yet' : 'Decided'),
    ),
  );
  status.addEventListener('change', () => {
    state.filter.status = status.value as StatusFilter;
    actions.renderPanel();
  });
  return h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter findings' }, boxes, h('label', { class: 'status-filter' }, 'Show ', status));
}
