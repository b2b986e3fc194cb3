/** The Key terms tab: each term's value with a link to its clause, "Not stated" plainly, and corrections. */
import { deleteKeyTerm, getKeyTerms, keyTermsCsvUrl, putKeyTerm } from '../api.ts';
import { append, clear, h } from '../dom/h.ts';
import { clauseHash } from '../model/clause-link.ts';
import { keyTermRow, type KeyTermRow } from '../model/key-terms.ts';
import type { KeyTerm, Review } from '../types.ts';
import { reviewDeadlines } from './deadlines.ts';

/** The tab's element; the terms load into it. */
export function renderKeyTermsTab(review: Review): HTMLElement {
  const wrap = h('div', { class: 'checklist-view key-terms-view' });
  const table = h('tbody', {});
  const status = h('p', { class: 'muted', role: 'status' }, 'Reading the key terms…');
  // Deadlines depend on the terms: a correction (e.g. the effective date) dates them again.
  const deadlines = reviewDeadlines(review.id);
  wrap.append(
    h('div', { class: 'top-row' }, h('h2', {}, 'Key terms'), h('a', { class: 'button quiet small', href: keyTermsCsvUrl(review.id), download: '' }, 'Download as a spreadsheet (CSV)')),
    h('p', { class: 'muted' }, 'The terms of this contract, each with the clause that states it. Correct a value the reading got wrong: your correction is kept with the review and used in every export.'),
    status,
    deadlines.element,
    h('table', { class: 'checklist key-terms' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Term'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Clause'))), table),
  );
  const rows = new Map<string, HTMLTableRowElement>();
  const show = (term: KeyTerm): void => {
    const row = termRow(review, keyTermRow(term), (t) => {
      show(t);
      deadlines.reload();
    });
    const old = rows.get(term.id);
    if (old) old.replaceWith(row);
    else table.append(row);
    rows.set(term.id, row);
  };
  getKeyTerms(review.id)
    .then((report) => {
      status.textContent = `${report.terms.filter((t) => t.status === 'stated').length} of ${report.terms.length} terms stated in the contract.`;
      for (const term of report.terms) show(term);
    })
    .catch((error: unknown) => {
      status.textContent = `The key terms could not be read: ${error instanceof Error ? error.message : String(error)}`;
      status.classList.add('error');
    });
  return wrap;
}

function termRow(review: Review, row: KeyTermRow, show: (term: KeyTerm) => void): HTMLTableRowElement {
  const valueCell = h('td', {});
  const tr = h('tr', { 'data-term': row.id, class: row.stated ? '' : 'not-stated' }, h('th', { scope: 'row' }, row.title, row.help ? h('div', { class: 'muted help' }, row.help) : null), valueCell, h('td', {}, clauseCell(review, row)));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const fail = (e: unknown): void => {
    error.textContent = e instanceof Error ? e.message : String(e);
    error.hidden = false;
  };

  function viewMode(): void {
    clear(valueCell);
    const edit = h('button', { type: 'button', class: 'button quiet small' }, 'Correct');
    edit.addEventListener('click', editMode);
    append(valueCell, [
      h('span', { class: row.stated ? 'term-value' : 'term-value none' }, row.value),
      row.correctedFrom !== undefined ? h('span', { class: 'badge st-corrected', title: `The contract reading said: ${row.correctedFrom}` }, 'Corrected') : null,
      row.asWritten ? h('div', { class: 'muted' }, `as written: “${row.asWritten}”`) : null,
      row.correctedFrom !== undefined ? h('div', { class: 'muted' }, `The contract reading said: ${row.correctedFrom}`) : null,
      h('div', { class: 'actions' }, edit, row.correctedFrom !== undefined ? undoButton() : null),
      error,
    ]);
  }

  function undoButton(): HTMLElement {
    const undo = h('button', { type: 'button', class: 'button quiet small' }, 'Use the contract reading');
    undo.addEventListener('click', () => void deleteKeyTerm(review.id, row.id).then(show, fail));
    return undo;
  }

  function editMode(): void {
    clear(valueCell);
    const input = h('input', { type: 'text', value: row.editText, 'aria-label': `Correct value of ${row.title}`, placeholder: 'e.g. 120 days, No, 2026-01-01, or "not stated"' });
    const save = h('button', { type: 'button', class: 'button small' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'button quiet small' }, 'Cancel');
    cancel.addEventListener('click', viewMode);
    const submit = (): void => {
      save.setAttribute('disabled', '');
      putKeyTerm(review.id, row.id, input.value).then(show, (e: unknown) => {
        save.removeAttribute('disabled');
        fail(e);
      });
    };
    save.addEventListener('click', submit);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') submit();
      if (event.key === 'Escape') viewMode();
    });
    valueCell.append(input, h('div', { class: 'actions' }, save, cancel), error);
    input.focus();
  }

  viewMode();
  return tr;
}

/** The clause's place, linked to the contract (scrolls to and outlines it), and its words. */
function clauseCell(review: Review, row: KeyTermRow): Node {
  if (row.clauseStart === undefined) return h('span', { class: 'muted' }, row.stated ? '' : 'No clause states it.');
  const link = h('a', { href: `/reviews/${encodeURIComponent(review.id)}#${clauseHash(row.clauseStart)}`, 'data-nav': '', title: 'Show this clause in the contract' }, row.where || 'Show the clause');
  const quote = row.quote && row.quote.length > 240 ? `${row.quote.slice(0, 240)}…` : row.quote;
  return h('div', {}, link, quote ? h('blockquote', {}, quote) : null);
}
