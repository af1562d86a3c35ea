// The Prism mock serves every documented error code by name: for each operation, each error
// status and each code the contract lists for it (generated/operations.ts), a request with
// `Prefer: code=<status>, example=<CODE>` gets that status and that code, so a frontend can
// build the screen for INSUFFICIENT_STOCK before the backend exists. The body is the contract's
// named example, exactly. Success responses with several named examples (a first page, an
// empty list) are served by `Prefer: example=<name>`.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { operations } from '../generated/operations.ts';
import { operation } from './helpers/contract-schemas.ts';
import { cases, send } from './helpers/contract-cases.ts';
import type { TestApp } from './helpers/app.ts';
import { freePort } from './helpers/ports.ts';

let prism: ChildProcess;
let mock: TestApp;

beforeAll(async () => {
  const port = await freePort();
  prism = spawn(
    'node_modules/.bin/prism',
    ['mock', 'generated/openapi.yaml', '-p', String(port), '-h', '127.0.0.1', '-v', 'error'],
    { stdio: 'ignore' },
  );
  // send() needs only the url of what it talks to.
  mock = { url: `http://127.0.0.1:${port}` } as TestApp;
  for (let i = 0; ; i += 1) {
    if (
      await fetch(`${mock.url}/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 150) throw new Error('prism mock did not start');
    await sleep(100);
  }
}, 60_000);

afterAll(() => {
  prism.kill();
});

const rows = operations as Record<string, { errorCodes: Record<string, readonly string[]> }>;
const named = cases.flatMap((c) =>
  Object.entries(rows[c.op.operationId]?.errorCodes ?? {}).flatMap(([status, codes]) =>
    codes.map(
      (code) => [`${c.op.operationId} ${status} ${code}`, c, Number(status), code] as const,
    ),
  ),
);

describe('the mock answers every documented error code by name', () => {
  test('there are codes to ask for', () => {
    expect(named.length).toBeGreaterThan(100);
  });

  test.each(named)('%s', async (_name, c, status, code) => {
    const res = await send(mock, c)
      .set('Authorization', 'Bearer a.b.c')
      // Prism asks for the refresh cookie on refresh, although its security allows none ({}).
      .set('Cookie', 'refresh_token=anything')
      .set('Prefer', `code=${status}, example=${code}`);
    expect(res.status).toBe(status);
    const example = operation(c.op.operationId).responses[String(status)]?.content?.[
      'application/json'
    ]?.examples?.[code]?.value;
    expect(res.body).toEqual(example);
    expect(res.body).toEqual(expect.objectContaining({ status: 'error', code }));
  });

  test('`Prefer: example=<CODE>` alone is not enough: Prism looks in the success response', async () => {
    const c = cases.find((x) => x.op.operationId === 'createOrder');
    if (!c) throw new Error('no createOrder');
    const res = await send(mock, c)
      .set('Authorization', 'Bearer a.b.c')
      .set('Prefer', 'example=INSUFFICIENT_STOCK');
    // Prism's own problem document, not our envelope: the README says to add `code=409`.
    expect(res.status).toBe(404);
    expect(res.body).not.toEqual(expect.objectContaining({ code: 'INSUFFICIENT_STOCK' }));
  });
});

const namedSuccess = cases.flatMap((c) =>
  Object.entries(operation(c.op.operationId).responses)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([status, res]) =>
      Object.entries(res.content?.['application/json']?.examples ?? {}).map(
        ([name, ex]) =>
          [`${c.op.operationId} ${status} ${name}`, c, Number(status), name, ex.value] as const,
      ),
    ),
);

describe('the mock answers every named success example', () => {
  test('there are lists with several examples', () => {
    expect(namedSuccess.length).toBeGreaterThanOrEqual(8);
  });

  test.each(namedSuccess)('%s', async (_name, c, status, name, value) => {
    const res = await send(mock, c)
      .set('Authorization', 'Bearer a.b.c')
      .set('Prefer', `example=${name}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(value);
  });
});
