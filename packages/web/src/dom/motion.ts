/**
 * How the app scrolls to a finding: smoothly, unless the reader asked the system for less motion
 * (a smooth scroll of a long contract can make some readers ill, and a jump is as clear).
 */
export function scrollMotion(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
