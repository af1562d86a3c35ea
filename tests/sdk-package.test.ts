// The SDK as a frontend team gets it: `npm pack` (which builds it), the tarball installed into a
// fresh project in a temp dir outside the repo, the project typechecked with our TypeScript, the
// README's example run by Node against a live server, and the package bundled by esbuild for
// pages on another origin in headless Chromium: the cross-origin journey (cookie refresh, two
// tabs, idempotent checkout, logout, a catalog URL opened first in a tab, an origin not listed)
// and a tiny React shop on TanStack Query. Skipped, with a note, where Chromium is missing.
import { execFile as execFileCb } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type * as Sdk from '@contract-first-monolith/sdk';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/browser.ts';
import { bearer, expiredCopy, signInAdmin } from './helpers/auth.ts';

const execFile = promisify(execFileCb);
if (!hasChromium)
  console.warn(
    `${CHROMIUM} is missing: the SDK's browser tests are skipped (\`.ci/run\` installs chromium).`,
  );

const repo = process.cwd();
const rootPackage = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
};
const sdkPackage = JSON.parse(readFileSync('sdk/package.json', 'utf8')) as { version: string };
const contract = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as {
  info: { version: string };
};
/** The same pinned versions as the repo's own dev dependencies (installed from the same cache). */
const pinned = (name: string) => `${name}@${rootPackage.devDependencies[name] ?? 'missing'}`;

// What the pages hold (tests/sdk-consumer/journey.ts, shop.ts), as seen from page.evaluate.
declare global {
  var sdk: typeof Sdk;
  var api: Sdk.ApiClient;
  var seen: { calls: string[]; signedOut: number };
  var startShop: (options: { baseUrl: string; accessToken: string; q: string }) => void;
}

let tmp: string;
let project: string;
let tarball: string;
let pageServer: Server;
let pageOrigin: string;
let app: TestApp;
let apiOrigin: string;
let productId: string;
const productQuery = `Pack${randomUUID().slice(0, 6)}`;

/** Where the README's Node example is: the first ```ts block after the "run by" marker. */
function readmeExample(): string {
  const readme = readFileSync('sdk/README.md', 'utf8');
  const marker = readme.indexOf('tests/sdk-package.test.ts');
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (marker < 0 || !block?.[1]) throw new Error('sdk/README.md lost its tested Node example');
  return block[1];
}

async function npm(args: string[], cwd: string) {
  return execFile('npm', args, {
    cwd,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 180_000,
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cfm-sdk-consumer-'));
  await npm(['pack', '--pack-destination', tmp], path.join(repo, 'sdk'));
  tarball = path.join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz');

  project = path.join(tmp, 'frontend');
  mkdirSync(project);
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'frontend', private: true, type: 'module' }),
  );
  for (const file of ['journey.ts', 'shop.ts', 'tsconfig.json'])
    copyFileSync(path.join(repo, 'tests/sdk-consumer', file), path.join(project, file));
  writeFileSync(path.join(project, 'readme-node.ts'), readmeExample());
  await npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      pinned('react'),
      pinned('react-dom'),
      pinned('@tanstack/react-query'),
      pinned('@types/node'),
    ],
    project,
  );

  // The pages' own origin (localhost, another port than the API: same site, other origin).
  pageServer = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]?.slice(1) ?? '';
    const file = path.join(project, 'public', path.basename(name));
    if (name.endsWith('.html')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><div id="root"></div><script type="module" src="/${name.replace('.html', '.js')}"></script>`,
      );
    } else if (name.endsWith('.js') && existsSync(file)) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;

  app = await startTestApp({ env: { CORS_ORIGINS: pageOrigin } });
  apiOrigin = app.url.replace('127.0.0.1', 'localhost');
  const admin = await signInAdmin(app);
  for (const [i, stock] of [100, 100, 100].entries()) {
    const res = await request(app.url)
      .post('/api/v1/products')
      .set(bearer(admin))
      .send({
        sku: `${productQuery}-${i}`,
        name: `${productQuery} lamp ${i}`,
        priceCents: 1500 + i,
        currency: 'EUR',
        stock,
        category: 'lighting',
      });
    productId ??= res.body.data.id as string;
  }
}, 240_000);

afterAll(async () => {
  // Also after a failed beforeAll: whatever was started is stopped, the temp dir goes.
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await app?.close();
  if (pageServer) await new Promise((resolve) => pageServer.close(resolve));
});

describe('the packed SDK', () => {
  test('its version is the contract info.version', () => {
    expect(sdkPackage.version).toBe(contract.info.version);
    expect(path.basename(tarball)).toBe(`contract-first-monolith-sdk-${contract.info.version}.tgz`);
  });

  test('the tarball holds the built ESM and types, no sources, and installs with one dependency', () => {
    const installed = path.join(project, 'node_modules/@contract-first-monolith/sdk');
    const files = readdirSync(path.join(installed, 'dist'));
    expect(files).toEqual(
      expect.arrayContaining(['index.js', 'index.d.ts', 'schema.d.ts', 'react-query.js']),
    );
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    expect(existsSync(path.join(installed, 'README.md'))).toBe(true);
    console.log(`SDK tarball ${path.basename(tarball)}: ${statSync(tarball).size} bytes`);
    // The React entry point is separate: the main one loads nothing of TanStack or React.
    expect(readFileSync(path.join(installed, 'dist/index.js'), 'utf8')).not.toMatch(
      /tanstack|react/i,
    );
  });

  test('a fresh project typechecks its README example and a browser entry against it', async () => {
    const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
    const result = await execFile(process.execPath, [tsc, '-p', project]).catch(
      (e: { stdout: string }) => e,
    );
    expect(result.stdout).toBe('');
  }, 60_000);

  test("the README's Node example runs against the live server", async () => {
    const { stdout } = await execFile(process.execPath, ['readme-node.ts'], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', API_URL: app.url },
      timeout: 30_000,
    });
    const printed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(printed['email']).toMatch(/^reader-\d+@example.com$/);
    expect(printed['products']).toBeGreaterThanOrEqual(3);
    expect(printed['outcome']).toMatch(/^order pending for \d+ EUR$/);
  }, 60_000);
});

(hasChromium ? describe : describe.skip)('in headless Chromium, from another origin', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(project, 'journey.ts'), path.join(project, 'shop.ts')],
      absWorkingDir: project,
      outdir: path.join(project, 'public'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    browser = await launchChromium();
    context = await browser.newContext();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A tab on `origin` with the bundled SDK loaded and a client made, counting its requests. */
  async function openTab(origin = pageOrigin): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/journey.html`);
    await page.waitForFunction(() => globalThis.sdk !== undefined);
    await page.evaluate((baseUrl) => {
      globalThis.seen = { calls: [], signedOut: 0 };
      const counting: typeof fetch = async (input, init) => {
        const req = new Request(input, init);
        const res = await fetch(req);
        globalThis.seen.calls.push(`${req.method} ${new URL(req.url).pathname} ${res.status}`);
        return res;
      };
      globalThis.api = globalThis.sdk.createApiClient({
        baseUrl,
        fetch: counting,
        onSignedOut: () => (globalThis.seen.signedOut += 1),
      });
    }, apiOrigin);
    return page;
  }

  test('register, me, one cookie refresh for three concurrent calls, idempotent checkout seen as replayed, logout, then signed out', async () => {
    const page = await openTab();
    const email = `browser-${randomUUID().slice(0, 8)}@example.com`;
    const me = await page.evaluate(async (email) => {
      await globalThis.api.call('register', {
        body: { email, password: 'correct-horse-battery-staple', name: 'Browser' },
      });
      // A browser gets no refresh token in the body: it lives in the HttpOnly cookie.
      return {
        me: (await globalThis.api.call('getMe')).data.email,
        bodyToken: globalThis.api.tokens.refreshToken ?? null,
        cookie: (globalThis as unknown as { document: { cookie: string } }).document.cookie,
      };
    }, email);
    expect(me).toEqual({ me: email, bodyToken: null, cookie: '' });

    const token = await page.evaluate(() => globalThis.api.tokens.accessToken ?? '');
    const three = await page.evaluate(async (stale) => {
      globalThis.api.tokens.accessToken = stale;
      globalThis.seen.calls.length = 0;
      const answers = await Promise.all([
        globalThis.api.GET('/api/v1/users/me'),
        globalThis.api.GET('/api/v1/auth/sessions'),
        globalThis.api.GET('/api/v1/orders'),
      ]);
      return {
        statuses: answers.map((a) => a.response.status),
        refreshes: globalThis.seen.calls.filter((c) => c.includes('/auth/refresh')).length,
      };
    }, expiredCopy(token));
    expect(three).toEqual({ statuses: [200, 200, 200], refreshes: 1 });

    const checkout = await page.evaluate(async (productId) => {
      const key = crypto.randomUUID();
      const init = {
        params: { header: { 'Idempotency-Key': key } },
        body: { items: [{ productId, quantity: 1 }] },
      };
      const first = await globalThis.api.send('createOrder', init);
      const again = await globalThis.api.send('createOrder', init);
      const made = await globalThis.api.send('createOrder', {
        body: { items: [{ productId, quantity: 1 }] },
      });
      return {
        statuses: [first.response.status, again.response.status, made.response.status],
        replayed: [
          first.response.headers.get('Idempotent-Replayed'),
          again.response.headers.get('Idempotent-Replayed'),
        ],
        sameOrder: first.data.data.id === again.data.data.id,
      };
    }, productId);
    expect(checkout).toEqual({
      statuses: [201, 201, 201],
      replayed: [null, 'true'],
      sameOrder: true,
    });

    const out = await page.evaluate(async () => {
      await globalThis.api.call('logout');
      const after = await globalThis.api.GET('/api/v1/users/me');
      return {
        status: after.response.status,
        signedOut: globalThis.seen.signedOut,
        token: globalThis.api.tokens.accessToken ?? null,
      };
    });
    expect(out).toEqual({ status: 401, signedOut: 1, token: null });
    await page.close();
  }, 60_000);

  test('two tabs sharing the cookie jar, their tokens expiring together, both keep working through rounds of simultaneous refreshes (five, or until two have crossed)', async () => {
    const [one, two] = [await openTab(), await openTab()] as const;
    await one.evaluate(
      async (email) => {
        await globalThis.api.call('register', {
          body: { email, password: 'correct-horse-battery-staple', name: 'Tabs' },
        });
      },
      `tabs-${randomUUID().slice(0, 8)}@example.com`,
    );
    // The second tab starts from the shared cookie, as after a reload.
    await two.evaluate(async () => void (await globalThis.api.call('refresh', { body: {} })));
    // Five rounds, and more (up to 20) until the two refreshes of a round have really crossed:
    // when one finishes before the other starts, the second reads the rotated cookie and no
    // conflict arises, which proves nothing about the race.
    const conflicts = async () =>
      (await Promise.all([one, two].map((tab) => tab.evaluate(() => globalThis.seen.calls))))
        .flat()
        .filter((c) => c.includes('/auth/refresh') && c.endsWith(' 409')).length;
    let rounds = 0;
    for (; rounds < 20 && (rounds < 5 || (await conflicts()) === 0); rounds += 1) {
      const tokens = await Promise.all(
        [one, two].map((tab) => tab.evaluate(() => globalThis.api.tokens.accessToken ?? '')),
      );
      const statuses = await Promise.all(
        [one, two].map((tab, i) =>
          tab.evaluate(
            async (stale) => {
              globalThis.api.tokens.accessToken = stale;
              return (await globalThis.api.GET('/api/v1/users/me')).response.status;
            },
            expiredCopy(tokens[i] ?? ''),
          ),
        ),
      );
      expect(statuses).toEqual([200, 200]);
    }
    const seen = await Promise.all([one, two].map((tab) => tab.evaluate(() => globalThis.seen)));
    expect(seen.map((s) => s.signedOut)).toEqual([0, 0]);
    // The race happened: the loser of a round was told 409 REFRESH_CONFLICT and retried.
    const refreshes = seen.flatMap((s) => s.calls).filter((c) => c.includes('/auth/refresh'));
    expect(refreshes.filter((c) => c.endsWith(' 409')).length).toBeGreaterThanOrEqual(1);
    expect(refreshes.filter((c) => c.endsWith(' 200'))).toHaveLength(1 + 2 * rounds);
    await Promise.all([one.close(), two.close()]);
  }, 60_000);

  test('a catalog URL first opened directly in a tab is still readable by the page', async () => {
    const url = `${apiOrigin}/api/v1/products?q=${productQuery}&limit=5`;
    const direct = await context.newPage();
    const opened = await direct.goto(url);
    expect(opened?.headers()['cache-control']).toContain('max-age');
    const page = await openTab();
    const read = await page.evaluate(async (q) => {
      const { data } = await globalThis.api.GET('/api/v1/products', {
        params: { query: { q, limit: 5 } },
      });
      return data?.data.length ?? -1;
    }, productQuery);
    expect(read).toBe(3);
    await Promise.all([direct.close(), page.close()]);
  });

  test('a page on an origin not listed in CORS_ORIGINS cannot read API responses', async () => {
    const stranger = await openTab(pageOrigin.replace('localhost', '127.0.0.1'));
    const outcome = await stranger.evaluate(async () => {
      try {
        await globalThis.api.call('listProducts', { params: { query: { limit: 1 } } });
        return 'read';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outcome).toBe('NetworkError');
    await stranger.close();
  });

  test('a React page lists products with an infinite query and places an order with a mutation', async () => {
    const page = await openTab();
    const accessToken = await page.evaluate(
      async (email) => {
        await globalThis.api.call('register', {
          body: { email, password: 'correct-horse-battery-staple', name: 'Shopper' },
        });
        return globalThis.api.tokens.accessToken ?? '';
      },
      `shop-${randomUUID().slice(0, 8)}@example.com`,
    );
    const shop = await context.newPage();
    await shop.goto(`${pageOrigin}/shop.html`);
    await shop.waitForFunction(() => typeof globalThis.startShop === 'function');
    await shop.evaluate((o) => globalThis.startShop(o), {
      baseUrl: apiOrigin,
      accessToken,
      q: productQuery,
    });
    await shop.locator('#products li').first().waitFor();
    expect(await shop.locator('#products li').count()).toBe(2);
    await shop.click('#more');
    await shop.locator('#end').waitFor();
    expect(await shop.locator('#products li').allTextContents()).toEqual(
      [0, 1, 2].map((i) => `${productQuery} lamp ${i}`),
    );
    await shop.click('#buy');
    const placed = shop.locator('#placed');
    await placed.waitFor();
    expect(await placed.textContent()).toBe('Order pending');
    const orderId = await placed.getAttribute('data-order');
    const order = await request(app.url)
      .get(`/api/v1/orders/${orderId ?? ''}`)
      .set('Authorization', `Bearer ${accessToken}`);
    expect(order.status).toBe(200);
    expect(order.body.data.items[0].productId).toBe(productId);
    await Promise.all([page.close(), shop.close()]);
  }, 60_000);
});
