// What services may know about the request that caused them (for audit records), without
// knowing anything about HTTP.
export interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
  requestId: string | undefined;
}

/** Who is calling, once authenticated. */
export interface Principal {
  userId: string;
  role: 'customer' | 'admin';
  sessionId: string;
}
