// What services may know about the request that caused them (for audit records), without
// knowing anything about HTTP.
import type { components } from '../../generated/api.d.ts';

export interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
  requestId: string | undefined;
}

/** Who is calling, once authenticated. */
export interface Principal {
  userId: string;
  role: components['schemas']['Role'];
  sessionId: string;
}
