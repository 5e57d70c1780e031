import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { parseOfferingQuery } from './offering-query';
import { understand } from './understand';

describe('place names in every language and script', () => {
  it.each([
    ['Deutschkurs in Hoechberg', 'hoechberg'],
    ['frauentreff in hochberg', 'hoechberg'],
    ["Würzburg'da Almanca kursu", 'wuerzburg-city'],
    ['rottendorfta iş', 'rottendorf'],
    ['курси німецької у Вюрцбурзі', 'wuerzburg-city'],
    ['курсы немецкого в Охзенфурте', 'ochsenfurt'],
    ['спорт в Рандерзаккере', 'randersacker'],
    ['гуртки у Гербрунні', 'gerbrunn'],
    ['школа в Гібельштадті', 'giebelstadt'],
    ['секции в Цель-ам-Майн', 'zell-am-main'],
    ['دورة لغة في راندرزاكر', 'randersacker'],
    ['کلاس زبان در کورناخ', 'kuernach'],
    ['German course in Zell am Main', 'zell-am-main'],
    ['курси німецької в Аубі', 'aub'],
    ['کلاس زبان در ورزبورگ', 'wuerzburg-city'],
  ])('reads the place in "%s"', (text, place) => {
    expect(parseOfferingQuery(text).place).toBe(place);
  });

  it.each([
    ['online German course'],
    ['Deutschkurs online'],
    ['онлайн курс німецької'],
    ['онлайн курсы немецкого'],
    ['کلاس آلمانی آنلاین'],
    ['دورة ألمانية أونلاين'],
    ['çevrimiçi Almanca kursu'],
  ])('reads "online" as a place in "%s"', (text) => {
    expect(parseOfferingQuery(text)).toEqual({ category: 'language_courses', place: 'online' });
  });

  it.each([
    ['تازه‌ترین خبرها دربارهٔ طرح ادغام چیست؟'],
    ['Яких цілей хочуть досягти?'],
    ['هل الخطة مجرد ورق أم يُعمل بها فعلًا؟'],
    ['у Мюнхені'],
  ])('finds no place in "%s"', (text) => {
    expect(parseOfferingQuery(text).place).toBeUndefined();
  });
});

describe('offering topics in every language', () => {
  it.each([
    ['Deutschkurs für Frauen', 'language_courses'],
    ['Hausaufgabenhilfe in Höchberg', 'children_youth'],
    ['Nachhilfe für Kinder', 'education_school'],
    ['Fußballverein für Erwachsene', 'leisure_sport_culture'],
    ['help finding a flat', 'housing'],
    ['youth club in kurnach', 'children_youth'],
    ['допомога з пошуком житла', 'housing'],
    ['детский клуб', 'children_youth'],
    ['ev ararken yardım', 'housing'],
    ['iş bulmama yardım', 'work_training'],
    ['دكتور بيحكي عربي', 'health'],
    ['کمک برای پیدا کردن خونه', 'housing'],
  ])('reads the topic of "%s"', (text, category) => {
    expect(parseOfferingQuery(text).category).toBe(category);
  });

  it.each([
    ['how do i renew my passport'],
    ['как поменять паспорт'],
    ['when was the workshop'],
    ['is there a pdf'],
  ])('reads no topic in "%s" (no word inside another word)', (text) => {
    expect(parseOfferingQuery(text).category).toBeUndefined();
  });

  it('reads the language an offering is held in, but not German in a German course', () => {
    expect(parseOfferingQuery('Beratung auf Arabisch')).toEqual({
      category: 'counselling',
      offeredLanguage: 'ar',
    });
    expect(parseOfferingQuery('курси німецької')).toEqual({ category: 'language_courses' });
    expect(parseOfferingQuery('русскоговорящий врач')).toEqual({ category: 'health', offeredLanguage: 'ru' });
  });
});

describe('offerings, knowledge or neither', () => {
  const matcher = new KnowledgeMatcher(loadKnowledgeBase());

  it('does not search when a topic word stands in a question about something else', () => {
    expect(understand(matcher, 'кто выиграл чемпионат мира по футболу').kind).toBe('none');
  });

  it('answers from the knowledge base when the question is clearly about the concept', () => {
    expect(understand(matcher, 'Wann war der Workshop?')).toMatchObject({
      kind: 'knowledge',
      entryId: 'workshop',
    });
  });

  it('searches when a topic and a place are named', () => {
    expect(understand(matcher, 'спортивная секция в кирххайме')).toEqual({
      kind: 'offerings',
      query: { category: 'leisure_sport_culture', place: 'kirchheim' },
    });
  });
});

describe('words typed with one letter wrong', () => {
  it.each([
    ['Deutschkurz in Ochsenfurth', { category: 'language_courses', place: 'ochsenfurt' }],
    ['Wohnug in Giebelstad', { category: 'housing', place: 'giebelstadt' }],
    ['Beratunng auf Arabisch', { category: 'counselling', offeredLanguage: 'ar' }],
  ])('reads "%s"', (text, query) => {
    expect(parseOfferingQuery(text)).toEqual(query);
  });

  it.each([['Где можно почитать материалы?'], ['چه اسنادی وجود دارد؟'], ['هل يتم حفظ بياناتي؟']])(
    'reads no topic inside another word in "%s"',
    (text) => {
      expect(parseOfferingQuery(text).category).toBeUndefined();
    },
  );
});
