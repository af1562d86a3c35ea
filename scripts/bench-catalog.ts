// Catalog benchmark: with N seeded products (1,000,000 by default), the latency of the first
// page, of page 5,000 reached by cursor, and of a search, each measured through the full HTTP
// stack and, side by side in the same run, as the same SQL sent straight to PostgreSQL. Also
// walks 5,000 pages by cursor to show the cost does not grow with depth, and checks that the
// planner serves every list query from an index (exit code 1 if not).
//   npm run bench:catalog [-- --count 1000000 --samples 200 --data-dir /somewhere/kept --port 54339]
// Uses DATABASE_URL when set, otherwise its own embedded PostgreSQL under --data-dir (default
// .data/bench-postgres). Seeding a million rows takes minutes; the seed is idempotent, so a data
// directory kept between runs (outside the checkout, say) is seeded once and reused.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  buildCountQuery,
  buildCountedPageQuery,
  buildListQuery,
  type ListQuery,
  takeSearchSample,
} from '../src/api/products/products.repository.ts';
import { searchProbe } from '../src/api/products/products.search.ts';
import { countLimit } from '../src/api/products/products.service.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { percentile, waitForHttp } from './lib/process.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '200' },
    depth: { type: 'string', default: '5000' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '54339' },
  },
});
const COUNT = Number(values.count);
const SAMPLES = Number(values.samples);
const DEPTH = Number(values.depth);
const LIMIT = 20;
const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const logger = createLogger({ level: 'warn', service: 'bench' });

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

/** A 503 from the service's load shedding (ADR 0013), which a busy shared machine can trip. */
class Shed extends Error {
  readonly seconds: number;
  constructor(seconds: number, message: string) {
    super(message);
    this.seconds = seconds;
  }
}
const shedReasons = new Map<string, number>();

/**
 * Milliseconds `fn` took. A request the service shed is counted (printed at the end), waited out
 * for its Retry-After and sent again; only the attempt that was answered is timed.
 */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const t = process.hrtime.bigint();
    try {
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    } catch (error) {
      if (!(error instanceof Shed) || attempt >= 10) throw error;
      shedReasons.set(error.message, (shedReasons.get(error.message) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, error.seconds * 1000));
    }
  }
}

async function measure(
  samples: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; mean: number }> {
  for (let i = 0; i < Math.min(20, samples); i += 1) await timed(fn); // warm-up
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) times.push(await timed(fn));
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

const fmt = (ms: number) => ms.toFixed(2).padStart(7);

// --- database -------------------------------------------------------------------------------
let url = process.env.DATABASE_URL;
const embedded = url
  ? undefined
  : await startEmbeddedPostgres(
      {
        dir: values['data-dir'] ?? path.join(root, '.data', 'bench-postgres'),
        port: Number(values.port),
        database: 'bench',
      },
      logger,
    );
url ??= embedded?.url ?? '';
const env = { ...process.env, DATABASE_URL: url, DB_MIGRATE_ON_START: 'true', LOG_LEVEL: 'warn' };

let server: ReturnType<typeof spawn> | undefined;
const pool = new pg.Pool({ connectionString: url, max: 4 });
let failed = false;
try {
  await run(['scripts/db.ts', 'migrate'], env);
  await run(['scripts/db-seed.ts', '--count', String(COUNT), '--batch', '10000'], env);
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from products where archived_at is null',
  );
  console.log(`\nproducts: ${rows[0]?.n}`);

  // --- the API, as in production (no response validation, JSON logs at warn) -------------
  const port = 3000 + Math.floor(Math.random() * 1000) + 31_000;
  server = spawn(node, ['src/server.ts'], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET: randomBytes(32).toString('hex'),
      REQUIRE_HTTPS: 'false',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      DB_MIGRATE_ON_START: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // A production start warms the validator up; on a busy shared machine that takes a while.
  await waitForHttp(`${base}/health`, server, 180);
  const getJson = async (p: string) => {
    const res = await fetch(`${base}${p}`);
    if (res.status === 503)
      throw new Shed(
        Number(res.headers.get('retry-after') ?? 1),
        ((await res.json()) as { message?: string }).message ?? '503',
      );
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as {
      data: { id: string; createdAt: string }[];
      meta: { pagination: { nextCursor: string | null } };
    };
  };

  // --- walk DEPTH pages by cursor, timing each step ---------------------------------------
  console.log(`walking ${DEPTH} pages of ${LIMIT} by cursor …`);
  let cursor: string | null = null;
  const stepTimes: number[] = [];
  let deepCursor = '';
  let lastRowOfDeepPage: { id: string; createdAt: string } | undefined;
  for (let page = 1; page <= DEPTH; page += 1) {
    if (page === DEPTH) deepCursor = cursor ?? '';
    let body: Awaited<ReturnType<typeof getJson>> | undefined;
    const path = `/api/v1/products?limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`;
    stepTimes.push(await timed(async () => (body = await getJson(path))));
    if (!body) throw new Error('unreachable: timed() resolves only once answered');
    cursor = body.meta.pagination.nextCursor;
    if (page === DEPTH - 1) lastRowOfDeepPage = body.data.at(-1);
    if (!cursor) throw new Error(`the catalog ended at page ${page}`);
  }
  const bucket = (from: number, to: number) => {
    const slice = stepTimes.slice(from - 1, to).sort((a, b) => a - b);
    return { p50: percentile(slice, 50), p95: percentile(slice, 95) };
  };

  // The SQL the API runs for each case, built by the same function the repository uses.
  // The cursor is opaque (a binary record, ADR 0004): the SQL side continues after the last row
  // of the page before, which is what the cursor encodes.
  if (!lastRowOfDeepPage) throw new Error(`the walk did not reach page ${DEPTH - 1}`);
  const decoded = { v: lastRowOfDeepPage.createdAt, i: lastRowOfDeepPage.id };
  const sort = { field: 'createdAt', descending: true } as const;
  const firstPage: ListQuery = { filters: {}, sort, limit: LIMIT, offset: 0 };
  const deepPage: ListQuery = {
    filters: {},
    sort,
    limit: LIMIT,
    after: { value: decoded.v, id: decoded.i },
  };
  // Three search terms over the seeded names and SKUs: a common word (about 6.6 % of the names:
  // faker's materials), a rarer pair of words (about 0.3 %), and a SKU fragment (100 products).
  const SEARCH = 'granite';
  const MID_SEARCH = 'wooden chair';
  const RARE_SEARCH = 'SEED-09999';
  // A rare term goes to the trigram indexes as its probe, chosen from a sample of the catalog
  // (products.search.ts). The API takes a sample of its own, so its probe may differ from this
  // one by a window; the statements are otherwise the API's.
  const sample = await takeSearchSample(
    async (sql, params) => (await pool.query<Record<string, unknown>>(sql, params)).rows,
  );
  const search = (q: string): ListQuery => ({
    filters: { q },
    sort,
    limit: LIMIT,
    offset: 0,
    probe: searchProbe(sample, q),
  });
  const searchPage = search(SEARCH);
  // The API takes its own sample when a search first needs it, in the background, and again every
  // ten minutes: 0.1–0.3 s of PostgreSQL and 25–70 ms of the event loop in short turns (ADR 0015).
  // Once in ten minutes of searches in production, it would fall among this run's first timed
  // searches: one search, and time for the sample, before anything is timed.
  await getJson(`/api/v1/products?limit=${LIMIT}&q=${encodeURIComponent(MID_SEARCH)}`);
  await sleep(2000);
  /**
   * The statements the service sends (products.service.ts, list): by cursor, the page; in page
   * mode, the page with its count up to one past countLimit() in one statement; with
   * `exactTotal`, the page, then the exact count unless the page itself tells the total (the
   * last page).
   */
  const direct = (q: ListQuery, count: 'capped' | 'exact' | 'none') => async () => {
    if (count === 'capped') {
      const page = buildCountedPageQuery(q, countLimit(q.offset ?? 0, q.limit) + 1);
      await pool.query(page.sql, page.params);
      return;
    }
    const list = buildListQuery(q);
    const { rows } = await pool.query(list.sql, list.params);
    if (count === 'none') return;
    if (rows.length > 0 && rows.length <= q.limit) return;
    const total = buildCountQuery(q.filters, q.probe);
    await pool.query(total.sql, total.params);
  };
  const enc = encodeURIComponent;

  const cases = [
    {
      name: 'first page (page=1, total counted up to 220)',
      api: `/api/v1/products?limit=${LIMIT}`,
      sql: direct(firstPage, 'capped'),
    },
    {
      name: 'first page, exactTotal=true (for contrast)',
      api: `/api/v1/products?limit=${LIMIT}&exactTotal=true`,
      sql: direct(firstPage, 'exact'),
      contrast: true,
    },
    {
      name: `page ${DEPTH} by cursor`,
      api: `/api/v1/products?limit=${LIMIT}&cursor=${deepCursor}`,
      sql: direct(deepPage, 'none'),
    },
    {
      name: `search q=${SEARCH} (common; page 1, total up to 220)`,
      api: `/api/v1/products?limit=${LIMIT}&q=${SEARCH}`,
      sql: direct(searchPage, 'capped'),
    },
    {
      name: `search q=${MID_SEARCH} (rarer; page 1, total up to 220)`,
      api: `/api/v1/products?limit=${LIMIT}&q=${enc(MID_SEARCH)}`,
      sql: direct(search(MID_SEARCH), 'capped'),
    },
    {
      name: `search q=${RARE_SEARCH} (rare; page 1, total up to 220)`,
      api: `/api/v1/products?limit=${LIMIT}&q=${RARE_SEARCH}`,
      sql: direct(search(RARE_SEARCH), 'capped'),
    },
    {
      name: `search q=${SEARCH}, exactTotal=true (for contrast)`,
      api: `/api/v1/products?limit=${LIMIT}&q=${SEARCH}&exactTotal=true`,
      sql: direct(searchPage, 'exact'),
      contrast: true,
    },
    {
      name: `page ${DEPTH} by offset (for contrast)`,
      api: `/api/v1/products?limit=${LIMIT}&page=${DEPTH}`,
      sql: direct({ ...firstPage, offset: (DEPTH - 1) * LIMIT }, 'capped'),
      contrast: true,
    },
  ];

  // The cursor page and the SQL page must be the same rows.
  const viaApi = (await getJson(`/api/v1/products?limit=${LIMIT}&cursor=${deepCursor}`)).data;
  const viaSql = await pool.query<{ id: string }>(
    buildListQuery(deepPage).sql,
    buildListQuery(deepPage).params,
  );
  if (
    viaApi.map((r) => r.id).join() !==
    viaSql.rows
      .slice(0, LIMIT)
      .map((r) => r.id)
      .join()
  )
    throw new Error('the cursor page differs from the SQL page');

  console.log(
    `\n${SAMPLES} sequential samples each (a quarter of that for the cases "for contrast"); milliseconds; API = full HTTP stack, SQL = same statements over pg`,
  );
  console.log('| case | API p50 | API p95 | SQL p50 | SQL p95 | API/SQL p95 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of cases) {
    // The contrast cases are the slow ones: a quarter of the samples keeps the run short.
    const n = 'contrast' in c ? Math.max(20, Math.ceil(SAMPLES / 4)) : SAMPLES;
    const api = await measure(n, () => getJson(c.api));
    const sql = await measure(n, c.sql);
    console.log(
      `| ${c.name} | ${fmt(api.p50)} | ${fmt(api.p95)} | ${fmt(sql.p50)} | ${fmt(sql.p95)} | ${(api.p95 / sql.p95).toFixed(2)}× |`,
    );
  }

  console.log(`\ncursor walk, API latency per step by depth (ms):`);
  console.log('| pages | p50 | p95 |');
  console.log('|---|---:|---:|');
  // The first, middle and last hundred steps of the walk (fewer when the walk is short).
  const span = Math.max(1, Math.min(100, Math.floor(DEPTH / 3)));
  const middle = Math.floor(DEPTH / 2);
  for (const [from, to] of [
    [2, 1 + span],
    [middle - span + 1, middle],
    [DEPTH - span + 1, DEPTH],
  ] as const) {
    const b = bucket(from, to);
    console.log(`| ${from}–${to} | ${fmt(b.p50)} | ${fmt(b.p95)} |`);
  }

  console.log('\nquery plans (each must use the index named, and no sequential scan):');
  const SEARCH_INDEX = /Index Only Scan (Backward )?using products_created_at_id_name_sku/;
  // A rare term's probe is found through the trigram bitmap, never by walking the date index:
  // the sample, not the planner's statistics of the day, tells rare from common (ADR 0015).
  const TRIGRAM = /CTE matches.*Bitmap Index Scan on products_(name|sku)_trgm/;
  const plans: [string, { sql: string; params: unknown[] }, RegExp][] = [
    [
      'first page, counted',
      buildCountedPageQuery(firstPage, countLimit(0, LIMIT) + 1),
      /Index Only Scan Backward using products_created_at_id_name_sku/,
    ],
    ['cursor page', buildListQuery(deepPage), /products_created_at_id_name_sku/],
    [
      'search page, counted',
      buildCountedPageQuery(searchPage, countLimit(0, LIMIT) + 1),
      SEARCH_INDEX,
    ],
    [
      'rarer search page, counted',
      buildCountedPageQuery(search(MID_SEARCH), countLimit(0, LIMIT) + 1),
      TRIGRAM,
    ],
    [
      'rare search page, counted',
      buildCountedPageQuery(search(RARE_SEARCH), countLimit(0, LIMIT) + 1),
      TRIGRAM,
    ],
    [
      'category page',
      buildListQuery({ filters: { category: 'toys' }, sort, limit: LIMIT }),
      /products_category_created_at_id/,
    ],
    [
      'price sort, price range',
      buildListQuery({
        filters: { minPrice: 1000, maxPrice: 5000 },
        sort: { field: 'priceCents', descending: false },
        limit: LIMIT,
      }),
      /products_price_id/,
    ],
  ];
  for (const [label, q, expected] of plans) {
    const { rows: planRows } = await pool.query<{ 'QUERY PLAN': string }>(
      `explain ${q.sql}`,
      q.params,
    );
    const text = planRows.map((r) => r['QUERY PLAN']).join(' / ');
    const used = [
      ...text.matchAll(
        /(Index Only Scan|Index Scan)(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)/g,
      ),
    ]
      .map((m) => (m[1] ? `${m[1]} ${m[2]}` : `Bitmap Index Scan ${m[3]}`))
      .join(', ');
    const ok = !/Seq Scan/.test(text) && expected.test(text);
    if (!ok) failed = true;
    console.log(
      `- ${ok ? 'ok ' : 'BAD'} ${label}: ${used || 'no index'}${ok ? '' : `\n    expected ${expected}; plan: ${text}`}`,
    );
  }
  console.log(
    shedReasons.size === 0
      ? '\nno request was shed'
      : `\nrequests shed (503, waited out and sent again, untimed): ${[...shedReasons].map(([m, n]) => `${n}× ${m}`).join('; ')}`,
  );
} finally {
  // The API first, then the database. Stopped together, the API's shutdown raced PostgreSQL's:
  // pg-boss 12.38.0 takes the error listener off its LISTEN connection before that connection
  // has closed, and PostgreSQL's "terminating connection" then crashed the API (exit 1).
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
  await pool.end();
  await embedded?.stop();
}
if (failed) {
  console.error('\na list query is not served by the index it should be');
  process.exit(1);
}
if (!existsSync(path.join(root, 'docs', 'BENCHMARKS.md')))
  console.log('\n(record these figures in docs/BENCHMARKS.md)');
