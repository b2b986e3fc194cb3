/// <reference lib="dom" />
/** The review screen's header: the way back, the contract's name and rules, downloads, review actions, progress and tabs. */
import { exportDocxUrl, memoUrl } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { exportHint, formatDate, tally } from '../model/review.ts';
import { rulesetLabel } from '../model/rulesets.ts';
import type { Review } from '../types.ts';
import type { ReviewTab } from './review-state.ts';

// The header is drawn again after every decision; the reader's export choice must survive that.
const undecidedChoice = new Map<string, 'suggest' | 'comment'>();

/** What the header's buttons do. */
export interface HeaderActions {
  onReanalyse(): void;
  onDelete(): void;
}

/** Render the header of `review` into `header` (called again whenever a decision changes the progress). */
export function renderReviewHeader(header: HTMLElement, review: Review, tab: ReviewTab, actions: HeaderActions): void {
  clear(header);
  const t = tally(review);
  const reanalyse = h('button', { type: 'button', class: 'button quiet' }, 'Re-analyse…');
  reanalyse.addEventListener('click', () => actions.onReanalyse());
  const remove = h('button', { type: 'button', class: 'button quiet danger-text' }, 'Delete review…');
  remove.addEventListener('click', () => actions.onDelete());
  // Downloading before deciding everything is allowed: say what the file will then contain, and
  // let the reader choose between proposing the undecided suggestions and only commenting on them.
  const mode = undecidedChoice.get(review.id) ?? 'suggest';
  const download = h('a', { class: 'button', href: exportDocxUrl(review.id, mode), download: '' }, 'Download redlined Word file');
  const hintText = h('span', {}, exportHint(t.total, t.decided, mode));
  const commentOnly = h('input', { type: 'checkbox', id: 'undecided-comment-only', checked: mode === 'comment' });
  commentOnly.addEventListener('change', () => {
    const chosen = commentOnly.checked ? 'comment' : 'suggest';
    undecidedChoice.set(review.id, chosen);
    download.setAttribute('href', exportDocxUrl(review.id, chosen));
    hintText.textContent = exportHint(t.total, t.decided, chosen);
  });
  const hint =
    t.total > t.decided
      ? h('div', { class: 'export-hint muted' }, hintText, h('label', { class: 'comment-only' }, commentOnly, ' Comment only on findings not decided yet'))
      : null;
  header.append(
    h('div', { class: 'top-row' }, h('a', { href: '/', class: 'back', 'data-nav': '' }, '← All reviews')),
    h(
      'div',
      { class: 'title-row' },
      h(
        'div',
        { class: 'title-block' },
        h('h1', {}, review.name),
        h('p', { class: 'meta' }, `Uploaded ${formatDate(review.created)} · ${review.format === 'pdf' ? 'PDF' : 'Word'} · Checked against ${rulesetLabel(review.ruleset)}`),
      ),
      h(
        'div',
        { class: 'header-actions' },
        h(
          'div',
          { class: 'exports' },
          download,
          h('a', { class: 'button secondary', href: memoUrl(review.id), download: '' }, 'Download review memo'),
        ),
        h('div', { class: 'review-tools' }, reanalyse, remove),
      ),
    ),
    h(
      'div',
      { class: 'tabs-row' },
      h('nav', { class: 'tabs', 'aria-label': 'Review views' }, tabLink(review.id, tab, 'text', 'Contract and findings'), tabLink(review.id, tab, 'checklist', 'Checklist and summary')),
      h(
        'div',
        { class: 'progress-block' },
        h(
          'div',
          { class: 'progress-row' },
          h('span', { class: 'decided' }, t.total === 0 ? 'No findings' : `${t.decided} of ${t.total} findings decided`),
          h('progress', { max: String(Math.max(t.total, 1)), value: String(t.decided), 'aria-label': 'Findings decided' }),
        ),
        hint,
      ),
    ),
  );
}

function tabLink(id: string, current: ReviewTab, which: ReviewTab, label: string): HTMLElement {
  const href = which === 'text' ? `/reviews/${encodeURIComponent(id)}` : `/reviews/${encodeURIComponent(id)}/checklist`;
  return h('a', { href, 'data-nav': '', class: current === which ? 'tab current' : 'tab', 'aria-current': current === which ? 'page' : null }, label);
}
