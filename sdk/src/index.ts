// The typed client of the contract-first monolith API. Request and response types come from the
// contract (schema.d.ts, written by `npm run generate`), so the compiler rejects a call that
// the server would reject. Auth: the access token is attached to every call, and a 401 triggers
// one refresh (shared by concurrent calls) and one retry.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { operations as table } from './operations.ts';
import type { components, paths } from './schema.d.ts';

export type { components, operations, paths } from './schema.d.ts';
export type Schemas = components['schemas'];

export type OperationId = keyof typeof table;
type Codes<K extends OperationId> = (typeof table)[K]['errorCodes'];
/**
 * The error codes the contract documents for an operation, for one status or all of them:
 * `ErrorCode<'createOrder', 409>` is `'INSUFFICIENT_STOCK'`. The server may add codes in a
 * minor release: handle an unknown code by its status.
 */
export type ErrorCode<K extends OperationId, S extends number = number> = {
  [P in keyof Codes<K>]: P extends `${S}` ? Codes<K>[P][number & keyof Codes<K>[P]] : never;
}[keyof Codes<K>];
/** The error envelope of an operation, with its code narrowed to the documented ones. */
export type ApiError<K extends OperationId, S extends number = number> = Omit<
  Schemas['ErrorEnvelope'],
  'code'
> & { code: ErrorCode<K, S> };

/** Where the client keeps its tokens. Browsers keep the refresh token in its HttpOnly cookie. */
export interface TokenStore {
  accessToken?: string;
  /** Only for non-browser clients, which get it in the body of register/login/refresh. */
  refreshToken?: string;
}

export interface ApiClientOptions {
  /** The API's origin, e.g. `http://localhost:3000` or the Prism mock `http://127.0.0.1:4010`. */
  baseUrl: string;
  tokens?: TokenStore;
  fetch?: typeof globalThis.fetch;
  /** Called when a refresh fails: the user must sign in again. */
  onSignedOut?: () => void;
}

export interface ApiClient extends Client<paths> {
  readonly tokens: TokenStore;
  /** Stores the tokens of a register/login/refresh answer. */
  remember(result: Schemas['AuthResult']): void;
}

const AUTH_PATHS = /\/api\/v1\/auth\/(login|register|refresh|password-reset)/;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const tokens: TokenStore = options.tokens ?? {};
  const doFetch = options.fetch ?? globalThis.fetch;
  const originals = new Map<string, Request>();
  let refreshing: Promise<boolean> | undefined;

  function remember(result: Schemas['AuthResult']): void {
    tokens.accessToken = result.data.accessToken;
    if (result.data.refreshToken) tokens.refreshToken = result.data.refreshToken;
  }

  /** One refresh at a time: concurrent 401s wait for the same one. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const res = await doFetch(`${options.baseUrl}/api/v1/auth/refresh`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        });
        if (!res.ok) return false;
        remember((await res.json()) as Schemas['AuthResult']);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const auth: Middleware = {
    onRequest({ request, id }) {
      if (tokens.accessToken) request.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
      // Kept to replay it once after a refresh (a Request body can be read only once).
      originals.set(id, request.clone());
      return request;
    },
    async onResponse({ request, response, id }) {
      const original = originals.get(id);
      originals.delete(id);
      if (response.status !== 401 || !original || AUTH_PATHS.test(new URL(request.url).pathname))
        return response;
      if (!(await refresh())) {
        tokens.accessToken = undefined;
        options.onSignedOut?.();
        return response;
      }
      original.headers.set('Authorization', `Bearer ${tokens.accessToken ?? ''}`);
      return doFetch(original);
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
  client.use(auth);
  return Object.assign(client, { tokens, remember });
}
