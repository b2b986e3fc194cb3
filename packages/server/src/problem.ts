/**
 * RFC 9457 problem details. Every error the API returns is `application/problem+json` with a
 * stable `code` (clients match on it) and a `detail` a contracting lead can act on.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isParseError } from '@redliner/parser';
import { StorageWriteError, type StorageFailure } from './store/storage-failure.ts';
import { ZodValidationError } from './zod-validation.ts';
import { isProblemCode, PROBLEM_CODES, type ProblemCode } from './problem-codes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Problem code for an invalid body on this route (default INVALID_BODY). */
    invalidBody?: ProblemCode;
  }
}

/** The problem body. Extra members (e.g. `errors`) carry machine-readable detail. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}

/** Per-call-site overrides: a more specific title, and extra members (e.g. `errors`). */
export interface ProblemOptions {
  title?: string;
  extra?: Record<string, unknown>;
}

/**
 * An error that becomes exactly this problem response. The status and default title come from
 * the registry (problem-codes.ts), so a code is always sent with the same status.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: number;
  readonly title: string;
  readonly extra: Record<string, unknown>;
  constructor(
    readonly code: ProblemCode,
    detail: string,
    options: ProblemOptions = {},
  ) {
    super(detail);
    this.status = PROBLEM_CODES[code].status;
    this.title = options.title ?? PROBLEM_CODES[code].title;
    this.extra = options.extra ?? {};
  }
}

/** Build a problem body; `type` is a URN so it names the problem without pointing off the machine. */
export function problem(code: ProblemCode, detail: string, options: ProblemOptions & { status?: number } = {}): Problem {
  const spec = PROBLEM_CODES[code];
  return { type: `urn:redliner:problem:${code.toLowerCase().replaceAll('_', '-')}`, title: options.title ?? spec.title, status: options.status ?? spec.status, detail, code, ...options.extra };
}

/** 404 for a review id that does not exist (deleted, or from another data dir). */
export function reviewNotFound(id: string): ProblemError {
  return new ProblemError('REVIEW_NOT_FOUND', `There is no review "${id}". It may have been deleted; list reviews with GET /api/reviews.`);
}

/**
 * A write the data dir refused: 507 DISK_FULL, or 503 DATA_DIR_READ_ONLY (the app keeps serving
 * reads and recovers on its own once the folder is writable). `what` says what was not saved.
 */
export function storageProblem(failure: StorageFailure, folder: string, what = 'Nothing was saved.'): ProblemError {
  if (failure === 'disk-full') {
    return new ProblemError('DISK_FULL', `The disk holding Redliner's data (the folder "${folder}") is full. ${what} Delete old reviews or free space on that disk, then try again.`);
  }
  return new ProblemError('DATA_DIR_READ_ONLY', `Redliner cannot write to its data folder "${folder}" (it is read-only, or its permissions do not allow writing). ${what} Reviews can still be opened and exported. Make the folder writable, then try again; no restart is needed.`);
}

/** Fastify's own errors (body parsing, limits) in the same shape. */
function frameworkProblem(error: FastifyError): Problem | undefined {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return undefined; // sized by the caller, who knows the limit
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('INVALID_JSON', `The body could not be read as JSON (${error.message}). Send a JSON object with Content-Type: application/json.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json), or multipart/form-data for uploads.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problem('NOT_MULTIPART', 'Upload the contract as a multipart/form-data form with a "file" field.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return problem('TOO_MANY_PARTS', 'Upload one contract per request, in a single "file" field (plus an optional "password" and "ruleset").');
    default:
      return undefined;
  }
}

/** Map any thrown error to a problem; `fileLimit` and `bodyLimit` (bytes) make 413 messages concrete. */
export function toProblem(error: unknown, limits: { fileLimit: number; bodyLimit: number }, invalidBody: ProblemCode = 'INVALID_BODY'): Problem {
  if (error instanceof ProblemError) return problem(error.code, error.message, { title: error.title, extra: error.extra });
  if (error instanceof StorageWriteError) return toProblem(storageProblem(error.failure, error.folder), limits);
  if (error instanceof ZodValidationError) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const code = context === 'params' ? 'INVALID_PARAMS' : context === 'querystring' ? 'INVALID_QUERY' : invalidBody;
    return problem(code, `The request ${context === 'params' ? 'path' : context} is not valid: ${error.message}.`, { extra: { issues: error.issues } });
  }
  if (isParseError(error)) {
    let detail = error.file ? error.message.replace(`${error.file}: `, '') : error.message;
    if (error.code === 'PDF_PASSWORD_REQUIRED' || error.code === 'PDF_PASSWORD_INCORRECT') detail += ' Upload it again with the password in the "password" form field.';
    // A code the registry does not know (a parser newer than this server) still gets its message.
    return isProblemCode(error.code) ? problem(error.code, detail) : problem('PARSE_FAILED', detail);
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE') return problem('FILE_TOO_LARGE', `Uploads are limited to ${megabytes(limits.fileLimit)}. Split the contract, or compress its images and upload it again.`);
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem('BODY_TOO_LARGE', `Request bodies are limited to ${megabytes(limits.bodyLimit)}.`);
  const known = typeof fe.code === 'string' ? frameworkProblem(fe) : undefined;
  if (known) return known;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own 4xx codes (FST_…) are not ours to promise: they all become BAD_REQUEST.
    return problem('BAD_REQUEST', fe.message, { status: fe.statusCode });
  }
  return problem('INTERNAL_ERROR', 'The server hit an unexpected error; nothing was saved for this request. Try again; if it keeps happening, check the server log.');
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Send `body` as problem+json. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Fastify error handler: log real failures, answer everything as problem+json. */
export function problemErrorHandler(limits: { fileLimit: number; bodyLimit: number }) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const body = toProblem(error, limits, request.routeOptions.config?.invalidBody);
    // A full queue (503), a full disk (507) or a read-only folder are conditions, not faults: a warning, not an error with a stack.
    if (body.status === 503 || body.status === 507) request.log.warn({ code: body.code }, body.detail);
    else if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, body);
  };
}
