/**
 * Response schemas: a route that declares one sends only answers its schema accepts (checked at
 * run time by the serializer, not only by the type checker), and the answers of the routes that
 * have one match it as a client reads them.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { checkedRoutes, isDownloadPath, requireResponseSchemas } from '../src/response-schema-guard.ts';
import { RulesetListSchema, StorageStatusSchema, UploadProgressSchema } from '../src/response-schemas.ts';
import { ReviewViewSchema } from '../src/review-response-schemas.ts';
import { RuleValidationSchema, VocabularyListSchema } from '../src/rule-response-schemas.ts';
import { zodSerializerCompiler } from '../src/zod-validation.ts';
import { useApps } from './helpers.ts';

const serializer = (schema: z.ZodType) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('the zod serializer', () => {
  it('serializes an answer its schema accepts, and refuses one it does not', () => {
    expect(serializer(StorageStatusSchema)({ writable: true, folder: 'data' })).toBe('{"writable":true,"folder":"data"}');
    expect(() => serializer(StorageStatusSchema)({ writable: true, folder: 'data', path: '/home/someone/data' })).toThrow();
    expect(() => serializer(StorageStatusSchema)({ writable: false, problem: { code: 'NOT_A_CODE', title: 't', detail: 'd' } })).toThrow(/registered problem code/);
  });

  it('refuses an answer that would carry a server path where the API promises a name', () => {
    const error = { code: 'RULE_YAML_SYNTAX', line: 1, col: 2, message: 'm' };
    expect(serializer(RuleValidationSchema)({ valid: false, errors: [error], examples: { total: 0, failed: 0 } })).toContain('RULE_YAML_SYNTAX');
    expect(() => serializer(RuleValidationSchema)({ valid: false, errors: [{ ...error, file: '/srv/rules/a.yaml' }], examples: { total: 0, failed: 0 } })).toThrow();
    const place = { ruleset: 'payer-core', source: 'bundled', file: 'vocabulary.yaml', line: 3 };
    expect(() => serializer(VocabularyListSchema)({ ruleset: 'payer-core', source: 'bundled', classes: [], errors: [{ ...place, code: 'C', col: 1, message: 'm', dir: '/srv/rules' }] })).toThrow();
  });

  it("refuses a review whose rules name their files, or whose findings are not objects", () => {
    const review = {
      id: 'r1',
      name: 'a.docx',
      created: '2026-01-01T00:00:00Z',
      updated: '2026-01-01T00:00:00Z',
      format: 'docx',
      ruleset: { id: 'payer-core', name: 'Payer core' },
      counts: { high: 0, medium: 0, low: 0 },
      decided: 0,
      total: 0,
      document: { name: 'a.docx' },
      rules: { r: { title: 'T', concept: 'c' } },
      findings: [],
      checklist: [],
      summary: { high: 0, medium: 0, low: 0, total: 0 },
      decisions: { f: { action: 'reject', findingId: 'f', decidedAt: '2026-01-01T00:00:00Z' } },
    };
    expect(JSON.parse(serializer(ReviewViewSchema)(review))).toEqual(review);
    expect(() => serializer(ReviewViewSchema)({ ...review, rules: { r: { title: 'T', concept: 'c', file: '/srv/rules/r.yaml' } } })).toThrow();
    expect(() => serializer(ReviewViewSchema)({ ...review, findings: ['not a finding'] })).toThrow(/a finding/);
    expect(() => serializer(ReviewViewSchema)({ ...review, decisions: { f: { action: 'reject' } } })).toThrow();
  });
});

describe('a schema per route', () => {
  it('tells downloads (a file name at the end of the path) from JSON routes', () => {
    expect(['/api/reviews/:id/report.json', '/api/reviews/:id/export.docx', '/api/deadlines.ics', '/api/portfolio.xlsx'].filter(isDownloadPath)).toHaveLength(4);
    expect(['/api/reviews/:id/terms', '/api/portfolio', '/api/rulesets/:rulesetId/rules/:ruleId', '/api/reviews'].filter(isDownloadPath)).toEqual([]);
  });

  it('refuses to register a JSON route without a response schema, and lets schema-bearing routes and downloads through', async () => {
    const bare = async (register: (app: FastifyInstance) => void) => {
      const app = Fastify();
      app.setSerializerCompiler(zodSerializerCompiler);
      requireResponseSchemas(app);
      try {
        register(app);
        await app.ready();
        return checkedRoutes(app).map((r) => r.route);
      } finally {
        await app.close();
      }
    };
    await expect(bare((app) => app.get('/api/things', async () => ({ a: 1 })))).rejects.toThrow(/GET \/api\/things answers JSON but declares no response schema/);
    await expect(bare((app) => app.post('/api/things', { schema: { response: {} } }, async () => ({ a: 1 })))).rejects.toThrow(/no response schema/);
    await expect(bare((app) => app.get('/api/things', { schema: { response: { 200: z.object({ a: z.number() }) } } }, async () => ({ a: 1 })))).resolves.toContain('GET /api/things');
    await expect(bare((app) => app.get('/api/things.csv', async (_q, reply) => reply.type('text/csv').send('a\n')))).resolves.toContain('GET /api/things.csv');
    await expect(bare((app) => app.get('/', async () => 'page'))).resolves.toEqual([]);
  });

  const app = useApps();

  it('every JSON route of the app declares its answer', async () => {
    const server = await app();
    const routes = checkedRoutes(server);
    const json = routes.filter((r) => !r.download).map((r) => r.route);
    // The guard saw the app's routes (building the app would have failed on one without a schema).
    for (const route of ['POST /api/reviews', 'GET /api/reviews', 'GET /api/reviews/:id', 'DELETE /api/reviews/:id', 'PUT /api/reviews/:id/decisions/:findingId', 'POST /api/reviews/:id/reanalyze', 'GET /api/reviews/:id/clauses', 'GET /api/reviews/:id/terms', 'PUT /api/reviews/:id/terms/:fieldId', 'DELETE /api/reviews/:id/terms/:fieldId', 'GET /api/reviews/:id/deadlines', 'GET /api/deadlines', 'GET /api/portfolio', 'GET /api/rulesets', 'GET /api/rulesets/:rulesetId/rules', 'GET /api/rulesets/:rulesetId/rules/:ruleId', 'PUT /api/rulesets/:rulesetId/rules/:ruleId', 'DELETE /api/rulesets/:rulesetId/rules/:ruleId', 'PUT /api/rulesets/:rulesetId/disabled/:ruleId', 'DELETE /api/rulesets/:rulesetId/disabled/:ruleId', 'POST /api/rules/validate', 'POST /api/rules/try', 'GET /api/rulesets/:rulesetId/vocabulary', 'PUT /api/rulesets/:rulesetId/vocabulary/:className', 'DELETE /api/rulesets/:rulesetId/vocabulary/:className', 'GET /api/storage', 'GET /api/uploads/:uploadId/progress']) {
      expect(json).toContain(route);
    }
    expect(routes.filter((r) => r.download).map((r) => r.route)).toContain('GET /api/reviews/:id/export.docx');
  });
});

describe('routes with a response schema', () => {
  const app = useApps();

  it('GET /api/storage, GET /api/rulesets and the upload progress answer in their schemas', async () => {
    const server = await app();
    const storage = await server.inject('/api/storage');
    expect(storage.statusCode).toBe(200);
    expect(StorageStatusSchema.parse(storage.json())).toMatchObject({ writable: true });
    const rulesets = await server.inject('/api/rulesets');
    expect(RulesetListSchema.parse(rulesets.json()).rulesets.map((r) => r.id)).toContain('payer-core');
    const progress = await server.inject('/api/uploads/abcdefgh12/progress');
    expect(UploadProgressSchema.parse(progress.json())).toEqual({ stage: 'reading' });
  });
});
