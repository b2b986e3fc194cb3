/**
 * Keeping the keyboard where the reader left it while a region is rebuilt from state. Controls
 * that can hold focus carry `data-focus` (what they are) inside an element with `data-key` (whose
 * they are, e.g. a finding's card); after the rebuild the control with the same key and name gets
 * focus back, with the caret or selection it had. Without this, every decision dropped focus to
 * the page body and a keyboard user had to tab from the top again.
 */

/** Where focus was: the owner's key, the control's name, and a text field's selection. */
export interface FocusMark {
  key: string;
  name: string;
  selection: [number, number] | null;
}

function isTextField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');
}

/** The mark of the focused control inside `region`, or null when focus is elsewhere or on an unnamed element. */
export function focusMark(region: HTMLElement): FocusMark | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !region.contains(active)) return null;
  const name = active.dataset.focus;
  if (!name) return null;
  const key = active.closest<HTMLElement>('[data-key]')?.dataset.key ?? '';
  const selection = isTextField(active) && active.selectionStart !== null && active.selectionEnd !== null ? ([active.selectionStart, active.selectionEnd] as [number, number]) : null;
  return { key, name, selection };
}

/**
 * Focus the control `mark` names inside `region`, without scrolling (the rebuild kept the scroll
 * position). Returns false when no such control exists any more.
 */
export function restoreFocus(region: HTMLElement, mark: FocusMark): boolean {
  for (const el of region.querySelectorAll<HTMLElement>('[data-focus]')) {
    if (el.dataset.focus !== mark.name || (el.closest<HTMLElement>('[data-key]')?.dataset.key ?? '') !== mark.key) continue;
    el.focus({ preventScroll: true });
    if (mark.selection && isTextField(el)) el.setSelectionRange(...mark.selection);
    return document.activeElement === el;
  }
  return false;
}

/** Focus the first named control of the element keyed `key` (a closed editor's card, say). */
function focusOwner(region: HTMLElement, key: string): boolean {
  if (!key) return false;
  const owner = [...region.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset.key === key);
  const first = owner?.querySelector<HTMLElement>('[data-focus]');
  first?.focus({ preventScroll: true });
  return first !== undefined && first !== null && document.activeElement === first;
}

/**
 * Rebuild `region` with `rebuild`, handing focus back to the same control when it is still
 * there, else to the first control of the same owner (saving closes an editor, say).
 */
export function rebuildKeepingFocus(region: HTMLElement, rebuild: () => void): void {
  const mark = focusMark(region);
  rebuild();
  if (mark && !restoreFocus(region, mark)) focusOwner(region, mark.key);
}
