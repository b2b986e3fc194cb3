import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Corpus tests parse dozens of real documents; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll waits for the browser (a scroll, a page drawn, a saved decision); one second,
    // vitest's default, is not enough while other test files share the two cores. A poll that
    // succeeds returns at once, so this only lengthens a real failure.
    expect: { poll: { timeout: 15_000 } },
  },
});
