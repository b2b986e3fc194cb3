/**
 * Response schemas: a route that declares one sends only answers its schema accepts (checked at
 * run time by the serializer, not only by the type checker), and the answers of the routes that
 * have one match it as a client reads them.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { RulesetListSchema, StorageStatusSchema, UploadProgressSchema } from '../src/response-schemas.ts';
import { zodSerializerCompiler } from '../src/zod-validation.ts';
import { useApps } from './helpers.ts';

const serializer = (schema: z.ZodType) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('the zod serializer', () => {
  it('serializes an answer its schema accepts, and refuses one it does not', () => {
    expect(serializer(StorageStatusSchema)({ writable: true, folder: 'data' })).toBe('{"writable":true,"folder":"data"}');
    expect(() => serializer(StorageStatusSchema)({ writable: true, folder: 'data', path: '/home/someone/data' })).toThrow();
    expect(() => serializer(StorageStatusSchema)({ writable: false, problem: { code: 'NOT_A_CODE', title: 't', detail: 'd' } })).toThrow(/registered problem code/);
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
