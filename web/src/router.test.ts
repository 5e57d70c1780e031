import { describe, expect, it } from 'vitest';
import { matchRoute, type RouteDefinition } from './router';

const Page = () => null;
const routes: RouteDefinition[] = [
  { pattern: '/', page: Page },
  { pattern: '/survey', page: Page },
  { pattern: '/survey/:token', page: Page },
  { pattern: '/staff/callback', page: Page },
  { pattern: '/staff/:section', page: Page },
];

describe('matchRoute', () => {
  it.each([
    ['/', '/', {}],
    ['/survey', '/survey', {}],
    ['/survey/', '/survey', {}],
    ['/survey/abc-123', '/survey/:token', { token: 'abc-123' }],
    ['/survey/a%20b', '/survey/:token', { token: 'a b' }],
    ['/staff/callback', '/staff/callback', {}],
    ['/staff/invitations', '/staff/:section', { section: 'invitations' }],
  ])('matches %s to %s', (path, pattern, params) => {
    const matched = matchRoute(routes, path);
    expect(matched.route?.pattern).toBe(pattern);
    expect(matched.params).toEqual(params);
  });

  it.each(['/nothing', '/survey/a/b', '/survey/%E0%A4%A', '/staff'])('matches nothing for %s', (path) => {
    expect(matchRoute(routes, path).route).toBeUndefined();
  });
});
