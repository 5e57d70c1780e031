import { useEffect, useRef, useState } from 'preact/hooks';
import { RegisterRequest } from '../../../../functions/workshops/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useLinkToken } from '../../link-token';
import { LoadState, useLoad } from '../../load';
import { Page } from '../../page';
import type { PageProps } from '../../router';
import { type FieldErrors, shortFormErrors } from '../survey/field-messages';
import { focusFirstError, TextField } from '../survey/fields';
import { type Registered, type Workshop, workshopApi } from './workshop-api';
import { WorkshopFacts } from './workshop-facts';
import '../survey/survey-form.css';
import './workshops.css';

/** Kept in sync with the API's retention (`registrationRetentionDays`), shown in the privacy notice. */
const retentionDays = 90;

const fieldIds = {
  name: 'workshop-name',
  email: 'workshop-email',
  institution: 'workshop-institution',
  note: 'workshop-note',
} as const;
type Field = keyof typeof fieldIds;

/**
 * `/workshop/<id>/invitation#<token>`: the workshop page from the e-mailed link, with the institution
 * filled in.
 */
export function WorkshopInvitationPage(props: PageProps) {
  const token = useLinkToken();
  return <WorkshopPage params={props.params} invitationToken={token || undefined} />;
}

/**
 * The public workshop page `/workshop/<id>`: the facts, the programme and the registration form; from
 * an invitation link (`WorkshopInvitationPage`) the institution is filled in.
 */
export function WorkshopPage(props: PageProps & { invitationToken?: string | undefined }) {
  const { t } = useI18n();
  const workshopId = props.params.workshopId ?? '';
  const token = props.invitationToken;
  const [workshop, retry] = useLoad(workshopId, (signal) => workshopApi.workshop(workshopId, signal));
  const [invitation] = useLoad(token, (signal) => workshopApi.invitation(workshopId, token ?? '', signal));
  const institution = invitation.state === 'ready' ? invitation.data.institutionName : undefined;
  // The title is written by staff in German: it is marked as such below the page's own heading.
  const title = workshop.state === 'ready' ? workshop.data.title : undefined;
  return (
    <Page title={t('workshop.pageTitle')} {...(title ? { documentTitle: title } : {})}>
      <LoadState loaded={workshop} retry={retry}>
        {(data) => (
          <>
            <h2 lang="de" dir="ltr" data-testid="workshop-name">
              {data.title}
            </h2>
            <p class="lead">{t('workshop.intro')}</p>
            <WorkshopFacts workshop={data} />
            <Registration workshop={data} invitationToken={token} institution={institution} />
          </>
        )}
      </LoadState>
    </Page>
  );
}

function Registration(props: {
  workshop: Workshop;
  invitationToken: string | undefined;
  institution: string | undefined;
}) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    email: '',
    institution: props.institution ?? '',
    note: '',
  });
  // The link's institution may arrive after the form is shown: it fills the field only while empty.
  useEffect(() => {
    const institution = props.institution;
    if (institution) setValues((current) => (current.institution ? current : { ...current, institution }));
  }, [props.institution]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [result, setResult] = useState<Registered | undefined>();

  if (!props.workshop.registrationOpen) {
    return (
      <p class="notice notice--warning" data-testid="registration-closed">
        {t('workshop.registrationClosed')}
      </p>
    );
  }

  if (result) return <RegistrationResult result={result} />;

  async function submit(event: Event) {
    event.preventDefault();
    const issues = RegisterRequest.safeParse({ ...values, language }).error?.issues ?? [];
    const found = shortFormErrors(issues, values, fieldIds);
    setErrors(found);
    setFailure(undefined);
    if (focusFirstError(found)) return;
    setSending(true);
    try {
      const answer = await workshopApi.register(props.workshop.workshopId, {
        name: values.name.trim(),
        email: values.email.trim(),
        institution: values.institution.trim(),
        note: values.note.trim(),
        language,
        ...(props.invitationToken ? { invitationToken: props.invitationToken } : {}),
      });
      setResult(answer);
    } catch (error) {
      const fromApi: FieldErrors = {};
      for (const field of Object.keys(fieldIds) as Field[]) {
        const reason = error instanceof ApiError ? error.fieldReason(`body.${field}`) : undefined;
        if (reason) fromApi[fieldIds[field]] = { text: reason };
      }
      setErrors(fromApi);
      const reason = error instanceof ApiError ? error.fieldReason('workshop') : undefined;
      setFailure(reason ?? failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('workshop-form-error')?.focus());
    } finally {
      setSending(false);
    }
  }

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  return (
    <section aria-labelledby="workshop-form-title" class="workshop-form">
      <h2 id="workshop-form-title">{t('workshop.formTitle')}</h2>
      {props.institution && <p>{t('workshop.invitedAs', { institution: props.institution })}</p>}
      <p>{t('workshop.privacy', { days: retentionDays })}</p>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          id={fieldIds.name}
          label={t('workshop.nameLabel')}
          hint={t('workshop.nameHint')}
          value={values.name}
          maxLength={120}
          autoComplete="name"
          error={errors[fieldIds.name]}
          onInput={set('name')}
        />
        <TextField
          id={fieldIds.email}
          type="email"
          label={t('workshop.emailLabel')}
          hint={t('workshop.emailHint')}
          value={values.email}
          maxLength={254}
          autoComplete="email"
          dir="ltr"
          error={errors[fieldIds.email]}
          onInput={set('email')}
        />
        <TextField
          id={fieldIds.institution}
          label={t('workshop.institutionLabel')}
          hint={t('workshop.institutionHint')}
          value={values.institution}
          maxLength={200}
          autoComplete="organization"
          error={errors[fieldIds.institution]}
          onInput={set('institution')}
        />
        <TextField
          id={fieldIds.note}
          label={t('workshop.noteLabel')}
          hint={t('workshop.noteHint')}
          value={values.note}
          maxLength={1000}
          multiline
          optional
          error={errors[fieldIds.note]}
          onInput={set('note')}
        />
        {failure && (
          <p class="form__error" id="workshop-form-error" role="alert" tabIndex={-1}>
            {failure}
          </p>
        )}
        <button type="submit" class="button" disabled={sending}>
          {sending ? t('workshop.sending') : t('workshop.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * The same message for every address: whether the person got a place, waits or was registered already
 * is told only by e-mail, with their personal link, so the page cannot be used to find out who registered.
 */
function RegistrationResult(props: { result: Registered }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      class="notice workshop-result"
      data-testid="registration-result"
      data-status={props.result.status}
    >
      <h2>{t('workshop.checkMailTitle')}</h2>
      <p>{t('workshop.checkMailText')}</p>
    </div>
  );
}
