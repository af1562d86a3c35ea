// Opens the database the configuration asks for: DATABASE_URL when set, otherwise the embedded
// PostgreSQL. Applies pending migrations when configured to, and closes everything in order.
import type { Config } from '../config/config.ts';
import type { Logger } from '../utils/logger.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';
import { createOrm, type Entities, type Orm } from './orm.ts';

export interface Database {
  orm: Orm;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  logger: Logger,
  entities: Entities,
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  const url =
    config.db.url ?? (embedded = await startEmbeddedPostgres(config.db.embedded, logger)).url;
  try {
    const orm = await createOrm(config.db, url, logger, entities);
    if (config.db.migrateOnStart) await migrateUp(orm, logger);
    return {
      orm,
      url,
      embedded: embedded !== undefined,
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export async function migrateUp(orm: Orm, logger: Logger): Promise<string[]> {
  const applied = await orm.migrator.up();
  if (applied.length > 0)
    logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  return applied.map((m) => m.name);
}
