import { describe, expect, it } from 'vitest';
import { normalizeText, stem, tokens } from './text';

describe('text folding', () => {
  it.each([
    ['Çocuğum İçin Ders Desteği', 'cocugum icin ders destegi'],
    ['KADIN buluşması', 'kadin bulusmasi'],
    ['Höchberg Straße', 'hochberg strasse'],
    ['ما هي خطة الإندماج؟', 'ما هی خطه الاندماج'],
    ['كلاس زبان آلماني', 'کلاس زبان المانی'],
    ['کلاس‌های زبان', 'کلاس های زبان'],
    ['Хёхберг', 'хехберг'],
    ['інтеграції', 'интеграции'],
    ['۲۳ ژانویه', '23 ژانویه'],
  ])('folds "%s" to "%s"', (text, folded) => {
    expect(normalizeText(text)).toBe(folded);
  });

  it('gives the inflected forms of a word the same stem', () => {
    const same = (words: string[]) => new Set(words.map((word) => stem(tokens(word)[0] ?? ''))).size;
    expect(same(['концепція', 'концепцією', 'концепции', 'концепцией'])).toBe(1);
    expect(same(['konsept', 'konseptin', 'konseptinin', 'konseptle'])).toBe(1);
    expect(same(['المدرسة', 'بالمدرسة', 'مدرسة'])).toBe(1);
    expect(same(['Umfrage', 'Umfragen', 'Umfrageergebnisse'])).toBe(1);
  });
});
