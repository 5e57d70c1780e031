import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A page receives the named segments of its path pattern (`/survey/:token` → `{ token }`). */
export type PageProps = { params: Record<string, string> };

export interface RouteDefinition {
  /** `/`, `/imprint`, `/survey/:token`: literal segments and `:name` placeholders, nothing else. */
  pattern: string;
  page: ComponentType<PageProps>;
}

export interface MatchedRoute {
  route: RouteDefinition | undefined;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly RouteDefinition[], pathname: string): MatchedRoute {
  const segments = pathname.replace(/\/+$/, '').split('/').slice(1);
  for (const route of routes) {
    const pattern = route.pattern.replace(/\/+$/, '').split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        if (segment === '') return false;
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          return false;
        }
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return { route: undefined, params: {} };
}

export interface Location {
  pathname: string;
  search: string;
  /** Counts client-side navigations; 0 is the page as loaded. */
  navigation: number;
}

type Listener = (location: Location) => void;
const listeners = new Set<Listener>();
let current: Location | undefined;

function currentLocation(): Location {
  current ??= { pathname: window.location.pathname, search: window.location.search, navigation: 0 };
  return current;
}
/** Set by a navigation, taken by the next page heading, which then receives focus. */
let focusPending = false;

function publish(): void {
  const next = {
    pathname: window.location.pathname,
    search: window.location.search,
    navigation: currentLocation().navigation + 1,
  };
  current = next;
  focusPending = true;
  for (const listener of listeners) listener(next);
}

/** Goes to a path of this site without reloading; `replace` for redirects that should not stay in history. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  publish();
}

/** Lets the next rendered page heading take focus, as after a navigation (e.g. after signing in). */
export function requestHeadingFocus(): void {
  focusPending = true;
}

export function takeHeadingFocus(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Turns clicks on same-site links into client-side navigations. Links into the API, downloads, links
 * with a target and modified clicks (new tab) keep the browser's behaviour.
 */
export function startRouter(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || !isPlainLeftClick(event)) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor?.href || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self'))
      return;
    const url = new URL(anchor.href);
    if (!/^https?:$/.test(url.protocol) || url.origin !== window.location.origin) return;
    if (url.pathname.startsWith('/api/')) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash)
      return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', publish);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    listeners.add(setLocation);
    setLocation(currentLocation());
    return () => {
      listeners.delete(setLocation);
    };
  }, []);
  return location;
}
