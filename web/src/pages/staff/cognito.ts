import type { StaffSession } from './session';

export interface CognitoSettings {
  domain: string;
  clientId: string;
}

const pendingKey = 'wegweiser.cognitoSignIn';
export const callbackPath = '/staff/callback';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** RFC 7636: the S256 challenge of a code verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The hosted UI's base address; the configured domain may or may not carry its scheme. */
export function cognitoBase(domain: string): string {
  return (/^https:\/\//.test(domain) ? domain : `https://${domain}`).replace(/\/+$/, '');
}

function redirectUri(): string {
  return `${window.location.origin}${callbackPath}`;
}

/**
 * Sends the browser to Cognito's hosted sign-in (authorization code flow with PKCE). Verifier and
 * state stay in this tab's sessionStorage until the callback comes back.
 */
export async function startCognitoSignIn(settings: CognitoSettings): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state }));
  const url = new URL(`${cognitoBase(settings.domain)}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await codeChallenge(verifier),
  }).toString();
  window.location.assign(url.href);
}

/** Why a callback could not complete; the page shows one general notice either way. */
export class CognitoCallbackError extends Error {
  override name = 'CognitoCallbackError';
}

/** Exchanges the authorization code from the callback address for the ID token. */
export async function completeCognitoSignIn(
  settings: CognitoSettings,
  query: URLSearchParams,
  now: Date = new Date(),
): Promise<StaffSession> {
  const pendingRaw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const pending = pendingRaw ? (JSON.parse(pendingRaw) as { verifier?: string; state?: string }) : undefined;
  const code = query.get('code');
  if (query.get('error')) throw new CognitoCallbackError(`hosted UI answered ${query.get('error')}`);
  if (!code || !pending?.verifier || !pending.state || pending.state !== query.get('state')) {
    throw new CognitoCallbackError('callback without a matching sign-in');
  }
  const response = await fetch(`${cognitoBase(settings.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: settings.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new CognitoCallbackError(`token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string; expires_in?: number };
  if (!tokens.id_token) throw new CognitoCallbackError('token endpoint sent no ID token');
  const lifetimeSeconds = typeof tokens.expires_in === 'number' ? tokens.expires_in : 3600;
  return {
    token: tokens.id_token,
    expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
    via: 'cognito',
  };
}

/** Ends the hosted UI's own session too, then comes back to the sign-in page. */
export function cognitoSignOutUrl(settings: CognitoSettings): string {
  const url = new URL(`${cognitoBase(settings.domain)}/logout`);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    logout_uri: `${window.location.origin}/staff`,
  }).toString();
  return url.href;
}
