// The mock's dynamic mode as `npm run mock -- --dynamic` starts it (the command is read from
// package.json): data generated from the schemas with the contract's `x-faker` hints, valid
// against the contract, and equal across two runs because the seed is fixed.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { responseValidator } from './helpers/contract-schemas.ts';
import { freePort } from './helpers/ports.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const script = pkg.scripts['mock'] ?? '';

async function startDynamicMock(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const command = `${script.replace(/--port \d+/, `--port ${port}`)} --dynamic -v error`;
  // Its own process group, so that stopping it stops prism and not only the shell.
  const child = spawn('sh', ['-c', command], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH ?? ''}` },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (
      await fetch(`${url}/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (child.exitCode !== null) throw new Error(`the mock exited (${child.exitCode})`);
    if (i > 300) throw new Error('the dynamic mock did not start');
    await sleep(100);
  }
  return { url, child };
}

/** Requests across the domains, in a fixed order: [operationId, path]. */
const probes = [
  ['listProducts', '/api/v1/products'],
  ['getProduct', '/api/v1/products/3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b'],
  ['getMe', '/api/v1/users/me'],
  ['listUsers', '/api/v1/users'],
  ['listSessions', '/api/v1/auth/sessions'],
  ['listOrders', '/api/v1/orders'],
] as const;

async function sample(url: string) {
  const out: { id: string; status: number; body: unknown }[] = [];
  for (const [id, path] of probes) {
    const res = await fetch(`${url}${path}`, { headers: { authorization: 'Bearer a.b.c' } });
    out.push({ id, status: res.status, body: await res.json() });
  }
  return out;
}

describe('npm run mock -- --dynamic', () => {
  let first: Awaited<ReturnType<typeof sample>>;
  let second: Awaited<ReturnType<typeof sample>>;

  beforeAll(async () => {
    for (const run of [0, 1]) {
      const mock = await startDynamicMock();
      try {
        const got = await sample(mock.url);
        if (run === 0) first = got;
        else second = got;
      } finally {
        if (mock.child.pid) process.kill(-mock.child.pid, 'SIGTERM');
      }
    }
  }, 90_000);
  afterAll(() => undefined);

  test('two runs with the fixed seed answer the same data', () => {
    expect(second).toEqual(first);
  });

  test('the data is generated, not the examples', () => {
    const list = first[0]?.body as { data: { id: string }[] };
    expect(list.data.length).toBeGreaterThan(0);
    expect(list.data[0]?.id).not.toBe('3f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b');
  });

  test.each(probes.map(([id], i) => [id, i] as const))(
    '%s: the generated answer validates against the contract',
    (id, i) => {
      const got = first[i];
      expect(got?.status).toBe(200);
      const validate = responseValidator(id, 200);
      validate?.(got?.body);
      expect(validate?.errors ?? []).toEqual([]);
    },
  );

  test('the x-faker hints shape the values: prices a shop would have, real currencies, IPs, dates near the examples', () => {
    const products = (first[0]?.body as { data: Record<string, unknown>[] }).data;
    for (const p of products) {
      expect(p['priceCents']).toBeLessThanOrEqual(199_999);
      expect(['EUR', 'USD', 'GBP']).toContain(p['currency']);
      expect(p['stock']).toBeLessThanOrEqual(250);
      expect(String(p['createdAt']).slice(0, 4)).toBe('2026');
    }
    const sessions = (first[4]?.body as { data: Record<string, unknown>[] }).data;
    for (const s of sessions)
      if (s['ip'] !== null) expect(s['ip']).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
  });
});
