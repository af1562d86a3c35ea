// Orders against the real app and database: stock under concurrency, idempotency keys,
// ownership, cancelling, the status workflow, and the confirmation job in the same transaction.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register, signInAdmin, type Signed } from './helpers/auth.ts';

let app: TestApp;
let admin: Signed;
const api = () => request(app.url);

beforeAll(async () => {
  app = await startTestApp({ env: { WORKER_IN_PROCESS: 'true' } });
  admin = await signInAdmin(app);
}, 30_000);
afterAll(() => app.close());

async function newProduct(
  stock: number,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; priceCents: number }> {
  const res = await api()
    .post('/api/v1/products')
    .set(bearer(admin))
    .send({
      sku: `O-${randomUUID().slice(0, 8)}`,
      name: 'Order Test Product',
      priceCents: 1250,
      currency: 'EUR',
      stock,
      category: 'tests',
      ...overrides,
    });
  expect(res.status).toBe(201);
  return res.body.data;
}

const stockOf = async (id: string) =>
  (await api().get(`/api/v1/products/${id}`)).body.data.stock as number;

function checkout(
  who: Signed,
  items: { productId: string; quantity: number }[],
  key: string = randomUUID(),
) {
  return api().post('/api/v1/orders').set(bearer(who)).set('Idempotency-Key', key).send({ items });
}

async function sql<R>(text: string, params: unknown[] = []): Promise<R[]> {
  return app.orm.em.fork().getConnection().execute<R[]>(text, params);
}

describe('checkout under contention', () => {
  test('50 concurrent checkouts for 10 in stock: exactly 10 sold, stock 0, every other one a clean 409', async () => {
    const product = await newProduct(10);
    const buyers = await Promise.all(Array.from({ length: 10 }, () => register(app)));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        checkout(buyers[i % 10] as Signed, [{ productId: product.id, quantity: 1 }]),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.body.code).toBe('INSUFFICIENT_STOCK');
      expect(r.body.details).toEqual([{ path: '/body/items/0', message: 'only 0 in stock' }]);
    }
    expect(await stockOf(product.id)).toBe(0);
    const [sold] = await sql<{ units: number; orders: number; total: string }>(
      `select sum(i.quantity)::int as units, count(distinct o.id)::int as orders, sum(o.total_cents)::text as total
         from order_items i join orders o on o.id = i.order_id where i.product_id = ?`,
      [product.id],
    );
    expect(sold).toEqual({ units: 10, orders: 10, total: String(10 * product.priceCents) });
    for (const r of created) {
      expect(r.body.data.items).toEqual([
        expect.objectContaining({
          productId: product.id,
          quantity: 1,
          unitPriceCents: 1250,
          lineTotalCents: 1250,
        }),
      ]);
      expect(r.body.data.totalCents).toBe(1250);
    }
  }, 60_000);

  test('an order with one line that cannot be filled changes nothing', async () => {
    const plenty = await newProduct(100);
    const scarce = await newProduct(2);
    const buyer = await register(app);
    const res = await checkout(buyer, [
      { productId: plenty.id, quantity: 5 },
      { productId: scarce.id, quantity: 3 },
    ]);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([{ path: '/body/items/1', message: 'only 2 in stock' }]);
    expect(await stockOf(plenty.id)).toBe(100);
    expect(await stockOf(scarce.id)).toBe(2);
    const [count] = await sql<{ n: number }>(
      'select count(*)::int as n from orders where user_id = ?',
      [buyer.id],
    );
    expect(count?.n).toBe(0);
  });
});

describe('idempotency keys', () => {
  test('one key sent 20 times concurrently creates exactly one order; the others replay it', async () => {
    const product = await newProduct(100);
    const buyer = await register(app);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        checkout(buyer, [{ productId: product.id, quantity: 2 }], key),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(results.map((r) => r.body.data.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await stockOf(product.id)).toBe(98);
    const [count] = await sql<{ n: number }>(
      'select count(*)::int as n from orders where user_id = ?',
      [buyer.id],
    );
    expect(count?.n).toBe(1);
  }, 30_000);

  test('the same key with another body is 422; with the same body later, the stored answer', async () => {
    const product = await newProduct(100);
    const buyer = await register(app);
    const key = randomUUID();
    const first = await checkout(buyer, [{ productId: product.id, quantity: 1 }], key);
    const other = await checkout(buyer, [{ productId: product.id, quantity: 2 }], key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await checkout(buyer, [{ productId: product.id, quantity: 1 }], key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await stockOf(product.id)).toBe(99);
  });

  test('keys are scoped per user, and expire', async () => {
    const product = await newProduct(100);
    const [a, b] = [await register(app), await register(app)];
    const key = randomUUID();
    const ra = await checkout(a, [{ productId: product.id, quantity: 1 }], key);
    const rb = await checkout(b, [{ productId: product.id, quantity: 1 }], key);
    expect(rb.status).toBe(201);
    expect(rb.body.data.id).not.toBe(ra.body.data.id);
    await sql(
      `update idempotency_keys set expires_at = now() - interval '1 second' where user_id = ?`,
      [a.id],
    );
    const later = await checkout(a, [{ productId: product.id, quantity: 1 }], key);
    expect(later.status).toBe(201);
    expect(later.body.data.id).not.toBe(ra.body.data.id);
  });

  test('a missing or malformed Idempotency-Key is 400', async () => {
    const product = await newProduct(5);
    const buyer = await register(app);
    const none = await api()
      .post('/api/v1/orders')
      .set(bearer(buyer))
      .send({ items: [{ productId: product.id, quantity: 1 }] });
    expect(none.status).toBe(400);
    expect(none.body.details[0].path).toBe('/headers/idempotency-key');
    expect((await checkout(buyer, [{ productId: product.id, quantity: 1 }], 'short')).status).toBe(
      400,
    );
    expect(await stockOf(product.id)).toBe(5);
  });
});

describe('what a checkout accepts', () => {
  test.each([
    [
      'a price from the client',
      (id: string) => ({ items: [{ productId: id, quantity: 1, priceCents: 1 }] }),
    ],
    [
      'a total from the client',
      (id: string) => ({ items: [{ productId: id, quantity: 1 }], totalCents: 1 }),
    ],
    [
      'a status from the client',
      (id: string) => ({ items: [{ productId: id, quantity: 1 }], status: 'paid' }),
    ],
    ['quantity 0', (id: string) => ({ items: [{ productId: id, quantity: 0 }] })],
    ['quantity 1001', (id: string) => ({ items: [{ productId: id, quantity: 1001 }] })],
    ['no lines', () => ({ items: [] })],
    [
      '51 lines',
      () => ({
        items: Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 })),
      }),
    ],
    [
      'the same product twice',
      (id: string) => ({
        items: [
          { productId: id, quantity: 1 },
          { productId: id, quantity: 2 },
        ],
      }),
    ],
    ['an unknown product', () => ({ items: [{ productId: randomUUID(), quantity: 1 }] })],
  ])('%s is 400 and changes nothing', async (_label, body) => {
    const product = await newProduct(5);
    const buyer = await register(app);
    const res = await api()
      .post('/api/v1/orders')
      .set(bearer(buyer))
      .set('Idempotency-Key', randomUUID())
      .send(body(product.id));
    expect(res.status).toBe(400);
    expect(await stockOf(product.id)).toBe(5);
  });

  test('an archived product and mixed currencies are 400', async () => {
    const buyer = await register(app);
    const archived = await newProduct(5);
    await api().delete(`/api/v1/products/${archived.id}`).set(bearer(admin)).expect(204);
    expect((await checkout(buyer, [{ productId: archived.id, quantity: 1 }])).status).toBe(400);
    const eur = await newProduct(5);
    const usd = await newProduct(5, { currency: 'USD' });
    const mixed = await checkout(buyer, [
      { productId: eur.id, quantity: 1 },
      { productId: usd.id, quantity: 1 },
    ]);
    expect(mixed.status).toBe(400);
    expect(await stockOf(eur.id)).toBe(5);
  });

  test('prices and totals come from the products at checkout and do not change afterwards', async () => {
    const a = await newProduct(10, { priceCents: 999 });
    const b = await newProduct(10, { priceCents: 2500 });
    const buyer = await register(app);
    const res = await checkout(buyer, [
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 2 },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.data.totalCents).toBe(3 * 999 + 2 * 2500);
    expect(res.headers['location']).toBe(`/api/v1/orders/${res.body.data.id}`);
    await api()
      .patch(`/api/v1/products/${a.id}`)
      .set(bearer(admin))
      .send({ priceCents: 1 })
      .expect(200);
    const later = await api().get(`/api/v1/orders/${res.body.data.id}`).set(bearer(buyer));
    expect(later.body.data.totalCents).toBe(3 * 999 + 2 * 2500);
  });
});

describe('reading, cancelling and the workflow', () => {
  test("customers see their own orders; another customer's order is 404; admins filter by user and status", async () => {
    const product = await newProduct(50);
    const [a, b] = [await register(app), await register(app)];
    const order = (await checkout(a, [{ productId: product.id, quantity: 1 }])).body.data;
    await checkout(b, [{ productId: product.id, quantity: 1 }]);
    const mine = await api().get('/api/v1/orders').set(bearer(a));
    expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(mine.body.meta.pagination).toEqual({ page: 1, limit: 20, total: 1, totalPages: 1 });
    const theirs = await api().get(`/api/v1/orders/${order.id}`).set(bearer(b));
    expect(theirs.status).toBe(404);
    expect((await api().get(`/api/v1/orders?userId=${a.id}`).set(bearer(b))).status).toBe(403);
    const filtered = await api()
      .get(`/api/v1/orders?userId=${a.id}&status=pending`)
      .set(bearer(admin));
    expect(filtered.body.data.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await api().get(`/api/v1/orders/${order.id}`).set(bearer(admin))).status).toBe(200);
  });

  test('cancelling returns the stock exactly once, even when five cancels race', async () => {
    const product = await newProduct(10);
    const buyer = await register(app);
    const order = (await checkout(buyer, [{ productId: product.id, quantity: 4 }])).body.data;
    expect(await stockOf(product.id)).toBe(6);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api().post(`/api/v1/orders/${order.id}/cancel`).set(bearer(buyer)),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('INVALID_TRANSITION');
    expect(results.find((r) => r.status === 200)?.body.data.status).toBe('cancelled');
    expect(await stockOf(product.id)).toBe(10);
  });

  test('the workflow goes pending → paid → shipped → delivered and nowhere else', async () => {
    const product = await newProduct(10);
    const buyer = await register(app);
    const order = (await checkout(buyer, [{ productId: product.id, quantity: 1 }])).body.data;
    const move = (status: string, who: Signed = admin) =>
      api().patch(`/api/v1/orders/${order.id}/status`).set(bearer(who)).send({ status });
    expect((await move('paid', buyer)).status).toBe(403);
    expect((await move('shipped')).status).toBe(409);
    expect((await move('paid')).body.data.status).toBe('paid');
    // The owner may not cancel a paid order; an admin may.
    expect((await api().post(`/api/v1/orders/${order.id}/cancel`).set(bearer(buyer))).status).toBe(
      409,
    );
    expect((await move('shipped')).body.data.status).toBe('shipped');
    expect((await api().post(`/api/v1/orders/${order.id}/cancel`).set(bearer(admin))).status).toBe(
      409,
    );
    expect((await move('delivered')).body.data.status).toBe('delivered');
    const back = await move('paid');
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('INVALID_TRANSITION');
    expect(
      (
        await api()
          .patch(`/api/v1/orders/${order.id}/status`)
          .set(bearer(admin))
          .send({ status: 'cancelled' })
      ).status,
    ).toBe(400);
  });

  test('an admin can cancel a paid order, and its stock comes back', async () => {
    const product = await newProduct(10);
    const buyer = await register(app);
    const order = (await checkout(buyer, [{ productId: product.id, quantity: 3 }])).body.data;
    await api()
      .patch(`/api/v1/orders/${order.id}/status`)
      .set(bearer(admin))
      .send({ status: 'paid' })
      .expect(200);
    const res = await api().post(`/api/v1/orders/${order.id}/cancel`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(await stockOf(product.id)).toBe(10);
  });
});

describe('the confirmation job', () => {
  test('is queued in the same transaction as the order, and the in-process worker confirms it', async () => {
    const product = await newProduct(1);
    const buyer = await register(app);
    const order = (await checkout(buyer, [{ productId: product.id, quantity: 1 }])).body.data;
    const failed = await checkout(buyer, [{ productId: product.id, quantity: 1 }]);
    expect(failed.status).toBe(409);
    const jobs = await sql<{ order_id: string }>(
      "select data->>'orderId' as order_id from pgboss.job where name = 'order-confirmation' and data->>'orderId' = ?",
      [order.id],
    );
    expect(jobs).toHaveLength(1);
    let confirmed: Date | null = null;
    for (let i = 0; i < 80 && !confirmed; i += 1) {
      const [row] = await sql<{ confirmed_at: Date | null }>(
        'select confirmed_at from orders where id = ?',
        [order.id],
      );
      confirmed = row?.confirmed_at ?? null;
      if (!confirmed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(confirmed).not.toBeNull();
    const mails = app.logs.filter(
      (l) =>
        (l['mail'] as { subject?: string } | undefined)?.subject ===
        `Order ${order.id.slice(0, 8)} confirmed`,
    );
    expect(mails).toHaveLength(1);
  }, 20_000);

  test('checkout is throttled per user (business-flow abuse)', async () => {
    const throttled = await startTestApp({
      databaseUrl: app.config.db.url,
      env: { CHECKOUT_PER_MINUTE: '2' },
    });
    try {
      const product = await newProduct(100);
      const buyer = await register(app);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await request(throttled.url)
          .post('/api/v1/orders')
          .set(bearer(buyer))
          .set('Idempotency-Key', randomUUID())
          .send({ items: [{ productId: product.id, quantity: 1 }] });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await throttled.close();
    }
  });
});

// Last in this file: it changes the schema of this file's database for good.
describe('the release after this one drops idempotency_keys.response_status', () => {
  test('a checkout and its replay work without the column: no statement of this release names it', async () => {
    const product = await newProduct(5);
    const buyer = await register(app);
    const key = randomUUID();
    // This release leaves the column to its default (Migration20261202224500).
    const placed = await checkout(buyer, [{ productId: product.id, quantity: 1 }], key);
    expect(placed.status).toBe(201);
    expect(
      await sql<{ response_status: number }>(
        'select response_status from idempotency_keys where user_id = ?',
        [buyer.id],
      ),
    ).toEqual([{ response_status: 0 }]);

    await sql('alter table idempotency_keys drop column response_status');
    const next = await checkout(buyer, [{ productId: product.id, quantity: 2 }]);
    expect(next.status).toBe(201);
    const replayed = await checkout(buyer, [{ productId: product.id, quantity: 1 }], key);
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.data.id).toBe(placed.body.data.id);
    expect(await stockOf(product.id)).toBe(2);
  });
});
