import { createHash, randomBytes } from 'node:crypto';
import { tokenLink, tokenPages } from '../shared/links/token-links';

/** 144 random bits, base64url: unguessable, and short enough for a link. */
export function newInvitationToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Only this hash is stored; the token itself exists only in the link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Addresses are compared by a hash of their normalized form, so keys never carry an address. */
export function hashEmail(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** The link an institution answers through (the token in the fragment: see `token-links.ts`). */
export function invitationLink(publicBaseUrl: string, token: string, language: string): string {
  return tokenLink(publicBaseUrl, tokenPages.survey, token, language);
}
