// The operational errors a service may throw. The error middleware turns each into the
// envelope of the contract (openapi/common/schemas/error-envelope.yaml); anything that is not
// an AppError is a bug and answers 500 INTERNAL without details. A code must be one the
// contract documents for its status on some operation (CodeAt): a typo or a new code that the
// contract does not name yet does not compile.
import type { components } from '../../generated/api.d.ts';
import type { CodeAt } from '../types/handlers.ts';

export type ErrorDetail = components['schemas']['ErrorDetail'];

/**
 * A problem with one field of a service's input, named by its path in that input (keys and
 * array indexes: ['items', 3, 'productId']). Services know their inputs, not where those came
 * from; the controller that called the service turns fields into the envelope's JSON pointers
 * (`/body/items/3/productId`, see utils/http-errors.ts).
 */
export interface FieldIssue {
  field: readonly (string | number)[];
  message: string;
}

export interface AppErrorOptions {
  details?: ErrorDetail[];
  fields?: FieldIssue[];
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError<S extends number = number> extends Error {
  readonly status: S;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;
  readonly fields: FieldIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: S, code: CodeAt<S>, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }
}

/**
 * Runs `work`; an AppError it throws with fields comes out with `prefix` in front of each
 * (a service handing part of its input to another: its `items` are the other's lines).
 */
export async function underField<T>(
  prefix: readonly (string | number)[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    throw withFields(
      error as AppError,
      error.fields.map((f) => ({ ...f, field: [...prefix, ...f.field] })),
      error.details,
    );
  }
}

/** A copy of `error` (same class and headers) with other fields and details. */
export function withFields(
  error: AppError,
  fields: FieldIssue[] | undefined,
  details: ErrorDetail[] | undefined,
): AppError {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as AppError;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  Object.defineProperty(copy, 'fields', { value: fields });
  Object.defineProperty(copy, 'details', { value: details });
  return copy;
}

export class ValidationError extends AppError {
  constructor(message = 'The request is not valid.', details?: ErrorDetail[]) {
    super(400, 'VALIDATION_ERROR', message, { details });
  }
}

export class InvalidJsonError extends AppError {
  constructor() {
    super(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication is required.') {
    super(401, 'UNAUTHENTICATED', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}

export class TokenExpiredError extends AppError {
  constructor() {
    super(401, 'TOKEN_EXPIRED', 'The access token has expired.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Nothing is found at this address.') {
    super(404, 'NOT_FOUND', message);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(allow: string) {
    super(405, 'METHOD_NOT_ALLOWED', 'This path does not offer this method.', {
      headers: allow ? { Allow: allow } : {},
    });
  }
}

export class ConflictError extends AppError<409> {
  constructor(
    message = 'The request conflicts with the current state.',
    code: CodeAt<409> = 'CONFLICT',
  ) {
    super(409, code, message);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(message = 'The resource has changed since you read it.') {
    super(412, 'PRECONDITION_FAILED', message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limit: string) {
    super(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit}.`);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message = 'The request body must be sent as application/json.') {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', 'Too many requests; try again later.', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(
    message = 'The service cannot answer right now; try again shortly.',
    cause?: unknown,
  ) {
    super(503, 'SERVICE_UNAVAILABLE', message, { headers: { 'Retry-After': '5' }, cause });
  }
}

/** Load shedding: this instance is past one of its bounds (utils/pressure.ts). */
export class OverloadedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(503, 'SERVICE_UNAVAILABLE', 'The service is overloaded; try again shortly.', {
      // Sent before the security headers middleware runs: the two that matter for an error.
      headers: {
        'Retry-After': String(retryAfterSeconds),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }
}
