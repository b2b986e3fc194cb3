/**
 * `redliner portfolio FILE|FOLDER... [--format csv|xlsx|json] [-o OUT] [--ruleset DIR]`: the
 * contract matrix of several contracts (key terms side by side, findings by concept and
 * severity, worse-than-best marks) and the payer scorecard, as the web app's Portfolio shows it.
 */
import { basename } from 'node:path';
import { isParseError, parseDocument } from '@redliner/parser';
import { analyze, DEFAULT_RULESET_DIR, formatRuleError, loadKeyTerms, readKeyTerms } from '@redliner/rules';
import { buildPortfolio, portfolioCsv, portfolioXlsx, type PortfolioInput } from '@redliner/portfolio';
import { UsageError } from '../cli-error.ts';
import { readInputFile } from '../read-input.ts';
import { expand, loadRulesetOrThrow } from './analyze-command.ts';
import type { PortfolioFormat } from '../command-options.ts';


/** What `portfolio` produced: text for stdout, or bytes for a file; and how many files could not be read. */
export interface PortfolioOutcome {
  text?: string;
  bytes?: Uint8Array;
  rows: number;
  fileErrors: number;
}

/** Read, analyse and compare the contracts in `paths`. */
export async function portfolioCommand(args: { paths: string[]; format: PortfolioFormat; ruleset?: string; password?: string }, warn: (line: string) => void): Promise<PortfolioOutcome> {
  if (args.paths.length === 0) throw new UsageError('portfolio needs at least one file or folder: redliner portfolio FILE|FOLDER... [--format csv|xlsx|json]');
  const files = await expand(args.paths);
  const dir = args.ruleset ?? DEFAULT_RULESET_DIR;
  const ruleset = loadRulesetOrThrow(dir, warn);
  const { definitions, errors } = loadKeyTerms(dir);
  for (const error of errors) warn(`key-terms error: ${formatRuleError(error)}`);
  const inputs: PortfolioInput[] = [];
  let fileErrors = 0;
  for (const file of files) {
    try {
      const document = await parseDocument(await readInputFile(file), { name: basename(file), ...(args.password !== undefined ? { password: args.password } : {}) });
      const { findings } = analyze(document, ruleset);
      inputs.push({ id: file, name: document.name, terms: readKeyTerms(document, definitions), findings: findings.map((f) => ({ concept: f.concept, severity: f.severity })), decided: 0, total: findings.length });
    } catch (error) {
      if (!isParseError(error) && !(error instanceof UsageError)) throw error;
      warn(`redliner: ${isParseError(error) ? `error [${error.code}] ${error.message}` : error.message} (left out of the portfolio)`);
      fileErrors += 1;
    }
  }
  const portfolio = buildPortfolio(inputs);
  const base = { rows: portfolio.rows.length, fileErrors };
  if (args.format === 'json') return { ...base, text: `${JSON.stringify(portfolio, null, 2)}\n` };
  if (args.format === 'xlsx') return { ...base, bytes: await portfolioXlsx(portfolio) };
  return { ...base, text: portfolioCsv(portfolio) };
}
