/**
 * The `redliner` command line: argument parsing and dispatch. Returns an exit code instead of
 * exiting, so tests can call it in-process.
 */
import { parseArgs } from 'node:util';
import { EXIT, UsageError } from './cli-error.ts';
import { ANALYZE_FORMATS, AUDIENCES, DEADLINES_FORMATS, FAIL_LEVELS, ISSUES_FORMATS, PARSE_FORMATS, PORTFOLIO_FORMATS, TERMS_FORMATS } from './command-options.ts';
import { writeFile } from 'node:fs/promises';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The help text. */
export const USAGE = `Usage: redliner <command> [options]

Commands:
  parse FILE [--format text|json|markdown] [--password PW] [--no-ocr]
      Read a contract (PDF or .docx) and print its text with clause numbers and headings.
      --format json prints the ContractDocument JSON only.
      Scanned PDF pages are read with OCR (on this machine; a warning names them, as the text
      may hold recognition errors). --no-ocr leaves them unread (also for analyze, redline,
      issues and terms).
  analyze FILE|FOLDER... [--ruleset DIR] [--format text|json|sarif|markdown] [--fail-on high|medium|low]
      Review contracts with a ruleset (default: the bundled payer-core rules).
      json: the versioned report; sarif: SARIF 2.1.0; markdown: a memo for counsel.
      --fail-on exits with code 4 when a finding at or above that severity is found.
  redline FILE (--decisions decisions.json | --accept-all) [--audience payer|internal] [--author NAME] [-o OUT.docx] [--ruleset DIR] [--no-comments]
      Write a redlined Word document: each accepted or edited suggestion as a tracked change
      under your name (--author). From a .docx, the original file with only those changes; from
      a PDF, a new .docx. Only decided findings change the text; --accept-all also accepts
      every finding without a decision (a quick full draft).
      --audience payer (default): the copy to send, "<name> - redline.docx": each change with
      at most one short comment written for the payer; nothing internal (no risk levels,
      analysis, decisions or reasons). --no-comments leaves even those out.
      --audience internal: "<name> - internal redline.docx", every finding commented with the
      analysis, the decision and its reason (undecided ones too); not for the payer.
      decisions.json maps finding ids to {"action":"accept"|"edit"|"reject", ...}.
  issues FILE (--decisions decisions.json | --accept-all) [--audience payer|internal] [--format xlsx|docx|csv] [-o OUT]
      Write the issues list negotiators exchange beside the redline: for each change, the
      clause, the contract's words, the requested change and the clause as it will read.
      --audience payer (default): "<name> - issues list.xlsx", only the changes you ask for,
      nothing internal. --audience internal: every finding with risk level, decision, reason
      and status (open, change requested, accepted as drafted).
  terms FILE [--format text|json|csv] [--ruleset DIR] [--password PW]
      The contract's key terms (parties, term and renewal, notice periods, timely filing,
      payment, audit, rates, governing law...): each value as written and normalized, with its
      clause, section and page, or "not stated". Fields come from the ruleset's terms/ folder.
  deadlines FILE [--set FIELD=VALUE]... [--format text|json|ics] [--renegotiate-months 6] [--today DATE]
      The dates the contract's term creates: the end of the current term (evergreen terms
      rolled forward past today), the last day to send non-renewal notice, and the day to start
      renegotiating. --set supplies or corrects a key term first (e.g. --set
      effective-date=2027-01-01 --set "initial-term=3 years"); a date that depends on a term
      not stated is not given, and the output says which term to supply.
      --format ics writes an iCalendar file for Outlook or Google Calendar (redirect it: > d.ics).
  portfolio FILE|FOLDER... [--format csv|xlsx|json] [-o OUT] [--ruleset DIR]
      The contract matrix: one row per contract with its key terms, findings by severity, the
      terms worse than the best of the contracts given, and a score (formula in --format json
      and the README). csv and json print; xlsx writes OUT (default "contract portfolio.xlsx").
  rules test [DIR]    Run every rule's embedded examples; failures are reported as file:line:col.
  rules lint [DIR]    Check rule files for errors.
  serve [--port 4317] [--host 127.0.0.1] [--allowed-hosts NAME,…] [--data-dir DIR] [--no-ocr]
      Start the review app on this machine: the browser interface (when built) and the API.
      Reviews are kept in ~/.redliner by default. --no-ocr: scanned PDF pages are not read.

Exit codes: 0 ok, 1 a file could not be read or a rule check failed, 2 usage error,
3 internal error, 4 findings at or above --fail-on.

Options:
  -h, --help     Show this help.
`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

const warnTo = (io: CliIo) => (line: string) => io.err(`${line}\n`);

async function dispatch(command: string, rest: string[], io: CliIo): Promise<number> {
  if (command === 'parse') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, password: { type: 'string' }, 'no-ocr': { type: 'boolean' } } });
    const format = oneOf(values.format, PARSE_FORMATS, 'format') ?? 'text';
    const { parseCommand } = await import('./commands/parse-command.ts');
    io.out(await parseCommand({ files: positionals, format, ...(values.password !== undefined ? { password: values.password } : {}), ...(values['no-ocr'] ? { ocr: false } : {}) }, warnTo(io)));
    return EXIT.ok;
  }
  if (command === 'analyze') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, ruleset: { type: 'string' }, 'fail-on': { type: 'string' }, password: { type: 'string' }, 'no-ocr': { type: 'boolean' } },
    });
    const format = oneOf(values.format, ANALYZE_FORMATS, 'format') ?? 'text';
    const failOn = oneOf(values['fail-on'], FAIL_LEVELS, 'fail-on');
    const { analyzeCommand } = await import('./commands/analyze-command.ts');
    const outcome = await analyzeCommand(
      { paths: positionals, format, ...(values.ruleset ? { ruleset: values.ruleset } : {}), ...(failOn ? { failOn } : {}), ...(values.password !== undefined ? { password: values.password } : {}), ...(values['no-ocr'] ? { ocr: false } : {}) },
      warnTo(io),
    );
    io.out(outcome.output);
    if (outcome.fileErrors > 0) return EXIT.input;
    return outcome.failed ? EXIT.findings : EXIT.ok;
  }
  if (command === 'redline') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        decisions: { type: 'string' },
        author: { type: 'string' },
        out: { type: 'string', short: 'o' },
        ruleset: { type: 'string' },
        'no-comments': { type: 'boolean' },
        password: { type: 'string' },
        'no-ocr': { type: 'boolean' },
        audience: { type: 'string' },
        'accept-all': { type: 'boolean' },
        undecided: { type: 'string' },
      },
    });
    // Removed: findings without a decision no longer change the text; say what replaced it.
    if (values.undecided !== undefined) {
      throw new UsageError('--undecided is no longer needed: findings without a decision never change the text (the internal copy comments on them). Use --accept-all to propose every suggestion, or --audience internal for the commented copy.');
    }
    const audience = oneOf(values.audience, AUDIENCES, 'audience');
    if (positionals.length !== 1) throw new UsageError('redline takes exactly one file: redliner redline FILE (--decisions decisions.json | --accept-all) [--audience payer|internal] [-o OUT.docx]');
    const { redlineCommand } = await import('./commands/redline-command.ts');
    const { bytes, outPath, result } = await redlineCommand(
      {
        path: positionals[0]!,
        ...(values.out ? { out: values.out } : {}),
        ...(values.decisions ? { decisions: values.decisions } : {}),
        ...(values.ruleset ? { ruleset: values.ruleset } : {}),
        ...(values.author ? { author: values.author } : {}),
        ...(values.password !== undefined ? { password: values.password } : {}),
        ...(values['no-ocr'] ? { ocr: false } : {}),
        comments: !values['no-comments'],
        ...(audience ? { audience } : {}),
        ...(values['accept-all'] ? { acceptAll: true } : {}),
      },
      warnTo(io),
    );
    await writeFile(outPath, bytes);
    const changes = result.applied.filter((a) => a.change).length;
    const comments = result.applied.filter((a) => a.comment).length + result.skipped.length;
    io.err(`wrote ${outPath} (${audience === 'internal' ? 'internal copy, not for the payer' : 'for the payer'}): ${changes} tracked change(s), ${comments} comment(s), ${result.skipped.length} change(s) left as comments only\n`);
    return EXIT.ok;
  }
  if (command === 'issues') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        decisions: { type: 'string' },
        out: { type: 'string', short: 'o' },
        ruleset: { type: 'string' },
        password: { type: 'string' },
        'no-ocr': { type: 'boolean' },
        audience: { type: 'string' },
        format: { type: 'string', short: 'f' },
        'accept-all': { type: 'boolean' },
      },
    });
    const audience = oneOf(values.audience, AUDIENCES, 'audience');
    const format = oneOf(values.format, ISSUES_FORMATS, 'format');
    if (positionals.length !== 1) throw new UsageError('issues takes exactly one file: redliner issues FILE (--decisions decisions.json | --accept-all) [--audience payer|internal] [--format xlsx|docx|csv] [-o OUT]');
    const { issuesCommand } = await import('./commands/issues-command.ts');
    const { bytes, outPath, list } = await issuesCommand(
      {
        path: positionals[0]!,
        ...(values.out ? { out: values.out } : {}),
        ...(values.decisions ? { decisions: values.decisions } : {}),
        ...(values.ruleset ? { ruleset: values.ruleset } : {}),
        ...(values.password !== undefined ? { password: values.password } : {}),
        ...(values['no-ocr'] ? { ocr: false } : {}),
        ...(audience ? { audience } : {}),
        ...(format ? { format } : {}),
        ...(values['accept-all'] ? { acceptAll: true } : {}),
      },
      warnTo(io),
    );
    await writeFile(outPath, bytes);
    io.err(`wrote ${outPath} (${audience === 'internal' ? 'internal copy, not for the payer' : 'for the payer'}): ${list.rows.length} item(s)\n`);
    return EXIT.ok;
  }
  if (command === 'terms') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, ruleset: { type: 'string' }, password: { type: 'string' }, 'no-ocr': { type: 'boolean' } } });
    const format = oneOf(values.format, TERMS_FORMATS, 'format') ?? 'text';
    if (positionals.length !== 1) throw new UsageError('terms takes exactly one file: redliner terms FILE [--format text|json|csv]');
    const { termsCommand } = await import('./commands/terms-command.ts');
    io.out(await termsCommand({ path: positionals[0]!, format, ...(values.ruleset ? { ruleset: values.ruleset } : {}), ...(values.password !== undefined ? { password: values.password } : {}), ...(values['no-ocr'] ? { ocr: false } : {}) }, warnTo(io)));
    return EXIT.ok;
  }
  if (command === 'deadlines') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, set: { type: 'string', multiple: true }, 'renegotiate-months': { type: 'string' }, today: { type: 'string' }, ruleset: { type: 'string' }, password: { type: 'string' } },
    });
    const format = oneOf(values.format, DEADLINES_FORMATS, 'format') ?? 'text';
    if (positionals.length !== 1) throw new UsageError('deadlines takes exactly one file: redliner deadlines FILE [--set FIELD=VALUE]... [--format text|json|ics]');
    const opt = <K extends 'renegotiate-months' | 'today' | 'ruleset' | 'password'>(key: K, as: string) => (values[key] !== undefined ? { [as]: values[key] } : {});
    const { deadlinesCommand } = await import('./commands/deadlines-command.ts');
    io.out(await deadlinesCommand({ path: positionals[0]!, format, set: values.set ?? [], ...opt('renegotiate-months', 'renegotiateMonths'), ...opt('today', 'today'), ...opt('ruleset', 'ruleset'), ...opt('password', 'password') }, warnTo(io)));
    return EXIT.ok;
  }
  if (command === 'portfolio') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, ruleset: { type: 'string' }, password: { type: 'string' } } });
    const format = oneOf(values.format, PORTFOLIO_FORMATS, 'format') ?? 'csv';
    const { portfolioCommand } = await import('./commands/portfolio-command.ts');
    const outcome = await portfolioCommand({ paths: positionals, format, ...(values.ruleset ? { ruleset: values.ruleset } : {}), ...(values.password !== undefined ? { password: values.password } : {}) }, warnTo(io));
    if (outcome.bytes) {
      const outPath = values.out ?? 'contract portfolio.xlsx';
      await writeFile(outPath, outcome.bytes);
      io.err(`wrote ${outPath}: ${outcome.rows} contract(s)\n`);
    } else if (values.out) await writeFile(values.out, outcome.text ?? '');
    else io.out(outcome.text ?? '');
    return outcome.fileErrors > 0 ? EXIT.input : EXIT.ok;
  }
  if (command === 'rules') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    const [sub, dir, ...extra] = positionals;
    if (extra.length) throw new UsageError(`rules ${sub} takes one folder at most (got ${positionals.length - 1})`);
    const { rulesCommand } = await import('./commands/rules-command.ts');
    const result = await rulesCommand({ sub, ...(dir ? { dir } : {}) });
    io.out(result.output);
    return result.ok ? EXIT.ok : EXIT.input;
  }
  if (command === 'serve') {
    const { values } = parseArgs({ args: rest, allowPositionals: false, options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, 'allowed-hosts': { type: 'string' }, 'data-dir': { type: 'string' }, 'no-ocr': { type: 'boolean' } } });
    // Loaded on demand: the server pulls in fastify, SQLite and worker pools that parse/analyze never need.
    const { serveCommand } = await import('./commands/serve-command.ts');
    await serveCommand({ ...(values.port ? { port: values.port } : {}), ...(values.host ? { host: values.host } : {}), ...(values['allowed-hosts'] ? { allowedHosts: values['allowed-hosts'] } : {}), ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), ...(values['no-ocr'] ? { ocr: false } : {}) }, (line) => io.err(`${line}\n`));
    return EXIT.ok;
  }
  throw new UsageError(`unknown command "${command}". Run "redliner --help" for the list of commands.`);
}

/** Run the CLI with `argv` (without node and script). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    return await dispatch(command, rest, io);
  } catch (error) {
    return await reportError(error, io);
  }
}

async function reportError(error: unknown, io: CliIo): Promise<number> {
  if (error instanceof UsageError) {
    io.err(`redliner: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`redliner: ${error.message}. Run "redliner --help" for usage.\n`);
    return EXIT.usage;
  }
  // Loaded here, not at start-up: by the time a parse or rule error exists, its package is loaded.
  const [{ isParseError }, { formatRuleError, RuleTooSlowError }] = await Promise.all([import('@redliner/parser'), import('@redliner/rules')]);
  if (isParseError(error)) {
    io.err(`redliner: error [${error.code}] ${error.message}\n`);
    return EXIT.input;
  }
  // A rule that ran past its time budget is a rule to fix, located like any rule error.
  if (error instanceof RuleTooSlowError) {
    io.err(`redliner: rule error: ${formatRuleError(error.ruleError)}\n`);
    return EXIT.input;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`redliner: internal error, please report it with the command you ran:\n${detail}\n`);
  return EXIT.internal;
}
