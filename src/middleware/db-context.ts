// Gives each request its own EntityManager (a fork with its own identity map), so no state
// leaks between requests. Repositories read it from orm.em, which resolves to this fork.
import { RequestContext } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { Orm } from '../db/orm.ts';

export function dbContext(orm: Orm): RequestHandler {
  return (_req, _res, next) => RequestContext.create(orm.em, next);
}
