// The baselines of `npm run bench`, each a process of its own like the API it is compared with,
// serving GET /health and GET /api/v1/products/{id} with the same primary-key lookup as the API:
//   BENCH_BASELINE=bare     plain node:http and the pg driver, nothing else (no routing library,
//                           validation, authentication, quotas, request ids, logs or metrics)
//   BENCH_BASELINE=express  Express 5 + helmet + cors (defaults) + the pg driver
// Started by scripts/bench.ts with DATABASE_URL, PORT and BENCH_BASELINE.
import http from 'node:http';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import pg from 'pg';

// A named prepared statement, as the API's product read is (src/db/sql.ts `prepared`): parsed
// and planned once per connection, so the baselines pay PostgreSQL what the API pays.
const productQuery = (id: string | undefined) => ({
  name: 'product',
  text: 'select * from products where id = $1 and archived_at is null',
  values: [id],
});
const PREFIX = '/api/v1/products/';
const HEALTH = { status: 'success', data: { status: 'ok' } };

const mode = process.env.BENCH_BASELINE ?? 'bare';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function bare(): http.Server {
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  return http.createServer((req, res) => {
    const url = req.url ?? '';
    const path = url.split('?', 1)[0] ?? '';
    if (path === '/health') return json(res, 200, HEALTH);
    if (path.startsWith(PREFIX)) {
      pool.query<Record<string, unknown>>(productQuery(path.slice(PREFIX.length))).then(
        ({ rows }) =>
          rows[0]
            ? json(res, 200, { status: 'success', data: rows[0] })
            : json(res, 404, { status: 'error' }),
        () => json(res, 500, { status: 'error' }),
      );
      return;
    }
    json(res, 404, { status: 'error' });
  });
}

function withExpress(): http.Server {
  const app = express();
  app.use(helmet());
  app.use(cors());
  app.get('/health', (_req, res) => {
    res.json(HEALTH);
  });
  app.get(`${PREFIX}:id`, async (req, res) => {
    const { rows } = await pool.query<Record<string, unknown>>(productQuery(req.params.id));
    if (rows[0]) res.json({ status: 'success', data: rows[0] });
    else res.status(404).json({ status: 'error' });
  });
  return http.createServer(app);
}

if (mode !== 'bare' && mode !== 'express') throw new Error(`BENCH_BASELINE=${mode}: bare|express`);
const server = mode === 'bare' ? bare() : withExpress();
// As the API: open the pool's connections before listening, so no request waits for one.
const held = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
for (const client of held) client.release();
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void pool.end());
});
