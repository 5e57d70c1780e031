import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../shared/i18n/languages';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { evaluateQa } from './qa-evaluation';

/** The bar the chatbot must clear on the committed evaluation set (issue 4, "Must show"). */
const minimumAccuracy = 0.9;
const maximumFalseAnswerRate = 0.05;

describe('the chatbot on the committed evaluation set', () => {
  const result = evaluateQa();
  const figures = [
    ...result.perLanguage.map(
      (score) =>
        `${score.language}: ${(score.accuracy * 100).toFixed(1)} % (${score.correct}/${score.questions})`,
    ),
    `false answers: ${(result.falseAnswerRate * 100).toFixed(1)} %`,
  ].join(', ');

  it('answers at least 90 % of the questions right in every language', () => {
    process.stdout.write(`QA evaluation: ${figures}\n`);
    const below = result.perLanguage.filter((score) => score.accuracy < minimumAccuracy);
    const misses = result.misses.map((miss) => `${miss.language}: ${miss.question} → ${miss.got}`);
    expect(
      below.map((score) => score.language),
      `${figures}\n${misses.join('\n')}`,
    ).toEqual([]);
  });

  it('gives a knowledge or offering answer to at most 5 % of the out-of-scope questions', () => {
    expect(result.falseAnswerRate, figures).toBeLessThanOrEqual(maximumFalseAnswerRate);
  });

  it('covers all seven languages', () => {
    expect(result.perLanguage.map((score) => score.language).sort()).toEqual([...languageCodes].sort());
  });

  it('would fail a matcher that never dares to answer', () => {
    const timid = evaluateQa(new KnowledgeMatcher(loadKnowledgeBase(), 2));
    expect(timid.perLanguage.some((score) => score.accuracy < minimumAccuracy)).toBe(true);
  });
});
