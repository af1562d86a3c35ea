// Per-request values that deep code (logging, services) needs without threading them through
// every call: today the request id. Backed by AsyncLocalStorage, so it follows awaits.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';

export interface RequestContextValues {
  requestId: string;
  /** The request's EntityManager, forked on first use (middleware/db-context.ts, db/orm.ts). */
  entityManager?: () => EntityManager | undefined;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

export function runWithRequestContext<T>(values: RequestContextValues, fn: () => T): T {
  return storage.run(values, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The current request's values (db/orm.ts finds the request's EntityManager there). */
export function currentRequestContext(): RequestContextValues | undefined {
  return storage.getStore();
}
