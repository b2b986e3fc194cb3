/** The review screen's header: the way back, the contract's name and rules, downloads, review actions, progress and tabs. */
import { exportDocxUrl, issuesListUrl, memoUrl } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { exportHint, rememberAuthor, rememberedAuthor, type ExportAudience } from '../model/export-choice.ts';
import { formatDate, tally } from '../model/review.ts';
import { rulesetLabel } from '../model/rulesets.ts';
import type { Review } from '../types.ts';
import type { ReviewTab } from './review-state.ts';

// The header is drawn again after every decision; the reader's export choice must survive that.
const commentsChoice = new Map<string, boolean>();

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

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
  // Two Word files: the one to send (tracked changes under the reader's name, short comments
  // written for the payer) and the internal one (the analysis, decisions and reasons).
  const author = h('input', { type: 'text', id: 'export-author', class: 'author', maxlength: 100, autocomplete: 'name', placeholder: 'e.g. Jane Counsel', value: rememberedAuthor(storage()) });
  const comments = h('input', { type: 'checkbox', id: 'export-comments', checked: commentsChoice.get(review.id) ?? true });
  const payerLink = h('a', { class: 'button', download: '', title: 'Tracked changes under your name, with short comments written for the payer; nothing internal' }, 'Download redline for the payer');
  const internalLink = h('a', { class: 'button secondary', download: '', title: 'Every finding commented with the analysis, your decisions and reasons: not for the payer' }, 'Download internal redline');
  const links: Array<[HTMLAnchorElement, ExportAudience]> = [[payerLink, 'payer'], [internalLink, 'internal']];
  const refresh = () => {
    for (const [link, audience] of links) link.setAttribute('href', exportDocxUrl(review.id, { audience, author: author.value, comments: comments.checked }));
  };
  refresh();
  author.addEventListener('input', () => {
    rememberAuthor(storage(), author.value);
    refresh();
  });
  comments.addEventListener('change', () => {
    commentsChoice.set(review.id, comments.checked);
    refresh();
  });
  const exportOptions = h(
    'div',
    { class: 'export-options' },
    h('label', { for: 'export-author' }, 'Your name on the changes'),
    author,
    h('label', { class: 'payer-comments' }, comments, ' Comments for the payer'),
    // A PDF cannot carry tracked changes: the reader should know the Word file is a new one.
    review.format === 'pdf' ? h('p', { class: 'rebuilt-note muted' }, 'From a PDF, the Word file is rebuilt from its text: headings, numbered clauses, tables and page breaks are kept, the PDF’s own fonts, headers and images are not. Check it against the PDF before sending.') : null,
  );
  // Downloading before deciding everything is allowed: say what the files then contain.
  const hint = t.total > t.decided ? h('div', { class: 'export-hint muted' }, h('span', {}, exportHint(t.total, t.decided))) : null;
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
          payerLink,
          internalLink,
          moreDownloads(review.id),
        ),
        exportOptions,
        h('div', { class: 'review-tools' }, reanalyse, remove),
      ),
    ),
    h(
      'div',
      { class: 'tabs-row' },
      h('nav', { class: 'tabs', 'aria-label': 'Review views' }, tabLink(review.id, tab, 'text', 'Contract and findings'), tabLink(review.id, tab, 'checklist', 'Checklist and summary'), tabLink(review.id, tab, 'terms', 'Key terms')),
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

/** The issues lists and the memo, folded away: the two redlines are what most readers want. */
function moreDownloads(id: string): HTMLElement {
  const link = (href: string, label: string, title: string) => h('li', {}, h('a', { href, download: '', title }, label));
  return h(
    'details',
    { class: 'more-downloads' },
    h('summary', { class: 'button secondary' }, 'More downloads'),
    h(
      'ul',
      {},
      link(issuesListUrl(id, 'xlsx', 'payer'), 'Issues list for the payer (Excel)', 'Each requested change with its clause, the contract language and the clause as proposed; nothing internal'),
      link(issuesListUrl(id, 'docx', 'payer'), 'Issues list for the payer (Word)', 'The same list as a Word table'),
      link(issuesListUrl(id, 'xlsx', 'internal'), 'Internal issues list (Excel)', 'Every finding with risk level, decision, reason and status: not for the payer'),
      link(memoUrl(id), 'Review memo (Markdown)', 'The findings for counsel, with your decisions'),
    ),
  );
}

function tabLink(id: string, current: ReviewTab, which: ReviewTab, label: string): HTMLElement {
  const href = which === 'text' ? `/reviews/${encodeURIComponent(id)}` : `/reviews/${encodeURIComponent(id)}/${which}`;
  return h('a', { href, 'data-nav': '', class: current === which ? 'tab current' : 'tab', 'aria-current': current === which ? 'page' : null }, label);
}
