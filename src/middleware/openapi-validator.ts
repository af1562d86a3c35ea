// Validates every request against the bundled contract (and, when configured, every JSON
// response): the contract, not hand-written checks, decides what the API accepts.
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Contract } from '../utils/contract.ts';

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

export function openApiValidator(contract: Contract, validateResponses: boolean): RequestHandler[] {
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
    restoreHead(),
  ];
}
