import { describe, expect, it } from 'vitest';
import { translate } from '../shared/i18n/messages';
import { answersAsText } from './mails';
import { emptyAnswers, privacyNoticeVersion, type SurveyAnswers } from './questionnaire';

function withQuoteConsent(quoteConsent: boolean | undefined): SurveyAnswers {
  const answers = emptyAnswers();
  answers.privacy = { accepted: true, noticeVersion: privacyNoticeVersion, quoteConsent };
  return answers;
}

describe('the answers in the confirmation e-mail', () => {
  it.each([
    ['consented', true, 'surveyMail.yes'],
    ['declined', false, 'surveyMail.no'],
    // Unset is not consented: the e-mail must not leave it open.
    ['not answered', undefined, 'surveyMail.no'],
  ] as const)('say whether the free text may be quoted (%s)', (_case, quoteConsent, answer) => {
    for (const language of ['de', 'ar'] as const) {
      const text = answersAsText(language, withQuoteConsent(quoteConsent), undefined);

      const label = translate(language, 'questionnaire.privacy.quoteConsent.summary');
      expect(text).toContain(`  ${label}: ${translate(language, answer)}`);
      expect(text.indexOf(translate(language, 'questionnaire.privacy.title'))).toBeLessThan(
        text.indexOf(label),
      );
    }
  });
});
