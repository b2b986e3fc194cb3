/**
 * Deadlines on screen: a review's own (in its Key terms tab, refreshed after each correction)
 * and the upcoming ones of every review (on the home screen), each with its calendar file.
 */
import { ALL_DEADLINES_ICS, deadlinesIcsUrl, getAllDeadlines, getDeadlines } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { dueWords, formatDay, missingReasons, urgency } from '../model/deadlines.ts';
import type { ContractDeadlines, DeadlinesOverview, UpcomingDeadline } from '../types.ts';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The review's deadlines; `reload()` fetches them again (after a key term is corrected). */
export function reviewDeadlines(reviewId: string): { element: HTMLElement; reload: () => void } {
  const body = h('div', { class: 'deadlines-body' }, h('p', { class: 'muted' }, 'Working out the deadlines…'));
  const element = h(
    'section',
    { class: 'deadlines', 'aria-labelledby': 'deadlines-title' },
    h('div', { class: 'top-row' }, h('h3', { id: 'deadlines-title' }, 'Deadlines'), h('a', { class: 'button quiet small', href: deadlinesIcsUrl(reviewId), download: '' }, 'Add to calendar (.ics)')),
    body,
  );
  const reload = (): void => {
    getDeadlines(reviewId).then(
      (d) => {
        clear(body);
        body.append(deadlinesList(d));
      },
      (error: unknown) => {
        clear(body);
        body.append(h('p', { class: 'error', role: 'alert' }, `The deadlines could not be worked out: ${errorText(error)}`));
      },
    );
  };
  reload();
  return { element, reload };
}

function deadlinesList(d: ContractDeadlines): HTMLElement {
  const items = d.deadlines.map((x) =>
    h('li', { class: `deadline due-${urgency(x.date, d.today)}`, 'data-kind': x.kind }, h('time', { datetime: x.date }, formatDay(x.date)), ' ', h('strong', {}, x.title), h('span', { class: 'muted' }, ` (${dueWords(x.date, d.today)})`), h('div', { class: 'muted' }, x.why)),
  );
  const missing = missingReasons(d.missing).map((reason) => h('li', { class: 'deadline missing' }, `Cannot date: ${reason}.`));
  return h(
    'div',
    {},
    h('ul', { class: 'deadline-list' }, items, missing),
    h('p', { class: 'muted' }, `Counted from the key terms below, your corrections included; renegotiation starts ${d.renegotiateMonths} months ahead. Check the contract before relying on a date.`),
  );
}

/** The home screen's "Upcoming deadlines": every review's next dates, soonest first. */
export function upcomingDeadlinesPanel(): HTMLElement {
  const content = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h(
    'section',
    { class: 'upcoming-deadlines', 'aria-labelledby': 'upcoming-title' },
    h('div', { class: 'top-row' }, h('h2', { id: 'upcoming-title' }, 'Upcoming deadlines'), h('a', { class: 'button quiet small', href: ALL_DEADLINES_ICS, download: '' }, 'Add all to calendar (.ics)')),
    content,
  );
  getAllDeadlines().then(
    (overview) => {
      clear(content);
      content.append(...upcomingContent(overview));
    },
    (error: unknown) => {
      clear(content);
      content.append(h('p', { class: 'error', role: 'alert' }, errorText(error)));
    },
  );
  return section;
}

const SHOWN = 12;

function upcomingContent(overview: DeadlinesOverview): Node[] {
  const upcoming = overview.deadlines.filter((d) => !d.passed);
  const out: Node[] = [];
  if (upcoming.length === 0) out.push(h('p', { class: 'muted' }, 'No upcoming deadlines: upload a contract, or give a contract its effective date and term in its Key terms tab.'));
  else out.push(h('table', { class: 'deadlines-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Contract'))), h('tbody', {}, upcoming.slice(0, SHOWN).map((d) => upcomingRow(d, overview.today)))));
  if (upcoming.length > SHOWN) out.push(h('p', { class: 'muted' }, `and ${upcoming.length - SHOWN} later (all are in the calendar file).`));
  if (overview.missing.length > 0) {
    out.push(
      h('details', { class: 'undated' }, h('summary', {}, `${overview.missing.length} contract${overview.missing.length === 1 ? '' : 's'} with deadlines that cannot be dated yet`),
        h('ul', {}, overview.missing.map((m) => h('li', {}, h('a', { href: `/reviews/${encodeURIComponent(m.reviewId)}/terms`, 'data-nav': '' }, m.name), `: ${missingReasons(m.missing).join('; ')}`)))),
    );
  }
  return out;
}

function upcomingRow(d: UpcomingDeadline, today: string): HTMLElement {
  return h(
    'tr',
    { class: `due-${urgency(d.date, today)}`, 'data-review': d.reviewId, 'data-kind': d.kind },
    h('td', { class: 'date' }, h('time', { datetime: d.date }, formatDay(d.date)), h('div', { class: 'muted' }, dueWords(d.date, today))),
    h('td', {}, d.title),
    h('td', {}, h('a', { href: `/reviews/${encodeURIComponent(d.reviewId)}/terms`, 'data-nav': '' }, d.name)),
  );
}
