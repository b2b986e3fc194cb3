/** Runs the CLI in-process for the tests, capturing what it writes and its exit code. */
import { runCli } from '../src/run-cli.ts';

/** What a CLI run wrote to stdout and stderr, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run `redliner <argv...>` in this process. */
export async function run(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** `run` with the arguments as one array. */
export const runArgv = (argv: string[]): Promise<CliRun> => run(...argv);
