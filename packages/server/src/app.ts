/**
 * `buildApp`: the fastify instance with every route, ready for `inject` in tests or `listen`
 * in `startServer`. Closing it closes the store and the worker pools.
 */
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { closeParserPool, warmUpParser } from '@redliner/parser';
import { allowedHostNames } from './allowed-hosts.ts';
import { createAnalysisPool } from './analysis/analysis-pool.ts';
import { createRuleCheckPool } from './analysis/rule-check-pool.ts';
import { createExportPool } from './export/export-pool.ts';
import type { AppContext } from './context.ts';
import { isLoopback, resolveOptions, type ServerOptions } from './options.ts';
import { problemErrorHandler } from './problem.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { exportRoutes } from './routes/export.ts';
import { originalRoutes } from './routes/original.ts';
import { reportRoutes } from './routes/reports.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { uploadProgressRoutes } from './routes/upload-progress.ts';
import { ruleFileRoutes } from './routes/rule-files.ts';
import { ruleRoutes } from './routes/rules.ts';
import { termRoutes } from './routes/terms.ts';
import { deadlineRoutes } from './routes/deadlines.ts';
import { portfolioRoutes } from './routes/portfolio.ts';
import { storageRoutes } from './routes/storage.ts';
import { vocabularyRoutes } from './routes/vocabulary.ts';
import { webRoutes } from './routes/web.ts';
import { requireResponseSchemas } from './response-schema-guard.ts';
import { registerSecurity } from './security.ts';
import { dataDirWarning, type DataDirStatus } from './store/data-dir.ts';
import { openGuardedStore } from './store/guarded-store.ts';
import { zodSerializerCompiler, zodValidatorCompiler } from './zod-validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Start the worker threads, load the ruleset and its key-term definitions in each, and run
     * the PDF path once, so the first upload after start is as fast as the next (about 3 s saved
     * on a 90-page PDF). Nothing is compiled on the main thread. Never rejects.
     */
    warmUp(): Promise<void>;
    /** The data dir's state (writable, free space) as last checked; undefined with an injected store. */
    dataDirStatus(): DataDirStatus | undefined;
  }
}

/** Build the app (not listening). The database is opened (and migrated) here. */
export async function buildApp(options: ServerOptions = {}): Promise<FastifyInstance> {
  const resolved = resolveOptions(options);
  // maxParamLength: a too-long rule id in the URL reaches the route's own check (a 400 that says
  // the limit) instead of fastify's bare 414.
  const app = Fastify({ logger: resolved.logger, bodyLimit: resolved.maxBodyBytes, trustProxy: false, routerOptions: { maxParamLength: 500 } });
  const guarded = resolved.store ? undefined : openGuardedStore(resolved.dataDir);
  const ctx: AppContext = {
    store: resolved.store ?? guarded!,
    analysis: createAnalysisPool(),
    ruleChecks: createRuleCheckPool(),
    exports: createExportPool(),
    options: resolved,
  };
  // The data dir as found at start: a warning in the log (and from `redliner serve`) when nothing can be saved.
  app.decorate('dataDirStatus', () => guarded?.status());
  const warning = guarded ? dataDirWarning(guarded.status()) : undefined;
  if (warning) app.log.warn(warning);
  app.addHook('onClose', async () => {
    await ctx.store.close();
    await Promise.all([ctx.analysis.close(), ctx.ruleChecks.close(), ctx.exports.close()]);
    // The parser pool is process-wide and restarts lazily, so closing it here is safe and lets the process exit.
    await closeParserPool();
  });

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);
  app.setErrorHandler(problemErrorHandler({ fileLimit: resolved.maxUploadBytes, bodyLimit: resolved.maxBodyBytes }));
  registerSecurity(app, { allowedHosts: allowedHostNames(resolved.host, isLoopback(resolved.host), resolved.allowedHosts) });
  await app.register(fastifyMultipart, {
    limits: { fileSize: resolved.maxUploadBytes, files: 1, fields: 10, parts: 12, fieldSize: 64 * 1024 },
  });

  app.decorate('warmUp', async () => {
    // Two describe calls at once start both analysis threads, each loading (and caching) the ruleset.
    const describe = () => ctx.analysis.describe(resolved.rulesetDir);
    const results = await Promise.allSettled([warmUpParser(), describe(), describe()]);
    // Describing compiles the ruleset's key-term definitions too, in each thread: they are never
    // compiled on this one, where they held every request for seconds after start.
    for (const result of results) if (result.status === 'rejected') app.log.warn({ err: result.reason }, 'warm-up failed; the first upload will be slower');
  });

  // Every JSON route below declares its answer; a route that does not fails the build of the app.
  requireResponseSchemas(app);
  reviewRoutes(app, ctx);
  uploadProgressRoutes(app);
  decisionRoutes(app, ctx);
  reportRoutes(app, ctx);
  exportRoutes(app, ctx);
  originalRoutes(app, ctx);
  termRoutes(app, ctx);
  deadlineRoutes(app, ctx);
  portfolioRoutes(app, ctx);
  ruleRoutes(app, ctx);
  ruleFileRoutes(app, ctx);
  vocabularyRoutes(app, ctx);
  storageRoutes(app);
  await webRoutes(app, resolved.webRoot);
  return app;
}
