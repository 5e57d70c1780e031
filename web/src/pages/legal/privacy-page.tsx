import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { CountyAddress, EmailOrText, WithCounty } from './county';

const topics: readonly { id: string; title: MessageKey; text: MessageKey }[] = [
  { id: 'purpose', title: 'legal.privacyPurposeTitle', text: 'legal.privacyPurposeText' },
  { id: 'storage', title: 'legal.privacyStorageTitle', text: 'legal.privacyStorageText' },
  { id: 'retention', title: 'legal.privacyRetentionTitle', text: 'legal.privacyRetentionText' },
  { id: 'logs', title: 'legal.privacyLogsTitle', text: 'legal.privacyLogsText' },
  { id: 'rights', title: 'legal.privacyRightsTitle', text: 'legal.privacyRightsText' },
];

export function PrivacyPage() {
  const { t } = useI18n();
  return (
    <Page title={t('legal.privacyTitle')}>
      <WithCounty>
        {({ county }) => (
          <>
            <section aria-labelledby="privacy-controller">
              <h2 id="privacy-controller">{t('legal.privacyController')}</h2>
              <CountyAddress county={county} />
              <dl class="facts">
                <dt>{t('legal.phone')}</dt>
                <dd>{county.phone}</dd>
                <dt>{t('legal.email')}</dt>
                <dd>
                  <EmailOrText value={county.email} />
                </dd>
              </dl>
            </section>
            <section aria-labelledby="privacy-officer">
              <h2 id="privacy-officer">{t('legal.privacyOfficer')}</h2>
              <p>
                <EmailOrText value={county.dataProtectionOfficer} />
              </p>
            </section>
            {topics.map((topic) => (
              <section key={topic.id} aria-labelledby={`privacy-${topic.id}`}>
                <h2 id={`privacy-${topic.id}`}>{t(topic.title)}</h2>
                <p>{t(topic.text)}</p>
              </section>
            ))}
          </>
        )}
      </WithCounty>
    </Page>
  );
}
