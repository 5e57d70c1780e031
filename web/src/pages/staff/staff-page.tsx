import { useCallback, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { type PageProps, requestHeadingFocus } from '../../router';
import { useSite } from '../../site';
import { cognitoSignOutUrl } from './cognito';
import { Console } from './console';
import { clearSession, readSession, type StaffSession, saveSession } from './session';
import { SignIn } from './sign-in';

/** `/staff` and `/staff/<section>`: the sign-in until a session exists, then the console. */
export function StaffPage(props: PageProps) {
  const { t } = useI18n();
  const { site } = useSite();
  const [session, setSession] = useState(() => readSession());
  const [notice, setNotice] = useState<'signedOut' | 'expired' | undefined>();

  const signedIn = useCallback((next: StaffSession) => {
    saveSession(next);
    requestHeadingFocus();
    setNotice(undefined);
    setSession(next);
  }, []);

  const expired = useCallback(() => {
    clearSession();
    requestHeadingFocus();
    setNotice('expired');
    setSession(undefined);
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    if (session?.via === 'cognito' && site.state === 'ready' && site.data.staffSignIn.kind === 'cognito') {
      window.location.assign(cognitoSignOutUrl(site.data.staffSignIn));
      return;
    }
    requestHeadingFocus();
    setNotice('signedOut');
    setSession(undefined);
  }, [session, site]);

  if (session) {
    return (
      <Console
        session={session}
        slug={props.params.section ?? ''}
        item={props.params.item}
        onSignOut={signOut}
        onExpired={expired}
      />
    );
  }
  const noticeText =
    notice === 'signedOut'
      ? t('staff.signedOut')
      : notice === 'expired'
        ? t('staff.sessionExpired')
        : undefined;
  return <SignIn notice={noticeText} onSignedIn={signedIn} />;
}
