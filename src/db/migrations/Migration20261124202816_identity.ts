// Identity: users, sessions with their refresh-token families, password-reset tokens, the audit
// log, and the table that rate-limiter-flexible keeps login-failure counters in (so that locks
// survive restarts and are shared by every instance on the same database).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202816_identity extends Migration {
  override name = 'Migration20261124202816_identity';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_events" ("id" uuid not null, "event" text not null, "user_id" uuid null, "actor_id" uuid null, "ip" varchar(64) null, "user_agent" varchar(256) null, "request_id" varchar(128) null, "details" jsonb null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_events_user_id_created_at_index" on "audit_events" ("user_id", "created_at");`,
    );
    this.addSql(
      `create index "audit_events_event_created_at_index" on "audit_events" ("event", "created_at");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(100) not null, "password_hash" varchar(100) not null, "role" text not null default 'customer', "disabled" boolean not null default false, "token_version" int not null default 0, "deleted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(
      `alter table "users" add constraint "users_email_lower_check" check ("email" = lower("email"));`,
    );

    this.addSql(
      `create table "sessions" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoke_reason" varchar(32) null, "ip" varchar(64) null, "user_agent" varchar(256) null, primary key ("id"));`,
    );
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(
      `create table "refresh_tokens" ("id" uuid not null, "session_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "refresh_tokens_session_id_index" on "refresh_tokens" ("session_id");`,
    );
    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "password_reset_tokens" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "password_reset_tokens_user_id_index" on "password_reset_tokens" ("user_id");`,
    );
    this.addSql(
      `alter table "password_reset_tokens" add constraint "password_reset_tokens_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "audit_events" add constraint "audit_events_event_check" check ("event" in ('user.registered', 'login.succeeded', 'login.failed', 'login.locked', 'refresh.reused', 'session.revoked', 'logout', 'logout.all', 'password.changed', 'password.reset.requested', 'password.reset.completed', 'user.updated', 'user.role.changed', 'user.disabled', 'user.enabled', 'user.deleted', 'admin.bootstrapped'));`,
    );

    this.addSql(
      `alter table "users" add constraint "users_role_check" check ("role" in ('customer', 'admin'));`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "password_reset_tokens" add constraint "password_reset_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    // The shape rate-limiter-flexible's RateLimiterPostgres expects (it is told not to create it).
    this.addSql(
      `create table "rate_limits" ("key" varchar(255) not null, "points" integer not null default 0, "expire" bigint null, primary key ("key"));`,
    );
    this.addSql(`create index "rate_limits_expire_index" on "rate_limits" ("expire");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limits";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);
    this.addSql(
      `alter table "password_reset_tokens" drop constraint "password_reset_tokens_user_id_foreign";`,
    );
    this.addSql(
      `alter table "refresh_tokens" drop constraint "refresh_tokens_session_id_foreign";`,
    );

    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "refresh_tokens" cascade;`);
    this.addSql(`drop table if exists "password_reset_tokens" cascade;`);
  }
}
