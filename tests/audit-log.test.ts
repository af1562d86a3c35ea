// Security events reach the log only once they are stored: a unit of work that rolls back
// (a failed checkout, the start-up's rolled-back registration) leaves no line claiming it
// happened, and a committed one leaves exactly one, with its row in audit_events.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sqlRows } from '../src/db/sql.ts';
import { withEntityManager, withTransaction } from '../src/db/transaction.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const meta = (ip: string) => ({ ip, userAgent: 'audit-log test', requestId: undefined });
const loggedFrom = (ip: string) =>
  app.logs.filter((l) => l['message'] === 'security event' && l['ip'] === ip);
const storedFrom = async (ip: string) =>
  (await sqlRows(app.orm, 'select event from audit_events where ip = $1', [ip])).length;

test('a staged event is logged after its unit of work commits, and never if it rolls back', async () => {
  const { audit } = app.services;
  await expect(
    withTransaction(app.orm, async () => {
      audit.stage({ event: 'user.registered' }, meta('192.0.2.1'));
      // Nested: a savepoint's events wait for the outermost commit too.
      await withTransaction(app.orm, () => {
        audit.stage({ event: 'user.registered' }, meta('192.0.2.1'));
        return Promise.resolve();
      });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(loggedFrom('192.0.2.1')).toHaveLength(0);
  expect(await storedFrom('192.0.2.1')).toBe(0);

  let loggedBeforeCommit = -1;
  await withTransaction(app.orm, async () => {
    audit.stage({ event: 'user.registered' }, meta('192.0.2.2'));
    await Promise.resolve();
    loggedBeforeCommit = loggedFrom('192.0.2.2').length;
  });
  expect(loggedBeforeCommit).toBe(0);
  expect(loggedFrom('192.0.2.2')).toHaveLength(1);
  expect(await storedFrom('192.0.2.2')).toBe(1);
});

test('an event recorded on its own is logged once stored', async () => {
  // As a request records it (a failed login): in the request's own EntityManager.
  await withEntityManager(app.orm, () =>
    app.services.audit.record({ event: 'login.failed' }, meta('192.0.2.3')),
  );
  expect(loggedFrom('192.0.2.3')).toHaveLength(1);
  expect(await storedFrom('192.0.2.3')).toBe(1);
});
