// The one error path: every error thrown or passed to next() ends here and leaves as the
// contract's envelope. Operational errors keep their code and message; anything else is a bug
// and answers 500 INTERNAL with nothing internal in it (development adds the stack).
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
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

/**
 * A status the edge does not map is answered as the contract documents for every operation: a
 * client's mistake is a 400 VALIDATION_ERROR, anything else a 500 INTERNAL.
 */
function generic(status: number, message: string): AppError {
  return status >= 400 && status < 500
    ? new ValidationError(message)
    : new AppError(500, 'INTERNAL', 'Something went wrong on our side.');
}

/** `100kb` (the body-parser limit of the configuration) as people read it: `100 KB`. */
export function readableLimit(limit: string): string {
  const match = /^(\d+)\s*(b|kb|mb)$/i.exec(limit.trim());
  return match ? `${match[1]} ${match[2]?.toUpperCase()}` : limit;
}

function fromValidator(
  err: InstanceType<typeof validatorErrors.BadRequest>,
  bodyLimit: string,
): AppError {
  switch (err.status) {
    case 400:
      return new ValidationError('The request is not valid.', validatorDetails(err.errors));
    case 404:
      return new NotFoundError();
    case 405:
      return new MethodNotAllowedError(withHead(String(err.headers?.Allow ?? '')));
    case 413:
      return new PayloadTooLargeError(bodyLimit);
    case 415:
      return new UnsupportedMediaTypeError();
    default:
      return generic(err.status, err.message);
  }
}

/** Errors from body-parser and http-errors carry a `type` or an exposable 4xx `status`. */
function fromHttpError(
  err: {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
    message: string;
  },
  bodyLimit: string,
): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new InvalidJsonError();
    case 'entity.too.large':
      return new PayloadTooLargeError(bodyLimit);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('The request body must be UTF-8 encoded JSON.');
  }
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    return generic(status, err.expose === true ? err.message : 'The request is not valid.');
  }
  return undefined;
}

export function toAppError(err: unknown, bodyLimit: string): AppError | undefined {
  if (err instanceof AppError) return err;
  if (isValidatorError(err)) return fromValidator(err, bodyLimit);
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableError(undefined, err);
  if (err instanceof Error) return fromHttpError(err, bodyLimit);
  return undefined;
}

function isValidatorError(err: unknown): err is InstanceType<typeof validatorErrors.BadRequest> {
  return (
    err instanceof Error &&
    Object.values(validatorErrors).some((ErrorClass) => err instanceof ErrorClass)
  );
}

export function errorHandler(options: {
  logger: Logger;
  env: NodeEnv;
  /** The configured body limit (`100kb`), named in the 413 message. */
  bodyLimit: string;
}): ErrorRequestHandler {
  const { logger, env } = options;
  const bodyLimit = readableLimit(options.bodyLimit);
  return (err: unknown, req: Request, res, _next) => {
    const known = toAppError(err, bodyLimit);
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
    const stack = env === 'development' && err instanceof Error ? err.stack : undefined;
    sendError(
      req,
      res,
      known ?? new AppError(500, 'INTERNAL', 'Something went wrong on our side.'),
      stack,
    );
  };
}

/** Writes an error as the contract's envelope (also used before the router: load shedding). */
export function sendError(req: Request, res: Response, error: AppError, stack?: string): void {
  const body: ErrorEnvelope = {
    status: 'error',
    code: error.code,
    message: error.message,
    requestId: req.id,
  };
  if (error.details?.length) body.details = error.details;
  if (stack) body.stack = stack;
  // Sent as text, not res.json, so the response validator cannot turn an error into another.
  res
    .status(error.status)
    .set(error.headers ?? {})
    .type('application/json')
    .send(JSON.stringify(body));
}

export function notFound(): RequestHandler {
  return (_req, _res, next) => next(new NotFoundError());
}
