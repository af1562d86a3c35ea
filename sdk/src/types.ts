// Call shapes by operationId, from the contract's types (schema.d.ts): what `api.call(id, init)`
// takes and resolves to. Headers the SDK supplies itself (Idempotency-Key) are optional here.
import type { OperationId } from './errors.ts';
import type { operations as Ops } from './schema.d.ts';

type SdkHeaders = 'Idempotency-Key';
type Empty = Record<never, never>;
type RequiredKeys<T> = { [P in keyof T]-?: Empty extends Pick<T, P> ? never : P }[keyof T];

type Loosen<L, V> = L extends 'header'
  ? [V] extends [never]
    ? never
    : Omit<V, SdkHeaders> & Partial<Pick<V, Extract<keyof V, SdkHeaders>>>
  : V;
type Located<O> = O extends { parameters: infer P }
  ? { [L in keyof P]-?: Loosen<L, NonNullable<P[L]>> }
  : Empty;
type Needed<V> = [V] extends [never] ? false : RequiredKeys<V> extends never ? false : true;
type ParamsOf<O> = {
  [L in keyof Located<O> as Needed<Located<O>[L]> extends true ? L : never]: Located<O>[L];
} & {
  [L in keyof Located<O> as Needed<Located<O>[L]> extends true ? never : L]?: Located<O>[L];
};
type ParamsInit<O> =
  RequiredKeys<ParamsOf<O>> extends never ? { params?: ParamsOf<O> } : { params: ParamsOf<O> };

type JsonOf<B> = B extends { content: { 'application/json': infer T } } ? T : never;
type BodyInit<O> = O extends { requestBody?: infer B }
  ? [NonNullable<B>] extends [never]
    ? { body?: never }
    : Empty extends Pick<O, 'requestBody'>
      ? { body?: JsonOf<NonNullable<B>> }
      : { body: JsonOf<NonNullable<B>> }
  : { body?: never };

/** The second argument of `api.call(id, …)`: params by location, the JSON body, a signal. */
export type CallInit<K extends OperationId> = ParamsInit<Ops[K]> &
  BodyInit<Ops[K]> & {
    signal?: AbortSignal;
    /** Extra request headers (e.g. `X-Request-Id`). */
    headers?: Record<string, string>;
  };
/** Optional when nothing in it is required. */
export type CallArgs<K extends OperationId> =
  RequiredKeys<CallInit<K>> extends never ? [init?: CallInit<K>] : [init: CallInit<K>];

type Content<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type Responses<K extends OperationId> = Ops[K]['responses'];
/** The success body of an operation (undefined for 204). */
export type CallResult<K extends OperationId> = {
  [S in keyof Responses<K>]: S extends 200 | 201 | 202 | 204 ? Content<Responses<K>[S]> : never;
}[keyof Responses<K>];

/** The operations that answer a paginated list (`data: […]` with `meta.pagination`). */
export type ListOperation = {
  [K in OperationId]: CallResult<K> extends { data: unknown[]; meta: { pagination: unknown } }
    ? K
    : never;
}[OperationId];
/** One item of a list operation's `data`. */
export type ListItem<K extends OperationId> =
  CallResult<K> extends { data: (infer T)[] } ? T : never;
