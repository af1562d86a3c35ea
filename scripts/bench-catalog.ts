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
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  buildCountQuery,
  buildListQuery,
  type ListQuery,
} from '../src/api/products/products.repository.ts';
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

async function measure(
  samples: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; mean: number }> {
  for (let i = 0; i < Math.min(20, samples); i += 1) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
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
  await waitForHttp(`${base}/health`, server);
  const getJson = async (p: string) => {
    const res = await fetch(`${base}${p}`);
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return (await res.json()) as {
      data: { id: string }[];
      meta: { pagination: { nextCursor: string | null } };
    };
  };

  // --- walk DEPTH pages by cursor, timing each step ---------------------------------------
  console.log(`walking ${DEPTH} pages of ${LIMIT} by cursor …`);
  let cursor: string | null = null;
  const stepTimes: number[] = [];
  let deepCursor = '';
  let lastRowOfDeepPage: { id: string } | undefined;
  for (let page = 1; page <= DEPTH; page += 1) {
    if (page === DEPTH) deepCursor = cursor ?? '';
    const t = process.hrtime.bigint();
    const body = await getJson(
      `/api/v1/products?limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    stepTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    cursor = body.meta.pagination.nextCursor;
    if (page === DEPTH - 1) lastRowOfDeepPage = body.data.at(-1);
    if (!cursor) throw new Error(`the catalog ended at page ${page}`);
  }
  const bucket = (from: number, to: number) => {
    const slice = stepTimes.slice(from - 1, to).sort((a, b) => a - b);
    return { p50: percentile(slice, 50), p95: percentile(slice, 95) };
  };

  // The SQL the API runs for each case, built by the same function the repository uses.
  const decoded = JSON.parse(Buffer.from(deepCursor, 'base64url').toString()) as {
    v: string;
    i: string;
  };
  const sort = { field: 'createdAt', descending: true } as const;
  const firstPage: ListQuery = { filters: {}, sort, limit: LIMIT, offset: 0 };
  const deepPage: ListQuery = {
    filters: {},
    sort,
    limit: LIMIT,
    after: { value: decoded.v, id: decoded.i },
  };
  const SEARCH = 'granite';
  const searchPage: ListQuery = { filters: { q: SEARCH }, sort, limit: LIMIT, offset: 0 };
  const direct = (q: ListQuery, withCount: boolean) => async () => {
    const list = buildListQuery(q);
    await pool.query(list.sql, list.params);
    if (withCount) {
      const count = buildCountQuery(q.filters);
      await pool.query(count.sql, count.params);
    }
  };

  const cases = [
    {
      name: 'first page (page=1, with total)',
      api: `/api/v1/products?limit=${LIMIT}`,
      sql: direct(firstPage, true),
    },
    {
      name: `page ${DEPTH} by cursor`,
      api: `/api/v1/products?limit=${LIMIT}&cursor=${deepCursor}`,
      sql: direct(deepPage, false),
    },
    {
      name: `search q=${SEARCH} (page 1, with total)`,
      api: `/api/v1/products?limit=${LIMIT}&q=${SEARCH}`,
      sql: direct(searchPage, true),
    },
    {
      name: `page ${DEPTH} by offset (for contrast)`,
      api: `/api/v1/products?limit=${LIMIT}&page=${DEPTH}`,
      sql: direct({ ...firstPage, offset: (DEPTH - 1) * LIMIT }, true),
    },
  ];

  // The cursor page must be the page the walk reached: the row before it is the cursor's key.
  if (lastRowOfDeepPage?.id !== decoded.i) throw new Error('cursor does not match the walk');

  console.log(
    `\n${SAMPLES} sequential samples each; milliseconds; API = full HTTP stack, SQL = same statements over pg`,
  );
  console.log('| case | API p50 | API p95 | SQL p50 | SQL p95 | API/SQL p95 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of cases) {
    const api = await measure(SAMPLES, () => getJson(c.api));
    const sql = await measure(SAMPLES, c.sql);
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

  console.log('\nquery plans (must use an index, no sequential scan):');
  const plans: [string, { sql: string; params: unknown[] }][] = [
    ['first page', buildListQuery(firstPage)],
    ['cursor page', buildListQuery(deepPage)],
    ['search page', buildListQuery(searchPage)],
    ['search count', buildCountQuery(searchPage.filters)],
    ['rare search page', buildListQuery({ filters: { q: 'SEED-09999' }, sort, limit: LIMIT })],
    ['category page', buildListQuery({ filters: { category: 'toys' }, sort, limit: LIMIT })],
    [
      'price sort, price range',
      buildListQuery({
        filters: { minPrice: 1000, maxPrice: 5000 },
        sort: { field: 'priceCents', descending: false },
        limit: LIMIT,
      }),
    ],
  ];
  for (const [label, q] of plans) {
    const { rows: planRows } = await pool.query<{ 'QUERY PLAN': string }>(
      `explain ${q.sql}`,
      q.params,
    );
    const text = planRows.map((r) => r['QUERY PLAN']).join(' / ');
    const index = /using (\w+)|on (\w+_trgm)|Index Scan on (\w+)/.exec(text);
    const ok = !/Seq Scan/.test(text) && /Index/.test(text);
    if (!ok) failed = true;
    console.log(
      `- ${ok ? 'ok ' : 'SEQ'} ${label}: ${index ? (index[1] ?? index[2] ?? index[3]) : 'no index'}${ok ? '' : `\n    ${text}`}`,
    );
  }
} finally {
  server?.kill('SIGTERM');
  await pool.end();
  await embedded?.stop();
}
if (failed) {
  console.error('\na list query is not served by an index');
  process.exit(1);
}
if (!existsSync(path.join(root, 'docs', 'BENCHMARKS.md')))
  console.log('\n(record these figures in docs/BENCHMARKS.md)');
