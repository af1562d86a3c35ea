// Type-level tests of the SDK, checked by `npm run typecheck` (not run by Jest): each line marked
// as an expected error must be one, or the compiler fails the build ("unused directive").
// (Excess properties such as a `role` on registration are not caught at compile time through
// openapi-fetch's generic body type; the server refuses them with 400.)
import { respond } from '@contract-first-monolith/sdk/msw';
import { createApiClient, type ApiError, type ErrorCode } from '@contract-first-monolith/sdk';

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
