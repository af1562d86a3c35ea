// Loads realistic demo products (faker) into the configured database. Idempotent: product i
// always gets SKU SEED-<i> and the same data, and existing SKUs are left alone, so running it
// twice changes nothing and `--count` only ever adds what is missing.
//   npm run db:seed                      200 products
//   npm run db:seed -- --count 1000000   large loads, in batched multi-row inserts
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { faker } from '@faker-js/faker';
import { createRuntime, loadProcessConfig } from '../src/runtime.ts';
import { createLogger } from '../src/utils/logger.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    batch: { type: 'string', default: '5000' },
  },
});
const count = Number(values.count);
const batchSize = Number(values.batch);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  count > 10_000_000 ||
  !Number.isInteger(batchSize) ||
  batchSize < 1
) {
  console.error('--count must be an integer from 1 to 10000000, --batch a positive integer');
  process.exit(2);
}

const CATEGORIES = [
  'books',
  'clothing',
  'electronics',
  'furniture',
  'garden',
  'grocery',
  'health',
  'home',
  'jewelery',
  'kitchen',
  'music',
  'office',
  'outdoors',
  'shoes',
  'sports',
  'tools',
  'toys',
  'automotive',
  'beauty',
  'games',
];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'GBP'];
/** Creation times spread over two years before this fixed date, so reruns agree. */
const EPOCH = Date.parse('2026-11-01T00:00:00.000Z');

function seedProduct(i: number) {
  faker.seed(i);
  return {
    id: randomUUID(),
    sku: `SEED-${String(i).padStart(7, '0')}`,
    name: faker.commerce.productName(),
    description: faker.commerce.productDescription(),
    priceCents: faker.number.int({ min: 99, max: 250_000 }),
    currency: faker.helpers.arrayElement(CURRENCIES),
    stock: faker.helpers.weightedArrayElement([
      { weight: 1, value: 0 },
      { weight: 9, value: faker.number.int({ min: 1, max: 500 }) },
    ]),
    category: faker.helpers.arrayElement(CATEGORIES),
    createdAt: new Date(
      EPOCH - Math.floor((i * 63_072_000_000) / Math.max(count, 1)) - faker.number.int(59_999),
    ),
  };
}

const config = loadProcessConfig({ DB_MIGRATE_ON_START: 'true' });
const logger = createLogger({ level: 'warn', service: 'seed' });
const db = await createRuntime(config, { logger, parts: {} });
const pool = await db.orm.em.getConnection().getNativeClient();

const started = Date.now();
let inserted = 0;
try {
  // Seeds go in order, so the ones already there are 1..existing: start after them.
  const { rows } = await pool.query<{ n: number }>(
    "select count(*)::int as n from products where sku like 'SEED-%' and archived_at is null",
  );
  const existing = Math.min(rows[0]?.n ?? 0, count);
  for (let start = existing + 1; start <= count; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, count - start + 1) }, (_, k) =>
      seedProduct(start + k),
    );
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    const result = await pool.query(
      `insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version)
       select id, sku, name, description, price_cents, currency, stock, category, created_at, created_at, 1
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])
           as t(id, sku, name, description, price_cents, currency, stock, category, created_at)
       on conflict (sku) where archived_at is null do nothing`,
      [
        column('id'),
        column('sku'),
        column('name'),
        column('description'),
        column('priceCents'),
        column('currency'),
        column('stock'),
        column('category'),
        column('createdAt'),
      ],
    );
    inserted += result.rowCount ?? 0;
    if (count >= 50_000)
      process.stdout.write(`\r${Math.min(start + batchSize - 1, count)}/${count}`);
  }
  await pool.query('analyze products');
  if (count >= 50_000) process.stdout.write('\n');
  console.log(
    `seeded ${inserted} new products (${count - inserted} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await db.close();
}
