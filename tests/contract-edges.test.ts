// Requests the contract calls valid, at its edges: the largest order, a catalog walked by cursor
// past the longest names, an empty price range, a SKU clash on update, and valid requests that a
// domain rule refuses. Each answer must be one the contract documents, with the response
// validator on (the test default), so a bound or a code that the contract gets wrong shows up
// here as a 500 or an undocumented answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register, signInAdmin, type Signed } from './helpers/auth.ts';
import { documentedCodes, operation, property } from './helpers/contract-schemas.ts';

let app: TestApp;
let admin: Signed;
const api = () => request(app.url);

/** The contract's own limits, read from the bundle rather than retyped. */
const newProductSchema = operation('createProduct').body();
const MAX_PRICE = property(newProductSchema, 'priceCents').maximum!;
const MAX_NAME = property(newProductSchema, 'name').maxLength!;
const orderLines = property(operation('createOrder').body(), 'items');
const MAX_LINES = orderLines.maxItems!;
const MAX_QUANTITY = property(orderLines.items!, 'quantity').maximum!;
const CURSOR_MAX = operation('listProducts').parameter('cursor').schema.maxLength!;

beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAdmin(app);
}, 30_000);
afterAll(() => app.close());

async function newProduct(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await api()
    .post('/api/v1/products')
    .set(bearer(admin))
    .send({
      sku: `E-${randomUUID().slice(0, 8)}`,
      name: 'Edge',
      priceCents: 100,
      currency: 'EUR',
      stock: 10,
      category: 'edges',
      ...overrides,
    });
  expect(res.status).toBe(201);
  return res.body.data;
}

describe('the largest order the contract allows', () => {
  test('two lines of 1,000 at the highest price are placed, with the exact total', async () => {
    const buyer = await register(app);
    const items = [];
    for (let i = 0; i < 2; i += 1) {
      const p = await newProduct({ priceCents: MAX_PRICE, stock: MAX_QUANTITY });
      items.push({ productId: p.id, quantity: MAX_QUANTITY });
    }
    const res = await api()
      .post('/api/v1/orders')
      .set(bearer(buyer))
      .set('Idempotency-Key', randomUUID())
      .send({ items });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 201, code: undefined });
    expect(res.body.data.totalCents).toBe(2 * MAX_QUANTITY * MAX_PRICE);
  });

  test('50 lines of 1,000 at the highest price: the total is exact, and reads back the same', async () => {
    const buyer = await register(app);
    const items = [];
    for (let i = 0; i < MAX_LINES; i += 1) {
      const p = await newProduct({ priceCents: MAX_PRICE, stock: MAX_QUANTITY });
      items.push({ productId: p.id, quantity: MAX_QUANTITY });
    }
    const total = MAX_LINES * MAX_QUANTITY * MAX_PRICE;
    expect(Number.isSafeInteger(total)).toBe(true);
    const res = await api()
      .post('/api/v1/orders')
      .set(bearer(buyer))
      .set('Idempotency-Key', randomUUID())
      .send({ items });
    expect(res.status).toBe(201);
    expect(res.body.data.totalCents).toBe(total);
    const read = await api().get(`/api/v1/orders/${res.body.data.id}`).set(bearer(buyer));
    expect(read.status).toBe(200);
    expect(read.body.data.totalCents).toBe(total);
    const listed = await api().get('/api/v1/orders').set(bearer(buyer));
    expect(listed.status).toBe(200);
    expect(listed.body.data[0].totalCents).toBe(total);
  }, 60_000);
});

describe('cursor pagination over the longest names', () => {
  /** Walks the whole catalog of this query by cursor; every step must be a 200. */
  async function walk(query: string): Promise<{ names: string[]; longest: number }> {
    const names: string[] = [];
    let longest = 0;
    let cursor: string | null = null;
    for (let step = 0; step < 20; step += 1) {
      const res = await api()
        .get('/api/v1/products')
        .query(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect({ step, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({
        step,
        status: 200,
        body: 'ok',
      });
      names.push(...res.body.data.map((p: { name: string }) => p.name));
      cursor = res.body.meta.pagination.nextCursor as string | null;
      if (cursor === null) return { names, longest };
      longest = Math.max(longest, cursor.length);
    }
    throw new Error('the walk did not end');
  }

  test.each([
    ['4-byte characters (emoji)', '😀'],
    ['CJK characters', '漢'],
    ['control characters, which JSON would escape to six bytes each', '\u0001'],
    ['quotes and backslashes', '"\\'],
  ])('names of %s: every nextCursor is accepted back, to the last page', async (_label, unit) => {
    const category = `walk-${randomUUID().slice(0, 8)}`;
    const name = [...unit.repeat(MAX_NAME)].slice(0, MAX_NAME).join('');
    const names = [`${name.slice(0, -2)}a`, name, `${name.slice(0, -2)}b`];
    for (const n of names) await newProduct({ name: n, category });
    for (const sort of ['name', '-name', 'priceCents', '-createdAt']) {
      const walked = await walk(`category=${category}&sort=${sort}`);
      expect(walked.names.sort()).toEqual([...names].sort());
      // What the contract promises about nextCursor (and accepts as cursor) holds.
      expect(walked.longest).toBeLessThanOrEqual(CURSOR_MAX);
    }
  });
});

describe('price ranges', () => {
  test('minPrice above maxPrice is an empty range: 200 with an empty page', async () => {
    const category = `range-${randomUUID().slice(0, 8)}`;
    await newProduct({ priceCents: 300, category });
    const res = await api().get(`/api/v1/products?category=${category}&minPrice=500&maxPrice=100`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination).toEqual({
      page: 1,
      limit: 20,
      total: 0,
      totalPages: 0,
      nextCursor: null,
    });
  });

  test('the parameter descriptions say so', () => {
    const op = operation('listProducts');
    expect(op.parameter('minPrice').description).toMatch(/empty/i);
    expect(op.parameter('maxPrice').description).toMatch(/empty/i);
  });

  test('prices above 2^31 can be filtered for, up to the highest price', async () => {
    const category = `dear-${randomUUID().slice(0, 8)}`;
    const dear = await newProduct({ priceCents: MAX_PRICE, category });
    const res = await api().get(
      `/api/v1/products?category=${category}&minPrice=${MAX_PRICE}&maxPrice=${MAX_PRICE}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([dear.id]);
  });
});

describe('a SKU clash on update', () => {
  test('PATCH to a SKU another live product has answers 409 SKU_TAKEN, documented on the operation', async () => {
    const taken = await newProduct();
    const other = await newProduct();
    const sku = (await api().get(`/api/v1/products/${taken.id}`)).body.data.sku as string;
    const res = await api().patch(`/api/v1/products/${other.id}`).set(bearer(admin)).send({ sku });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SKU_TAKEN');
    expect(documentedCodes('updateProduct', 409)).toContain('SKU_TAKEN');
    expect(operation('updateProduct').description).toContain('SKU_TAKEN');
  });
});

describe('valid requests that a domain rule refuses answer a documented domain code', () => {
  function refused(res: request.Response, operationId: string, code: string) {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(documentedCodes(operationId, 400)).toContain(code);
  }

  test('a cursor that cannot continue the query is 400 INVALID_CURSOR, also with page', async () => {
    const category = `cursor-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 2; i += 1) await newProduct({ category });
    const first = await api().get(`/api/v1/products?category=${category}&limit=1`);
    const cursor = first.body.meta.pagination.nextCursor as string;
    refused(
      await api().get(`/api/v1/products?category=${category}&limit=1&page=1&cursor=${cursor}`),
      'listProducts',
      'INVALID_CURSOR',
    );
    refused(
      await api().get(`/api/v1/products?category=${category}&limit=1&cursor=not-a-cursor`),
      'listProducts',
      'INVALID_CURSOR',
    );
  });

  test('an order naming a product twice, an unknown product or two currencies: its own code', async () => {
    const buyer = await register(app);
    const eur = await newProduct();
    const usd = await newProduct({ currency: 'USD' });
    const checkout = (items: { productId: string; quantity: number }[]) =>
      api()
        .post('/api/v1/orders')
        .set(bearer(buyer))
        .set('Idempotency-Key', randomUUID())
        .send({ items });
    refused(
      await checkout([
        { productId: eur.id, quantity: 1 },
        { productId: eur.id, quantity: 2 },
      ]),
      'createOrder',
      'DUPLICATE_PRODUCT',
    );
    refused(
      await checkout([{ productId: randomUUID(), quantity: 1 }]),
      'createOrder',
      'UNKNOWN_PRODUCT',
    );
    refused(
      await checkout([
        { productId: eur.id, quantity: 1 },
        { productId: usd.id, quantity: 1 },
      ]),
      'createOrder',
      'MIXED_CURRENCIES',
    );
  });
});

describe('where a domain error points', () => {
  test('an order error points at its lines: /body/items/{i}/productId, /body/items/{i}, /body/items', async () => {
    const buyer = await register(app);
    const eur = await newProduct();
    const usd = await newProduct({ currency: 'USD' });
    const scarce = await newProduct({ stock: 1 });
    const checkout = (items: { productId: string; quantity: number }[]) =>
      api()
        .post('/api/v1/orders')
        .set(bearer(buyer))
        .set('Idempotency-Key', randomUUID())
        .send({ items });
    const pointed = (res: { status: number; body: { code?: string; details?: unknown } }) => ({
      status: res.status,
      code: res.body.code,
      paths: (res.body.details as { path: string }[] | undefined)?.map((d) => d.path),
    });

    // The second and third lines repeat the first product.
    expect(
      pointed(
        await checkout([
          { productId: eur.id, quantity: 1 },
          { productId: eur.id, quantity: 2 },
          { productId: eur.id, quantity: 3 },
        ]),
      ),
    ).toEqual({
      status: 400,
      code: 'DUPLICATE_PRODUCT',
      paths: ['/body/items/1/productId', '/body/items/2/productId'],
    });
    // Only the second line names a product that does not exist.
    expect(
      pointed(
        await checkout([
          { productId: eur.id, quantity: 1 },
          { productId: randomUUID(), quantity: 1 },
        ]),
      ),
    ).toEqual({ status: 400, code: 'UNKNOWN_PRODUCT', paths: ['/body/items/1/productId'] });
    // Two currencies: the lines as a whole.
    expect(
      pointed(
        await checkout([
          { productId: eur.id, quantity: 1 },
          { productId: usd.id, quantity: 1 },
        ]),
      ),
    ).toEqual({ status: 400, code: 'MIXED_CURRENCIES', paths: ['/body/items'] });
    // The second line asks for more than there is.
    expect(
      pointed(
        await checkout([
          { productId: eur.id, quantity: 1 },
          { productId: scarce.id, quantity: 2 },
        ]),
      ),
    ).toEqual({ status: 409, code: 'INSUFFICIENT_STOCK', paths: ['/body/items/1'] });
  });

  test('a weak new password is 400 WEAK_PASSWORD with its detail at /body/newPassword', async () => {
    const user = await register(app);
    const res = await api()
      .post('/api/v1/auth/password')
      .set(bearer(user))
      .send({ currentPassword: user.password, newPassword: 'password123' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.details).toEqual([expect.objectContaining({ path: '/body/newPassword' })]);
  });
});
