/** "Your reviews" on the home screen: every saved review with its counts, rules, and Re-analyse / Delete. */
import { listReviews } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { formatDate, SEVERITY_LABEL } from '../model/review.ts';
import { rulesetLabel } from '../model/rulesets.ts';
import { SEVERITIES, type ReviewSummary } from '../types.ts';
import { leaveNotice, noticeBanner, reviewKey, type Notice } from './notices.ts';
import { deleteWithConfirmation, reanalyseWithConfirmation } from './review-actions.ts';

/** The panel; it loads the list itself and reloads it after each action. */
export function reviewsPanel(): HTMLElement {
  const messages = h('div', { class: 'list-messages' });
  const content = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { class: 'reviews', 'aria-labelledby': 'reviews-title' }, h('h2', { id: 'reviews-title' }, 'Your reviews'), messages, content);

  const say = (notice: Notice): void => {
    clear(messages);
    messages.append(noticeBanner(notice));
  };
  const load = (): void => {
    listReviews()
      .then((reviews) => {
        clear(content);
        content.append(reviewsTable(reviews, { reanalyse, remove }));
      })
      .catch((error: unknown) => {
        clear(content);
        content.append(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
      });
  };
  const reanalyse = (review: ReviewSummary): void => {
    void reanalyseWithConfirmation(review).then((done) => {
      if (!done) return;
      say({ headline: `“${review.name}” re-analysed: ${done.summary.headline.charAt(0).toLowerCase()}${done.summary.headline.slice(1)}`, details: done.summary.details });
      // Opening the review next shows the same summary and marks the new findings.
      leaveNotice(reviewKey(review.id), { headline: done.summary.headline, details: done.summary.details, added: done.changes.added });
      load();
    });
  };
  const remove = (review: ReviewSummary): void => {
    void deleteWithConfirmation(review).then((deleted) => {
      if (!deleted) return;
      say({ headline: `The review of “${review.name}” was deleted.` });
      load();
    });
  };
  load();
  return section;
}

interface RowActions {
  reanalyse(review: ReviewSummary): void;
  remove(review: ReviewSummary): void;
}

function reviewsTable(reviews: ReviewSummary[], actions: RowActions): HTMLElement {
  if (reviews.length === 0) return h('p', { class: 'muted' }, 'No reviews yet. Upload a contract above to start.');
  const sorted = [...reviews].sort((a, b) => b.created.localeCompare(a.created));
  return h(
    'table',
    { class: 'reviews-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Contract'),
        h('th', { scope: 'col' }, 'Uploaded'),
        SEVERITIES.map((s) => h('th', { scope: 'col', class: 'num' }, SEVERITY_LABEL[s])),
        h('th', { scope: 'col', class: 'num' }, 'Decided'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    h('tbody', {}, sorted.map((review) => reviewRow(review, actions))),
  );
}

function reviewRow(review: ReviewSummary, actions: RowActions): HTMLElement {
  const reanalyse = h('button', { type: 'button', class: 'button quiet small', 'aria-label': `Re-analyse ${review.name}` }, 'Re-analyse…');
  reanalyse.addEventListener('click', () => actions.reanalyse(review));
  const remove = h('button', { type: 'button', class: 'button quiet small danger-text', 'aria-label': `Delete ${review.name}` }, 'Delete…');
  remove.addEventListener('click', () => actions.remove(review));
  return h(
    'tr',
    { 'data-review': review.id },
    h('td', {}, h('a', { href: `/reviews/${encodeURIComponent(review.id)}`, 'data-nav': '', class: 'review-name' }, review.name), h('span', { class: 'ruleset-line' }, `Checked against ${rulesetLabel(review.ruleset)}`)),
    h('td', { class: 'date' }, formatDate(review.created)),
    SEVERITIES.map((s) => h('td', { class: review.counts[s] > 0 ? `num count sev-${s}` : 'num count zero' }, String(review.counts[s] ?? 0))),
    h('td', { class: 'num' }, review.decided >= review.total && review.total > 0 ? `All ${review.total}` : `${review.decided} of ${review.total}`),
    h('td', { class: 'row-actions' }, reanalyse, remove),
  );
}
