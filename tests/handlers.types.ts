// Type-level tests of the typed edge, compiled by `npm run typecheck` (never run). Each
// `@ts-expect-error` line must fail to compile: if the error it expects disappears, the
// directive itself becomes an error and typecheck fails. Jest does not load this file.
import type { AllHandlers, Handler, Handlers } from '../src/types/handlers.ts';
import { AppError, ConflictError } from '../src/utils/errors.ts';

const noop = (() => ({ status: 204 })) as unknown as Handler<'deleteProduct'>;
declare const list: Handler<'listProducts'>;
declare const get: Handler<'getProduct'>;
declare const create: Handler<'createProduct'>;
declare const update: Handler<'updateProduct'>;

// An operation of the contract without a handler (deleteProduct is missing).
// @ts-expect-error Property 'deleteProduct' is missing
export const missing: Handlers<'products'> = {
  listProducts: list,
  getProduct: get,
  createProduct: create,
  updateProduct: update,
};

// A handler map naming an operationId that does not exist.
export const unknown: Handlers<'products'> = {
  listProducts: list,
  getProduct: get,
  createProduct: create,
  updateProduct: update,
  deleteProduct: noop,
  // @ts-expect-error Object literal may only specify known properties
  archiveProduct: noop,
};

// Every tag's map must together cover the whole contract.
// @ts-expect-error a map of one domain is not every operation
export const partial: AllHandlers = { ...unknown };

// A handler returning a status the contract does not document (getProduct has no 201).
// @ts-expect-error Type '201' is not assignable
export const undocumentedStatus: Handler<'getProduct'> = () => ({
  status: 201,
  body: { status: 'success', data: undefined as never },
});

// A body of the wrong shape for its status: the 200 of getOrder is an OrderResponse.
// @ts-expect-error The types of 'body.data' are incompatible
export const wrongBody: Handler<'getOrder'> = () => ({
  status: 200,
  body: { status: 'success', data: [] },
});

// Reading a query parameter the operation does not document.
export const undocumentedQuery: Handler<'listProducts'> = ({ query }) => {
  // @ts-expect-error Property 'color' does not exist
  void query.color;
  // Defaults from the contract are applied: limit and sort are always there.
  const limit: number = query.limit;
  const sort: string = query.sort;
  void limit;
  void sort;
  return {
    status: 200,
    body: { status: 'success', data: [], meta: { pagination: { limit } } } as never,
  };
};

// Returning an error code not documented for that operation and status.
// @ts-expect-error INSUFFICIENT_STOCK is documented for createOrder's 409, not cancelOrder's
export const wrongCode: Handler<'cancelOrder'> = () => ({
  status: 409,
  code: 'INSUFFICIENT_STOCK',
  message: 'x',
});
export const rightCode: Handler<'cancelOrder'> = () => ({
  status: 409,
  code: 'INVALID_TRANSITION',
  message: 'x',
});

// A response header the operation does not document (getOrder's 200 has no ETag).
// @ts-expect-error 'ETag' does not exist in the documented headers
export const undocumentedHeader: Handler<'getOrder'> = () => ({
  status: 200,
  headers: { ETag: '"x"' },
  body: undefined as never,
});

// Inputs come typed from the contract: header parameters, path parameters, the principal.
export const typedInputs: Handler<'createOrder'> = ({ headers, body }, { principal }) => {
  const key: string = headers['Idempotency-Key'];
  const userId: string = principal.userId;
  const productId: string | undefined = body.items[0]?.productId;
  void [key, userId, productId];
  return { status: 201, body: undefined as never };
};
// A public operation has no principal.
export const publicPrincipal: Handler<'listProducts'> = (_input, { principal }) => {
  // @ts-expect-error principal is undefined on a public operation
  void principal.userId;
  return { status: 200, body: undefined as never };
};

// Services choose codes too: only one the contract documents for that status compiles.
// @ts-expect-error 'OUT_OF_STOCK' is not a documented 409 code
export const serviceCode = new AppError(409, 'OUT_OF_STOCK', 'x');
// @ts-expect-error SKU_TAKEN is a 409 code, not a 404 one
export const wrongStatus = new AppError(404, 'SKU_TAKEN', 'x');
export const fine = [
  new AppError(409, 'INSUFFICIENT_STOCK', 'x'),
  new ConflictError('x', 'SKU_TAKEN'),
];
