// Catalog: products, with trigram indexes for substring search and (sort key, id) indexes over
// live products for sorting and keyset pagination. pg_trgm is a trusted extension (PostgreSQL
// 13+): the database owner may create it. The down migration leaves the extension installed.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124204444_catalog extends Migration {
  override name = 'Migration20261124204444_catalog';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "products" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "description" text not null default '', "price_cents" bigint not null, "currency" varchar(3) not null, "stock" int not null, "category" varchar(64) not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "version" int not null default 1, "archived_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "products_name_trgm" on "products" using gin ("name" gin_trgm_ops) where "archived_at" is null;`,
    );
    this.addSql(
      `create index "products_sku_trgm" on "products" using gin ("sku" gin_trgm_ops) where "archived_at" is null;`,
    );
    this.addSql(
      `create index "products_created_at_id" on "products" ("created_at", "id") where "archived_at" is null;`,
    );
    this.addSql(
      `create index "products_price_id" on "products" ("price_cents", "id") where "archived_at" is null;`,
    );
    this.addSql(
      `create index "products_name_id" on "products" ("name", "id") where "archived_at" is null;`,
    );
    this.addSql(
      `create index "products_category_created_at_id" on "products" ("category", "created_at", "id") where "archived_at" is null;`,
    );
    this.addSql(
      `create unique index "products_sku_live_unique" on "products" ("sku") where "archived_at" is null;`,
    );

    this.addSql(
      `alter table "products" add constraint "products_price_cents_check" check (price_cents >= 0);`,
    );
    this.addSql(`alter table "products" add constraint "products_stock_check" check (stock >= 0);`);
    this.addSql(
      `alter table "products" add constraint "products_currency_check" check (currency ~ '^[A-Z]{3}$');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "products" cascade;`);
  }
}
