import { describe, expect, it } from 'vitest';
import { formatPlural } from './plural';

const german = 'Maßnahmen: {count, plural, =0 {keine} one {# Maßnahme} other {# Maßnahmen}}.';
const arabic =
  '{count, plural, zero {لا تدابير} one {تدبير واحد} two {تدبيران} few {# تدابير} many {# تدبيرًا} other {# تدبير}}';

describe('plural texts', () => {
  it.each([
    [0, 'Maßnahmen: keine.'],
    [1, 'Maßnahmen: 1 Maßnahme.'],
    [2, 'Maßnahmen: 2 Maßnahmen.'],
    [1200, 'Maßnahmen: 1.200 Maßnahmen.'],
  ])('chooses the German form for %i', (count, expected) => {
    expect(formatPlural(german, 'de', count)).toBe(expected);
  });

  it.each([
    [0, 'لا تدابير'],
    [1, 'تدبير واحد'],
    [2, 'تدبيران'],
    [3, '3 تدابير'],
    [11, '11 تدبيرًا'],
    [100, '100 تدبير'],
  ])('chooses the Arabic form for %i, with Latin digits', (count, expected) => {
    expect(formatPlural(arabic, 'ar', count)).toBe(expected);
  });

  it('leaves a text without a plural as it is', () => {
    expect(formatPlural('Keine Zahl', 'de', 3)).toBe('Keine Zahl');
  });
});
