import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { SignInToken } from '../../../../functions/dev/schemas';
import { ApiError, api, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState } from '../../load';
import { Page } from '../../page';
import { useSite } from '../../site';
import { startCognitoSignIn } from './cognito';
import type { StaffSession } from './session';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** Sign-in for the local stage: the seeded demo accounts, checked by `POST /api/dev/sign-in`. */
function DevSignInForm(props: { onSignedIn: (session: StaffSession) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const missing: FieldErrors = {};
    for (const field of ['email', 'password'] as const) {
      if (!values[field].trim()) missing[field] = t('validation.required');
    }
    setFieldErrors(missing);
    setFormError(undefined);
    const firstMissing = (['email', 'password'] as const).find((field) => missing[field]);
    if (firstMissing) {
      document.getElementById(`sign-in-${firstMissing}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await api<z.infer<typeof SignInToken>>('/api/dev/sign-in', {
        method: 'POST',
        body: { email: values.email.trim(), password: values.password },
      });
      props.onSignedIn({ token: answer.token, expiresAt: answer.expiresAt, via: 'dev' });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors?.length) {
        setFieldErrors({ email: error.fieldReason('email'), password: error.fieldReason('password') });
        setFormError(error.problem.detail);
      } else if (error instanceof ApiError && error.status === 401) {
        setFormError(t('staff.signInFailed'));
        setValues((current) => ({ ...current, password: '' }));
      } else {
        setFormError(failureText(error, t('app.loadFailed')));
      }
    }
  }

  const describedBy = (field: Field) =>
    [fieldErrors[field] ? `sign-in-${field}-error` : '', formError ? 'sign-in-error' : '']
      .filter(Boolean)
      .join(' ') || undefined;

  const inputProps = (field: Field) => ({
    id: `sign-in-${field}`,
    name: field,
    required: true,
    value: values[field],
    'aria-invalid': fieldErrors[field] || formError ? ('true' as const) : undefined,
    'aria-describedby': describedBy(field),
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });

  return (
    <form
      class="form"
      onSubmit={submit}
      noValidate
      aria-describedby={formError ? 'sign-in-error' : undefined}
    >
      {(['email', 'password'] as const).map((field) => (
        <div class="field" key={field}>
          <label for={`sign-in-${field}`}>
            {t(field === 'email' ? 'staff.emailLabel' : 'staff.passwordLabel')}
          </label>
          {field === 'email' ? (
            <input type="email" autoComplete="username" {...inputProps(field)} />
          ) : (
            <input type="password" autoComplete="current-password" {...inputProps(field)} />
          )}
          {fieldErrors[field] && (
            <p class="field__error" id={`sign-in-${field}-error`}>
              {fieldErrors[field]}
            </p>
          )}
        </div>
      ))}
      {formError && (
        <p class="form__error" id="sign-in-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t('staff.signIn')}
      </button>
    </form>
  );
}

/** The sign-in page: the dev form locally, the county's Cognito hosted sign-in in the cloud. */
export function SignIn(props: { notice: string | undefined; onSignedIn: (session: StaffSession) => void }) {
  const { t } = useI18n();
  const { site, retry } = useSite();
  return (
    <Page title={t('staff.signInTitle')}>
      {props.notice && (
        <p class="notice notice--info" role="status">
          {props.notice}
        </p>
      )}
      <p>{t('staff.signInText')}</p>
      <LoadState loaded={site} retry={retry}>
        {({ staffSignIn }) =>
          staffSignIn.kind === 'dev' ? (
            <>
              <p class="notice notice--warning">{t('staff.devSignInText')}</p>
              <DevSignInForm onSignedIn={props.onSignedIn} />
            </>
          ) : (
            <button type="button" class="button" onClick={() => void startCognitoSignIn(staffSignIn)}>
              {t('staff.signInWithCognito')}
            </button>
          )
        }
      </LoadState>
    </Page>
  );
}
