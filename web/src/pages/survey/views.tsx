import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { SyncState } from './draft-sync';
import { formatDateTime } from './format';
import { OfferingUpkeep } from './offering-upkeep';
import { AnswersSummary } from './summary';
import type { SubmitResult } from './survey-api';

/**
 * The views around the form: the summary before submitting, the confirmation after it, and the
 * read-only views before the survey opens and after it closes.
 */

/**
 * A view's heading, which takes the focus when the view appears (as a new page's heading does). Each
 * use has its own `key`, so Preact never reuses one view's heading for the next and the focus moves.
 */
function ViewHeading(props: { children: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <h2 tabIndex={-1} ref={ref} id={props.id} class="survey-view-heading">
      {props.children}
    </h2>
  );
}

/** The survey, the invited institution (both as staff wrote them) and the closing date. */
export function SurveyFacts(props: { state: SyncState }) {
  const { t, language } = useI18n();
  const { survey, invitation } = props.state.respondent;
  return (
    <dl class="facts survey-facts">
      <dt>{t('surveyForm.surveyLabel')}</dt>
      <dd>
        <bdi>{survey.title}</bdi>
      </dd>
      <dt>{t('surveyForm.institutionLabel')}</dt>
      <dd>
        <bdi>{invitation.institutionName}</bdi>
      </dd>
      <dt>{t('surveyForm.closesLabel')}</dt>
      <dd>{formatDateTime(survey.closesAt, language)}</dd>
    </dl>
  );
}

/** After the closing date: the answers as submitted, and the offerings the institution keeps up to date. */
export function ClosedView(props: { state: SyncState; token: string }) {
  const { t, language } = useI18n();
  const { respondent, draft } = props.state;
  return (
    <div class="survey-main">
      <SurveyFacts state={props.state} />
      <div class="notice notice--warning survey-closed">
        <ViewHeading key="closed">{t('surveyForm.closedTitle')}</ViewHeading>
        <p>{t('surveyForm.closedText', { date: formatDateTime(respondent.survey.closesAt, language) })}</p>
      </div>
      <OfferingUpkeep token={props.token} />
      <h2>{t('surveyForm.summaryTitle')}</h2>
      <AnswersSummary draft={draft} noticeVersion={respondent.privacyNoticeVersion} />
    </div>
  );
}

export function NotOpenView(props: { state: SyncState }) {
  const { t, language } = useI18n();
  return (
    <div class="survey-main">
      <SurveyFacts state={props.state} />
      <div class="notice survey-not-open">
        <ViewHeading key="not-open">{t('surveyForm.notOpenTitle')}</ViewHeading>
        <p>
          {t('surveyForm.notOpenText', {
            date: formatDateTime(props.state.respondent.survey.opensAt, language),
          })}
        </p>
      </div>
    </div>
  );
}

/** All answers, read-only, with "Jetzt absenden" and the way back to the form. */
export function ReviewView(props: {
  state: SyncState;
  submitting: boolean;
  submitError: string | undefined;
  onSubmit(): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { respondent, draft } = props.state;
  return (
    <div class="survey-review">
      <ViewHeading key="review" id="survey-review-title">
        {t('surveyForm.summaryTitle')}
      </ViewHeading>
      <p>{t('surveyForm.summaryIntro')}</p>
      <AnswersSummary draft={draft} noticeVersion={respondent.privacyNoticeVersion} />
      {props.submitError && (
        <p class="notice notice--error" role="alert">
          {t('surveyForm.submitFailed', { reason: props.submitError })}
        </p>
      )}
      <div class="survey-actions">
        <button type="button" class="button" disabled={props.submitting} onClick={props.onSubmit}>
          {props.submitting ? t('surveyForm.submitting') : t('surveyForm.submitNow')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onBack}>
          {t('surveyForm.backToForm')}
        </button>
      </div>
    </div>
  );
}

/** After submitting: what was received, that a confirmation e-mail follows, and until when to correct. */
export function ConfirmationView(props: { state: SyncState; submitted: SubmitResult; onCorrect(): void }) {
  const { t, language } = useI18n();
  const { respondent, draft } = props.state;
  return (
    <div class="survey-main">
      <SurveyFacts state={props.state} />
      <div class="notice survey-confirmation">
        <ViewHeading key="confirmation" id="survey-confirmation-title">
          {t('surveyForm.confirmationTitle')}
        </ViewHeading>
        <p>
          {t('surveyForm.confirmationText', {
            number: props.submitted.submissionNumber,
            date: formatDateTime(props.submitted.submittedAt, language),
          })}
        </p>
        <p>{t('surveyForm.confirmationMail')}</p>
        <p>
          {t('surveyForm.confirmationCorrect', {
            date: formatDateTime(respondent.survey.closesAt, language),
          })}
        </p>
        <button type="button" class="button button--secondary" onClick={props.onCorrect}>
          {t('surveyForm.correct')}
        </button>
      </div>
      <h2>{t('surveyForm.summaryTitle')}</h2>
      <AnswersSummary draft={draft} noticeVersion={respondent.privacyNoticeVersion} />
    </div>
  );
}
