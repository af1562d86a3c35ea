// Every entity the ORM knows, one import per domain model. A new domain adds its model here.
import type { EntitySchema } from '@mikro-orm/core';

export const entities: EntitySchema[] = [];
