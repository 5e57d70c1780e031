/**
 * Whether an `If-None-Match` header names the current entity tag, so the answer can be 304 Not
 * Modified. GET uses the weak comparison (RFC 9110, 13.1.2): `W/"a"` matches `"a"`.
 */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim() === '*' || opaque(candidate) === current);
}
