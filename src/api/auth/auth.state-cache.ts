// A short-lived per-instance cache of session state, so that an authenticated request does not
// always cost a query. Every eviction goes through the revocation bus, which delivers it to
// every instance, this one included; without Redis other instances see a revocation when their
// entry expires (AUTH_STATE_CACHE_MS, 2 s by default). See docs/adr/0003-identity.md.
import type { RevocationBus } from '../../utils/revocations.ts';
import type { AuthState } from './auth.repository.ts';

function createLocalCache(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { state: AuthState; expires: number }>();
  return {
    get(sessionId: string): AuthState | undefined {
      const hit = entries.get(sessionId);
      if (!hit) return undefined;
      if (hit.expires <= Date.now()) {
        entries.delete(sessionId);
        return undefined;
      }
      return hit.state;
    },
    set(sessionId: string, state: AuthState): void {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(sessionId, { state, expires: Date.now() + ttlMs });
    },
    evictSession(sessionId: string): void {
      entries.delete(sessionId);
    },
    evictUser(userId: string): void {
      for (const [sid, { state }] of entries) if (state.userId === userId) entries.delete(sid);
    },
  };
}

export function createStateCache(ttlMs: number, revocations: RevocationBus) {
  const local = createLocalCache(ttlMs);
  void revocations.subscribe((r) =>
    'sessionId' in r ? local.evictSession(r.sessionId) : local.evictUser(r.userId),
  );
  return {
    get: (sessionId: string) => local.get(sessionId),
    set: (sessionId: string, state: AuthState) => local.set(sessionId, state),
    evictSession: (sessionId: string) => {
      local.evictSession(sessionId);
      revocations.publish({ sessionId });
    },
    evictUser: (userId: string) => {
      local.evictUser(userId);
      revocations.publish({ userId });
    },
  };
}

export type StateCache = ReturnType<typeof createStateCache>;
