import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useLinkToken } from '../../link-token';
import { LoadState, useLoad } from '../../load';
import { Page } from '../../page';
import { type Registration, workshopApi } from './workshop-api';
import { WorkshopFacts } from './workshop-facts';
import './workshops.css';

/** A person's own registration `/workshop/registration#<token>`, from the link in their e-mail: see, cancel. */
export function WorkshopRegistrationPage() {
  const { t } = useI18n();
  const token = useLinkToken();
  const [loaded, retry] = useLoad(token, (signal) => workshopApi.registration(token, signal));
  const [changed, setChanged] = useState<Registration | undefined>();
  const registration = changed ?? (loaded.state === 'ready' ? loaded.data : undefined);
  return (
    <Page title={t('workshop.ownTitle')}>
      <LoadState loaded={loaded} retry={retry}>
        {() =>
          registration && (
            <>
              <h2 lang="de" dir="ltr">
                {registration.workshop.title}
              </h2>
              <WorkshopFacts workshop={registration.workshop} />
              <OwnRegistration registration={registration} token={token} onChange={setChanged} />
            </>
          )
        }
      </LoadState>
    </Page>
  );
}

function OwnRegistration(props: {
  registration: Registration;
  token: string;
  onChange: (registration: Registration) => void;
}) {
  const { t } = useI18n();
  const { registration } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [justCancelled, setJustCancelled] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  // The button that opened the question is gone: the question itself takes the focus.
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);
  const status =
    registration.status === 'registered'
      ? t('workshop.statusRegistered')
      : registration.status === 'waiting'
        ? t('workshop.statusWaiting', { position: registration.waitingPosition ?? 1 })
        : t('workshop.statusCancelled');

  async function cancel() {
    setBusy(true);
    setFailure(undefined);
    try {
      props.onChange(await workshopApi.cancel(props.token));
      setAsking(false);
      setJustCancelled(true);
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (error) {
      const reason = error instanceof ApiError ? error.fieldReason('workshop') : undefined;
      setFailure(reason ?? failureText(error, t('app.loadFailed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="own-registration-title">
      <h2 id="own-registration-title">{t('workshop.yourData')}</h2>
      <dl class="facts">
        <dt>{t('workshop.statusLabel')}</dt>
        <dd data-testid="registration-status" data-status={registration.status}>
          {status}
        </dd>
        <dt>{t('workshop.nameLabel')}</dt>
        <dd dir="auto">{registration.name}</dd>
        <dt>{t('workshop.emailLabel')}</dt>
        <dd dir="ltr">{registration.email}</dd>
        <dt>{t('workshop.institutionLabel')}</dt>
        <dd dir="auto">{registration.institution}</dd>
        {registration.note && (
          <>
            <dt>{t('workshop.noteLabel')}</dt>
            <dd dir="auto">{registration.note}</dd>
          </>
        )}
      </dl>
      {justCancelled && (
        <p class="notice workshop-result" role="status" tabIndex={-1} ref={statusRef}>
          {t('workshop.cancelledText')}
        </p>
      )}
      {failure && (
        <p class="form__error" role="alert">
          {failure}
        </p>
      )}
      {registration.status !== 'cancelled' &&
        (asking ? (
          <div class="notice notice--warning">
            <p id="cancel-question" tabIndex={-1} ref={questionRef}>
              {t('workshop.cancelQuestion')}
            </p>
            <div class="workshop-cancel">
              <button type="button" class="button" disabled={busy} onClick={cancel}>
                {t('workshop.cancelYes')}
              </button>
              <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
                {t('workshop.cancelNo')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => setAsking(true)}>
            {t('workshop.cancel')}
          </button>
        ))}
      {registration.status === 'cancelled' && registration.workshop.registrationOpen && (
        <p>
          <a href={`/workshop/${registration.workshop.workshopId}`}>{t('workshop.toWorkshop')}</a>
        </p>
      )}
    </section>
  );
}
