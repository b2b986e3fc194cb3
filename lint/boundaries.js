// The package boundaries, as lint rules (see eslint.config.js). The pipeline runs one way:
//   parser → rules → portfolio → redline → server → web / cli
// A package may import only packages before it, and only through their index (`@redliner/x`,
// which is `src/index.ts`). The web app runs in the browser, so it may import only *types*
// from the others (the server's API types included), never their code.

/** The packages in pipeline order: each may import the ones before it. */
export const PIPELINE = ['parser', 'rules', 'portfolio', 'redline', 'server'];
/** The two front ends: each may import the whole pipeline, neither the other. */
export const FRONT_ENDS = ['web', 'cli'];
const ALL = [...PIPELINE, ...FRONT_ENDS];
const ARROWS = 'parser → rules → portfolio → redline → server → web/cli';

/**
 * The packages `name` may import: the ones before it in the pipeline.
 * @param {string} name
 * @returns {string[]}
 */
export function packagesBelow(name) {
  const at = PIPELINE.indexOf(name);
  return at >= 0 ? PIPELINE.slice(0, at) : [...PIPELINE];
}

/** Messages the lint test looks for (kept here so the test and the config cannot drift). */
export const MESSAGES = {
  upward: (/** @type {string} */ from, /** @type {string} */ to) => `Package boundary: ${from} may not import ${to}; arrows only point down (${ARROWS}). Move the shared code down, or pass it in.`,
  internals: 'Package boundary: import a package through its index (`@redliner/x`), not a file inside it; export what you need from its src/index.ts.',
  reachIn: "Package boundary: this path reaches into another package's src/; import it through its index (`@redliner/x`) and export what you need from that package's src/index.ts.",
  webTypesOnly: 'Package boundary: the web app runs in the browser and may import only types from other packages (`import type { … } from "@redliner/x"`).',
  webNoNode: 'Package boundary: the web app runs in the browser; Node built-ins are not there.',
};

const deepImports = { group: ['@redliner/*/**'], message: MESSAGES.internals };
const reachIntoSrc = { regex: `^(\\.\\./)+(packages/)?(${ALL.join('|')})/src/`, message: MESSAGES.reachIn };

/**
 * Restrictions for code of package `name` (`src` is false for its tests, which run in Node).
 * @param {string} name
 * @param {{ src: boolean }} where
 */
function restrictionsFor(name, { src }) {
  const below = packagesBelow(name);
  const above = ALL.filter((other) => other !== name && !below.includes(other));
  const paths = above.map((other) => ({ name: `@redliner/${other}`, message: MESSAGES.upward(name, other) }));
  const patterns = [deepImports, reachIntoSrc];
  if (above.length > 0) {
    // A relative path into a later package is an upward arrow too (tests sharing helpers).
    patterns.push({ regex: `^(\\.\\./)+(packages/)?(${above.join('|')})/`, message: MESSAGES.upward(name, 'a later package') });
  }
  if (name === 'web' && src) {
    paths.push(...below.map((other) => ({ name: `@redliner/${other}`, allowTypeImports: true, message: MESSAGES.webTypesOnly })));
    patterns.push({ group: ['node:*'], message: MESSAGES.webNoNode });
  }
  return { paths, patterns };
}

/** One config block per package (its src and its tests) and one for the root's tests, benches and scripts. */
export function boundaryRules() {
  const rule = '@typescript-eslint/no-restricted-imports';
  const blocks = ALL.flatMap((name) => [
    { files: [`packages/${name}/src/**`], rules: { [rule]: ['error', restrictionsFor(name, { src: true })] } },
    { files: [`packages/${name}/test/**`, `packages/${name}/*.ts`], rules: { [rule]: ['error', restrictionsFor(name, { src: false })] } },
  ]);
  // The root's end-to-end tests, benches and scripts sit above every package; they may also
  // share a package's test helpers (packages/x/test/), which are not part of its API.
  blocks.push({ files: ['test/**', 'bench/**', 'scripts/**', '*.ts', '*.js'], rules: { [rule]: ['error', { paths: [], patterns: [deepImports, reachIntoSrc] }] } });
  return blocks;
}
