// Lint for the whole workspace (`pnpm lint`, part of `pnpm test` and CI). Its point is to keep
// the design true as the code grows: arrows only point down the pipeline, a package is used only
// through its index, no `any`. It is not a formatter: style is left to the author.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaryRules } from './lint/boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.redliner/**',
      '.tmp/**',
      'scratch/**',
      // Files that break the rules on purpose: the lint test proves the rules catch them.
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_unused` marks a parameter kept for a signature (callbacks, workers' message handlers).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `let { a, b } = …` with one of them reassigned is fine, and so is a `let` a closure reads
      // before its one assignment (a callback set up before the value it calls exists).
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
      // `while (true)` / `do … while (true)` with a `break` inside is a plain loop, not a mistake.
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The pdf.js worker files and the CLI's launcher are plain JavaScript run by Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals() },
  },
  {
    // CommonJS files (the OCR thread tesseract.js loads) use require: it is their module system.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaryRules(),
);

/** The Node globals our few JavaScript files use (TypeScript files get theirs from @types/node). */
function nodeGlobals() {
  const names = ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone', 'require', 'module', '__dirname', 'globalThis', 'TextDecoder', 'TextEncoder', 'queueMicrotask'];
  return Object.fromEntries(names.map((name) => [name, 'readonly']));
}
