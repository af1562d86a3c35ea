// TanStack Query options per operation, typed from the contract: a separate entry point
// (`@contract-first-monolith/sdk/react-query`) that imports nothing from TanStack at run time,
// so the main client stays free of it and any TanStack Query v5 adapter (React, Vue, Solid…)
// accepts these plain option objects.
import type { ApiClient } from './index.ts';
import type { OperationId } from './errors.ts';
import type { CallArgs, CallInit, CallResult, ListOperation } from './types.ts';

/** The list operations that answer `meta.pagination.nextCursor` (deep, keyset pagination). */
export type CursorListOperation = {
  [K in ListOperation]: CallResult<K> extends {
    meta: { pagination: { nextCursor?: string | null } };
  }
    ? CallInit<K> extends { params?: { query?: { cursor?: string } } }
      ? K
      : never
    : never;
}[ListOperation];

type Query = Record<string, unknown>;
const queryOf = (init: unknown): Query =>
  (init as { params?: { query?: Query } } | undefined)?.params?.query ?? {};

export function createQueryOptions(api: ApiClient) {
  return {
    /**
     * `useQuery(q.queryOptions('getProduct', { params: { path: { id } } }))`. The key is
     * `[operationId, init]`, so `queryClient.invalidateQueries({ queryKey: ['listProducts'] })`
     * refreshes every list. TanStack's AbortSignal is passed to the request.
     */
    queryOptions<K extends OperationId>(operationId: K, ...[init]: CallArgs<K>) {
      return {
        queryKey: [operationId, init ?? {}] as const,
        queryFn: ({ signal }: { signal?: AbortSignal }): Promise<CallResult<K>> =>
          api.call(operationId, ...([{ ...init, signal }] as unknown as CallArgs<K>)),
      };
    },

    /** `useMutation(q.mutationOptions('createOrder'))`, then `mutate({ body })`. */
    mutationOptions<K extends OperationId>(operationId: K) {
      return {
        mutationKey: [operationId] as const,
        mutationFn: (init: CallInit<K>): Promise<CallResult<K>> =>
          api.call(operationId, ...([init] as unknown as CallArgs<K>)),
      };
    },

    /**
     * `useInfiniteQuery(q.infiniteQueryOptions('listProducts', { params: { query } }))`: pages
     * follow `nextCursor`; `hasNextPage` turns false on the last page.
     */
    infiniteQueryOptions<K extends CursorListOperation>(operationId: K, init?: CallInit<K>) {
      return {
        queryKey: [operationId, init ?? {}, 'infinite'] as const,
        queryFn: ({
          pageParam,
          signal,
        }: {
          pageParam: string | null;
          signal?: AbortSignal;
        }): Promise<CallResult<K>> => {
          const query = { ...queryOf(init), ...(pageParam === null ? {} : { cursor: pageParam }) };
          const next = { ...init, params: { ...init?.params, query }, signal };
          return api.call(operationId, ...([next] as unknown as CallArgs<K>));
        },
        initialPageParam: null as string | null,
        getNextPageParam: (last: CallResult<K>): string | null =>
          (last as { meta: { pagination: { nextCursor?: string | null } } }).meta.pagination
            .nextCursor ?? null,
      };
    },
  };
}
