import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './downloads';

describe('fileNameFrom', () => {
  it.each([
    ['a quoted name', 'attachment; filename="auswertung-einrichtungen.csv"', 'auswertung-einrichtungen.csv'],
    ['an unquoted name', 'attachment; filename=auswertung.xlsx', 'auswertung.xlsx'],
    [
      'the UTF-8 name before the plain one',
      `attachment; filename="auswertung-bedarfe.csv"; filename*=UTF-8''Auswertung-Bedarfe-W%C3%BCrzburg.csv`,
      'Auswertung-Bedarfe-Würzburg.csv',
    ],
    ['a name with a path, without the path', 'attachment; filename="../../etc/passwd"', 'passwd'],
    [
      'a broken UTF-8 name, falling back to the plain one',
      `attachment; filename*=UTF-8''%E0%A4%A; filename="a.csv"`,
      'a.csv',
    ],
  ])('takes %s', (_case, header, expected) => {
    expect(fileNameFrom(header, 'fallback.csv')).toBe(expected);
  });

  it.each([
    ['no header', null],
    ['a header without a name', 'attachment'],
  ])('uses the fallback for %s', (_case, header) => {
    expect(fileNameFrom(header, 'evaluation-needs.csv')).toBe('evaluation-needs.csv');
  });
});
