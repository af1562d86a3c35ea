// HTTP for users: the caller's own account, and admin management.
import type { RequestHandler } from 'express';
import type { components, operations } from '../../../generated/api.d.ts';
import { pageMeta } from '../../utils/pagination.ts';
import { principalOf, requestMeta } from '../../utils/request-meta.ts';
import { toPublicUser, type UsersService } from './users.service.ts';

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listUsers']['parameters']['query']>;

export function createUsersController(service: UsersService) {
  const getMe: RequestHandler = async (req, res) => {
    const user = await service.requireUser(principalOf(req).userId);
    res
      .set('Cache-Control', 'no-store')
      .json({ status: 'success', data: toPublicUser(user) } satisfies Schemas['UserResponse']);
  };

  const updateMe: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['UpdateMeRequest'];
    const user = await service.updateMe(principalOf(req), body, requestMeta(req));
    res.json({ status: 'success', data: toPublicUser(user) } satisfies Schemas['UserResponse']);
  };

  const list: RequestHandler = async (req, res) => {
    // The validator has checked and defaulted the query (page, limit) against the contract.
    const query = req.query as unknown as ListQuery & { page: number; limit: number };
    const { items, total } = await service.list(query);
    res.set('Cache-Control', 'no-store').json({
      status: 'success',
      data: items.map(toPublicUser),
      meta: { pagination: pageMeta(query.page, query.limit, total) },
    } satisfies Schemas['UserList']);
  };

  const get: RequestHandler = async (req, res) => {
    const user = await service.requireUser(String(req.params['id']));
    res
      .set('Cache-Control', 'no-store')
      .json({ status: 'success', data: toPublicUser(user) } satisfies Schemas['UserResponse']);
  };

  const update: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['AdminUpdateUserRequest'];
    const user = await service.adminUpdate(
      principalOf(req),
      String(req.params['id']),
      body,
      requestMeta(req),
    );
    res.json({ status: 'success', data: toPublicUser(user) } satisfies Schemas['UserResponse']);
  };

  const remove: RequestHandler = async (req, res) => {
    await service.adminDelete(principalOf(req), String(req.params['id']), requestMeta(req));
    res.status(204).end();
  };

  return { getMe, updateMe, list, get, update, remove };
}

export type UsersController = ReturnType<typeof createUsersController>;
