/**
 * The Portfolio screen: every saved review side by side (key terms, risks by severity and
 * concept, decisions), sortable by any column and filtered by contract, payer or product;
 * a term worse than the portfolio's best is marked; the payer scorecard with its formula.
 */
import { getPortfolio, portfolioUrl } from '../api.ts';
import { clear, h } from '../dom/h.ts';
import { clipped, conceptPreview, filterRows, sortRows, type Sort, type SortKey } from '../model/portfolio-table.ts';
import type { ReviewsPortfolio } from '@redliner/server';
import type { Portfolio, PortfolioRow } from '../types.ts';

/** The screen; the matrix loads into it. */
export function portfolioScreen(): { element: HTMLElement; dispose: () => void; title: string } {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the portfolio…'));
  const element = h(
    'div',
    { class: 'portfolio-view checklist-view' },
    h('div', { class: 'top-row' }, h('h1', {}, 'Portfolio'), h('span', {}, h('a', { class: 'button quiet small', href: portfolioUrl('csv'), download: '' }, 'Download CSV'), h('a', { class: 'button quiet small', href: portfolioUrl('xlsx'), download: '' }, 'Download Excel (.xlsx)'))),
    h('p', { class: 'muted' }, 'Every saved review, one row per contract. Click a column to sort. A tinted value is worse for you than the best of your contracts for that term (hover it for why).'),
    body,
  );
  getPortfolio().then(
    (p) => {
      clear(body);
      body.append(...matrix(p), ...leftOut(p.skipped), scorecard(p));
    },
    (error: unknown) => {
      clear(body);
      body.append(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    },
  );
  return { element, dispose: () => {}, title: 'Portfolio' };
}

interface Column {
  key: SortKey;
  label: string;
  title?: string;
  cell: (row: PortfolioRow) => Node;
  numeric?: boolean;
  /** Holds sentences (products, a forum): wider, so its cells stay a few lines tall. */
  wide?: boolean;
}

function columnsOf(p: Portfolio): Column[] {
  return [
    { key: 'name', label: 'Contract', cell: (r) => h('a', { href: `/reviews/${encodeURIComponent(r.id)}/terms`, 'data-nav': '' }, r.name) },
    { key: 'payer', label: 'Payer', cell: (r) => document.createTextNode(r.payer) },
    { key: 'product', label: 'Product', wide: true, cell: (r) => clippedText(r.product) },
    ...p.columns.map((c): Column => ({
      key: `term:${c.id}`,
      label: c.title,
      ...(c.why ? { title: `Marked when worse than the best: ${c.why}` } : {}),
      wide: p.rows.some((r) => (r.cells[c.id]?.display.length ?? 0) > 24),
      cell: (r) => {
        const cell = r.cells[c.id];
        if (!cell) return document.createTextNode('');
        const shown = clipped(cell.display);
        const why = cell.worse ? `Worse than the portfolio's best: ${c.why ?? ''}` : undefined;
        const title = [shown.full, why].filter(Boolean).join('\n\n') || null;
        return h('span', { class: `term-cell${cell.stated ? '' : ' none'}${cell.worse ? ' worse' : ''}${cell.best && p.rows.length > 1 ? ' best' : ''}`, title }, shown.text, cell.corrected ? h('span', { class: 'badge st-corrected' }, 'Corrected') : null);
      },
    })),
    { key: 'high', label: 'High', numeric: true, cell: (r) => h('span', { class: r.counts.high ? 'count sev-high' : 'count zero' }, String(r.counts.high)) },
    { key: 'medium', label: 'Medium', numeric: true, cell: (r) => h('span', { class: r.counts.medium ? 'count sev-medium' : 'count zero' }, String(r.counts.medium)) },
    { key: 'low', label: 'Low', numeric: true, cell: (r) => h('span', { class: r.counts.low ? 'count sev-low' : 'count zero' }, String(r.counts.low)) },
    { key: 'decided', label: 'Decided', numeric: true, cell: (r) => document.createTextNode(`${r.decided} of ${r.total}`) },
    { key: 'score', label: 'Score', numeric: true, cell: (r) => h('strong', {}, String(r.score)) },
  ];
}

/** A long value cut to a few lines, the whole of it in the tooltip (a forum or a products clause made rows a page tall). */
function clippedText(text: string): Node {
  const shown = clipped(text);
  return shown.full ? h('span', { title: shown.full }, shown.text) : document.createTextNode(text);
}

/** The worst few concepts of a row, the rest folded behind "n more concepts" so rows stay a line or two tall. */
function conceptCell(row: PortfolioRow): Node[] {
  const { shown, more } = conceptPreview(row);
  const lines = shown.map((line) => h('div', {}, line));
  if (more.length === 0) return lines;
  return [...lines, h('details', {}, h('summary', {}, `${more.length} more concepts`), ...more.map((line) => h('div', {}, line)))];
}

function matrix(p: Portfolio): Node[] {
  if (p.rows.length === 0) return [h('p', { class: 'muted' }, 'No reviews yet: upload contracts on the Reviews page to compare them here.')];
  const columns = columnsOf(p);
  let sort: Sort = { key: 'name', descending: false };
  let query = '';
  const filter = h('input', { type: 'search', placeholder: 'Filter by contract, payer or product', 'aria-label': 'Filter contracts', class: 'portfolio-filter' });
  const count = h('p', { class: 'muted', role: 'status' });
  const headRow = h('tr', {});
  const tbody = h('tbody', {});
  const draw = (): void => {
    clear(headRow);
    for (const c of columns) {
      const current = sort.key === c.key;
      const button = h('button', { type: 'button', class: 'sort-button', title: c.title ?? null }, c.label, current ? (sort.descending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => {
        sort = { key: c.key, descending: current ? !sort.descending : false };
        draw();
      });
      headRow.append(h('th', { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': current ? (sort.descending ? 'descending' : 'ascending') : null, 'data-sort': c.key }, button));
    }
    headRow.append(h('th', { scope: 'col' }, 'Risks by concept'));
    const rows = sortRows(filterRows(p.rows, query), sort);
    clear(tbody);
    for (const r of rows) {
      tbody.append(h('tr', { 'data-review': r.id }, columns.map((c) => h('td', { class: c.numeric ? 'num' : c.wide ? 'wide' : null, 'data-col': c.key }, c.cell(r))), h('td', { class: 'concepts' }, conceptCell(r))));
    }
    count.textContent = `${rows.length} of ${p.rows.length} contracts`;
  };
  filter.addEventListener('input', () => {
    query = filter.value;
    draw();
  });
  draw();
  return [h('div', { class: 'portfolio-tools' }, filter, count), h('div', { class: 'matrix-scroll' }, h('table', { class: 'portfolio-matrix' }, h('thead', {}, headRow), tbody))];
}

/** The reviews the server left out because their key terms cannot be read: named, with why, so none is missing silently. */
function leftOut(skipped: ReviewsPortfolio['skipped']): Node[] {
  if (skipped.length === 0) return [];
  return [
    h(
      'section',
      { class: 'portfolio-skipped', 'aria-labelledby': 'skipped-title' },
      h('h2', { id: 'skipped-title' }, skipped.length === 1 ? '1 review left out' : `${skipped.length} reviews left out`),
      h('p', { class: 'muted' }, 'Their key terms could not be read, so they are not in the matrix or the scorecard.'),
      h('ul', {}, skipped.map((r) => h('li', { 'data-review': r.id }, h('a', { href: `/reviews/${encodeURIComponent(r.id)}/terms`, 'data-nav': '' }, r.name), `: ${r.reason}`))),
    ),
  ];
}

function scorecard(p: Portfolio): HTMLElement {
  return h(
    'section',
    { class: 'scorecard', 'aria-labelledby': 'scorecard-title' },
    h('h2', { id: 'scorecard-title' }, 'Payer scorecard'),
    h('p', { class: 'formula' }, h('code', {}, p.formula)),
    h(
      'table',
      { class: 'scorecard-table' },
      h('thead', {}, h('tr', {}, ['Payer', 'Contracts', 'Score', 'High', 'Medium', 'Low', 'Terms worse than best'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : null }, t)))),
      h('tbody', {}, p.scorecard.map((s) => h('tr', {}, h('td', {}, s.payer), ...[s.contracts, s.score, s.high, s.medium, s.low, s.worseTerms].map((n) => h('td', { class: 'num' }, String(n)))))),
    ),
  );
}
