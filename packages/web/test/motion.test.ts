import { afterEach, describe, expect, it, vi } from 'vitest';
import { scrollMotion } from '../src/dom/motion.ts';

describe('scrollMotion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('scrolls smoothly unless the reader asked for reduced motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
    expect(scrollMotion()).toBe('smooth');
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)', media: query }));
    expect(scrollMotion()).toBe('auto');
  });
});
