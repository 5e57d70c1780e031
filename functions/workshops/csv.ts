/**
 * Cells that spreadsheet programs would run as a formula (or that start a DDE payload after a tab or
 * line break) get a leading apostrophe, so a name like `=HYPERLINK(…)` stays text (OWASP CSV injection).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return `"${neutralise(cell).replaceAll('"', '""')}"`;
}

/** The byte order mark that makes Excel read the file as UTF-8 (umlauts, Arabic, Cyrillic). */
export const utf8Bom = '\uFEFF';

/**
 * A CSV file for Excel as the county uses it: UTF-8 with BOM, semicolons (the separator German Excel
 * expects), every cell quoted, CRLF line ends (RFC 4180).
 */
export function toCsv(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((row) => row.map(quoted).join(';'));
  return `${utf8Bom}${lines.join('\r\n')}\r\n`;
}
