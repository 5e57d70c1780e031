import { describe, expect, it } from 'vitest';
import { translate } from './messages';
import { formatPlurals } from './plural';

const russian =
  '{count, plural, one {# учреждение} few {# учреждения} many {# учреждений} other {# учреждения}}';

describe('counted texts', () => {
  it.each([
    ['ru', 1, '1 учреждение'],
    ['ru', 3, '3 учреждения'],
    ['ru', 5, '5 учреждений'],
    ['ru', 21, '21 учреждение'],
    ['ru', 1.5, '1.5 учреждения'],
  ] as const)('picks the %s form for %d', (language, count, expected) => {
    expect(formatPlurals(language, russian, { count })).toBe(expected);
  });

  it('falls back to "other" for a category the text does not write, and keeps other placeholders', () => {
    expect(formatPlurals('ar', '{n, plural, one {واحدة} other {# مؤسسة}} – {rate}', { n: 3 })).toBe(
      '3 مؤسسة – {rate}',
    );
  });

  it('leaves a block alone while its number is missing', () => {
    const text = '{count, plural, one {# Einrichtung} other {# Einrichtungen}}';
    expect(formatPlurals('de', text, {})).toBe(text);
  });

  it.each([
    ['de', 1, '1 Einrichtung hat an der Umfrage teilgenommen'],
    ['de', 4, '4 Einrichtungen haben an der Umfrage teilgenommen'],
    ['en', 1, '1 institution took part in the survey'],
    ['uk', 4, 'В опитуванні взяли участь 4 установи'],
    ['uk', 11, 'В опитуванні взяли участь 11 установ'],
    ['ar', 2, 'شاركت مؤسستان في الاستطلاع'],
  ] as const)('translates %s with %d through the content files', (language, count, start) => {
    expect(translate(language, 'evaluationReport.summary.answered', { count, rate: '50 %' })).toContain(
      start,
    );
  });
});
