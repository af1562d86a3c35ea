// Proves the production container on a machine with no registry: starts its own Docker engine,
// builds a local Node 24 base image (Debian bookworm by debootstrap plus the project's pinned
// Node binary and npm), builds the Dockerfile on it, and runs the image on host networking
// against a real PostgreSQL and Redis on loopback. Run through scripts/docker-verify.sh, which
// installs the engine first; `--keep` leaves the engine running for a look around afterwards.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { createLogger } from '../src/utils/logger.ts';
import { freePort, runCommand } from './lib/process.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    // What the image adds over its Node base: dependencies, compiled code, the contract.
    'max-app-mb': { type: 'string', default: '80' },
  },
});
const MAX_APP_BYTES = Number(args['max-app-mb']) * 1024 * 1024;

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const NODE_VERSION = pkg.devDependencies.node!;
/** npm inside the base image; the official image brings its own, this is the one we pin. */
const NPM_VERSION = process.env.DOCKER_VERIFY_NPM_VERSION ?? '11.19.1';
const DEBIAN_MIRROR = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const WORK_DIR = path.resolve(process.env.DOCKER_VERIFY_DIR ?? '/var/tmp/cfm-docker-verify');
const SOCKET = path.join(WORK_DIR, 'docker.sock');
// Debian's client, the one that matches Debian's engine (a newer client may sit earlier in PATH).
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const BASE_IMAGE = `cfm-local/node:${NODE_VERSION}-bookworm-slim`;
const IMAGE = 'contract-first-monolith:verify';
const CA_BUNDLE = 'etc/ssl/certs/ca-certificates.crt';

const logger = createLogger({ level: 'error', service: 'docker-verify' });
const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Commands

const run = runCommand;

async function must(cmd: string, argv: string[], options: SpawnOptions = {}): Promise<string> {
  const result = await run(cmd, argv, options);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${argv.join(' ')} exited ${result.code}\n${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}

const docker = (...argv: string[]) => must(DOCKER, ['-H', `unix://${SOCKET}`, ...argv]);
const dockerRun = (...argv: string[]) => run(DOCKER, ['-H', `unix://${SOCKET}`, ...argv]);

// ---------------------------------------------------------------------------------------------
// Checks: each one prints a line; any failure makes the exit code 1.

const failures: string[] = [];

function check(name: string, ok: boolean, detail: string): void {
  log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(34)} ${detail}`);
  if (!ok) failures.push(name);
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---------------------------------------------------------------------------------------------
// The engine

async function startEngine(): Promise<ChildProcess | undefined> {
  if ((await dockerRun('version', '--format', '{{.Server.Version}}')).code === 0) {
    log(`engine: already running on ${SOCKET}`);
    return undefined;
  }
  mkdirSync(WORK_DIR, { recursive: true });
  // No bridge and no iptables: containers use the host's network only, nothing else is touched.
  const engine = spawn(
    'dockerd',
    [
      '--data-root',
      path.join(WORK_DIR, 'data'),
      '--exec-root',
      path.join(WORK_DIR, 'exec'),
      '--pidfile',
      path.join(WORK_DIR, 'dockerd.pid'),
      '--host',
      `unix://${SOCKET}`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  );
  const lines: string[] = [];
  engine.once('error', (error) => lines.push(`dockerd: ${error.message}`));
  engine.stderr?.on('data', (c: Buffer) => {
    lines.push(...c.toString('utf8').split('\n'));
    lines.splice(0, lines.length - 50);
  });
  const exited = () =>
    new Error(`dockerd exited ${engine.exitCode}:\n${lines.slice(-15).join('\n')}`);
  try {
    await until('dockerd answering', 60, async () => {
      if (engine.exitCode !== null) return false; // stop waiting; reported below
      const answer = await dockerRun('version', '--format', '{{.Server.Version}}');
      return answer.code === 0 ? true : undefined;
    });
  } catch (error) {
    throw engine.exitCode === null ? error : exited();
  }
  if (engine.exitCode !== null) throw exited();
  log(`engine: dockerd ${await docker('version', '--format', '{{.Server.Version}}')} on ${SOCKET}`);
  return engine;
}

async function stopEngine(engine: ChildProcess | undefined): Promise<void> {
  if (!engine || engine.exitCode !== null) return;
  const gone = new Promise((r) => engine.once('exit', r));
  engine.kill('SIGTERM');
  await Promise.race([gone, new Promise((r) => setTimeout(r, 30_000))]);
  // dockerd leaves its view of the host's network namespace mounted; nothing else remains.
  await run('umount', [path.join(WORK_DIR, 'exec/netns/default')]);
}

// ---------------------------------------------------------------------------------------------
// The local Node 24 base image (what node:24-bookworm-slim would be, from Debian's packages)

async function buildBaseImage(): Promise<void> {
  if ((await dockerRun('image', 'inspect', BASE_IMAGE)).code === 0) {
    log(`base:   ${BASE_IMAGE} exists`);
    return;
  }
  const nodeBinary = path.join(root, 'node_modules/node/bin/node');
  const version = await must(nodeBinary, ['--version']);
  if (version !== `v${NODE_VERSION}`) {
    throw new Error(`${nodeBinary} is ${version}, package.json pins ${NODE_VERSION}; npm ci first`);
  }
  const rootfs = path.join(WORK_DIR, 'rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  log(`base:   debootstrap bookworm (minbase) from ${DEBIAN_MIRROR}`);
  await must('debootstrap', ['--variant=minbase', 'bookworm', rootfs, DEBIAN_MIRROR]);

  // Node and npm where the official image puts them, and its unprivileged user `node` (1000).
  await must('install', ['-m', '0755', nodeBinary, path.join(rootfs, 'usr/local/bin/node')]);
  const packed = mkdtempSync(path.join(WORK_DIR, 'npm-'));
  const tarball = await must('npm', ['pack', `npm@${NPM_VERSION}`, '--silent'], { cwd: packed });
  const npmDir = path.join(rootfs, 'usr/local/lib/node_modules/npm');
  mkdirSync(npmDir, { recursive: true });
  await must('tar', ['-xzf', path.join(packed, tarball), '-C', npmDir, '--strip-components=1']);
  rmSync(packed, { recursive: true, force: true });
  await must('ln', ['-s', '../lib/node_modules/npm/bin/npm-cli.js', `${rootfs}/usr/local/bin/npm`]);
  await must('ln', ['-s', '../lib/node_modules/npm/bin/npx-cli.js', `${rootfs}/usr/local/bin/npx`]);
  await must('chroot', [rootfs, 'groupadd', '--gid', '1000', 'node']);
  await must('chroot', [
    rootfs,
    'useradd',
    '--uid',
    '1000',
    '--gid',
    'node',
    '--shell',
    '/bin/bash',
    '--create-home',
    'node',
  ]);
  // The machine's own trust store, so that npm inside the build trusts whatever this machine
  // trusts (here: a TLS-inspecting proxy in front of the registry).
  const trust = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(trust)) {
    mkdirSync(path.join(rootfs, 'etc/ssl/certs'), { recursive: true });
    await must('install', ['-m', '0644', trust, path.join(rootfs, CA_BUNDLE)]);
  }
  // What the slim image leaves out: package lists, caches, documentation.
  for (const dir of ['var/lib/apt/lists', 'var/cache/apt', 'usr/share/doc', 'usr/share/man']) {
    await must('find', [path.join(rootfs, dir), '-mindepth', '1', '-delete']);
  }
  await must('chroot', [rootfs, 'node', '--version']);

  log(`base:   docker import ${BASE_IMAGE}`);
  await new Promise<void>((resolve, reject) => {
    const tar = spawn('tar', ['--numeric-owner', '-C', rootfs, '-c', '.'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const imp = spawn(
      DOCKER,
      [
        '-H',
        `unix://${SOCKET}`,
        'import',
        '--change',
        'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        '--change',
        `ENV NODE_VERSION=${NODE_VERSION}`,
        '--change',
        `ENV NODE_EXTRA_CA_CERTS=/${CA_BUNDLE}`,
        '--change',
        'CMD ["node"]',
        '-',
        BASE_IMAGE,
      ],
      { stdio: ['pipe', 'ignore', 'inherit'] },
    );
    // Either side failing shows as an exit code below, never as an unhandled stream error.
    tar.once('error', reject);
    imp.once('error', reject);
    imp.stdin.on('error', () => undefined);
    tar.stdout.pipe(imp.stdin);
    imp.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`docker import exited ${code}`)),
    );
  });
  rmSync(rootfs, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Compose files: they must parse and resolve (`config`), with the variables production sets.

async function validateCompose(tmp: string): Promise<void> {
  const compose = existsSync('/usr/bin/docker-compose') ? '/usr/bin/docker-compose' : undefined;
  if (!compose) {
    check('compose files validate', false, 'docker-compose is not installed');
    return;
  }
  const envFile = path.join(tmp, 'compose.env');
  writeFileSync(
    envFile,
    `POSTGRES_PASSWORD=${randomBytes(12).toString('hex')}\nJWT_SECRET=${randomBytes(32).toString('hex')}\n`,
    { mode: 0o600 },
  );
  for (const [file, extra] of [
    ['docker-compose.yml', []],
    ['docker/docker-compose.prod.yml', ['--env-file', envFile]],
  ] as const) {
    const result = await run(compose, ['-f', file, ...extra, 'config', '--quiet'], {
      cwd: root,
      env: { ...process.env, DOCKER_HOST: `unix://${SOCKET}` },
    });
    check(
      `compose config: ${file}`,
      result.code === 0,
      result.code === 0 ? 'valid' : result.stderr.trim().split('\n').slice(-3).join(' | '),
    );
  }
  // A missing secret must stop the production stack before anything starts.
  const bare = await run(compose, ['-f', 'docker/docker-compose.prod.yml', 'config', '--quiet'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
  });
  check(
    'compose prod refuses missing secrets',
    bare.code !== 0 && /POSTGRES_PASSWORD|JWT_SECRET/.test(bare.stderr),
    bare.code !== 0 ? 'refused before starting anything' : 'accepted an empty environment',
  );
}

// ---------------------------------------------------------------------------------------------
// Running the image

interface Api {
  url: string;
  headers: Record<string, string>;
}

async function call(api: Api, method: string, route: string, body?: unknown, token?: string) {
  const res = await fetch(`${api.url}${route}`, {
    method,
    headers: {
      ...api.headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST' && route === '/api/v1/orders'
        ? { 'idempotency-key': randomUUID() }
        : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as { data?: Record<string, unknown> }) : {};
  return { status: res.status, data: json.data ?? {} };
}

async function realRequests(api: Api, admin: { email: string; password: string }, db: pg.Client) {
  const email = `verify-${randomUUID().slice(0, 8)}@example.com`;
  const password = randomBytes(12).toString('base64url');
  const registered = await call(api, 'POST', '/api/v1/auth/register', {
    email,
    password,
    name: 'Docker Verify',
  });
  check('register (201)', registered.status === 201, `status ${registered.status}`);
  const login = await call(api, 'POST', '/api/v1/auth/login', { email, password });
  const token = login.data.accessToken as string | undefined;
  check('login (200, access token)', login.status === 200 && !!token, `status ${login.status}`);
  const me = await call(api, 'GET', '/api/v1/users/me', undefined, token);
  check('GET /users/me', me.status === 200 && me.data.email === email, `status ${me.status}`);

  // ADMIN_EMAIL/ADMIN_PASSWORD made the first admin at start-up.
  const adminLogin = await call(api, 'POST', '/api/v1/auth/login', admin);
  const adminToken = adminLogin.data.accessToken as string | undefined;
  check('bootstrap admin logs in', adminLogin.status === 200, `status ${adminLogin.status}`);
  const product = await call(
    api,
    'POST',
    '/api/v1/products',
    {
      sku: `DV-${randomUUID().slice(0, 8)}`,
      name: 'Container proof',
      priceCents: 990,
      currency: 'EUR',
      stock: 3,
      category: 'verify',
    },
    adminToken,
  );
  check('admin creates a product (201)', product.status === 201, `status ${product.status}`);
  const order = await call(
    api,
    'POST',
    '/api/v1/orders',
    { items: [{ productId: product.data.id, quantity: 2 }] },
    token,
  );
  check('checkout (201)', order.status === 201, `status ${order.status}`);

  // The worker container picks the confirmation job from the queue the API container filled.
  const started = Date.now();
  const confirmed = await until('order confirmed by the worker', 30, async () => {
    const { rows } = await db.query<{ confirmed_at: Date | null }>(
      'select confirmed_at from orders where id = $1',
      [order.data.id],
    );
    return rows[0]?.confirmed_at ? Date.now() - started : undefined;
  }).catch(() => undefined);
  check(
    'worker container confirms the order',
    confirmed !== undefined,
    confirmed === undefined ? 'not confirmed within 30 s' : `after ${confirmed} ms`,
  );
}

/** A container's health status once it is `healthy`, or whatever it is after `seconds`. */
async function healthOf(name: string, seconds: number): Promise<string> {
  const status = () => docker('inspect', '--format', '{{.State.Health.Status}}', name);
  return until(`${name} healthy`, seconds, async () =>
    (await status()) === 'healthy' ? 'healthy' : undefined,
  ).catch(status);
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cfm-docker-verify-'));
  const containers: string[] = [];
  let engine: ChildProcess | undefined;
  let database: EmbeddedDatabase | undefined;
  let redis: ChildProcess | undefined;
  let db: pg.Client | undefined;
  try {
    mkdirSync(WORK_DIR, { recursive: true });
    engine = await startEngine();
    await buildBaseImage();

    log(`build:  docker build --build-arg NODE_IMAGE=${BASE_IMAGE} (host network for npm)`);
    const buildStarted = Date.now();
    const build = await dockerRun(
      'build',
      '--network',
      'host',
      '--build-arg',
      `NODE_IMAGE=${BASE_IMAGE}`,
      '--tag',
      IMAGE,
      root,
    );
    const buildLog = path.join(WORK_DIR, 'build.log');
    writeFileSync(buildLog, build.stdout + build.stderr);
    const seconds = ((Date.now() - buildStarted) / 1000).toFixed(0);
    check('image builds', build.code === 0, `${seconds} s, log in ${buildLog}`);
    if (build.code !== 0) {
      const tail = (build.stdout + build.stderr).trim().split('\n').slice(-30).join('\n');
      throw new Error(`docker build failed; nothing else can be checked:\n${tail}`);
    }

    const sizeOf = async (image: string) =>
      Number(await docker('image', 'inspect', '--format', '{{.Size}}', image));
    const [size, baseSize] = [await sizeOf(IMAGE), await sizeOf(BASE_IMAGE)];
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    check(
      `image adds <= ${args['max-app-mb']} MB to its base`,
      size - baseSize <= MAX_APP_BYTES,
      `${mb(size - baseSize)} over the base's ${mb(baseSize)}: ${mb(size)} in all`,
    );
    const user = await docker('image', 'inspect', '--format', '{{.Config.User}}', IMAGE);
    check('image runs as a non-root user', user !== '' && user !== 'root' && user !== '0', user);

    // A real PostgreSQL and Redis on loopback, reached through the host network.
    database = await startEmbeddedPostgres(
      { dir: path.join(tmp, 'pg'), port: await freePort(), database: 'verify', ephemeral: true },
      logger,
    );
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const redisPort = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    redis.once('error', (error) => check('redis-server starts', false, error.message));

    const port = await freePort();
    const admin = { email: 'admin@verify.example.com', password: randomBytes(16).toString('hex') };
    const envFile = path.join(tmp, 'api.env');
    writeFileSync(
      envFile,
      [
        'HOST=127.0.0.1',
        `PORT=${port}`,
        `DATABASE_URL=${database.url}`,
        `REDIS_URL=redis://127.0.0.1:${redisPort}`,
        `JWT_SECRET=${randomBytes(32).toString('hex')}`,
        'TRUST_PROXY=loopback',
        'SHUTDOWN_DELAY_MS=1000',
        `ADMIN_EMAIL=${admin.email}`,
        `ADMIN_PASSWORD=${admin.password}`,
      ].join('\n'),
      { mode: 0o600 },
    );
    // Hardened as in docker/docker-compose.prod.yml: read-only root, no capabilities.
    const hardening = [
      '--network',
      'host',
      '--env-file',
      envFile,
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
    ];
    const suffix = randomUUID().slice(0, 8);

    const migrate = await dockerRun(
      'run',
      '--rm',
      ...hardening,
      IMAGE,
      'node',
      'dist/scripts/db.js',
      'migrate',
    );
    check(
      'migrations run from the image',
      migrate.code === 0,
      migrate.code === 0 ? 'exit 0' : migrate.stderr.trim().split('\n').slice(-3).join(' | '),
    );

    const apiName = `cfm-verify-api-${suffix}`;
    const workerName = `cfm-verify-worker-${suffix}`;
    // The API with the memory limit of docker/k8s/api-deployment.yaml.
    await docker('run', '--detach', '--name', apiName, '--memory', '512m', ...hardening, IMAGE);
    containers.push(apiName);
    // The worker's probes listen on WORKER_HEALTH_PORT; its health command is the compose file's.
    const workerPort = await freePort();
    await docker(
      'run',
      '--detach',
      '--name',
      workerName,
      '--env',
      `WORKER_HEALTH_PORT=${workerPort}`,
      '--health-cmd',
      `node -e "fetch('http://127.0.0.1:${workerPort}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"`,
      '--health-interval',
      '2s',
      ...hardening,
      IMAGE,
      'node',
      'dist/src/worker.js',
    );
    containers.push(workerName);

    const api: Api = {
      url: `http://127.0.0.1:${port}`,
      // The TLS-terminating balancer's header: production refuses plain HTTP otherwise.
      headers: { 'x-forwarded-proto': 'https' },
    };
    const health = await until('GET /health', 60, async () => {
      const res = await fetch(`${api.url}/health`);
      return res.status === 200 ? res.status : undefined;
    }).catch(() => undefined);
    check('GET /health', health === 200, String(health ?? 'no answer in 60 s'));
    const ready = await fetch(`${api.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    check('GET /ready', ready === 200, String(ready));
    const metrics = await fetch(`${api.url}/metrics`).then(
      async (r) =>
        r.status === 200 && (await r.text()).includes('http_request_duration_seconds')
          ? 200
          : r.status,
      () => 0,
    );
    check('GET /metrics over plain HTTP', metrics === 200, String(metrics));
    // Node inside sees the container's limit, and the image's NODE_OPTIONS widen the nursery.
    const heap = JSON.parse(
      await docker(
        'exec',
        apiName,
        'node',
        '-e',
        'console.log(JSON.stringify({ limit: process.constrainedMemory(), heap: require("v8").getHeapStatistics().heap_size_limit }))',
      ),
    ) as { limit: number; heap: number };
    const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
    check(
      'Node sees the 512m limit; NODE_OPTIONS apply',
      mib(heap.limit) === 512 && mib(heap.heap) > 259,
      `constrained ${mib(heap.limit)} MiB, V8 heap limit ${mib(heap.heap)} MiB`,
    );
    const uid = await docker('exec', apiName, 'id', '-u');
    check('process uid inside the container', uid !== '0', uid);
    const write = await dockerRun('exec', apiName, 'sh', '-c', 'touch /app/dist/x');
    check('application files are read-only', write.code !== 0, write.stderr.trim());

    await realRequests(api, admin, db);

    // Docker's own HEALTHCHECK from the Dockerfile (first probe after its 15 s interval).
    const healthStatus = await healthOf(apiName, 45);
    check('Dockerfile HEALTHCHECK', healthStatus === 'healthy', healthStatus);
    const workerReady = await fetch(`http://127.0.0.1:${workerPort}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    check('worker /ready', workerReady === 200, String(workerReady));
    const workerHealth = await healthOf(workerName, 30);
    check('worker health command', workerHealth === 'healthy', workerHealth);

    // docker stop sends SIGTERM and waits 30 s before SIGKILL; a clean stop is exit 0 well before.
    for (const name of [apiName, workerName]) {
      const stopStarted = Date.now();
      await docker('stop', '--time', '30', name);
      const seconds = (Date.now() - stopStarted) / 1000;
      const exitCode = await docker('inspect', '--format', '{{.State.ExitCode}}', name);
      const logs = await dockerRun('logs', name);
      const complete = /shutdown complete|stopped/i.test(logs.stdout);
      check(
        `SIGTERM stops ${name.startsWith('cfm-verify-api') ? 'the API' : 'the worker'} cleanly`,
        exitCode === '0' && seconds < 25 && complete,
        `exit ${exitCode} after ${seconds.toFixed(1)} s${complete ? '' : ', no shutdown line in the log'}`,
      );
    }
    const logs = await dockerRun('logs', apiName);
    const jsonLines = logs.stdout
      .trim()
      .split('\n')
      .every((line) => {
        try {
          return typeof (JSON.parse(line) as { level?: unknown }).level === 'string';
        } catch {
          return false;
        }
      });
    check('logs are JSON lines', jsonLines, `${logs.stdout.trim().split('\n').length} lines`);
    check(
      'no secret in the logs',
      !logs.stdout.includes(admin.password) && !logs.stdout.includes(database.url),
      'admin password and DATABASE_URL absent',
    );

    await validateCompose(tmp);
  } finally {
    for (const name of containers) await dockerRun('rm', '--force', name);
    await db?.end().catch(() => undefined);
    redis?.kill('SIGTERM');
    await database?.stop().catch(() => undefined);
    if (!args.keep) await stopEngine(engine);
    rmSync(tmp, { recursive: true, force: true });
  }
  log(
    failures.length === 0
      ? 'docker-verify: all checks passed'
      : `docker-verify: ${failures.length} failed: ${failures.join(', ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

// A failure outside the checks (the engine, the base image, the build) is one line and exit
// code 1, never a stack trace.
await main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log(`FAIL  docker-verify: ${message.split('\n').join(' | ')}`);
  process.exitCode = 1;
});
