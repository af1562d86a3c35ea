// The SDK's resilience against the real server: a real 503 (the database cut off behind a
// loopback TCP relay) is retried after its Retry-After and the checkout goes through with the one
// Idempotency-Key the SDK made; a real 429 (the checkout quota) longer than the SDK will wait goes
// to the caller as a typed error; unsafe calls without a key are never repeated; every attempt is
// bounded by a timeout and the caller's AbortSignal stops everything.
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { createApiClient, isApiCallError, NetworkError } from '@contract-first-monolith/sdk';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { bearer, register, signInAdmin } from './helpers/auth.ts';

/** A loopback TCP relay to PostgreSQL that can be cut (every connection dropped) and restored. */
async function startRelay(target: URL) {
  let cut = false;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      cut = true;
      for (const s of open) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Records each attempt on the wire: "METHOD /path", its status (0: no answer) and headers. */
function recordingFetch() {
  const attempts: { call: string; status: number; request: Request; at: number }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const entry = {
      call: `${req.method} ${new URL(req.url).pathname}`,
      status: 0,
      request: req.clone(),
      at: Date.now(),
    };
    attempts.push(entry);
    const res = await fetch(req);
    entry.status = res.status;
    return res;
  };
  return { attempts, fetchFn };
}

let db: TestDatabase;
let relay: Awaited<ReturnType<typeof startRelay>>;
let app: TestApp;
let productId: string;
const CHECKOUTS_PER_MINUTE = 5;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  relay = await startRelay(target);
  const relayed = new URL(db.url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  app = await startTestApp({
    databaseUrl: relayed.toString(),
    env: { DB_CONNECT_TIMEOUT_MS: '500', CHECKOUT_PER_MINUTE: String(CHECKOUTS_PER_MINUTE) },
  });
  const admin = await signInAdmin(app);
  const res = await request(app.url).post('/api/v1/products').set(bearer(admin)).send({
    sku: 'RESILIENT-1',
    name: 'Resilient Kettle',
    priceCents: 2500,
    currency: 'EUR',
    stock: 100,
    category: 'kitchen',
  });
  productId = res.body.data.id as string;
}, 60_000);

afterAll(async () => {
  relay.restore();
  await app?.close();
  await relay?.close();
  await db?.drop();
});

describe('retries against the real server', () => {
  test('a checkout answered 503 while the database is away is retried after Retry-After with the same Idempotency-Key, and placed once', async () => {
    const user = await register(app);
    const { attempts, fetchFn } = recordingFetch();
    const api = createApiClient({
      baseUrl: app.url,
      fetch: fetchFn,
      tokens: { accessToken: user.accessToken },
      retry: { retries: 3, maxDelayMs: 8_000 },
    });
    relay.cut();
    const placing = api.send('createOrder', { body: { items: [{ productId, quantity: 1 }] } });
    // Bring the database back once the server has answered 503.
    const deadline = Date.now() + 10_000;
    while (!attempts.some((a) => a.status === 503) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    relay.restore();
    const { data, response } = await placing;

    expect(response.status).toBe(201);
    expect(data.data.items[0]?.quantity).toBe(1);
    expect(attempts[0]?.status).toBe(503);
    expect(attempts.at(-1)?.status).toBe(201);
    const keys = new Set(attempts.map((a) => a.request.headers.get('idempotency-key')));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    // The server asked for 5 s (Retry-After: 5) and the SDK waited that long.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(4_900);
    const orders = await request(app.url).get('/api/v1/orders').set(bearer(user));
    expect(orders.body.meta.pagination.total).toBe(1);
  }, 30_000);

  test('an unsafe call without an Idempotency-Key is not repeated after a 503', async () => {
    const user = await register(app);
    const { attempts, fetchFn } = recordingFetch();
    const api = createApiClient({
      baseUrl: app.url,
      fetch: fetchFn,
      tokens: { accessToken: user.accessToken },
      retry: { retries: 3, maxDelayMs: 8_000 },
    });
    relay.cut();
    try {
      const error = await api
        .call('updateMe', { body: { name: 'Renamed' } })
        .catch((e: unknown) => e);
      expect(isApiCallError(error, 'updateMe')).toBe(true);
      if (!isApiCallError(error, 'updateMe')) throw error;
      expect([error.status, error.code, error.retryAfter]).toEqual([503, 'SERVICE_UNAVAILABLE', 5]);
      expect(attempts).toHaveLength(1);
    } finally {
      relay.restore();
    }
  }, 30_000);

  test('a 429 from the checkout quota asking for longer than the SDK waits goes to the caller at once, typed, with retryAfter', async () => {
    const user = await register(app);
    const { attempts, fetchFn } = recordingFetch();
    const api = createApiClient({
      baseUrl: app.url,
      fetch: fetchFn,
      tokens: { accessToken: user.accessToken },
    });
    for (let i = 0; i < CHECKOUTS_PER_MINUTE; i += 1)
      await api.call('createOrder', { body: { items: [{ productId, quantity: 1 }] } });
    const started = Date.now();
    const error = await api
      .call('createOrder', { body: { items: [{ productId, quantity: 1 }] } })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    if (!isApiCallError(error, 'createOrder')) throw error;
    expect([error.status, error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(error.retryAfter).toBeGreaterThan(10);
    expect(attempts).toHaveLength(CHECKOUTS_PER_MINUTE + 1);

    // Willing to wait that long, the SDK honours Retry-After (no second attempt before it),
    // and the caller's AbortSignal ends the wait.
    const patient = createApiClient({
      baseUrl: app.url,
      fetch: fetchFn,
      tokens: { accessToken: user.accessToken },
      retry: { maxDelayMs: 120_000 },
    });
    const waited = await patient
      .call('createOrder', {
        body: { items: [{ productId, quantity: 1 }] },
        signal: AbortSignal.timeout(1_500),
      })
      .catch((e: unknown) => e);
    expect((waited as Error).name).toBe('TimeoutError');
    expect(attempts).toHaveLength(CHECKOUTS_PER_MINUTE + 2);
  }, 30_000);
});

describe('timeouts and aborts', () => {
  let silent: Server;
  let silentUrl: string;
  const held: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test('each attempt is bounded by timeoutMs; a GET is retried, then a NetworkError says it timed out', async () => {
    const { attempts, fetchFn } = recordingFetch();
    const api = createApiClient({
      baseUrl: silentUrl,
      fetch: fetchFn,
      timeoutMs: 300,
      retry: { retries: 1, baseDelayMs: 50 },
    });
    const started = Date.now();
    const error = await api.call('listProducts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).timedOut).toBe(true);
    expect(attempts).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("the caller's AbortSignal aborts at once, with no retry", async () => {
    const { attempts, fetchFn } = recordingFetch();
    const api = createApiClient({ baseUrl: silentUrl, fetch: fetchFn, timeoutMs: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await api
      .call('listProducts', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(attempts).toHaveLength(1);
  });
});
