import { describe, expect, it } from 'vitest';
import { formatDay, formatList, formatMessage, formatMonthOrDay, languageName } from './format';
import { languageCodes } from './languages';
import { translate } from './messages';

const russian =
  '{count, plural, one {# учреждение} few {# учреждения} many {# учреждений} other {# учреждения}}';

describe('counted texts', () => {
  it.each([
    ['ru', 1, '1 учреждение'],
    ['ru', 3, '3 учреждения'],
    ['ru', 5, '5 учреждений'],
    ['ru', 21, '21 учреждение'],
    ['ru', 1.5, '1,5 учреждения'],
  ] as const)('picks the %s form for %d', (language, count, expected) => {
    expect(formatMessage(language, russian, { count })).toBe(expected);
  });

  it('falls back to "other" for a category the text does not write, and keeps missing values visible', () => {
    expect(formatMessage('ar', '{n, plural, one {واحدة} other {# مؤسسة}} – {rate}', { n: 3 })).toBe(
      '3 مؤسسة – {rate}',
    );
  });

  it('writes numbers with the language grouping but Latin digits (the county convention)', () => {
    const text = '{count, plural, one {# Einrichtung} other {# Einrichtungen}}';
    expect(formatMessage('de', text, { count: 1234 })).toBe('1.234 Einrichtungen');
    expect(formatMessage('fa', '{count, plural, one {# مورد} other {# مورد}}', { count: 3 })).toBe('3 مورد');
  });

  it('treats "<" as a character and leaves values as they were given', () => {
    expect(formatMessage('de', 'Titel: {title} <b>', { title: '{x} & <i>' })).toBe('Titel: {x} & <i> <b>');
  });

  // The categories each language's grammar has, from CLDR through Intl.PluralRules, for the numbers a
  // page meets: none, one, two, a few, eleven, a hundred.
  const numbers = [0, 1, 2, 3, 11, 100];
  it.each([
    ['de', ['other', 'one', 'other', 'other', 'other', 'other']],
    ['ru', ['many', 'one', 'few', 'few', 'many', 'many']],
    ['uk', ['many', 'one', 'few', 'few', 'many', 'many']],
    ['ar', ['zero', 'one', 'two', 'few', 'many', 'other']],
  ] as const)('uses %s plural categories for 0, 1, 2, 3, 11, 100', (language, categories) => {
    const text = `{count, plural, ${['zero', 'one', 'two', 'few', 'many', 'other']
      .map((category) => `${category} {${category}:#}`)
      .join(' ')}}`;
    expect(numbers.map((count) => formatMessage(language, text, { count }))).toEqual(
      categories.map((category, index) => `${category}:${numbers[index]}`),
    );
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

describe('dates without times', () => {
  it.each(languageCodes)(
    'writes a day in %s with its year, and no time, from a day or a moment',
    (language) => {
      for (const value of ['2026-12-07', '2026-12-07T20:00:00Z', new Date('2026-12-07T22:30:00Z')]) {
        const written = formatDay(value, language);
        expect(written).toContain('2026');
        expect(written).toMatch(/(^|\D)7(\D|$)/); // the 7th, in Latin digits (22:30 UTC is 23:30 in Würzburg)
        expect(written).not.toMatch(/\d{1,2}:\d{2}/);
        expect(written).not.toMatch(/PM|AM|ق\.ظ|ب\.ظ/);
      }
    },
  );

  it('takes the day of a moment in the county time zone, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Würzburg
    expect(formatDay('2026-12-31T23:30:00Z', 'de')).toBe('1. Januar 2027');
    expect(formatDay('2026-12-31', 'de')).toBe('31. Dezember 2026');
  });

  it('writes plans given to the month without a day', () => {
    expect(formatMonthOrDay('2026-09', 'de')).toBe('September 2026');
    expect(formatMonthOrDay('2026-09-15', 'en')).toBe('September 15, 2026');
    expect(formatMonthOrDay('2026-09', 'fa')).toContain('2026');
  });
});

describe('lists and language names', () => {
  it('joins lists as each language does', () => {
    expect(formatList(['Arabisch', 'Englisch', 'Türkisch'], 'de')).toBe('Arabisch, Englisch und Türkisch');
    expect(formatList(['a', 'b', 'c'], 'fa')).toContain('،');
    expect(formatList(['أ', 'ب', 'ج'], 'ar')).toBe('أ وب وج');
  });

  it('names languages in the reader language', () => {
    expect(languageName('ar', 'de')).toBe('Arabisch');
    expect(languageName('tr', 'en')).toBe('Turkish');
    expect(languageName('not a tag!', 'de')).toBe('not a tag!');
  });
});
