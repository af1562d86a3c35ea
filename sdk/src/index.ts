// The typed client of the contract-first monolith API. Request and response types come from the
// contract (schema.d.ts and operations.ts, written by `npm run generate`), so the compiler
// rejects a call that the server would reject. On top of openapi-fetch: auth (bearer token, one
// shared refresh on 401), retries with backoff, idempotency keys, typed errors, pagination and
// ETag-guarded updates.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiCallErrorBase, type ApiCallError, type OperationId } from './errors.ts';
import { operations as table } from './operations.ts';
import { resilientFetch, type ResilienceOptions } from './retry.ts';
import type { CallArgs, CallInit, CallResult, ListItem, ListOperation } from './types.ts';
import type { components, paths } from './schema.d.ts';

export type { components, operations, paths } from './schema.d.ts';
export * from './errors.ts';
export type { RetryOptions, ResilienceOptions } from './retry.ts';
export type { CallArgs, CallInit, CallResult, ListItem, ListOperation } from './types.ts';
export type Schemas = components['schemas'];

/** Where the client keeps its tokens. Browsers keep the refresh token in its HttpOnly cookie. */
export interface TokenStore {
  accessToken?: string;
  /** Only for non-browser clients, which get it in the body of register/login/refresh. */
  refreshToken?: string;
}

export interface ApiClientOptions extends ResilienceOptions {
  /** The API's origin, e.g. `http://localhost:3000` or the Prism mock `http://127.0.0.1:4010`. */
  baseUrl: string;
  tokens?: TokenStore;
  fetch?: typeof globalThis.fetch;
  /** Called when the refresh token is refused: the user must sign in again. */
  onSignedOut?: () => void;
}

/** A value read together with its version (`ETag`), for a later `If-Match`. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface PaginateOptions {
  /** `cursor` follows `nextCursor` (default when the list offers it), `page` counts pages. */
  by?: 'cursor' | 'page';
  /** A bound on the pages fetched (default 10 000). */
  maxPages?: number;
}

export interface ApiClient extends Client<paths> {
  readonly tokens: TokenStore;
  /** Stores the tokens of a register/login/refresh answer. */
  remember(result: Schemas['AuthResult']): void;
  /**
   * Calls an operation by its operationId and resolves to its success body; a failure throws
   * `ApiCallError<K>` (typed status and code) or `NetworkError`. Tokens of register, login and
   * refresh answers are remembered. `Idempotency-Key` may be left out: the SDK makes one.
   */
  call<K extends OperationId>(operationId: K, ...init: CallArgs<K>): Promise<CallResult<K>>;
  /** As `call`, with the Response too (headers such as `ETag` or `Idempotent-Replayed`). */
  send<K extends OperationId>(
    operationId: K,
    ...init: CallArgs<K>
  ): Promise<{ data: CallResult<K>; response: Response }>;
  /** Every item of a list, page after page (cursor or page numbers), until the last page. */
  paginate<K extends ListOperation>(
    operationId: K,
    init?: CallInit<K>,
    options?: PaginateOptions,
  ): AsyncGenerator<ListItem<K>, void, undefined>;
  /** Optimistic concurrency on products: read with the ETag, update with If-Match. */
  readonly products: {
    read(id: string, init?: { signal?: AbortSignal }): Promise<Versioned<Schemas['Product']>>;
    /**
     * Applies `changes` only if the product is still at `current.etag`; a newer version makes
     * it throw `ApiCallError<'updateProduct'>` with status 412 (`isStale(error)`): reload and retry.
     */
    update(
      current: Versioned<Schemas['Product']>,
      changes: Schemas['UpdateProductRequest'],
      init?: { signal?: AbortSignal },
    ): Promise<Versioned<Schemas['Product']>>;
    /** read → change → update, reloading and trying again on 412 up to `attempts` times (3). */
    edit(
      id: string,
      change: (current: Schemas['Product']) => Schemas['UpdateProductRequest'],
      options?: { attempts?: number; signal?: AbortSignal },
    ): Promise<Versioned<Schemas['Product']>>;
  };
}

/** True for the typed conflict of an ETag-guarded update: someone changed it since you read it. */
export function isStale(error: unknown): error is ApiCallError<'updateProduct'> & { status: 412 } {
  return (
    error instanceof ApiCallErrorBase &&
    error.operationId === 'updateProduct' &&
    error.status === 412
  );
}

const AUTH_PATHS = /\/api\/v1\/auth\/(login|register|refresh|password-reset)/;
const TOKEN_OPERATIONS = new Set<OperationId>(['register', 'login', 'refresh']);
/** Refresh answers worth another try with the newest cookie (the loser of a two-tab race). */
const REFRESH_RETRIES = 4;

/** The operations that take an Idempotency-Key, by "METHOD /path" as openapi-fetch names them. */
const IDEMPOTENT_ROUTES = new Set(
  Object.values(table)
    .filter((op) => (op.headers as readonly string[]).includes('Idempotency-Key'))
    .map((op) => `${op.method.toUpperCase()} ${op.path}`),
);

/** A random UUID v4, also on pages that are not a secure context (no crypto.randomUUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createApiClient(options: ApiClientOptions): ApiClient {
  const tokens: TokenStore = options.tokens ?? {};
  const doFetch = resilientFetch(options.fetch ?? globalThis.fetch.bind(globalThis), options);
  const originals = new Map<string, { request: Request; token: string | undefined }>();
  let refreshing: Promise<'ok' | 'signed-out' | 'failed'> | undefined;

  function remember(result: Schemas['AuthResult']): void {
    tokens.accessToken = result.data.accessToken;
    if (result.data.refreshToken) tokens.refreshToken = result.data.refreshToken;
  }

  async function refreshOnce(): Promise<'ok' | 'signed-out' | 'failed'> {
    for (let attempt = 0; ; attempt += 1) {
      let res: Response;
      try {
        res = await doFetch(
          new Request(`${options.baseUrl}/api/v1/auth/refresh`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
          }),
        );
      } catch {
        return 'failed'; // no answer: the session may be fine, nobody is signed out
      }
      if (res.ok) {
        remember((await res.json()) as Schemas['AuthResult']);
        return 'ok';
      }
      await res.body?.cancel().catch(() => undefined);
      // Another tab (or client) rotated this token a moment ago: the browser holds the newest
      // cookie once that answer lands, so wait a little and try again (well within the
      // server's 10 s grace, after which an old token counts as stolen).
      if (res.status === 409 && attempt < REFRESH_RETRIES) {
        await sleep(100 * 2 ** attempt + Math.random() * 100);
        continue;
      }
      return res.status === 401 || res.status === 400 || res.status === 403
        ? 'signed-out'
        : 'failed';
    }
  }

  /** One refresh at a time: concurrent 401s wait for the same one. */
  function refresh() {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const middleware: Middleware = {
    onRequest({ request, schemaPath, id }) {
      // Checkout and other idempotent operations: a key made once per call, so every retry
      // (and the replay after a refresh) carries the same one.
      if (
        IDEMPOTENT_ROUTES.has(`${request.method} ${schemaPath}`) &&
        !request.headers.has('Idempotency-Key')
      )
        request.headers.set('Idempotency-Key', newIdempotencyKey());
      const token = tokens.accessToken;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      // Kept to replay it once after a refresh (a Request body can be read only once).
      originals.set(id, { request: request.clone(), token });
      return request;
    },
    async onResponse({ request, response, id }) {
      const original = originals.get(id);
      originals.delete(id);
      if (response.status !== 401 || !original || AUTH_PATHS.test(new URL(request.url).pathname))
        return response;
      // A late 401 for a token that was already replaced: replay with the new one, no refresh.
      if (!(tokens.accessToken && tokens.accessToken !== original.token)) {
        const outcome = await refresh();
        if (outcome === 'failed') return response;
        if (outcome === 'signed-out') {
          tokens.accessToken = undefined;
          tokens.refreshToken = undefined;
          options.onSignedOut?.();
          return response;
        }
      }
      original.request.headers.set('Authorization', `Bearer ${tokens.accessToken ?? ''}`);
      return doFetch(original.request);
    },
    onError({ id }) {
      originals.delete(id);
    },
  };

  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: doFetch,
    credentials: 'include',
  });
  client.use(middleware);

  async function send<K extends OperationId>(operationId: K, ...[init]: CallArgs<K>) {
    const op = table[operationId];
    const { params, body, signal, headers } = (init ?? {}) as {
      params?: unknown;
      body?: unknown;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    };
    // The operation table and schema.d.ts come from one contract: the path fits the method.
    const result = await (
      client.request as (
        m: string,
        p: string,
        i: object,
      ) => Promise<{
        data?: unknown;
        error?: unknown;
        response: Response;
      }>
    )(op.method, op.path, { params, body, signal, headers });
    if (!result.response.ok) throw new ApiCallErrorBase(operationId, result.response, result.error);
    if (TOKEN_OPERATIONS.has(operationId)) remember(result.data as Schemas['AuthResult']);
    return { data: result.data as CallResult<K>, response: result.response };
  }

  async function call<K extends OperationId>(operationId: K, ...init: CallArgs<K>) {
    return (await send(operationId, ...init)).data;
  }

  async function* paginate<K extends ListOperation>(
    operationId: K,
    init?: CallInit<K>,
    options: PaginateOptions = {},
  ): AsyncGenerator<ListItem<K>, void, undefined> {
    const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
    let query: Record<string, unknown> = { ...base.params?.query };
    const byPage = options.by === 'page' || query['page'] !== undefined;
    const maxPages = options.maxPages ?? 10_000;
    for (let fetched = 0; fetched < maxPages; fetched += 1) {
      const args = [{ ...base, params: { ...base.params, query } }] as unknown as CallArgs<K>;
      const answer = (await call(operationId, ...args)) as unknown as {
        data: ListItem<K>[];
        meta: { pagination: { page?: number; totalPages?: number; nextCursor?: string | null } };
      };
      yield* answer.data;
      const { pagination } = answer.meta;
      if (!byPage && pagination.nextCursor !== undefined) {
        if (pagination.nextCursor === null) return;
        query = { ...query, cursor: pagination.nextCursor };
        continue;
      }
      const page = pagination.page ?? Number(query['page'] ?? 1);
      if (answer.data.length === 0 || page >= (pagination.totalPages ?? 0)) return;
      query = { ...query, page: page + 1 };
    }
  }

  const products: ApiClient['products'] = {
    async read(id, init = {}) {
      const { data, response } = await send('getProduct', {
        params: { path: { id } },
        signal: init.signal,
      });
      return { value: data.data, etag: response.headers.get('ETag') ?? '' };
    },
    async update(current, changes, init = {}) {
      const { data, response } = await send('updateProduct', {
        params: { path: { id: current.value.id }, header: { 'If-Match': current.etag } },
        body: changes,
        signal: init.signal,
      });
      return { value: data.data, etag: response.headers.get('ETag') ?? '' };
    },
    async edit(id, change, { attempts = 3, signal } = {}) {
      for (let attempt = 1; ; attempt += 1) {
        const current = await products.read(id, { signal });
        try {
          return await products.update(current, change(current.value), { signal });
        } catch (error) {
          if (!isStale(error) || attempt >= attempts) throw error;
        }
      }
    },
  };

  return Object.assign(client, { tokens, remember, call, send, paginate, products });
}
