// Users: accounts, profiles and admin management. Other domains reach users only through the
// functions returned here. Ending sessions belongs to auth, which is passed in as a port.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.ts';
import { withEntityManager } from '../../db/transaction.ts';
import type { Principal, RequestMeta } from '../../types/request-meta.ts';
import { AppError, ConflictError, NotFoundError } from '../../utils/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Role, UserEntity } from './users.model.ts';
import type { UserListQuery, UsersRepository } from './users.repository.ts';

/** What auth does for users: end every session and access token of one user, or erase them. */
export interface SessionsPort {
  revokeAllSessions(userId: string, reason: string): Promise<unknown>;
  /** Deletes sessions (with their IPs and user agents) and reset tokens of a deleted user. */
  eraseSessions(userId: string): Promise<unknown>;
}

export interface PasswordsPort {
  verify(password: string, hash: string): Promise<boolean>;
  hash(password: string): Promise<string>;
  /** `field`: the password's name in the caller's input, for the error's detail. */
  assertStrong(password: string, userInputs: string[], field?: string): void;
}

export interface UsersServiceDeps {
  orm: Orm;
  repository: UsersRepository;
  audit: AuditService;
  passwords: PasswordsPort;
  sessions: () => SessionsPort;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('An account with this email already exists.', 'EMAIL_TAKEN');
  }
}

export class InvalidCredentialsError extends AppError {
  constructor() {
    super(401, 'INVALID_CREDENTIALS', 'The email or password is not correct.');
  }
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createUsersService(deps: UsersServiceDeps) {
  const { repository, audit, passwords } = deps;

  async function requireUser(id: string): Promise<UserEntity> {
    const user = await repository.findById(id);
    if (!user) throw new NotFoundError('No user has this id.');
    return user;
  }

  /** Flushes, turning a lost race on the unique email into 409 EMAIL_TAKEN. */
  async function flushUnique(): Promise<void> {
    try {
      await repository.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new EmailTakenError();
      throw error;
    }
  }

  return {
    findById: (id: string) => withEntityManager(deps.orm, () => repository.findById(id)),
    findByEmail: (email: string) => repository.findByEmail(normaliseEmail(email)),
    requireUser,

    /**
     * Creates an account: written at once, or with the caller's unit of work when there is one
     * (sign-up writes the account, its session and the audit event together). 400 WEAK_PASSWORD,
     * 409 EMAIL_TAKEN (also when a concurrent sign-up wins the race).
     */
    createAccount(input: {
      email: string;
      name: string;
      password: string;
      role: Role;
    }): Promise<UserEntity> {
      return withEntityManager(deps.orm, async () => {
        const email = normaliseEmail(input.email);
        passwords.assertStrong(input.password, [email, input.name]);
        if (await repository.findByEmail(email)) throw new EmailTakenError();
        const passwordHash = await passwords.hash(input.password);
        const user = repository.add({
          email,
          name: input.name.trim(),
          passwordHash,
          role: input.role,
        });
        await flushUnique();
        return user;
      });
    },

    /**
     * Sets a new password (400 WEAK_PASSWORD naming `field`), and with `endAccessTokens` makes
     * every access token issued so far invalid. Staged in the caller's unit of work.
     */
    async setPassword(
      userId: string,
      password: string,
      options: { field: string; endAccessTokens: boolean },
    ): Promise<void> {
      const user = await requireUser(userId);
      passwords.assertStrong(password, [user.email, user.name], options.field);
      user.passwordHash = await passwords.hash(password);
      if (options.endAccessTokens) user.tokenVersion += 1;
    },

    /** Makes every access token of the user issued so far invalid (staged, like setPassword). */
    async endAccessTokens(userId: string): Promise<void> {
      (await requireUser(userId)).tokenVersion += 1;
    },

    async updateMe(
      principal: Principal,
      changes: { name?: string; email?: string; currentPassword?: string },
      meta: RequestMeta,
    ): Promise<UserEntity> {
      const user = await requireUser(principal.userId);
      const fields: string[] = [];
      if (changes.email !== undefined && normaliseEmail(changes.email) !== user.email) {
        if (changes.currentPassword === undefined) {
          throw new AppError(
            400,
            'CURRENT_PASSWORD_REQUIRED',
            'Changing the email needs the current password.',
            {
              fields: [{ field: ['currentPassword'], message: 'is required to change the email' }],
            },
          );
        }
        if (!(await passwords.verify(changes.currentPassword, user.passwordHash))) {
          throw new InvalidCredentialsError();
        }
        const email = normaliseEmail(changes.email);
        if (await repository.findByEmail(email)) throw new EmailTakenError();
        user.email = email;
        fields.push('email');
      }
      if (changes.name !== undefined) {
        user.name = changes.name.trim();
        fields.push('name');
      }
      if (fields.length > 0)
        audit.stage({ event: 'user.updated', userId: user.id, details: { fields } }, meta);
      await flushUnique();
      return user;
    },

    list: (query: UserListQuery) => repository.list(query),

    async adminUpdate(
      actor: Principal,
      id: string,
      changes: { role?: Role; disabled?: boolean },
      meta: RequestMeta,
    ): Promise<UserEntity> {
      const user = await requireUser(id);
      if (user.id === actor.userId && (changes.role === 'customer' || changes.disabled === true)) {
        throw new ConflictError('Admins cannot demote or disable themselves.');
      }
      let endSessions = false;
      if (changes.role !== undefined && changes.role !== user.role) {
        audit.stage(
          {
            event: 'user.role.changed',
            userId: user.id,
            actorId: actor.userId,
            details: { from: user.role, to: changes.role },
          },
          meta,
        );
        user.role = changes.role;
        // Access tokens carry the role: end them; sessions refresh into the new role.
        user.tokenVersion += 1;
      }
      if (changes.disabled !== undefined && changes.disabled !== user.disabled) {
        user.disabled = changes.disabled;
        audit.stage(
          {
            event: changes.disabled ? 'user.disabled' : 'user.enabled',
            userId: user.id,
            actorId: actor.userId,
          },
          meta,
        );
        if (changes.disabled) {
          user.tokenVersion += 1;
          endSessions = true;
        }
      }
      await repository.flush();
      if (endSessions) await deps.sessions().revokeAllSessions(user.id, 'disabled');
      return user;
    },

    /**
     * Deletion anonymises: the personal fields are erased and the row is kept, so that records
     * pointing at it (orders, the audit log) stay whole. Every session ends at once.
     */
    async adminDelete(actor: Principal, id: string, meta: RequestMeta): Promise<void> {
      const user = await requireUser(id);
      if (user.id === actor.userId) throw new ConflictError('Admins cannot delete themselves.');
      user.email = `deleted-${user.id}@deleted.invalid`;
      user.name = 'Deleted user';
      user.passwordHash = '!';
      user.disabled = true;
      user.tokenVersion += 1;
      user.deletedAt = new Date();
      audit.stage({ event: 'user.deleted', userId: user.id, actorId: actor.userId }, meta);
      await repository.flush();
      await deps.sessions().eraseSessions(user.id);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
