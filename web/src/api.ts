import type { ProblemDocument } from '../../functions/shared/http/problem';
import { accessTokenHeader } from '../../functions/shared/links/token-links';
import { activeLanguage } from './i18n';

/**
 * A failed API call. `problem` holds the RFC 9457 problem details when the API answered with them
 * (already in the visitor's language); it is missing when the network or the server failed otherwise.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDocument | undefined,
  ) {
    super(problem ? `${status} ${problem.title}` : `HTTP ${status}`);
  }

  /** The localized reason for one form field, if the API named it. */
  fieldReason(field: string): string | undefined {
    return this.problem?.errors?.find((issue) => issue.field === field)?.reason;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | undefined;
  /** The token of the link that opened the page (survey, booking, registration), sent as a header. */
  linkToken?: string | undefined;
  signal?: AbortSignal | undefined;
  /** For routes that accept it: a retried request is answered from the first result. */
  idempotencyKey?: string | undefined;
}

function isProblem(value: unknown): value is ProblemDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProblemDocument).title === 'string' &&
    typeof (value as ProblemDocument).status === 'number'
  );
}

/** Calls the Wegweiser API in the page's language; answers are trusted to match the route's schema. */
export async function api<T>(path: `/api/${string}`, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': activeLanguage() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.linkToken) headers[accessTokenHeader] = options.linkToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, undefined);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const body: unknown = /json/.test(contentType) ? await response.json().catch(() => undefined) : undefined;
    throw new ApiError(response.status, isProblem(body) ? body : undefined);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** What to tell the visitor about a failure: the API's own localized detail, else a general notice. */
export function failureText(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.problem ? error.problem.detail : fallback;
}
