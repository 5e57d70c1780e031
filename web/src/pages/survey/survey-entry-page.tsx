import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import { navigate } from '../../router';
import { invitationCodeFrom } from './invitation-code';

/**
 * Where an institution arrives without its personal link: the link from the invitation e-mail is the
 * way in; typing (or pasting) the code leads to the same place.
 */
export function SurveyEntryPage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: Event) {
    event.preventDefault();
    const invitationCode = invitationCodeFrom(code);
    if (!invitationCode) {
      setError(t('validation.required'));
      document.getElementById('invitation-code')?.focus();
      return;
    }
    navigate(`/survey#${encodeURIComponent(invitationCode)}`);
  }

  return (
    <Page title={t('survey.enterTitle')}>
      <p class="lead">{t('survey.enterText')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="invitation-code">{t('survey.tokenLabel')}</label>
          <p class="field__hint" id="invitation-code-hint">
            {t('survey.tokenHint')}
          </p>
          <input
            id="invitation-code"
            name="code"
            type="text"
            autoComplete="off"
            spellcheck={false}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'invitation-code-hint invitation-code-error' : 'invitation-code-hint'}
            value={code}
            onInput={(event) => {
              setCode(event.currentTarget.value);
              setError(undefined);
            }}
          />
          {error && (
            <p class="field__error" id="invitation-code-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="button">
          {t('survey.open')}
        </button>
      </form>
    </Page>
  );
}
