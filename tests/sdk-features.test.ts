// The SDK's helpers against the real server: typed errors, pagination over cursors and page
// numbers, ETag-guarded updates, and the refresh races (two tabs sharing one cookie jar, a late
// 401 for a token already replaced).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import {
  createApiClient,
  isApiCallError,
  isStale,
  type TokenStore,
} from '@contract-first-monolith/sdk';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, expiredCopy, register, signInAdmin, type Signed } from './helpers/auth.ts';

let app: TestApp;
let admin: Signed;
const prefix = `PG${randomUUID().slice(0, 6)}`;
const created: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAdmin(app);
  for (let i = 0; i < 7; i += 1) {
    const res = await request(app.url)
      .post('/api/v1/products')
      .set(bearer(admin))
      .send({
        sku: `${prefix}-${i}`,
        name: `${prefix} item ${i}`,
        priceCents: 1000 + i,
        currency: 'EUR',
        stock: 3,
        category: 'paging',
      });
    created.push(res.body.data.id as string);
  }
});
afterAll(() => app.close());

/** Records each request the SDK sends ("METHOD /path" and its answer's status). */
function recordingFetch(delay?: (req: Request) => number) {
  const calls: { call: string; status: number; request: Request }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const kept = req.clone();
    const res = await fetch(req);
    calls.push({
      call: `${req.method} ${new URL(req.url).pathname}`,
      status: res.status,
      request: kept,
    });
    const ms = delay?.(kept) ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return res;
  };
  return { calls, fetchFn };
}

describe('typed errors', () => {
  test('a failed call throws an error with the documented status and code, the requestId and no retry of a 409', async () => {
    const user = await register(app);
    const { calls, fetchFn } = recordingFetch();
    const api = createApiClient({
      baseUrl: app.url,
      fetch: fetchFn,
      tokens: { accessToken: user.accessToken },
    });
    const error = await api
      .call('createOrder', { body: { items: [{ productId: created[0] ?? '', quantity: 50 }] } })
      .catch((e: unknown) => e);
    expect(isApiCallError(error, 'createOrder')).toBe(true);
    if (!isApiCallError(error, 'createOrder')) throw error;
    expect(error.status).toBe(409);
    if (error.status === 409) expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.requestId).toBe(error.response.headers.get('x-request-id'));
    expect(error.requestId).toMatch(/\S/);
    expect(calls).toHaveLength(1);
    // The SDK made the checkout's Idempotency-Key itself.
    expect(calls[0]?.request.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a 400 carries the field details; an unknown operation id is not an ApiCallError of another', async () => {
    const api = createApiClient({ baseUrl: app.url });
    const error = await api
      .call('listProducts', { params: { query: { limit: 1000 } } })
      .catch((e: unknown) => e);
    expect(isApiCallError(error, 'listProducts')).toBe(true);
    expect(isApiCallError(error, 'listOrders')).toBe(false);
    if (!isApiCallError(error, 'listProducts')) throw error;
    expect([error.status, error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(error.details?.[0]?.path).toContain('limit');
  });
});

describe('pagination', () => {
  test('paginate follows nextCursor to the end: every item once, one request per page', async () => {
    const { calls, fetchFn } = recordingFetch();
    const api = createApiClient({ baseUrl: app.url, fetch: fetchFn });
    const seen: string[] = [];
    for await (const product of api.paginate('listProducts', {
      params: { query: { q: prefix, limit: 3, sort: 'name' } },
    }))
      seen.push(product.id);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
    expect(calls.map((c) => c.call)).toEqual(Array(3).fill('GET /api/v1/products'));
    expect(new URL(calls[2]?.request.url ?? '').searchParams.get('cursor')).toMatch(/\S/);
  });

  test('paginate counts page numbers when asked to (page mode), and stops after totalPages', async () => {
    const { calls, fetchFn } = recordingFetch();
    const api = createApiClient({ baseUrl: app.url, fetch: fetchFn });
    const names: string[] = [];
    for await (const product of api.paginate(
      'listProducts',
      { params: { query: { q: prefix, limit: 2, sort: 'name' } } },
      { by: 'page' },
    ))
      names.push(product.name);
    expect(names).toEqual(created.map((_, i) => `${prefix} item ${i}`));
    expect(calls.map((c) => new URL(c.request.url).searchParams.get('page'))).toEqual([
      null,
      '2',
      '3',
      '4',
    ]);
  });

  test('an empty list ends at once; a list without cursors (orders) pages by number', async () => {
    const user = await register(app);
    const api = createApiClient({ baseUrl: app.url, tokens: { accessToken: user.accessToken } });
    const none: unknown[] = [];
    for await (const p of api.paginate('listProducts', {
      params: { query: { q: 'no-such-thing-xyz' } },
    }))
      none.push(p);
    expect(none).toEqual([]);
    for (let i = 0; i < 3; i += 1)
      await api.call('createOrder', {
        body: { items: [{ productId: created[6] ?? '', quantity: 1 }] },
      });
    const orders: string[] = [];
    for await (const order of api.paginate('listOrders', { params: { query: { limit: 2 } } }))
      orders.push(order.id);
    expect(new Set(orders).size).toBe(3);
  });
});

describe('optimistic concurrency', () => {
  test('read with the ETag, update with If-Match; a stale version is a typed 412, and edit reloads and retries', async () => {
    const api = createApiClient({ baseUrl: app.url, tokens: { accessToken: admin.accessToken } });
    const other = createApiClient({ baseUrl: app.url, tokens: { accessToken: admin.accessToken } });
    const id = created[1] ?? '';
    const v1 = await api.products.read(id);
    expect(v1.etag).toMatch(/\S/);
    const v2 = await other.products.update(v1, { stock: 10 });
    expect(v2.etag).not.toBe(v1.etag);

    const error = await api.products.update(v1, { stock: 1 }).catch((e: unknown) => e);
    expect(isStale(error)).toBe(true);
    if (!isApiCallError(error, 'updateProduct')) throw error;
    expect([error.status, error.code]).toEqual([412, 'PRECONDITION_FAILED']);

    const v3 = await api.products.edit(id, (current) => ({ stock: current.stock + 5 }));
    expect(v3.value.stock).toBe(15);
    const fresh = await request(app.url).get(`/api/v1/products/${id}`);
    expect(fresh.body.data.stock).toBe(15);
    expect(fresh.headers['etag']).toBe(v3.etag);
  });
});

describe('refresh races', () => {
  test('two tabs sharing one cookie jar, their tokens expiring together, both keep working through five rounds', async () => {
    const user = await register(app);
    // What a browser shares between tabs is the refresh cookie; each tab has its own access token.
    const jar = { refreshToken: user.refreshToken };
    const tab = (): TokenStore => {
      let access: string | undefined = user.accessToken;
      return {
        get accessToken() {
          return access;
        },
        set accessToken(value) {
          access = value;
        },
        get refreshToken() {
          return jar.refreshToken;
        },
        set refreshToken(value) {
          if (value) jar.refreshToken = value;
        },
      };
    };
    const { calls, fetchFn } = recordingFetch();
    let signedOut = 0;
    const tabs = [tab(), tab()].map((tokens) =>
      createApiClient({
        baseUrl: app.url,
        fetch: fetchFn,
        tokens,
        onSignedOut: () => (signedOut += 1),
      }),
    );
    for (let round = 0; round < 5; round += 1) {
      for (const api of tabs) api.tokens.accessToken = expiredCopy(api.tokens.accessToken ?? '');
      const answers = await Promise.all(tabs.map((api) => api.GET('/api/v1/users/me')));
      expect(answers.map((a) => a.response.status)).toEqual([200, 200]);
    }
    expect(signedOut).toBe(0);
    const refreshes = calls.filter((c) => c.call === 'POST /api/v1/auth/refresh');
    // Each round one tab won and the other was told 409 REFRESH_CONFLICT, then retried.
    expect(refreshes.filter((c) => c.status === 409).length).toBeGreaterThanOrEqual(1);
    expect(refreshes.filter((c) => c.status === 200)).toHaveLength(10);
  });

  test('a late 401 for a token that was already replaced is replayed with the new one, without a second refresh', async () => {
    const user = await register(app);
    // The answer to the request marked "late" reaches the client only after the refresh is done.
    const { calls, fetchFn } = recordingFetch((req) =>
      req.headers.get('x-request-id') === 'late-answer' ? 400 : 0,
    );
    const api = createApiClient({ baseUrl: app.url, fetch: fetchFn, tokens: { ...user } });
    api.tokens.accessToken = expiredCopy(user.accessToken);
    const late = api.GET('/api/v1/users/me', { headers: { 'X-Request-Id': 'late-answer' } });
    const first = await api.GET('/api/v1/auth/sessions');
    expect(first.response.status).toBe(200);
    expect((await late).response.status).toBe(200);
    expect(calls.filter((c) => c.call === 'POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  test('after logout the refresh is refused: the call answers 401 and onSignedOut fires once', async () => {
    let signedOut = 0;
    const api = createApiClient({ baseUrl: app.url, onSignedOut: () => (signedOut += 1) });
    const email = `sdk-${randomUUID().slice(0, 8)}@example.com`;
    await api.call('register', {
      body: { email, password: 'correct-horse-battery-staple', name: 'Out' },
    });
    expect(api.tokens.accessToken).toMatch(/\S/);
    await api.call('logout');
    const after = await api.GET('/api/v1/users/me');
    expect(after.response.status).toBe(401);
    expect(signedOut).toBe(1);
  });
});
