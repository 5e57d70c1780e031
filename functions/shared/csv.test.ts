import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFile, neutralise, safeCell, toCsv, utf8Bom } from './csv';

describe('the registration list as CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klick")', `'=HYPERLINK("http://evil.example","klick")`],
    ['+49 931 123', `'+49 931 123`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Erika Beispiel', 'Erika Beispiel'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises %j as %j', (cell, expected) => {
    expect(neutralise(cell)).toBe(expected);
  });

  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    const csv = toCsv(['Name'], [['Ünal Yılmaz'], ['محمد']]);
    expect(csv.startsWith(utf8Bom)).toBe(true);
    expect(csv).toBe(`${utf8Bom}"Name"\r\n"Ünal Yılmaz"\r\n"محمد"\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back the same cells, with quotes, semicolons and line breaks inside them', () => {
    const rows = [
      ['Anna "Anni" Muster', 'a;b', 'Zeile 1\nZeile 2'],
      ['=1+1', 'VHS', ''],
    ];
    const parsed = parse(toCsv(['Name', 'Institution', 'Note'], rows), {
      bom: true,
      delimiter: ';',
      relax_column_count: false,
    }) as string[][];
    expect(parsed).toEqual([['Name', 'Institution', 'Note'], rows[0], ["'=1+1", 'VHS', '']]);
  });
});

describe('CSV with commas, quoting only where RFC 4180 needs it', () => {
  const options = { separator: ',', quote: 'needed' } as const;

  it('quotes only cells with a comma, a quote or a line break, and doubles quotes', () => {
    const csv = csvFile(
      [
        ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rinside', 'a;b'],
        [0, 12, '', 'Ünal', 'محمد', 'Київ'],
      ],
      options,
    );
    expect(csv).toBe(
      `${utf8Bom}plain,"a,b","say ""hi""","two\nlines","cr\rinside",a;b\r\n0,12,,Ünal,محمد,Київ\r\n`,
    );
  });

  it('neutralises formula starts and reads back to the neutralised cells', () => {
    const rows = [['=1+1', '+49', '-3', '@A1', '\tx', '\rx', 'ok']];
    const parsed = parse(csvFile(rows, options), { bom: true }) as string[][];
    expect(parsed).toEqual([["'=1+1", "'+49", "'-3", "'@A1", "'\tx", "'\rx", 'ok']]);
  });

  it.each([
    [0, '0'],
    [42, '42'],
    [-1, "'-1"],
    [-0.5, "'-0.5"],
    [1.5, '1.5'],
  ])('writes the number %j as %j', (cell, expected) => {
    expect(safeCell(cell)).toBe(expected);
  });
});
