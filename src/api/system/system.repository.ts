// Data access for operational checks.
import type { Orm } from '../../db/orm.ts';

export function createSystemRepository(orm: Orm) {
  return {
    /** Runs `select 1` on a pooled connection; resolves false (with the reason) when it fails. */
    async pingDatabase(): Promise<{ ok: boolean; reason?: string }> {
      return orm.checkConnection();
    },
  };
}

export type SystemRepository = ReturnType<typeof createSystemRepository>;
