import { Migration } from '@mikro-orm/migrations';

// Indexes for the retention purge (src/jobs/retention.ts). Plain CREATE INDEX, inside the
// all-or-nothing migration transaction: CONCURRENTLY cannot run in a transaction, and these
// tables are small at this version. A deployment that already holds millions of audit events
// can build these CONCURRENTLY by hand first, under the same names: `if not exists` skips them.
export class Migration20261124225712_retention extends Migration {
  override name = 'Migration20261124225712_retention';

  override up(): void | Promise<void> {
    this.addSql(
      `create index if not exists "audit_events_created_at_index" on "audit_events" ("created_at");`,
    );
    this.addSql(
      `create index if not exists "sessions_expires_at_index" on "sessions" ("expires_at");`,
    );
    this.addSql(
      `create index if not exists "password_reset_tokens_expires_at_index" on "password_reset_tokens" ("expires_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "audit_events_created_at_index";`);
    this.addSql(`drop index "password_reset_tokens_expires_at_index";`);
    this.addSql(`drop index "sessions_expires_at_index";`);
  }
}
