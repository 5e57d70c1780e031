import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { SurveyAnswers } from '../../../../functions/survey/questionnaire';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import type { Draft } from './answers';
import type { DraftSync, SyncState } from './draft-sync';
import { ErrorSummary } from './error-summary';
import type { FieldErrors } from './field-messages';
import { type FormatKind, FormContext, type SurveyFormContext } from './form-context';
import { formatDateTime } from './format';
import { OfferingUpkeep } from './offering-upkeep';
import { ConflictNotice, SaveStatusBar } from './save-status';
import { SectionNav } from './section-nav';
import { ContactSection } from './sections/contact-section';
import { InstitutionSection } from './sections/institution-section';
import { InterviewSection } from './sections/interview-section';
import { NeedsSection } from './sections/needs-section';
import { OfferingsSection } from './sections/offerings-section';
import { OpeningSection } from './sections/opening-section';
import { PrivacySection } from './sections/privacy-section';
import type { SubmitResult } from './survey-api';
import { formatError, validateForSubmit } from './validation';
import { ClosedView, ConfirmationView, NotOpenView, ReviewView, SurveyFacts } from './views';

type View = 'form' | 'review' | 'confirmation';

/** The questionnaire once loaded: the form, the summary before submitting, and the confirmation. */
export function QuestionnaireView(props: { sync: DraftSync; state: SyncState; token: string }) {
  const { t, language } = useI18n();
  const { sync, state } = props;
  const { respondent, draft, status } = state;
  const [view, setView] = useState<View>('form');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState<SubmitResult | undefined>();

  /** Back from the summary or the confirmation: the form starts again at the page's heading. */
  const backToForm = useCallback(() => {
    setView('form');
    requestAnimationFrame(() => {
      const heading = document.getElementById('page-heading');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
  }, []);

  // Once the respondent tried to submit, the errors follow every change (and disappear when fixed).
  useEffect(() => {
    if (attempted) setErrors(validateForSubmit(draft));
  }, [draft, attempted]);

  const checkFormat = useCallback(
    (id: string, kind: FormatKind, value: string) => {
      if (attempted) return;
      const message = value.trim() === '' ? undefined : formatError(kind, value.trim());
      setErrors((current) => {
        const { [id]: _previous, ...others } = current;
        return message ? { ...others, [id]: message } : others;
      });
    },
    [attempted],
  );

  const context = useMemo<SurveyFormContext>(
    () => ({
      draft,
      change: (update: (draft: Draft) => Draft) => sync.change(update),
      changeAnswers: (update: (answers: SurveyAnswers) => SurveyAnswers) =>
        sync.change((current) => ({ ...current, answers: update(current.answers) })),
      errors,
      checkFormat,
    }),
    [draft, errors, checkFormat, sync],
  );

  const statusBar = (
    <SaveStatusBar status={status} onRetry={() => void sync.flush()} onReload={() => sync.reload()} />
  );
  const conflict = status.kind === 'conflict' && (
    <ConflictNotice onReload={() => sync.reload()} onKeepMine={() => sync.keepMine()} />
  );

  if (respondent.survey.closed) return <ClosedView state={state} token={props.token} />;
  if (Date.now() < Date.parse(respondent.survey.opensAt)) return <NotOpenView state={state} />;

  async function review(event: Event) {
    event.preventDefault();
    const found = validateForSubmit(draft);
    setErrors(found);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      setFocusKey((key) => key + 1);
      return;
    }
    setSubmitError(undefined);
    setView('review');
    void sync.flush();
  }

  async function submitNow() {
    setSubmitting(true);
    setSubmitError(undefined);
    const outcome = await sync.submit();
    setSubmitting(false);
    switch (outcome.kind) {
      case 'submitted':
        setSubmitted(outcome.result);
        setView('confirmation');
        break;
      case 'invalid':
        setErrors(outcome.errors);
        setView('form');
        setFocusKey((key) => key + 1);
        break;
      case 'conflict':
        setView('form');
        break;
      case 'closed':
        break;
      case 'failed':
        setSubmitError(failureText(outcome.error, t('surveyForm.save.offline')));
        break;
    }
  }

  const latest = respondent.submissions.at(-1);

  /** Leaving a text field saves at once; ticked choices are saved by the autosave delay. */
  function saveOnLeavingText(event: FocusEvent) {
    const field = event.target as HTMLElement;
    if (
      field.matches('textarea, select, input:not([type="checkbox"]):not([type="radio"]):not([type="search"])')
    ) {
      void sync.flush();
    }
  }

  if (view === 'confirmation' && submitted) {
    return <ConfirmationView state={state} submitted={submitted} onCorrect={backToForm} />;
  }

  if (view === 'review') {
    return (
      <div class="survey-main">
        {conflict}
        <ReviewView
          state={state}
          submitting={submitting}
          submitError={submitError}
          onSubmit={submitNow}
          onBack={backToForm}
        />
        {statusBar}
      </div>
    );
  }

  return (
    <FormContext.Provider value={context}>
      <div class="survey-layout">
        <SectionNav draft={draft} />
        <div class="survey-main">
          <SurveyFacts state={state} />
          {conflict}
          <div class="survey-intro">
            <p>{t('questionnaire.intro')}</p>
            <p>{t('surveyForm.autosaveNote')}</p>
            <p>{t('surveyForm.optionalNote')}</p>
          </div>
          {latest && (
            <p class="notice survey-submitted-before">
              {t('surveyForm.submittedBefore', {
                number: latest.number,
                date: formatDateTime(latest.submittedAt, language),
              })}
            </p>
          )}
          <ErrorSummary errors={errors} answers={draft.answers} focusKey={focusKey} />
          <form class="survey-form" noValidate onSubmit={review} onFocusOut={saveOnLeavingText}>
            <InstitutionSection />
            <ContactSection onErase={() => sync.eraseContact()} />
            <OfferingsSection />
            <OpeningSection />
            <NeedsSection />
            <InterviewSection />
            <PrivacySection noticeVersion={respondent.privacyNoticeVersion} />
            <div class="survey-submit">
              <p id="survey-review-hint">{t('surveyForm.reviewHint')}</p>
              <button type="submit" class="button" aria-describedby="survey-review-hint">
                {t('surveyForm.review')}
              </button>
            </div>
          </form>
          {latest && <OfferingUpkeep token={props.token} />}
          {statusBar}
        </div>
      </div>
    </FormContext.Provider>
  );
}
