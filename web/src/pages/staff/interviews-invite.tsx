import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { InterviewCandidates as CandidatesSchema } from '../../../../functions/interviews/schemas';
import type { Language } from '../../../../functions/shared/i18n/languages';
import { offeringCategories } from '../../../../functions/survey/questionnaire';
import type { SurveyList } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { formatDate, optionLabel } from '../offerings/labels';
import { DataTable } from './data-table';
import type { IssuedBooking, Notice } from './interviews-round';
import type { Round } from './interviews-section';
import type { StaffApi } from './staff-api';
import { type FieldErrors, isEmailAddress, LanguageSelect, useStaffForm } from './staff-form';

type Candidate = z.infer<typeof CandidatesSchema>['candidates'][number];
type Topic = (typeof offeringCategories)[number];

/**
 * Institutions that answered the survey and agreed to an interview, each invited with one click: the
 * API takes name, address, language and topics from the response, so nothing is typed twice.
 */
export function InterviewCandidates(props: {
  call: StaffApi;
  base: string;
  round: Round;
  onInvited: (issued: IssuedBooking) => void;
  onNotice: (notice: Notice) => void;
}) {
  const { t, language } = useI18n();
  const [surveys] = useLoad('surveys-for-candidates', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  const [surveyId, setSurveyId] = useState(props.round.surveyId ?? '');
  const [candidates, retry] = useLoad(surveyId || undefined, (signal) =>
    props.call<z.infer<typeof CandidatesSchema>>(
      `/api/staff/surveys/${encodeURIComponent(surveyId)}/interview-candidates`,
      { signal },
    ),
  );
  const [busy, setBusy] = useState<string | undefined>();
  const idempotency = useIdempotencyKey();

  async function invite(candidate: Candidate) {
    setBusy(candidate.responseInvitationId);
    try {
      const issued = await props.call<IssuedBooking>(
        `${props.base}/interviews/from-survey` as `/api/${string}`,
        {
          method: 'POST',
          idempotencyKey: idempotency.current(),
          body: { surveyId: candidate.surveyId, responseInvitationId: candidate.responseInvitationId },
        },
      );
      idempotency.settled();
      props.onInvited(issued);
      retry();
    } catch (error) {
      idempotency.settled(error);
      if (error instanceof ApiError && error.status === 401) return;
      props.onNotice({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section class="console-block" aria-labelledby="candidates-title">
      <h4 id="candidates-title">{t('staffInterviews.candidatesTitle')}</h4>
      <p>{t('staffInterviews.candidatesIntro')}</p>
      <div class="field interview-form">
        <label for="candidates-survey">{t('staffInterviews.candidatesSurvey')}</label>
        <select
          id="candidates-survey"
          value={surveyId}
          onChange={(event) => setSurveyId(event.currentTarget.value)}
        >
          <option value="">{t('staffInterviews.chooseSurvey')}</option>
          {surveys.state === 'ready' &&
            surveys.data.surveys.map((survey) => (
              <option key={survey.surveyId} value={survey.surveyId}>
                {survey.title}
              </option>
            ))}
        </select>
      </div>
      {surveyId && (
        <LoadState loaded={candidates} retry={retry}>
          {({ candidates: list }) => (
            <DataTable
              rows={list}
              empty={t('staffInterviews.noCandidates')}
              captionId="candidates-caption"
              caption={t('staffInterviews.candidatesCaption', { count: list.length })}
              columns={[
                t('staffInterviews.institution'),
                t('staffInterviews.contact'),
                t('staffInterviews.topics'),
                t('staffInterviews.submittedAt'),
                t('staffInterviews.actions'),
              ]}
              testId="candidates-table"
              row={(candidate) => {
                const already = candidate.invitedToRounds.includes(props.round.roundId);
                return (
                  <tr key={candidate.responseInvitationId}>
                    <th scope="row">{candidate.institution}</th>
                    <td>
                      {candidate.contactName}
                      <span class="data-table__detail data-table__email">{candidate.email}</span>
                    </td>
                    <td>
                      {candidate.topics.map((topic) => optionLabel(t, 'categories', topic)).join(', ')}
                      {candidate.topicsOther && (
                        <span class="data-table__detail preserve-lines">{candidate.topicsOther}</span>
                      )}
                    </td>
                    <td>{formatDate(language, candidate.submittedAt, 'compact')}</td>
                    <td>
                      {already ? (
                        <span class="muted">{t('staffInterviews.alreadyInvited')}</span>
                      ) : (
                        <button
                          type="button"
                          class="button button--small"
                          disabled={busy !== undefined}
                          aria-label={t('staffInterviews.inviteCandidate', {
                            institution: candidate.institution,
                          })}
                          onClick={() => void invite(candidate)}
                        >
                          {t('staffInterviews.invite')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              }}
            />
          )}
        </LoadState>
      )}
    </section>
  );
}

type Field = 'name' | 'email' | 'institution';
const emptyExpert = {
  name: '',
  email: '',
  institution: '',
  language: 'de' as Language,
  topics: [] as Topic[],
};

/** An expert who did not come through the survey: name, address, institution, language and topics. */
export function InviteExpertForm(props: {
  call: StaffApi;
  base: string;
  onInvited: (issued: IssuedBooking) => void;
}) {
  const { t } = useI18n();
  const form = useStaffForm({
    idPrefix: 'expert',
    formErrorId: 'expert-form-error',
    textFields: ['name', 'email', 'institution'] as Field[],
    initial: emptyExpert,
  });
  const { values } = form;

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!values.name.trim()) found.name = t('validation.required');
    if (!values.email.trim()) found.email = t('validation.required');
    else if (!isEmailAddress(values.email.trim())) found.email = t('staffSurvey.invalidEmail');
    if (!values.institution.trim()) found.institution = t('validation.required');
    if (!form.accept(found)) return;
    const issued = await form.send((idempotencyKey) =>
      props.call<IssuedBooking>(`${props.base}/interviews` as `/api/${string}`, {
        method: 'POST',
        idempotencyKey,
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          institution: values.institution.trim(),
          language: values.language,
          topics: values.topics,
        },
      }),
    );
    if (!issued) return;
    form.setValues(emptyExpert);
    props.onInvited(issued);
  }

  const text = (field: Field, label: string, type: 'text' | 'email', maxLength: number) => (
    <div class="field" key={field}>
      <label for={`expert-${field}`}>{label}</label>
      {type === 'email' ? (
        <input type="email" maxLength={maxLength} autoComplete="off" required {...form.inputProps(field)} />
      ) : (
        <input type="text" maxLength={maxLength} autoComplete="off" required {...form.inputProps(field)} />
      )}
      {form.fieldError(field)}
    </div>
  );

  return (
    <section class="console-block" aria-labelledby="expert-title">
      <h4 id="expert-title">{t('staffInterviews.inviteByHandTitle')}</h4>
      <p>{t('staffInterviews.inviteByHandIntro')}</p>
      <form class="form interview-form" onSubmit={submit} noValidate>
        {text('name', t('staffInterviews.expertName'), 'text', 120)}
        {text('email', t('staffSurvey.email'), 'email', 254)}
        {text('institution', t('staffInterviews.institution'), 'text', 200)}
        <div class="field">
          <label for="expert-language">{t('staffInterviews.expertLanguage')}</label>
          <LanguageSelect
            id="expert-language"
            value={values.language}
            onChange={(language) => form.setValues((current) => ({ ...current, language }))}
          />
        </div>
        <TopicChoices
          idPrefix="expert-topic"
          legend={t('staffInterviews.topics')}
          values={values.topics}
          onChange={(topics) => form.setValues((current) => ({ ...current, topics }))}
        />
        {form.formErrorNotice()}
        <button type="submit" class="button" disabled={form.busy}>
          {t('staffInterviews.inviteExpert')}
        </button>
      </form>
    </section>
  );
}

/** The questionnaire's offering categories as checkboxes: interview topics and finding tags alike. */
export function TopicChoices(props: {
  idPrefix: string;
  legend: string;
  values: readonly Topic[];
  onChange: (topics: Topic[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="interview-fieldset">
      <legend>{props.legend}</legend>
      <div class="interview-choices interview-choices--columns">
        {offeringCategories.map((topic) => (
          <div class="field--checkbox" key={topic}>
            <input
              type="checkbox"
              id={`${props.idPrefix}-${topic}`}
              checked={props.values.includes(topic)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                props.onChange(
                  on ? [...props.values, topic] : props.values.filter((candidate) => candidate !== topic),
                );
              }}
            />
            <label for={`${props.idPrefix}-${topic}`}>{optionLabel(t, 'categories', topic)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
