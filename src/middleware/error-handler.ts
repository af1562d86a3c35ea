// The one error path: every error thrown or passed to next() ends here and leaves as the
// contract's envelope. Operational errors keep their code and message; anything else is a bug
// and answers 500 INTERNAL with nothing internal in it (development adds the stack).
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { error as validatorErrors } from 'express-openapi-validator';
import type { components } from '../../generated/api.d.ts';
import type { NodeEnv } from '../config/config.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import {
  AppError,
  InvalidJsonError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
  type ErrorDetail,
} from '../utils/errors.ts';
import type { Logger } from '../utils/logger.ts';

type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Validator paths come as "/body/email" or ".query.limit"; the contract uses the first form. */
function validatorDetails(errors: { path: string; message: string }[]): ErrorDetail[] {
  return errors.slice(0, 100).map((e) => ({
    path: e.path.startsWith('.') ? e.path.replaceAll('.', '/') : e.path,
    message: e.message,
  }));
}

/** The contract never lists HEAD, but every GET answers it too. */
function withHead(allow: string): string {
  const methods = allow
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
  return methods.join(', ');
}

function fromValidator(err: InstanceType<typeof validatorErrors.BadRequest>): AppError {
  switch (err.status) {
    case 400:
      return new ValidationError('The request is not valid.', validatorDetails(err.errors));
    case 404:
      return new NotFoundError();
    case 405:
      return new MethodNotAllowedError(withHead(String(err.headers?.Allow ?? '')));
    case 413:
      return new PayloadTooLargeError('100 KB');
    case 415:
      return new UnsupportedMediaTypeError();
    default:
      return new AppError(
        err.status,
        CODE_BY_STATUS[err.status] ?? 'INTERNAL',
        err.status >= 500 ? 'Something went wrong on our side.' : err.message,
      );
  }
}

/** Errors from body-parser and http-errors carry a `type` or an exposable 4xx `status`. */
function fromHttpError(err: {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  message: string;
}): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new InvalidJsonError();
    case 'entity.too.large':
      return new PayloadTooLargeError('100 KB');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('The request body must be UTF-8 encoded JSON.');
  }
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError(
      status,
      CODE_BY_STATUS[status] ?? 'VALIDATION_ERROR',
      err.expose === true ? err.message : 'The request is not valid.',
    );
  }
  return undefined;
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (isValidatorError(err)) return fromValidator(err);
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError(undefined, err);
  if (err instanceof Error) return fromHttpError(err);
  return undefined;
}

function isValidatorError(err: unknown): err is InstanceType<typeof validatorErrors.BadRequest> {
  return (
    err instanceof Error &&
    Object.values(validatorErrors).some((ErrorClass) => err instanceof ErrorClass)
  );
}

export function errorHandler(options: { logger: Logger; env: NodeEnv }): ErrorRequestHandler {
  const { logger, env } = options;
  return (err: unknown, req: Request, res, _next) => {
    const known = toAppError(err);
    const status = known?.status ?? 500;
    if (status >= 500) {
      logger.error('request failed', {
        requestId: req.id,
        status,
        code: known?.code ?? 'INTERNAL',
        error:
          err instanceof Error
            ? { name: err.name, message: err.message, stack: err.stack }
            : String(err),
      });
    } else {
      logger.info('request rejected', { requestId: req.id, status, code: known?.code });
    }
    if (res.headersSent) {
      // Too late for an envelope: end the response so the client does not wait for ever.
      res.destroy();
      return;
    }
    const body: ErrorEnvelope = {
      status: 'error',
      code: known?.code ?? 'INTERNAL',
      message: known?.message ?? 'Something went wrong on our side.',
      requestId: req.id,
    };
    if (known?.details?.length) body.details = known.details;
    if (env === 'development' && err instanceof Error && err.stack) body.stack = err.stack;
    // Sent as text, not res.json, so the response validator cannot turn an error into another.
    res
      .status(status)
      .set(known?.headers ?? {})
      .type('application/json')
      .send(JSON.stringify(body));
  };
}

export function notFound(): RequestHandler {
  return (_req, _res, next) => next(new NotFoundError());
}
