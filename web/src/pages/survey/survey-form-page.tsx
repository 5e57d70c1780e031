import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useLinkToken } from '../../link-token';
import { Page } from '../../page';
import { QuestionnaireView } from './questionnaire-view';
import { SurveyEntryPage } from './survey-entry-page';
import { useSurveyResponse } from './use-survey-response';
import './survey-form.css';

/**
 * `/survey`: with an invitation link's token in the fragment (`/survey#<token>`) the questionnaire,
 * without one the form to enter the code.
 */
export function SurveyPage() {
  const token = useLinkToken();
  return token ? <SurveyFormPage token={token} /> : <SurveyEntryPage />;
}

/**
 * The questionnaire behind an invitation link: loads the saved answers, keeps them saved while the
 * respondent works, and leads through the summary to submitting.
 */
export function SurveyFormPage(props: { token: string }) {
  const { t } = useI18n();
  const { token } = props;
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
