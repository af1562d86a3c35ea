// Data access for users. Deleted (anonymised) accounts are invisible to every lookup here.
import type { FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.ts';
import { likeContains } from '../../db/sql.ts';
import { User, type Role, type UserEntity } from './users.model.ts';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export interface UserListQuery {
  role?: Role;
  q?: string;
  page: number;
  limit: number;
}

export function createUsersRepository(orm: Orm) {
  return {
    findById(id: string): Promise<UserEntity | null> {
      return orm.em.findOne(User, { id, deletedAt: null });
    },

    findByEmail(email: string): Promise<UserEntity | null> {
      return orm.em.findOne(User, { email, deletedAt: null });
    },

    add(user: NewUser): UserEntity {
      return orm.em.create(User, user);
    },

    async list(query: UserListQuery): Promise<{ items: UserEntity[]; total: number }> {
      const where: FilterQuery<UserEntity> = { deletedAt: null };
      if (query.role) where.role = query.role;
      if (query.q) {
        const pattern = likeContains(query.q);
        where.$or = [{ email: { $ilike: pattern } }, { name: { $ilike: pattern } }];
      }
      const [items, total] = await orm.em.findAndCount(User, where, {
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: query.limit,
        offset: (query.page - 1) * query.limit,
      });
      return { items, total };
    },

    async flush(): Promise<void> {
      await orm.em.flush();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
