/**
 * The signed-in staff member's ID token, kept in sessionStorage: it lives as long as the tab, is not
 * shared with other tabs and is never sent anywhere but the API's Authorization header.
 */
export interface StaffSession {
  token: string;
  expiresAt: string;
  /** How the member signed in: decides how signing out ends the session. */
  via: 'dev' | 'cognito';
}

const storageKey = 'wegweiser.staffSession';

export function readSession(now: Date = new Date()): StaffSession | undefined {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(storageKey);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Partial<StaffSession>;
    if (typeof session.token !== 'string' || typeof session.expiresAt !== 'string') return undefined;
    if (Date.parse(session.expiresAt) <= now.getTime()) {
      clearSession();
      return undefined;
    }
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      via: session.via === 'cognito' ? 'cognito' : 'dev',
    };
  } catch {
    clearSession();
    return undefined;
  }
}

export function saveSession(session: StaffSession): void {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing stored then
  }
}
