/**
 * Rebuilds that wait for a pressed pointer to be released. A click is a press and a release on
 * the same element; leaving a text box with the mouse fires its `change` between the two, and if
 * that rebuilds the region the pressed button is replaced and the click is lost (a reason saved
 * on leaving the box swallowed the Reject the reader was pressing). So a rebuild asked for while
 * a pointer is down in the region runs just after the release, once the click has been handled.
 */

/** A guarded rebuild of one region. */
export interface PressGuard {
  /** Rebuild now, or right after the pointer pressed in the region is released. */
  render(): void;
  /** Remove the document-wide listeners. */
  dispose(): void;
}

/** Guard `rebuild` of `region` against running under a pressed pointer. */
export function pressGuard(region: HTMLElement, rebuild: () => void): PressGuard {
  let pressed = false;
  let owed = false;
  const press = (): void => {
    pressed = true;
  };
  const release = (): void => {
    if (!pressed) return;
    pressed = false;
    if (!owed) return;
    owed = false;
    // The click is dispatched after the release, in the same task: rebuild after it.
    setTimeout(rebuild, 0);
  };
  region.addEventListener('pointerdown', press);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  // A release outside the window may never reach us: leaving the window ends the press too.
  window.addEventListener('blur', release);
  return {
    render: () => {
      if (pressed) owed = true;
      else rebuild();
    },
    dispose: () => {
      region.removeEventListener('pointerdown', press);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
      window.removeEventListener('blur', release);
    },
  };
}
