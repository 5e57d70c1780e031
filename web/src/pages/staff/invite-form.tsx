import { useState } from 'preact/hooks';
import { type Language, languages } from '../../../../functions/shared/i18n/languages';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import type { Issued } from './issued-link';
import { fieldProblem, type StaffApi } from './staff-api';

type Field = 'institutionName' | 'email';
type FieldErrors = Partial<Record<Field, string>>;

/** Invites one institution: the API creates the link, e-mails it, and hands it back this once. */
export function InviteForm(props: { call: StaffApi; base: string; onInvited: (issued: Issued) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<{ institutionName: string; email: string; language: Language }>({
    institutionName: '',
    email: '',
    language: 'de',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const idempotency = useIdempotencyKey();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.institutionName.trim()) found.institutionName = t('validation.required');
    if (!values.email.trim()) found.email = t('validation.required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      found.email = t('staffSurvey.invalidEmail');
    setErrors(found);
    setFormError(undefined);
    const first = (['institutionName', 'email'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`invite-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const issued = await props.call<Issued>(`${props.base}/invitations` as `/api/${string}`, {
        method: 'POST',
        idempotencyKey: idempotency.current(),
        body: {
          institutionName: values.institutionName.trim(),
          email: values.email.trim(),
          language: values.language,
        },
      });
      idempotency.settled();
      setValues({ institutionName: '', email: '', language: 'de' });
      props.onInvited(issued);
    } catch (error) {
      idempotency.settled(error);
      if (error instanceof ApiError && error.status === 401) return;
      setErrors({
        institutionName: fieldProblem(error, 'institutionName'),
        email: fieldProblem(error, 'email'),
      });
      setFormError(failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('invite-error')?.focus());
    } finally {
      setBusy(false);
    }
  }

  const inputProps = (field: Field) => ({
    id: `invite-${field}`,
    name: field,
    autoComplete: 'off',
    required: true,
    value: values[field],
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `invite-${field}-error` : undefined,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });

  return (
    <section class="console-block" aria-labelledby="invite-title">
      <h4 id="invite-title">{t('staffSurvey.inviteTitle')}</h4>
      <p>{t('staffSurvey.inviteText')}</p>
      <form class="form" onSubmit={submit} noValidate>
        {(['institutionName', 'email'] as const).map((field) => (
          <div class="field" key={field}>
            <label for={`invite-${field}`}>
              {t(field === 'email' ? 'staffSurvey.email' : 'staffSurvey.institution')}
            </label>
            {field === 'email' ? (
              <input type="email" maxLength={254} {...inputProps(field)} />
            ) : (
              <input type="text" maxLength={200} {...inputProps(field)} />
            )}
            {errors[field] && (
              <p class="field__error" id={`invite-${field}-error`}>
                {errors[field]}
              </p>
            )}
          </div>
        ))}
        <div class="field">
          <label for="invite-language">{t('staffSurvey.invitationLanguage')}</label>
          <p class="field__hint" id="invite-language-hint">
            {t('staffSurvey.invitationLanguageHint')}
          </p>
          <select
            id="invite-language"
            name="language"
            aria-describedby="invite-language-hint"
            value={values.language}
            onChange={(event) => {
              const language = event.currentTarget.value as Language;
              setValues((current) => ({ ...current, language }));
            }}
          >
            {languages.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.endonym}
              </option>
            ))}
          </select>
        </div>
        {formError && (
          <p class="form__error" id="invite-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('staffSurvey.invite')}
        </button>
      </form>
    </section>
  );
}
