// The user account. Emails are stored lower-cased (unique); the password hash never leaves the
// service layer (hidden from serialisation, and never mapped into a response).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { enums } from '../../../generated/operations.ts';

/** The roles of the contract (components.schemas.Role). */
export const ROLES = enums.Role;
export type Role = (typeof ROLES)[number];

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  checks: [{ name: 'users_email_lower_check', expression: 'email = lower(email)' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    email: p.string().length(254).unique(),
    name: p.string().length(100),
    passwordHash: p.string().length(100).hidden(),
    role: p.enum(ROLES).default('customer'),
    disabled: p.boolean().default(false),
    /** Bumped to invalidate every access token of the user at once. */
    tokenVersion: p.integer().default(0),
    /** Set when the account is deleted; its personal data is erased at the same moment. */
    deletedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type UserEntity = InferEntity<typeof User>;
