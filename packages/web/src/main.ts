/// <reference lib="dom" />
/** Entry point: a small history-based router over the home and review screens. */
import './styles.css';
import { clear, h } from './dom/h.ts';
import { homeScreen } from './views/home.ts';
import { reviewScreen, type ReviewScreen } from './views/review.ts';

const app = document.getElementById('app')!;
let current: ReviewScreen | null = null;
let generation = 0;

function navigate(path: string): void {
  if (path !== location.pathname + location.hash) history.pushState(null, '', path);
  void render();
}

async function render(): Promise<void> {
  const mine = ++generation;
  current?.dispose();
  current = null;
  const match = /^\/reviews\/([^/]+)(\/checklist)?\/?$/.exec(location.pathname);
  if (!match) {
    document.title = 'Redliner';
    clear(app);
    app.append(homeScreen(navigate));
    return;
  }
  const id = decodeURIComponent(match[1]!);
  clear(app);
  app.append(h('p', { class: 'muted loading' }, 'Opening the review…'));
  try {
    const screen = await reviewScreen(id, match[2] ? 'checklist' : 'text', navigate);
    if (mine !== generation) return screen.dispose();
    current = screen;
    clear(app);
    app.append(screen.element);
    document.title = `${screen.element.querySelector('h1')?.textContent ?? 'Review'} — Redliner`;
    window.scrollTo(0, 0);
  } catch (error) {
    if (mine !== generation) return;
    clear(app);
    app.append(
      h('div', { class: 'page-error' }, h('h1', {}, 'This review could not be opened'), h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)), h('a', { href: '/', 'data-nav': '' }, '← All reviews')),
    );
  }
}

// Same-origin links marked data-nav are handled in the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[data-nav]');
  if (!(link instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  navigate(link.pathname + link.hash);
});
window.addEventListener('popstate', () => void render());

void render();
