// The catalog through the real API: admin-only writes, ETags and conditional requests, every
// filter, sort and pagination edge, and an index behind every list query.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { bearer, register, signInAdmin, type Signed } from './helpers/auth.ts';

let app: TestApp;
let admin: Signed;
let customer: Signed;
const api = () => request(app.url);

interface P {
  id: string;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
  category: string;
  createdAt: string;
}
const catalog: P[] = [];

function product(i: number, overrides: Record<string, unknown> = {}) {
  return {
    sku: `T-${String(i).padStart(3, '0')}`,
    name: `${['Red', 'Blue', 'Green'][i % 3]} Widget ${i}`,
    description: 'A widget for tests.',
    // Several products share a price, so sorting must break ties by id.
    priceCents: 1000 + (i % 7) * 250,
    currency: 'EUR',
    stock: i % 4 === 0 ? 0 : i,
    category: i % 2 === 0 ? 'tools' : 'garden',
    ...overrides,
  };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await signInAdmin(app);
  customer = await register(app);
  for (let i = 1; i <= 45; i += 1) {
    const res = await api().post('/api/v1/products').set(bearer(admin)).send(product(i));
    expect(res.status).toBe(201);
    catalog.push(res.body.data);
  }
}, 60_000);
afterAll(() => app.close());

describe('admin writes', () => {
  test('POST answers 201 with Location and ETag', async () => {
    const res = await api().post('/api/v1/products').set(bearer(admin)).send(product(900));
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`/api/v1/products/${res.body.data.id}`);
    expect(res.headers['etag']).toMatch(/^"v1-[0-9a-f]{8}"$/);
    expect(res.body.data).toEqual(
      expect.objectContaining({
        sku: 'T-900',
        priceCents: 1000 + (900 % 7) * 250,
        currency: 'EUR',
      }),
    );
    const fetched = await api().get(res.headers['location'] as string);
    expect(fetched.body.data).toEqual(res.body.data);
  });

  test('customers get 403 and anonymous callers 401 on every write', async () => {
    const id = catalog[0]?.id;
    for (const [who, headers] of [
      [403, bearer(customer)],
      [401, {}],
    ] as const) {
      expect((await api().post('/api/v1/products').set(headers).send(product(901))).status).toBe(
        who,
      );
      expect(
        (await api().patch(`/api/v1/products/${id}`).set(headers).send({ stock: 1 })).status,
      ).toBe(who);
      expect((await api().delete(`/api/v1/products/${id}`).set(headers)).status).toBe(who);
    }
  });

  test('a duplicate SKU is 409 SKU_TAKEN', async () => {
    const res = await api().post('/api/v1/products').set(bearer(admin)).send(product(1));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SKU_TAKEN');
  });

  test("renaming a product's SKU to one another product has is 409, and changes nothing", async () => {
    const created = await api().post('/api/v1/products').set(bearer(admin)).send(product(902));
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const res = await api()
      .patch(`/api/v1/products/${id}`)
      .set(bearer(admin))
      .send({ sku: product(1).sku, stock: 77 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SKU_TAKEN');
    const after = await api().get(`/api/v1/products/${id}`);
    expect(after.body.data).toEqual(expect.objectContaining({ sku: product(902).sku, stock: 902 }));
  });

  test.each([
    ['a negative price', { priceCents: -1 }],
    ['a fractional price', { priceCents: 10.5 }],
    ['negative stock', { stock: -3 }],
    ['a currency that is not ISO 4217-shaped', { currency: 'euro' }],
    ['an unknown field', { color: 'red' }],
    ['a read-only field', { id: '3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b' }],
    ['an empty name', { name: '' }],
    ['a SKU with spaces', { sku: 'A B' }],
  ])('%s is 400', async (_label, overrides) => {
    const res = await api()
      .post('/api/v1/products')
      .set(bearer(admin))
      .send(product(950, overrides));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_ERROR');
  });
});

describe('ETags and conditional requests', () => {
  test('GET (a plain row, ADR 0018) answers what the write answered, field for field and ETag', async () => {
    const created = await api().post('/api/v1/products').set(bearer(admin)).send(product(903));
    const updated = await api()
      .patch(`/api/v1/products/${created.body.data.id}`)
      .set(bearer(admin))
      .send({ name: 'Renamed Widget', stock: 3 });
    expect(updated.status).toBe(200);
    const read = await api().get(`/api/v1/products/${created.body.data.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toStrictEqual(updated.body.data);
    expect(read.headers['etag']).toBe(updated.headers['etag']);
    expect(read.headers['etag']).toMatch(/^"v2-/);
  });

  test('GET answers a strong ETag and cache headers; If-None-Match gives 304', async () => {
    const id = catalog[1]?.id;
    const first = await api().get(`/api/v1/products/${id}`);
    expect(first.status).toBe(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{8}"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await api().get(`/api/v1/products/${id}`).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(
      (await api().get(`/api/v1/products/${id}`).set('If-None-Match', `"nope", W/${etag}`)).status,
    ).toBe(304);
    expect(
      (await api().get(`/api/v1/products/${id}`).set('If-None-Match', '"v0-00000000"')).status,
    ).toBe(200);
  });

  test('PATCH with the current ETag applies and answers a new ETag; the old one is then 412', async () => {
    const id = catalog[2]?.id;
    const read = await api().get(`/api/v1/products/${id}`);
    const etag = read.headers['etag'] as string;
    const updated = await api()
      .patch(`/api/v1/products/${id}`)
      .set(bearer(admin))
      .set('If-Match', etag)
      .send({ stock: 77 });
    expect(updated.status).toBe(200);
    expect(updated.body.data.stock).toBe(77);
    expect(updated.headers['etag']).not.toBe(etag);
    const stale = await api()
      .patch(`/api/v1/products/${id}`)
      .set(bearer(admin))
      .set('If-Match', etag)
      .send({ stock: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await api().get(`/api/v1/products/${id}`)).body.data.stock).toBe(77);
    // A cached copy is now stale: the old ETag no longer gives 304.
    expect((await api().get(`/api/v1/products/${id}`).set('If-None-Match', etag)).status).toBe(200);
  });

  test('PATCH without If-Match is accepted (last write wins, documented)', async () => {
    const id = catalog[3]?.id;
    const res = await api()
      .patch(`/api/v1/products/${id}`)
      .set(bearer(admin))
      .send({ name: 'Renamed Widget' });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe('Renamed Widget');
  });

  test('PATCH with an empty body or a read-only field is 400', async () => {
    const id = catalog[3]?.id;
    expect((await api().patch(`/api/v1/products/${id}`).set(bearer(admin)).send({})).status).toBe(
      400,
    );
    expect(
      (
        await api()
          .patch(`/api/v1/products/${id}`)
          .set(bearer(admin))
          .send({ createdAt: '2020-01-01T00:00:00Z' })
      ).status,
    ).toBe(400);
  });
});

describe('archiving', () => {
  test('DELETE archives: 204, then 404 and gone from lists, row kept, SKU free again', async () => {
    const created = (await api().post('/api/v1/products').set(bearer(admin)).send(product(960)))
      .body.data;
    expect((await api().delete(`/api/v1/products/${created.id}`).set(bearer(admin))).status).toBe(
      204,
    );
    expect((await api().get(`/api/v1/products/${created.id}`)).status).toBe(404);
    expect((await api().delete(`/api/v1/products/${created.id}`).set(bearer(admin))).status).toBe(
      404,
    );
    const listed = await api().get('/api/v1/products?q=T-960');
    expect(listed.body.data).toEqual([]);
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ archived_at: Date | null }[]>('select archived_at from products where id = ?', [
        created.id,
      ]);
    expect(row?.archived_at).not.toBeNull();
    expect(
      (await api().post('/api/v1/products').set(bearer(admin)).send(product(960))).status,
    ).toBe(201);
  });
});

type Listed = { data: P[]; meta: { pagination: Record<string, unknown> } };
const list = async (query: string): Promise<request.Response & { body: Listed }> =>
  api().get(`/api/v1/products?${query}`);

/** Walks every page with cursors and returns the ids in order. */
async function walk(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const res = await list(
      `${query}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((p: P) => p.id));
    cursor = res.body.meta.pagination['nextCursor'] as string | null;
    if (!cursor) return ids;
  }
  throw new Error('cursor walk did not end');
}

const live = () => catalog;

describe('listing', () => {
  test('the default is newest first, 20 per page, with totals and a public cache header', async () => {
    const res = await list('q=T-0');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=15');
    expect(res.body.data).toHaveLength(20);
    expect(res.body.meta.pagination).toEqual({
      page: 1,
      limit: 20,
      total: 45,
      totalPages: 3,
      nextCursor: expect.any(String),
    });
    const created = res.body.data.map((p: P) => p.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  test.each(['priceCents', '-priceCents', 'name', '-name', 'createdAt', '-createdAt'])(
    'sort=%s orders the rows with a stable tie-break, and a cursor walk visits each row once',
    async (sort) => {
      const field = sort.replace('-', '') as 'priceCents' | 'name' | 'createdAt';
      const desc = sort.startsWith('-');
      const res = await list(`q=T-0&sort=${sort}&limit=100`);
      const rows = res.body.data;
      for (let k = 1; k < rows.length; k += 1) {
        const a = rows[k - 1] as P;
        const b = rows[k] as P;
        const primary = a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0;
        const order = primary !== 0 ? primary : a.id < b.id ? -1 : 1;
        expect(desc ? -order : order).toBe(-1);
      }
      expect(await walk(`q=T-0&sort=${sort}`)).toEqual(rows.map((p: P) => p.id));
    },
  );

  test('q matches name or SKU, case-insensitively, with LIKE wildcards taken literally', async () => {
    const red = await list('q=rEd%20widget&limit=100');
    expect(red.body.data.every((p: P) => p.name.toLowerCase().includes('red widget'))).toBe(true);
    const seededRed = catalog.filter((p: P) => p.name.startsWith('Red')).map((p: P) => p.id);
    expect(red.body.data.map((p: P) => p.id)).toEqual(expect.arrayContaining(seededRed));
    const bySku = await list('q=t-04');
    expect(bySku.body.data.map((p: P) => p.sku).sort()).toEqual([
      'T-040',
      'T-041',
      'T-042',
      'T-043',
      'T-044',
      'T-045',
    ]);
    expect((await list('q=%25')).body.data).toEqual([]);
    expect((await list('q=T_0')).body.data).toEqual([]);
  });

  test('minPrice and maxPrice are inclusive bounds', async () => {
    const res = await list('q=T-0&minPrice=1500&maxPrice=2000&limit=100');
    const expected = live().filter((p: P) => p.priceCents >= 1500 && p.priceCents <= 2000);
    expect(res.body.data.map((p: P) => p.id).sort()).toEqual(expected.map((p: P) => p.id).sort());
    expect(res.body.data.length).toBeGreaterThan(0);
  });

  test('inStock=true and inStock=false split the catalog', async () => {
    const yes = await list('q=T-0&inStock=true&limit=100');
    const no = await list('q=T-0&inStock=false&limit=100');
    expect(yes.body.data.every((p: P) => p.stock > 0)).toBe(true);
    expect(no.body.data.every((p: P) => p.stock === 0)).toBe(true);
    expect(yes.body.data.length + no.body.data.length).toBe(45);
  });

  test('category filters, and combines with the others', async () => {
    const res = await list('q=T-0&category=tools&inStock=true&sort=priceCents&limit=100');
    const expected = catalog.filter((p: P) => p.category === 'tools' && p.stock > 0);
    expect(res.body.data.map((p: P) => p.id).sort()).toEqual(expected.map((p: P) => p.id).sort());
  });

  test('pages: the last page has no next cursor, a page past the end is empty with the total', async () => {
    const last = await list('q=T-0&page=3');
    expect(last.body.data).toHaveLength(5);
    expect(last.body.meta.pagination).toEqual({
      page: 3,
      limit: 20,
      total: 45,
      totalPages: 3,
      nextCursor: null,
    });
    const past = await list('q=T-0&page=9');
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.pagination['total']).toBe(45);
    expect(past.body.meta.pagination).not.toHaveProperty('totalExact');
    const none = await list('q=no-such-thing');
    expect(none.body.meta.pagination).toEqual({
      page: 1,
      limit: 20,
      total: 0,
      totalPages: 0,
      nextCursor: null,
    });
  });

  test('page mode counts ten pages ahead: beyond, total is a lower bound, unless exactTotal', async () => {
    // 45 matches, 2 per page: page 1 counts up to 22 (its page and ten more), stops at 23.
    const meta = async (query: string) =>
      (await list(`q=T-0&limit=2&${query}`)).body.meta.pagination;
    expect(await meta('')).toEqual({
      page: 1,
      limit: 2,
      total: 23,
      totalExact: false,
      totalPages: 12,
      nextCursor: expect.any(String),
    });
    // An exact total answers no `totalExact` at all (the fields of v0.1.0's closed schema).
    const exact = async (query: string, expected: Record<string, unknown>) => {
      const got = await meta(query);
      expect(got).toEqual(expect.objectContaining(expected));
      expect(got).not.toHaveProperty('totalExact');
    };
    await exact('exactTotal=true', { total: 45, totalPages: 23 });
    // Deeper pages count further (page 5: up to 30), always past the current page.
    expect(await meta('page=5')).toEqual(
      expect.objectContaining({ page: 5, total: 31, totalExact: false, totalPages: 16 }),
    );
    // Within ten pages of the end the count reaches it: exact.
    await exact('page=13', { total: 45, totalPages: 23 });
    // The last page tells the total, and so does a page past the end (it counts to the end).
    const last = await list('q=T-0&limit=2&page=23');
    expect(last.body.data).toHaveLength(1);
    expect(last.body.meta.pagination).toEqual(
      expect.objectContaining({ total: 45, nextCursor: null }),
    );
    expect(last.body.meta.pagination).not.toHaveProperty('totalExact');
    await exact('page=40', { total: 45 });
    // Cursor mode answers no total, with or without exactTotal.
    const cursor = (await meta('')).nextCursor as string;
    expect(await meta(`exactTotal=true&cursor=${cursor}`)).toEqual({
      limit: 2,
      nextCursor: expect.any(String),
    });
  });

  test('cursor pages carry only limit and nextCursor', async () => {
    const first = await list('q=T-0&limit=40');
    const second = await list(
      `q=T-0&limit=40&cursor=${first.body.meta.pagination['nextCursor'] as string}`,
    );
    expect(second.body.data).toHaveLength(5);
    expect(second.body.meta.pagination).toEqual({ limit: 40, nextCursor: null });
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['page=0', 'page'],
    ['minPrice=-1', 'minPrice'],
    ['sort=price', 'sort'],
    ['inStock=maybe', 'inStock'],
    ['color=red', 'color'],
  ])('%s is 400', async (query, field) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe(`/query/${field}`);
  });

  test('limit=100 is allowed', async () => {
    expect((await list('limit=100')).status).toBe(200);
  });

  test('an invalid cursor is 400: garbage, tampered, or from another query', async () => {
    const cursor = (await list('q=T-0&sort=name')).body.meta.pagination['nextCursor'] as string;
    const tampered = (change: (bytes: Buffer) => Buffer) =>
      change(Buffer.from(cursor, 'base64url')).toString('base64url');
    for (const query of [
      'cursor=not-a-cursor',
      // Another filter fingerprint, a name that is not UTF-8, a cut-off record.
      `q=T-0&sort=name&cursor=${tampered((b) => Buffer.concat([b.subarray(0, 5), Buffer.from([b[5]! ^ 0xff]), b.subarray(6)]))}`,
      `q=T-0&sort=name&cursor=${tampered((b) => Buffer.concat([b, Buffer.from([0xff])]))}`,
      `q=T-0&sort=name&cursor=${tampered((b) => b.subarray(0, 20))}`,
      `q=T-0&sort=name&cursor=${cursor}=`,
      `q=T-0&sort=-name&cursor=${cursor}`,
      `q=T-1&sort=name&cursor=${cursor}`,
      `q=T-0&sort=name&page=2&cursor=${cursor}`,
    ]) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.details[0].path).toBe('/query/cursor');
    }
  });
});
