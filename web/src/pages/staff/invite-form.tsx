import type { Language } from '../../../../functions/shared/i18n/languages';
import { useI18n } from '../../i18n';
import type { Issued } from './issued-link';
import type { StaffApi } from './staff-api';
import { type FieldErrors, isEmailAddress, LanguageSelect, useStaffForm } from './staff-form';

type Field = 'institutionName' | 'email';
const empty = { institutionName: '', email: '', language: 'de' as Language };

/** Invites one institution: the API creates the link, e-mails it, and hands it back this once. */
export function InviteForm(props: { call: StaffApi; base: string; onInvited: (issued: Issued) => void }) {
  const { t } = useI18n();
  const form = useStaffForm({
    idPrefix: 'invite',
    formErrorId: 'invite-error',
    textFields: ['institutionName', 'email'] as Field[],
    initial: empty,
  });
  const { values } = form;

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!values.institutionName.trim()) found.institutionName = t('validation.required');
    if (!values.email.trim()) found.email = t('validation.required');
    else if (!isEmailAddress(values.email.trim())) found.email = t('staffSurvey.invalidEmail');
    if (!form.accept(found)) return;
    const issued = await form.send((idempotencyKey) =>
      props.call<Issued>(`${props.base}/invitations` as `/api/${string}`, {
        method: 'POST',
        idempotencyKey,
        body: {
          institutionName: values.institutionName.trim(),
          email: values.email.trim(),
          language: values.language,
        },
      }),
    );
    if (!issued) return;
    form.setValues(empty);
    props.onInvited(issued);
  }

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
              <input type="email" maxLength={254} autoComplete="off" required {...form.inputProps(field)} />
            ) : (
              <input type="text" maxLength={200} autoComplete="off" required {...form.inputProps(field)} />
            )}
            {form.fieldError(field)}
          </div>
        ))}
        <div class="field">
          <label for="invite-language">{t('staffSurvey.invitationLanguage')}</label>
          <p class="field__hint" id="invite-language-hint">
            {t('staffSurvey.invitationLanguageHint')}
          </p>
          <LanguageSelect
            id="invite-language"
            name="language"
            describedBy="invite-language-hint"
            value={values.language}
            onChange={(language) => form.setValues((current) => ({ ...current, language }))}
          />
        </div>
        {form.formErrorNotice()}
        <button type="submit" class="button" disabled={form.busy}>
          {t('staffSurvey.invite')}
        </button>
      </form>
    </section>
  );
}
