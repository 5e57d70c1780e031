import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { navigate } from '../../router';
import { useSite } from '../../site';
import { completeCognitoSignIn } from './cognito';
import { saveSession } from './session';

/** Where Cognito's hosted sign-in returns with an authorization code (`/staff/callback?code=…&state=…`). */
export function StaffCallbackPage() {
  const { t } = useI18n();
  const { site } = useSite();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (site.state === 'failed') setFailed(true);
    if (site.state !== 'ready') return;
    const settings = site.data.staffSignIn;
    if (settings.kind !== 'cognito') {
      setFailed(true);
      return;
    }
    completeCognitoSignIn(settings, new URLSearchParams(window.location.search)).then(
      (session) => {
        saveSession(session);
        navigate('/staff', { replace: true });
      },
      () => setFailed(true),
    );
  }, [site]);

  return (
    <Page title={t('staff.callbackTitle')}>
      {failed ? (
        <div class="notice notice--error" role="alert">
          <p>{t('staff.callbackFailed')}</p>
          <p>
            <a href="/staff">{t('staff.backToSignIn')}</a>
          </p>
        </div>
      ) : (
        <p class="notice" role="status">
          {t('app.loading')}
        </p>
      )}
    </Page>
  );
}
