// The one adapter between Express and the typed handlers: dispatches every request to the
// operation the validator matched, enforces its security and permission from the contract and
// applies the rate limits it names (before the request is validated: operationGuards), then
// hands the handler its typed input and sends its reply (operationRouter).
import { parse as parseCookies } from 'cookie';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { operations, type OperationId } from '../../generated/operations.ts';
import type { AllHandlers, CodeAt, CookieToSet, Handler, Input } from '../types/handlers.ts';
import type { Principal, RequestMeta } from '../types/request-meta.ts';
import { AppError, ForbiddenError, UnauthenticatedError } from '../utils/errors.ts';
import { requestMeta } from '../utils/request-meta.ts';
import type { Authenticator } from './auth.ts';
import { authenticate } from './auth.ts';
import { pipeline } from './pipeline.ts';

/** A row of the generated table; `deprecation` widened, as a deprecated operation's row has it. */
type Widened<R> = R extends unknown
  ? Omit<R, 'deprecation'> & { deprecation: { deprecation: string; sunset: string } | null }
  : never;
type Row = Widened<(typeof operations)[OperationId]>;
/** The operation table the edge mounts: generated/operations.ts unless a test builds its own. */
export type OperationTable = Record<OperationId, Row>;
export type RateLimitName = Row['rateLimits'][number];
/** Every permission some operation of the contract requires (`x-permission`). */
export type Permission = NonNullable<Row['permission']>;

/** A limiter named by `x-rate-limits`, keyed by the caller's IP or by the signed-in user. */
export interface RateLimit {
  keyedBy: 'ip' | 'user';
  middleware: RequestHandler;
}

export interface OperationDeps {
  handlers: AllHandlers;
  authenticator: Authenticator;
  /** The policy that grants permissions to roles (auth.permissions.ts, handed in by app.ts). */
  can: (role: Principal['role'], permission: Permission) => boolean;
  rateLimits: Record<RateLimitName, RateLimit>;
  /**
   * generated/operations.ts by default. The deprecation test mounts the table of a contract copy
   * with a deprecated operation (the contract has none yet; ADR 0009).
   */
  operations?: OperationTable;
}

/** What express-openapi-validator records on a request it matched to an operation. */
interface Matched {
  openapi?: { schema?: { operationId?: string }; pathParams?: Record<string, string> };
}

function requirePermission(permission: Permission, can: OperationDeps['can']): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal) throw new UnauthenticatedError();
    if (!can(req.principal.role, permission)) throw new ForbiddenError();
    next();
  };
}

/** Guards in the order that keeps anonymous floods off the token check and the database. */
function guards(row: Row, deps: OperationDeps): RequestHandler[] {
  const limits = row.rateLimits.map((name) => deps.rateLimits[name]);
  const byIp = limits.filter((l) => l.keyedBy === 'ip').map((l) => l.middleware);
  const byUser = limits.filter((l) => l.keyedBy === 'user').map((l) => l.middleware);
  if (row.security === 'public') return [...byIp, ...byUser];
  return [
    ...byIp,
    authenticate(deps.authenticator),
    ...byUser,
    requirePermission(row.permission, deps.can),
  ];
}

function inputOf(row: Row, req: Request): Input<OperationId> {
  const headers: Record<string, string | undefined> = {};
  for (const name of row.headers) headers[name] = req.get(name);
  const cookies: Record<string, string | undefined> = {};
  if (row.cookies.length > 0) {
    const sent = parseCookies(req.get('cookie') ?? '');
    for (const name of row.cookies) cookies[name] = sent[name];
  }
  // The one place the validated request meets its contract type: the validator has checked
  // params, query (coerced, defaults applied), headers and body against this very operation.
  const body: unknown = req.body;
  const params = (req as Matched).openapi?.pathParams ?? {};
  return { params, query: req.query, headers, cookies, body } as never;
}

function setCookies(res: Response, cookies: readonly CookieToSet[] | undefined): void {
  for (const cookie of cookies ?? []) {
    if (cookie.value === undefined) res.clearCookie(cookie.name, cookie.options);
    else res.cookie(cookie.name, cookie.value, cookie.options);
  }
}

/** What every handler's Reply<K> has in common, as the adapter sees it. */
interface AnyReply {
  status: number;
  body?: unknown;
  raw?: string | Buffer;
  encoding?: 'gzip';
  code?: string;
  message?: string;
  details?: AppError['details'];
  headers?: Record<string, string | undefined>;
  cookies?: readonly CookieToSet[];
}

/** Express's own res.json; express-openapi-validator replaces it on a response it validates. */
const expressJson = express.response.json;

/**
 * A JSON body sent as Express's res.json and res.send send it, in one step: the same
 * `Content-Type: application/json; charset=utf-8`, Content-Length and bytes (JSON.stringify
 * with no replacer or spacing: the app sets none), without their settings lookups, the
 * content-type parsing and formatting of res.send, and two MIME lookups (ADR 0026). Express's
 * path wherever anything else applies: a response validator has hooked res.json, the reply
 * chose its Content-Type, the status takes no body, or a conditional GET or HEAD is fresh
 * against the answer's ETag or Last-Modified (res.send then answers it 304).
 * tests/json-reply.test.ts holds both paths to the same answers.
 */
export function sendJson(res: Response, body: unknown): void {
  const status = res.statusCode;
  if (
    res.json !== expressJson ||
    status === 204 ||
    status === 205 ||
    status === 304 ||
    res.hasHeader('Content-Type') ||
    ((res.hasHeader('ETag') || res.hasHeader('Last-Modified')) && res.req.fresh)
  ) {
    res.json(body);
    return;
  }
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  // On a HEAD request Node sends the headers only.
  res.end(text);
}

function send(row: Row, res: Response, reply: AnyReply): void {
  setCookies(res, reply.cookies);
  if (reply.status >= 400) {
    // The error path is the error middleware's: one envelope, one log line. Reply<K> has
    // already held the code to those the contract documents for this operation and status.
    const headers = Object.fromEntries(
      Object.entries(reply.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    throw new AppError(reply.status, reply.code as CodeAt<number>, reply.message ?? '', {
      details: reply.details,
      headers,
    });
  }
  res.status(reply.status);
  const headers = reply.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    // Vary adds to what the edge has already said (Origin, security.ts) instead of replacing it.
    if (name === 'Vary') res.vary(value);
    else res.set(name, value);
  }
  // RFC 9745 and RFC 8594, documented on the operation's responses (the generator insists).
  if (row.deprecation)
    res.set({ Deprecation: row.deprecation.deprecation, Sunset: row.deprecation.sunset });
  const contentType = (row.contentTypes as Record<string, string | undefined>)[
    String(reply.status)
  ];
  if (reply.encoding !== undefined) res.set('Content-Encoding', reply.encoding);
  if (reply.raw !== undefined) res.type(contentType ?? 'text/plain').send(reply.raw);
  else if (reply.body !== undefined) sendJson(res, reply.body);
  else res.end();
}

/**
 * A handler's Context. `meta` (the caller's address, which Express works out from the proxy
 * settings on every read, and user agent) is made when a handler first asks for it: most
 * operations never do.
 */
class RequestContext {
  readonly requestId: string;
  readonly principal: Request['principal'];
  readonly bearer: string | undefined;
  readonly #req: Request;
  #meta: RequestMeta | undefined;
  constructor(req: Request) {
    this.#req = req;
    this.requestId = req.id;
    this.principal = req.principal;
    const authorization = req.headers.authorization;
    this.bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  }
  get meta(): RequestMeta {
    return (this.#meta ??= requestMeta(this.#req));
  }
}

/**
 * The handler called and its reply sent. A handler that answers at once (getHealth) is sent in
 * the same turn, without a promise between: Node then finishes the response inside the
 * request's own tick instead of in later ones (docs/BENCHMARKS.md). What it throws, or send()
 * for an error reply, goes to `next` (the error middleware).
 */
function adapt(row: Row, handler: Handler<OperationId>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const reply = handler(inputOf(row, req), new RequestContext(req) as never) as
      AnyReply | Promise<AnyReply>;
    if (reply instanceof Promise)
      reply.then((answered) => send(row, res, answered)).then(undefined, next);
    else send(row, res, reply);
  };
}

/** The operation the validator matched (req.openapi), or undefined for a request it did not. */
function operationOf(req: Request): string | undefined {
  return (req as Matched).openapi?.schema?.operationId;
}

/**
 * Every operation's guards, dispatched by the operationId the validator's route lookup has
 * matched (req.openapi), before the request is validated against the operation: a caller
 * without a token gets 401 and one without the permission 403 whatever it sent, quotas count
 * every matched request, valid or not, and only an authorised request learns what the operation
 * accepts. A request the validator did not match, or an operation without guards, goes on.
 */
export function operationGuards(deps: OperationDeps): RequestHandler {
  const chains = new Map<string, RequestHandler>();
  const table: OperationTable = deps.operations ?? operations;
  for (const [id, row] of Object.entries(table) as [OperationId, Row][]) {
    const list = guards(row, deps);
    if (list.length === 0) continue;
    chains.set(id, pipeline(list));
  }
  return (req, res, next) => {
    const id = operationOf(req);
    const chain = id === undefined ? undefined : chains.get(id);
    if (chain) return chain(req, res, next);
    next();
  };
}

/**
 * Every operation of the contract, dispatched to its handler by the operationId the validator
 * has already matched (req.openapi): no second scan of the routes, and no path string here.
 * Mounted after operationGuards and the validation. A request the validator did not match goes
 * on (to the 404 after it).
 */
export function operationRouter(
  deps: Pick<OperationDeps, 'handlers' | 'operations'>,
): RequestHandler {
  const handlers = new Map<string, ReturnType<typeof adapt>>();
  const table: OperationTable = deps.operations ?? operations;
  for (const [id, row] of Object.entries(table) as [OperationId, Row][])
    handlers.set(id, adapt(row, deps.handlers[id] as Handler<OperationId>));
  return (req, res, next) => {
    const id = operationOf(req);
    const handler = id === undefined ? undefined : handlers.get(id);
    // What the handler throws, or send() for an error reply, goes to the error middleware
    // (thrown at once: the pipeline hands it on).
    if (handler) handler(req, res, next);
    else next();
  };
}
