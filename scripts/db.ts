// Database migrations on the configured database (DATABASE_URL, or the embedded one).
//   node scripts/db.ts migrate              apply every pending migration
//   node scripts/db.ts rollback [--to X]    undo the last migration (or down to X)
//   node scripts/db.ts status               list executed and pending migrations
//   node scripts/db.ts create [name] [--blank]
//       write a new migration with the SQL that brings the database to the entities;
//       pending migrations are applied first, since the diff is taken against the live schema.
import { parseArgs } from 'node:util';
import { migrateUp } from '../src/db/database.ts';
import { createRuntime, loadProcessConfig } from '../src/runtime.ts';
import { createLogger } from '../src/utils/logger.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { to: { type: 'string' }, blank: { type: 'boolean', default: false } },
});
const [command, name] = positionals;

const config = loadProcessConfig({ DB_MIGRATE_ON_START: 'false' });
const logger = createLogger({ level: config.logLevel, service: 'db' });
// Only the database (and the entities, for `create`'s diff).
const db = await createRuntime(config, { logger, parts: {} });
const migrator = db.orm.migrator;

try {
  switch (command) {
    case 'migrate': {
      const applied = await migrateUp(db.orm, logger);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
      break;
    }
    case 'rollback': {
      const undone = await migrator.down(values.to ? { to: values.to } : undefined);
      console.log(
        undone.length
          ? `rolled back: ${undone.map((m) => m.name).join(', ')}`
          : 'nothing to roll back',
      );
      break;
    }
    case 'status': {
      const executed = await migrator.getExecuted();
      const pending = await migrator.getPending();
      for (const m of executed) console.log(`executed  ${m.name}`);
      for (const m of pending) console.log(`pending   ${m.name}`);
      break;
    }
    case 'create': {
      await migrateUp(db.orm, logger);
      const result = await migrator.create(undefined, values.blank, false, name);
      console.log(result.fileName ? `created ${result.fileName}` : 'no schema changes to migrate');
      break;
    }
    default:
      console.error(
        'usage: node scripts/db.ts migrate | rollback [--to name] | status | create [name] [--blank]',
      );
      process.exitCode = 2;
  }
} finally {
  await db.close();
}
