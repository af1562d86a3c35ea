// The adapter's JSON reply (sendJson in src/middleware/operations.ts) against Express's res.json,
// which it replaces where nothing else applies: over real HTTP, the same status, headers and
// bytes for every shape of answer and request, including the ones it hands back to res.json.
import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express, { type Response } from 'express';
import { sendJson } from '../src/middleware/operations.ts';

const ETAG = '"v7"';
const LAST_MODIFIED = 'Tue, 01 Dec 2026 10:00:00 GMT';
/** Before a reply's body: what the handler's status and headers did. */
const SHAPES: Record<string, (res: Response) => void> = {
  plain: () => {},
  created: (res) => res.status(201),
  etag: (res) => res.set('ETag', ETAG),
  'last-modified': (res) => res.set('Last-Modified', LAST_MODIFIED),
  'own content type': (res) => res.type('application/problem+json'),
  'no content': (res) => res.status(204),
};
const BODY = { status: 'success', data: { name: 'Crème brûlée – 20 €', emoji: '😀', n: 1.5 } };

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.set('etag', false);
  app.get('/:path/:shape', (req, res) => {
    SHAPES[String(req.params['shape'])]!(res);
    if (req.params['path'] === 'direct') sendJson(res, BODY);
    else res.json(BODY);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Over node:http, which sends the headers given and no others (fetch adds Cache-Control). */
function answer(path: string, method: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = http.request(`${base}/${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const kept = [
            'content-type',
            'content-length',
            'transfer-encoding',
            'etag',
            'last-modified',
          ];
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(kept.map((name) => [name, res.headers[name] ?? null])),
            body: Buffer.concat(chunks).toString('hex'),
          });
        });
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const REQUESTS: [string, string, Record<string, string>][] = [
  ['GET', 'GET', {}],
  ['HEAD', 'HEAD', {}],
  ['GET, If-None-Match matching', 'GET', { 'If-None-Match': ETAG }],
  ['HEAD, If-None-Match matching', 'HEAD', { 'If-None-Match': ETAG }],
  ['GET, If-None-Match other', 'GET', { 'If-None-Match': '"v6"' }],
  ['GET, If-Modified-Since later', 'GET', { 'If-Modified-Since': 'Wed, 02 Dec 2026 10:00:00 GMT' }],
];

describe.each(Object.keys(SHAPES))('a JSON reply, %s', (shape) => {
  test.each(REQUESTS)('%s: as res.json answers', async (_name, method, headers) => {
    const direct = await answer(`direct/${encodeURIComponent(shape)}`, method, headers);
    const viaExpress = await answer(`express/${encodeURIComponent(shape)}`, method, headers);
    expect(direct).toEqual(viaExpress);
  });
});

test('the common answer: JSON in UTF-8 with its length, not chunked', async () => {
  const direct = await answer('direct/plain', 'GET', {});
  const bytes = Buffer.from(JSON.stringify(BODY));
  expect(direct.headers).toMatchObject({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
    'transfer-encoding': null,
  });
  expect(direct.body).toBe(bytes.toString('hex'));
  // A fresh conditional GET is answered 304, as res.send answers it.
  expect((await answer('direct/etag', 'GET', { 'If-None-Match': ETAG })).status).toBe(304);
});
