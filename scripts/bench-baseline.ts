// The bare baseline of `npm run bench`: plain node:http and the pg driver doing the same SQL as
// the API for each benchmarked route, with none of the stack (no Express, validation, auth,
// quotas, logging). Started by scripts/bench.ts with DATABASE_URL, PRODUCT_ID, EMAIL and PORT.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import bcrypt from 'bcrypt';
import pg from 'pg';
import { buildCountQuery, buildListQuery } from '../src/api/products/products.repository.ts';

const PASSWORD = 'correct-horse-battery-staple';

async function main(url: string, productId: string, email: string, port: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const prehash = (p: string) => createHash('sha256').update(p).digest('base64');
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (path === '/health')
          return json(res, 200, { status: 'success', data: { status: 'ok' } });
        if (path.startsWith('/api/v1/products/')) {
          const { rows } = await pool.query<Record<string, unknown>>(
            'select * from products where id = $1 and archived_at is null',
            [path.slice(17)],
          );
          return json(res, rows[0] ? 200 : 404, { status: 'success', data: rows[0] });
        }
        if (path === '/api/v1/products') {
          const list = buildListQuery({
            filters: {},
            sort: { field: 'createdAt', descending: true },
            limit: 20,
            offset: 0,
          });
          const count = buildCountQuery({});
          const [items, total] = await Promise.all([
            pool.query<Record<string, unknown>>(list.sql, list.params),
            pool.query<Record<string, unknown>>(count.sql, count.params),
          ]);
          return json(res, 200, { status: 'success', data: items.rows, meta: total.rows[0] });
        }
        if (path === '/api/v1/auth/login') {
          const { rows } = await pool.query<{ password_hash: string }>(
            'select password_hash from users where email = $1',
            [email],
          );
          const ok = rows[0] && (await bcrypt.compare(prehash(PASSWORD), rows[0].password_hash));
          return json(res, ok ? 200 : 401, { status: ok ? 'success' : 'error' });
        }
        if (path === '/api/v1/orders') {
          const client = await pool.connect();
          try {
            await client.query('begin');
            const { rows } = await client.query<{ price_cents: string; currency: string }>(
              'select price_cents, currency from products where id = $1 for update',
              [productId],
            );
            await client.query('update products set stock = stock - 1 where id = $1', [productId]);
            const orderId = randomUUID();
            const users = await client.query<{ id: string }>(
              'select id from users where email = $1',
              [email],
            );
            await client.query(
              "insert into orders (id, user_id, status, currency, total_cents, created_at, updated_at) values ($1, $2, 'pending', $3, $4, now(), now())",
              [orderId, users.rows[0]?.id, rows[0]?.currency, rows[0]?.price_cents],
            );
            await client.query(
              'insert into order_items (id, order_id, product_id, sku, name, quantity, unit_price_cents, line_total_cents) values (gen_random_uuid(), $1, $2, $3, $3, 1, $4, $4)',
              [orderId, productId, 'BASE', rows[0]?.price_cents],
            );
            await client.query('commit');
            return json(res, 201, { status: 'success', data: { id: orderId } });
          } catch (error) {
            await client.query('rollback');
            throw error;
          } finally {
            client.release();
          }
        }
        json(res, 404, { status: 'error' });
      })().catch(() => json(res, 500, { status: 'error' }));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void pool.end());
  });
}

await main(
  process.env.DATABASE_URL ?? '',
  process.env.PRODUCT_ID ?? '',
  process.env.EMAIL ?? '',
  Number(process.env.PORT),
);
