/** `redliner serve [--port N] [--host H] [--data-dir DIR] [--no-ocr]`: the review app, until Ctrl+C. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isLoopback, startServer } from '@redliner/server';
import { UsageError } from '../cli-error.ts';

/** The built browser interface (`pnpm start` builds it first). */
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Start the server and resolve when it has been stopped by a signal. */
export async function serveCommand(args: { port?: string; host?: string; allowedHosts?: string; dataDir?: string; ocr?: boolean }, say: (line: string) => void): Promise<void> {
  const port = args.port === undefined ? 4317 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${args.port}")`);
  const host = args.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    say(`warning: listening on ${host}. Redliner has no sign-in yet: anyone who can reach this address can read and change reviews. Prefer the default (127.0.0.1).`);
  }
  let server;
  try {
    const webRoot = existsSync(`${WEB_DIST}/index.html`) ? WEB_DIST : undefined;
    if (!webRoot) say('note: the browser interface is not built (run "pnpm build:web"); serving the API only.');
    server = await startServer({ port, host, logger: false, ...(args.allowedHosts ? { allowedHosts: args.allowedHosts.split(',').map((n) => n.trim()).filter(Boolean) } : {}), ...(webRoot ? { webRoot } : {}), ...(args.dataDir ? { dataDir: args.dataDir } : {}), ...(args.ocr === false ? { ocr: false } : {}) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use (is Redliner already running?). Use --port to pick another.`);
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port}. Use a port above 1024 with --port.`);
    throw error;
  }
  if (server.dataDirWarning) say(`warning: ${server.dataDirWarning}`);
  say(`Redliner is running at ${server.url}  (data: ${args.dataDir ?? '~/.redliner'}). Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
