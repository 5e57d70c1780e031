import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { CountyAddress, EmailOrText, WithCounty } from './county';

/** The accessibility statement required by BITV 2.0, with the feedback contact from the configuration. */
export function AccessibilityPage() {
  const { t } = useI18n();
  return (
    <Page title={t('legal.accessibilityTitle')}>
      <p class="lead">{t('legal.accessibilityText')}</p>
      <section aria-labelledby="accessibility-status">
        <h2 id="accessibility-status">{t('legal.accessibilityStatusTitle')}</h2>
        <p>{t('legal.accessibilityStatusText')}</p>
      </section>
      <section aria-labelledby="accessibility-feedback">
        <h2 id="accessibility-feedback">{t('legal.accessibilityFeedbackTitle')}</h2>
        <p>{t('legal.accessibilityFeedbackText')}</p>
        <WithCounty>
          {({ county }) => (
            <>
              <CountyAddress county={county} />
              <dl class="facts">
                <dt>{t('legal.email')}</dt>
                <dd data-testid="accessibility-contact">
                  <EmailOrText value={county.accessibilityContact} />
                </dd>
                <dt>{t('legal.phone')}</dt>
                <dd>{county.phone}</dd>
              </dl>
            </>
          )}
        </WithCounty>
      </section>
      <section aria-labelledby="accessibility-enforcement">
        <h2 id="accessibility-enforcement">{t('legal.accessibilityEnforcementTitle')}</h2>
        <p>{t('legal.accessibilityEnforcementText')}</p>
      </section>
    </Page>
  );
}
