// Validates every request against the bundled contract (and, when configured, every JSON
// response): the contract, not hand-written checks, decides what the API accepts. Every
// operation's validators compile at start-up (openApiValidatorReady), not on its first request.
import { createRequire } from 'node:module';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse as parseUrl } from 'node:url';
import { runInThisContext } from 'node:vm';
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Contract } from '../utils/contract.ts';
import { hasBody } from './body.ts';
import { ValidationError, type ErrorDetail } from '../utils/errors.ts';

type PathToRegexp = (path: string, options?: object) => { regexp: RegExp; keys: unknown[] };
const MEMOIZED = Symbol.for('contract-first-monolith.pathToRegexp.memoized');
const MAX_CACHED_PATTERNS = 2000;

/**
 * The validator's route options, `{ sensitive, strict }` with boolean values, as a slot 0–3, so
 * the cache needs no key string (building one with JSON.stringify cost more than the scan it
 * saves: 11 µs of a 15–30 µs route lookup); -1 for any other options.
 */
function routeOptionsSlot(options: object = {}): number {
  let slot = 0;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value !== 'boolean') return -1;
    if (name === 'sensitive') slot |= value ? 1 : 0;
    else if (name === 'strict') slot |= value ? 2 : 0;
    else return -1;
  }
  return slot;
}

/**
 * express-openapi-validator 5.6.2 finds a request's operation by compiling, on every request,
 * the path-to-regexp matcher of every route it scans (upstream: cdimascio/express-openapi-
 * validator#1217, open). Measured here it was a third of all memory allocated under load. The
 * matcher depends only on the pattern and the options, and its RegExp has no `g`/`y` flag (no
 * state between exec calls), so the validator's copy of path-to-regexp answers from a cache.
 * Bounded, in case anything else compiles patterns made from input. Remove once upstream caches.
 */
/** The validator's copy of path-to-regexp, whose export its route lookup reads on each call. */
function validatorPathToRegexp(): { pathToRegexp: PathToRegexp & { [MEMOIZED]?: true } } {
  const requireFromValidator = createRequire(
    createRequire(import.meta.url).resolve('express-openapi-validator'),
  );
  return requireFromValidator('path-to-regexp') as {
    pathToRegexp: PathToRegexp & { [MEMOIZED]?: true };
  };
}

export function memoizeValidatorPathToRegexp(): void {
  const mod = validatorPathToRegexp();
  if (mod.pathToRegexp[MEMOIZED]) return;
  const compile = mod.pathToRegexp;
  type Compiled = ReturnType<PathToRegexp>;
  const byRouteOptions = new Map<string, (Compiled | undefined)[]>();
  const byAnyOptions = new Map<string, Compiled>();
  const cacheable = (c: Compiled) =>
    !c.regexp.global &&
    !c.regexp.sticky &&
    byRouteOptions.size + byAnyOptions.size < MAX_CACHED_PATTERNS;
  const memoized = Object.assign(
    (path: string, options?: object) => {
      if (typeof path !== 'string') return compile(path, options);
      const slot = routeOptionsSlot(options);
      if (slot >= 0) {
        const slots = byRouteOptions.get(path) ?? [];
        let hit = slots[slot];
        if (!hit) {
          hit = compile(path, options);
          if (!cacheable(hit)) return hit;
          slots[slot] = hit;
          byRouteOptions.set(path, slots);
        }
        return hit;
      }
      const key = `${path}\u0000${JSON.stringify(options)}`;
      let hit = byAnyOptions.get(key);
      if (!hit) {
        hit = compile(path, options);
        if (cacheable(hit)) byAnyOptions.set(key, hit);
      }
      return hit;
    },
    { [MEMOIZED]: true as const },
  );
  mod.pathToRegexp = memoized;
}

/** What express-openapi-validator's metadata middleware is built from (OpenApiContext). */
interface ValidatorContext {
  apiDoc: { paths: Record<string, Record<string, unknown>> };
  expressRouteMap: Record<string, { basePath: string }>;
  routePair(expressRoute: string): { expressRoute: string; openApiRoute: string };
  serial: number;
}
interface ValidatorMetadataInput {
  context: ValidatorContext;
  responseApiDoc: { paths: Record<string, Record<string, unknown>> } | null | undefined;
}
type MetadataFactory = (
  context: ValidatorContext,
  responseApiDoc: ValidatorMetadataInput['responseApiDoc'],
) => RequestHandler;
/** Where a request handed to the validator's own lookup notes its context (a slot of the request class, app.ts). */
export const CONTEXT = Symbol.for('contract-first-monolith.validator.context');
const EXPOSED = Symbol.for('contract-first-monolith.validator.context.exposed');
type Tagged = { [CONTEXT]?: ValidatorMetadataInput };

/**
 * The validator builds its metadata middleware (the route lookup) from its OpenApiContext on the
 * first request. The middleware it returns is wrapped to note that context on each request it
 * sees, so that the warm-up's first request hands this validator's own context, route order
 * and (pre-processed) operation objects to `fastMetadata`. Idempotent; nothing else changes.
 */
function exposeValidatorContext(): void {
  const requireFromValidator = createRequire(
    createRequire(import.meta.url).resolve('express-openapi-validator'),
  );
  const { OpenApiValidator } = requireFromValidator('./openapi.validator.js') as {
    OpenApiValidator: { prototype: { metadataMiddleware: MetadataFactory; [EXPOSED]?: true } };
  };
  const proto = OpenApiValidator.prototype;
  if (proto[EXPOSED]) return;
  const build = proto.metadataMiddleware;
  proto.metadataMiddleware = function (this: unknown, context, responseApiDoc) {
    const inner = build.call(this, context, responseApiDoc);
    const input: ValidatorMetadataInput = { context, responseApiDoc };
    return function metadataMiddleware(req, res, next) {
      (req as Tagged)[CONTEXT] = input;
      return inner(req, res, next);
    };
  };
  proto[EXPOSED] = true;
}

interface FastRoute {
  /** The route's text before its first parameter or special character. */
  prefix: string;
  lowerPrefix: string;
  expressRoute: string;
  openApiRoute: string;
  /** The operation objects of the validator's document, by request method (GET, POST, …). */
  methods: Map<string, { schema: unknown; responseSchema: unknown }>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The validator's routes in the order its lookup scans them, with what a match records. */
function fastRoutes({ context, responseApiDoc }: ValidatorMetadataInput): FastRoute[] {
  return Object.entries(context.expressRouteMap).map(([expressRoute, { basePath }]) => {
    const { openApiRoute } = context.routePair(expressRoute);
    const pathKey = openApiRoute.substring(basePath.length);
    const item = context.apiDoc.paths[pathKey] ?? {};
    const methods = new Map<string, { schema: unknown; responseSchema: unknown }>();
    for (const method of Object.keys(item))
      if (HTTP_METHODS.has(method) && item[method])
        methods.set(method.toUpperCase(), {
          schema: item[method],
          responseSchema: responseApiDoc?.paths[pathKey]?.[method],
        });
    const special = expressRoute.search(/[:*?+(){}[\]!\\]/);
    const prefix = special === -1 ? expressRoute : expressRoute.slice(0, special);
    return { prefix, lowerPrefix: prefix.toLowerCase(), expressRoute, openApiRoute, methods };
  });
}

/**
 * The validator's metadata step (which operation a request is, `req.openapi`), without its cost
 * per request: its lookup walks every route, compiling or fetching each one's matcher and reading
 * two app settings per route, behind a promise. Here the same routes, in the same order, with
 * the same matchers and the same records, are walked with a string-prefix test first, so only a
 * route whose fixed text the path starts with runs its RegExp. Anything but a clean match of a
 * documented method (no route: 404 or not managed; a route without the method: 405 with Allow;
 * a parameter that does not decode: 400) is handed to the validator's own step, which answers as
 * before. Until the warm-up has handed over the validator's context, every request is.
 * With Express's default routing (neither case-sensitive nor strict), a route without parameters
 * is found in a table instead (`fixed`), unless a route earlier in the validator's order matches
 * its path too. The validator sorts routes without parameters before those with, so in this
 * contract every one of them is in the table.
 * tests/validator-fast-path.test.ts holds it equal to the validator's own lookup.
 */
interface FastMetadata {
  handler: RequestHandler;
  /** Takes over from the validator's lookup, with the validator's own routes and records. */
  adopt(input: ValidatorMetadataInput): void;
}

export function fastMetadata(metadata: RequestHandler, compile: () => PathToRegexp): FastMetadata {
  let routes: FastRoute[] | undefined;
  /** Routes without parameters, by their lower-cased path, that no earlier route matches. */
  let fixed = new Map<string, FastRoute>();
  let responses = false;
  let serial = 0;
  const record = (
    req: Parameters<RequestHandler>[0],
    route: FastRoute,
    schema: unknown,
    responseSchema: unknown,
    pathParams: Record<string, string>,
  ) => {
    const openapi: Record<string, unknown> = {
      expressRoute: route.expressRoute,
      openApiRoute: route.openApiRoute,
      pathParams,
      schema,
      serial,
    };
    if (responses) openapi['_responseSchema'] = responseSchema;
    (req as unknown as { openapi: unknown }).openapi = openapi;
    req.params = pathParams;
  };
  const handler: RequestHandler = (req, res, next) => {
    if (!routes) return metadata(req, res, next);
    const path = req.originalUrl.split('?', 1)[0]!;
    const lower = path.toLowerCase();
    const options = {
      sensitive: !!req.app.enabled('case sensitive routing'),
      strict: !!req.app.enabled('strict routing'),
    };
    if (!options.sensitive && !options.strict) {
      const route = fixed.get(lower);
      const operation = route?.methods.get(req.method);
      if (route && operation) {
        record(req, route, operation.schema, operation.responseSchema, {});
        return next();
      }
    }
    for (const route of routes) {
      // Without 'case sensitive routing' the matcher has the `i` flag (no `u`): only ASCII
      // matches ASCII there, so a path it matches starts with the prefix once both are lower-cased.
      if (options.sensitive ? !path.startsWith(route.prefix) : !lower.startsWith(route.lowerPrefix))
        continue;
      const { regexp, keys } = compile()(route.expressRoute, options);
      const matched = regexp.exec(path);
      if (!matched) continue;
      const operation = route.methods.get(req.method);
      if (!operation) break;
      const pathParams: Record<string, string> = {};
      try {
        // As the validator: every group decoded (an absent one becomes "undefined" there too).
        const values = matched.slice(1).map((v) => decodeURIComponent(v));
        for (let i = 0; i < keys.length; i += 1)
          pathParams[(keys[i] as { name: string }).name] = values[i]!;
      } catch {
        break;
      }
      record(req, route, operation.schema, operation.responseSchema, pathParams);
      return next();
    }
    return metadata(req, res, next);
  };
  return {
    handler,
    adopt(input) {
      routes = fastRoutes(input);
      const options = { sensitive: false, strict: false };
      fixed = new Map();
      const matchers = routes.map((route) => compile()(route.expressRoute, options).regexp);
      routes.forEach((route, index) => {
        if (route.prefix !== route.expressRoute) return;
        const earlier = matchers.slice(0, index).some((regexp) => regexp.test(route.lowerPrefix));
        if (!earlier && !fixed.has(route.lowerPrefix)) fixed.set(route.lowerPrefix, route);
      });
      responses = !!input.responseApiDoc;
      serial = input.context.serial;
    },
  };
}

/**
 * Express 5 makes req.query a getter that re-parses the URL on every read, so the validator's
 * coercions and defaults would be lost. Pin it to a plain, writable object first.
 */
function writableQuery(): RequestHandler {
  return (req, _res, next) => {
    Object.defineProperty(req, 'query', {
      // Without a query string Express's parser gives an empty object: not parsed for nothing.
      value: req.url.includes('?') ? { ...req.query } : {},
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
/** Marks a HEAD validated as its GET (its slot is declared with the request class, app.ts). */
export const HEAD = Symbol('head request');
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

type Operation = { requestBody?: { required?: boolean; content?: Record<string, unknown> } };
type OpenApiMetadata = { openapi?: { openApiRoute?: string; schema?: Operation } };

/**
 * The validator compiles a request validator per method, route and request Content-Type, and
 * the response validators under the same key. The Content-Type's parameters never change
 * which schema applies (`application/json; charset=utf-8` is validated as `application/json`)
 * and an operation without a request body has no schema that depends on it, yet every variant
 * a client sends would compile and cache one more copy, without bound. After the operation is
 * known, the header is made canonical: the bare media type when the operation lists it, and no
 * header when the operation takes no body (the body parser has already read it). Each operation
 * then has a fixed set of keys, and the warm-up compiles all of them.
 */
function oneContentTypePerOperation(): RequestHandler {
  return (req, _res, next) => {
    const operation = (req as OpenApiMetadata).openapi?.schema;
    const header = req.headers['content-type'];
    if (operation && header !== undefined) {
      const content = operation.requestBody?.content;
      const mediaType = header.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!content) delete req.headers['content-type'];
      else if (Object.hasOwn(content, mediaType)) req.headers['content-type'] = mediaType;
    }
    next();
  };
}

/**
 * The operations of `document` that take no input at all: no parameter (on the operation or its
 * path) and no request body. /health, /ready and /metrics are among them.
 */
function operationsWithoutInput(document: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    const shared = (item['parameters'] as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = item[method] as
        { operationId?: string; parameters?: unknown[]; requestBody?: unknown } | undefined;
      if (!operation?.operationId || operation.requestBody !== undefined) continue;
      if (shared.length === 0 && (operation.parameters ?? []).length === 0)
        ids.add(operation.operationId);
    }
  }
  return ids;
}

/**
 * The validator's request step, passed by where it has nothing to check: an operation that takes
 * no input, asked without a query string and without a body. Its step would build a parameter
 * mutator, copy the query and validate empty objects on every such request (/health is polled by
 * every probe). Anything sent to such an operation (`/health?debug=1`, a body) still goes through
 * the step, which refuses an unknown query parameter as before.
 */
function onlyWhereThereIsInput(request: RequestHandler, withoutInput: Set<string>): RequestHandler {
  return (req, res, next) => {
    const id = (req as { openapi?: { schema?: { operationId?: string } } }).openapi?.schema
      ?.operationId;
    if (id !== undefined && withoutInput.has(id) && !req.url.includes('?') && !hasBody(req.headers))
      return next();
    return request(req, res, next);
  };
}

/** express-openapi-validator 5.6.2's chain, by the names of its functions. */
const PATH_PARAMS = 'pathParamsMiddleware';
const METADATA = 'metadataMiddleware';
const RESPONSE = 'responseMiddleware';
const expectedChain = (validateResponses: boolean) => [
  PATH_PARAMS,
  METADATA,
  'securityMiddleware',
  'requestMiddleware',
  ...(validateResponses ? [RESPONSE] : []),
];

/** What the start-up warm-up did, for the start-up log. */
export interface ValidatorWarmUp {
  operations: number;
  /** Synthetic requests: one per operation and Content-Type the operation can be called with. */
  requests: number;
  ms: number;
}

interface WarmUpRequest {
  method: string;
  path: string;
  /** The OpenAPI path the validator must resolve the request to. */
  openApiRoute: string;
  contentType: string | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows a local `$ref` (`#/components/requestBodies/…`), as the bundled contract may use. */
function local<T>(document: Record<string, unknown>, value: T | { $ref: string }): T | undefined {
  if (!value || typeof value !== 'object' || !('$ref' in value)) return value;
  let found: unknown = document;
  for (const key of value.$ref.replace(/^#\//, '').split('/'))
    found = (found as Record<string, unknown> | undefined)?.[
      key.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  return found as T | undefined;
}

/** One request per operation and per Content-Type it accepts (none, when the body is optional). */
function warmUpRequests(document: Record<string, unknown>): WarmUpRequest[] {
  // The validator serves every path under the path of each server (this contract's is "/").
  const servers = (document['servers'] as { url: string }[] | undefined) ?? [{ url: '/' }];
  const basePaths = new Set(
    servers.map(({ url }) => new URL(url, 'http://localhost').pathname.replace(/\/$/, '')),
  );
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).flatMap((method) => {
      const body = local(document, item[method]?.requestBody);
      const mediaTypes = Object.keys(body?.content ?? {});
      const contentTypes = [...mediaTypes, ...(body?.required ? [] : [undefined])];
      // A path value no static segment can equal: the route with the parameter must match.
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(`{${name}}`),
      );
      return [...basePaths].flatMap((basePath) =>
        contentTypes.map((contentType) => ({
          method: method.toUpperCase(),
          path: `${basePath}${path}`,
          openApiRoute: `${basePath}${template}`,
          contentType,
        })),
      );
    }),
  );
}

/** Runs one middleware; resolves with what it passed to next(). */
async function step(handler: RequestHandler, req: unknown, res: unknown): Promise<unknown> {
  let called = false;
  let passed: unknown;
  const next = (error?: unknown) => {
    if (called) return; // the response validator reports its finding through next() too
    called = true;
    passed = error;
  };
  await (handler as (req: unknown, res: unknown, next: (e?: unknown) => void) => unknown)(
    req,
    res,
    next,
  );
  if (!called) throw new Error(`${handler.name} did not call next()`);
  return passed;
}

/**
 * Drives one synthetic request through the validator's own middleware, as Express would, so the
 * validator builds and caches exactly what a real request of that operation makes it build: the
 * request validator (and the Ajv instances on the very first one), the parameter schemas it
 * dereferences, and, when responses are validated, the operation's response validators (built
 * when the handler answers: answered here with an empty body to a stub response).
 *
 * Safe because nothing else sees it: the request and response are plain objects made here, the
 * chain ends with the validator (no router, handler, database or log), and whether the empty
 * body passes does not matter (the validators are compiled and cached before they run). The
 * path-params middleware is left out: on the first real request it registers `app.param` hooks
 * on the real app, which a synthetic request does not have.
 */
async function warmUpOperation(
  chain: RequestHandler[],
  fast: FastMetadata,
  r: WarmUpRequest,
): Promise<void> {
  const req: Record<string, unknown> = {
    method: r.method,
    url: r.path,
    originalUrl: r.path,
    path: r.path,
    baseUrl: '',
    headers: r.contentType ? { 'content-type': r.contentType } : {},
    query: {},
    params: {},
    body: r.contentType ? {} : undefined,
    // Express's defaults ('strict routing' and 'case sensitive routing' off), as in app.ts; they
    // only change how a path is matched, not what is compiled.
    app: { enabled: () => false },
  };
  const res = {
    statusCode: 200,
    headersSent: false,
    getHeaders: () => ({}),
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    set: () => res,
    send: () => res,
    end: () => res,
    json: (_body: unknown) => res,
  };
  const probe = { ...req, headers: { ...(req['headers'] as object) } };
  for (const handler of chain) {
    const passed = await step(handler, req, res);
    if (handler.name === METADATA) {
      const found = (req as OpenApiMetadata).openapi;
      if (passed !== undefined || found?.openApiRoute !== r.openApiRoute || !found.schema) {
        const why = passed instanceof Error ? passed.message : `matched ${found?.openApiRoute}`;
        throw new Error(`validator warm-up: ${r.method} ${r.openApiRoute}: ${why}`, {
          cause: passed,
        });
      }
      // The fast lookup, once it has the validator's context, must record what the validator's
      // own lookup recorded, field for field (the same objects).
      const context = (req as Tagged)[CONTEXT];
      if (context) fast.adopt(context);
      const passedFast = await step(fast.handler, probe, res);
      const mine = (probe as OpenApiMetadata).openapi as Record<string, unknown> | undefined;
      const theirs = found as Record<string, unknown>;
      const same =
        passedFast === undefined &&
        mine !== undefined &&
        Object.keys(theirs).every((k) =>
          k === 'pathParams'
            ? JSON.stringify(mine[k]) === JSON.stringify(theirs[k])
            : mine[k] === theirs[k],
        ) &&
        Object.keys(mine).length === Object.keys(theirs).length;
      if (!same)
        throw new Error(
          `validator warm-up: ${r.method} ${r.openApiRoute}: the fast lookup disagrees with the validator's`,
        );
    }
  }
  if (chain.some((h) => h.name === RESPONSE)) res.json({});
}

async function warmUp(
  document: Record<string, unknown>,
  chain: RequestHandler[],
  fast: FastMetadata,
): Promise<ValidatorWarmUp> {
  const started = performance.now();
  const requests = warmUpRequests(document);
  for (const request of requests) {
    await warmUpOperation(chain, fast, request);
    // Each compilation blocks the event loop for a few to a hundred milliseconds: let the rest
    // of the start-up (database pool, queue) breathe in between.
    await nextTurn();
  }
  return {
    operations: new Set(requests.map((r) => `${r.method} ${r.openApiRoute}`)).size,
    requests: requests.length,
    ms: Math.round(performance.now() - started),
  };
}

const warmUps = new WeakMap<Contract, Promise<ValidatorWarmUp>>();

/**
 * Resolves once the validators built by openApiValidator(contract) have compiled every
 * operation; rejects if the contract cannot be loaded or an operation cannot be reached. The
 * server must await it before it listens (and the tests before they send requests).
 */
export function openApiValidatorReady(contract: Contract): Promise<ValidatorWarmUp> {
  return (
    warmUps.get(contract) ??
    Promise.reject(new Error('openApiValidatorReady: no validator was built for this contract'))
  );
}

/**
 * The validator's parameter step calls `url.parse` on every request. Node 24 decides on each call
 * whether to print DEP0169 (once, for a caller outside node_modules) by capturing and walking a
 * stack trace until it has printed it once; called from node_modules it never prints, so it
 * checks every time: a stack trace per request, the largest single cost of the validation left
 * (docs/BENCHMARKS.md). One call from here, with deprecation warnings muted for that call only,
 * settles the check for good: nothing is printed, then or later (our code does not use
 * `url.parse`; the validator, which does, is never warned about). The real `process` is the
 * main context's (under Jest `process` is a copy, which Node's warning code does not read).
 */
function settleUrlParseDeprecationCheck(): void {
  const real = runInThisContext('process') as NodeJS.Process;
  const muted = real.noDeprecation;
  real.noDeprecation = true;
  try {
    parseUrl('/');
  } finally {
    real.noDeprecation = muted;
  }
}

/**
 * The validator's path-params step registers `app.param` hooks on the first request and then
 * only waits for a promise on every request: after it has run once, it is passed by.
 */
function onceOnly(pathParams: RequestHandler): RequestHandler {
  let done = false;
  return (req, res, next) => {
    if (done) return next();
    return pathParams(req, res, (error?: unknown) => {
      if (error === undefined) done = true;
      next(error);
    });
  };
}

/**
 * The validator's middleware in the two places the edge mounts it (app.ts): `match` finds the
 * request's operation (req.openapi, with its path parameters) and, where responses are
 * validated, wraps the response; the operation's guards (authentication, permission, quotas)
 * run after it; `validate` then checks the request against its operation, so that a caller
 * without the right token learns 401 or 403, not what the operation would have accepted.
 */
export interface ValidatorParts {
  match: RequestHandler[];
  validate: RequestHandler[];
}

/** The chains built per contract, by whether they validate responses. */
const built = new WeakMap<Contract, Map<boolean, ValidatorParts>>();

/**
 * The validator's middleware for `contract`, built and compiled once per contract (and response
 * validation setting): a second app of the same contract (the start-up rehearsal, src/rehearsal.ts)
 * shares the compiled validators instead of compiling them all again.
 */
export function openApiValidatorParts(
  contract: Contract,
  validateResponses: boolean,
): ValidatorParts {
  const chains = built.get(contract) ?? new Map<boolean, ValidatorParts>();
  built.set(contract, chains);
  const existing = chains.get(validateResponses);
  if (existing) return existing;
  const parts = buildValidator(contract, validateResponses);
  chains.set(validateResponses, parts);
  return parts;
}

/** Both parts in one chain, for a mount with no guards between them (tests, bench-edge). */
export function openApiValidator(contract: Contract, validateResponses: boolean): RequestHandler[] {
  const { match, validate } = openApiValidatorParts(contract, validateResponses);
  return [...match, ...validate];
}

function buildValidator(contract: Contract, validateResponses: boolean): ValidatorParts {
  memoizeValidatorPathToRegexp();
  exposeValidatorContext();
  settleUrlParseDeprecationCheck();
  // A deep copy: the validator annotates the document it is given.
  const document = structuredClone(contract.document);
  const library = OpenApiValidator.middleware({
    apiSpec: document as never,
    validateApiSpec: false,
    ignoreUndocumented: false,
    validateRequests: { allErrors: true, allowUnknownQueryParameters: false },
    validateResponses: validateResponses ? { allErrors: true } : false,
    validateSecurity: false,
    validateFormats: true,
    ajvFormats: { mode: 'full' },
    $refParser: { mode: 'bundle' },
    // The contract has no multipart body (jsonOnly answers 415 to any body but JSON): without
    // this, every request also passes a multer check and a third Ajv instance is built.
    fileUploader: false,
  }) as unknown as RequestHandler[];
  const names = library.map((h) => h.name);
  if (names.join() !== expectedChain(validateResponses).join())
    throw new Error(
      `express-openapi-validator's middleware changed (${names.join(', ')}): review the warm-up in src/middleware/openapi-validator.ts`,
    );
  // The security step only waits for a promise and passes (validateSecurity is off: the
  // operation table's guards authenticate, src/middleware/operations.ts): left out.
  const [pathParams, metadata, , request, response] = library as [
    RequestHandler,
    RequestHandler,
    RequestHandler,
    RequestHandler,
    RequestHandler | undefined,
  ];
  const validation = response ? [request, response] : [request];
  const chain = [metadata, oneContentTypePerOperation(), ...validation];
  const pathToRegexp = validatorPathToRegexp();
  const fast = fastMetadata(metadata, () => pathToRegexp.pathToRegexp);

  // Starts now (the validator loads the contract asynchronously); openApiValidatorReady awaits it.
  const warm = warmUp(contract.document, chain, fast);
  const previous = warmUps.get(contract);
  const ready = previous ? Promise.all([previous, warm]).then(([, w]) => w) : warm;
  ready.catch(() => undefined); // reported to whoever awaits it, not as an unhandled rejection
  warmUps.set(contract, ready);

  return {
    match: [
      writableQuery(),
      headAsGet(),
      onceOnly(pathParams),
      fast.handler,
      oneContentTypePerOperation(),
      // Before the guards, so that their 401, 403 and 429 are checked against the contract too.
      ...(response ? [response] : []),
    ],
    validate: [
      onlyWhereThereIsInput(request, operationsWithoutInput(document)),
      storableInputOnly(),
      conditionalOnlyWhereDocumented(),
      restoreHead(),
    ],
  };
}
