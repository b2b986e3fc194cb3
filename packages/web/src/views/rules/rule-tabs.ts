/** Tabs for the Rules screen ("Rule" and "Vocabulary"), with the ARIA roles and arrow keys screen-reader users expect. */
import { h } from '../../dom/h.ts';

/** One tab and the panel it shows. */
export interface Tab<K extends string> {
  key: K;
  label: string;
  panel: HTMLElement;
}

/** The tab strip and panels; `select` switches programmatically. */
export interface Tabs<K extends string> {
  strip: HTMLElement;
  panels: HTMLElement[];
  select(key: K): void;
}

/** Build tabs; `onSelect` runs after each switch (e.g. to load a panel or remember the choice in the address). */
export function tabs<K extends string>(items: ReadonlyArray<Tab<K>>, initial: K, onSelect: (key: K) => void): Tabs<K> {
  const buttons = items.map((item) => h('button', { type: 'button', role: 'tab', id: `tab-${item.key}`, 'aria-controls': `panel-${item.key}` }, item.label));
  items.forEach((item) => {
    item.panel.id = `panel-${item.key}`;
    item.panel.setAttribute('role', 'tabpanel');
    item.panel.setAttribute('aria-labelledby', `tab-${item.key}`);
  });
  const show = (key: K) => {
    items.forEach((item, i) => {
      const on = item.key === key;
      buttons[i]!.setAttribute('aria-selected', String(on));
      buttons[i]!.tabIndex = on ? 0 : -1;
      item.panel.hidden = !on;
    });
  };
  const select = (key: K) => {
    show(key);
    onSelect(key);
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(items[i]!.key));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const next = (i + (event.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length;
      select(items[next]!.key);
      buttons[next]!.focus();
    });
  });
  show(initial);
  return { strip: h('div', { role: 'tablist', class: 'rule-tabs', 'aria-label': 'Rule and vocabulary' }, buttons), panels: items.map((item) => item.panel), select };
}
