// Typed failures. An answer outside 2xx becomes an ApiCallError whose `status` and `code` are the
// union the contract documents for that operation (from the operation table, written by `npm run
// generate`); no answer at all (network down, timeout) is a NetworkError.
import type { operations as table, sharedErrorCodes } from './operations.ts';
import type { components } from './schema.d.ts';

export type OperationId = keyof typeof table;
type Envelope = components['schemas']['ErrorEnvelope'];
type Codes<K extends OperationId> = (typeof table)[K]['errorCodes'];
type Shared = typeof sharedErrorCodes;
type Num<P> = P extends `${infer N extends number}` ? N : never;

/**
 * The error codes the contract documents for an operation, for one status or all of them:
 * `ErrorCode<'createOrder', 409>` is `'INSUFFICIENT_STOCK'`. The server may add codes in a
 * minor release: handle an unknown code by its status.
 */
export type ErrorCode<K extends OperationId, S extends number = number> = {
  [P in keyof Codes<K>]: P extends `${S}` ? Codes<K>[P][number & keyof Codes<K>[P]] : never;
}[keyof Codes<K>];

/** The error envelope of an operation, with its code narrowed to the documented ones. */
export type ApiError<K extends OperationId, S extends number = number> = Omit<Envelope, 'code'> & {
  code: ErrorCode<K, S>;
};

/**
 * The `{ status, code }` pairs an operation can fail with: what its responses document, plus
 * the 500 and 503 any operation may answer. A union, so `if (e.status === 409)` narrows `code`.
 */
export type ErrorOutcome<K extends OperationId> =
  | {
      [P in keyof Codes<K>]: { status: Num<P>; code: Codes<K>[P][number & keyof Codes<K>[P]] };
    }[keyof Codes<K>]
  | { status: 500; code: Shared['500'][number] }
  | { status: 503; code: Shared['503'][number] };

/** The statuses an operation documents for failures (plus 500 and 503). */
export type ErrorStatus<K extends OperationId> = ErrorOutcome<K>['status'];

/** Base class of everything the SDK throws. */
export class SdkError extends Error {
  override name = 'SdkError';
}

/** The API answered outside 2xx. Use `isApiCallError(e, 'createOrder')` to get the typed view. */
export class ApiCallErrorBase extends SdkError {
  override name = 'ApiCallError';
  readonly operationId: OperationId;
  readonly status: number;
  readonly code: string;
  /** The `requestId` to quote in a support ticket (from the body, else the `X-Request-Id` header). */
  readonly requestId: string | undefined;
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;
  readonly details: Envelope['details'];
  readonly response: Response;

  constructor(operationId: OperationId, response: Response, body: unknown) {
    const envelope = (typeof body === 'object' && body !== null ? body : {}) as Partial<Envelope>;
    const code = typeof envelope.code === 'string' ? envelope.code : `HTTP_${response.status}`;
    super(
      `${operationId}: ${response.status} ${code}${envelope.message ? `: ${envelope.message}` : ''}`,
    );
    this.operationId = operationId;
    this.status = response.status;
    this.code = code;
    this.requestId = envelope.requestId ?? response.headers.get('x-request-id') ?? undefined;
    this.retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    this.details = envelope.details;
    this.response = response;
  }
}

/** A failed call of operation K: its status and code are the documented union. */
export type ApiCallError<K extends OperationId = OperationId> = Omit<
  ApiCallErrorBase,
  'operationId' | 'status' | 'code'
> & { operationId: K } & ErrorOutcome<K>;

/** The runtime class (`instanceof ApiCallError` works); its typed view is `ApiCallError<K>`. */
export const ApiCallError = ApiCallErrorBase;

/** Narrows an unknown error to the typed failure of one operation. */
export function isApiCallError<K extends OperationId>(
  error: unknown,
  operationId: K,
): error is ApiCallError<K> {
  return error instanceof ApiCallErrorBase && error.operationId === operationId;
}

/** No answer: the network failed or the request timed out (after any retries). */
export class NetworkError extends SdkError {
  override name = 'NetworkError';
  readonly timedOut: boolean;
  constructor(message: string, options: { cause?: unknown; timedOut: boolean }) {
    super(message, { cause: options.cause });
    this.timedOut = options.timedOut;
  }
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
