// The rehearsal's loopback port (src/rehearsal.ts) serves only requests that carry the secret
// made at start-up: anything else on the host that finds the port during those few hundred
// milliseconds gets 403, and the app never sees the secret.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onlyWithSecret, SECRET_HEADER } from '../../src/rehearsal.ts';

const secret = 'a'.repeat(43);
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(
    onlyWithSecret(secret, (req, res) => {
      res.end(JSON.stringify({ seen: req.headers[SECRET_HEADER] ?? null }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the rehearsal's port", () => {
  test.each([
    ['without the secret', {}],
    ['with another secret of the same length', { [SECRET_HEADER]: 'b'.repeat(43) }],
    ['with a prefix of the secret', { [SECRET_HEADER]: secret.slice(0, 20) }],
    ['with the secret and more', { [SECRET_HEADER]: `${secret}a` }],
  ])('refuses a request %s: 403, nothing served', async (_name, headers) => {
    const res = await fetch(url, { headers });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  test('serves a request with the secret, and takes the secret off before serving it', async () => {
    const res = await fetch(url, { headers: { [SECRET_HEADER]: secret } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ seen: null });
  });
});
