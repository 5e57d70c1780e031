import { useRef, useState } from 'preact/hooks';
import { type Language, languages } from '../../../../functions/shared/i18n/languages';
import { ParticipationRequest } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { Page } from '../../page';
import type { PageProps } from '../../router';
import { type FieldErrors, shortFormErrors } from './field-messages';
import { focusFirstError, SelectField, TextField } from './fields';
import { surveyApi } from './survey-api';
import './survey-form.css';

type Outcome = { kind: 'sent' } | { kind: 'not-open' } | { kind: 'failed'; error: unknown };

const fieldIds = {
  institutionName: 'join-institution',
  email: 'join-email',
  language: 'join-language',
} as const;

/**
 * Open participation `/survey/join/<surveyId>`: an institution asks for its own link, which goes only to
 * the address given. The answer is the same whether the address was invited before or not.
 */
export function SurveyJoinPage(props: PageProps) {
  const { t, language: pageLanguage } = useI18n();
  const surveyId = props.params.surveyId ?? '';
  const [institutionName, setInstitutionName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language>(pageLanguage);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const body = { institutionName: institutionName.trim(), email: email.trim(), language };
    const found = shortFormErrors(ParticipationRequest.safeParse(body).error?.issues ?? [], body, fieldIds);
    setErrors(found);
    if (focusFirstError(found)) return;
    setSending(true);
    try {
      await surveyApi.requestParticipation(surveyId, body);
      setOutcome({ kind: 'sent' });
    } catch (error) {
      const unknownSurvey = error instanceof ApiError && (error.status === 404 || error.status === 400);
      setOutcome(unknownSurvey ? { kind: 'not-open' } : { kind: 'failed', error });
    } finally {
      setSending(false);
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  if (outcome?.kind === 'sent' || outcome?.kind === 'not-open') {
    const sent = outcome.kind === 'sent';
    return (
      <Page title={t('surveyJoin.title')}>
        <div
          ref={resultRef}
          tabIndex={-1}
          role="status"
          class={sent ? 'notice survey-join-result' : 'notice notice--warning survey-join-result'}
          data-testid="join-result"
        >
          <h2>{sent ? t('surveyJoin.sentTitle') : t('surveyJoin.notOpenTitle')}</h2>
          <p>{sent ? t('surveyJoin.sentText') : t('surveyJoin.notOpenText')}</p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('surveyJoin.title')}>
      <p class="lead">{t('surveyJoin.intro')}</p>
      <form class="form survey-join" onSubmit={submit} noValidate>
        <TextField
          id={fieldIds.institutionName}
          label={t('surveyJoin.institutionLabel')}
          value={institutionName}
          maxLength={200}
          autoComplete="organization"
          error={errors[fieldIds.institutionName]}
          onInput={setInstitutionName}
        />
        <TextField
          id={fieldIds.email}
          type="email"
          label={t('surveyJoin.emailLabel')}
          hint={t('surveyJoin.emailHint')}
          value={email}
          maxLength={254}
          autoComplete="email"
          dir="ltr"
          error={errors[fieldIds.email]}
          onInput={setEmail}
        />
        <SelectField<Language>
          id={fieldIds.language}
          label={t('surveyJoin.languageLabel')}
          options={languages.map((candidate) => ({
            value: candidate.code,
            label: candidate.endonym,
            lang: candidate.code,
          }))}
          value={language}
          onChange={(value) => setLanguage(value)}
        />
        {outcome?.kind === 'failed' && (
          <div ref={resultRef} tabIndex={-1} class="notice notice--error" role="alert">
            <p>{failureText(outcome.error, t('app.loadFailed'))}</p>
          </div>
        )}
        <button type="submit" class="button" disabled={sending}>
          {sending ? t('surveyJoin.sending') : t('surveyJoin.submit')}
        </button>
      </form>
    </Page>
  );
}
