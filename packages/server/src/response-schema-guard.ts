/**
 * The house rule "a schema per route", enforced where routes are registered: an /api route that
 * answers JSON must declare its answer (`schema.response`), or the app refuses to build. The
 * serializer then checks every answer against it, and the web app imports its type. Downloads
 * (a path ending in a file name: report.json, export.docx, deadlines.ics) send bytes the
 * serializer never sees and are exempt.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

/** A route the guard let through, as `METHOD /path`, and whether it is a download. */
export interface CheckedRoute {
  route: string;
  download: boolean;
}

const checkedByApp = new WeakMap<FastifyInstance, CheckedRoute[]>();

/** `/api/reviews/:id/report.json` is a download; `/api/reviews/:id/terms` is not. */
export function isDownloadPath(url: string): boolean {
  return /\/[^/:]*\.[a-z0-9]+$/i.test(url);
}

function methodsOf(route: RouteOptions): string {
  return (Array.isArray(route.method) ? route.method : [route.method]).join('|');
}

/** Refuse (throw at registration) any /api route that answers JSON without a response schema. */
export function requireResponseSchemas(app: FastifyInstance): void {
  const checked: CheckedRoute[] = [];
  checkedByApp.set(app, checked);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const name = `${methodsOf(route)} ${route.url}`;
    const download = isDownloadPath(route.url);
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!download && (!response || Object.keys(response).length === 0)) {
      throw new Error(`${name} answers JSON but declares no response schema: give it schema.response (see CONTRIBUTING.md, "Add an HTTP route").`);
    }
    checked.push({ route: name, download });
  });
}

/** The /api routes `requireResponseSchemas` checked on `app`, in registration order. */
export function checkedRoutes(app: FastifyInstance): readonly CheckedRoute[] {
  return checkedByApp.get(app) ?? [];
}
