import { useI18n } from '../../i18n';
import { Page } from '../../page';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFoundTitle')}>
      <p>{t('app.notFoundText')}</p>
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </Page>
  );
}
