import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { RoundList, RoundView } from '../../../../functions/interviews/schemas';
import type { SurveyList } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { navigate, useLocation } from '../../router';
import { formatDate } from '../offerings/labels';
import type { ConsoleSectionProps } from './console-sections';
import { DataTable } from './data-table';
import { InterviewDetail } from './interviews-detail';
import { RoundDetail } from './interviews-round';
import { fieldProblem, type StaffApi, useStaffApi } from './staff-api';
import { isEmailAddress } from './staff-form';
import '../offerings/offerings.css';
import './staff-console.css';
import './interviews-console.css';

export type Round = z.infer<typeof RoundView>;

/**
 * "Interviews": the interview rounds and a form for a new one; a round's slots, invitations and calendar
 * at `/staff/interviews/<roundId>`, one interview with its notes at `…/<roundId>?interview=<id>`.
 */
export function InterviewsSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  const { search } = useLocation();
  const interviewId = new URLSearchParams(search).get('interview') ?? undefined;
  if (props.item && interviewId)
    return <InterviewDetail roundId={props.item} interviewId={interviewId} call={call} />;
  if (props.item) return <RoundDetail roundId={props.item} call={call} />;
  return <RoundOverview call={call} email={props.member.email} />;
}

function RoundOverview(props: { call: StaffApi; email: string | undefined }) {
  const { t, language } = useI18n();
  const [rounds, retry] = useLoad('interview-rounds', (signal) =>
    props.call<z.infer<typeof RoundList>>('/api/staff/interview-rounds', { signal }),
  );
  return (
    <>
      <p>{t('staffInterviews.intro')}</p>
      <LoadState loaded={rounds} retry={retry}>
        {({ rounds: list }) => (
          <DataTable
            rows={list}
            empty={t('staffInterviews.noRounds')}
            captionId="rounds-caption"
            caption={t('staffInterviews.roundsCaption')}
            columns={[
              t('staffInterviews.topic'),
              t('staffInterviews.interviewers'),
              t('staffInterviews.duration'),
              t('staffInterviews.createdAt'),
            ]}
            testId="rounds-table"
            row={(round) => (
              <tr key={round.roundId}>
                <th scope="row">
                  <a href={`/staff/interviews/${round.roundId}`}>{round.topic}</a>
                </th>
                <td>{round.interviewers.map((interviewer) => interviewer.name).join(', ')}</td>
                <td>{t('staffInterviews.minutes', { minutes: round.durationMinutes })}</td>
                <td>{formatDate(language, round.createdAt, 'compact')}</td>
              </tr>
            )}
          />
        )}
      </LoadState>
      <CreateRoundForm
        call={props.call}
        email={props.email}
        onCreated={(round) => navigate(`/staff/interviews/${round.roundId}`)}
      />
    </>
  );
}

interface InterviewerRow {
  name: string;
  email: string;
}

const durations = [15, 30, 45, 60, 75, 90, 105, 120, 150, 180];
type Field =
  | 'topic'
  | 'interviewers'
  | 'address'
  | 'url'
  | 'durationMinutes'
  | 'changeCutOffHours'
  | 'reminderLeadHours';
type FieldErrors = Partial<Record<Field, string>>;

/** A new round: what it is about, who asks, how long, where, the guide, and the expert's deadlines. */
function CreateRoundForm(props: {
  call: StaffApi;
  email: string | undefined;
  onCreated: (round: Round) => void;
}) {
  const { t, language } = useI18n();
  const [surveys] = useLoad('surveys-for-rounds', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  const [topic, setTopic] = useState('');
  const [surveyId, setSurveyId] = useState('');
  const [interviewers, setInterviewers] = useState<InterviewerRow[]>([
    { name: '', email: props.email ?? '' },
  ]);
  const [durationMinutes, setDuration] = useState(60);
  const [locationKind, setLocationKind] = useState<'place' | 'online'>('place');
  const [address, setAddress] = useState('');
  const [url, setUrl] = useState('');
  const [questionGuide, setGuide] = useState('');
  const [changeCutOffHours, setCutOff] = useState('24');
  const [reminderLeadHours, setReminder] = useState('24');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();

  const hours = (value: string) =>
    /^\d{1,3}$/.test(value) && Number(value) <= 336 ? Number(value) : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!topic.trim()) found.topic = t('validation.required');
    const named = interviewers.filter((row) => row.name.trim() || row.email.trim());
    if (named.length === 0 || named.some((row) => !row.name.trim() || !isEmailAddress(row.email.trim())))
      found.interviewers = t('staffInterviews.interviewersInvalid');
    if (locationKind === 'place' && !address.trim()) found.address = t('validation.required');
    if (locationKind === 'online' && !/^https?:\/\/\S+$/.test(url.trim()))
      found.url = t('staffInterviews.urlInvalid');
    if (hours(changeCutOffHours) === undefined) found.changeCutOffHours = t('staffInterviews.hoursInvalid');
    if (hours(reminderLeadHours) === undefined) found.reminderLeadHours = t('staffInterviews.hoursInvalid');
    setErrors(found);
    setFormError(undefined);
    const order: Field[] = [
      'topic',
      'interviewers',
      'address',
      'url',
      'changeCutOffHours',
      'reminderLeadHours',
    ];
    const first = order.find((field) => found[field]);
    if (first) {
      document
        .getElementById(first === 'interviewers' ? 'round-interviewer-0-name' : `round-${first}`)
        ?.focus();
      return;
    }
    setBusy(true);
    try {
      const round = await props.call<Round>('/api/staff/interview-rounds', {
        method: 'POST',
        idempotencyKey: idempotency.current(),
        body: {
          topic: topic.trim(),
          ...(surveyId ? { surveyId } : {}),
          interviewers: named.map((row) => ({ name: row.name.trim(), email: row.email.trim() })),
          durationMinutes,
          location:
            locationKind === 'place'
              ? { kind: 'place', address: address.trim() }
              : { kind: 'online', url: url.trim() },
          questionGuide: questionGuide.trim(),
          changeCutOffHours: hours(changeCutOffHours),
          reminderLeadHours: hours(reminderLeadHours),
        },
      });
      idempotency.settled();
      props.onCreated(round);
    } catch (error) {
      idempotency.settled(error);
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) return;
      setErrors({
        topic: fieldProblem(error, 'topic'),
        interviewers: fieldProblem(error, 'interviewers'),
        durationMinutes: fieldProblem(error, 'durationMinutes'),
        address: fieldProblem(error, 'location.address'),
        url: fieldProblem(error, 'location.url'),
      });
      setFormError(failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('round-form-error')?.focus());
    }
  }

  const invalid = (field: Field) => ({
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
  });
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    errors[field] && (
      <p class="field__error" id={`round-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <section class="console-block" aria-labelledby="create-round-title">
      <h3 id="create-round-title">{t('staffInterviews.createTitle')}</h3>
      <form class="form interview-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="round-topic">{t('staffInterviews.topic')}</label>
          <input
            id="round-topic"
            type="text"
            maxLength={200}
            required
            value={topic}
            {...invalid('topic')}
            aria-describedby={describedBy(errors.topic && 'round-topic-error')}
            onInput={(event) => setTopic(event.currentTarget.value)}
          />
          {error('topic')}
        </div>
        <div class="field">
          <label for="round-survey">{t('staffInterviews.survey')}</label>
          <p class="field__hint" id="round-survey-hint">
            {t('staffInterviews.surveyHint')}
          </p>
          <select
            id="round-survey"
            value={surveyId}
            aria-describedby="round-survey-hint"
            onChange={(event) => setSurveyId(event.currentTarget.value)}
          >
            <option value="">{t('staffInterviews.noSurvey')}</option>
            {surveys.state === 'ready' &&
              surveys.data.surveys.map((survey) => (
                <option key={survey.surveyId} value={survey.surveyId}>
                  {survey.title} ({formatDate(language, survey.opensAt)})
                </option>
              ))}
          </select>
        </div>
        <fieldset
          class="interview-fieldset"
          aria-describedby={describedBy(
            'round-interviewers-hint',
            errors.interviewers && 'round-interviewers-error',
          )}
        >
          <legend>{t('staffInterviews.interviewers')}</legend>
          <p class="field__hint" id="round-interviewers-hint">
            {t('staffInterviews.interviewersHint')}
          </p>
          {error('interviewers')}
          {interviewers.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <div class="interviewer-row" key={index}>
              <div class="field">
                <label for={`round-interviewer-${index}-name`}>
                  {t('staffInterviews.interviewerName', { number: index + 1 })}
                </label>
                <input
                  id={`round-interviewer-${index}-name`}
                  type="text"
                  maxLength={120}
                  autoComplete="off"
                  value={row.name}
                  {...invalid('interviewers')}
                  onInput={(event) => {
                    const name = event.currentTarget.value;
                    setInterviewers((rows) => rows.map((r, i) => (i === index ? { ...r, name } : r)));
                  }}
                />
              </div>
              <div class="field">
                <label for={`round-interviewer-${index}-email`}>
                  {t('staffInterviews.interviewerEmail', { number: index + 1 })}
                </label>
                <input
                  id={`round-interviewer-${index}-email`}
                  type="email"
                  maxLength={254}
                  autoComplete="off"
                  value={row.email}
                  {...invalid('interviewers')}
                  onInput={(event) => {
                    const email = event.currentTarget.value;
                    setInterviewers((rows) => rows.map((r, i) => (i === index ? { ...r, email } : r)));
                  }}
                />
              </div>
              {interviewers.length > 1 && (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => {
                    setInterviewers((rows) => rows.filter((_, i) => i !== index));
                    requestAnimationFrame(() => document.getElementById('round-interviewer-0-name')?.focus());
                  }}
                >
                  {t('staffInterviews.removeInterviewer', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          {interviewers.length < 4 && (
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => {
                const next = interviewers.length;
                setInterviewers((rows) => [...rows, { name: '', email: '' }]);
                requestAnimationFrame(() =>
                  document.getElementById(`round-interviewer-${next}-name`)?.focus(),
                );
              }}
            >
              {t('staffInterviews.addInterviewer')}
            </button>
          )}
        </fieldset>
        <div class="field">
          <label for="round-durationMinutes">{t('staffInterviews.duration')}</label>
          <select
            id="round-durationMinutes"
            value={String(durationMinutes)}
            {...invalid('durationMinutes')}
            aria-describedby={describedBy(errors.durationMinutes && 'round-durationMinutes-error')}
            onChange={(event) => setDuration(Number(event.currentTarget.value))}
          >
            {durations.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {t('staffInterviews.minutes', { minutes })}
              </option>
            ))}
          </select>
          {error('durationMinutes')}
        </div>
        <fieldset class="interview-fieldset">
          <legend>{t('staffInterviews.location')}</legend>
          <div class="interview-choices">
            {(['place', 'online'] as const).map((kind) => (
              <div class="field--checkbox" key={kind}>
                <input
                  type="radio"
                  name="round-location-kind"
                  id={`round-location-${kind}`}
                  checked={locationKind === kind}
                  onChange={() => setLocationKind(kind)}
                />
                <label for={`round-location-${kind}`}>
                  {t(kind === 'place' ? 'staffInterviews.locationPlace' : 'staffInterviews.locationOnline')}
                </label>
              </div>
            ))}
          </div>
          {locationKind === 'place' ? (
            <div class="field">
              <label for="round-address">{t('staffInterviews.address')}</label>
              <textarea
                id="round-address"
                rows={2}
                maxLength={300}
                value={address}
                {...invalid('address')}
                aria-describedby={describedBy(errors.address && 'round-address-error')}
                onInput={(event) => setAddress(event.currentTarget.value)}
              />
              {error('address')}
            </div>
          ) : (
            <div class="field">
              <label for="round-url">{t('staffInterviews.url')}</label>
              <input
                id="round-url"
                type="url"
                maxLength={500}
                value={url}
                {...invalid('url')}
                aria-describedby={describedBy(errors.url && 'round-url-error')}
                onInput={(event) => setUrl(event.currentTarget.value)}
              />
              {error('url')}
            </div>
          )}
        </fieldset>
        <div class="field">
          <label for="round-questionGuide">{t('staffInterviews.questionGuide')}</label>
          <p class="field__hint" id="round-questionGuide-hint">
            {t('staffInterviews.questionGuideHint')}
          </p>
          <textarea
            id="round-questionGuide"
            rows={6}
            maxLength={10_000}
            value={questionGuide}
            aria-describedby="round-questionGuide-hint"
            onInput={(event) => setGuide(event.currentTarget.value)}
          />
        </div>
        {(
          [
            [
              'changeCutOffHours',
              changeCutOffHours,
              setCutOff,
              'staffInterviews.cutOff',
              'staffInterviews.cutOffHint',
            ],
            [
              'reminderLeadHours',
              reminderLeadHours,
              setReminder,
              'staffInterviews.reminderLead',
              'staffInterviews.reminderLeadHint',
            ],
          ] as const
        ).map(([field, value, set, label, hint]) => (
          <div class="field" key={field}>
            <label for={`round-${field}`}>{t(label)}</label>
            <p class="field__hint" id={`round-${field}-hint`}>
              {t(hint)}
            </p>
            <input
              id={`round-${field}`}
              type="text"
              inputMode="numeric"
              class="input--short"
              value={value}
              {...invalid(field)}
              aria-describedby={describedBy(`round-${field}-hint`, errors[field] && `round-${field}-error`)}
              onInput={(event) => set(event.currentTarget.value)}
            />
            {error(field)}
          </div>
        ))}
        {formError && (
          <p class="form__error" id="round-form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('staffInterviews.create')}
        </button>
      </form>
    </section>
  );
}
