import { Migration } from '@mikro-orm/migrations';

// Catalog search at a million products (ADR 0015): a b-tree on (created_at, id) that also
// carries name and sku, so a search (`q`) in the default order, newest first, walks it and tests
// `name ILIKE … OR sku ILIKE …` on the index entries alone (an index-only scan), visiting the
// table only for the rows of the page; the capped count of page mode reads it the same way.
// Plain CREATE INDEX inside the migration's transaction (CONCURRENTLY cannot run in one): it
// locks writes to products while it builds, about 10 s per million products. A deployment with
// a large live catalog can build it CONCURRENTLY by hand first under the same name: `if not
// exists` then skips it.
export class Migration20261202013000_catalog_search extends Migration {
  override name = 'Migration20261202013000_catalog_search';

  override up(): void | Promise<void> {
    this.addSql(
      `create index if not exists "products_created_at_id_name_sku" on "products" ("created_at", "id") include ("name", "sku") where "archived_at" is null;`,
    );
    // It replaces the narrower (created_at, id) index: same keys, same order, same pages.
    this.addSql(`drop index if exists "products_created_at_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create index "products_created_at_id" on "products" ("created_at", "id") where "archived_at" is null;`,
    );
    this.addSql(`drop index "products_created_at_id_name_sku";`);
  }
}
