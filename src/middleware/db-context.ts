// Gives each request its own EntityManager (a fork with its own identity map), so no state
// leaks between requests. Repositories read it from orm.em, which resolves to this fork.
// The liveness probe (the contract's getHealth, answered without the database and called by
// every pod's kubelet every few seconds) gets none: the fork cost it about 5 % of its CPU
// (`npm run bench`'s cost table, docs/BENCHMARKS.md). Should its handler ever need the
// database, it would find no request context: MikroORM refuses entity work on the global
// EntityManager (allowGlobalContext: false in db/orm.ts) instead of sharing one across requests.
import { RequestContext } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { OperationId } from '../../generated/operations.ts';
import type { Orm } from '../db/orm.ts';

const WITHOUT_DATABASE = new Set<OperationId>(['getHealth']);

/** What express-openapi-validator records on a request it matched to an operation. */
type Matched = { openapi?: { schema?: { operationId?: OperationId } } };

export function dbContext(orm: Orm): RequestHandler {
  return (req, _res, next) => {
    const id = (req as Matched).openapi?.schema?.operationId;
    if (id !== undefined && WITHOUT_DATABASE.has(id)) return next();
    RequestContext.create(orm.em, next);
  };
}
