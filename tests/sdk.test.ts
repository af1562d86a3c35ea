// The SDK drives the real server through a whole journey (register, browse, order, cancel), and
// its auth helper refreshes an expired access token once and retries, for concurrent calls too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { createApiClient } from '@contract-first-monolith/sdk';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { bearer, signInAdmin, STRONG_PASSWORD } from './helpers/auth.ts';
import request from 'supertest';

let app: TestApp;
let productId: string;

beforeAll(async () => {
  app = await startTestApp();
  const admin = await signInAdmin(app);
  const res = await request(app.url)
    .post('/api/v1/products')
    .set(bearer(admin))
    .send({
      sku: `SDK-${randomUUID().slice(0, 8)}`,
      name: 'SDK Lamp',
      priceCents: 4500,
      currency: 'EUR',
      stock: 5,
      category: 'lighting',
    });
  productId = res.body.data.id;
});
afterAll(() => app.close());

/** Counts the calls the SDK makes, by path. */
function countingFetch() {
  const calls: string[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    calls.push(`${req.method} ${new URL(req.url).pathname}`);
    return fetch(input, init);
  };
  return { calls, fetchFn };
}

describe('the SDK against the real server', () => {
  test('register, browse, order, cancel', async () => {
    const api = createApiClient({ baseUrl: app.url });
    const email = `sdk-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await api.POST('/api/v1/auth/register', {
      body: { email, password: STRONG_PASSWORD, name: 'Sdk User' },
    });
    expect(registered.response.status).toBe(201);
    if (!registered.data) throw new Error('no body');
    api.remember(registered.data);

    const me = await api.GET('/api/v1/users/me');
    expect(me.data?.data.email).toBe(email);

    const browse = await api.GET('/api/v1/products', {
      params: { query: { q: 'SDK Lamp', sort: 'priceCents' } },
    });
    expect(browse.data?.data.map((p) => p.id)).toContain(productId);

    const placed = await api.POST('/api/v1/orders', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { items: [{ productId, quantity: 2 }] },
    });
    expect(placed.response.status).toBe(201);
    expect(placed.data?.data.totalCents).toBe(9000);
    const orderId = placed.data?.data.id ?? '';

    const cancelled = await api.POST('/api/v1/orders/{id}/cancel', {
      params: { path: { id: orderId } },
    });
    expect(cancelled.data?.data.status).toBe('cancelled');

    // Errors come back typed, in the envelope.
    const again = await api.POST('/api/v1/orders/{id}/cancel', {
      params: { path: { id: orderId } },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('INVALID_TRANSITION');
  });

  test('an expired access token is refreshed once and the calls are retried, even when several fail at once', async () => {
    const { calls, fetchFn } = countingFetch();
    const api = createApiClient({ baseUrl: app.url, fetch: fetchFn });
    const email = `sdk-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await api.POST('/api/v1/auth/register', {
      body: { email, password: STRONG_PASSWORD, name: 'Sdk Expiry' },
    });
    if (!registered.data) throw new Error('no body');
    api.remember(registered.data);
    const firstRefreshToken = api.tokens.refreshToken;

    // The same claims, already expired.
    const claims = jwt.decode(api.tokens.accessToken ?? '') as Record<string, unknown>;
    api.tokens.accessToken = jwt.sign(
      { ...claims, iat: 1_700_000_000, exp: 1_700_000_900 },
      TEST_JWT_SECRET,
      {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'at+jwt' },
      },
    );

    const [a, b, c] = await Promise.all([
      api.GET('/api/v1/users/me'),
      api.GET('/api/v1/auth/sessions'),
      api.GET('/api/v1/orders'),
    ]);
    expect([a.response.status, b.response.status, c.response.status]).toEqual([200, 200, 200]);
    expect(calls.filter((call) => call === 'POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(api.tokens.refreshToken).not.toBe(firstRefreshToken);
  });

  test('when the refresh fails too, the caller gets the 401 and onSignedOut is called', async () => {
    let signedOut = 0;
    const api = createApiClient({ baseUrl: app.url, onSignedOut: () => (signedOut += 1) });
    api.tokens.accessToken = 'not.a.token';
    api.tokens.refreshToken = 'A'.repeat(43);
    const res = await api.GET('/api/v1/users/me');
    expect(res.response.status).toBe(401);
    expect(signedOut).toBe(1);
    expect(api.tokens.accessToken).toBeUndefined();
  });
});
