import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { DomainError } from '../shared/domain/errors';
import { staffGroupNames } from '../shared/http/route';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';

export const devTokenIssuer = 'wegweiser-local-dev-sign-in';
export const devTokenAudience = 'wegweiser-local';
const tokenLifetimeSeconds = 8 * 60 * 60;

export const DevUser = z.object({
  email: z.string(),
  groups: z.array(z.enum(staffGroupNames)),
  passwordHash: z.string(),
  sub: z.string(),
});
export type DevUser = z.infer<typeof DevUser>;

export function hashPassword(password: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt:${salt}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [, salt = '', hash = ''] = stored.split(':');
  const candidate = scryptSync(password, salt, 32);
  const expected = Buffer.from(hash, 'hex');
  return expected.length === candidate.length && timingSafeEqual(candidate, expected);
}

export async function saveDevUser(store: Store, user: DevUser): Promise<void> {
  await store.put({ ...keys.devUser(user.email), entity: 'DevUser', ...user });
}

/**
 * Local stand-in for Cognito's hosted sign-in: checks a seeded account and issues an HS256 token with
 * the claims a Cognito ID token carries (`sub`, `email`, `cognito:groups`), so handlers see the same.
 */
export async function signInForDevelopment(
  store: Store,
  secret: string,
  credentials: { email: string; password: string },
  now: Date,
) {
  const user = await store.get(keys.devUser(credentials.email), DevUser);
  if (!user || !passwordMatches(credentials.password, user.passwordHash)) {
    throw new DomainError('unauthorized', 'dev sign-in refused');
  }
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ email: user.email, 'cognito:groups': user.groups, token_use: 'id' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.sub)
    .setIssuer(devTokenIssuer)
    .setAudience(devTokenAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + tokenLifetimeSeconds)
    .sign(new TextEncoder().encode(secret));
  return {
    token,
    expiresAt: new Date((issuedAt + tokenLifetimeSeconds) * 1000).toISOString(),
    email: user.email,
    groups: user.groups,
  };
}
