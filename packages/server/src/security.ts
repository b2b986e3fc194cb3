/**
 * Browser-facing protections for a local app without sign-in: strict security headers on every
 * response, and a Host/Origin check so a web page the user happens to visit cannot drive the
 * API (DNS rebinding, or cross-site form posts that create reviews).
 */
import type { FastifyInstance } from 'fastify';
import { parseHostHeader } from './allowed-hosts.ts';
import { problem, sendProblem } from './problem.ts';

/** The Content-Security-Policy: same origin only, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Add headers to every reply, and refuse foreign Host or Origin headers. */
export function registerSecurity(app: FastifyInstance, options: { allowedHosts: ReadonlySet<string> }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    return payload;
  });
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    // A Host that is not one of this machine's names is a rebinding attempt (or a typo): refused, on every interface.
    const name = host ? parseHostHeader(host) : undefined;
    if (host && (!name || !options.allowedHosts.has(name))) {
      const shown = (name ?? host).slice(0, 100);
      return sendProblem(reply, problem('WRONG_HOST', `This Redliner server does not answer requests for "${shown}". Open it at http://127.0.0.1 on this machine, or by one of its own names; to allow another name, start it with --allowed-hosts.`));
    }
    const origin = request.headers.origin;
    if (origin && request.method !== 'GET' && request.method !== 'HEAD') {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = '';
      }
      if (originHost !== host) {
        return sendProblem(reply, problem('CROSS_ORIGIN', 'Requests that change data must come from the Redliner page itself.'));
      }
    }
    return undefined;
  });
}
