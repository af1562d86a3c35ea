// Per-request values that deep code (logging, services) needs without threading them through
// every call: today the request id. Backed by AsyncLocalStorage, so it follows awaits.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextValues {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

export function runWithRequestContext<T>(values: RequestContextValues, fn: () => T): T {
  return storage.run(values, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
