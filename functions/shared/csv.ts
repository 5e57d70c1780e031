/**
 * CSV for spreadsheets, as RFC 4180 describes it (CRLF line ends, fields with a separator, a quote or a
 * line break in double quotes, quotes doubled), with every cell made formula-safe.
 */

/** Text that a spreadsheet would run as a formula, or a DDE payload after a tab or line break. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Cells that spreadsheet programs would run as a formula (or that start a DDE payload after a tab or
 * line break) get a leading apostrophe, so a name like `=HYPERLINK(…)` stays text (OWASP CSV injection).
 */
export function neutralise(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** Whether a text would reach a spreadsheet unchanged, i.e. needs no neutralising. */
export function isFormulaSafe(cell: string): boolean {
  return !formulaStart.test(cell);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Half of a surrogate pair has no UTF-8 encoding; the encoder would turn it into U+FFFD anyway, so it is
 * replaced here, where the file's text is decided (the same as `String.prototype.toWellFormed`).
 */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/** A cell as generated: text, or a count. */
export type CsvCell = string | number;

/**
 * A cell as it goes into a file. A count (a non-negative safe integer) is written as its digits, so
 * spreadsheets read it as a number; it can never start with a formula character. Any other number
 * (negative, fractional) is written as text and neutralised like text, because `-1+2` is exactly the
 * payload the rule is for: a negative count has no place in our exports, so being strict costs nothing.
 */
export function safeCell(cell: CsvCell): string {
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0) return String(cell);
  return neutralise(wellFormed(String(cell)));
}

/** The byte order mark that makes Excel read the file as UTF-8 (umlauts, Arabic, Cyrillic). */
export const utf8Bom = '\uFEFF';

export interface CsvOptions {
  /** `;` for German Excel's double-click opening, `,` for RFC 4180 proper. */
  separator: ',' | ';';
  /**
   * `always` quotes every cell (Excel then never guesses a type from a text such as `1-2`); `needed`
   * quotes only cells with the separator, a quote or a line break, as RFC 4180 requires, so counts stay
   * plain numbers for every reader.
   */
  quote: 'always' | 'needed';
}

function field(cell: CsvCell, options: CsvOptions): string {
  const text = safeCell(cell);
  const mustQuote =
    options.quote === 'always' ||
    text.includes(options.separator) ||
    text.includes('"') ||
    text.includes('\r') ||
    text.includes('\n');
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: BOM, one line per row, every line (the last one too) ended by CRLF. */
export function csvFile(lines: readonly (readonly CsvCell[])[], options: CsvOptions): string {
  const text = lines.map((line) => line.map((cell) => field(cell, options)).join(options.separator));
  return `${utf8Bom}${text.join('\r\n')}\r\n`;
}

/**
 * A CSV file for Excel as the county uses it: UTF-8 with BOM, semicolons (the separator German Excel
 * expects), every cell quoted, CRLF line ends (RFC 4180).
 */
export function toCsv(header: string[], rows: string[][]): string {
  return csvFile([header, ...rows], { separator: ';', quote: 'always' });
}
