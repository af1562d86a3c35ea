// Authentication, composed from its concerns: sessions and tokens (auth.sessions.ts), signing up
// and in with lockout (auth.signin.ts), passwords and their reset (auth.password-reset.ts), the
// first admin (auth.bootstrap.ts), and the cache of session state (auth.state-cache.ts). See
// docs/adr/0003-identity.md for the choices (token shapes, the refresh grace rule, how
// instances agree on revocation).
import type { Config } from '../../config/config.ts';
import type { Orm } from '../../db/orm.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { Logger } from '../../utils/logger.ts';
import type { Mailer } from '../../utils/mailer.ts';
import type { RevocationBus } from '../../utils/revocations.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UsersService } from '../users/users.service.ts';
import { createBootstrap } from './auth.bootstrap.ts';
import { createPasswords } from './auth.password-reset.ts';
import type { AuthRepository } from './auth.repository.ts';
import { createSessions } from './auth.sessions.ts';
import { createSignIn, type LoginLimiters } from './auth.signin.ts';
import { createStateCache } from './auth.state-cache.ts';

export type { IssuedTokens } from './auth.sessions.ts';
export type { LoginLimiters } from './auth.signin.ts';

export interface AuthServiceDeps {
  orm: Orm;
  config: Config['auth'];
  limits: Config['limits'];
  repository: AuthRepository;
  users: UsersService;
  audit: AuditService;
  mailer: Mailer;
  queue: Pick<Queue, 'send'>;
  revocations: RevocationBus;
  limiters: LoginLimiters;
  logger: Logger;
}

export function createAuthService(deps: AuthServiceDeps) {
  const parts = {
    orm: deps.orm,
    config: deps.config,
    repository: deps.repository,
    users: deps.users,
    audit: deps.audit,
    cache: createStateCache(deps.config.stateCacheMs, deps.revocations),
  };
  const sessions = createSessions(parts);
  const signIn = createSignIn(parts, sessions, deps.limits, deps.limiters);
  const passwords = createPasswords(parts, sessions, deps.queue, deps.mailer);
  const bootstrap = createBootstrap(parts, deps.logger);

  return {
    // Sessions also offer openSession (staging a session in the caller's unit of work), and
    // revokeAllSessions and eraseSessions, which users calls as its SessionsPort.
    ...sessions,
    ...signIn,
    ...passwords,
    ...bootstrap,

    /**
     * Forgets sessions and reset tokens a day after they expired, when nothing can use them any
     * more (a replayed refresh token of a forgotten session is simply unknown: 401).
     */
    purgeExpired(now = new Date()) {
      return deps.repository.purgeExpired(new Date(now.getTime() - 86_400_000));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
