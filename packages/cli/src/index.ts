/** @redliner/cli: the `redliner` command, callable in-process for tests. */
export { runCli, USAGE } from './run-cli.ts';
export type { CliIo } from './run-cli.ts';
export { renderDocumentMarkdown, documentToMdast } from './render/document-markdown.ts';
export { renderDocumentText } from './render/document-text.ts';
export { EXIT } from './cli-error.ts';
