import { useEffect, useState } from 'preact/hooks';
import { useLocation } from './router';

/**
 * The token of the link that opened this page, from the URL fragment (`/survey?lang=de#<token>`): the
 * fragment never reaches a server, a proxy's log or a Referer. The page sends the token to the API in the
 * `Wegweiser-Access-Token` header (`api(…, { linkToken })`). An empty string when there is none; a
 * malformed one is returned as it is, so the page can say the link is broken.
 *
 * The token stays in the address on purpose: reloading the page and a bookmark must keep working
 * (answering a survey takes several sittings), and the address stays on this device. While the page is
 * open, it sends no Referer at all (`<meta name="referrer" content="no-referrer">`), so not even the
 * page's path leaves with a link the visitor follows.
 */
export function useLinkToken(): string {
  useLocation(); // a navigation to another fragment (the code form) renders again
  const [, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    return () => {
      window.removeEventListener('hashchange', update);
      meta.remove();
    };
  }, []);
  // Read on every render: `navigate()` changes the fragment without a hashchange event.
  return window.location.hash.replace(/^#/, '');
}
