// What the ORM and its pool would otherwise do on the first requests after start-up, done
// before the server listens. Reads nothing anyone stored and writes nothing.
import { ObjectHydrator } from '@mikro-orm/core';
import type { Orm } from './orm.ts';

/**
 * Opens `count` pooled connections at once and runs `work` once on each. pg-pool opens a
 * connection only when a query finds none idle (DB_POOL_MIN only stops idle ones from closing),
 * and PostgreSQL loads its catalog entries (tables, indexes, the queue's partitions) per
 * connection: without this, the first request to need two connections at once (a login's two
 * lockout lookups) waits while the second opens, and the first query of each shape on a
 * connection costs several times the next. While `work` runs, every other connection stays
 * checked out, so the pool hands it that one. Rejects, with every connection released, if the
 * database cannot be reached or `work` fails. Resolves with the pool's size.
 */
export async function warmEachPoolConnection(
  orm: Orm,
  count: number,
  work: () => Promise<unknown>,
): Promise<number> {
  const pool = await orm.em.getConnection().getNativeClient();
  const opened = await Promise.allSettled(Array.from({ length: count }, () => pool.connect()));
  const held = new Set(opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])));
  try {
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    for (const client of [...held]) {
      held.delete(client);
      client.release(); // now the only idle connection
      await work();
      held.add(await pool.connect()); // takes it back: the next round runs on another
    }
  } finally {
    for (const client of held) client.release();
  }
  return pool.totalCount;
}

/**
 * MikroORM generates, with `new Function`, a hydrator, a comparator, a snapshot generator, a
 * result mapper and primary-key accessors per entity, each the first time an operation needs
 * it. These are the functions `mikro-orm compile` captures (its CompileCommand runs this very
 * loop), built here on the ORM's own cached hydrator and comparator. Returns how many entities.
 */
export function compileEntityFunctions(orm: Orm): number {
  const hydrator = orm.config.getHydrator(orm.getMetadata());
  const comparator = orm.config.getComparator(orm.getMetadata());
  if (!(hydrator instanceof ObjectHydrator))
    throw new Error('ORM warm-up: the hydrator is not MikroORM’s ObjectHydrator any more');
  let count = 0;
  for (const meta of orm.getMetadata()) {
    for (const normalizeAccessors of [false, true]) {
      hydrator.getEntityHydrator(meta, 'full', normalizeAccessors);
      if (!meta.embeddable && !meta.virtual)
        hydrator.getEntityHydrator(meta, 'reference', normalizeAccessors);
    }
    comparator.getEntityComparator(meta.class);
    comparator.getSnapshotGenerator(meta.class);
    comparator.getResultMapper(meta);
    if (meta.primaryKeys.length > 0) {
      comparator.getPkGetter(meta);
      comparator.getPkGetterConverted(meta);
      comparator.getPkSerializer(meta);
    }
    count += 1;
  }
  return count;
}

/**
 * Runs, per entity, a find and a count whose condition no row can meet (`in ()`, which MikroORM
 * sends as `1 = 0`): MikroORM's query building, SQL generation and result handling run once,
 * and PostgreSQL loads the table's catalog entries on that connection, with no row read.
 */
export async function readNothingFromEachEntity(orm: Orm): Promise<number> {
  const em = orm.em.fork();
  let count = 0;
  for (const meta of orm.getMetadata()) {
    if (meta.embeddable || meta.virtual || meta.primaryKeys.length === 0) continue;
    const nothing = { [meta.primaryKeys[0]!]: { $in: [] } } as never;
    await em.find(meta.class, nothing, { limit: 1 });
    await em.count(meta.class, nothing);
    count += 1;
  }
  return count;
}
