/** Decodes standard base64 (as the outbox stores attachments) into bytes. */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Types a downloaded attachment may keep. Anything else (HTML, SVG, scripts) is handed over as plain
 * bytes, so that a blob URL, which carries this site's origin, can never render active content.
 */
const inertTypes = new Set([
  'application/pdf',
  'text/plain',
  'text/csv',
  'text/calendar',
  'image/png',
  'image/jpeg',
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export function safeContentType(contentType: string): string {
  const base = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return inertTypes.has(base) ? base : 'application/octet-stream';
}
