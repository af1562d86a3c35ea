// Liveness and readiness: whether this instance should receive traffic.
import { ServiceUnavailableError } from '../../utils/errors.ts';
import type { Lifecycle } from '../../utils/lifecycle.ts';
import type { Logger } from '../../utils/logger.ts';
import { TimeoutError, withTimeout } from '../../utils/timeout.ts';
import type { SystemRepository } from './system.repository.ts';

export interface SystemServiceDeps {
  repository: SystemRepository;
  lifecycle: Lifecycle;
  logger: Logger;
  readyCheckTimeoutMs: number;
}

export function createSystemService(deps: SystemServiceDeps) {
  const { repository, lifecycle, logger, readyCheckTimeoutMs } = deps;
  return {
    health() {
      return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime() * 10) / 10 };
    },

    /**
     * Throws ServiceUnavailableError unless the database answers and we are neither draining nor
     * overloaded.
     */
    async readiness() {
      if (lifecycle.draining) throw new ServiceUnavailableError('This instance is shutting down.');
      const pressure = lifecycle.pressure?.current();
      if (pressure !== undefined)
        throw new ServiceUnavailableError(`This instance is overloaded (${pressure}).`);
      let reason: string | undefined;
      try {
        const check = await withTimeout(repository.pingDatabase(), readyCheckTimeoutMs, 'database');
        if (check.ok) return { status: 'ready' as const, checks: { database: 'up' as const } };
        reason = check.reason;
      } catch (error) {
        reason = error instanceof TimeoutError ? error.message : String(error);
      }
      logger.warn('readiness check failed', { check: 'database', reason });
      throw new ServiceUnavailableError('The database is unreachable.');
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
