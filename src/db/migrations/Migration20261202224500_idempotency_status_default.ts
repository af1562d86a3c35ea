import { Migration } from '@mikro-orm/migrations';

// The first of two releases that drop idempotency_keys.response_status, unused since ADR 0017
// (a replay's status is the controller's, not stored). This one gives the column a default and
// the code stops writing it, while instances of the release before, still running during a
// rolling deploy, go on writing 0 and are not refused. The next release drops the column, once
// no instance writes it.
export class Migration20261202224500_idempotency_status_default extends Migration {
  override name = 'Migration20261202224500_idempotency_status_default';

  override up(): void | Promise<void> {
    this.addSql(`alter table "idempotency_keys" alter column "response_status" set default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "idempotency_keys" alter column "response_status" drop default;`);
  }
}
