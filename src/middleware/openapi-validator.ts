// Validates every request against the bundled contract (and, when configured, every JSON
// response): the contract, not hand-written checks, decides what the API accepts.
import { createRequire } from 'node:module';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Contract } from '../utils/contract.ts';
import { ValidationError, type ErrorDetail } from '../utils/errors.ts';

type PathToRegexp = (path: string, options?: object) => { regexp: RegExp; keys: unknown[] };
const MEMOIZED = Symbol.for('contract-first-monolith.pathToRegexp.memoized');
const MAX_CACHED_PATTERNS = 2000;

/**
 * express-openapi-validator 5.6.2 finds a request's operation by compiling, on every request,
 * the path-to-regexp matcher of every route it scans (upstream: cdimascio/express-openapi-
 * validator#1217, open). Measured here it was a third of all memory allocated under load. The
 * matcher depends only on the pattern and the options, and its RegExp has no `g`/`y` flag (no
 * state between exec calls), so the validator's copy of path-to-regexp answers from a cache.
 * Bounded, in case anything else compiles patterns made from input. Remove once upstream caches.
 */
export function memoizeValidatorPathToRegexp(): void {
  const requireFromValidator = createRequire(
    createRequire(import.meta.url).resolve('express-openapi-validator'),
  );
  const mod = requireFromValidator('path-to-regexp') as {
    pathToRegexp: PathToRegexp & { [MEMOIZED]?: true };
  };
  if (mod.pathToRegexp[MEMOIZED]) return;
  const compile = mod.pathToRegexp;
  const cache = new Map<string, ReturnType<PathToRegexp>>();
  const memoized = Object.assign(
    (path: string, options?: object) => {
      if (typeof path !== 'string') return compile(path, options);
      const key = `${path}\u0000${JSON.stringify(options ?? {})}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = compile(path, options);
        if (hit.regexp.global || hit.regexp.sticky) return hit;
        if (cache.size < MAX_CACHED_PATTERNS) cache.set(key, hit);
      }
      return hit;
    },
    { [MEMOIZED]: true as const },
  );
  mod.pathToRegexp = memoized;
}

/**
 * Express 5 makes req.query a getter that re-parses the URL on every read, so the validator's
 * coercions and defaults would be lost. Pin it to a plain, writable object first.
 */
function writableQuery(): RequestHandler {
  return (req, _res, next) => {
    Object.defineProperty(req, 'query', {
      value: { ...req.query },
      writable: true,
      configurable: true,
      enumerable: true,
    });
    next();
  };
}

/**
 * The validator knows only the methods the contract lists, and HEAD is never listed: HTTP says
 * HEAD is GET without the body. Validate a HEAD as its GET, then let the router see HEAD again.
 */
const HEAD = Symbol('head request');
type MaybeHead = { [HEAD]?: true };

function headAsGet(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'HEAD') {
      req.method = 'GET';
      (req as MaybeHead)[HEAD] = true;
    }
    next();
  };
}

function restoreHead(): RequestHandler {
  return (req, _res, next) => {
    if ((req as MaybeHead)[HEAD]) req.method = 'HEAD';
    next();
  };
}

/** The first value no operation can take: a non-finite number, or a string with a NUL. */
function unstorable(value: unknown, pointer: string, depth = 0): ErrorDetail | undefined {
  if (typeof value === 'number' && !Number.isFinite(value))
    return { path: pointer, message: 'must be a finite number' };
  if (typeof value === 'string' && value.includes('\u0000'))
    return { path: pointer, message: 'must not contain NUL characters' };
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorable(inner, `${pointer}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Two kinds of input pass the contract but no operation can take. Ajv coerces "Infinity" and
 * "1e999" to Infinity and then checks minimum and maximum only on finite numbers (JSON's 1e999
 * parses to Infinity too), so an infinite page or price would reach SQL; and PostgreSQL cannot
 * store a NUL character in text. Both are refused here, in the validator's envelope.
 */
function storableInputOnly(): RequestHandler {
  return (req, _res, next) => {
    const found = unstorable(req.query, '/query') ?? unstorable(req.body, '/body');
    next(found ? new ValidationError(undefined, [found]) : undefined);
  };
}

/**
 * Express answers 304 to any GET whose If-None-Match matches (`*` matches everything), but only
 * the operations whose contract lists 304 support conditional requests. Elsewhere the
 * conditional headers are dropped, so the answer is one the contract documents.
 */
function conditionalOnlyWhereDocumented(): RequestHandler {
  return (req, _res, next) => {
    const operation = (req as { openapi?: { schema?: { responses?: Record<string, unknown> } } })
      .openapi?.schema;
    if (!operation?.responses?.['304']) {
      delete req.headers['if-none-match'];
      delete req.headers['if-modified-since'];
    }
    next();
  };
}

export function openApiValidator(contract: Contract, validateResponses: boolean): RequestHandler[] {
  memoizeValidatorPathToRegexp();
  return [
    writableQuery(),
    headAsGet(),
    ...OpenApiValidator.middleware({
      // A deep copy: the validator annotates the document it is given.
      apiSpec: structuredClone(contract.document) as never,
      validateApiSpec: false,
      ignoreUndocumented: false,
      validateRequests: { allErrors: true, allowUnknownQueryParameters: false },
      validateResponses: validateResponses ? { allErrors: true } : false,
      validateSecurity: false,
      validateFormats: true,
      ajvFormats: { mode: 'full' },
      $refParser: { mode: 'bundle' },
    }),
    storableInputOnly(),
    conditionalOnlyWhereDocumented(),
    restoreHead(),
  ];
}
