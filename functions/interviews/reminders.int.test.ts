import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import type { Store } from '../shared/store/store';
import type { RecordingMailer } from '../shared/testing/recording-mailer';
import { book, cancel, reschedule } from './booking';
import { InterviewStore } from './interview-store';
import { runDueReminders, sendReminder } from './reminders';
import { createSlots, type InterviewDeps } from './rounds';
import type { ReminderEvent } from './schemas';
import { interviewDeps, invitedExpert, newRound } from './testing/setup';

/** 09:00 Berlin on Tuesday 10 March 2026 is 08:00 UTC; the round reminds 24 hours before. */
const nine = '20260310T080000Z';
const ten = '20260310T090000Z';

describe('interview reminders with an injected clock', { timeout: 120_000 }, () => {
  let store: Store;
  const clock = { now: new Date('2026-03-01T10:00:00Z') };
  let deps: InterviewDeps;
  let mailer: RecordingMailer;

  beforeEach(async () => {
    clock.now = new Date('2026-03-01T10:00:00Z');
    store = await freshStore(() => clock.now);
    ({ deps, mailer } = interviewDeps(store, clock));
  });

  async function booked(slotId = nine) {
    const round = await newRound(deps, { reminderLeadHours: 24 });
    await createSlots(deps, round.roundId, {
      kind: 'recurring',
      weekdays: [2],
      fromDate: '2026-03-10',
      untilDate: '2026-03-10',
      dayStart: '09:00',
      dayEnd: '11:00',
      timeZone: 'Europe/Berlin',
    });
    const expert = await invitedExpert(deps, round.roundId);
    await book(deps, expert.token, { slotId });
    return expert;
  }

  /** A scheduler process as the local server runs it: a new one after every "restart". */
  function schedulerProcess() {
    const processStore = new InterviewStore(store);
    return (now: Date) =>
      runDueReminders(processStore, (event: ReminderEvent) => sendReminder(deps, event), now);
  }

  const reminders = () => mailer.sent.filter((message) => message.purpose === 'interview-reminder');

  it('sends nothing before the reminder is due, then exactly once across a restart', async () => {
    await booked();
    const first = schedulerProcess();

    expect(await first(new Date('2026-03-09T07:59:59Z'))).toBe(0);
    expect(reminders()).toHaveLength(0);

    clock.now = new Date('2026-03-09T08:00:00Z');
    expect(await first(clock.now)).toBe(1);
    // The server restarts: a new scheduler over the same table finds nothing left to send.
    const afterRestart = schedulerProcess();
    expect(await afterRestart(new Date('2026-03-09T08:05:00Z'))).toBe(0);

    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.to).toEqual(['expert1@example.org']);
    expect(reminders()[0]?.language).toBe('en');
  });

  it('sends once when a crash left the due item behind after sending, or two schedulers race', async () => {
    const expert = await booked();
    const event: ReminderEvent = {
      source: 'wegweiser.interview-reminder',
      roundId: expert.interview.roundId,
      interviewId: expert.interview.interviewId,
      startsAt: '2026-03-10T08:00:00.000Z',
    };
    clock.now = new Date('2026-03-09T08:00:00Z');

    // Delivered, then "crashed" before the due item was removed: the restarted scheduler delivers again.
    expect(await sendReminder(deps, event)).toBe('sent');
    const outcomes = await Promise.all([schedulerProcess()(clock.now), schedulerProcess()(clock.now)]);

    expect(outcomes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(reminders()).toHaveLength(1);
    expect(await sendReminder(deps, event)).toBe('already_sent');
  });

  it('moves the reminder with a rescheduled booking and drops it with a cancelled one', async () => {
    const expert = await booked(nine);
    await reschedule(deps, expert.token, { slotId: ten });
    const scheduler = schedulerProcess();

    expect(await scheduler(new Date('2026-03-09T08:30:00Z'))).toBe(0);
    expect(await scheduler(new Date('2026-03-09T09:00:00Z'))).toBe(1);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.text).toContain('10:00');

    const other = await booked(nine);
    await cancel(deps, other.token);
    expect(await scheduler(new Date('2026-03-10T07:00:00Z'))).toBe(0);
    expect(reminders()).toHaveLength(1);
  });

  it('drops a reminder event for a booking that has moved on', async () => {
    const expert = await booked(nine);
    await reschedule(deps, expert.token, { slotId: ten });

    const outcome = await sendReminder(deps, {
      source: 'wegweiser.interview-reminder',
      roundId: expert.interview.roundId,
      interviewId: expert.interview.interviewId,
      startsAt: '2026-03-10T08:00:00.000Z',
    });

    expect(outcome).toBe('outdated');
    expect(reminders()).toHaveLength(0);
  });

  it('schedules nothing when the reminder time has already passed at booking', async () => {
    clock.now = new Date('2026-03-09T12:00:00Z');
    const round = await newRound(deps, { reminderLeadHours: 24, changeCutOffHours: 2 });
    await createSlots(deps, round.roundId, {
      kind: 'single',
      date: '2026-03-10',
      start: '09:00',
      timeZone: 'Europe/Berlin',
    });
    const expert = await invitedExpert(deps, round.roundId);
    await book(deps, expert.token, { slotId: nine });

    expect(await new InterviewStore(store).dueReminders(new Date('2026-03-11T00:00:00Z'))).toEqual([]);
  });
});
