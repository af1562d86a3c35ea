// Every sorted and filtered shape of the catalog's list query is served by an index. 30,000
// generated rows and a fresh VACUUM ANALYZE (statistics, and the visibility map that index-only
// scans need, as autovacuum keeps it in production) give the planner real inputs, and it is left
// alone: the plans asserted here are the ones PostgreSQL picks. A search (`q`) for a common term
// walks products_created_at_id_name_sku index-only, as on a million rows; the trigram indexes,
// which win for rare terms from a few hundred thousand rows on, are asserted by
// `npm run bench:catalog` on a million rows.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import {
  buildCountedPageQuery,
  buildListQuery,
  type ListFilters,
  type ListQuery,
} from '../src/api/products/products.repository.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`
    insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version)
    select gen_random_uuid(), 'GEN-' || g, (array['Red','Blue','Green','Oak','Steel'])[1 + g % 5] || ' ' || md5(g::text),
           '', (g * 37) % 100000, 'EUR', g % 50, (array['tools','garden','toys','books','music'])[1 + g % 5],
           now() - (g || ' seconds')::interval, now(), 1
      from generate_series(1, 30000) g`);
  await client.query('vacuum analyze products');
}, 60_000);

afterAll(async () => {
  await client.end();
  await database.drop();
});

async function plan(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

const none: ListFilters = {};
const shapes: [string, Partial<ListQuery>, RegExp][] = [
  ['newest first', { sort: { field: 'createdAt', descending: true } }, /products_created_at_id/],
  ['oldest first', { sort: { field: 'createdAt', descending: false } }, /products_created_at_id/],
  ['cheapest first', { sort: { field: 'priceCents', descending: false } }, /products_price_id/],
  ['by name, descending', { sort: { field: 'name', descending: true } }, /products_name_id/],
  [
    'deep cursor by price',
    {
      sort: { field: 'priceCents', descending: false },
      after: { value: 50_000, id: '3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b' },
    },
    /products_price_id/,
  ],
  [
    'deep cursor newest first',
    {
      sort: { field: 'createdAt', descending: true },
      after: {
        value: new Date(Date.now() - 20_000_000).toISOString(),
        id: '3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b',
      },
    },
    /products_created_at_id/,
  ],
  [
    'category',
    { filters: { category: 'toys' }, sort: { field: 'createdAt', descending: true } },
    /products_category_created_at_id/,
  ],
  [
    'price range by price',
    {
      filters: { minPrice: 1000, maxPrice: 2000 },
      sort: { field: 'priceCents', descending: false },
    },
    /products_price_id/,
  ],
];

describe('query plans on 30,000 products', () => {
  test.each(shapes)('%s uses an index', async (_label, shape, index) => {
    const query: ListQuery = {
      filters: none,
      sort: { field: 'createdAt', descending: true },
      limit: 20,
      ...shape,
    };
    const { sql, params } = buildListQuery(query);
    const text = await plan(sql, params);
    expect(text).toMatch(index);
    expect(text).not.toMatch(/Seq Scan/);
    if (query.after) return;
    // Page mode: the page with its count, which walks the same index.
    const counted = buildCountedPageQuery(query, 221);
    const countedPlan = await plan(counted.sql, counted.params);
    expect(countedPlan).toMatch(index);
    expect(countedPlan).not.toMatch(/Seq Scan/);
  });

  // A fifth of the names start with each colour: the page is found in the first hundred or so
  // entries of the index, tested there (no table access), and only its rows are read.
  test.each([
    [
      'search, newest first',
      'red',
      true,
      /Index Only Scan Backward using products_created_at_id_name_sku/,
    ],
    [
      'search, oldest first',
      'blue',
      false,
      /Index Only Scan using products_created_at_id_name_sku/,
    ],
  ])(
    '%s walks products_created_at_id_name_sku index-only',
    async (_label, q, descending, index) => {
      const query: ListQuery = {
        filters: { q },
        sort: { field: 'createdAt', descending },
        limit: 20,
      };
      // By cursor the page alone; in page mode the page with its count.
      for (const { sql, params } of [buildListQuery(query), buildCountedPageQuery(query, 221)]) {
        const text = await plan(sql, params);
        expect(text).toMatch(index);
        expect(text).not.toMatch(/Seq Scan/);
      }
    },
  );

  test("page mode's count reads the index only, and stops where the count does", async () => {
    const { sql, params } = buildCountedPageQuery(
      { filters: none, sort: { field: 'createdAt', descending: true }, limit: 20 },
      221,
    );
    const text = await plan(sql, params);
    // The numbering reads the index in order (no sort beneath it) and the limit stops the walk.
    expect(text).toMatch(
      /Limit[^\n]*\n\s*->\s+WindowAgg[^\n]*\n(\s+Window:[^\n]*\n)?\s*->\s+Index Only Scan Backward using products_created_at_id/,
    );
    expect(text).not.toMatch(/Seq Scan/);
  });

  test('a counted page refuses a count that would stop inside the page or its next row', () => {
    const page: ListQuery = {
      filters: none,
      sort: { field: 'createdAt', descending: true },
      limit: 20,
    };
    expect(() => buildCountedPageQuery({ ...page, offset: 40 }, 60)).toThrow(/must reach past/);
    expect(buildCountedPageQuery({ ...page, offset: 40 }, 61).params).toEqual([40, 61, 61]);
  });

  test('a deep offset page is the one shape that does not stay cheap (use the cursor)', async () => {
    const { sql, params } = buildCountedPageQuery(
      { filters: none, sort: { field: 'createdAt', descending: true }, limit: 20, offset: 10_000 },
      10_221,
    );
    const text = await plan(sql, params);
    // Still an index, but it walks 10,000 entries first: the cursor avoids exactly this. (At
    // 25,000 of these 30,000 rows PostgreSQL rightly prefers to sort the whole table instead.)
    expect(text).toMatch(/products_created_at_id/);
  });
});
