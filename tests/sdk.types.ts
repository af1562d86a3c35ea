// Type-level tests of the SDK, checked by `npm run typecheck` (not run by Jest): each line marked
// as an expected error must be one, or the compiler fails the build ("unused directive").
// (Excess properties such as a `role` on registration are not caught at compile time through
// openapi-fetch's generic body type; the server refuses them with 400.)
import { infiniteQueryOptions, QueryClient, queryOptions } from '@tanstack/react-query';
import {
  createApiClient,
  isApiCallError,
  type ApiError,
  type ErrorCode,
} from '@contract-first-monolith/sdk';
import { respond } from '@contract-first-monolith/sdk/msw';
import { createQueryOptions } from '@contract-first-monolith/sdk/react-query';

const api = createApiClient({ baseUrl: 'http://localhost:3000' });

export async function wrongCallsDoNotCompile(): Promise<void> {
  // @ts-expect-error register needs a name
  await api.POST('/api/v1/auth/register', { body: { email: 'a@example.com', password: 'x' } });
  // @ts-expect-error the email must be a string
  await api.POST('/api/v1/auth/register', { body: { email: 42, password: 'x', name: 'A' } });
  await api.POST('/api/v1/orders', {
    params: { header: { 'Idempotency-Key': 'k-12345678' } },
    // @ts-expect-error quantity is a number
    body: { items: [{ productId: 'p', quantity: '2' }] },
  });
  // @ts-expect-error checkout needs an Idempotency-Key
  await api.POST('/api/v1/orders', { body: { items: [] } });
  // @ts-expect-error no such path
  await api.GET('/api/v1/nothing');
  // @ts-expect-error sort takes only the documented values
  await api.GET('/api/v1/products', { params: { query: { sort: 'price' } } });
}

export async function rightCallsCompile(): Promise<number | undefined> {
  const { data } = await api.GET('/api/v1/products', {
    params: { query: { q: 'chair', sort: '-priceCents', limit: 20 } },
  });
  // Responses are typed too.
  return data?.data[0]?.priceCents;
}

// The error codes each operation documents, as types.

export const stock: ErrorCode<'createOrder', 409> = 'INSUFFICIENT_STOCK';
// @ts-expect-error SKU_TAKEN is not a code of createOrder's 409
export const sku: ErrorCode<'createOrder', 409> = 'SKU_TAKEN';
// Without a status: every code the operation documents.
export const any: ErrorCode<'createOrder'>[] = [
  'VALIDATION_ERROR',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
];
// @ts-expect-error EMAIL_TAKEN is not a code of createOrder
export const other: ErrorCode<'createOrder'> = 'EMAIL_TAKEN';

export function explain(error: ApiError<'login'>): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'Check your email and password.';
    case 'ACCOUNT_DISABLED':
      return 'Your account is disabled.';
    // @ts-expect-error login never answers SKU_TAKEN
    case 'SKU_TAKEN':
      return '';
    default:
      return error.message;
  }
}

// api.call by operationId: the same contract types, and the documented failures as a union.

export async function callsByOperationId(): Promise<void> {
  // @ts-expect-error getProduct needs its path parameter
  await api.call('getProduct');
  // @ts-expect-error getProduct's path needs the id
  await api.call('getProduct', { params: { path: {} } });
  // @ts-expect-error listProducts has no query key "sortBy" (openapi-fetch's GET lets it through)
  await api.call('listProducts', { params: { query: { sortBy: 'name' } } });
  // @ts-expect-error limit is a number
  await api.call('listProducts', { params: { query: { limit: '10' } } });
  // @ts-expect-error no such operation
  await api.call('listPets');
  // The Idempotency-Key of a checkout is optional here: the SDK makes one.
  const order = await api.call('createOrder', {
    body: { items: [{ productId: 'p', quantity: 1 }] },
  });
  const total: number = order.data.totalCents;
  void total;
  for await (const product of api.paginate('listProducts', { params: { query: { q: 'lamp' } } })) {
    const cents: number = product.priceCents;
    void cents;
  }
  // @ts-expect-error getMe is not a list
  api.paginate('getMe');
}

export function handle(error: unknown): string {
  if (!isApiCallError(error, 'createOrder')) return 'other';
  if (error.status === 409) {
    // @ts-expect-error a 409 of createOrder is never EMAIL_TAKEN
    if (error.code === 'EMAIL_TAKEN') return 'impossible';
    const code: 'INSUFFICIENT_STOCK' = error.code;
    return code;
  }
  // @ts-expect-error createOrder documents no 404
  if (error.status === 404) return 'not found';
  // @ts-expect-error SKU_TAKEN is no code of createOrder
  if (error.code === 'SKU_TAKEN') return 'sku';
  return `${error.status} ${error.code} ${error.requestId ?? ''} ${error.retryAfter ?? ''}`;
}

// TanStack Query: the option objects fit TanStack's own helpers, with the contract's types.
const q = createQueryOptions(api);
export const productList = infiniteQueryOptions(
  q.infiniteQueryOptions('listProducts', { params: { query: { limit: 20 } } }),
);
export const product = queryOptions(
  q.queryOptions('getProduct', { params: { path: { id: 'x' } } }),
);
export function firstPrice(): number | undefined {
  const cached = new QueryClient().getQueryData(productList.queryKey);
  return cached?.pages[0]?.data[0]?.priceCents;
}
// @ts-expect-error getProduct pages by no cursor: no infinite query
q.infiniteQueryOptions('getProduct');
// @ts-expect-error listOrders has no cursor
q.infiniteQueryOptions('listOrders');
export const place = q.mutationOptions('createOrder');
// @ts-expect-error the mutation's variables are createOrder's: items is required
void place.mutationFn({ body: {} });

// The MSW handlers take the contract's example names and statuses only.

export const mswError = respond('createOrder', 'INSUFFICIENT_STOCK');
export const mswEmpty = respond('listProducts', 'empty');
export const mswStatus = respond('getProduct', { status: 404 });
// @ts-expect-error SKU_TAKEN is not an example of createOrder
export const mswWrongCode = respond('createOrder', 'SKU_TAKEN');
// @ts-expect-error getProduct does not document 418
export const mswWrongStatus = respond('getProduct', { status: 418 });
// @ts-expect-error no operation is called placeOrder
export const mswWrongOperation = respond('placeOrder');
