import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { InterviewNotes, InterviewView } from '../../../../functions/interviews/schemas';
import {
  type FindingInput,
  type FindingKind,
  findingKinds,
} from '../../../../functions/shared/domain/findings';
import { isLanguage, type Language, languages } from '../../../../functions/shared/i18n/languages';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { countyTimeZone, formatSlot } from '../interviews/zoned-time';
import { formatDate, optionLabel } from '../offerings/labels';
import { InterviewStateBadge } from './interviews-calendar';
import { TopicChoices } from './interviews-invite';
import type { Notice } from './interviews-round';
import { isVersionConflict, type StaffApi } from './staff-api';

type Notes = z.infer<typeof InterviewNotes>;
type Interview = z.infer<typeof InterviewView>;

/** One interview: who, when, its state; after it was held, the notes and tagged findings. */
export function InterviewDetail(props: { roundId: string; interviewId: string; call: StaffApi }) {
  const { t, language } = useI18n();
  const path =
    `/api/staff/interview-rounds/${encodeURIComponent(props.roundId)}/interviews/${encodeURIComponent(props.interviewId)}` as const;
  const [loaded, retry] = useLoad(path, (signal) => props.call<Notes>(path, { signal }));
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeElement = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState(false);

  function announce(next: Notice) {
    setNotice(next);
    requestAnimationFrame(() => noticeElement.current?.focus());
  }

  async function markHeld() {
    setBusy(true);
    try {
      await props.call<Interview>(`${path}/held`, { method: 'POST' });
      announce({ kind: 'success', text: t('staffInterviews.markedHeld') });
      retry();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401))
        announce({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="interview-detail">
      <p>
        <a href={`/staff/interviews/${props.roundId}`} class="back-link">
          {t('staffInterviews.backToRound')}
        </a>
      </p>
      <p
        ref={noticeElement}
        tabIndex={-1}
        role="status"
        class={notice ? `console-notice console-notice--${notice.kind}` : 'console-notice'}
        data-testid="interview-notice"
      >
        {notice?.text ?? ''}
      </p>
      <LoadState loaded={loaded} retry={retry}>
        {(data) => {
          const { interview } = data;
          const held = interview.state === 'held' || interview.state === 'written_up';
          return (
            <>
              <h3 class="survey-detail__title">
                {t('staffInterviews.interviewWith', { name: interview.expert.name })}
              </h3>
              <dl class="offering-facts">
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.state')}</dt>
                  <dd data-testid="interview-state">
                    <InterviewStateBadge state={interview.state} />
                  </dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.institution')}</dt>
                  <dd>{interview.expert.institution}</dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffSurvey.email')}</dt>
                  <dd class="data-table__email">
                    <a href={`mailto:${interview.expert.email}`}>{interview.expert.email}</a>
                  </dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.when')}</dt>
                  <dd>
                    {interview.slot
                      ? formatSlot(language, interview.slot.startsAt, interview.slot.endsAt, countyTimeZone)
                      : t('staffInterviews.notBooked')}
                  </dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.topics')}</dt>
                  <dd>
                    {interview.topics.length > 0
                      ? interview.topics.map((topic) => optionLabel(t, 'categories', topic)).join(', ')
                      : '–'}
                  </dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.source')}</dt>
                  <dd>
                    {t(
                      interview.source.kind === 'survey'
                        ? 'staffInterviews.fromSurvey'
                        : 'staffInterviews.byHand',
                    )}
                  </dd>
                </div>
                <div class="offering-facts__row">
                  <dt>{t('staffInterviews.invitedAt')}</dt>
                  <dd>{formatDate(language, interview.invitedAt, 'dateTime')}</dd>
                </div>
                {interview.comment && (
                  <div class="offering-facts__row">
                    <dt>{t('staffInterviews.expertComment')}</dt>
                    <dd class="preserve-lines">{interview.comment}</dd>
                  </div>
                )}
              </dl>
              {(interview.state === 'booked' || interview.state === 'rescheduled') && (
                <div class="button-row">
                  <button type="button" class="button" disabled={busy} onClick={() => void markHeld()}>
                    {t('staffInterviews.markHeld')}
                  </button>
                </div>
              )}
              {held ? (
                <NotesForm
                  key={`${interview.version}`}
                  data={data}
                  path={path}
                  call={props.call}
                  onSaved={(text) => {
                    announce({ kind: 'success', text });
                    retry();
                  }}
                  onConflict={() => {
                    announce({ kind: 'error', text: t('staffInterviews.notesConflict') });
                    retry();
                  }}
                />
              ) : (
                <p class="notice">{t('staffInterviews.notesAfterHeld')}</p>
              )}
            </>
          );
        }}
      </LoadState>
    </div>
  );
}

interface DraftFinding {
  findingId?: string | undefined;
  kind: FindingKind;
  text: string;
  topics: FindingInput['topics'];
}

/** Notes and tagged findings, saved with the version they were based on (a stale save is refused). */
function NotesForm(props: {
  data: Notes;
  path: `/api/${string}`;
  call: StaffApi;
  onSaved: (text: string) => void;
  onConflict: () => void;
}) {
  const { t, language } = useI18n();
  const { data } = props;
  const [notes, setNotes] = useState(data.notes);
  const [findings, setFindings] = useState<DraftFinding[]>(
    data.findings.map(({ findingId, kind, text, topics }) => ({ findingId, kind, text, topics })),
  );
  const firstLanguage = data.findings[0]?.textLanguage;
  const [textLanguage, setTextLanguage] = useState<Language>(
    isLanguage(firstLanguage) ? firstLanguage : language,
  );
  const [writtenUp, setWrittenUp] = useState(data.interview.state === 'written_up');
  const [formError, setFormError] = useState<string | undefined>();
  const [emptyFinding, setEmptyFinding] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const focusFinding = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (focusFinding.current === undefined) return;
    document.getElementById(`finding-${focusFinding.current}-kind`)?.focus();
    focusFinding.current = undefined;
  });

  const change = (index: number, patch: Partial<DraftFinding>) =>
    setFindings((current) => current.map((finding, i) => (i === index ? { ...finding, ...patch } : finding)));

  async function submit(event: Event) {
    event.preventDefault();
    setFormError(undefined);
    const empty = findings.findIndex((finding) => !finding.text.trim());
    setEmptyFinding(empty >= 0 ? empty : undefined);
    if (empty >= 0) {
      document.getElementById(`finding-${empty}-text`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.call<Notes>(`${props.path}/notes` as `/api/${string}`, {
        method: 'PUT',
        body: {
          notes,
          findings: findings.map((finding) => ({
            ...(finding.findingId ? { findingId: finding.findingId } : {}),
            kind: finding.kind,
            text: finding.text.trim(),
            textLanguage,
            topics: finding.topics,
          })),
          writtenUp,
          version: data.interview.version,
        },
      });
      props.onSaved(t(writtenUp ? 'staffInterviews.notesSavedWrittenUp' : 'staffInterviews.notesSaved'));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) return;
      if (isVersionConflict(error)) {
        props.onConflict();
        return;
      }
      setFormError(failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('notes-form-error')?.focus());
    }
  }

  return (
    <section class="console-block" aria-labelledby="notes-title">
      <h4 id="notes-title">{t('staffInterviews.notesTitle')}</h4>
      <form class="form interview-notes" onSubmit={submit} noValidate>
        <div class="field">
          <label for="interview-notes">{t('staffInterviews.notes')}</label>
          <textarea
            id="interview-notes"
            rows={10}
            maxLength={50_000}
            value={notes}
            onInput={(event) => setNotes(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="findings-language">{t('staffInterviews.findingsLanguage')}</label>
          <select
            id="findings-language"
            value={textLanguage}
            onChange={(event) => setTextLanguage(event.currentTarget.value as Language)}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.endonym}
              </option>
            ))}
          </select>
        </div>
        <h5 class="findings-title">{t('staffInterviews.findingsTitle')}</h5>
        <p class="field__hint">{t('staffInterviews.findingsHint')}</p>
        <ol class="findings" data-testid="findings">
          {findings.map((finding, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: unsaved findings have no id yet; position is their identity
            <li key={index} class="finding">
              <fieldset class="interview-fieldset">
                <legend>{t('staffInterviews.findingNumber', { number: index + 1 })}</legend>
                <div class="field">
                  <label for={`finding-${index}-kind`}>{t('staffInterviews.findingKind')}</label>
                  <select
                    id={`finding-${index}-kind`}
                    value={finding.kind}
                    onChange={(event) => change(index, { kind: event.currentTarget.value as FindingKind })}
                  >
                    {findingKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`staffInterviews.findingKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`finding-${index}-text`}>{t('staffInterviews.findingText')}</label>
                  <textarea
                    id={`finding-${index}-text`}
                    rows={3}
                    maxLength={2000}
                    lang={textLanguage}
                    value={finding.text}
                    aria-invalid={emptyFinding === index ? 'true' : undefined}
                    aria-describedby={emptyFinding === index ? `finding-${index}-text-error` : undefined}
                    onInput={(event) => change(index, { text: event.currentTarget.value })}
                  />
                  {emptyFinding === index && (
                    <p class="field__error" id={`finding-${index}-text-error`}>
                      {t('validation.required')}
                    </p>
                  )}
                </div>
                <TopicChoices
                  idPrefix={`finding-${index}-topic`}
                  legend={t('staffInterviews.findingTopics')}
                  values={finding.topics}
                  onChange={(topics) => change(index, { topics })}
                />
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => {
                    setFindings((current) => current.filter((_, i) => i !== index));
                    requestAnimationFrame(() => document.getElementById('add-finding')?.focus());
                  }}
                >
                  {t('staffInterviews.removeFinding', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <div class="button-row">
          <button
            type="button"
            id="add-finding"
            class="button button--secondary"
            disabled={findings.length >= 100}
            onClick={() => {
              focusFinding.current = findings.length;
              setFindings((current) => [...current, { kind: 'topic', text: '', topics: [] }]);
            }}
          >
            {t('staffInterviews.addFinding')}
          </button>
        </div>
        <div class="field field--checkbox">
          <input
            type="checkbox"
            id="notes-written-up"
            checked={writtenUp}
            aria-describedby="notes-written-up-hint"
            onChange={(event) => setWrittenUp(event.currentTarget.checked)}
          />
          <label for="notes-written-up">{t('staffInterviews.writtenUp')}</label>
          <p class="field__hint" id="notes-written-up-hint">
            {t('staffInterviews.writtenUpHint')}
          </p>
        </div>
        {formError && (
          <p class="form__error" id="notes-form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('staffInterviews.saveNotes')}
        </button>
      </form>
    </section>
  );
}
