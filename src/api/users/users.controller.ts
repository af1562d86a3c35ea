// HTTP for users: the caller's own account, and admin management, in the contract's shape.
import type { components } from '../../../generated/api.d.ts';
import type { Handler } from '../../types/handlers.ts';
import { inRequest } from '../../utils/http-errors.ts';
import { pageMeta } from '../../utils/pagination.ts';
import type { UserEntity } from './users.model.ts';
import type { UsersService } from './users.service.ts';

export function toPublicUser(user: UserEntity): components['schemas']['User'] {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function createUsersController(service: UsersService) {
  const getMe: Handler<'getMe'> = async (_input, { principal }) => ({
    status: 200,
    headers: NO_STORE,
    body: {
      status: 'success',
      data: toPublicUser(await service.requireUser(principal.userId)),
    },
  });

  const updateMe: Handler<'updateMe'> = async ({ body }, { principal, meta }) => ({
    status: 200,
    body: {
      status: 'success',
      data: toPublicUser(await inRequest('body', () => service.updateMe(principal, body, meta))),
    },
  });

  const list: Handler<'listUsers'> = async ({ query }) => {
    const { items, total } = await service.list(query);
    return {
      status: 200,
      headers: NO_STORE,
      body: {
        status: 'success',
        data: items.map(toPublicUser),
        meta: { pagination: pageMeta(query.page, query.limit, total) },
      },
    };
  };

  const get: Handler<'getUser'> = async ({ params }) => ({
    status: 200,
    headers: NO_STORE,
    body: { status: 'success', data: toPublicUser(await service.requireUser(params.id)) },
  });

  const update: Handler<'updateUser'> = async ({ params, body }, { principal, meta }) => ({
    status: 200,
    body: {
      status: 'success',
      data: toPublicUser(await service.adminUpdate(principal, params.id, body, meta)),
    },
  });

  const remove: Handler<'deleteUser'> = async ({ params }, { principal, meta }) => {
    await service.adminDelete(principal, params.id, meta);
    return { status: 204 };
  };

  return { getMe, updateMe, list, get, update, remove };
}

export type UsersController = ReturnType<typeof createUsersController>;
