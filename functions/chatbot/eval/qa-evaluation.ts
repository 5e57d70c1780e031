import type { Language } from '../../shared/i18n/languages';
import { understand } from '../conversation/understand';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { KnowledgeMatcher } from '../knowledge/matcher';
import { loadEvalSet } from './eval-set';

export interface LanguageScore {
  language: Language;
  questions: number;
  correct: number;
  accuracy: number;
  outOfScope: number;
  falseAnswers: number;
}

/**
 * Runs the committed evaluation set through the bot's understanding. A question counts as correct when
 * the bot picks the expected knowledge entry, the expected offering search (category, and place and
 * language where the question names them), or, for out-of-scope questions, declines. A false answer is
 * any knowledge or offering answer to an out-of-scope question.
 */
export function evaluateQa(matcher = new KnowledgeMatcher(loadKnowledgeBase())) {
  const scores = new Map<Language, LanguageScore>();
  const misses: { language: Language; question: string; expected: string; got: string }[] = [];
  for (const item of loadEvalSet()) {
    const score = scores.get(item.language) ?? {
      language: item.language,
      questions: 0,
      correct: 0,
      accuracy: 0,
      outOfScope: 0,
      falseAnswers: 0,
    };
    scores.set(item.language, score);
    score.questions += 1;
    const got = understand(matcher, item.question);
    const expect = item.expect;
    let correct = false;
    if (expect.kind === 'out_of_scope') {
      score.outOfScope += 1;
      correct = got.kind === 'none';
      if (!correct) score.falseAnswers += 1;
    } else if (expect.kind === 'knowledge') {
      correct = got.kind === 'knowledge' && got.entryId === expect.entryId;
    } else {
      correct =
        got.kind === 'offerings' &&
        got.query.category === expect.category &&
        (expect.place === undefined || got.query.place === expect.place) &&
        (expect.offeredLanguage === undefined || got.query.offeredLanguage === expect.offeredLanguage);
    }
    if (correct) score.correct += 1;
    else
      misses.push({
        language: item.language,
        question: item.question,
        expected: JSON.stringify(expect),
        got: JSON.stringify(got),
      });
  }
  const perLanguage = [...scores.values()].map((score) => ({
    ...score,
    accuracy: score.correct / score.questions,
  }));
  const outOfScope = perLanguage.reduce((sum, score) => sum + score.outOfScope, 0);
  const falseAnswers = perLanguage.reduce((sum, score) => sum + score.falseAnswers, 0);
  return { perLanguage, falseAnswerRate: outOfScope ? falseAnswers / outOfScope : 0, misses };
}
