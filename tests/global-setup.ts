// Starts one real PostgreSQL for the whole run (the embedded one, unless DATABASE_URL points at
// a server) and migrates a template database once; each test file then clones the template
// into a database of its own (tests/helpers/database.ts), so files run in parallel, isolated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/config.ts';
import { migrateUp } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { entities } from '../src/api/index.ts';
import { createOrm } from '../src/db/orm.ts';
import { startQueue } from '../src/jobs/queue.ts';
import { createLogger } from '../src/utils/logger.ts';
import { freePort } from './helpers/ports.ts';

const TEMPLATE = 'cfm_test_template';

export interface TestState {
  embedded?: EmbeddedDatabase;
  tmp?: string;
  adminUrl: string;
}

declare global {
  var __cfmTestState: TestState | undefined;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function globalSetup(): Promise<void> {
  // A fresh record of which operations the tests exercise (tests/helpers/app.ts writes it).
  rmSync(path.resolve('coverage', 'contract'), { recursive: true, force: true });
  const logger = createLogger({ level: 'warn' });
  const state: TestState = { adminUrl: '' };
  globalThis.__cfmTestState = state;
  try {
    if (process.env.DATABASE_URL) {
      state.adminUrl = process.env.DATABASE_URL;
    } else {
      state.tmp = mkdtempSync(path.join(tmpdir(), 'cfm-test-'));
      state.embedded = await startEmbeddedPostgres(
        {
          dir: path.join(state.tmp, 'pg'),
          port: await freePort(),
          database: 'postgres',
          ephemeral: true,
        },
        logger,
      );
      state.adminUrl = state.embedded.url;
    }
    const admin = new pg.Client({
      connectionString: state.adminUrl,
      connectionTimeoutMillis: 5000,
    });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${TEMPLATE}`);
      await admin.query(`create database ${TEMPLATE}`);
    } finally {
      await admin.end();
    }
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: withDatabase(state.adminUrl, TEMPLATE),
    });
    const orm = await createOrm(
      config.db,
      withDatabase(state.adminUrl, TEMPLATE),
      logger,
      entities,
    );
    try {
      await migrateUp(orm, logger);
      // pg-boss installs its schema on first start: do it once, in the template.
      const queue = await startQueue(
        {
          url: withDatabase(state.adminUrl, TEMPLATE),
          jobs: config.jobs,
          connectTimeoutMs: 5000,
          idleTimeoutMs: config.db.pool.idleTimeoutMs,
          supervise: false,
        },
        logger,
      );
      await queue.stop();
    } finally {
      await orm.close(true);
    }
    process.env.CFM_TEST_ADMIN_URL = state.adminUrl;
    process.env.CFM_TEST_TEMPLATE = TEMPLATE;
  } catch (error) {
    // Jest skips globalTeardown when setup throws: clean up here.
    await stopState(state);
    throw error;
  }
}

export async function stopState(state: TestState): Promise<void> {
  await state.embedded?.stop();
  if (state.tmp) rmSync(state.tmp, { recursive: true, force: true });
}
