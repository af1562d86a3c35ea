// HTTP for users: the caller's own account, and admin management.
import type { Handler } from '../../types/handlers.ts';
import { pageMeta } from '../../utils/pagination.ts';
import { toPublicUser, type UsersService } from './users.service.ts';

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
      data: toPublicUser(await service.updateMe(principal, body, meta)),
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
