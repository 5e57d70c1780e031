import { describe, expect, it } from 'vitest';
import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import {
  changeInWords,
  changeRows,
  comparedWith,
  otherSurveys,
  pointsInWords,
  rateChangeInPoints,
  signedChange,
  signedPoints,
} from './wave-comparison-data';

// The key and its parameters, so a test sees which text was chosen with what.
const t = (key: MessageKey, params: MessageParams = {}) =>
  `${key}${Object.keys(params).length ? JSON.stringify(params) : ''}`;

const survey = (surveyId: string, wave: number, previousSurveyId?: string) => ({
  surveyId,
  title: `Welle ${wave}`,
  opensAt: `202${wave}-11-01T00:00:00Z`,
  closesAt: `202${wave}-12-01T00:00:00Z`,
  openParticipation: false,
  privacyNoticeVersion: '2026-11-01',
  createdAt: `202${wave}-10-01T00:00:00Z`,
  wave,
  questionnaireVersion: '2026-11-01',
  ...(previousSurveyId ? { previousSurveyId } : {}),
});

describe('a change as shown and as read', () => {
  it.each([
    [3, '+3', 'evaluationWaves.more{"count":"3"}'],
    [-2, '\u22122', 'evaluationWaves.fewer{"count":"2"}'],
    [0, '±0', 'evaluationWaves.unchanged'],
  ])('writes %i with its sign and in words', (change, shown, words) => {
    expect(signedChange('de', change)).toBe(shown);
    expect(changeInWords(t, 'de', change)).toBe(words);
  });

  it('writes numbers with latin digits also in Arabic', () => {
    expect(signedChange('ar', 12)).toBe('+12');
  });

  it.each([
    [0.25, 25],
    [-1 / 3, -33.3],
    [0.0001, 0],
    [-0.0001, 0],
    [null, null],
  ])('turns a rate change of %s into %s percentage points', (change, points) => {
    expect(rateChangeInPoints(change)).toBe(points);
  });

  it('writes percentage points with their sign, in German with a decimal comma', () => {
    expect(signedPoints('de', -33.3)).toBe('\u221233,3');
    expect(pointsInWords(t, 'de', 12.5)).toBe('evaluationWaves.pointsUp{"points":"12,5"}');
    expect(pointsInWords(t, 'de', 0)).toBe('evaluationWaves.unchanged');
  });
});

describe('the rows of a comparison table', () => {
  it('labels each key as the dashboard does, keeping both values and the change', () => {
    const rows = changeRows(t, 'de', 'offeringCategory', [
      { key: 'language_courses', earlier: 1, later: 3, change: 2 },
      { key: 'unknown', earlier: 1, later: 0, change: -1 },
    ]);

    expect(rows).toEqual([
      {
        key: 'language_courses',
        label: 'questionnaire.offeringCategories.language_courses',
        earlier: 1,
        later: 3,
        change: 2,
      },
      { key: 'unknown', label: 'evaluationPage.unknown', earlier: 1, later: 0, change: -1 },
    ]);
  });
});

describe('choosing the wave to compare with', () => {
  const first = survey('a', 1);
  const second = survey('b', 2, 'a');
  const third = survey('c', 3, 'b');

  it('defaults to the wave before, and keeps a wave named in the address', () => {
    expect(comparedWith([first, second, third], 'c', undefined)).toBe('b');
    expect(comparedWith([first, second, third], 'c', 'a')).toBe('a');
  });

  it('has none for a first wave, and never the survey itself', () => {
    expect(comparedWith([first, second], 'a', undefined)).toBeUndefined();
    expect(comparedWith([first, second], 'b', 'b')).toBe('a');
  });

  it('offers every other survey, the newest wave first', () => {
    expect(otherSurveys([first, third, second], 'b').map((s) => s.surveyId)).toEqual(['c', 'a']);
  });
});
