// Resilience under openapi-fetch: a fetch that retries with exponential backoff and jitter on
// network errors and on 408, 429, 502, 503 and 504, honouring Retry-After, but only where a
// repeat is harmless (safe methods, or a request that carries an Idempotency-Key); and that
// bounds every attempt with a timeout while passing the caller's AbortSignal through.
import { NetworkError, parseRetryAfter } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retries off). */
  retries?: number;
  /** The first backoff step in ms (default 300); each further retry doubles it. */
  baseDelayMs?: number;
  /**
   * The longest the SDK will wait before a retry (default 10 000 ms). A `Retry-After` longer
   * than this is not waited out: the answer goes to the caller (with `retryAfter` on the error).
   */
  maxDelayMs?: number;
  /** The statuses worth another attempt (default 408, 429, 502, 503, 504). */
  statuses?: readonly number[];
}

export interface ResilienceOptions {
  retry?: RetryOptions | false;
  /** Each attempt is aborted after this many ms (default 30 000; 0 for none). */
  timeoutMs?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRY_STATUSES = [408, 429, 502, 503, 504];

/** Whether sending this request twice is harmless. */
export function isRepeatable(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key');
}

/** The wait before retry number `attempt` (0-based): exponential, with jitter in [50 %, 100 %]. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function resilientFetch(
  baseFetch: typeof globalThis.fetch,
  options: ResilienceOptions = {},
): (request: Request) => Promise<Response> {
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = retry.retries ?? 2;
  const baseDelayMs = retry.baseDelayMs ?? 300;
  const maxDelayMs = retry.maxDelayMs ?? 10_000;
  const statuses = new Set(retry.statuses ?? RETRY_STATUSES);
  const timeoutMs = options.timeoutMs ?? 30_000;

  return async function fetchWithRetries(request: Request): Promise<Response> {
    const callerSignal = request.signal;
    const repeatable = isRepeatable(request);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= retries || !repeatable;
      // A Request body can be read once: each attempt sends a copy.
      const copy = last ? request : request.clone();
      const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
      const signal = timeout ? AbortSignal.any([callerSignal, timeout]) : callerSignal;
      let response: Response;
      try {
        response = await baseFetch(new Request(copy, { signal }));
      } catch (error) {
        if (callerSignal.aborted) throw error; // the caller gave up: no retry, their reason
        const timedOut = timeout?.aborted === true;
        if (last)
          throw new NetworkError(
            timedOut
              ? `${request.method} ${request.url} timed out after ${timeoutMs} ms`
              : `${request.method} ${request.url} failed: ${(error as Error).message}`,
            { cause: error, timedOut },
          );
        await sleep(backoffDelay(attempt, baseDelayMs, maxDelayMs), callerSignal);
        continue;
      }
      if (last || !statuses.has(response.status)) return response;
      const asked = parseRetryAfter(response.headers.get('retry-after'));
      const wait =
        asked === undefined ? backoffDelay(attempt, baseDelayMs, maxDelayMs) : asked * 1000;
      if (wait > maxDelayMs) return response; // longer than the caller is willing to wait
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait, callerSignal);
    }
  };
}
