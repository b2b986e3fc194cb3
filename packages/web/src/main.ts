/** Entry point: a small history-based router over the home, review and rule-editor screens. */
import './styles.css';
import './site-nav.css';
import { clear, h } from './dom/h.ts';
import { homeScreen } from './views/home.ts';
import { reviewScreen } from './views/review.ts';

/** What the router keeps of the screen on show. */
interface Screen {
  element: HTMLElement;
  dispose(): void;
  /** False to stay (e.g. unsaved changes the user chose to keep). */
  confirmLeave?(): boolean;
}

const app = document.getElementById('app')!;
let current: Screen | null = null;
let currentPath = location.pathname + location.search;
let generation = 0;

function navigate(path: string): void {
  if (path === location.pathname + location.search + location.hash) return void render();
  if (current?.confirmLeave && !current.confirmLeave()) return;
  history.pushState(null, '', path);
  void render();
}

/** Which screen a path shows, and how to build it. */
function route(): { load: () => Promise<Screen & { title?: string }>; loading: string; failure: string; back: string } | null {
  const review = /^\/reviews\/([^/]+)(?:\/(checklist|terms))?\/?$/.exec(location.pathname);
  if (review) {
    return {
      load: () => reviewScreen(decodeURIComponent(review[1]!), review[2] === 'checklist' || review[2] === 'terms' ? review[2] : 'text', navigate),
      loading: 'Opening the review…',
      failure: 'This review could not be opened',
      back: '← All reviews',
    };
  }
  const rules = /^\/rules(?:\/([^/]+))?(?:\/([^/]+))?\/?$/.exec(location.pathname);
  if (rules) {
    const [, rulesetId, ruleId] = rules;
    return {
      // The rule editor (CodeMirror) is loaded only when it is opened.
      load: async () => (await import('./views/rules/rules-screen.ts')).rulesScreen(rulesetId && decodeURIComponent(rulesetId), ruleId && decodeURIComponent(ruleId), new URLSearchParams(location.search), navigate),
      loading: 'Opening the rules…',
      failure: 'The rules could not be opened',
      back: '← Reviews',
    };
  }
  if (/^\/portfolio\/?$/.test(location.pathname)) {
    return {
      load: async () => (await import('./views/portfolio.ts')).portfolioScreen(),
      loading: 'Opening the portfolio…',
      failure: 'The portfolio could not be opened',
      back: '← Reviews',
    };
  }
  return null;
}

/** Underline the header link of the area on show (reviews or rules). */
function markCurrentNav(): void {
  const area = location.pathname.startsWith('/rules') ? '/rules' : location.pathname.startsWith('/portfolio') ? '/portfolio' : '/';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    if (link.pathname === area) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function render(): Promise<void> {
  const mine = ++generation;
  current?.dispose();
  current = null;
  currentPath = location.pathname + location.search;
  markCurrentNav();
  const target = route();
  if (!target) {
    document.title = 'Redliner';
    clear(app);
    app.append(homeScreen(navigate));
    return;
  }
  clear(app);
  app.append(h('p', { class: 'muted loading' }, target.loading));
  try {
    const screen = await target.load();
    if (mine !== generation) return screen.dispose();
    current = screen;
    clear(app);
    app.append(screen.element);
    document.title = `${screen.title ?? screen.element.querySelector('h1')?.textContent ?? 'Redliner'} — Redliner`;
    window.scrollTo(0, 0);
  } catch (error) {
    if (mine !== generation) return;
    clear(app);
    app.append(h('div', { class: 'page-error' }, h('h1', {}, target.failure), h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)), h('a', { href: '/', 'data-nav': '' }, target.back)));
  }
}

// Same-origin links marked data-nav are handled in the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[data-nav]');
  if (!(link instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  navigate(link.pathname + link.search + link.hash);
});
window.addEventListener('popstate', () => {
  // Back/forward has already changed the address: put it back if the user keeps unsaved work.
  if (current?.confirmLeave && !current.confirmLeave()) {
    history.pushState(null, '', currentPath);
    return;
  }
  void render();
});

void render();
