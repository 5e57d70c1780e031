import { ApiError } from '../../api';
import { activeLanguage } from '../../i18n';

/**
 * The file name a download names in `Content-Disposition`: the RFC 6266 / 5987 `filename*` (UTF-8,
 * percent-encoded) first, then a plain `filename`, else the fallback. Path parts are dropped.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/**
 * Downloads a file the API sends only with the staff token: fetched as a blob and saved through an
 * object URL, because a plain link cannot carry the bearer token.
 */
export async function downloadWithToken(path: `/api/${string}`, token: string, fallbackName: string) {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': activeLanguage() },
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!response.ok) {
    const body: unknown = /json/.test(response.headers.get('content-type') ?? '')
      ? await response.json().catch(() => undefined)
      : undefined;
    const problem =
      typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string'
        ? (body as ConstructorParameters<typeof ApiError>[1])
        : undefined;
    throw new ApiError(response.status, problem);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the browser's download; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
