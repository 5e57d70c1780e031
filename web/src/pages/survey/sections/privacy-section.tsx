import { useI18n } from '../../../i18n';
import { patchSection } from '../answers';
import { fieldIds } from '../field-paths';
import { ConsentField } from '../fields';
import { useSurveyForm } from '../form-context';
import { formatDay } from '../format';
import { Section } from './section';

/**
 * The privacy notice in the version the server names; accepting it records that version. Then the
 * optional consent to quote the free-text answers, unset (not consented) until ticked.
 */
export function PrivacySection(props: { noticeVersion: string }) {
  const { t, language } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const privacy = draft.answers.privacy;
  const accepted = privacy.accepted && privacy.noticeVersion === props.noticeVersion;
  return (
    <Section id="survey-privacy" title={t('questionnaire.privacy.title')}>
      <div class="notice">
        <p>{t('questionnaire.privacy.notice')}</p>
        <p class="muted">
          {t('questionnaire.privacy.version', { version: formatDay(props.noticeVersion, language) })}
        </p>
        <p>
          <a href="/privacy" target="_blank" rel="noopener">
            {t('questionnaire.privacy.fullNotice')}
            <span class="muted"> ({t('surveyForm.newWindow')})</span>
          </a>
        </p>
      </div>
      <ConsentField
        id={fieldIds.privacyAccepted}
        label={t('questionnaire.privacy.accepted.label')}
        checked={accepted}
        error={errors[fieldIds.privacyAccepted]}
        onChange={(on) =>
          changeAnswers((answers) =>
            patchSection(
              answers,
              'privacy',
              on
                ? { accepted: true, noticeVersion: props.noticeVersion }
                : { accepted: false, noticeVersion: undefined },
            ),
          )
        }
      />
      <ConsentField
        id={fieldIds.privacyQuoteConsent}
        label={t('questionnaire.privacy.quoteConsent.label')}
        hint={t('questionnaire.privacy.quoteConsent.hint')}
        checked={privacy.quoteConsent === true}
        optional
        error={errors[fieldIds.privacyQuoteConsent]}
        onChange={(on) => changeAnswers((answers) => patchSection(answers, 'privacy', { quoteConsent: on }))}
      />
    </Section>
  );
}
