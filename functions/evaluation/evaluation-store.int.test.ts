import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../local/testing/test-store';
import type { InterviewStore } from '../interviews/interview-store';
import { interviewDeps, invitedExpert, newRound } from '../interviews/testing/setup';
import type { Finding } from '../shared/domain/findings';
import type { Store } from '../shared/store/store';
import { SurveyStore } from '../survey/survey-store';
import { WorkshopStore } from '../workshops/workshop-store';
import { type EvaluationDeps, getEvaluation } from './evaluation';
import { DynamoEvaluationSource } from './evaluation-store';

const finding = (kind: Finding['kind'], topics: Finding['topics'], text: string): Finding => ({
  findingId: `f-${randomUUID().slice(0, 8)}`,
  kind,
  text,
  textLanguage: 'de',
  topics,
});

describe('the evaluation source reads interviews and workshop findings of a survey wave', () => {
  let store: Store;
  let interviews: InterviewStore;
  let evaluation: EvaluationDeps;
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const surveyId = randomUUID();

  async function moveTo(
    roundId: string,
    interviewId: string,
    state: 'written_up' | 'cancelled',
    findings: Finding[],
  ) {
    const before = await interviews.getInterview(roundId, interviewId);
    if (!before) throw new Error('interview missing');
    await interviews.saveInterview(
      before,
      { ...before, state },
      findings.length > 0
        ? {
            roundId,
            interviewId,
            institution: before.expert.institution,
            topics: before.topics,
            notes: 'Gesprächsnotizen',
            findings,
            updatedAt: clock.now.toISOString(),
            updatedBy: 'staff-1',
          }
        : undefined,
    );
  }

  async function workshopWith(announcedTo: string, findings: Finding[]) {
    const workshops = new WorkshopStore(store);
    const workshopId = randomUUID();
    await workshops.createWorkshop({
      workshopId,
      title: `Workshop ${workshopId.slice(0, 4)}`,
      startsAt: '2026-11-28T13:00:00Z',
      endsAt: '2026-11-28T17:00:00Z',
      place: 'Landratsamt',
      programme: '',
      capacity: 30,
      registrationClosesAt: '2026-11-27T12:00:00Z',
      createdAt: clock.now.toISOString(),
      createdBy: 'staff-1',
    });
    await workshops.setAnnouncement(workshopId, {
      surveyId: announcedTo,
      announcedAt: clock.now.toISOString(),
      institutions: 0,
    });
    await workshops.setResults(workshopId, { findings, recordedAt: clock.now.toISOString() });
  }

  beforeAll(async () => {
    // Arrange: a round of this survey with three interviews (invited, written up with two findings,
    // cancelled), a round of no survey with one written-up interview, a workshop announced to this
    // survey and one announced to another.
    store = await freshStore(() => clock.now);
    const setup = interviewDeps(store, clock);
    interviews = setup.interviews;
    evaluation = { source: new DynamoEvaluationSource(store), now: () => clock.now };
    const round = await newRound(setup.deps, { surveyId });
    await invitedExpert(setup.deps, round.roundId, 1);
    const written = await invitedExpert(setup.deps, round.roundId, 2);
    const cancelled = await invitedExpert(setup.deps, round.roundId, 3);
    await moveTo(round.roundId, written.interview.interviewId, 'written_up', [
      finding('topic', ['language_courses'], 'Kurse am Abend fehlen'),
      finding('recommendation', ['language_courses', 'children_youth'], 'Kinderbetreuung während der Kurse'),
    ]);
    await moveTo(round.roundId, cancelled.interview.interviewId, 'cancelled', []);
    const otherRound = await newRound(setup.deps, { topic: 'Ohne Umfrage' });
    const other = await invitedExpert(setup.deps, otherRound.roundId, 4);
    await moveTo(otherRound.roundId, other.interview.interviewId, 'written_up', [
      finding('topic', ['language_courses'], 'gehört zu keiner Umfrage'),
    ]);
    await workshopWith(surveyId, [
      finding('need', ['language_courses'], 'Mehr Plätze'),
      finding('recommendation', ['housing'], 'Wohnraumbörse'),
    ]);
    await workshopWith(randomUUID(), [finding('need', ['language_courses'], 'andere Umfrage')]);
  });

  it('takes the interviews of the rounds linked to the survey, without the experts', async () => {
    const process = await new DynamoEvaluationSource(store).process(surveyId);

    expect(process.interviews.map((interview) => interview.state).sort()).toEqual([
      'cancelled',
      'invited',
      'written_up',
    ]);
    expect(process.findings.map((f) => [f.source, f.kind, f.text]).sort()).toEqual([
      ['interview', 'recommendation', 'Kinderbetreuung während der Kurse'],
      ['interview', 'topic', 'Kurse am Abend fehlen'],
      ['workshop', 'need', 'Mehr Plätze'],
      ['workshop', 'recommendation', 'Wohnraumbörse'],
    ]);
    expect(JSON.stringify(process)).not.toMatch(/expert\d@example\.org|Expertin/);
  });

  it('counts them beside the survey in the evaluation', async () => {
    await new SurveyStore(store).createSurvey({
      surveyId,
      title: 'Welle 1',
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2027-01-31T23:00:00Z',
      openParticipation: false,
      privacyNoticeVersion: '2026-11-01',
      wave: 1,
      questionnaireVersion: '2026-11-01',
      createdAt: clock.now.toISOString(),
      createdBy: 'staff-1',
    });

    const result = await getEvaluation(evaluation, surveyId, {});

    // Booked now: only the written-up one; the cancelled one counts as invited only.
    expect(result.interviewsAndWorkshop.interviews).toEqual({ invited: 3, booked: 1, held: 1, writtenUp: 1 });
    const byTopic = new Map(result.interviewsAndWorkshop.byTopic.map((row) => [row.topic, row]));
    expect(byTopic.get('language_courses')).toMatchObject({
      surveyNeeds: 0,
      interviewFindings: 1,
      workshopFindings: 1,
      recommendations: 1,
    });
    expect(byTopic.get('housing')).toMatchObject({ recommendations: 1, workshopFindings: 0 });
    expect(byTopic.get('children_youth')).toMatchObject({ recommendations: 1 });
  });
});
