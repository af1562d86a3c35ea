// Every entity the ORM knows, one import per domain model. A new domain adds its model here.
import { AuditEvent } from '../api/audit/audit.model.ts';
import { PasswordResetToken, RefreshToken, Session } from '../api/auth/auth.model.ts';
import { IdempotencyKey, Order, OrderItem } from '../api/orders/orders.model.ts';
import { Product } from '../api/products/products.model.ts';
import { User } from '../api/users/users.model.ts';

export const entities = [
  User,
  Session,
  RefreshToken,
  PasswordResetToken,
  AuditEvent,
  Product,
  Order,
  OrderItem,
  IdempotencyKey,
];
