import { Migration } from '@mikro-orm/migrations';

export class Migration20261124205651_orders extends Migration {
  override name = 'Migration20261124205651_orders';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "orders" ("id" uuid not null, "user_id" uuid not null, "status" text not null default 'pending', "currency" varchar(3) not null, "total_cents" bigint not null, "confirmed_at" timestamptz(3) null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, primary key ("id"));`,
    );
    this.addSql(`create index "orders_user_created_at" on "orders" ("user_id", "created_at");`);
    this.addSql(`create index "orders_status_created_at" on "orders" ("status", "created_at");`);

    this.addSql(
      `create table "order_items" ("id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "quantity" int not null, "unit_price_cents" bigint not null, "line_total_cents" bigint not null, primary key ("id"));`,
    );
    this.addSql(`create index "order_items_order_id_index" on "order_items" ("order_id");`);
    this.addSql(`create index "order_items_product_id_index" on "order_items" ("product_id");`);

    this.addSql(
      `create table "idempotency_keys" ("user_id" uuid not null, "key" varchar(255) not null, "request_hash" varchar(64) not null, "response_status" int not null, "response_body" jsonb not null, "created_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, primary key ("user_id", "key"));`,
    );
    this.addSql(`create index "idempotency_keys_expires_at" on "idempotency_keys" ("expires_at");`);

    this.addSql(
      `alter table "orders" add constraint "orders_user_id_foreign" foreign key ("user_id") references "users" ("id");`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_total_check" check (total_cents >= 0);`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_status_check" check ("status" in ('pending', 'paid', 'shipped', 'delivered', 'cancelled'));`,
    );

    this.addSql(
      `alter table "order_items" add constraint "order_items_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "order_items" add constraint "order_items_product_id_foreign" foreign key ("product_id") references "products" ("id");`,
    );
    this.addSql(
      `alter table "order_items" add constraint "order_items_quantity_check" check (quantity >= 1 and quantity <= 1000);`,
    );

    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "order_items" drop constraint "order_items_order_id_foreign";`);

    this.addSql(`drop table if exists "orders" cascade;`);
    this.addSql(`drop table if exists "order_items" cascade;`);
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }
}
