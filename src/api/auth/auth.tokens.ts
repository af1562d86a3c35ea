// Token material. Access tokens are JWTs signed with HS256 (pinned on both sides) carrying the
// session and the user's token version, so that revocation can be checked per request.
// Refresh and reset tokens are opaque random strings that are stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '../users/users.model.ts';

const ALGORITHM = 'HS256';
/** RFC 9068's media type for access tokens; a JWT without it is not one of ours. */
const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
  tv: number;
}

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export function signAccessToken(claims: AccessClaims, settings: TokenSettings): string {
  return jwt.sign({ role: claims.role, sid: claims.sid, tv: claims.tv }, settings.secret, {
    algorithm: ALGORITHM,
    header: { alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE },
    subject: claims.sub,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.ttlSeconds,
  });
}

export type VerifyResult =
  { ok: true; claims: AccessClaims } | { ok: false; reason: 'expired' | 'invalid' };

export function verifyAccessToken(token: string, settings: TokenSettings): VerifyResult {
  try {
    const decoded = jwt.verify(token, settings.secret, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      complete: true,
    });
    const payload = decoded.payload;
    if (decoded.header.typ !== ACCESS_TOKEN_TYPE || typeof payload !== 'object') {
      return { ok: false, reason: 'invalid' };
    }
    const { sub, role, sid, tv } = payload as Record<string, unknown>;
    if (
      typeof sub !== 'string' ||
      (role !== 'customer' && role !== 'admin') ||
      typeof sid !== 'string' ||
      typeof tv !== 'number'
    ) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, claims: { sub, role, sid, tv } };
  } catch (error) {
    return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
  }
}

/** 32 random bytes, base64url: 43 characters, as the contract's RefreshToken pattern says. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
