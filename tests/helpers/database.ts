// A database of this test file's own, cloned from the migrated template that global-setup made.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.CFM_TEST_ADMIN_URL;
  if (!url) throw new Error('CFM_TEST_ADMIN_URL is unset: run the tests with `npm test`');
  return url;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cfm_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(`create database ${name} template ${process.env.CFM_TEST_TEMPLATE ?? ''}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}
