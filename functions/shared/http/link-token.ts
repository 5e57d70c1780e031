import type { FieldIssue } from '../domain/errors';
import { accessTokenHeader, linkTokenPattern } from '../links/token-links';
import { HttpProblem } from './problem';

/** Where a problem about the token points: the header, as the handler names headers (lower case). */
export const accessTokenField = `headers.${accessTokenHeader.toLowerCase()}`;

/**
 * The link token of a request to an `invitation` route, from the {@link accessTokenHeader} header (never
 * the path, which access logs keep). The one place that reads it: the handler chain checks it before any
 * work, use cases receive it from here, and per-token limits key on it. A missing or malformed token is
 * a 400 naming the header.
 */
export function linkToken(request: { headers: Readonly<Record<string, string>> }): string {
  const value = request.headers[accessTokenHeader.toLowerCase()]?.trim();
  const issue: FieldIssue | undefined = !value
    ? { field: accessTokenField, code: 'required' }
    : linkTokenPattern.test(value)
      ? undefined
      : { field: accessTokenField, code: 'invalid_format' };
  if (issue) throw new HttpProblem('validation', [issue]);
  return value as string;
}
