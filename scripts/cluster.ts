// Several API instances behind a real load balancer, on loopback: nginx (Debian's) in front of
// N API processes in production mode, Redis (Debian's redis-server) for shared quotas and
// revocation broadcasts, and one PostgreSQL (DATABASE_URL, or an embedded one).
//   npm run cluster [-- --instances 3 --port 8080]      runs until Ctrl-C
// startCluster() is also used by tests/cluster.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { freePort, waitForHttp } from './lib/process.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface Instance {
  port: number;
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

export interface Cluster {
  url: string;
  instances: Instance[];
  redisUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances: number;
  port?: number;
  env?: Record<string, string>;
}

function track(child: ChildProcess): Pick<Instance, 'lines' | 'exited'> {
  const lines: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) =>
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { lines, exited };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-cluster-'));
  const processes: ChildProcess[] = [];
  let embedded: EmbeddedDatabase | undefined;
  const stop = async () => {
    for (const child of processes.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
    }
    await embedded?.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres(
        { dir: path.join(tmp, 'pg'), port: await freePort(), database: 'cluster', ephemeral: true },
        createLogger({ level: 'warn', service: 'cluster' }),
      );
      databaseUrl = embedded.url;
    }
    const redisPort = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    processes.push(redis);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Behind nginx on loopback: trust one proxy hop, no TLS here.
      TRUST_PROXY: '1',
      REQUIRE_HTTPS: 'false',
      SHUTDOWN_DELAY_MS: '300',
      ...options.env,
    };
    await run(['scripts/db.ts', 'migrate'], { ...env, LOG_LEVEL: 'warn' });

    const instances: Instance[] = [];
    for (let i = 0; i < options.instances; i += 1) {
      const port = await freePort();
      const child = spawn(process.execPath, ['src/server.ts'], {
        cwd: root,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      processes.push(child);
      instances.push({ port, child, ...track(child) });
    }
    await Promise.all(
      instances.map((i) => waitForHttp(`http://127.0.0.1:${i.port}/health`, i.child)),
    );

    const lbPort = options.port ?? (await freePort());
    const conf = path.join(tmp, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  upstream api {
${instances.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${lbPort};
    client_max_body_size 200k;
    location / {
      proxy_pass http://api;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A refused connection (an instance that has stopped listening) goes to the next one;
      # the request was never sent, so this is safe for POST too.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
`,
    );
    const nginx = spawn('nginx', ['-c', conf, '-p', tmp], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    processes.push(nginx);
    const url = `http://127.0.0.1:${lbPort}`;
    await waitForHttp(`${url}/health`, nginx);
    return { url, instances, redisUrl, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '3' },
      port: { type: 'string', default: '8080' },
    },
  });
  const cluster = await startCluster({
    instances: Number(values.instances),
    port: Number(values.port),
  });
  console.log(
    `${cluster.instances.length} instances behind nginx on ${cluster.url} (Ctrl-C stops everything)`,
  );
  for (const i of cluster.instances) console.log(`  instance on http://127.0.0.1:${i.port}`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void cluster.stop().then(() => process.exit(0));
    });
  }
}
