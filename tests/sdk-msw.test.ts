// The SDK's MSW handlers (@contract-first-monolith/sdk/msw) as a frontend test uses them: in Node
// through msw/node, and in headless Chromium through the real service worker. Every operation
// answers its default example, every documented error code can be picked per test, and every
// answer validates against the contract. The Chromium half is skipped, with a note, where
// Chromium is not installed (`.ci/run` installs it).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, hasChromium as chromiumAvailable, launchChromium } from './helpers/browser.ts';
import { createApiClient } from '@contract-first-monolith/sdk';
import { handlers, respond, type OperationId } from '@contract-first-monolith/sdk/msw';
import { operations } from '../generated/operations.ts';
import { responseValidator } from './helpers/contract-schemas.ts';
import { cases, type Case } from './helpers/contract-cases.ts';

const ORIGIN = 'http://api.example.test';

/** The URL of an operation with its path parameters filled from the contract's examples. */
function urlOf(c: Case): string {
  let url = c.template;
  for (const p of c.params.filter((p) => p.in === 'path'))
    url = url.replace(`{${p.name}}`, String(p.example ?? p.schema?.example));
  return url;
}
/** A request init that the handlers accept: the method and, when there is one, the example body. */
function initOf(c: Case): { method: string; body?: string; headers: Record<string, string> } {
  const body = c.op.requestBody?.content['application/json']?.example;
  return {
    method: c.method.toUpperCase(),
    headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}
async function read(res: Response): Promise<Answer> {
  const contentType = res.headers.get('content-type');
  const text = await res.text();
  return {
    status: res.status,
    contentType,
    body: contentType?.includes('json') ? (JSON.parse(text) as unknown) : text,
  };
}

/** The answer is documented for the operation, and its body validates against the contract. */
function expectDocumented(id: string, answer: Answer) {
  const row = (operations as Record<string, { statuses: readonly number[] }>)[id];
  expect(row?.statuses).toContain(answer.status);
  const validate = responseValidator(id, answer.status);
  if (validate) {
    validate(answer.body);
    expect(validate.errors ?? []).toEqual([]);
  }
}

const defaults = cases.map((c) => [c.op.operationId, c] as const);
const rows = operations as unknown as Record<string, { errorCodes: Record<string, string[]> }>;
const errorCases = cases.flatMap((c) =>
  Object.entries(rows[c.op.operationId]?.errorCodes ?? {}).flatMap(([status, codes]) =>
    codes.map(
      (code) => [`${c.op.operationId} ${status} ${code}`, c, Number(status), code] as const,
    ),
  ),
);

describe('MSW handlers in Node (msw/node)', () => {
  const server = setupServer(...handlers({ baseUrl: ORIGIN }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  test('one handler per operation of the contract', () => {
    expect(handlers()).toHaveLength(Object.keys(operations).length);
  });

  test.each(defaults)(
    '%s answers its default example, valid against the contract',
    async (id, c) => {
      const answer = await read(await fetch(`${ORIGIN}${urlOf(c)}`, initOf(c)));
      expect(answer.status).toBeLessThan(300);
      expectDocumented(id, answer);
    },
  );

  test.each(errorCases)('%s can be picked per test', async (_name, c, status, code) => {
    server.use(respond(c.op.operationId as OperationId, code as never, { baseUrl: ORIGIN }));
    const answer = await read(await fetch(`${ORIGIN}${urlOf(c)}`, initOf(c)));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual(expect.objectContaining({ status: 'error', code }));
    expectDocumented(c.op.operationId, answer);
  });

  test('the typed client against the handlers: a full page, then the empty state', async () => {
    const api = createApiClient({ baseUrl: ORIGIN });
    const full = await api.GET('/api/v1/products');
    expect(full.data?.data.length).toBeGreaterThanOrEqual(5);
    expect(full.data?.meta.pagination.nextCursor).toEqual(expect.any(String));
    server.use(respond('listProducts', 'empty', { baseUrl: ORIGIN }));
    const empty = await api.GET('/api/v1/products');
    expect(empty.data?.data).toEqual([]);
  });

  test('an example the contract does not have is refused when the handler is made', () => {
    expect(() => respond('getProduct', 'NO_SUCH_EXAMPLE' as never)).toThrow(/no example/);
  });
});

const available = chromiumAvailable;
if (!available) console.warn(`${CHROMIUM} is missing: the MSW service-worker test is skipped.`);

/**
 * A loopback origin for the browser: a page, msw's service worker script and its IIFE build,
 * and the SDK's TypeScript sources with their types stripped (what a bundler would do), with an
 * import map sending `msw` and `msw/browser` to the IIFE's global.
 */
function startPageServer(): Promise<Server> {
  const root = process.cwd();
  const msw = path.join(root, 'node_modules', 'msw', 'lib');
  const page = `<!doctype html><html><head>
<script src="/msw.iife.js"></script>
<script type="importmap">{"imports":{"msw":"/msw-shim.js","msw/browser":"/msw-shim.js"}}</script>
<script type="module">
  import { setupWorker } from 'msw/browser';
  import { handlers, respond } from '/sdk/src/msw/index.ts';
  const worker = setupWorker(...handlers());
  window.mswRespond = (id, answer) => worker.use(respond(id, answer));
  window.mswReset = () => worker.resetHandlers();
  window.mswReady = worker.start({ quiet: true, onUnhandledRequest: 'error' }).then(() => true);
</script></head><body>msw</body></html>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html', page);
    if (url.pathname === '/mockServiceWorker.js')
      return send('text/javascript', readFileSync(path.join(msw, 'mockServiceWorker.js'), 'utf8'));
    if (url.pathname === '/msw.iife.js')
      return send('text/javascript', readFileSync(path.join(msw, 'iife', 'index.js'), 'utf8'));
    if (url.pathname === '/msw-shim.js')
      return send(
        'text/javascript',
        'export const { http, HttpResponse, setupWorker } = globalThis.MockServiceWorker;',
      );
    if (/^\/sdk\/src\/[\w/.-]+\.ts$/.test(url.pathname) && !url.pathname.includes('..'))
      return send(
        'text/javascript',
        stripTypeScriptTypes(readFileSync(path.join(root, url.pathname), 'utf8')),
      );
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

(available ? describe : describe.skip)('MSW handlers in Chromium (service worker)', () => {
  let browser: Browser;
  let pages: Server;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pages = await startPageServer();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const { port } = pages.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (globalThis as unknown as { mswReady?: unknown }).mswReady);
    await page.evaluate(() => (globalThis as unknown as { mswReady: Promise<boolean> }).mswReady);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  /** fetch() inside the page: the service worker answers it. */
  const fetchInPage = (url: string, init: ReturnType<typeof initOf>) =>
    page.evaluate(
      async ([u, i]) => {
        const res = await fetch(u, i);
        const contentType = res.headers.get('content-type');
        const text = await res.text();
        return {
          status: res.status,
          contentType,
          body: contentType?.includes('json') ? (JSON.parse(text) as unknown) : text,
        };
      },
      [url, init] as const,
    );

  test('every operation answers its default example, valid against the contract', async () => {
    for (const [id, c] of defaults) {
      const answer = await fetchInPage(urlOf(c), initOf(c));
      expect([id, answer.status < 300]).toEqual([id, true]);
      expectDocumented(id, answer);
    }
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('every documented error code can be picked, valid against the contract', async () => {
    for (const [name, c, status, code] of errorCases) {
      await page.evaluate(
        ([id, answer]) => {
          (globalThis as unknown as { mswRespond: (i: string, a: string) => void }).mswRespond(
            id,
            answer,
          );
        },
        [c.op.operationId, code] as const,
      );
      const answer = await fetchInPage(urlOf(c), initOf(c));
      expect([name, answer.status]).toEqual([name, status]);
      expect(answer.body).toEqual(expect.objectContaining({ status: 'error', code }));
      expectDocumented(c.op.operationId, answer);
      await page.evaluate(() => {
        (globalThis as unknown as { mswReset: () => void }).mswReset();
      });
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
