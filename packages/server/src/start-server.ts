/** `startServer`: build the app and listen, for `redliner serve` / `pnpm start`. */
import { buildApp } from './app.ts';
import { isLoopback, type ServerOptions } from './options.ts';
import { dataDirWarning } from './store/data-dir.ts';

/** A running server. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:4317 */
  url: string;
  /** Settles once the worker threads are started and warm (see `warmUp`); uploads work before that too. */
  warmedUp: Promise<void>;
  close(): Promise<void>;
  /** Why nothing (or little) can be saved in the data dir at start, to show the user; undefined when it is fine. */
  dataDirWarning: string | undefined;
}

/** Start listening (default 127.0.0.1:4317, data in ~/.redliner). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = await buildApp({ logger: true, ...options });
  if (!isLoopback(host)) {
    app.log.warn(`Redliner is listening on ${host}: anyone who can reach this address can read and change reviews. There is no sign-in yet; prefer 127.0.0.1 and an SSH tunnel.`);
  }
  try {
    await app.listen({ port: options.port ?? 4317, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4317);
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const warmedUp = app.warmUp();
  const status = app.dataDirStatus();
  return {
    dataDirWarning: status ? dataDirWarning(status) : undefined,
    url: `http://${shown}:${port}`,
    warmedUp,
    // Closing while warming up would tear the pools down under it; wait for it (a second or two at most).
    close: () => warmedUp.then(() => app.close()),
  };
}
