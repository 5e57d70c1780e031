import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { Calendar, IssuedInterviewInvitation } from '../../../../functions/interviews/schemas';
import { useI18n } from '../../i18n';
import { type Loaded, LoadState } from '../../load';
import { InterviewCalendar } from './interviews-calendar';
import { InterviewCandidates, InviteExpertForm } from './interviews-invite';
import { IssuedBookingLink } from './interviews-issued-link';
import { PublishSlotsForm } from './interviews-slots';
import type { StaffApi } from './staff-api';

export type CalendarData = z.infer<typeof Calendar>;
export type IssuedBooking = z.infer<typeof IssuedInterviewInvitation>;

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** One round: its facts, its calendar, publishing slots and inviting experts. */
export function RoundDetail(props: { roundId: string; call: StaffApi }) {
  const { t } = useI18n();
  const { call, roundId } = props;
  const base = `/api/staff/interview-rounds/${encodeURIComponent(roundId)}` as const;
  const [calendar, setCalendar] = useState<Loaded<CalendarData>>({ state: 'loading' });
  const latest = useRef<AbortController | undefined>(undefined);
  // Reloading keeps the calendar on screen until the new one is in: no flicker, no focus lost in it.
  const reload = useCallback(() => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    call<CalendarData>(`${base}/calendar`, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setCalendar({ state: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setCalendar({ state: 'failed', error });
      },
    );
  }, [call, base]);
  useEffect(() => {
    reload();
    return () => latest.current?.abort();
  }, [reload]);

  const [issued, setIssued] = useState<IssuedBooking | undefined>();
  const [shownWeekOf, setShownWeekOf] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeElement = useRef<HTMLParagraphElement>(null);
  function announce(next: Notice) {
    setNotice(next);
    requestAnimationFrame(() => noticeElement.current?.focus());
  }
  function invited(result: IssuedBooking) {
    setNotice(undefined);
    setIssued(result);
    reload();
  }

  return (
    <div class="round-detail">
      <p>
        <a href="/staff/interviews" class="back-link">
          {t('staffInterviews.allRounds')}
        </a>
      </p>
      <LoadState loaded={calendar} retry={reload}>
        {(data) => (
          <>
            <RoundFacts round={data.round} />
            <p
              ref={noticeElement}
              tabIndex={-1}
              role="status"
              class={notice ? `console-notice console-notice--${notice.kind}` : 'console-notice'}
              data-testid="round-notice"
            >
              {notice?.text ?? ''}
            </p>
            {issued && <IssuedBookingLink issued={issued} onDismiss={() => setIssued(undefined)} />}
            <InterviewCalendar
              calendar={data}
              call={call}
              base={base}
              showWeekOf={shownWeekOf}
              onChanged={reload}
              onNotice={announce}
            />
            <PublishSlotsForm
              call={call}
              base={base}
              durationMinutes={data.round.durationMinutes}
              onPublished={(text, firstStart) => {
                announce({ kind: 'success', text });
                if (firstStart) setShownWeekOf(firstStart);
                reload();
              }}
            />
            <InterviewCandidates
              call={call}
              base={base}
              round={data.round}
              onInvited={invited}
              onNotice={announce}
            />
            <InviteExpertForm call={call} base={base} onInvited={invited} />
          </>
        )}
      </LoadState>
    </div>
  );
}

function RoundFacts(props: { round: CalendarData['round'] }) {
  const { t } = useI18n();
  const { round } = props;
  return (
    <>
      <h3 class="survey-detail__title" data-testid="round-topic">
        {round.topic}
      </h3>
      <dl class="offering-facts">
        <div class="offering-facts__row">
          <dt>{t('staffInterviews.interviewers')}</dt>
          <dd>
            {round.interviewers.map((interviewer) => `${interviewer.name} <${interviewer.email}>`).join(', ')}
          </dd>
        </div>
        <div class="offering-facts__row">
          <dt>{t('staffInterviews.duration')}</dt>
          <dd>{t('staffInterviews.minutes', { minutes: round.durationMinutes })}</dd>
        </div>
        <div class="offering-facts__row">
          <dt>
            {t(
              round.location.kind === 'online'
                ? 'staffInterviews.locationOnline'
                : 'staffInterviews.locationPlace',
            )}
          </dt>
          <dd class="data-table__email preserve-lines">
            {round.location.kind === 'online' ? round.location.url : round.location.address}
          </dd>
        </div>
        <div class="offering-facts__row">
          <dt>{t('staffInterviews.cutOff')}</dt>
          <dd>{t('staffInterviews.hours', { hours: round.changeCutOffHours })}</dd>
        </div>
        <div class="offering-facts__row">
          <dt>{t('staffInterviews.reminderLead')}</dt>
          <dd>
            {round.reminderLeadHours === 0
              ? t('staffInterviews.noReminder')
              : t('staffInterviews.hours', { hours: round.reminderLeadHours })}
          </dd>
        </div>
      </dl>
      {round.questionGuide && (
        <details class="question-guide">
          <summary>{t('staffInterviews.questionGuide')}</summary>
          <p class="preserve-lines">{round.questionGuide}</p>
        </details>
      )}
    </>
  );
}
