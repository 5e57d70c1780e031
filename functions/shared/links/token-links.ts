/**
 * Survey, booking and registration links are credentials: whoever holds one reads and changes what it
 * opens. Their token therefore travels in the URL fragment (`/survey?lang=de#<token>`), which browsers
 * never send to a server, never put in a Referer and which no proxy or access log sees; the page hands it
 * to the API in the {@link accessTokenHeader} header, which no log records.
 *
 * This module is shared by the API (mails, the header), the web pages and the edge (old links), so it
 * imports nothing.
 */

/** The request header that carries a link's token to the API (documented as a security scheme). */
export const accessTokenHeader = 'Wegweiser-Access-Token';

/** A link's token: 144 random bits, base64url (22 characters); longer ones are accepted for the future. */
export const linkTokenPattern = /^[A-Za-z0-9_-]{22,64}$/;

/** The pages a link opens; the token follows as the fragment. */
export const tokenPages = {
  survey: '/survey',
  interview: '/interview',
  workshopRegistration: '/workshop/registration',
  workshopInvitation: (workshopId: string) => `/workshop/${workshopId}/invitation`,
} as const;

/**
 * A link mailed to someone: the page in the language they were written to in, the token in the fragment
 * (after the query, where URLs keep it).
 */
export function tokenLink(publicBaseUrl: string, page: string, token: string, language: string): string {
  return `${publicBaseUrl}${page}?lang=${encodeURIComponent(language)}#${token}`;
}

/** The token from a page's `location.hash` (`#<token>`), if it looks like one. */
export function tokenFromFragment(hash: string): string | undefined {
  const candidate = hash.startsWith('#') ? hash.slice(1) : hash;
  return linkTokenPattern.test(candidate) ? candidate : undefined;
}

/** The token of a mailed link (`https://…/survey?lang=de#<token>`): its fragment. */
export function tokenOfLink(link: string): string {
  return new URL(link, 'https://wegweiser.invalid').hash.slice(1);
}

/** The header a client sends with each request of a link page. */
export function accessTokenHeaders(token: string): Record<string, string> {
  return { [accessTokenHeader]: token };
}
