import { useEffect, useState } from 'preact/hooks';
import type { InterviewState } from '../../../../functions/interviews/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import {
  addDays,
  countyTimeZone,
  type DayKey,
  dayKeyOf,
  formatDayKey,
  formatSlot,
  formatTimeRange,
  weekOf,
  weekStartOf,
  weekToOpen,
} from '../interviews/zoned-time';
import { optionLabel } from '../offerings/labels';
import type { CalendarData, Notice } from './interviews-round';
import { ScrollRegion } from './scroll-region';
import type { StaffApi } from './staff-api';

type Slot = CalendarData['slots'][number];
type Interview = CalendarData['interviews'][number];
type View = 'week' | 'list';

interface CalendarProps {
  calendar: CalendarData;
  call: StaffApi;
  base: string;
  /** An instant whose week the week view turns to (after publishing slots). */
  showWeekOf?: string | undefined;
  onChanged: () => void;
  onNotice: (notice: Notice) => void;
}

/** A state badge carries a sign and a word besides its colour. */
export function InterviewStateBadge(props: { state: InterviewState }) {
  const { t } = useI18n();
  return (
    <span class={`state-badge interview-state interview-state--${props.state}`} data-state={props.state}>
      {t(`staffInterviews.states.${props.state}`)}
    </span>
  );
}

/** The week to open on: the one of the next slot or interview from now, else of the last one. */
export function initialWeek(calendar: CalendarData, now: number): DayKey {
  const starts = [
    ...calendar.slots.map((slot) => slot.startsAt),
    ...calendar.interviews.flatMap((interview) => (interview.slot ? [interview.slot.startsAt] : [])),
  ];
  return weekToOpen(starts, now, countyTimeZone);
}

export function interviewPath(interview: Pick<Interview, 'roundId' | 'interviewId'>): string {
  return `/staff/interviews/${interview.roundId}?interview=${interview.interviewId}`;
}

/**
 * The round's calendar in the county's time: a week view (each day with its slots, free or with who
 * booked them) and a list view of every interview with its state, booked or not.
 */
export function InterviewCalendar(props: CalendarProps) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('week');
  useEffect(() => {
    if (props.showWeekOf) setView('week');
  }, [props.showWeekOf]);
  return (
    <section class="console-block interview-calendar" aria-labelledby="calendar-title">
      <h4 id="calendar-title">{t('staffInterviews.calendarTitle')}</h4>
      <p class="field__hint">{t('staffInterviews.calendarTimeHint')}</p>
      <fieldset class="calendar-switch">
        <legend class="visually-hidden">{t('staffInterviews.calendarView')}</legend>
        <div class="button-row">
          {(['week', 'list'] as const).map((option) => (
            <button
              key={option}
              type="button"
              class={view === option ? 'button button--small' : 'button button--secondary button--small'}
              aria-pressed={view === option}
              onClick={() => setView(option)}
            >
              {t(option === 'week' ? 'staffInterviews.weekView' : 'staffInterviews.listView')}
            </button>
          ))}
        </div>
      </fieldset>
      {view === 'week' ? <WeekView {...props} /> : <ListView calendar={props.calendar} />}
    </section>
  );
}

function WeekView(props: CalendarProps) {
  const { t, language } = useI18n();
  const [monday, setMonday] = useState(() => initialWeek(props.calendar, Date.now()));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.showWeekOf) setMonday(weekStartOf(dayKeyOf(props.showWeekOf, countyTimeZone)));
  }, [props.showWeekOf]);
  const days = weekOf(props.calendar.slots, (slot) => slot.startsAt, monday, countyTimeZone);
  const sunday = addDays(monday, 6);

  async function withdraw(slot: Slot) {
    setBusy(true);
    try {
      await props.call(`${props.base}/slots/${slot.slotId}` as `/api/${string}`, { method: 'DELETE' });
      props.onNotice({
        kind: 'success',
        text: t('staffInterviews.slotWithdrawn', {
          time: formatSlot(language, slot.startsAt, slot.endsAt, countyTimeZone),
        }),
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401))
        props.onNotice({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(false);
      props.onChanged();
    }
  }

  return (
    <div class="week-view" data-testid="week-view">
      <div class="week-view__head">
        <p class="week-view__range" id="week-range" aria-live="polite">
          {t('staffInterviews.weekOf', {
            from: formatDayKey(language, monday),
            until: formatDayKey(language, sunday),
          })}
        </p>
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setMonday(addDays(monday, -7))}
          >
            {t('staffInterviews.previousWeek')}
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setMonday(weekStartOf(dayKeyOf(Date.now(), countyTimeZone)))}
          >
            {t('staffInterviews.thisWeek')}
          </button>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => setMonday(addDays(monday, 7))}
          >
            {t('staffInterviews.nextWeek')}
          </button>
        </div>
      </div>
      <ol class="week-view__days" aria-labelledby="week-range">
        {days.map(({ day, items }) => (
          <li key={day} class="week-view__day" data-day={day}>
            <h5 class="week-view__day-title">{formatDayKey(language, day)}</h5>
            {items.length === 0 ? (
              <p class="muted week-view__empty">{t('staffInterviews.noSlotsThatDay')}</p>
            ) : (
              <ul class="week-view__slots">
                {items.map((slot) => (
                  <li
                    key={slot.slotId}
                    class={slot.booking ? 'week-slot week-slot--booked' : 'week-slot'}
                    data-slot={slot.slotId}
                    data-state={slot.booking?.state ?? 'free'}
                  >
                    <span class="week-slot__time">
                      {formatTimeRange(language, slot.startsAt, slot.endsAt, countyTimeZone)}
                    </span>
                    {slot.booking ? (
                      <>
                        <a
                          href={interviewPath({
                            roundId: slot.roundId,
                            interviewId: slot.booking.interviewId,
                          })}
                          class="week-slot__who"
                        >
                          {slot.booking.expertName}
                          <span class="data-table__detail">{slot.booking.institution}</span>
                        </a>
                        <InterviewStateBadge state={slot.booking.state} />
                      </>
                    ) : (
                      <>
                        <span class="week-slot__free">{t('staffInterviews.free')}</span>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          disabled={busy}
                          aria-label={t('staffInterviews.withdrawSlot', {
                            time: `${formatDayKey(language, day)} ${formatTimeRange(language, slot.startsAt, slot.endsAt, countyTimeZone)}`,
                          })}
                          onClick={() => void withdraw(slot)}
                        >
                          {t('staffInterviews.withdraw')}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function ListView(props: { calendar: CalendarData }) {
  const { t, language } = useI18n();
  const { interviews, slots } = props.calendar;
  const sorted = [...interviews].sort((a, b) => {
    const at = a.slot ? Date.parse(a.slot.startsAt) : Number.POSITIVE_INFINITY;
    const bt = b.slot ? Date.parse(b.slot.startsAt) : Number.POSITIVE_INFINITY;
    return at - bt || a.invitedAt.localeCompare(b.invitedAt);
  });
  const free = slots.filter((slot) => slot.free && Date.parse(slot.startsAt) > Date.now()).length;
  return (
    <>
      <p>{t('staffInterviews.freeCount', { count: free })}</p>
      {sorted.length === 0 ? (
        <p class="notice">{t('staffInterviews.noInterviews')}</p>
      ) : (
        <ScrollRegion labelledBy="interviews-caption">
          <table class="data-table" data-testid="interviews-table">
            <caption id="interviews-caption">
              {t('staffInterviews.interviewsCaption', { count: sorted.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staffInterviews.expert')}</th>
                <th scope="col">{t('staffInterviews.state')}</th>
                <th scope="col">{t('staffInterviews.when')}</th>
                <th scope="col">{t('staffInterviews.topics')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((interview) => (
                <tr key={interview.interviewId} data-interview={interview.interviewId}>
                  <th scope="row">
                    <a href={interviewPath(interview)}>{interview.expert.name}</a>
                    <span class="data-table__detail">{interview.expert.institution}</span>
                  </th>
                  <td>
                    <InterviewStateBadge state={interview.state} />
                  </td>
                  <td>
                    {interview.slot
                      ? formatSlot(language, interview.slot.startsAt, interview.slot.endsAt, countyTimeZone)
                      : t('staffInterviews.notBooked')}
                  </td>
                  <td>{interview.topics.map((topic) => optionLabel(t, 'categories', topic)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
