import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import { DomainError } from '../shared/domain/errors';
import type { Store } from '../shared/store/store';
import type { RecordingMailer } from '../shared/testing/recording-mailer';
import { book, cancel, expertView, reschedule } from './booking';
import type { InterviewStore } from './interview-store';
import { calendar, createSlots, type InterviewDeps, markHeld, writeNotes } from './rounds';
import { anna, ben, interviewDeps, invitedExpert, newRound } from './testing/setup';

/** Tuesday 10 March 2026, Berlin winter time (UTC+1): 09:00 Berlin is 08:00 UTC. */
const tuesday = '2026-03-10';
const nineBerlin = '20260310T080000Z';
const tenBerlin = '20260310T090000Z';
const elevenBerlin = '20260310T100000Z';

function codeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'booked';
  return result.reason instanceof DomainError ? result.reason.code : String(result.reason);
}

// Fifty and twenty concurrent writers on a shared two-core machine can take longer than the default.
describe('booking expert interviews against DynamoDB Local', { timeout: 120_000 }, () => {
  let store: Store;
  const clock = { now: new Date('2026-03-01T10:00:00Z') };
  let deps: InterviewDeps;
  let mailer: RecordingMailer;
  let interviews: InterviewStore;

  beforeEach(async () => {
    clock.now = new Date('2026-03-01T10:00:00Z');
    store = await freshStore(() => clock.now);
    ({ deps, mailer, interviews } = interviewDeps(store, clock));
  });

  async function roundWithTuesdayMorning(overrides = {}) {
    const round = await newRound(deps, overrides);
    await createSlots(deps, round.roundId, {
      kind: 'recurring',
      weekdays: [2],
      fromDate: tuesday,
      untilDate: tuesday,
      dayStart: '09:00',
      dayEnd: '12:00',
      timeZone: 'Europe/Berlin',
    });
    return round;
  }

  it('gives 50 concurrent bookings of one slot exactly one booking and 49 "taken" answers', async () => {
    const round = await roundWithTuesdayMorning();
    const experts = await Promise.all(
      Array.from({ length: 50 }, (_, index) => invitedExpert(deps, round.roundId, index + 1)),
    );

    const results = await Promise.allSettled(
      experts.map((expert) => book(deps, expert.token, { slotId: nineBerlin })),
    );

    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'booked')).toHaveLength(1);
    expect(codes.filter((code) => code === 'slot_taken')).toHaveLength(49);
    const slot = await interviews.getSlot(round.roundId, nineBerlin);
    const winner = experts[results.findIndex((result) => result.status === 'fulfilled')];
    expect(slot?.interviewId).toBe(winner?.interview.interviewId);
    const all = await interviews.listInterviews(round.roundId);
    expect(all.filter((interview) => interview.state === 'booked')).toHaveLength(1);
  });

  it('never books one interviewer twice at overlapping times, even across rounds', async () => {
    const roundA = await roundWithTuesdayMorning({ interviewers: [anna] });
    const roundB = await newRound(deps, { interviewers: [ben, anna], topic: 'Arbeitsmarkt' });
    await createSlots(deps, roundB.roundId, {
      kind: 'single',
      date: tuesday,
      start: '09:30',
      timeZone: 'Europe/Berlin',
    });
    await createSlots(deps, roundB.roundId, {
      kind: 'single',
      date: tuesday,
      start: '10:00',
      timeZone: 'Europe/Berlin',
    });
    const inA = await invitedExpert(deps, roundA.roundId, 1);
    const inB = await invitedExpert(deps, roundB.roundId, 2);
    const alsoInB = await invitedExpert(deps, roundB.roundId, 3);

    // Anna at 09:00–10:00 (round A) against Anna at 09:30–10:30 (round B), at the same moment.
    const results = await Promise.allSettled([
      book(deps, inA.token, { slotId: nineBerlin }),
      book(deps, inB.token, { slotId: '20260310T083000Z' }),
    ]);

    expect(results.map(codeOf).sort()).toEqual(['booked', 'interviewer_busy']);
    // The loser is no longer offered the time at which Anna is now busy.
    const loser = results[0]?.status === 'fulfilled' ? inB : inA;
    const offered = (await expertView(deps, loser.token)).freeSlots.map((slot) => slot.slotId);
    expect(offered).not.toContain(results[0]?.status === 'fulfilled' ? '20260310T083000Z' : nineBerlin);
    // Back to back is fine: whoever of the two lost now books 10:00–11:00 in round B, if A holds 09:00.
    if (results[0]?.status === 'fulfilled') {
      await expect(book(deps, alsoInB.token, { slotId: tenBerlin })).resolves.toMatchObject({
        state: 'booked',
      });
    } else {
      await expect(book(deps, alsoInB.token, { slotId: tenBerlin })).rejects.toMatchObject({
        code: 'interviewer_busy',
      });
    }
  });

  it('lets exactly one of 20 concurrent reschedules into one free slot through; the others keep their time', async () => {
    const round = await newRound(deps, { interviewers: [anna] });
    // Twenty afternoon slots (two a day, ten weekdays), one for each expert, and one free morning slot.
    await createSlots(deps, round.roundId, {
      kind: 'recurring',
      weekdays: [1, 2, 3, 4, 5],
      fromDate: '2026-03-09',
      untilDate: '2026-03-20',
      dayStart: '14:00',
      dayEnd: '16:00',
      timeZone: 'Europe/Berlin',
    });
    await createSlots(deps, round.roundId, {
      kind: 'single',
      date: tuesday,
      start: '11:00',
      timeZone: 'Europe/Berlin',
    });
    const afternoons = (await interviews.listSlots(round.roundId)).filter(
      (slot) => slot.slotId !== elevenBerlin,
    );
    expect(afternoons).toHaveLength(20);
    const experts = [];
    for (const [index, slot] of afternoons.entries()) {
      const expert = await invitedExpert(deps, round.roundId, index + 1);
      await book(deps, expert.token, { slotId: slot.slotId });
      experts.push({ ...expert, slotId: slot.slotId });
    }

    const results = await Promise.allSettled(
      experts.map((expert) => reschedule(deps, expert.token, { slotId: elevenBerlin })),
    );

    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'booked')).toHaveLength(1);
    expect(codes.filter((code) => code === 'slot_taken')).toHaveLength(19);
    const after = await interviews.listInterviews(round.roundId);
    expect(after.filter((interview) => interview.slot?.slotId === elevenBerlin)).toHaveLength(1);
    expect(after.filter((interview) => interview.state === 'rescheduled')).toHaveLength(1);
    expect(after.filter((interview) => interview.state === 'booked')).toHaveLength(19);
    for (const [index, expert] of experts.entries()) {
      if (results[index]?.status === 'rejected') {
        const interview = after.find((candidate) => candidate.interviewId === expert.interview.interviewId);
        expect(interview?.slot?.slotId).toBe(expert.slotId);
      }
    }
    // The winner's old slot is free again, and Anna's locks for it were released with it.
    const free = (await interviews.listSlots(round.roundId)).filter((slot) => !slot.interviewId);
    expect(free).toHaveLength(1);
    const newcomer = await invitedExpert(deps, round.roundId, 99);
    await expect(book(deps, newcomer.token, { slotId: free[0]?.slotId ?? '' })).resolves.toMatchObject({
      state: 'booked',
    });
  });

  it('answers a retried booking with the same booking, sequentially and in parallel, and mails once', async () => {
    const round = await roundWithTuesdayMorning();
    const expert = await invitedExpert(deps, round.roundId);
    const sentBefore = mailer.sent.length;

    const first = await book(deps, expert.token, { slotId: nineBerlin, comment: 'Bitte mit Beamer' });
    const again = await book(deps, expert.token, { slotId: nineBerlin, comment: 'Bitte mit Beamer' });
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => book(deps, expert.token, { slotId: nineBerlin })),
    );

    expect(again).toEqual(first);
    for (const result of parallel) expect(result).toEqual(first);
    // One confirmation to the expert, one copy with the same calendar entry to the interviewers.
    expect(mailer.sent.slice(sentBefore).map((message) => message.purpose)).toEqual([
      'interview-confirmation',
      'interview-staff-booked',
    ]);
    const [toExpert, toStaff] = mailer.sent.slice(sentBefore);
    const uidOf = (message: typeof toExpert) =>
      /UID:(.*)\r\n/.exec(
        Buffer.from(message?.attachments?.[0]?.contentBase64 ?? '', 'base64').toString(),
      )?.[1];
    expect(uidOf(toStaff)).toBe(uidOf(toExpert));
    expect(toStaff?.to).toEqual(['anna.berger@lra-wue.example']);
    expect(toStaff?.text).toContain('Bitte mit Beamer');
    expect(toStaff?.text).not.toContain(expert.token);
    expect(first.comment).toBe('Bitte mit Beamer');
  });

  it('frees the slot and the interviewer when the expert cancels; another expert can then book it', async () => {
    const round = await roundWithTuesdayMorning();
    const first = await invitedExpert(deps, round.roundId, 1);
    const second = await invitedExpert(deps, round.roundId, 2);
    await book(deps, first.token, { slotId: nineBerlin });
    await expect(book(deps, second.token, { slotId: nineBerlin })).rejects.toMatchObject({
      code: 'slot_taken',
    });

    const cancelled = await cancel(deps, first.token);
    const cancelledAgain = await cancel(deps, first.token);

    expect(cancelled.state).toBe('cancelled');
    expect(cancelledAgain).toEqual(cancelled);
    expect((await expertView(deps, second.token)).freeSlots.map((slot) => slot.slotId)).toContain(nineBerlin);
    await expect(book(deps, second.token, { slotId: nineBerlin })).resolves.toMatchObject({
      state: 'booked',
    });
    const cancelMail = mailer.sent.find((message) => message.purpose === 'interview-cancellation');
    const ics = Buffer.from(cancelMail?.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
  });

  it('refuses booking, rescheduling and cancelling after the cut-off, and changes nothing', async () => {
    const round = await roundWithTuesdayMorning({ changeCutOffHours: 48 });
    const expert = await invitedExpert(deps, round.roundId, 1);
    const late = await invitedExpert(deps, round.roundId, 2);
    await book(deps, expert.token, { slotId: nineBerlin });

    clock.now = new Date('2026-03-08T09:00:00Z'); // 47 hours before 09:00 Berlin on the 10th

    await expect(book(deps, late.token, { slotId: tenBerlin })).rejects.toMatchObject({
      code: 'cut_off_passed',
    });
    await expect(reschedule(deps, expert.token, { slotId: tenBerlin })).rejects.toMatchObject({
      code: 'cut_off_passed',
    });
    await expect(cancel(deps, expert.token)).rejects.toMatchObject({ code: 'cut_off_passed' });
    const view = await expertView(deps, expert.token);
    expect(view.interview).toMatchObject({ state: 'booked', canChange: false, slot: { slotId: nineBerlin } });
    // Only 11:00 Berlin (10:00 UTC) is still more than 48 hours away.
    expect(view.freeSlots.map((slot) => slot.slotId)).toEqual([elevenBerlin]);
  });

  it('moves a booking to an overlapping time of the same interviewer in one step', async () => {
    const round = await newRound(deps, { durationMinutes: 60 });
    await createSlots(deps, round.roundId, {
      kind: 'single',
      date: tuesday,
      start: '09:00',
      timeZone: 'Europe/Berlin',
    });
    await createSlots(deps, round.roundId, {
      kind: 'single',
      date: tuesday,
      start: '09:30',
      timeZone: 'Europe/Berlin',
    });
    const expert = await invitedExpert(deps, round.roundId);
    await book(deps, expert.token, { slotId: nineBerlin });

    // Anna's quarter hours at 09:30–10:00 are the expert's own: the overlapping time is still offered.
    expect((await expertView(deps, expert.token)).freeSlots.map((slot) => slot.slotId)).toEqual([
      '20260310T083000Z',
    ]);
    const moved = await reschedule(deps, expert.token, { slotId: '20260310T083000Z' });

    expect(moved).toMatchObject({ state: 'rescheduled', slot: { startsAt: '2026-03-10T08:30:00.000Z' } });
    const view = await calendar(deps, round.roundId, {});
    expect(view.slots.map((slot) => [slot.slotId, slot.free])).toEqual([
      [nineBerlin, true],
      ['20260310T083000Z', false],
    ]);
    const mail = mailer.sent.find((message) => message.purpose === 'interview-reschedule');
    const ics = Buffer.from(mail?.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('DTSTART:20260310T083000Z');
  });

  it('keeps notes and tagged findings with a held interview, guarded by its version', async () => {
    const round = await roundWithTuesdayMorning();
    const expert = await invitedExpert(deps, round.roundId);
    await book(deps, expert.token, { slotId: nineBerlin });
    await expect(
      writeNotes(
        deps,
        round.roundId,
        expert.interview.interviewId,
        { notes: 'x', findings: [], writtenUp: false, version: 2 },
        's',
      ),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    const held = await markHeld(deps, round.roundId, expert.interview.interviewId);

    const written = await writeNotes(
      deps,
      round.roundId,
      expert.interview.interviewId,
      {
        notes: 'Wartelisten für Integrationskurse sind lang.',
        findings: [
          {
            kind: 'need',
            text: 'Mehr Kursplätze am Abend',
            textLanguage: 'de',
            topics: ['language_courses'],
          },
        ],
        writtenUp: true,
        version: held.version,
      },
      'staff-1',
    );

    expect(written.interview.state).toBe('written_up');
    expect(written.findings[0]?.findingId).toMatch(/^[A-Za-z0-9_-]{6,40}$/);
    await expect(
      writeNotes(
        deps,
        round.roundId,
        expert.interview.interviewId,
        { notes: 'stale', findings: [], writtenUp: false, version: held.version },
        's',
      ),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  });
});
