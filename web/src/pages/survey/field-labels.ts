import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import type { SurveyAnswers } from '../../../../functions/survey/questionnaire';
import { fieldPath } from './field-paths';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The question a control asks, for the error summary ("Angebot 2 – Titel des Angebots"). */
export function fieldLabel(t: Translate, id: string, answers: SurveyAnswers): string {
  const path = fieldPath(id, answers);
  if (!path) return t('surveyForm.errors.general');
  const parts = path.split('.');
  if (parts[0] === 'contact') return t(`questionnaire.contact.${parts[1]}.label` as MessageKey);
  const [, section, second, third] = parts;
  if (section === 'offerings') {
    if (third === undefined) return t('questionnaire.offerings.title');
    const offering = t('surveyForm.offerings.heading', { number: Number(second) + 1 });
    return `${offering} – ${t(`questionnaire.offering.${third}.label` as MessageKey)}`;
  }
  if (section === 'privacy') return t('questionnaire.privacy.title');
  return t(`questionnaire.${section}.${second}.label` as MessageKey);
}
