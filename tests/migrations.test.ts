// Migrations are versioned with up and down: rolling all of them back leaves an empty schema,
// applying them again rebuilds it, and the result matches the entities exactly (no drift, so
// `npm run db:migration:create` on a migrated database has nothing to write).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../src/config/config.ts';
import { entities } from '../src/api/index.ts';
import { createOrm, type Orm } from '../src/db/orm.ts';
import { createLogger } from '../src/utils/logger.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let database: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
  orm = await createOrm(config.db, database.url, createLogger({ level: 'silent' }), entities);
});
afterAll(async () => {
  await orm.close(true);
  await database.drop();
});

async function tables(): Promise<string[]> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ table_name: string }[]>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations' order by 1",
    );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  test('the migrated schema matches the entities (no drift)', async () => {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  test('down to zero empties the schema; up rebuilds it identically', async () => {
    const before = await tables();
    expect(before).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'refresh_tokens',
        'audit_events',
        'rate_limits',
        'products',
      ]),
    );
    const undone = await orm.migrator.down({ to: 0 });
    expect(undone.length).toBeGreaterThanOrEqual(2);
    expect(await tables()).toEqual([]);
    await orm.migrator.up();
    expect(await tables()).toEqual(before);
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});
