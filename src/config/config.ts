// The service's whole configuration, parsed once from the environment by zod. Nothing else in
// src/ reads process.env: server.ts passes it here and hands the result to everything else.
import { z } from 'zod';

const NODE_ENVS = ['development', 'test', 'production'] as const;
const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'debug', 'silent'] as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** `TRUST_PROXY` as Express understands it: false, a hop count, or a list of addresses/subnets. */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): boolean | number | string[] => {
    if (v === '' || v === 'false' || v === '0') return false;
    if (v === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true trusts every hop and lets clients forge their IP; give a hop count or addresses',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((s) => s.trim());
  });

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// or postgresql:// URL');

const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-never-use-in-production';

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(NODE_ENVS).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),

  DATABASE_URL: databaseUrl.optional(),
  DATABASE_REPLICA_URLS: list.default([]),
  DATABASE_REPLICA_MAX_LAG_MS: int(100, 3_600_000).default(5000),
  DATABASE_REPLICA_CHECK_MS: int(100, 60_000).default(1000),
  /** Unset: 2 (one request may hold two connections at once: a login's lockout lookups). */
  DB_POOL_MIN: int(0, 100).optional(),
  DB_POOL_MAX: int(1, 200).default(10),
  DB_CONNECT_TIMEOUT_MS: int(100, 60_000).default(3000),
  DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(15_000),
  DB_IDLE_TIMEOUT_MS: int(1000, 3_600_000).default(30_000),
  DB_MIGRATE_ON_START: bool.optional(),
  EMBEDDED_PG_DIR: z.string().trim().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: int(1024, 65535).default(54329),

  CORS_ORIGINS: list.default([]),
  TRUST_PROXY: trustProxy.default(false),
  REQUIRE_HTTPS: bool.optional(),
  VALIDATE_RESPONSES: bool.optional(),
  HTTP_HEADERS_TIMEOUT_MS: int(1000, 300_000).default(15_000),
  HTTP_REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).default(5_000),
  READY_CHECK_TIMEOUT_MS: int(100, 30_000).default(2000),
  SHUTDOWN_DELAY_MS: int(0, 60_000).default(0),
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),

  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\/.+/.test(v), 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_COMMAND_TIMEOUT_MS: int(50, 30_000).default(1000),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().trim().min(1).default('contract-first-monolith'),
  JWT_AUDIENCE: z.string().trim().min(1).default('contract-first-monolith-api'),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: int(0, 60).default(10),
  AUTH_STATE_CACHE_MS: int(0, 60_000).default(2000),
  BCRYPT_COST: int(4, 15).optional(),
  PASSWORD_RESET_TTL_MINUTES: int(5, 1440).default(30),
  PASSWORD_RESET_URL: z.url().default('http://localhost:3000/reset-password'),
  MAIL_TRANSPORT: z.enum(['log', 'disabled']).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).max(128).optional(),

  METRICS_ENABLED: bool.default(true),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WORKER_IN_PROCESS: bool.optional(),
  WORKER_HEALTH_PORT: int(0, 65535).optional(),
  JOB_RETRY_LIMIT: int(0, 100).default(5),
  JOB_TIMEOUT_SECONDS: int(1, 86_400).default(120),
  QUEUE_MAINTENANCE_SECONDS: int(1, 3600).default(30),
  IDEMPOTENCY_TTL_HOURS: int(1, 720).default(24),
  AUDIT_RETENTION_DAYS: int(1, 3650).default(365),
  RETENTION_CRON: z.string().trim().min(9).max(100).default('17 * * * *'),
  CHECKOUT_PER_MINUTE: int(1, 1_000_000).optional(),

  LOGIN_MAX_CONSECUTIVE_FAILS: int(1, 100).default(5),
  LOGIN_LOCK_SECONDS: int(1, 86_400).default(900),
  LOGIN_MAX_FAILS_PER_IP_PER_DAY: int(1, 100_000).default(100),
  AUTH_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).optional(),
  API_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).optional(),
  USER_QUOTA_PER_MINUTE: int(1, 1_000_000).optional(),

  // Load shedding (src/utils/pressure.ts); 0 turns a bound off.
  OVERLOAD_MAX_IN_FLIGHT: int(0, 1_000_000).optional(),
  OVERLOAD_TARGET_LATENCY_MS: int(0, 600_000).optional(),
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).optional(),
  OVERLOAD_MAX_HEAP_USED_RATIO: z.coerce.number().min(0).max(1).optional(),
  OVERLOAD_MAX_RSS_MB: int(0, 1_048_576).optional(),
  OVERLOAD_SAMPLE_INTERVAL_MS: int(50, 10_000).default(250),
  OVERLOAD_RETRY_AFTER_SECONDS: int(1, 3600).default(2),
  OVERLOAD_SHED_PAUSE_MS: int(0, 10_000).optional(),
});

/** Every environment variable the service reads (deployment manifests are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type NodeEnv = (typeof NODE_ENVS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Load shedding's bounds (utils/pressure.ts); 0 turns one off. */
export interface OverloadLimits {
  /** Requests being answered at once (admitted, not yet finished). */
  maxInFlight: number;
  /**
   * Mean time an admitted request may take, in milliseconds (0: off). Past it the in-flight
   * bound tightens to throughput × this time (utils/pressure.ts, ADR 0013), never below
   * `minInFlight`, until the mean falls to half of it again.
   */
  targetLatencyMs: number;
  /** The floor of that adaptive bound, so a slow but idle instance still admits a burst. */
  minInFlight: number;
  /** Mean event-loop delay over one sample window, in milliseconds. */
  maxEventLoopDelayMs: number;
  /** V8 heap in use as a fraction of the heap's limit (--max-old-space-size). */
  maxHeapUsedRatio: number;
  /** Resident set size in bytes; undefined: 90 % of the container's memory limit, if any. */
  maxRssBytes: number | undefined;
  sampleIntervalMs: number;
  /**
   * How long a shed request waits before its 503 is sent (0: at once). Clients that send again
   * at once what was refused would otherwise keep the instance busy refusing (ADR 0013).
   */
  shedPauseMs: number;
  /** Sent as `Retry-After` with every shed request. */
  retryAfterSeconds: number;
}

export interface Config {
  env: NodeEnv;
  host: string;
  port: number;
  logLevel: LogLevel;
  db: {
    /** Unset: the service starts the embedded PostgreSQL and points this at it. */
    url: string | undefined;
    /** Streaming replicas for reads that tolerate lag (the public catalog). */
    replicaUrls: string[];
    /** Replica reads go to the primary while a replica lags more than this (src/db/replicas.ts). */
    replicaMaxLagMs: number;
    replicaCheckMs: number;
    pool: { min: number; max: number; idleTimeoutMs: number };
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    migrateOnStart: boolean;
    embedded: { dir: string; port: number };
  };
  http: {
    corsOrigins: string[];
    trustProxy: boolean | number | string[];
    requireHttps: boolean;
    validateResponses: boolean;
    bodyLimit: string;
    /** Slow clients (slowloris): a request's headers, and the whole request, must arrive within these. */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
  };
  lifecycle: { readyCheckTimeoutMs: number; shutdownDelayMs: number; shutdownTimeoutMs: number };
  redis: { url: string; commandTimeoutMs: number } | undefined;
  auth: {
    jwtSecret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    refreshReuseGraceSeconds: number;
    stateCacheMs: number;
    bcryptCost: number;
    passwordResetTtlMinutes: number;
    passwordResetUrl: string;
    admin: { email: string; password: string } | undefined;
  };
  mail: { transport: 'log' | 'disabled' };
  /** GET /metrics: off, open (protect it at the network), or behind a bearer token. */
  metrics: { enabled: boolean; token: string | undefined };
  jobs: {
    /** Also run the job handlers inside the API process (development convenience). */
    inProcess: boolean;
    /** The worker's /health and /ready listen here (on HOST) when set; 0 picks a free port. */
    healthPort: number | undefined;
    retryLimit: number;
    timeoutSeconds: number;
    maintenanceSeconds: number;
  };
  /** The purge of what has expired (src/jobs/retention.ts), run by the worker on a schedule. */
  retention: { cron: string; auditDays: number };
  orders: { idempotencyTtlHours: number; checkoutPerMinute: number };
  limits: {
    loginMaxConsecutiveFails: number;
    loginLockSeconds: number;
    loginMaxFailsPerIpPerDay: number;
    authPerMinute: number;
    apiPerMinute: number;
    userPerMinute: number;
  };
  /** When new requests are answered 503 (load shedding); on by default in production only. */
  overload: OverloadLimits;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment into a Config, or throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable (FOO=) means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  const problems: string[] = [];
  if (production) {
    if (!e.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (e.DATABASE_URL && !hasPassword(e.DATABASE_URL))
      problems.push('DATABASE_URL: production needs a password in the URL');
    if (!e.JWT_SECRET) problems.push('JWT_SECRET: required in production');
    else if (e.JWT_SECRET === DEV_JWT_SECRET)
      problems.push('JWT_SECRET: the development placeholder cannot be used in production');
    if (e.MAIL_TRANSPORT === 'log')
      problems.push('MAIL_TRANSPORT: "log" writes reset links to the log; not in production');
    if (e.CORS_ORIGINS.includes('*'))
      problems.push('CORS_ORIGINS: "*" is not allowed in production; list the origins');
  }
  if ((e.DB_POOL_MIN ?? 0) > e.DB_POOL_MAX)
    problems.push('DB_POOL_MIN: must not exceed DB_POOL_MAX');
  for (const url of e.DATABASE_REPLICA_URLS) {
    if (!/^postgres(ql)?:\/\/.+/.test(url))
      problems.push('DATABASE_REPLICA_URLS: every entry must be a postgres:// URL');
  }
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined))
    problems.push('ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    db: {
      url: e.DATABASE_URL,
      replicaUrls: e.DATABASE_REPLICA_URLS,
      replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
      replicaCheckMs: e.DATABASE_REPLICA_CHECK_MS,
      pool: {
        min: e.DB_POOL_MIN ?? Math.min(2, e.DB_POOL_MAX),
        max: e.DB_POOL_MAX,
        idleTimeoutMs: e.DB_IDLE_TIMEOUT_MS,
      },
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      // The embedded default migrates itself so that `npm start` is the only step; a real
      // deployment runs `npm run db:migrate` as its own release step unless it opts in.
      migrateOnStart: e.DB_MIGRATE_ON_START ?? !e.DATABASE_URL,
      embedded: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    },
    http: {
      corsOrigins: e.CORS_ORIGINS,
      trustProxy: e.TRUST_PROXY,
      requireHttps: e.REQUIRE_HTTPS ?? production,
      validateResponses: e.VALIDATE_RESPONSES ?? !production,
      bodyLimit: '100kb',
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    lifecycle: {
      readyCheckTimeoutMs: e.READY_CHECK_TIMEOUT_MS,
      shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    redis: e.REDIS_URL
      ? { url: e.REDIS_URL, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS }
      : undefined,
    auth: {
      jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
      stateCacheMs: e.AUTH_STATE_CACHE_MS,
      // OWASP's floor for bcrypt is 10; 12 costs ~250 ms here. Tests trade it for speed.
      bcryptCost: e.BCRYPT_COST ?? (e.NODE_ENV === 'test' ? 4 : 12),
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
      passwordResetUrl: e.PASSWORD_RESET_URL,
      admin:
        e.ADMIN_EMAIL && e.ADMIN_PASSWORD
          ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD }
          : undefined,
    },
    mail: { transport: e.MAIL_TRANSPORT ?? (production ? 'disabled' : 'log') },
    metrics: { enabled: e.METRICS_ENABLED, token: e.METRICS_TOKEN },
    jobs: {
      inProcess: e.WORKER_IN_PROCESS ?? e.NODE_ENV === 'development',
      healthPort: e.WORKER_HEALTH_PORT,
      retryLimit: e.JOB_RETRY_LIMIT,
      timeoutSeconds: e.JOB_TIMEOUT_SECONDS,
      maintenanceSeconds: e.QUEUE_MAINTENANCE_SECONDS,
    },
    retention: { cron: e.RETENTION_CRON, auditDays: e.AUDIT_RETENTION_DAYS },
    orders: {
      idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
      checkoutPerMinute: e.CHECKOUT_PER_MINUTE ?? (production ? 10 : 10_000),
    },
    // Quotas are strict in production and relaxed elsewhere unless set; the login brute-force
    // limits are the same everywhere.
    limits: {
      loginMaxConsecutiveFails: e.LOGIN_MAX_CONSECUTIVE_FAILS,
      loginLockSeconds: e.LOGIN_LOCK_SECONDS,
      loginMaxFailsPerIpPerDay: e.LOGIN_MAX_FAILS_PER_IP_PER_DAY,
      authPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE ?? (production ? 30 : 10_000),
      apiPerMinute: e.API_RATE_LIMIT_PER_MINUTE ?? (production ? 600 : 100_000),
      userPerMinute: e.USER_QUOTA_PER_MINUTE ?? (production ? 1200 : 100_000),
    },
    // Like the quotas: on in production unless set, off elsewhere unless set (a test or a
    // debugger pausing the process must not turn it away). RSS unset in production: 90 % of the
    // container's memory limit.
    overload: {
      maxInFlight: e.OVERLOAD_MAX_IN_FLIGHT ?? (production ? 256 : 0),
      targetLatencyMs: e.OVERLOAD_TARGET_LATENCY_MS ?? (production ? 250 : 0),
      minInFlight: 32,
      maxEventLoopDelayMs: e.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS ?? (production ? 200 : 0),
      maxHeapUsedRatio: e.OVERLOAD_MAX_HEAP_USED_RATIO ?? (production ? 0.9 : 0),
      maxRssBytes:
        e.OVERLOAD_MAX_RSS_MB !== undefined
          ? e.OVERLOAD_MAX_RSS_MB * 1024 * 1024
          : production
            ? undefined
            : 0,
      sampleIntervalMs: e.OVERLOAD_SAMPLE_INTERVAL_MS,
      shedPauseMs: e.OVERLOAD_SHED_PAUSE_MS ?? (production ? 100 : 0),
      retryAfterSeconds: e.OVERLOAD_RETRY_AFTER_SECONDS,
    },
  };
}
