// In-process microbenchmark of the product read's database path (issue 17, ADR 0018): Node CPU
// per `GET /products/{id}` read, by way of reading, measured with process.cpuUsage() over many
// reads, the ways alternating in the same process so that a busy shared machine weighs on each
// alike. PostgreSQL's own CPU is not counted (another process); only what Node spends.
//
//   npm run bench:product-read -- [--products 2000] [--reads 2000] [--rounds 5]
//
// Ways: `fork+findOne` is the read before ADR 0018 (a RequestContext fork per request, then
// em.findOne hydrating an entity into its identity map); `lazy+findLiveRow` is the read now
// (the request's context with a fork that is never made, and the repository's plain row through
// sql.ts); `qb.execute('get')` and `em.execute` are the other ways MikroORM reads without
// hydrating, for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RequestContext } from '@mikro-orm/core';
import { entities } from '../src/api/index.ts';
import { Product } from '../src/api/products/products.model.ts';
import { createProductsRepository } from '../src/api/products/products.repository.ts';
import { loadConfig } from '../src/config/config.ts';
import { migrateUp } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createOrm } from '../src/db/orm.ts';
import { sqlRows } from '../src/db/sql.ts';
import { dbContext } from '../src/middleware/db-context.ts';
import { createLogger } from '../src/utils/logger.ts';
import { runWithRequestContext } from '../src/utils/request-context.ts';
import { freePort } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '2000' },
    reads: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
  },
});
const PRODUCTS = Number(values.products);
const READS = Number(values.reads);
const ROUNDS = Number(values.rounds);

const logger = createLogger({ level: 'silent' });
const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-bench-read-'));
const database = await startEmbeddedPostgres(
  { dir: path.join(tmp, 'pg'), port: await freePort(), database: 'bench', ephemeral: true },
  logger,
);
const orm = await createOrm(loadConfig({ NODE_ENV: 'test' }).db, database.url, logger, entities);
try {
  await migrateUp(orm, logger);
  await sqlRows(
    orm,
    `insert into products (id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version)
     select gen_random_uuid(), 'SKU-' || i, 'Product ' || i, 'A product', 100 + i, 'EUR', i % 50, 'misc', now(), now(), 1
     from generate_series(1, $1::int) as i`,
    [PRODUCTS],
  );
  const ids = (await sqlRows<{ id: string }>(orm, 'select id from products', [])).map((r) => r.id);
  const repository = createProductsRepository(orm);
  const middleware = dbContext(orm);
  const matched = { openapi: { schema: { operationId: 'getProduct' } } };
  // A request as the app runs it: the request id's context, then db-context's middleware.
  const inRequest = <T>(work: () => Promise<T>): Promise<T> =>
    runWithRequestContext({ requestId: 'bench' }, () => {
      let result!: Promise<T>;
      middleware(matched as never, {} as never, () => {
        result = work();
      });
      return result;
    });
  const live = { archivedAt: null };

  const ways: Record<string, (id: string) => Promise<unknown>> = {
    'fork+findOne': (id) =>
      RequestContext.create(orm.em, () =>
        orm.em.findOne(Product, { id, ...live }, { connectionType: 'read' }),
      ),
    'lazy+findLiveRow': (id) => inRequest(() => repository.findLiveRow(id)),
    "lazy+qb.execute('get')": (id) =>
      inRequest(() =>
        orm.em
          .createQueryBuilder(Product)
          .select('*')
          .where({ id, ...live })
          .execute('get', false),
      ),
    'lazy+em.execute': (id) =>
      inRequest(() =>
        orm.em.execute('select * from products where id = ? and archived_at is null', [id], 'get'),
      ),
  };

  const totals = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  let i = 0;
  for (const way of Object.values(ways))
    for (let w = 0; w < 200; w += 1) await way(ids[i++ % ids.length] ?? '');
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, way] of Object.entries(ways)) {
      const before = process.cpuUsage();
      for (let n = 0; n < READS; n += 1) {
        const found = await way(ids[i++ % ids.length] ?? '');
        if (found === null || found === undefined) throw new Error(`${name} found nothing`);
      }
      const used = process.cpuUsage(before);
      totals.get(name)?.push((used.user + used.system) / READS);
    }
  }
  console.log(`Node CPU µs per read, ${READS} reads × ${ROUNDS} rounds, ${PRODUCTS} products`);
  console.log('way                        median   min    max');
  for (const [name, samples] of totals) {
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const f = (n: number) => n.toFixed(0).padStart(6);
    console.log(
      `${name.padEnd(25)} ${f(median)} ${f(sorted[0] ?? NaN)} ${f(sorted.at(-1) ?? NaN)}`,
    );
  }
} finally {
  await orm.close(true);
  await database.stop();
  rmSync(tmp, { recursive: true, force: true });
}
