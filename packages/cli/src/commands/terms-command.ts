/** `redliner terms FILE [--format text|json|csv] [--ruleset DIR]`: the key terms of one contract. */
import { basename } from 'node:path';
import { parseDocument } from '@redliner/parser';
import { DEFAULT_RULESET_DIR, formatRuleError, keyTermsCsv, loadKeyTerms, readKeyTerms, type KeyTermsReport } from '@redliner/rules';
import { UsageError } from '../cli-error.ts';
import { readInputFile } from '../read-input.ts';
import { ocrOptions } from '../ocr-options.ts';
import { renderKeyTermsText } from '../render/key-terms-text.ts';
import type { TermsFormat } from '../command-options.ts';


/** The key terms of the contract at `path`, read with the ruleset `ruleset` (default: the bundled one). */
export async function readTermsOf(args: { path: string; ruleset?: string; password?: string; ocr?: boolean }, warn: (line: string) => void): Promise<KeyTermsReport> {
  const dir = args.ruleset ?? DEFAULT_RULESET_DIR;
  const { definitions, errors } = loadKeyTerms(dir);
  for (const error of errors) warn(`key-terms error: ${formatRuleError(error)}`);
  if (definitions.fields.length === 0) {
    throw new UsageError(`${dir}: no usable key-term fields${errors.length ? ' (see the errors above)' : ''}. A ruleset keeps them in its terms/ folder (see rulesets/payer-core/terms/key-terms.yaml).`);
  }
  const document = await parseDocument(await readInputFile(args.path), { name: basename(args.path), ...(args.password !== undefined ? { password: args.password } : {}), ...ocrOptions(args.ocr, warn) });
  for (const w of document.warnings) warn(`warning [${w.code}] ${document.name}: ${w.message}`);
  return readKeyTerms(document, definitions);
}

/** Read the key terms of `path` and render them. */
export async function termsCommand(args: { path: string; format: TermsFormat; ruleset?: string; password?: string; ocr?: boolean }, warn: (line: string) => void): Promise<string> {
  const report = await readTermsOf(args, warn);
  if (args.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (args.format === 'csv') return keyTermsCsv(report);
  return renderKeyTermsText(report);
}
