// Passwords: changing one while signed in, and the reset by mail (a single-use token stored
// hashed, mailed from the job queue; the request never says whether the account exists).
// Every path that sets a password ends the other sessions.
import { withTransaction } from '../../db/transaction.ts';
import { JOBS, type Queue } from '../../jobs/queue.ts';
import type { Principal, RequestMeta } from '../../types/request-meta.ts';
import { AppError } from '../../utils/errors.ts';
import type { Mailer } from '../../utils/mailer.ts';
import { InvalidCredentialsError } from '../users/users.service.ts';
import { verifyPassword } from './auth.passwords.ts';
import type { AuthParts, Sessions } from './auth.sessions.ts';
import { hashToken, randomToken } from './auth.tokens.ts';

export function createPasswords(
  parts: AuthParts,
  sessions: Sessions,
  queue: Pick<Queue, 'send'>,
  mailer: Mailer,
) {
  const { config, repository, users, audit } = parts;
  const invalidReset = () =>
    new AppError(400, 'INVALID_RESET_TOKEN', 'This reset link is not valid or has expired.');

  /** The reset token's user, once: a second use, an expired token or a closed account is 400. */
  async function redeem(token: string, newPassword: string): Promise<string> {
    const row = await repository.findUsableResetToken(hashToken(token));
    if (!row) throw invalidReset();
    const user = row.user.getEntity();
    if (user.deletedAt || user.disabled) throw invalidReset();
    if (!(await repository.claimResetToken(row.id))) throw invalidReset();
    await users.setPassword(user.id, newPassword, {
      field: 'newPassword',
      endAccessTokens: true,
    });
    return user.id;
  }

  return {
    async changePassword(
      principal: Principal,
      input: { currentPassword: string; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      await withTransaction(parts.orm, async () => {
        const user = await users.requireUser(principal.userId);
        if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
          throw new InvalidCredentialsError();
        await users.setPassword(user.id, input.newPassword, {
          field: 'newPassword',
          endAccessTokens: false,
        });
        audit.stage({ event: 'password.changed', userId: user.id }, meta);
      });
      await sessions.revokeAllSessions(principal.userId, 'password-changed', principal.sessionId);
    },

    /** Always quiet about whether the account exists; the mail goes out from the job queue. */
    async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
      const user = await users.findByEmail(email);
      if (!user || user.disabled) return;
      await queue.send(JOBS.passwordResetMail, { userId: user.id, requestId: meta.requestId });
      await audit.record({ event: 'password.reset.requested', userId: user.id }, meta);
    },

    /** The job: a fresh single-use token, stored hashed, and the mail with its link. */
    async deliverPasswordReset(userId: string): Promise<void> {
      const token = randomToken();
      const user = await withTransaction(parts.orm, async () => {
        const found = await users.findById(userId);
        if (!found || found.disabled) return undefined;
        repository.addResetToken({
          userId: found.id,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + config.passwordResetTtlMinutes * 60_000),
        });
        return found;
      });
      if (!user) return;
      const link = new URL(config.passwordResetUrl);
      link.searchParams.set('token', token);
      await mailer.send({
        to: user.email,
        subject: 'Reset your password',
        text: `Someone asked to reset the password of your account. If it was you, open ${link.toString()} within ${config.passwordResetTtlMinutes} minutes. If not, ignore this message.`,
      });
    },

    async confirmPasswordReset(
      input: { token: string; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      const userId = await withTransaction(parts.orm, async () => {
        const id = await redeem(input.token, input.newPassword);
        audit.stage({ event: 'password.reset.completed', userId: id }, meta);
        return id;
      });
      await sessions.revokeAllSessions(userId, 'password-reset');
    },
  };
}
