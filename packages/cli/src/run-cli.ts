/**
 * The `redliner` command line: argument parsing and dispatch. Returns an exit code instead of
 * exiting, so tests can call it in-process.
 */
import { parseArgs } from 'node:util';
import { isParseError } from '@redliner/parser';
import { EXIT, UsageError } from './cli-error.ts';
import { PARSE_FORMATS, parseCommand } from './commands/parse-command.ts';
import type { ParseFormat } from './commands/parse-command.ts';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const USAGE = `Usage: redliner <command> [options]

Commands:
  parse FILE [--format text|json|markdown] [--password PW]
      Read a contract (PDF or .docx) and print its text with clause numbers and headings.
      --format json prints the ContractDocument JSON only.
  serve
      Start the review app (not available yet in this version).

Options:
  -h, --help     Show this help.
`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Run the CLI with `argv` (without node and script). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === 'parse') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string', short: 'f' }, password: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
      if (values.help) {
        io.out(USAGE);
        return EXIT.ok;
      }
      const format: ParseFormat = oneOf(values.format, PARSE_FORMATS, 'format', 'text');
      const output = await parseCommand({ files: positionals, format, ...(values.password !== undefined ? { password: values.password } : {}) }, (line) => io.err(`${line}\n`));
      io.out(output);
      return EXIT.ok;
    }
    if (command === 'serve') {
      io.err('redliner: the review app (serve) is not part of this version yet. Use "redliner parse FILE" to read a contract.\n');
      return EXIT.usage;
    }
    throw new UsageError(`unknown command "${command}". Run "redliner --help" for the list of commands.`);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (isParseError(error)) {
    io.err(`redliner: error [${error.code}] ${error.message}\n`);
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    io.err(`redliner: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`redliner: ${error.message}. Run "redliner --help" for usage.\n`);
    return EXIT.usage;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`redliner: internal error, please report it with the command you ran:\n${detail}\n`);
  return EXIT.internal;
}
