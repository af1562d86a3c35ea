// Configuration is parsed once, with a message naming every bad or missing variable.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const PROD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app:pw@db/app',
  JWT_SECRET: 'a-real-secret-of-at-least-32-characters!',
};

describe('configuration', () => {
  test('defaults give a working development setup on the embedded database', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.db.url).toBeUndefined();
    expect(config.db.migrateOnStart).toBe(true);
    expect(config.http.validateResponses).toBe(true);
    expect(config.http.requireHttps).toBe(false);
  });

  test('load shedding is on in production by default and off elsewhere unless set', () => {
    expect(loadConfig(PROD).overload).toEqual({
      maxInFlight: 256,
      targetLatencyMs: 250,
      minInFlight: 32,
      maxEventLoopDelayMs: 200,
      maxHeapUsedRatio: 0.9,
      maxRssBytes: undefined,
      sampleIntervalMs: 250,
      shedPauseMs: 100,
      retryAfterSeconds: 2,
    });
    const off = {
      maxInFlight: 0,
      targetLatencyMs: 0,
      maxEventLoopDelayMs: 0,
      maxHeapUsedRatio: 0,
      maxRssBytes: 0,
      shedPauseMs: 0,
    };
    expect(loadConfig({}).overload).toMatchObject(off);
    expect(loadConfig({ NODE_ENV: 'test' }).overload).toMatchObject(off);
    expect(
      loadConfig({ ...PROD, OVERLOAD_MAX_IN_FLIGHT: '0', OVERLOAD_MAX_RSS_MB: '400' }).overload,
    ).toMatchObject({ maxInFlight: 0, maxRssBytes: 400 * 1024 * 1024 });
    expect(problems({ OVERLOAD_MAX_HEAP_USED_RATIO: '1.5' })).toHaveLength(1);
  });

  test('every bad variable is named at once', () => {
    const found = problems({
      PORT: 'eighty',
      DB_POOL_MAX: '0',
      TRUST_PROXY: 'true',
      NODE_ENV: 'staging',
    });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.join('\n')).toMatch(/DB_POOL_MAX/);
    expect(found.join('\n')).toMatch(/TRUST_PROXY/);
    expect(found.join('\n')).toMatch(/NODE_ENV/);
  });

  test('production refuses to start without real secrets', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required in production',
      'JWT_SECRET: required in production',
    ]);
    expect(problems({ ...PROD, DATABASE_URL: 'postgres://app@db/app' })).toEqual([
      'DATABASE_URL: production needs a password in the URL',
    ]);
    expect(
      problems({ ...PROD, JWT_SECRET: 'dev-only-insecure-jwt-secret-never-use-in-production' }),
    ).toEqual(['JWT_SECRET: the development placeholder cannot be used in production']);
    expect(problems({ ...PROD, JWT_SECRET: 'short' })).toEqual([
      'JWT_SECRET: must be at least 32 characters',
    ]);
    expect(problems({ ...PROD, CORS_ORIGINS: '*' })).toEqual([
      'CORS_ORIGINS: "*" is not allowed in production; list the origins',
    ]);
    expect(problems({ ...PROD, MAIL_TRANSPORT: 'log' })).toEqual([
      'MAIL_TRANSPORT: "log" writes reset links to the log; not in production',
    ]);
  });

  test('quotas are strict in production and relaxed elsewhere; bcrypt cost 12 outside tests', () => {
    const prod = loadConfig(PROD);
    const dev = loadConfig({});
    expect(prod.limits.apiPerMinute).toBeLessThan(dev.limits.apiPerMinute);
    expect(prod.limits.authPerMinute).toBeLessThan(dev.limits.authPerMinute);
    expect(prod.auth.bcryptCost).toBe(12);
    expect(dev.auth.bcryptCost).toBe(12);
    expect(loadConfig({ NODE_ENV: 'test' }).auth.bcryptCost).toBe(4);
    expect(prod.mail.transport).toBe('disabled');
  });

  test('ADMIN_EMAIL and ADMIN_PASSWORD come together', () => {
    expect(problems({ ADMIN_EMAIL: 'root@example.com' })).toEqual([
      'ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither',
    ]);
  });

  test('production turns on HTTPS enforcement and off response validation, unless told otherwise', () => {
    const config = loadConfig(PROD);
    expect(config.http.requireHttps).toBe(true);
    expect(config.http.validateResponses).toBe(false);
    expect(config.db.migrateOnStart).toBe(false);
    const opted = loadConfig({
      ...PROD,
      VALIDATE_RESPONSES: 'true',
      DB_MIGRATE_ON_START: 'true',
    });
    expect(opted.http.validateResponses).toBe(true);
    expect(opted.db.migrateOnStart).toBe(true);
  });

  test.each([
    ['', false],
    ['false', false],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
  ])('TRUST_PROXY=%j means %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  test('CORS_ORIGINS is a comma-separated allowlist', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).http.corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('the documentation of the configuration', () => {
  test('every variable the service reads has a row in the README configuration table', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## Folder map'),
    );
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const documented = new Set(
      rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
    );
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(40);
  });
});
