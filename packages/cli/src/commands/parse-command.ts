/** `redliner parse FILE [--format text|json|markdown] [--password PW] [--no-ocr]` */
import { basename } from 'node:path';
import { parseDocument } from '@redliner/parser';
import type { ContractDocument } from '@redliner/parser';
import { UsageError } from '../cli-error.ts';
import { renderDocumentMarkdown } from '../render/document-markdown.ts';
import { renderDocumentText } from '../render/document-text.ts';
import { ocrOptions } from '../ocr-options.ts';
import { readInputFile } from '../read-input.ts';
import type { ParseFormat } from '../command-options.ts';


/** Run `parse` and return what goes to stdout; warnings go to `warn`. */
export async function parseCommand(args: { files: string[]; format: ParseFormat; password?: string; ocr?: boolean }, warn: (line: string) => void): Promise<string> {
  if (args.files.length !== 1) throw new UsageError('parse takes exactly one file: redliner parse FILE [--format text|json|markdown]');
  const path = args.files[0]!;
  const bytes = await readInputFile(path);
  const document = await parseDocument(bytes, { name: basename(path), ...(args.password !== undefined ? { password: args.password } : {}), ...ocrOptions(args.ocr, warn) });
  for (const warning of document.warnings) warn(`warning [${warning.code}] ${document.name}: ${warning.message}`);
  return render(document, args.format);
}

function render(document: ContractDocument, format: ParseFormat): string {
  if (format === 'json') return `${JSON.stringify(document)}\n`;
  if (format === 'markdown') return renderDocumentMarkdown(document);
  return renderDocumentText(document);
}

