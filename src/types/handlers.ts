// The typed edge: what a handler of an operation receives and may answer, derived from the
// contract's generated types (generated/api.d.ts) and operation table (generated/operations.ts).
// A handler map that misses an operation, names one that does not exist, answers a status the
// contract does not document, a body of the wrong shape or an undocumented error code does not
// compile. tests/handlers.types.ts proves each of these.
import type { components, operations as Operations } from '../../generated/api.d.ts';
import type {
  OperationId,
  operations as table,
  sharedErrorCodes,
} from '../../generated/operations.ts';
import type { Principal, RequestMeta } from './request-meta.ts';

export type { OperationId };
type Row<K extends OperationId> = (typeof table)[K];
type Op<K extends OperationId> = Operations[K];
type Flat<T> = { [P in keyof T]: T[P] } & {};
/** `never` (nothing documented) becomes the empty object: reading any key is a compile error. */
type OrEmpty<T> = [NonNullable<T>] extends [never] ? Record<never, never> : NonNullable<T>;

type Query<K extends OperationId> = OrEmpty<Op<K>['parameters']['query']>;
type Defaulted<K extends OperationId> = keyof Row<K>['queryDefaults'] & keyof Query<K>;

/** Request bodies are JSON; an optional body may be absent. */
type Body<K extends OperationId> =
  Op<K> extends {
    requestBody: { content: { 'application/json': infer B } };
  }
    ? B
    : Op<K> extends { requestBody?: { content: { 'application/json': infer B } } }
      ? B | undefined
      : undefined;

/** What the validator has checked against the contract, typed as the contract states it. */
export interface Input<K extends OperationId> {
  params: OrEmpty<Op<K>['parameters']['path']>;
  /** Defaults from the contract are applied, so those parameters are always present. */
  query: Flat<Omit<Query<K>, Defaulted<K>> & { [P in Defaulted<K>]-?: NonNullable<Query<K>[P]> }>;
  /** The header parameters the operation documents, spelled as the contract spells them. */
  headers: OrEmpty<Op<K>['parameters']['header']>;
  /** Cookie parameters and cookie security schemes of the operation. */
  cookies: { [N in Row<K>['cookies'][number]]?: string };
  body: Body<K>;
}

export interface Context<K extends OperationId> {
  requestId: string;
  meta: RequestMeta;
  /** Set for every operation that needs a token: the adapter has authenticated it. */
  principal: Row<K>['security'] extends 'bearer' ? Principal : undefined;
  /** The raw `Authorization: Bearer` value, for schemes the handler checks itself (metrics). */
  bearer: string | undefined;
}

type Responses<K extends OperationId> = Op<K>['responses'];
type Status<K extends OperationId> = keyof Responses<K> & number;

/**
 * Headers a handler may set: the ones the response documents, minus those the edge sets itself
 * (request id, rate-limit state, cookies through `cookies`). Cache-Control is HTTP caching
 * policy and may be set on any response (ADR 0008).
 */
type EdgeHeader = 'X-Request-Id' | 'RateLimit-Limit' | 'RateLimit-Remaining' | 'RateLimit-Reset';
type ReplyHeaders<R> = Flat<
  (R extends { headers: infer H }
    ? {
        [
          P in keyof H as string extends P ? never : P extends EdgeHeader | 'Set-Cookie' ? never : P
        ]?: H[P];
      }
    : unknown) & { 'Cache-Control'?: string }
>;

export interface CookieToSet {
  name: string;
  /** `undefined` clears the cookie. */
  value: string | undefined;
  options: {
    httpOnly: boolean;
    sameSite: 'strict' | 'lax';
    path: string;
    secure: boolean;
    maxAge?: number;
  };
}
/** Cookies only where the response documents `Set-Cookie`. */
type ReplyCookies<R> = R extends { headers: { 'Set-Cookie': unknown } }
  ? { cookies?: readonly CookieToSet[] }
  : { cookies?: never };

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type HasContent<R> = R extends { content: Record<string, unknown> } ? true : false;

export type ErrorDetail = components['schemas']['ErrorDetail'];
/** The codes the contract documents for this operation and status. */
export type ErrorCode<K extends OperationId, S extends number> = Row<K>['errorCodes'] extends {
  [P in `${S}`]: readonly (infer C extends string)[];
}
  ? C
  : never;

/**
 * Every code the contract documents for this status: on any operation, or on the reusable
 * responses (which also cover requests that match no operation: 404, 405, 500).
 */
export type CodeAt<S extends number> =
  | { [K in OperationId]: ErrorCode<K, S> }[OperationId]
  | (typeof sharedErrorCodes extends { [P in `${S}`]: readonly (infer C extends string)[] }
      ? C
      : never);

type SuccessReply<K extends OperationId, S extends Status<K>, R> =
  HasContent<R> extends true
    ? | ({ status: S; body: JsonOf<R>; headers?: ReplyHeaders<R> } & ReplyCookies<R>)
      /**
       * The escape hatch: a body already serialised in the documented content type, optionally
       * in a content coding the request accepted (`Content-Encoding`, HTTP's own header).
       */
      | ({
          status: S;
          raw: string | Buffer;
          encoding?: 'gzip';
          headers?: ReplyHeaders<R>;
        } & ReplyCookies<R>)
    : { status: S; body?: never; headers?: ReplyHeaders<R> } & ReplyCookies<R>;

type ErrorReply<K extends OperationId, S extends Status<K>, R> = {
  status: S;
  code: ErrorCode<K, S>;
  message: string;
  details?: ErrorDetail[];
  headers?: ReplyHeaders<R>;
} & ReplyCookies<R>;

/** One variant per documented status: the discriminated union a handler returns. */
export type Reply<K extends OperationId> = {
  [S in Status<K>]: `${S}` extends `${'4' | '5'}${string}`
    ? ErrorReply<K, S, Responses<K>[S]>
    : SuccessReply<K, S, Responses<K>[S]>;
}[Status<K>];

export type Handler<K extends OperationId> = (
  input: Input<K>,
  ctx: Context<K>,
) => Reply<K> | Promise<Reply<K>>;

/** The operations of one tag (a domain), keyed by operationId. */
export type TagOf<K extends OperationId> = Row<K>['tag'];
export type Handlers<T extends string> = {
  [K in OperationId as TagOf<K> extends T ? K : never]: Handler<K>;
};
/** Every operation of the contract. */
export type AllHandlers = { [K in OperationId]: Handler<K> };
