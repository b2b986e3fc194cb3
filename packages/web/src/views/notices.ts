/**
 * Messages that outlive a screen change: "the review was deleted" shown on the reviews list,
 * "3 new findings" shown on the re-opened review. Kept in memory only; a reload forgets them.
 */
import { h } from '../dom/h.ts';

/** A message with optional details, and finding ids a re-analysis added. */
export interface Notice {
  headline: string;
  details?: string[];
  /** Findings to mark "New" on the review screen. */
  added?: string[];
}

const pending = new Map<string, Notice>();

/** Key for the reviews list. */
export const HOME = 'home';
/** Key for one review's screen. */
export const reviewKey = (id: string): string => `review:${id}`;

/** Leave `notice` for the next screen rendered under `key`. */
export function leaveNotice(key: string, notice: Notice): void {
  pending.set(key, notice);
}

/** The notice left for `key`, once. */
export function takeNotice(key: string): Notice | undefined {
  const notice = pending.get(key);
  pending.delete(key);
  return notice;
}

/** A dismissible banner for `notice`. */
export function noticeBanner(notice: Notice): HTMLElement {
  const close = h('button', { type: 'button', class: 'linklike dismiss' }, 'Dismiss');
  const banner = h(
    'div',
    { class: 'banner', role: 'status' },
    h('div', {}, h('p', { class: 'banner-headline' }, notice.headline), notice.details?.length ? h('ul', { class: 'banner-details' }, notice.details.map((d) => h('li', {}, d))) : null),
    close,
  );
  close.addEventListener('click', () => banner.remove());
  return banner;
}
