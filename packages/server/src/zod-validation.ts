/**
 * Zod on fastify routes without a plugin: a validator compiler that runs `schema.safeParse`
 * and a type provider so handlers see the parsed types. Chosen over fastify-type-provider-zod
 * because that package peers on @fastify/swagger and openapi-types we do not use, and because
 * owning the failure path lets every validation error become our problem+json with a route
 * specific code (e.g. INVALID_DECISION) instead of fastify's generic 400.
 */
import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import type * as z from 'zod';

/** A failed zod parse, carried to the error handler with its issues. */
export class ZodValidationError extends Error {
  override readonly name = 'ZodValidationError';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(describeIssues(issues));
  }
}

/** "text: Too small…; alternative: Expected number" — paths the person can find in their request. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(whole value)'}: ${issue.message}`)
    .join('; ');
}

/** Fastify validator compiler for zod schemas. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: new ZodValidationError(result.error.issues) };
  };

/**
 * Fastify serializer compiler for zod response schemas: the answer is checked against its
 * schema before it is sent, so a route can never send a shape its schema (and the web app's
 * types, which come from the schema) does not describe. The type provider already makes the
 * handler's return type match at compile time; this is the run-time half.
 */
export const zodSerializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema }) =>
  (data) =>
    JSON.stringify(schema.parse(data));

/** Type provider: `request.body` etc. are the zod output types. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** Parse `value` or throw the same validation error routes produce (for multipart fields). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ZodValidationError(result.error.issues);
  return result.data;
}
