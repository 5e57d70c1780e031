import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import type { PageProps } from '../../router';
import { QuestionnaireView } from './questionnaire-view';
import { useSurveyResponse } from './use-survey-response';
import './survey-form.css';

/**
 * The questionnaire behind an invitation link `/survey/<token>`: loads the saved answers, keeps them
 * saved while the respondent works, and leads through the summary to submitting.
 */
export function SurveyFormPage(props: PageProps) {
  const { t } = useI18n();
  const token = props.params.token ?? '';
  const { phase, retry } = useSurveyResponse(token);
  return (
    <Page title={t('survey.formTitle')} wide>
      <div id="survey-form-root" class="survey" data-invitation-token={token}>
        {phase.kind === 'loading' && (
          <p class="notice" role="status" data-loading>
            {t('surveyForm.loading')}
          </p>
        )}
        {(phase.kind === 'invalid' || phase.kind === 'gone') && (
          <div class="notice notice--error" role="alert">
            <h2>{phase.kind === 'invalid' ? t('surveyForm.invalidLinkTitle') : t('surveyForm.goneTitle')}</h2>
            <p>{phase.kind === 'invalid' ? t('surveyForm.invalidLinkText') : t('surveyForm.goneText')}</p>
            <p>
              <a href="/survey">{t('surveyForm.enterCode')}</a>
            </p>
          </div>
        )}
        {phase.kind === 'failed' && (
          <div class="notice notice--error" role="alert">
            <p>{failureText(phase.error, t('app.loadFailed'))}</p>
            <button type="button" class="button button--secondary" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {phase.kind === 'ready' && <QuestionnaireView sync={phase.sync} state={phase.state} token={token} />}
      </div>
    </Page>
  );
}
