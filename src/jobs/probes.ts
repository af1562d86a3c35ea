// The worker's probes, on WORKER_HEALTH_PORT when it is set: the same GET /health (liveness:
// the event loop turns) and GET /ready (PostgreSQL answers and the worker is not stopping) as
// the API's, from the same system service, on a bare node:http server because the worker serves
// nothing else. Kubernetes and compose probe the worker here; nothing else is exposed.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SystemService } from '../api/system/system.service.ts';
import { AppError } from '../utils/errors.ts';

export interface ProbeServer {
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, head: boolean, status: number, body: object, headers = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(head ? undefined : JSON.stringify(body));
}

export async function startProbeServer(
  system: SystemService,
  host: string,
  port: number,
): Promise<ProbeServer> {
  const server = createServer((req, res) => {
    const head = req.method === 'HEAD';
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/health' && path !== '/ready') {
      return send(res, head, 404, {
        status: 'error',
        code: 'NOT_FOUND',
        message: 'The worker answers only /health and /ready.',
      });
    }
    if (req.method !== 'GET' && !head) {
      return send(
        res,
        head,
        405,
        { status: 'error', code: 'METHOD_NOT_ALLOWED', message: 'Only GET and HEAD.' },
        { allow: 'GET, HEAD' },
      );
    }
    if (path === '/health')
      return send(res, head, 200, { status: 'success', data: system.health() });
    system.readiness().then(
      (data) => send(res, head, 200, { status: 'success', data }),
      (error: unknown) =>
        send(
          res,
          head,
          503,
          {
            status: 'error',
            code: 'SERVICE_UNAVAILABLE',
            message: error instanceof AppError ? error.message : 'The worker is not ready.',
          },
          { 'retry-after': '5' },
        ),
    );
  });
  // A probe is one small request: nothing may hold a connection open for long.
  server.headersTimeout = 5000;
  server.requestTimeout = 5000;
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
