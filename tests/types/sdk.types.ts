// Type-level tests of the SDK's error codes, compiled by `npm run typecheck` (never run).
import type { ApiError, ErrorCode } from '@contract-first-monolith/sdk';

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
