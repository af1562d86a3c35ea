// The edge finds a request's operation with its own lookup (fastMetadata in
// src/middleware/openapi-validator.ts) instead of express-openapi-validator's scan of every
// route: it must decide exactly as the validator's own lookup does. Two apps on real loopback
// ports, one with the edge's validator chain and one with the validator's chain as published,
// answer the same requests with what the lookup recorded (or the error it raised).
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { operations } from '../generated/operations.ts';
import {
  fastMetadata,
  openApiValidator,
  openApiValidatorReady,
} from '../src/middleware/openapi-validator.ts';
import { loadContract } from '../src/utils/contract.ts';

const contract = loadContract();

function echo(app: Express): Express {
  app.use(((req, res) => {
    const openapi = (req as { openapi?: Record<string, unknown> }).openapi;
    res.json({
      route: openapi?.['openApiRoute'] ?? null,
      express: openapi?.['expressRoute'] ?? null,
      operationId:
        (openapi?.['schema'] as { operationId?: string } | undefined)?.operationId ?? null,
      pathParams: openapi?.['pathParams'] ?? null,
      params: req.params,
    });
  }) as RequestHandler);
  app.use(((err: { status?: number; headers?: unknown; message?: string }, _req, res, _next) => {
    res
      .status(200)
      .json({ error: err.status ?? 500, headers: err.headers ?? null, message: err.message });
  }) as ErrorRequestHandler);
  return app;
}

/** Only the lookup is compared: the request validation after it is stopped. */
function lookupOnly(chain: RequestHandler[]): RequestHandler[] {
  const names = ['pathParamsMiddleware', 'metadataMiddleware'];
  return chain.filter((h) => names.includes(h.name));
}

let edge: Server;
let library: Server;
const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  const edgeApp = express();
  // The edge's chain up to and including its lookup (writableQuery, headAsGet, path params, lookup).
  edgeApp.use(openApiValidator(contract, false).slice(0, 4));
  await openApiValidatorReady(contract);
  const libraryApp = express();
  libraryApp.use(
    lookupOnly(
      OpenApiValidator.middleware({
        apiSpec: structuredClone(contract.document) as never,
        validateApiSpec: false,
        validateRequests: true,
        validateSecurity: false,
        fileUploader: false,
      }) as unknown as RequestHandler[],
    ),
  );
  edge = echo(edgeApp).listen(0, '127.0.0.1');
  library = echo(libraryApp).listen(0, '127.0.0.1');
  await Promise.all([edge, library].map((s) => new Promise((r) => s.once('listening', r))));
});

afterAll(async () => {
  await Promise.all([edge, library].map((s) => new Promise((r) => s.close(r))));
});

/** Every path of the contract, with values in its parameters, and paths near them. */
function paths(): string[] {
  const out = new Set<string>(['/', '/nope', '/api', '/api/v1', '/api/v1/', '/API/V1/PRODUCTS']);
  for (const { path } of Object.values(operations)) {
    const filled = path.replace(/\{[^}]+\}/g, 'abc-1');
    for (const p of [
      path,
      filled,
      `${filled}/`,
      `${filled}//`,
      filled.toUpperCase(),
      `${filled}/extra`,
      filled.replace(/abc-1/g, '%41%20b'),
      filled.replace(/abc-1/g, '%E0%A4%A'),
      filled.replace(/abc-1/g, 'me'),
      `${filled}?x=1&y=%ZZ`,
      path.replace(/\{[^}]+\}/g, ''),
    ])
      out.add(p);
  }
  return [...out];
}

describe("the edge's operation lookup", () => {
  test('records what the validator records, and fails as it fails, for every path and method', async () => {
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    const all = paths();
    let matched = 0;
    for (const path of all)
      for (const method of methods) {
        const [mine, theirs] = await Promise.all(
          [edge, library].map(async (s) => {
            const res = await fetch(`${url(s)}${path}`, { method });
            return { status: res.status, body: method === 'HEAD' ? null : await res.text() };
          }),
        );
        expect({ method, path, ...mine }).toEqual({ method, path, ...theirs });
        if (mine?.body?.includes('"operationId":"')) matched += 1;
      }
    // The comparison is not vacuous: most operations were found by both.
    expect(matched).toBeGreaterThan(Object.keys(operations).length);
  }, 120_000);
});

// The validator calls url.parse on every request; building the edge's validator settles Node's
// per-call deprecation check (a stack trace each time) without printing anything.
describe("url.parse's deprecation check", () => {
  test('is settled when the validator is built, and nothing is printed', () => {
    const script = `
      const { openApiValidator } = await import(${JSON.stringify(path.resolve('src/middleware/openapi-validator.ts'))});
      const { loadContract } = await import(${JSON.stringify(path.resolve('src/utils/contract.ts'))});
      openApiValidator(loadContract(), false);
      const { parse } = await import('node:url');
      parse('/from-outside-node_modules?a=1'); // would print DEP0169 were the check not settled
      setTimeout(() => process.exit(0), 200);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/DEP0169|url\.parse/);
  });
});

// The edge answers a path without parameters from a table (fastMetadata's `fixed`), unless an
// earlier route of the validator's order matches that path too: the scan would stop there. The
// validator sorts static routes first, so this contract never has that case; a made-up route
// order does.
describe('the lookup of a path without parameters', () => {
  type Step = Parameters<typeof fastMetadata>[0];
  const compile = () => (route: string) =>
    route === '/a/:id'
      ? { regexp: /^\/a\/((?:[^/]+?))\/?$/i, keys: [{ name: 'id' }] }
      : { regexp: new RegExp(`^${route}\\/?$`, 'i'), keys: [] };
  const input = (order: string[]) => ({
    context: {
      apiDoc: {
        paths: {
          '/a/{id}': { get: { operationId: 'byId' } },
          '/a/me': { get: { operationId: 'me' } },
        },
      },
      expressRouteMap: Object.fromEntries(order.map((r) => [r, { basePath: '' }])),
      routePair: (expressRoute: string) => ({
        expressRoute,
        openApiRoute: expressRoute === '/a/:id' ? '/a/{id}' : expressRoute,
      }),
      serial: 1,
    },
    responseApiDoc: null,
  });
  const lookUp = (order: string[], url: string) => {
    const fallback: Step = (_req, _res, next) => next();
    const lookup = fastMetadata(fallback, compile);
    lookup.adopt(input(order));
    const req = { originalUrl: url, method: 'GET', app: { enabled: () => false } } as never as {
      openapi?: { schema?: { operationId?: string }; pathParams?: Record<string, string> };
    };
    lookup.handler(req as never, {} as never, () => undefined);
    return { operationId: req.openapi?.schema?.operationId, pathParams: req.openapi?.pathParams };
  };

  test('finds the route without parameters when it comes first', () => {
    expect(lookUp(['/a/me', '/a/:id'], '/a/me')).toEqual({ operationId: 'me', pathParams: {} });
    expect(lookUp(['/a/me', '/a/:id'], '/A/ME')).toEqual({ operationId: 'me', pathParams: {} });
    expect(lookUp(['/a/me', '/a/:id'], '/a/x')).toEqual({
      operationId: 'byId',
      pathParams: { id: 'x' },
    });
  });

  test('finds what the scan finds when an earlier route with a parameter matches it', () => {
    expect(lookUp(['/a/:id', '/a/me'], '/a/me')).toEqual({
      operationId: 'byId',
      pathParams: { id: 'me' },
    });
  });
});
