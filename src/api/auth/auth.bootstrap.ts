// The first admin, from ADMIN_EMAIL/ADMIN_PASSWORD (or `npm run user:create -- --role admin`):
// created once, never overwritten. Runs outside any request, in a unit of work of its own.
import { withTransaction } from '../../db/transaction.ts';
import type { RequestMeta } from '../../types/request-meta.ts';
import type { Logger } from '../../utils/logger.ts';
import type { UserEntity } from '../users/users.model.ts';
import type { AuthParts } from './auth.sessions.ts';

export function createBootstrap(parts: AuthParts, logger: Logger) {
  return {
    ensureAdmin(
      admin: { email: string; password: string; name?: string },
      meta: RequestMeta,
    ): Promise<{ created: false } | { created: true; user: UserEntity }> {
      return withTransaction(parts.orm, async () => {
        if (await parts.users.findByEmail(admin.email)) return { created: false };
        const user = await parts.users.createAccount({
          email: admin.email,
          password: admin.password,
          name: admin.name ?? 'Administrator',
          role: 'admin',
        });
        parts.audit.stage({ event: 'admin.bootstrapped', userId: user.id }, meta);
        logger.info('admin account created', { userId: user.id });
        return { created: true, user };
      });
    },
  };
}
