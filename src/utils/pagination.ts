// The `meta.pagination` of page-mode lists (openapi/common/schemas/Pagination.yaml).
import type { components } from '../../generated/api.d.ts';

export function pageMeta(
  page: number,
  limit: number,
  total: number,
): components['schemas']['Pagination'] {
  return { page, limit, total, totalPages: Math.ceil(total / limit) };
}
