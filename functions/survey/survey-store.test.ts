import { describe, expect, it } from 'vitest';
import { questionnaireVersion } from './questionnaire';
import { SubmissionRecord, SurveyRecord } from './survey-store';

describe('records stored before questionnaire versions were kept', () => {
  const survey = {
    surveyId: 's',
    title: 'Welle 1',
    opensAt: '2026-11-01T00:00:00Z',
    closesAt: '2027-01-31T23:00:00Z',
    openParticipation: false,
    privacyNoticeVersion: '2026-11-01',
    createdAt: '2026-10-30T08:00:00Z',
    createdBy: 'staff-1',
  };
  const submission = {
    surveyId: 's',
    invitationId: 'i',
    number: 1,
    answers: {
      institution: { name: 'VHS', sectorOther: '', typeOther: '', places: [] },
      offerings: [],
      opening: { steps: [], stepsOther: '', obstacles: '' },
      needs: { categories: [], description: '', mostHelpful: '' },
      interview: { topics: [], topicsOther: '' },
      privacy: { accepted: true, noticeVersion: '2026-11-01' },
    },
    language: 'de',
    submittedAt: '2026-11-10T08:00:00Z',
    draftVersion: 3,
    privacyNoticeVersion: '2026-11-01',
    channel: 'web',
  };

  it('read as the first questionnaire, not as the one asked now', () => {
    expect(SurveyRecord.parse(survey).questionnaireVersion).toBe('2026-11-01');
    expect(SubmissionRecord.parse(submission).questionnaireVersion).toBe('2026-11-01');
    expect(questionnaireVersion).not.toBe('2026-11-01');
  });

  it('keep answers without the consent to quote as not answered', () => {
    expect(SubmissionRecord.parse(submission).answers.privacy.quoteConsent).toBeUndefined();
  });
});
