import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { CountyAddress, EmailOrText, WebOrText, WithCounty } from './county';

/** The imprint (§ 5 DDG, § 18 MStV) with the county's details from the stage configuration. */
export function ImprintPage() {
  const { t } = useI18n();
  return (
    <Page title={t('legal.imprintTitle')}>
      <WithCounty>
        {({ county }) => (
          <>
            <section aria-labelledby="imprint-provider">
              <h2 id="imprint-provider">{t('legal.imprintProvider')}</h2>
              <CountyAddress county={county} />
              <dl class="facts">
                <dt>{t('legal.representedBy')}</dt>
                <dd>{county.representedBy}</dd>
              </dl>
            </section>
            <section aria-labelledby="imprint-contact">
              <h2 id="imprint-contact">{t('legal.contact')}</h2>
              <dl class="facts">
                <dt>{t('legal.phone')}</dt>
                <dd>{county.phone}</dd>
                <dt>{t('legal.email')}</dt>
                <dd>
                  <EmailOrText value={county.email} />
                </dd>
                <dt>{t('legal.web')}</dt>
                <dd>
                  <WebOrText value={county.web} />
                </dd>
              </dl>
            </section>
            <section aria-labelledby="imprint-authority">
              <h2 id="imprint-authority">{t('legal.supervisoryAuthority')}</h2>
              <p>{county.supervisoryAuthority}</p>
              <dl class="facts">
                <dt>{t('legal.vatId')}</dt>
                <dd>{county.vatId}</dd>
              </dl>
            </section>
            <section aria-labelledby="imprint-content">
              <h2 id="imprint-content">{t('legal.contentResponsibility')}</h2>
              <p>{county.integrationContact}</p>
            </section>
          </>
        )}
      </WithCounty>
    </Page>
  );
}
