/** Server options and their defaults. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_RULESET_DIR } from '@redliner/rules';
import type { ReviewStore } from './store/review-store.ts';

/** Options for `buildApp` and `startServer`. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 4317. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1; anything else exposes unauthenticated reviews to the network. */
  host?: string;
  /**
   * Extra names the server answers to in the Host header (a DNS name it is reached by). With a
   * non-loopback `host`, the machine's own names and addresses are allowed already.
   */
  allowedHosts?: string[];
  /** Where the database (and user rulesets, in `rulesets/`) live. Default ~/.redliner. */
  dataDir?: string;
  /** The bundled ruleset folder. Default the repository's rulesets/payer-core. */
  rulesetDir?: string;
  /** A built web UI to serve at /, with SPA fallback. */
  webRoot?: string;
  /** Largest accepted upload in bytes. Default 50 MB. */
  maxUploadBytes?: number;
  /** Largest JSON body (rule text plus pasted contract text). Default 5 MB. */
  maxBodyBytes?: number;
  /** Time limit for reading one upload. Default 60 s. */
  parseTimeoutMs?: number;
  /**
   * Read scanned PDF pages with OCR (on this machine). Default true; false leaves them unread
   * (the review warns) and refuses a fully scanned PDF with PDF_SCANNED.
   */
  ocr?: boolean;
  /** Time limit for recognizing one scanned page. Default 30 s; a page over it is left unread with a warning. */
  ocrPageTimeoutMs?: number;
  /** Fastify logger setting. Default: info-level JSON logs for startServer, silent for buildApp. */
  logger?: boolean;
  /** Use this store instead of opening SQLite in `dataDir` (tests, other backends). */
  store?: ReviewStore;
}

/** The bundled ruleset in this checkout (from @redliner/rules, which finds it independent of the working directory). */
export { DEFAULT_RULESET_DIR };

/** Options with every default filled in. */
export interface ResolvedOptions extends Required<Omit<ServerOptions, 'webRoot' | 'store'>> {
  webRoot: string | undefined;
  store: ReviewStore | undefined;
}

/** Fill in defaults. */
export function resolveOptions(options: ServerOptions): ResolvedOptions {
  return {
    port: options.port ?? 4317,
    host: options.host ?? '127.0.0.1',
    allowedHosts: options.allowedHosts ?? [],
    dataDir: resolve(options.dataDir ?? join(homedir(), '.redliner')),
    rulesetDir: resolve(options.rulesetDir ?? DEFAULT_RULESET_DIR),
    webRoot: options.webRoot ? resolve(options.webRoot) : undefined,
    maxUploadBytes: options.maxUploadBytes ?? 50 * 1024 * 1024,
    maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    parseTimeoutMs: options.parseTimeoutMs ?? 60_000,
    ocr: options.ocr ?? true,
    ocrPageTimeoutMs: options.ocrPageTimeoutMs ?? 30_000,
    logger: options.logger ?? false,
    store: options.store,
  };
}

/** True when `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
