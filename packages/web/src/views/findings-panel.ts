/** The findings panel beside the contract: severity and status filters, then findings grouped by severity. */
import { clear, h } from '../dom/h.ts';
import { rebuildKeepingFocus } from '../dom/keep-focus.ts';
import { SEVERITY_LABEL, groupBySeverity, matchesFilter, type StatusFilter } from '../model/review.ts';
import { SEVERITIES, type Finding, type Severity } from '../types.ts';
import { findingCard } from './finding-card.ts';
import type { ReviewActions, ReviewState } from './review-state.ts';

/** The findings the filters let through, in panel order. */
export function visibleFindings(actions: Pick<ReviewActions, 'state' | 'ordered'>): Finding[] {
  return actions.ordered.filter((f) => matchesFilter(f, actions.state.review.decisions, actions.state.filter));
}

/** Built cards by finding id, with what each was built from. */
type CardCache = Map<string, { inputs: readonly unknown[]; element: HTMLElement }>;
const cardCaches = new WeakMap<HTMLElement, CardCache>();

/**
 * What a card shows, compared by identity (a saved decision or a fetched preview is a new
 * object): a closed card shows its summary only, an open one its detail too.
 */
function cardInputs(state: ReviewState, finding: Finding): readonly unknown[] {
  const id = finding.id;
  const summary = [state.selected === id, state.review.decisions[id], state.fresh.has(id)];
  if (state.selected !== id) return summary;
  return [...summary, state.busy === id, state.option.get(id), state.editing.get(id), state.previews.get(id), state.errors.get(id)];
}

/**
 * The card for `finding`, built again only when what it shows changed: a decision then rebuilds
 * one card, not hundreds, and the others keep their elements (and whatever the reader is doing
 * in them).
 */
function keyedCard(cache: CardCache, actions: ReviewActions, finding: Finding): HTMLElement {
  const inputs = cardInputs(actions.state, finding);
  const known = cache.get(finding.id);
  if (known && known.inputs.length === inputs.length && known.inputs.every((value, i) => value === inputs[i])) return known.element;
  const element = findingCard(actions, finding);
  cache.set(finding.id, { inputs, element });
  return element;
}

/** Re-render `panel` from the state, keeping its scroll position and the reader's focus. */
export function renderFindingsPanel(panel: HTMLElement, actions: ReviewActions): void {
  rebuildKeepingFocus(panel, () => rebuildPanel(panel, actions));
}

function rebuildPanel(panel: HTMLElement, actions: ReviewActions): void {
  const scroll = panel.scrollTop;
  const cache = cardCaches.get(panel) ?? new Map();
  cardCaches.set(panel, cache);
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
        h('ol', { class: 'finding-list' }, group.findings.map((f) => keyedCard(cache, actions, f))),
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
    const input = h('input', { type: 'checkbox', checked: state.filter.severities.has(severity), 'data-focus': `severity-${severity}` });
    input.addEventListener('change', () => {
      if (input.checked) state.filter.severities.add(severity);
      else state.filter.severities.delete(severity);
      actions.renderPanel();
    });
    return h('label', { class: `chip sev-${severity}` }, input, ` ${SEVERITY_LABEL[severity]} (${counts[severity]})`);
  });
  const status = h(
    'select',
    { 'aria-label': 'Show', 'data-focus': 'status-filter' },
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
