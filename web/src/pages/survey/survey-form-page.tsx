import { useI18n } from '../../i18n';
import { Page } from '../../page';
import type { PageProps } from '../../router';

/**
 * The questionnaire behind an invitation link. The form itself is the survey feature's: it renders into
 * `#survey-form-root`, which carries the invitation code. Until then the element says so plainly.
 */
export function SurveyFormPage(props: PageProps) {
  const { t } = useI18n();
  const token = props.params.token ?? '';
  return (
    <Page title={t('survey.formTitle')}>
      <section
        id="survey-form-root"
        class="placeholder-region"
        data-invitation-token={token}
        aria-live="polite"
      >
        <p>{t('survey.formPending')}</p>
      </section>
      <p>
        <a href="/survey">{t('survey.enterTitle')}</a>
      </p>
    </Page>
  );
}
