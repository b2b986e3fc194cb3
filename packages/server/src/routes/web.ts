/**
 * The browser side: the built web UI (with SPA fallback) when `webRoot` is given, otherwise a
 * plain page saying the UI is not built yet. Unknown /api paths are always problem+json 404s.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../problem.ts';

const API = [
  'POST /api/reviews (multipart: file, password?, ruleset?)',
  'GET /api/reviews',
  'GET /api/reviews/:id',
  'DELETE /api/reviews/:id',
  'PUT /api/reviews/:id/decisions/:findingId',
  'POST /api/reviews/:id/reanalyze',
  'GET /api/reviews/:id/report.json | .md | .sarif',
  'GET /api/reviews/:id/original.pdf',
  'GET /api/rulesets',
  'GET /api/rulesets/:rulesetId/rules',
  'GET | PUT | DELETE /api/rulesets/:rulesetId/rules/:ruleId',
  'POST /api/rules/validate',
  'POST /api/rules/try',
];

/** The placeholder page (no inline style or script: the CSP forbids both). */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Redliner</title></head>
<body>
<h1>Redliner</h1>
<p>The Redliner API is running. The web UI is not built yet.</p>
<h2>API</h2>
<ul>
${API.map((line) => `<li><code>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</code></li>`).join('\n')}
</ul>
</body>
</html>
`;

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem('NOT_FOUND', `There is nothing at ${request.method} ${request.url.split('?')[0]}. See / for the list of API routes.`));
}

/** Register the UI routes and the not-found handler. */
export async function webRoutes(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (!webRoot) {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER_HTML));
    app.setNotFoundHandler(notFound);
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, index: ['index.html'], dotfiles: 'deny' });
  const hasIndex = existsSync(join(webRoot, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    // Client-side routes (/reviews/123) load the app shell, which then routes in the browser.
    if (wantsPage && hasIndex) return reply.sendFile('index.html');
    return notFound(request, reply);
  });
}
