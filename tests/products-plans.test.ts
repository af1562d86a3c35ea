// Every sorted and filtered shape of the catalog's list query is served by an index. 30,000
// generated rows and a fresh VACUUM ANALYZE (statistics, and the visibility map that index-only
// scans need, as autovacuum keeps it in production) give the planner real inputs, and it is left
// alone: the plans asserted here are the ones PostgreSQL picks. A search (`q`) for a common term
// walks products_created_at_id_name_sku index-only, as on a million rows; a rare term goes to the
// trigram indexes as its probe (below, and `npm run bench:catalog` on a million rows).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { entities } from '../src/api/index.ts';
import {
  buildCountedPageQuery,
  buildCountQuery,
  buildListQuery,
  createProductsRepository,
  takeSearchSample,
  type ListFilters,
  type ListQuery,
} from '../src/api/products/products.repository.ts';
import { searchProbe, type SearchSample } from '../src/api/products/products.search.ts';
import { loadConfig } from '../src/config/config.ts';
import { createOrm, type Orm } from '../src/db/orm.ts';
import { createLogger } from '../src/utils/logger.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let database: TestDatabase;
let client: pg.Client;
let orm: Orm | undefined;

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
  await orm?.close();
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

// A rare term goes to the trigram indexes as its probe (products.search.ts, ADR 0015): the
// sample comes from this table the way the repository takes it, the plans are PostgreSQL's own,
// and every answer is compared with the statement that asks the index for the whole term.
describe('a rare term through its probe', () => {
  let sample: SearchSample;
  const newest = { field: 'createdAt', descending: true } as const;
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => [r['id'], r['total']]);

  beforeAll(async () => {
    sample = await takeSearchSample(async (sql, params) => (await client.query(sql, params)).rows);
  });

  test('leaves out the trigrams every row shares, and PostgreSQL asks the index for the rest', async () => {
    // Every SKU starts with `GEN-`; this one is 1 of 30,000.
    const probe = searchProbe(sample, 'GEN-12345');
    // Its digits; `gen` (in every row) is left out.
    expect(probe?.sku).toMatch(/^%[0-9]{3,5}%$/);
    const cond = `Index Cond: \\(\\(sku\\)::text ~~\\* '${probe?.sku}'::text\\)`;
    const query: ListQuery = { filters: { q: 'GEN-12345' }, sort: newest, limit: 20, probe };
    for (const { sql, params } of [
      buildCountedPageQuery(query, 221),
      buildListQuery(query),
      buildCountQuery(query.filters, probe),
    ]) {
      const text = await plan(sql, params);
      expect(text).toMatch(
        new RegExp(`Bitmap Index Scan on products_sku_trgm[^\\n]*\\n\\s*${cond}`),
      );
      expect(text).not.toMatch(/Seq Scan|Index Only Scan/);
    }
  });

  test.each([
    ['a SKU', 'GEN-12345'],
    ['a SKU in other case', 'gen-1234'],
    ['a piece of a hash', ''],
    ['across a space', ''],
    ['a term nothing holds', 'Oak 0000zz'],
  ])('answers as the whole term does: %s', async (_label, given) => {
    // The hash pieces come from a row, so the term is in the table.
    const { rows: picked } = await client.query<{ name: string }>(
      `select name from products where sku = 'GEN-777'`,
    );
    const name = picked[0]?.name ?? '';
    const term = given || (_label === 'across a space' ? name.slice(2, 12) : name.slice(9, 17));
    const probe = searchProbe(sample, term);
    expect(probe).toBeDefined();
    for (const sort of [newest, { field: 'name', descending: false } as const]) {
      const query: ListQuery = { filters: { q: term }, sort, limit: 3, offset: 0 };
      for (const build of [
        (q: ListQuery) => buildCountedPageQuery(q, 34),
        (q: ListQuery) => buildListQuery(q),
      ]) {
        const plain = build(query);
        const probed = build({ ...query, probe });
        const [a, b] = await Promise.all([
          client.query(plain.sql, plain.params),
          client.query(probed.sql, probed.params),
        ]);
        expect(ids(b.rows)).toEqual(ids(a.rows));
      }
    }
    const plainCount = buildCountQuery({ q: term });
    const probedCount = buildCountQuery({ q: term }, probe);
    const [a, b] = await Promise.all([
      client.query(plainCount.sql, plainCount.params),
      client.query(probedCount.sql, probedCount.params),
    ]);
    expect(b.rows[0]?.total).toBe(a.rows[0]?.total);
    if (_label !== 'a term nothing holds') expect(Number(a.rows[0]?.total)).toBeGreaterThan(0);
  });

  test('the repository takes its sample and probes rare terms, answering as the whole term does', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
    orm = await createOrm(config.db, database.url, createLogger({ level: 'silent' }), entities);
    const repository = createProductsRepository(orm);
    await repository.sampleForSearch();
    const query = { filters: { q: 'GEN-2999' }, sort: newest, limit: 5, offset: 0 };
    const page = await repository.countedPage(query, 56);
    // GEN-2999 and GEN-29990 … GEN-29999: eleven SKUs.
    expect(page.total).toBe(11);
    expect(page.rows.map((r) => r.sku)).toEqual([
      'GEN-2999',
      'GEN-29990',
      'GEN-29991',
      'GEN-29992',
      'GEN-29993',
    ]);
    expect(await repository.count(query.filters)).toBe(11);
    const after = page.rows.at(-1);
    if (!after) throw new Error('no page');
    const next = await repository.list({
      ...query,
      offset: undefined,
      after: { value: after.createdAt.toISOString(), id: after.id },
    });
    expect(next.rows.map((r) => r.sku)).toEqual([
      'GEN-29994',
      'GEN-29995',
      'GEN-29996',
      'GEN-29997',
      'GEN-29998',
    ]);
  });
});

// The sample starts at a random id and wraps round to the first ids: whatever the id drawn, a
// catalog smaller than SAMPLE_ROWS is sampled whole, and archived products are left out.
test('a small catalog is sampled whole, wherever the random id falls', async () => {
  const small = await createTestDatabase();
  const c = new pg.Client({ connectionString: small.url });
  await c.connect();
  try {
    await c.query(`
      insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version, archived_at)
      select gen_random_uuid(), 'S-' || g, 'Small ' || g, '', 100, 'EUR', 1, 'tools', now(), now(), 1,
             case when g % 10 = 0 then now() end
        from generate_series(1, 50) g`);
    const run = async (sql: string, params: unknown[]) =>
      (await c.query<Record<string, unknown>>(sql, params)).rows;
    // Twenty draws: a sample that kept only the rows after the id drawn would miss some.
    for (let i = 0; i < 20; i += 1) {
      const sample = await takeSearchSample(run);
      expect(sample.rows).toBe(45);
      expect(new Set(sample.sku.values).size).toBe(45);
      expect(sample.sku.values).not.toContain('s-10');
    }
  } finally {
    await c.end();
    await small.drop();
  }
});
