/** The pure view-model parts of the web UI (the app itself starts from src/main.ts). */
export * from './model/diff.ts';
export * from './model/markdown.ts';
export * from './model/new-rule.ts';
export * from './model/problem.ts';
export * from './model/review.ts';
export * from './model/segments.ts';
export type * from './types.ts';
