// The HTTP side of a service's field errors: where the service's input came from in the request
// (its body, its query string) decides the JSON pointer each field gets in the envelope.
import { AppError, withFields } from './errors.ts';

/** RFC 6901: `~` and `/` inside a key are escaped. */
function pointer(location: 'body' | 'query', field: readonly (string | number)[]): string {
  return [
    '',
    location,
    ...field.map((k) => String(k).replaceAll('~', '~0').replaceAll('/', '~1')),
  ].join('/');
}

/**
 * Runs a controller's call to its service, whose input is the request's `location`: a field
 * error comes out with `details` pointing into the request (`/body/items/3/productId`).
 */
export async function inRequest<T>(location: 'body' | 'query', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    const details = error.fields.map((f) => ({
      path: pointer(location, f.field),
      message: f.message,
    }));
    throw withFields(error as AppError, undefined, [...(error.details ?? []), ...details]);
  }
}
