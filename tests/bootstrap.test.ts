// The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD when the server starts (created once, never
// overwritten), and from `npm run user:create`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { TEST_JWT_SECRET } from './helpers/app.ts';
import { STRONG_PASSWORD, uniqueEmail } from './helpers/auth.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { startServer } from './helpers/server-process.ts';

const run = promisify(execFile);
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function withServer<T>(
  env: Record<string, string>,
  work: (base: string) => Promise<T>,
): Promise<T> {
  const server = startServer({ DATABASE_URL: database.url, ...env });
  try {
    const { port } = (await server.waitFor('listening')) as { port: number };
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

const signIn = (base: string, email: string, password: string) =>
  request(base).post('/api/v1/auth/login').send({ email, password });

describe('first admin', () => {
  test('ADMIN_EMAIL/ADMIN_PASSWORD create an admin at start-up, once, never overwritten', async () => {
    const email = uniqueEmail('root');
    await withServer({ ADMIN_EMAIL: email, ADMIN_PASSWORD: STRONG_PASSWORD }, async (base) => {
      const res = await signIn(base, email, STRONG_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.data.user.role).toBe('admin');
    });
    await withServer(
      { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'a-different-passphrase-9' },
      async (base) => {
        expect((await signIn(base, email, STRONG_PASSWORD)).status).toBe(200);
        expect((await signIn(base, email, 'a-different-passphrase-9')).status).toBe(401);
      },
    );
  }, 90_000);

  test('a weak ADMIN_PASSWORD stops the start with a clear error', async () => {
    const server = startServer({
      DATABASE_URL: database.url,
      ADMIN_EMAIL: uniqueEmail('weak'),
      ADMIN_PASSWORD: 'password1',
    });
    let stderr = '';
    server.child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await server.exited).toBe(1);
    expect(stderr).toContain('ADMIN_PASSWORD: WEAK_PASSWORD');
  }, 90_000);

  test('npm run user:create makes an admin, reading the password from stdin', async () => {
    const email = uniqueEmail('cli');
    const child = execFile(
      process.execPath,
      ['scripts/user-create.ts', '--email', email, '--name', 'Cli Admin', '--role', 'admin'],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          DATABASE_URL: database.url,
          JWT_SECRET: TEST_JWT_SECRET,
        },
      },
    );
    child.stdin?.end(`${STRONG_PASSWORD}\n`);
    let stdout = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain(`created admin ${email}`);
    await withServer({}, async (base) => {
      const res = await signIn(base, email, STRONG_PASSWORD);
      expect(res.body.data.user.role).toBe('admin');
    });
    // A second run changes nothing and says so.
    const again = await run(
      process.execPath,
      ['scripts/user-create.ts', '--email', email, '--password', 'another-fine-passphrase-7'],
      {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: database.url },
      },
    ).catch((e: { code: number; stdout: string }) => e);
    expect(again.stdout).toContain('already exists');
  }, 90_000);
});
