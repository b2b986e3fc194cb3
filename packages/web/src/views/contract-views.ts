/**
 * The contract column of a PDF review: the extracted text, the original pages, or both side by
 * side, chosen with a labelled switch. The choice is remembered on this computer.
 */
import { h } from '../dom/h.ts';
import type { PageView } from './page-view.ts';

/** How the contract is shown. */
export type ContractViewMode = 'text' | 'pages' | 'both';

const MODES: ReadonlyArray<{ mode: ContractViewMode; label: string }> = [
  { mode: 'text', label: 'Text' },
  { mode: 'pages', label: 'Pages' },
  { mode: 'both', label: 'Side by side' },
];

const STORAGE_KEY = 'redliner.contractView';

function remembered(): ContractViewMode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'pages' || value === 'both' ? value : 'text';
  } catch {
    return 'text';
  }
}

/** The switch and both views; `onChange` runs after the mode changed (to bring the selected finding into view). */
export function contractViews(text: HTMLElement, pages: PageView, onChange: (mode: ContractViewMode) => void): { element: HTMLElement; mode(): ContractViewMode } {
  let mode = remembered();
  const views = h('div', { class: 'contract-views' }, text, pages.element);
  const buttons = MODES.map(({ mode: value, label }) => {
    const button = h('button', { type: 'button', class: 'view-choice', 'aria-pressed': 'false' }, label);
    button.dataset.mode = value;
    button.addEventListener('click', () => {
      set(value);
      try {
        localStorage.setItem(STORAGE_KEY, value);
      } catch {
        // Private windows may refuse storage; the choice then lasts for this screen only.
      }
      onChange(value);
    });
    return button;
  });
  const element = h('div', { class: 'contract-switchable' }, h('div', { class: 'view-switch', role: 'group', 'aria-label': 'Show the contract as' }, buttons), views);

  function set(value: ContractViewMode): void {
    mode = value;
    views.dataset.mode = value;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.mode === value));
    text.hidden = value === 'pages';
    pages.element.hidden = value === 'text';
    if (value !== 'text') pages.activate();
  }
  set(mode);
  return { element, mode: () => mode };
}
