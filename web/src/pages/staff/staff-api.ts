import { useCallback } from 'preact/hooks';
import { ApiError, api, type RequestOptions } from '../../api';

export type StaffApi = <T>(path: `/api/${string}`, options?: Omit<RequestOptions, 'token'>) => Promise<T>;

/**
 * The API as a console section calls it: with the member's token, and a 401 (the session ran out or
 * was revoked) ends the session so the console asks to sign in again instead of failing in place.
 */
export function useStaffApi(token: string, onExpired: () => void): StaffApi {
  return useCallback(
    async <T>(path: `/api/${string}`, options: Omit<RequestOptions, 'token'> = {}) => {
      try {
        return await api<T>(path, { ...options, token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onExpired();
        throw error;
      }
    },
    [token, onExpired],
  ) as StaffApi;
}

/** Someone else changed the item since it was loaded (`/problems/version-conflict`). */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.problem?.type ?? '').endsWith('/problems/version-conflict')
  );
}

/** The localized reason the API gave for one field, if it named it (`title` or `body.title`). */
export function fieldProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldReason(field) ?? error.fieldReason(`body.${field}`);
}
