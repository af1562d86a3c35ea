// Stops what global-setup started and removes its files; with an external DATABASE_URL it drops
// the databases the run created.
import pg from 'pg';
import { stopState } from './global-setup.ts';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__cfmTestState;
  if (!state) return;
  if (!state.embedded && state.adminUrl) {
    const admin = new pg.Client({ connectionString: state.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'cfm\\_test\\_%'",
      );
      for (const { datname } of rows)
        await admin.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  }
  await stopState(state);
}
